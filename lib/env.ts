import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
    error: "must be true or false",
  })
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    AUTH_SECRET: z
      .string({ error: "is required (run `npm run setup` to generate one for development)" })
      .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
    /** Unset: http://localhost:<PORT> outside production (the port `next dev` listens on), http://localhost:3000 in production. */
    APP_URL: z.url({ error: "must be an absolute URL such as http://localhost:3000" }).optional(),
    /** The port the server listens on: `next dev` sets it (from -p, PORT, or the next free port when 3000 is taken). */
    PORT: z.coerce.number({ error: "must be a port number" }).int("must be a port number").min(1, "must be a port number").max(65535, "must be a port number").optional(),
    PAYER_NAME: z.string().trim().min(1).max(60).default("HealthPartners"),
    EMAIL_FROM: z.string().trim().min(3).optional(),
    RESEND_API_KEY: z.string().trim().min(1).optional(),
    DEV_MAILBOX: booleanString.optional(),
    /** The second, explicit switch that a production site with DEV_MAILBOX=true is a demo (see README "Security"). */
    DEMO_MODE: booleanString.default(false),
    /** How many reverse proxies in front of the portal append to X-Forwarded-For (read by server.mjs). */
    TRUSTED_PROXY_HOPS: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0).max(99).default(0),
    /** The database role the app switches to after connecting ("none": stay the connecting role). Read by db/client.ts. */
    DATABASE_APP_ROLE: z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a plain role name such as portal_app, or none")
      .default("portal_app"),
    OUTBOX_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    /** The phone number printed on PIN letters and given when PIN entry is refused. */
    PAYER_PHONE: z.string().trim().min(7).max(30).default("1-800-555-0199"),
    /** Base64 of 32 bytes: the AES-256-GCM key of PIN letters waiting to be printed (derived from AUTH_SECRET when unset). */
    PIN_LETTER_KEY: z
      .string()
      .trim()
      .refine((value) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32, {
        message: "must be the base64 encoding of exactly 32 bytes (e.g. `openssl rand -base64 32`)",
      })
      .optional(),
    /** Two-step sign-in for everyone (staff always need it). Default: on in production, off otherwise. */
    MFA_REQUIRED: booleanString.optional(),
  })
  .transform((env, ctx) => {
    const devMailbox = env.DEV_MAILBOX ?? (env.NODE_ENV !== "production" && !env.RESEND_API_KEY);
    if (env.NODE_ENV === "production" && !env.RESEND_API_KEY && !devMailbox) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "is required in production to send email (or, for a demo site only, DEV_MAILBOX=true with DEMO_MODE=true)",
      });
    }
    if (env.NODE_ENV === "production" && devMailbox && !env.DEMO_MODE) {
      ctx.addIssue({
        code: "custom",
        path: ["DEV_MAILBOX"],
        message:
          "set to true in production needs DEMO_MODE=true as well: the dev mailbox shows every email, with its confirmation and password-reset links, to anyone at /dev/mailbox. Set DEMO_MODE=true only for a demo site with no real people's data (every page then says so), or unset DEV_MAILBOX and set RESEND_API_KEY",
      });
    }
    return {
      ...env,
      /** A production demo: the dev mailbox is public, and every page and start says so. */
      demoMode: env.NODE_ENV === "production" && devMailbox && env.DEMO_MODE,
      APP_URL: (env.APP_URL ?? defaultAppUrl(env.NODE_ENV, env.PORT)).replace(/\/+$/, ""),
      EMAIL_FROM: env.EMAIL_FROM ?? `${env.PAYER_NAME} Provider Portal <no-reply@provider-portal.example>`,
      emailTransport: devMailbox ? ("dev-mailbox" as const) : ("resend" as const),
      devMailbox,
      MFA_REQUIRED: env.MFA_REQUIRED ?? env.NODE_ENV === "production",
    };
  });

/**
 * Where email links point when APP_URL is unset. Outside production, the port this server listens
 * on, so that `PORT=3201 npm run dev` (or `next dev -p 3201`, or the next free port) mails links
 * that open this server; in production the documented default, which an operator overrides with
 * the real address (README "Production").
 */
function defaultAppUrl(nodeEnv: "development" | "production" | "test", port: number | undefined): string {
  return nodeEnv === "production" ? "http://localhost:3000" : `http://localhost:${port ?? 3000}`;
}

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(issues: string[]) {
    super(`Invalid environment configuration:\n${issues.map((line) => `  - ${line}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** Forgets the parsed configuration, so that the next env() reads process.env again (for tests that change it). */
export function forgetParsedEnv(): void {
  cached = undefined;
}

/** The process's configuration, parsed once; throws an EnvError naming each bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
