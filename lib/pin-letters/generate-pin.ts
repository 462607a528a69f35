import { randomInt } from "node:crypto";
import { PIN_ALPHABET, PIN_LENGTH } from "@/lib/validation/pin";

/** 8 characters from 31: about 40 bits, drawn with the CSPRNG (randomInt avoids modulo bias). */
export function generatePin(): string {
  let pin = "";
  for (let index = 0; index < PIN_LENGTH; index += 1) pin += PIN_ALPHABET[randomInt(PIN_ALPHABET.length)];
  return pin;
}
