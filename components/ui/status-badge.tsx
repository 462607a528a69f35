const tones = {
  success: "bg-success-soft text-success border-success",
  warning: "bg-warning-soft text-warning border-warning",
  muted: "bg-canvas text-muted border-line",
  danger: "bg-danger-soft text-danger border-danger",
  info: "bg-brand-soft text-brand-strong border-brand",
} as const;

export function StatusBadge({ tone, children }: { tone: keyof typeof tones; children: string }) {
  return <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-semibold ${tones[tone]}`}>{children}</span>;
}
