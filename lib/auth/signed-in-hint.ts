/**
 * The public pages are the same prerendered HTML for everyone, so their header can't ask the
 * server who is signed in. proxy.ts keeps this readable cookie in step with the (HttpOnly)
 * session cookie's presence, and the header's account links read it in the browser
 * (components/site/account-links.tsx): with it, and only then, they ask /api/session whether the
 * session is good and past the second step. It says only "a session cookie is present": it
 * grants nothing, and every signed-in page still checks the session itself.
 */
export const SIGNED_IN_HINT_COOKIE = "portal_signed_in";

/** Whether a `document.cookie` string carries the hint. */
export function hasSignedInHint(cookieHeader: string): boolean {
  return cookieHeader.split(";").some((part) => part.trim() === `${SIGNED_IN_HINT_COOKIE}=1`);
}
