import "server-only";
import { createHash } from "node:crypto";
import { db, type Executor } from "@/db/client";
import { listBillingEntitlements } from "@/db/queries/billing-entitlements";
import { listMembershipsForUser } from "@/db/queries/organizations";
import { listNpisForTaxIds } from "@/db/queries/reference";
import type { InvitedAccess } from "@/db/schema";
import { formatTaxId } from "@/lib/validation";

export interface OrganizationNpi {
  npi: string;
  name: string;
  type: "individual" | "organization";
}

/** An organization the person is delegate of: who its members are is theirs to manage. */
export interface ManagedOrganization {
  organizationId: string;
  kind: "provider" | "billing";
  /** The organization's own Tax ID. */
  taxId: string;
  name: string;
}

/**
 * One thing a delegate can give access to: a Tax ID, for members of one organization.
 * For a provider, the organization's own Tax ID. For a billing organization, each provider
 * Tax ID it was approved for (its entitlement): the membership stays with the billing
 * organization while grants are made on the provider's Tax ID.
 */
export interface GrantableUnit {
  /** Names the unit in forms and bound ids: a provider's organization id, or a uuid derived from the billing organization and the provider Tax ID. */
  key: string;
  /** The organization whose members may receive this access. */
  organizationId: string;
  kind: "provider" | "billing";
  /** The Tax ID access is granted on. */
  taxId: string;
  /** That Tax ID's name (the provider's). */
  name: string;
  /** Whether the whole Tax ID may be given, NPIs added later included. */
  allNpis: boolean;
  /** The NPIs that may be given. */
  npis: OrganizationNpi[];
}

export interface DelegateScope {
  organizations: ManagedOrganization[];
  units: GrantableUnit[];
}

/** What a delegate chose to give for one unit: the whole Tax ID (npis null) or some NPIs. */
export interface AccessChoice {
  key: string;
  npis: string[] | null;
}

/** A stable uuid (version 5 layout) for a billing organization's provider Tax ID: usable in field names, meaningless elsewhere. */
export function billingUnitKey(organizationId: string, taxId: string): string {
  const hex = createHash("sha256").update(`billing-unit:${organizationId}:${taxId}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The organizations a person is delegate of now, and what they may give access to in each.
 * Read from the database each time: ids from the browser are checked against this.
 */
export async function delegateScope(userId: string, executor: Executor = db): Promise<DelegateScope> {
  const memberships = (await listMembershipsForUser(executor, userId)).filter((membership) => membership.role === "delegate");
  const organizations: ManagedOrganization[] = memberships.map((membership) => ({
    organizationId: membership.organizationId,
    kind: membership.kind,
    taxId: membership.taxId,
    name: membership.organizationName ?? `Tax ID ${formatTaxId(membership.taxId)}`,
  }));
  const entitlements = await listBillingEntitlements(
    executor,
    organizations.filter((organization) => organization.kind === "billing").map((organization) => organization.organizationId),
  );
  const taxIds = [...organizations.filter((organization) => organization.kind === "provider").map((organization) => organization.taxId), ...entitlements.map((entitlement) => entitlement.providerTaxId)];
  const known = await listNpisForTaxIds(executor, [...new Set(taxIds)]);
  const npisOf = (taxId: string) => known.filter((row) => row.taxId === taxId).map(({ npi, name, type }) => ({ npi, name, type }));

  const units: GrantableUnit[] = [];
  for (const organization of organizations) {
    if (organization.kind === "provider") {
      units.push({ key: organization.organizationId, organizationId: organization.organizationId, kind: "provider", taxId: organization.taxId, name: organization.name, allNpis: true, npis: npisOf(organization.taxId) });
      continue;
    }
    for (const entitlement of entitlements.filter((candidate) => candidate.billingOrganizationId === organization.organizationId)) {
      const all = npisOf(entitlement.providerTaxId);
      units.push({
        key: billingUnitKey(organization.organizationId, entitlement.providerTaxId),
        organizationId: organization.organizationId,
        kind: "billing",
        taxId: entitlement.providerTaxId,
        name: entitlement.providerName ?? `Tax ID ${formatTaxId(entitlement.providerTaxId)}`,
        allNpis: entitlement.allNpis,
        npis: entitlement.allNpis ? all : entitlement.npis.map((npi) => all.find((row) => row.npi === npi) ?? { npi, name: "", type: "organization" as const }),
      });
    }
  }
  return { organizations, units };
}

export type ResolvedAccess = { ok: true; access: InvitedAccess[] } | { ok: false; unknown: boolean; errors: string[] };

/**
 * Checks a delegate's choices against what they may give: only their own units, only NPIs
 * within each unit (a billing organization's entitlement), the whole Tax ID only where the
 * unit allows it. Ids come from the browser, so nothing is trusted.
 */
export function resolveAccessChoices(choices: AccessChoice[], units: GrantableUnit[]): ResolvedAccess {
  const errors: string[] = [];
  let unknown = false;
  const access: InvitedAccess[] = [];
  for (const choice of choices) {
    const unit = units.find((candidate) => candidate.key === choice.key);
    if (!unit) {
      unknown = true;
      errors.push("One of the Tax IDs chosen is not one you manage. Reload the page and choose again.");
      continue;
    }
    if (choice.npis === null) {
      if (!unit.allNpis) {
        errors.push(`For ${unit.name}, your organization was approved for some NPIs only: choose them.`);
        continue;
      }
      access.push({ organizationId: unit.organizationId, taxId: unit.taxId, npis: null });
      continue;
    }
    const npis = [...new Set(choice.npis)].sort();
    if (npis.length === 0) {
      errors.push(unit.allNpis ? `For ${unit.name}, choose at least one NPI, or choose “All NPIs”.` : `For ${unit.name}, choose at least one NPI.`);
      continue;
    }
    if (npis.some((npi) => !unit.npis.some((candidate) => candidate.npi === npi))) {
      errors.push(
        unit.kind === "billing"
          ? `One of the NPIs chosen for ${unit.name} is not one it approved for your organization. Reload the page and choose again.`
          : `One of the NPIs chosen for ${unit.name} does not bill under its Tax ID. Reload the page and choose again.`,
      );
      continue;
    }
    access.push({ organizationId: unit.organizationId, taxId: unit.taxId, npis });
  }
  if (new Set(access.map((item) => `${item.organizationId}:${item.taxId}`)).size !== access.length) errors.push("Choose each Tax ID once.");
  return errors.length > 0 ? { ok: false, unknown, errors } : { ok: true, access };
}

/** The unit an invitation's or a grant's item belongs to. */
export function unitFor(units: GrantableUnit[], item: { organizationId: string; taxId: string }): GrantableUnit | undefined {
  return units.find((unit) => unit.organizationId === item.organizationId && unit.taxId === item.taxId);
}

/**
 * Narrows access to what a unit allows now (a billing entitlement may have shrunk since an
 * invitation was sent); null when nothing of it is left to give.
 */
export function withinUnit(npis: string[] | null, unit: GrantableUnit): { npis: string[] | null } | null {
  if (unit.allNpis) return { npis };
  const allowed = unit.npis.map((row) => row.npi);
  const kept = npis === null ? allowed : npis.filter((npi) => allowed.includes(npi));
  return kept.length > 0 ? { npis: [...kept].sort() } : null;
}

/** "All NPIs" or each NPI with its name, for emails and pages. */
export function describeNpis(npis: string[] | null, known: OrganizationNpi[]): string[] {
  if (npis === null) return ["All NPIs"];
  return npis.map((npi) => {
    const name = known.find((candidate) => candidate.npi === npi)?.name;
    return name ? `NPI ${npi} (${name})` : `NPI ${npi}`;
  });
}
