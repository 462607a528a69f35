import type { ReactNode } from "react";

export function PageHeading({ title, lead, eyebrow }: { title: string; lead?: ReactNode; eyebrow?: string }) {
  return (
    <div className="mb-6">
      {eyebrow ? <p className="text-sm font-semibold uppercase tracking-wide text-muted">{eyebrow}</p> : null}
      <h1 className="text-3xl font-bold text-ink">{title}</h1>
      {lead ? <div className="mt-2 max-w-2xl text-lg text-muted">{lead}</div> : null}
    </div>
  );
}
