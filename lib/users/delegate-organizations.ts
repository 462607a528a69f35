import "server-only";
import { db, type Executor } from "@/db/client";
import { listMembershipsForUser } from "@/db/queries/organizations";
import { listNpisForTaxIds } from "@/db/queries/reference";
import type { InvitedAccess } from "@/db/schema";
import { formatTaxId } from "@/lib/validation";

export interface OrganizationNpi {
  npi: string;
  name: string;
  type: "individual" | "organization";
}

export interface DelegateOrganization {
  organizationId: string;
  taxId: string;
  name: string;
  npis: OrganizationNpi[];
}

/** What a delegate chose to give for one Tax ID: the whole Tax ID (npis null) or some NPIs. */
export interface AccessChoice {
  organizationId: string;
  npis: string[] | null;
}

/** The organizations a person is delegate of now, each with the NPIs billing under its Tax ID. */
export async function delegateOrganizations(userId: string, executor: Executor = db): Promise<DelegateOrganization[]> {
  const memberships = (await listMembershipsForUser(executor, userId)).filter((membership) => membership.role === "delegate");
  const npis = await listNpisForTaxIds(
    executor,
    memberships.map((membership) => membership.taxId),
  );
  return memberships.map((membership) => ({
    organizationId: membership.organizationId,
    taxId: membership.taxId,
    name: membership.organizationName ?? `Tax ID ${formatTaxId(membership.taxId)}`,
    npis: npis.filter((row) => row.taxId === membership.taxId).map(({ npi, name, type }) => ({ npi, name, type })),
  }));
}

export type ResolvedAccess = { ok: true; access: InvitedAccess[] } | { ok: false; errors: string[] };

/**
 * Checks a delegate's choices against what they may give: only their own organizations, and
 * only NPIs billing under that Tax ID. Ids come from the browser, so nothing is trusted.
 */
export function resolveAccessChoices(choices: AccessChoice[], organizations: DelegateOrganization[]): ResolvedAccess {
  if (choices.length === 0) return { ok: false, errors: ["Choose at least one Tax ID this person may see."] };
  const errors: string[] = [];
  const access: InvitedAccess[] = [];
  for (const choice of choices) {
    const organization = organizations.find((candidate) => candidate.organizationId === choice.organizationId);
    if (!organization) {
      errors.push("One of the Tax IDs chosen is not one you manage. Reload the page and choose again.");
      continue;
    }
    if (choice.npis === null) {
      access.push({ organizationId: organization.organizationId, taxId: organization.taxId, npis: null });
      continue;
    }
    const npis = [...new Set(choice.npis)].sort();
    if (npis.length === 0) {
      errors.push(`For ${organization.name}, choose at least one NPI, or choose “All NPIs”.`);
      continue;
    }
    if (npis.some((npi) => !organization.npis.some((candidate) => candidate.npi === npi))) {
      errors.push(`One of the NPIs chosen for ${organization.name} does not bill under its Tax ID. Reload the page and choose again.`);
      continue;
    }
    access.push({ organizationId: organization.organizationId, taxId: organization.taxId, npis });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, access };
}

/** "All NPIs" or each NPI with its name, for emails and pages. */
export function describeNpis(npis: string[] | null, known: OrganizationNpi[]): string[] {
  if (npis === null) return ["All NPIs"];
  return npis.map((npi) => {
    const name = known.find((candidate) => candidate.npi === npi)?.name;
    return name ? `NPI ${npi} (${name})` : `NPI ${npi}`;
  });
}
