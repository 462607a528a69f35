import type { ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "danger";

const tones: Record<Tone, string> = {
  info: "border-brand bg-brand-soft",
  success: "border-success bg-success-soft",
  warning: "border-warning bg-warning-soft",
  danger: "border-danger bg-danger-soft",
};

/** A boxed message. Use role="alert" only for messages that appear in answer to an action. */
export function Notice({ tone = "info", title, children, role, id }: { tone?: Tone; title?: string; children?: ReactNode; role?: "alert" | "status"; id?: string }) {
  return (
    <div id={id} role={role} className={`rounded-md border-l-4 px-4 py-3 text-ink ${tones[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
