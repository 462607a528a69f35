import { z } from "zod";

/** The letters and digits a PIN uses: no 0/O or 1/I/L, which look alike on paper. */
export const PIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const PIN_LENGTH = 8;

/** What people type, the way it is compared: case, spaces and dashes don't matter. */
export function normalizePin(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

/** "ABCDEFGH" → "ABCD-EFGH": easier to read off a letter and to type. */
export function formatPin(pin: string): string {
  return `${pin.slice(0, 4)}-${pin.slice(4)}`;
}

const PIN_PATTERN = new RegExp(`^[${PIN_ALPHABET}]{${PIN_LENGTH}}$`);

export const PinSchema = z
  .string({ error: "Enter the PIN printed on the letter." })
  .transform(normalizePin)
  .refine((value) => value.length > 0, { message: "Enter the PIN printed on the letter.", abort: true })
  .refine((value) => value.length === PIN_LENGTH, { message: `The PIN has ${PIN_LENGTH} letters and numbers, like ABCD-EFGH.`, abort: true })
  .refine((value) => PIN_PATTERN.test(value), {
    message: "A PIN never contains 0, 1, I, L or O: check the letter and type it again.",
  });
