const SITE = "http://portal.invalid";

/**
 * Where to go after signing in: only a path on this site, default /access. Browsers drop tabs
 * and newlines from URLs and read "\" as "/", so "/\t/evil.example" would leave the site: any
 * control, space, backslash or non-ASCII character refuses the value outright, and what remains
 * must still resolve to this site once parsed.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > 500) return "/access";
  if (!/^\/[\x21-\x5b\x5d-\x7e]*$/.test(value) || value.startsWith("//")) return "/access";
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return "/access";
  }
  if (url.origin !== SITE) return "/access";
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || path.startsWith("/signin") || path.startsWith("/api/")) return "/access";
  return path;
}
