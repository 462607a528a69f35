import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { disputeLinkProblem } from "@/lib/cases/dispute-departed-claim";
import { disputeLinkMessages } from "@/lib/cases/dispute-schema";
import { disputeAction } from "./actions";
import { DisputeForm } from "./dispute-form";

export const metadata: Metadata = { title: "Tell us this is wrong" };

const problemTitles = { invalid: "This link doesn't work", used: "This link has already been used", expired: "This link has expired" } as const;

/** From the email to a delegate someone registered in place of. Reading the link only looks; the button acts. */
export default async function DisputePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const problem = await disputeLinkProblem(value);
  return (
    <div className="max-w-2xl">
      <PageHeading
        title="Tell us this is wrong"
        lead="Someone registered for your organization saying you can't assist. If you still can, tell us and a representative will review the registration."
      />
      {problem ? (
        <Notice tone={problem === "used" ? "info" : "danger"} title={problemTitles[problem]}>
          <p>{disputeLinkMessages[problem]}</p>
        </Notice>
      ) : (
        <DisputeForm action={disputeAction} token={value} />
      )}
    </div>
  );
}
