/**
 * "p•••@northside.example" — what a stranger may see of a delegate's email: enough for the
 * people of the organization to recognize a colleague, not enough to write to them.
 * The first character of the local part (lower case), a fixed mask whatever its length, and the domain.
 */
export function maskEmail(email: string): string {
  const address = email.trim();
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return "•••";
  const first = Array.from(address.slice(0, at))[0]!.toLowerCase();
  return `${first}•••@${address.slice(at + 1).toLowerCase()}`;
}
