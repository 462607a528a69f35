import type { LetterAddress } from "@/db/schema";

/** "500 Birch Ln" → "5•• Birch Ln": enough to recognise the practice, not to learn its address. */
export function maskStreet(line: string): string {
  return line.replace(/\d+/g, (digits) => digits.charAt(0) + "•".repeat(digits.length - 1));
}

/** "Birchwood Clinic, 5•• Birch Ln, Bloomington, MN 55420" (a suite line is left out). */
export function maskedAddress(address: LetterAddress): string {
  return `${address.name}, ${maskStreet(address.addressLine1)}, ${address.city}, ${address.state} ${address.postalCode}`;
}
