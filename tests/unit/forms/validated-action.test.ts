import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { validatedAction } from "@/lib/forms/validated-action";

const handler = vi.fn(async () => ({ ok: true }));
const action = validatedAction({ schema: z.object({ email: z.string().min(1), note: z.string().optional() }), fields: ["email", "note"] as const }, handler);

describe("validatedAction with hostile requests", () => {
  it.each([
    ["a JSON body", { email: "pat@example.org" }],
    ["no body", undefined],
    ["a string", "email=pat@example.org"],
  ])("answers %s with a message instead of throwing", async (_label, body) => {
    const result = await action({ ok: false }, body as unknown as FormData);
    expect(result).toEqual({ ok: false, message: "We couldn't read this form. Reload the page and try again: nothing was saved." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a NUL byte as a field error, keeping the rest of what was typed", async () => {
    const form = new FormData();
    form.set("email", "pat\u0000@example.org");
    form.set("note", "hello");
    const result = await action({ ok: false }, form);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: ["This contains a character we can't accept. Type it again and try once more."] },
      values: { email: "pat@example.org", note: "hello" },
    });
    expect(handler).not.toHaveBeenCalled();
  });
});
