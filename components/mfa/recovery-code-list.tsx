import { CopyButton } from "./copy-button";

/** The 10 new recovery codes, shown once: what they are for and what to do with them. */
export function RecoveryCodeList({ codes, headingLevel = 2 }: { codes: string[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="recovery-codes-heading" className="rounded-lg border-2 border-warning bg-warning-soft p-5">
      <Heading id="recovery-codes-heading" className="text-xl font-bold text-ink">
        Save your recovery codes now
      </Heading>
      <p className="mt-2 text-ink">
        If you lose your phone, each of these codes lets you sign in once instead of a code from your app. <strong>This is the only time we show them.</strong>{" "}
        Print them or keep them in a password manager, somewhere only you can reach.
      </p>
      <ol aria-label="Recovery codes" className="mt-4 grid grid-cols-1 gap-2 font-mono text-lg sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded bg-surface px-3 py-1 text-ink">
            {code}
          </li>
        ))}
      </ol>
      <div className="mt-4">
        <CopyButton text={codes.join("\n")} label="Copy the codes" />
      </div>
    </section>
  );
}
