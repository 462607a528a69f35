const ACTIONS: Record<string, string> = {
  "access.granted": "Access granted",
  "access.changed": "Access changed",
  "access.revoked": "Access revoked",
};

interface GrantEvent {
  action: string;
  outcome: string;
  reason: string | null;
  details: Record<string, string | number | boolean | null> | null;
  actorLabel: string | null;
  actorFirstName: string | null;
  actorLastName: string | null;
  subjectFirstName: string | null;
  subjectLastName: string | null;
}

const name = (first: string | null, last: string | null) => (first || last ? `${first ?? ""} ${last ?? ""}`.trim() : null);

/** One line of a Tax ID's grant history, e.g. "Access granted to Jordan Lee by Jordan Lee (check)". */
export function describeGrantEvent(event: GrantEvent): string {
  const what = ACTIONS[event.action] ?? event.action;
  const subject = name(event.subjectFirstName, event.subjectLastName);
  const actor = name(event.actorFirstName, event.actorLastName) ?? event.actorLabel;
  const method = typeof event.details?.method === "string" ? event.details.method.replaceAll("_", " ") : null;
  const who = [what, subject ? `${event.action === "access.granted" ? "to" : "for"} ${subject}` : null, actor && actor !== subject ? `by ${actor}` : null].filter(Boolean).join(" ");
  const how = [method, event.outcome !== "success" ? event.outcome.replaceAll("_", " ") : null].filter(Boolean).join(", ");
  return `${who}${how ? ` (${how})` : ""}${event.reason ? `: ${event.reason.replaceAll("_", " ")}` : ""}`;
}
