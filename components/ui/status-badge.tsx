/** The badge's tones: classes defined once in app/globals.css (`.badge-*`). */
const tones = {
  success: "badge-success",
  warning: "badge-warning",
  muted: "badge-muted",
  danger: "badge-danger",
  info: "badge-info",
} as const;

/** `className` places the badge (for example on a line of its own: "mt-1 block w-fit"). */
export function StatusBadge({ tone, children, className }: { tone: keyof typeof tones; children: string; className?: string }) {
  return <span className={className ? `badge ${tones[tone]} ${className}` : `badge ${tones[tone]}`}>{children}</span>;
}
