import "server-only";
import { db } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { findOrganizationById, findOrganizationByTaxId } from "@/db/queries/organizations";
import { listNpisForTaxIds } from "@/db/queries/reference";
import { describeNpis } from "@/lib/users/delegate-organizations";
import { formatTaxId } from "@/lib/validation";
import { closedReason, findInvitationByToken, type ClosedReason } from "./accept-invitation";

export interface InvitationView {
  email: string;
  firstName: string;
  lastName: string;
  role: "delegate" | "user";
  inviterName: string;
  access: Array<{ organization: string; npis: string[] }>;
  /** A billing organization's invitation: the organization they join (its providers are listed in access). */
  billingOrganization: string | null;
  /** Whether the invited address already has a usable account: then they sign in and accept. */
  hasAccount: boolean;
}

/**
 * What the invitation page shows to whoever holds the link. Saying whether the address has
 * an account is safe here: the link was sent to that address, so its holder owns it.
 */
export async function invitationForLink(token: string, now = new Date()): Promise<{ ok: true; view: InvitationView } | { ok: false; reason: ClosedReason; inviterName?: string }> {
  const invitation = await findInvitationByToken(token);
  if (!invitation) return { ok: false, reason: "invalid" };
  const inviterName = `${invitation.inviterFirstName} ${invitation.inviterLastName}`;
  const closed = closedReason(invitation, now);
  if (closed) return { ok: false, reason: closed, inviterName };
  const [account, npis, organizations, listedUnder] = await Promise.all([
    findAccountContact(db, { email: invitation.email }),
    listNpisForTaxIds(
      db,
      invitation.access.map((item) => item.taxId),
    ),
    Promise.all(invitation.access.map((item) => findOrganizationByTaxId(db, item.taxId))),
    findOrganizationById(db, invitation.organizationId).then((organization) => (organization?.kind === "billing" ? findOrganizationByTaxId(db, organization.taxId) : null)),
  ]);
  const billingOrganization = listedUnder ? `${listedUnder.name} (Tax ID ${formatTaxId(listedUnder.taxId)})` : null;
  return {
    ok: true,
    view: {
      email: invitation.email,
      firstName: invitation.firstName,
      lastName: invitation.lastName,
      role: invitation.role,
      inviterName,
      billingOrganization,
      access: invitation.access.map((item, index) => ({
        organization: `${organizations[index]?.name ?? "Your organization"} (Tax ID ${formatTaxId(item.taxId)})`,
        npis: describeNpis(
          item.npis,
          npis.filter((row) => row.taxId === item.taxId),
        ),
      })),
      hasAccount: Boolean(account && account.status === "active"),
    },
  };
}
