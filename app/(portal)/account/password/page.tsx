import type { Metadata } from "next";
import { SettingsBreadcrumb } from "@/components/account/settings-breadcrumb";
import { PageHeading } from "@/components/ui/page-heading";
import { requireUser } from "@/lib/auth/dal";
import { changePasswordAction } from "../actions";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  await requireUser("/account/password");
  return (
    <div className="max-w-md">
      <SettingsBreadcrumb current="Password" />
      <PageHeading title="Change password" lead="You stay signed in here; you'll be signed out on your other devices." />
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <ChangePasswordForm action={changePasswordAction} />
      </div>
    </div>
  );
}
