/**
 * What every form action returns: whether it worked, a message for the whole form, the
 * errors of each field, and what was typed (so the form shows it again; never passwords).
 */
export interface FormState<Field extends string = string> {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<Field, string[]>>;
  values?: Partial<Record<Field, string>>;
  /** What a form needs to ask a follow-up question (e.g. the masked names of a Tax ID's delegates). */
  data?: Record<string, string | string[]>;
}

export const initialFormState: FormState<never> = { ok: false };
