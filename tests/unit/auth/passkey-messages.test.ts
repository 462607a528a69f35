import { describe, expect, it } from "vitest";
import { passkeyErrorMessage } from "@/components/passkeys/browser-errors";
import { PasskeyNameSchema } from "@/lib/auth/passkeys/passkey-name";
import { challengeOf, parseAuthenticationResponse, parseRegistrationResponse } from "@/lib/auth/passkeys/responses";

describe("PasskeyNameSchema", () => {
  it("keeps a plain name, tidied", () => {
    expect(PasskeyNameSchema.parse("  Office   laptop ")).toBe("Office laptop");
    expect(PasskeyNameSchema.parse("Ｍｙ ｐｈｏｎｅ")).toBe("My phone");
  });

  it("refuses an empty, long or control-character name with a message that says what to do", () => {
    expect(PasskeyNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("Give this passkey a name, such as “Office laptop”.");
    expect(PasskeyNameSchema.safeParse("x".repeat(61)).error?.issues[0]?.message).toBe("Use 60 characters or fewer.");
    expect(PasskeyNameSchema.safeParse("Office\u0007laptop").success).toBe(false);
  });
});

describe("passkeyErrorMessage", () => {
  it("says the browser cancelled, and what to press next", () => {
    expect(passkeyErrorMessage({ name: "NotAllowedError" }, "use")).toBe("The browser cancelled the passkey request, or it timed out. Press “Use your passkey” to try again.");
    expect(passkeyErrorMessage({ name: "Error", code: "ERROR_CEREMONY_ABORTED" }, "add")).toContain("Press “Add passkey” to try again.");
  });

  it("says a device that already holds a passkey for the account has nothing to add", () => {
    expect(passkeyErrorMessage({ name: "InvalidStateError", code: "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" }, "add")).toContain("This device already has a passkey for your account");
  });

  it("falls back to a plain message for anything else", () => {
    expect(passkeyErrorMessage(new Error("boom"), "use")).toBe("Your device couldn't complete the passkey request. Press “Use your passkey” to try again.");
    expect(passkeyErrorMessage(undefined, "add")).toContain("Press “Add passkey” to try again.");
  });
});

describe("reading the browser's answer", () => {
  it("refuses anything but a well-formed WebAuthn response", () => {
    expect(parseRegistrationResponse("not json")).toBeNull();
    expect(parseRegistrationResponse(JSON.stringify({ id: "abc", rawId: "abc", type: "public-key", response: {} }))).toBeNull();
    expect(parseAuthenticationResponse(JSON.stringify({ id: "a b", rawId: "a", type: "public-key", response: { clientDataJSON: "a", authenticatorData: "a", signature: "a" } }))).toBeNull();
    expect(parseAuthenticationResponse("x".repeat(70_000))).toBeNull();
  });

  it("reads the challenge from the client data, and only a plausible one", () => {
    const clientData = (challenge: unknown) => ({ response: { clientDataJSON: Buffer.from(JSON.stringify({ type: "webauthn.get", challenge })).toString("base64url") } });
    expect(challengeOf(clientData("c2lnbmVkLWNoYWxsZW5nZS12YWx1ZQ"))).toBe("c2lnbmVkLWNoYWxsZW5nZS12YWx1ZQ");
    expect(challengeOf(clientData("short"))).toBeNull();
    expect(challengeOf(clientData(42))).toBeNull();
    expect(challengeOf({ response: { clientDataJSON: "%%%" } })).toBeNull();
  });
});
