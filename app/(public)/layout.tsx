import type { ReactNode } from "react";
import { signOutAction } from "@/app/(portal)/actions";
import { PublicFrame } from "@/components/site/public-frame";
import { builtSite } from "@/lib/site";

/**
 * The public pages' frame. It reads nothing of the request (the account links decide in the
 * browser), so pages that read nothing either are prerendered static shells.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <PublicFrame payerName={builtSite().payerName} signOutAction={signOutAction}>
      {children}
    </PublicFrame>
  );
}
