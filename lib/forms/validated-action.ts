import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { log } from "@/lib/log.mjs";
import { requestContext, type RequestContext } from "@/lib/request-context";
import type { FormState } from "./form-state";

export function formValues<Field extends string>(formData: FormData, fields: readonly Field[], secretFields: readonly Field[] = []): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    if (secretFields.includes(field)) continue;
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 1000);
  }
  return values;
}

interface ActionOptions<Schema extends z.ZodType, Field extends string> {
  schema: Schema;
  /** Every field of the form: these are echoed back so nothing typed is lost. */
  fields: readonly Field[];
  /** Never echoed back (passwords). */
  secretFields?: readonly Field[];
}

export interface ActionContext<Field extends string> {
  values: Partial<Record<Field, string>>;
  request: RequestContext;
}

/**
 * Wraps a form action: parses the FormData with the zod schema, returns every field's
 * errors with the typed values, and turns an unexpected failure (a database outage, say)
 * into a friendly message with a reference instead of an error page, keeping the input.
 * Redirects and other Next control flow pass through untouched.
 *
 * Authorization stays in the handler: it calls the data-access layer (requireUser, ...)
 * for the objects it touches.
 */
export function validatedAction<Schema extends z.ZodType, Field extends string>(
  options: ActionOptions<Schema, Field>,
  handler: (data: z.output<Schema>, context: ActionContext<Field>) => Promise<FormState<Field>>,
): (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>> {
  return async (_previous, formData) => {
    // A hand-made request (a JSON or empty body) reaches the action without FormData: answer, don't crash.
    if (!(formData instanceof FormData)) {
      return { ok: false, message: "We couldn't read this form. Reload the page and try again: nothing was saved." };
    }
    const values = formValues(formData, options.fields, options.secretFields);
    // NUL bytes are never typed and PostgreSQL refuses them in text: stop them here, field by field.
    const withNul = options.fields.filter((field) => String(formData.get(field) ?? "").includes("\u0000"));
    if (withNul.length > 0) {
      for (const field of withNul) if (values[field] !== undefined) values[field] = values[field]!.replaceAll("\u0000", "");
      return {
        ok: false,
        message: withNul.length === 1 ? "Please correct the field marked below." : `Please correct the ${withNul.length} fields marked below.`,
        fieldErrors: Object.fromEntries(withNul.map((field) => [field, ["This contains a character we can't accept. Type it again and try once more."]])) as Partial<Record<Field, string[]>>,
        values,
      };
    }
    const raw = Object.fromEntries(options.fields.map((field) => [field, formData.get(field) ?? undefined]));
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Partial<Record<Field, string[]>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "") as Field;
        if (!options.fields.includes(field)) continue;
        const list = (fieldErrors[field] ??= []);
        if (!list.includes(issue.message)) list.push(issue.message);
      }
      const count = Object.keys(fieldErrors).length;
      return {
        ok: false,
        message: count === 1 ? "Please correct the field marked below." : `Please correct the ${count} fields marked below.`,
        fieldErrors,
        values,
      };
    }
    const request = await requestContext();
    try {
      return await handler(parsed.data, { values, request });
    } catch (error) {
      unstable_rethrow(error);
      log.error({ module: "action", reqId: request.requestId, err: error }, "a server action failed");
      return {
        ok: false,
        message: `Something went wrong on our side and nothing was saved. What you typed is still here: please try again in a few minutes. (Reference ${request.requestId.slice(0, 8)})`,
        values,
      };
    }
  };
}
