/** The badge's tones: classes defined once in app/globals.css (`.badge-*`). */
const tones = {
  success: "badge-success",
  warning: "badge-warning",
  muted: "badge-muted",
  danger: "badge-danger",
  info: "badge-info",
} as const;

export function StatusBadge({ tone, children }: { tone: keyof typeof tones; children: string }) {
  return <span className={`badge ${tones[tone]}`}>{children}</span>;
}
