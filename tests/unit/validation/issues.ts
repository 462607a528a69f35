import type { z } from "zod";

/** The messages a schema gives for a value (empty when it parses). */
export function messagesFor(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}
