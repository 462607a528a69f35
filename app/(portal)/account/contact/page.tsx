import type { Metadata } from "next";
import { SettingsBreadcrumb } from "@/components/account/settings-breadcrumb";
import { PageHeading } from "@/components/ui/page-heading";
import { accountSettingsOf } from "@/lib/account/settings-view";
import { requireUser } from "@/lib/auth/dal";
import { formatPhone } from "@/lib/validation";
import { saveContactDetailsAction } from "../actions";
import { ContactDetailsForm } from "./contact-details-form";

export const metadata: Metadata = { title: "Change contact details" };

export default async function ContactDetailsPage() {
  const user = await requireUser("/account/contact");
  const account = await accountSettingsOf(user.userId);
  return (
    <div className="max-w-2xl">
      <SettingsBreadcrumb current="Contact details" />
      <PageHeading title="Change contact details" lead="Your own name and work phone, as your organization and the health plan see them." />
      <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <ContactDetailsForm action={saveContactDetailsAction} current={{ firstName: account.firstName, lastName: account.lastName, phone: formatPhone(account.phone) }} />
      </div>
    </div>
  );
}
