import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

const Base64Url = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+={0,2}$/);
const ClientExtensionResults = z.record(z.string(), z.unknown()).default({});
const Attachment = z.enum(["platform", "cross-platform"]).optional();

const RegistrationResponseSchema = z.object({
  id: Base64Url,
  rawId: Base64Url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: Base64Url,
    attestationObject: Base64Url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: Attachment,
});

const AuthenticationResponseSchema = z.object({
  id: Base64Url,
  rawId: Base64Url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: Base64Url,
    authenticatorData: Base64Url,
    signature: Base64Url,
    userHandle: Base64Url.optional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: Attachment,
});

function parseJson(text: string): unknown {
  if (text.length > 64_000) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The browser's answer to a registration, as sent in the form; null when it isn't one. */
export function parseRegistrationResponse(text: string): RegistrationResponseJSON | null {
  const parsed = RegistrationResponseSchema.safeParse(parseJson(text));
  return parsed.success ? (parsed.data as RegistrationResponseJSON) : null;
}

/** The browser's answer to a sign-in with a passkey; null when it isn't one. */
export function parseAuthenticationResponse(text: string): AuthenticationResponseJSON | null {
  const parsed = AuthenticationResponseSchema.safeParse(parseJson(text));
  return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null;
}

/**
 * The challenge the browser signed, read from its client data, to find the one issued: the
 * library then checks it again, with the origin, the RP ID and the signature.
 */
export function challengeOf(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const clientData = JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof clientData.challenge === "string" && /^[A-Za-z0-9_-]{16,256}$/.test(clientData.challenge) ? clientData.challenge : null;
  } catch {
    return null;
  }
}
