import { currentUser } from "@/lib/auth/dal";

/**
 * Whether this browser is signed in (session valid and past the second step), for the header of
 * the prerendered public pages (components/site/account-links.tsx). It says nothing else, and is
 * only asked by a browser that holds a session cookie.
 */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  return Response.json({ signedIn: user !== null }, { headers: { "cache-control": "private, no-store" } });
}
