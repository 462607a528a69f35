import { hostname } from "node:os";

/**
 * This process among the app's instances, "host:pid": recorded on the work it claims (the
 * scheduled passes it runs, the emails it delivers), so that people reading the database can
 * tell which instance did what.
 */
export function instanceName(): string {
  return `${hostname()}:${process.pid}`;
}
