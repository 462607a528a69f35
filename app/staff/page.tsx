import type { Metadata } from "next";
import { ChoiceCard } from "@/components/ui/choice-card";
import { PageHeading } from "@/components/ui/page-heading";
import { STAFF_SECTIONS } from "@/components/staff/staff-nav";
import { requireStaff } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Representatives' console" };

export default async function StaffHomePage() {
  const user = await requireStaff("/staff");
  return (
    <>
      <PageHeading eyebrow="Representatives' console" title={`Hello, ${user.firstName}`} lead="Work cases, print PIN letters and look up the health plan's records. Everything you do here is in the audit log with your name." />
      <ul className="grid max-w-2xl gap-4">
        {STAFF_SECTIONS.map((section) => (
          <ChoiceCard key={section.href} href={section.href} title={section.label} description={section.description} />
        ))}
      </ul>
    </>
  );
}
