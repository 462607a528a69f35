import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";
import type { z } from "zod";
import { env } from "@/lib/env";
import { normalizePassword, PASSWORD_MAX, PASSWORD_MIN } from "./password";

/**
 * zxcvbn's score 4: at least 10^10 guesses. Score 3 (10^8) still lets through a season and a
 * year ("Summer2026!!"), the first thing an attacker with a stolen hash tries.
 */
export const MIN_PASSWORD_SCORE = 4;

export const WEAK_PASSWORD_ADVICE = "Use a longer passphrase of unrelated words, for example four words that have nothing to do with you or your work.";

/** What the checker knows about the person choosing the password; their details must not be in it. */
export interface PasswordContext {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}

export type PasswordStrength = { ok: true } | { ok: false; message: string };

let checker: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
  });
  return checker;
}

/** The words a guesser of this person's password starts with: the payer, the portal, the person's name and email. */
export function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(["provider", "portal", "provider portal", "healthplan", "health plan"]);
  const add = (value: string | null | undefined) => {
    const word = value?.trim().toLowerCase();
    if (!word || word.length < 2) return;
    words.add(word);
    words.add(word.replace(/[^\p{L}\p{N}]+/gu, ""));
    for (const part of word.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 2) words.add(part);
  };
  add(env().PAYER_NAME);
  add(context.firstName);
  add(context.lastName);
  if (context.firstName && context.lastName) add(`${context.firstName}${context.lastName}`);
  add(context.email);
  const [local, domain] = (context.email ?? "").split("@");
  add(local);
  add(domain?.split(".")[0]);
  words.delete("");
  return [...words];
}

/**
 * Judges how easy a password is to guess (zxcvbn with English and common dictionaries, and the
 * person's own details as context). The one check for every place a password is chosen:
 * registration, invitations, password reset and change. Server only.
 */
export function checkPasswordStrength(password: string, context: PasswordContext = {}): PasswordStrength {
  const normalized = normalizePassword(password);
  if (normalized.length < PASSWORD_MIN || normalized.length > PASSWORD_MAX) return { ok: false, message: WEAK_PASSWORD_ADVICE };
  const result = zxcvbn().check(normalized, contextWords(context));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const warning = result.feedback.warning;
  const mentionsPerson = result.sequence.some((match) => "dictionaryName" in match && match.dictionaryName === "userInputs");
  const reason = mentionsPerson
    ? "It contains your name, your email, or the name of the health plan or portal."
    : warning
      ? `${warning.replace(/\.$/, "")}.`
      : "It would be easy to guess.";
  return { ok: false, message: `That password is too easy to guess. ${reason} ${WEAK_PASSWORD_ADVICE}` };
}

type Candidate = { password?: unknown; firstName?: unknown; lastName?: unknown; email?: unknown } | null | undefined;

const text = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * For a form's zod schema (`.superRefine(refinePasswordStrength)`): reports a guessable password
 * on the `password` field, with the form's own name and email fields as context. Skipped while
 * the password fails its length rules (PasswordSchema says what to fix first).
 */
export function refinePasswordStrength(value: Candidate, ctx: z.RefinementCtx, extra: PasswordContext = {}): void {
  const password = text(value?.password);
  if (password === null) return;
  const length = normalizePassword(password).length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) return;
  const strength = checkPasswordStrength(password, {
    firstName: text(value?.firstName) ?? extra.firstName,
    lastName: text(value?.lastName) ?? extra.lastName,
    email: text(value?.email) ?? extra.email,
  });
  if (!strength.ok) ctx.addIssue({ code: "custom", path: ["password"], message: strength.message });
}
