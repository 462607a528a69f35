// Plain JavaScript (with lib/client-address.d.mts) because server.mjs, which runs without a
// build step, uses it as well as the app.
import net from "node:net";

/**
 * TRUSTED_PROXY_HOPS: how many reverse proxies in front of the portal append to
 * X-Forwarded-For. 0 (the default): the portal is reached directly, and the client's address
 * is the connection's own.
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseTrustedProxyHops(value) {
  const text = (value ?? "").trim();
  if (text === "") return 0;
  if (!/^\d{1,2}$/.test(text)) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number of proxies from 0 to 99 (got ${JSON.stringify(value)}).`);
  }
  return Number(text);
}

/**
 * One address as a plain IP, or null: drops an IPv4-mapped prefix and a port, refuses anything else.
 * @param {string | undefined | null} value
 * @returns {string | null}
 */
export function normalizeAddress(value) {
  let text = (value ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/^::ffff:(?=\d{1,3}(\.\d{1,3}){3}$)/i, "");
  return net.isIP(text) ? text.toLowerCase() : null;
}

/**
 * The client's address as far as the trusted proxies can vouch for it. The chain is the
 * X-Forwarded-For entries followed by the connection's own address; each trusted proxy
 * appended the address it was connected from, so the client is `hops` entries left of the
 * connection. Entries further left were written by the client and are never used; when the
 * chain is shorter than the hops, or the entry is not an address, the nearest trusted one is.
 * @param {string | undefined | null} socketAddress
 * @param {string | string[] | undefined | null} forwardedFor
 * @param {number} hops
 * @returns {string | null}
 */
export function clientAddressFrom(socketAddress, forwardedFor, hops) {
  const connection = normalizeAddress(socketAddress);
  if (hops <= 0) return connection;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ""];
  let address = connection;
  for (let step = 1; step <= hops; step += 1) {
    const index = chain.length - 1 - step;
    if (index < 0) break;
    const candidate = normalizeAddress(chain[index]);
    if (!candidate) break;
    address = candidate;
  }
  return address;
}
