import { afterEach, beforeEach, vi } from "vitest";

// Any console.error a test did not expect fails it: errors must not pass silently.
let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  const unexpected = errors;
  errors = [];
  vi.mocked(console.error).mockRestore();
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console.error:\n${unexpected.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});

/** For a test that expects an error to be logged: returns what was logged so far and clears it. */
export function takeConsoleErrors(): unknown[][] {
  const taken = errors;
  errors = [];
  return taken;
}
