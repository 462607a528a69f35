import { sql } from "drizzle-orm";
import { accessGrants, accessRequests, organizationMembers } from "../schema";

/*
 * The "live" status conditions of the tables with partial indexes, written into the statement's
 * text rather than sent as bound parameters. postgres.js prepares every statement, and after five
 * runs on a connection PostgreSQL may switch to a generic plan, made without the parameters'
 * values: such a plan can only use a partial index (organization_members_live_key,
 * access_grants_live_key, access_requests_live_key) when the statement itself says the status
 * the index's predicate says. With `status = $1`, /access's generic plan read each of a delegate's
 * memberships once per Tax ID (2,500 rows for 50 Tax IDs) instead of one row each.
 */

/** A membership that counts: organization_members_live_key's predicate. */
export const activeMembership = sql`${organizationMembers.status} = 'active'`;

/** A grant that is pending or active: access_grants_live_key's predicate. */
export const liveGrant = sql`${accessGrants.status} in ('pending', 'active')`;

/** A request still waiting for the provider's answer: access_requests_live_key's predicate. */
export const pendingRequest = sql`${accessRequests.status} = 'pending'`;
