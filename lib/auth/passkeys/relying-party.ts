import { env } from "@/lib/env";

/** Who the passkeys belong to, as WebAuthn sees it. */
export interface RelyingParty {
  /** The RP ID: the host name of APP_URL (a passkey works only on this host and its subdomains). */
  id: string;
  /** The one origin ceremonies may come from. */
  origin: string;
  /** Shown by the browser and the authenticator. */
  name: string;
}

/**
 * Built from APP_URL, never from request headers: a request that claims another Host can't make
 * the server accept a passkey made for another site.
 */
export function relyingParty(): RelyingParty {
  const config = env();
  const url = new URL(config.APP_URL);
  return { id: url.hostname, origin: url.origin, name: `${config.PAYER_NAME} Provider Portal` };
}
