import type { Metadata } from "next";
import { FindMyDelegateLink } from "@/components/registration/find-my-delegate-link";
import { ButtonLink } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { currentUser } from "@/lib/auth/dal";
import { listMyCases } from "@/lib/cases/contact-us-cases";
import { env } from "@/lib/env";
import { FaqSearch } from "./faq-search";
import { MyCases } from "./my-cases";

export const metadata: Metadata = { title: "Help Center" };

/** The Help Center: the self-registration FAQ (searchable), Contact us, and a signed-in person's cases. */
export default async function HelpPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = (typeof q === "string" ? q : "").slice(0, 100);
  const { PAYER_NAME } = env();
  const user = await currentUser();
  const cases = user ? await listMyCases(user.userId) : null;

  return (
    <>
      <PageHeading title="Help Center" lead="Answers to the questions people ask most about registering and getting access, and a way to reach a representative." />
      <FindMyDelegateLink className="-mt-2 mb-6 max-w-3xl" />
      {/* Signed in: where their cases stand comes first; the FAQ follows. */}
      {cases ? <MyCases cases={cases} /> : null}
      <FaqSearch initialQuery={query} payerName={PAYER_NAME} />

      <section aria-labelledby="contact-us" className="mt-10 max-w-3xl rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="contact-us" className="text-2xl font-semibold text-ink">
          Still need help?
        </h2>
        <p className="mt-2 text-ink">Send a message to a representative: you get a case number at once and an email with it. A representative usually answers within two business days.</p>
        <ButtonLink href="/help/contact" className="mt-4">
          Contact us
        </ButtonLink>
      </section>

    </>
  );
}
