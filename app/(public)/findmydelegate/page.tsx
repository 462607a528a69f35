import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { findMyDelegateAction } from "./actions";
import { FindMyDelegateForm } from "./find-my-delegate-form";

export const metadata: Metadata = { title: "Find my delegate" };

export default function FindMyDelegatePage() {
  return (
    <>
      <PageHeading
        eyebrow="Register"
        title="Find my delegate"
        lead="See whether your organization is registered in the portal and who its delegates are. A delegate manages the organization's portal accounts and can create one for you."
      />
      <FindMyDelegateForm action={findMyDelegateAction} />
    </>
  );
}
