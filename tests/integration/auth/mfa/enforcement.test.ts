import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { passkeys } from "@/db/schema";
import { env } from "@/lib/env";
import { passSecondStep } from "@/lib/auth/mfa/check-code";
import { buildRequestContext } from "@/tests/factories/request-context";
import { codeAt, enrollAuthenticator, newPerson, sessionOf } from "./helpers";

/** The session the mocked Auth.js cookie carries in each test. */
const cookie = vi.hoisted(() => ({ session: null as null | { sessionId: string; user: { id: string } } }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => cookie.session }));
vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ clientAddress: "198.51.100.7", userAgent: "vitest", requestId: crypto.randomUUID() }) }));

const { currentUser, requireUser, requireEnrollingUser, secondStepDueNow } = await import("@/lib/auth/dal");

function useSession(person: { sessionId: string; userId: string }) {
  cookie.session = { sessionId: person.sessionId, user: { id: person.userId } };
}

/** Where requireUser() redirected to (Next's redirect throws an error whose digest carries the URL). */
async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (!digest?.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? null;
  }
}

let mfaRequired: boolean;
beforeEach(() => {
  mfaRequired = env().MFA_REQUIRED;
});
afterEach(() => {
  env().MFA_REQUIRED = mfaRequired;
  cookie.session = null;
});

describe("the second step of signing in, enforced by the data-access layer", () => {
  it("with MFA_REQUIRED off, a provider without a factor is signed in by the password", async () => {
    env().MFA_REQUIRED = false;
    const person = await newPerson();
    useSession(person);
    expect(await secondStepDueNow()).toBe("none");
    expect((await currentUser())?.userId).toBe(person.userId);
    expect(await redirectOf(() => requireUser("/access"))).toBeNull();
  });

  it("with MFA_REQUIRED on, a password-only session gets no portal page: it must set up a factor first", async () => {
    env().MFA_REQUIRED = true;
    const person = await newPerson();
    useSession(person);
    expect(await secondStepDueNow()).toBe("setup");
    expect(await currentUser()).toBeNull();
    expect(await redirectOf(() => requireUser("/users?x=1"))).toBe("/account/security/setup?callbackUrl=%2Fusers%3Fx%3D1");
    // The setup page lets it in; a hostile callbackUrl is dropped on the way.
    expect(await redirectOf(() => requireEnrollingUser("/access"))).toBeNull();
    expect(await redirectOf(() => requireUser("//evil.example"))).toBe("/account/security/setup?callbackUrl=%2Faccess");
  });

  it("staff always need a second step, even with MFA_REQUIRED off", async () => {
    env().MFA_REQUIRED = false;
    const person = await newPerson("staff");
    useSession(person);
    expect(await currentUser()).toBeNull();
    expect(await redirectOf(() => requireUser("/access"))).toBe("/account/security/setup?callbackUrl=%2Faccess");
  });

  it("an account with an authenticator owes a code whatever MFA_REQUIRED says, until the code is given", async () => {
    env().MFA_REQUIRED = false;
    const start = new Date();
    const enrolling = await newPerson();
    const { secret } = await enrollAuthenticator(enrolling, start);
    const person = await sessionOf(enrolling.userId);
    useSession(person);
    expect(await secondStepDueNow()).toBe("verify");
    expect(await currentUser()).toBeNull();
    expect(await redirectOf(() => requireUser("/access"))).toBe("/signin/two-step?callbackUrl=%2Faccess");
    expect(await redirectOf(() => requireEnrollingUser("/access"))).toBe("/signin/two-step?callbackUrl=%2Faccess");

    const now = new Date(start.getTime() + 30_000);
    expect(await passSecondStep(person, "totp", codeAt(secret, now), buildRequestContext(), now)).toMatchObject({ ok: true });
    expect(await secondStepDueNow()).toBe("none");
    expect((await currentUser())?.mfaMethod).toBe("totp");
    expect(await redirectOf(() => requireUser("/access"))).toBeNull();
  });

  it("an account with a passkey (any row in passkeys) owes the second step too", async () => {
    env().MFA_REQUIRED = false;
    const person = await newPerson();
    await db.insert(passkeys).values({ userId: person.userId, credentialId: `cred-${person.userId}`, publicKey: "pk", name: "Office laptop" });
    useSession(person);
    expect(await secondStepDueNow()).toBe("verify");
    expect(await currentUser()).toBeNull();
  });

  it("no session: requireUser sends to sign in", async () => {
    expect(await redirectOf(() => requireUser("/access"))).toBe("/signin?callbackUrl=%2Faccess");
  });
});
