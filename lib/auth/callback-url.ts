/** Where to go after signing in: only a path on this site (never another site), default /access. */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/access";
  if (value.startsWith("/signin") || value.startsWith("/api/")) return "/access";
  return value.slice(0, 500);
}
