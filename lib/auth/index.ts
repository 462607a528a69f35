import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { contextFromHeaders } from "@/lib/client-context";
import { authenticate } from "./authenticate";
import { authConfig } from "./config";
import { deviceIdForSignIn } from "./devices";

/** Carries why a sign-in failed to the sign-in action (never shown verbatim to the user). */
export class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "unverified" | "inactive" | "rate_limited") {
    super();
    this.code = code;
  }
}

export const { auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, device: {} },
      async authorize(credentials, request) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        const result = await authenticate(email, password, contextFromHeaders(request.headers), deviceIdForSignIn(credentials.device, request.headers));
        if (!result.ok) throw new SignInRefused(result.code);
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
});
