import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { confirmEmailAction } from "./actions";
import { ConfirmEmailForm } from "./confirm-email-form";

export const metadata: Metadata = { title: "Confirm your email address" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <div className="max-w-2xl">
      <PageHeading title="Confirm your email address" lead="Confirm that this is your email address to finish registering." />
      {typeof token === "string" && token.length > 0 ? (
        <ConfirmEmailForm action={confirmEmailAction} token={token} />
      ) : (
        <Notice tone="danger" title="This link is incomplete">
          <p>
            Open the link from your email again, or copy the whole link into your browser. If it has expired,{" "}
            <Link href="/signin">sign in</Link> and we&apos;ll send you a new one.
          </p>
        </Notice>
      )}
    </div>
  );
}
