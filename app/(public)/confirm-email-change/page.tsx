import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { emailChangeLinkState } from "@/lib/account/email-change";
import { confirmEmailChangeAction } from "./actions";
import { ConfirmEmailChangeForm } from "./confirm-email-change-form";
import { EmailChangeProblem } from "./email-change-problem";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const state = await emailChangeLinkState(value);
  return (
    <div className="max-w-2xl">
      <PageHeading
        title="Confirm your new email address"
        lead={state === "valid" ? "From then on you sign in with this address, and you are signed out on your other devices." : undefined}
      />
      {state === "valid" ? <ConfirmEmailChangeForm action={confirmEmailChangeAction} token={value} /> : <EmailChangeProblem reason={state} />}
    </div>
  );
}
