import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser, membershipsOf } from "@/lib/auth/dal";

/**
 * Adding a Tax ID with a check, a notice, a PIN letter or a representative is for a provider's
 * staff. A billing organization's people ask each provider instead (the FAQ), on their own page.
 */
export default async function AddAccessLayout({ children }: { children: ReactNode }) {
  // Each page asks for sign-in itself (with its own return address); only a signed-in billing user is turned away here.
  const user = await currentUser();
  if (user && (await membershipsOf(user.userId)).some((membership) => membership.kind === "billing")) redirect("/access/request");
  return children;
}
