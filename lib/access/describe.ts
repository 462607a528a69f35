import type { AccessRow } from "@/db/queries/access";

const methodLabels: Record<AccessRow["method"], string> = {
  check: "Registered with a check",
  nonpayment_notice: "Registered with a non-payment notice",
  us_mail_pin: "Registered with a PIN mailed to the practice",
  delegate: "Added by the organization's delegate",
  billing_approval: "Approved by the provider's office",
  representative: "Added by a representative",
};

export function describeAccessMethod(row: Pick<AccessRow, "method" | "evidence">): string {
  return row.evidence ? `${methodLabels[row.method]} (${row.evidence.toLowerCase()})` : methodLabels[row.method];
}

export const statusLabels: Record<AccessRow["status"], { label: string; tone: "success" | "warning" | "muted" | "danger" }> = {
  active: { label: "Active", tone: "success" },
  pending: { label: "Pending", tone: "warning" },
  expired: { label: "Expired", tone: "muted" },
  revoked: { label: "Removed", tone: "danger" },
  denied: { label: "Denied", tone: "danger" },
};
