import type { Metadata } from "next";
import { SettingsBreadcrumb } from "@/components/account/settings-breadcrumb";
import { PageHeading } from "@/components/ui/page-heading";
import { accountSettingsOf } from "@/lib/account/settings-view";
import { requireUser } from "@/lib/auth/dal";
import { changeEmailAction } from "../actions";
import { ChangeEmailForm } from "./change-email-form";

export const metadata: Metadata = { title: "Change email address" };

export default async function ChangeEmailPage() {
  const user = await requireUser("/account/email");
  const account = await accountSettingsOf(user.userId);
  return (
    <div className="max-w-md">
      <SettingsBreadcrumb current="Email address" />
      <PageHeading
        title="Change email address"
        lead={
          <>
            You sign in with <span className="break-all font-semibold text-ink">{account.email}</span>. The change happens when you open the link we send to the new address.
          </>
        }
      />
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <ChangeEmailForm action={changeEmailAction} />
      </div>
    </div>
  );
}
