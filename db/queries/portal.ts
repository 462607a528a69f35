import { eq, sql } from "drizzle-orm";
import type { Membership } from "./organizations";
import type { PendingPinGrant } from "./pin-letters";
import { preparedPerExecutor } from "./prepared";
import type { Executor } from "../client";
import { accessGrants, accessRequests, organizationMembers, organizations, providerTaxIds, users } from "../schema";

/** What the portal's layout and pages need to know about the signed-in person on every request. */
export interface PortalContext {
  /** The organizations the person belongs to now, with their role, by Tax ID. */
  memberships: Membership[];
  /** Their pending US Mail grants, newest first. */
  pendingPinGrants: PendingPinGrant[];
  /** Whether a billing organization has asked for, or has, access to a Tax ID the person is a delegate of. */
  delegateHasBillingRequests: boolean;
}

/**
 * One statement, one round trip, for all three, prepared once per database: every signed-in page
 * reads it, so it replaces what were three or four statements per request. The lists come back as
 * JSON text (the same string from both drivers); the statuses are in the text, so that a generic
 * plan can use the partial indexes (see live-status.ts: `m.status = 'active'` is activeMembership).
 */
const portalContextQuery = preparedPerExecutor((executor) =>
  executor
    .select({
      // Written with aliases: drizzle leaves columns unqualified in a one-table select's fields.
      memberships: sql<string>`coalesce((
        select json_agg(json_build_object(
          'membershipId', m.id, 'organizationId', o.id, 'kind', o.kind, 'taxId', o.tax_id, 'organizationName', coalesce(p.legal_name, o.name), 'role', m.role
        ) order by o.tax_id)
        from ${organizationMembers} m
        join ${organizations} o on o.id = m.organization_id
        left join ${providerTaxIds} p on p.tax_id = o.tax_id
        where m.user_id = "users"."id" and m.status = 'active'
      ), '[]')::text`,
      pendingPinGrants: sql<string>`coalesce((
        select json_agg(json_build_object('grantId', g.id, 'taxId', g.tax_id, 'expiresAt', g.expires_at, 'organizationName', p.legal_name) order by g.created_at desc)
        from ${accessGrants} g
        left join ${providerTaxIds} p on p.tax_id = g.tax_id
        where g.user_id = "users"."id" and g.method = 'us_mail_pin' and g.status = 'pending'
      ), '[]')::text`,
      delegateHasBillingRequests: sql<boolean>`exists (
        select 1 from ${accessRequests} r
        where r.status in ('pending', 'approved') and r.provider_tax_id in (
          select o.tax_id from ${organizationMembers} m
          join ${organizations} o on o.id = m.organization_id
          where m.user_id = "users"."id" and m.status = 'active' and m.role = 'delegate' and o.kind = 'provider'
        )
      )`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("read_portal_context"),
);

export async function readPortalContext(executor: Executor, userId: string): Promise<PortalContext> {
  const [row] = await portalContextQuery(executor).execute({ userId });
  if (!row) return { memberships: [], pendingPinGrants: [], delegateHasBillingRequests: false };
  const grants = JSON.parse(row.pendingPinGrants) as (Omit<PendingPinGrant, "expiresAt"> & { expiresAt: string | null })[];
  return {
    memberships: JSON.parse(row.memberships) as Membership[],
    pendingPinGrants: grants.map((grant) => ({ ...grant, expiresAt: grant.expiresAt ? new Date(grant.expiresAt) : null })),
    delegateHasBillingRequests: Boolean(row.delegateHasBillingRequests),
  };
}
