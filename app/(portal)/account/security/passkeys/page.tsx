import type { Metadata } from "next";
import Link from "next/link";
import { AddPasskeyForm } from "@/components/passkeys/add-passkey-form";
import { RemovePasskeyButton } from "@/components/passkeys/remove-passkey-button";
import { RenamePasskeyForm } from "@/components/passkeys/rename-passkey-form";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requirePasskeyPage } from "@/lib/auth/passkeys/access";
import { listPasskeys } from "@/lib/auth/passkeys/manage";
import { PASSKEYS_PATH } from "@/lib/auth/passkeys/registration";
import { formatDateTime } from "@/lib/format";
import { beginAddPasskeyAction, finishAddPasskeyAction, removePasskeyAction, renamePasskeyAction } from "./actions";

export const metadata: Metadata = { title: "Passkeys" };

export default async function PasskeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { user, firstFactor } = await requirePasskeyPage(PASSKEYS_PATH);
  const passkeys = await listPasskeys(user.userId);
  const callbackUrl = firstFactor ? safeCallbackUrl(params.callbackUrl) : undefined;

  return (
    <div className="max-w-3xl">
      {firstFactor ? null : (
        <p className="mb-4">
          <Link href="/account/security" prefetch={false}>← Sign-in and security</Link>
        </p>
      )}
      <PageHeading
        title="Passkeys"
        lead="A passkey lets you confirm it's you when you sign in with this device's fingerprint, face or screen lock, instead of typing a code. It can't be guessed or phished."
      />
      {params.removed === "1" ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title="Passkey removed.">
            <p>We&apos;ve emailed you to say so.</p>
          </Notice>
        </FocusOnArrival>
      ) : null}
      {firstFactor ? (
        <div className="mb-6">
          <Notice tone="info" title="One more step to finish signing in">
            <p>Your account needs a second way to confirm it&apos;s you. Add a passkey on this device and you&apos;re done.</p>
            <p className="mt-2">
              <Link href="/account/security/setup" prefetch={false}>Use an authenticator app instead</Link>
            </p>
          </Notice>
        </div>
      ) : null}

      <section aria-labelledby="your-passkeys" className="mb-10">
        <h2 id="your-passkeys" className="mb-3 text-xl font-bold text-ink">
          Your passkeys
        </h2>
        {passkeys.length === 0 ? (
          <p className="text-muted">You have no passkeys yet.</p>
        ) : (
          <ul className="space-y-4">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
                <h3 className="text-lg font-semibold text-ink">{passkey.name}</h3>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-muted">Added</dt>
                  <dd>{formatDateTime(passkey.createdAt)} Central</dd>
                  <dt className="text-muted">Last used</dt>
                  <dd>{passkey.lastUsedAt ? `${formatDateTime(passkey.lastUsedAt)} Central` : "Not used yet"}</dd>
                </dl>
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  <RenamePasskeyForm action={renamePasskeyAction.bind(null, passkey.id)} passkeyId={passkey.id} currentName={passkey.name} />
                  <RemovePasskeyButton action={removePasskeyAction.bind(null, passkey.id)} name={passkey.name} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="add-passkey" className="rounded-lg border border-line bg-surface p-6 shadow-sm">
        <h2 id="add-passkey" className="mb-4 text-xl font-bold text-ink">
          Add a passkey
        </h2>
        <AddPasskeyForm begin={beginAddPasskeyAction} finish={finishAddPasskeyAction} callbackUrl={callbackUrl} />
      </section>
    </div>
  );
}
