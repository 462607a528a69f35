/**
 * What to tell a person when their browser or device didn't complete a passkey request:
 * plain words and what to do next. (WebAuthnError from @simplewebauthn/browser carries a code;
 * the browser's own DOMException a name.)
 */
export function passkeyErrorMessage(error: unknown, ceremony: "add" | "use"): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const again = ceremony === "add" ? "Press “Add passkey” to try again." : "Press “Use your passkey” to try again.";
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError") {
    return ceremony === "add"
      ? "This device already has a passkey for your account, so there is nothing to add. Use it when you sign in, or add a passkey on another device."
      : "Your device couldn't use this passkey. Try again, or choose another way below.";
  }
  if (code === "ERROR_CEREMONY_ABORTED" || name === "NotAllowedError" || name === "AbortError") {
    return `The browser cancelled the passkey request, or it timed out. ${again}`;
  }
  if (code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID" || name === "SecurityError") {
    return "This browser won't use passkeys on this address. Open the portal from its usual address and try again.";
  }
  if (name === "NotSupportedError" || code === "ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG") {
    return "This device can't make a passkey the portal accepts. Try another device, or use an authenticator app.";
  }
  return `Your device couldn't complete the passkey request. ${again}`;
}

export const NO_WEBAUTHN_MESSAGE = "This browser can't use passkeys. Use a current version of Chrome, Edge, Safari or Firefox, or choose another way.";
