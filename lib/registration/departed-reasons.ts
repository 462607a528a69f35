/** Why a registrant goes on although the Tax ID already has a delegate (shared by forms and server). */
export const DEPARTED_REASONS = ["left_organization", "unavailable", "unknown_registrant", "other"] as const;
export type DepartedReason = (typeof DEPARTED_REASONS)[number];

export const departedReasonLabels: Record<DepartedReason, string> = {
  left_organization: "They have left the organization",
  unavailable: "They are on leave or unavailable",
  unknown_registrant: "I don't know who registered",
  other: "Another reason",
};
