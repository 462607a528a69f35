import nextEnv from "@next/env";

// Command-line scripts read the same .env files as Next (.env, .env.local, ...), so that
// they open the same database as the server.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
