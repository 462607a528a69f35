import { db, type Executor } from "@/db/client";
import { findAccountIdBySubmission, findAccountContact, insertAccount } from "@/db/queries/accounts";
import { insertGrant, type NewGrant } from "@/db/queries/access";
import { ensureOrganization, findOrganizationByTaxId, insertMembership, listActiveDelegates, listActiveDelegatesByTaxId, lockOrganization } from "@/db/queries/organizations";
import { findProviderTaxId } from "@/db/queries/reference";
import { recordAudit } from "@/lib/audit";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { consumeLimit } from "@/lib/rate-limit";
import { maskedName, recordDepartedDelegateClaim, type DepartedDelegateClaim } from "./departed-delegate";
import { matchingClinicianName } from "./own-name";
import { releaseUnconfirmedRegistrations } from "./release-unconfirmed";

/** The person registering: their own details, never a co-worker's or the doctor's. */
export interface Registrant {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  submissionId: string;
}

/** What the registrant answered to the questions a registration can ask. */
export interface RegistrationAnswers {
  /** Set when the Tax ID has a delegate and the registrant says why they can't assist. */
  departed?: DepartedDelegateClaim | null;
  /** "Yes, I am Ann Rivera, MD": given when the name typed is a clinician's on that Tax ID. */
  confirmedOwnName?: boolean;
}

export type RegistrationRefusal =
  | { ok: false; code: "already_registered"; organizationName: string; delegates: string[] }
  | { ok: false; code: "confirm_own_name"; clinicianName: string };

export class AlreadyRegistered extends Error {
  constructor(
    readonly organizationName: string,
    readonly delegates: string[],
  ) {
    super("already registered");
  }
}

/** A billing registration for a provider's Tax ID (or the reverse): rolls the transaction back. */
export class OrganizationKindMismatch extends Error {
  constructor(readonly existingKind: "provider" | "billing") {
    super(`This Tax ID belongs to a ${existingKind} organization.`);
  }
}

/** The answers to ask for before anything is saved: "Are you Ann Rivera, MD?" */
export async function questionsBeforeRegistering(taxId: string, person: Pick<Registrant, "firstName" | "lastName">, answers: RegistrationAnswers): Promise<RegistrationRefusal | null> {
  if (answers.confirmedOwnName) return null;
  const clinicianName = await matchingClinicianName(db, taxId, person.firstName, person.lastName);
  return clinicianName ? { ok: false, code: "confirm_own_name", clinicianName } : null;
}

/** A second click of the same form: the first one already did the work. */
export async function alreadySubmitted(submissionId: string): Promise<boolean> {
  return Boolean(await findAccountIdBySubmission(db, submissionId));
}

export type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * Whether the owner of an existing account may be told once more that someone tried to register
 * their address: at most once a day. Taken before the registration's transaction (the limiter has
 * its own connection, which an open transaction would block on the embedded database), and only
 * for an address that has an account.
 */
export async function mayTellAccountOwner(email: string): Promise<boolean> {
  if (!(await findAccountContact(db, { email }))) return false;
  return !(await consumeLimit("accountExistsEmailByAddress", email)).blocked;
}

/**
 * Creates the registrant's account inside the caller's transaction (email not yet confirmed).
 * Returns null when the email already has an account: its owner is told by email (when
 * mayTellAccountOwner allowed it) and the caller answers exactly as for a new account.
 */
export async function createRegistrantAccount(
  tx: Transaction,
  person: Registrant,
  passwordHash: string,
  taxId: string,
  context: RequestContext,
  now: Date,
  tellOwner: boolean,
  accountType: "provider" | "billing" = "provider",
) {
  const user = await insertAccount(tx, {
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    phone: person.phone,
    passwordHash,
    accountType,
    registrationSubmissionId: person.submissionId,
    now,
  });
  if (user) return user;
  if (await findAccountIdBySubmission(tx, person.submissionId)) return null;
  const owner = await findAccountContact(tx, { email: person.email });
  if (owner && tellOwner) {
    const config = env();
    await enqueueEmail(tx, {
      template: "account-exists",
      to: owner.email,
      props: { payerName: config.PAYER_NAME, firstName: owner.firstName, signInUrl: `${config.APP_URL}/signin` },
    });
    await recordAudit(tx, context, { action: "registration.duplicate_email", outcome: "denied", actorLabel: person.email, subjectUserId: owner.id, taxId });
  }
  return null;
}

/** A billing organization's own name and address (a provider's come from the health plan's records). */
export interface BillingOrganizationDetails {
  name: string;
  address: { addressLine1: string; addressLine2: string | null; city: string; state: string; postalCode: string };
}

/**
 * Creates (or finds) the Tax ID's organization and locks it until the transaction ends, so that
 * "is there a delegate yet?" and "make this person one" happen one person at a time. Unconfirmed
 * registrations past their hold are released first; the delegates listed exclude the person.
 */
export async function lockProviderOrganization(tx: Transaction, taxId: string, userId: string, now: Date, billing?: BillingOrganizationDetails) {
  const organization = await ensureOrganization(tx, { kind: billing ? "billing" : "provider", taxId, createdByUserId: userId, now, name: billing?.name, address: billing?.address });
  await lockOrganization(tx, organization.id);
  await releaseUnconfirmedRegistrations(tx, now, [organization.id]);
  const delegates = (await listActiveDelegates(tx, organization.id, now)).filter((delegate) => delegate.userId !== userId);
  const existing = await findOrganizationByTaxId(tx, taxId);
  return { organization, delegates, organizationName: existing?.name ?? billing?.name ?? "This organization" };
}

/**
 * Makes a person who has proved the practice a member of the Tax ID's organization: its
 * delegate when it has none (the first registrant), or a delegate alongside the old ones when
 * the person said those can't assist (a review case is opened). Otherwise throws
 * AlreadyRegistered, which rolls the caller's transaction back.
 */
export async function joinProviderOrganization(
  tx: Transaction,
  values: {
    taxId: string;
    person: { userId: string; firstName: string; lastName: string; email: string; phone: string | null };
    departed: DepartedDelegateClaim | null;
    now: Date;
    /** Set for a billing organization, whose name and address are its registrant's to give. */
    billing?: BillingOrganizationDetails;
  },
  context: RequestContext | null,
): Promise<{ organizationId: string; role: "delegate"; replacedDelegates: number }> {
  const { taxId, person, now } = values;
  const { organization, delegates, organizationName } = await lockProviderOrganization(tx, taxId, person.userId, now, values.billing);
  if (organization.kind !== (values.billing ? "billing" : "provider")) throw new OrganizationKindMismatch(organization.kind);
  if (delegates.length > 0 && !values.departed) throw new AlreadyRegistered(organizationName, delegates.map(maskedName));

  await insertMembership(tx, { organizationId: organization.id, userId: person.userId, role: "delegate", addedByUserId: null, now });
  if (delegates.length > 0 && values.departed) {
    await recordDepartedDelegateClaim(tx, { registrant: person, taxId, organizationName, claim: values.departed, previousDelegates: delegates, now }, context);
  }
  return { organizationId: organization.id, role: "delegate", replacedDelegates: delegates.length };
}

/**
 * Registers a provider's staff member whose practice is already proved (a check or a
 * non-payment notice). In one transaction: the account (waiting for its email to be
 * confirmed), the delegate role, the active grant, the confirmation email and the audit rows.
 */
export async function registerProvedProvider(
  input: { taxId: string; person: Registrant; grant: Pick<NewGrant, "method" | "evidence">; answers: RegistrationAnswers },
  context: RequestContext,
  now = new Date(),
): Promise<{ ok: true } | RegistrationRefusal> {
  // Asked before the email is looked at, so that an existing and an unknown address get the same
  // answer for a registered Tax ID (the transaction below settles a race by the same rule).
  const delegates = input.answers.departed ? [] : await listActiveDelegatesByTaxId(db, input.taxId, now);
  if (delegates.length > 0) {
    const record = await findProviderTaxId(db, input.taxId);
    await recordAudit(db, context, { action: "registration.refused", outcome: "denied", actorLabel: input.person.email, taxId: input.taxId, reason: "organization_already_registered" });
    return { ok: false, code: "already_registered", organizationName: record?.legalName ?? "This organization", delegates: delegates.map(maskedName) };
  }
  const [passwordHash, tellOwner] = await Promise.all([hashPassword(input.person.password), mayTellAccountOwner(input.person.email)]);
  try {
    return await db.transaction(async (tx) => {
      const user = await createRegistrantAccount(tx, input.person, passwordHash, input.taxId, context, now, tellOwner);
      if (!user) return { ok: true } as const;
      const joined = await joinProviderOrganization(
        tx,
        { taxId: input.taxId, person: { userId: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, phone: input.person.phone }, departed: input.answers.departed ?? null, now },
        context,
      );
      await recordAudit(tx, context, { action: "registration.created", outcome: "success", actorUserId: user.id, subjectUserId: user.id, taxId: input.taxId, details: { method: input.grant.method } });
      await grantAndAudit(tx, { userId: user.id, taxId: input.taxId, method: input.grant.method, evidence: input.grant.evidence, status: "active", now }, joined.role, context);
      await sendVerificationEmail(tx, user, now);
      return { ok: true } as const;
    });
  } catch (error) {
    if (!(error instanceof AlreadyRegistered)) throw error;
    await recordAudit(db, context, { action: "registration.refused", outcome: "denied", actorLabel: input.person.email, taxId: input.taxId, reason: "organization_already_registered" });
    return { ok: false, code: "already_registered", organizationName: error.organizationName, delegates: error.delegates };
  }
}

/** Adds a grant and its audit row; throws if the person already has a live grant for that Tax ID. */
export async function grantAndAudit(executor: Executor, grant: NewGrant, role: "delegate" | "user" | null, context: RequestContext | null): Promise<string> {
  const inserted = await insertGrant(executor, grant);
  if (!inserted) throw new Error(`A live grant for ${grant.taxId} already exists for this person.`);
  await recordAudit(executor, context, {
    action: "access.granted",
    outcome: "success",
    actorUserId: grant.grantedByUserId ?? grant.userId,
    subjectUserId: grant.userId,
    taxId: grant.taxId,
    details: { role, method: grant.method, status: grant.status, npis: grant.npis ? grant.npis.join(" ") : "all" },
  });
  return inserted.id;
}
