import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Only redirects visitors without a session away from signed-in pages; every page,
// action and route handler still checks the session itself (lib/auth/dal.ts).
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
