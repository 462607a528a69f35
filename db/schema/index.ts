export * from "./reference";
export * from "./accounts";
export * from "./access";
export * from "./audit";
export * from "./outbox";
export * from "./rate-limits";
