import type { Executor } from "@/db/client";
import { endGrant, listLiveGrants } from "@/db/queries/access";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { grantAndAudit } from "@/lib/registration/provider-registration";

export interface GrantChange {
  userId: string;
  taxId: string;
  /** null: the whole Tax ID. */
  npis: string[] | null;
  byUserId: string;
  role: "delegate" | "user";
  now: Date;
}

function sameAccess(live: { allNpis: boolean; npis: string[] }, npis: string[] | null): boolean {
  if (npis === null) return live.allNpis;
  return !live.allNpis && live.npis.length === npis.length && [...live.npis].sort().every((npi, index) => npi === [...npis].sort()[index]);
}

/**
 * Gives a person exactly this access to a Tax ID, keeping history: a live grant that differs
 * is ended (revoked, reason "changed") and a new row is inserted; an equal one is left alone.
 */
export async function setGrant(tx: Executor, change: GrantChange, context: RequestContext | null): Promise<"unchanged" | "changed" | "granted"> {
  const [live] = await listLiveGrants(tx, [change.userId], [change.taxId]);
  if (live && live.status === "active" && sameAccess(live, change.npis)) return "unchanged";
  if (live) {
    await endGrant(tx, live.grantId, { status: "revoked", now: change.now, byUserId: change.byUserId, reason: "changed" });
  }
  await grantAndAudit(
    tx,
    { userId: change.userId, taxId: change.taxId, method: "delegate", status: "active", npis: change.npis, grantedByUserId: change.byUserId, now: change.now },
    change.role,
    context,
  );
  if (!live) return "granted";
  await recordAudit(tx, context, {
    action: "access.changed",
    outcome: "success",
    actorUserId: change.byUserId,
    subjectUserId: change.userId,
    taxId: change.taxId,
    details: { from: live.allNpis ? "all" : live.npis.join(" "), to: change.npis ? change.npis.join(" ") : "all", endedGrantId: live.grantId },
  });
  return "changed";
}

/** Takes a person's access to a Tax ID away (the live grant ends as revoked, kept as history); false when they had none. */
export async function removeGrant(tx: Executor, change: { userId: string; taxId: string; byUserId: string; now: Date }, context: RequestContext | null): Promise<boolean> {
  const [live] = await listLiveGrants(tx, [change.userId], [change.taxId]);
  if (!live) return false;
  if (!(await endGrant(tx, live.grantId, { status: "revoked", now: change.now, byUserId: change.byUserId, reason: "removed_by_delegate" }))) return false;
  await recordAudit(tx, context, { action: "access.revoked", outcome: "success", actorUserId: change.byUserId, subjectUserId: change.userId, taxId: change.taxId, reason: "removed_by_delegate", details: { endedGrantId: live.grantId } });
  return true;
}

/** Widens a person's live access by an invitation's (accepting never takes access away). */
export function mergedNpis(live: { allNpis: boolean; npis: string[] } | undefined, invited: string[] | null): string[] | null {
  if (!live) return invited;
  if (invited === null || live.allNpis) return null;
  return [...new Set([...live.npis, ...invited])].sort();
}
