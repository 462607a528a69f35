import { db, type Executor } from "@/db/client";
import { findOrganizationByTaxId, listActiveDelegates } from "@/db/queries/organizations";
import { findProviderTaxId, npiBillsUnderTaxId } from "@/db/queries/reference";
import { recordAudit, type AuditOutcome } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { consumeLimit } from "@/lib/rate-limit";
import { waitUntilElapsed } from "@/lib/security/answer-floor";
import { maskedName } from "@/lib/registration/departed-delegate";
import { formatTaxId } from "@/lib/validation";
import type { FindMyDelegateRequest } from "./find-my-delegate-schema";
import { lookupLimits, lookupPauseScope, type LookupPauseScope } from "./lookup-limits";
import { maskEmail } from "./mask-email";

/** Every answer takes at least this long, counted from the start of the lookup, found or not. */
export const LOOKUP_MINIMUM_MS = 300;

/** Stands in for the organization's id when there is none, so that the same queries run either way. */
const NO_ORGANIZATION = "00000000-0000-0000-0000-000000000000";

/** What a stranger may see of a delegate: "P. M." and "p•••@northside.example". */
export interface MaskedDelegate {
  name: string;
  email: string;
}

export type FindMyDelegateAnswer =
  | { kind: "registered"; taxId: string; organizationName: string | null; delegates: MaskedDelegate[] }
  | { kind: "not_registered"; taxId: string }
  | { kind: "npi_mismatch"; taxId: string }
  | { kind: "rate_limited"; scope: LookupPauseScope; retryAfterSeconds: number };

export interface FindMyDelegateOptions {
  now?: Date;
  /** Tests of the limits pass 0; the page keeps the default. */
  minimumDurationMs?: number;
}

/**
 * "Find my delegate": whether a Tax ID's organization is registered in the portal and, if so,
 * its active delegates, masked. Public, so every lookup counts against the limits of its client
 * address and of its Tax ID, goes to the audit log (the Tax ID and the answer, nothing of the
 * people), and takes the same time whether the Tax ID is known or not: the same queries run
 * either way and the answer waits until a fixed minimum has passed.
 *
 * Not registered covers a Tax ID we have no record of and one in the records that nobody has
 * registered (or whose delegates have all left): the two read the same. An NPI, when given, is
 * checked only against a Tax ID in the health plan's records.
 */
export async function findMyDelegate(input: FindMyDelegateRequest, context: RequestContext, options: FindMyDelegateOptions = {}): Promise<FindMyDelegateAnswer> {
  const started = performance.now();
  const now = options.now ?? new Date();
  try {
    const answer = await lookUp(input, context, now);
    await recordAudit(db, context, {
      action: "delegate.lookup",
      outcome: auditOutcome(answer),
      taxId: input.taxId,
      details: {
        answer: answer.kind,
        npiGiven: Boolean(input.npi),
        delegates: answer.kind === "registered" ? answer.delegates.length : null,
        limit: answer.kind === "rate_limited" ? answer.scope : null,
      },
    });
    return answer;
  } finally {
    await waitUntilElapsed(started, options.minimumDurationMs ?? LOOKUP_MINIMUM_MS);
  }
}

async function lookUp(input: FindMyDelegateRequest, context: RequestContext, now: Date): Promise<FindMyDelegateAnswer> {
  const taxId = formatTaxId(input.taxId);
  // One limit at a time: a lookup refused by one is not counted by the next.
  for (const [name, key] of lookupLimits(input.taxId, context.clientAddress)) {
    const state = await consumeLimit(name, key);
    if (state.blocked) return { kind: "rate_limited", scope: lookupPauseScope(name), retryAfterSeconds: state.retryAfterSeconds };
  }

  const { organization, record, npiMatches, delegates } = await readDelegateRecords(db, input, now);
  if (record && !npiMatches) return { kind: "npi_mismatch", taxId };
  if (!organization || delegates.length === 0) return { kind: "not_registered", taxId };
  return {
    kind: "registered",
    taxId,
    organizationName: organization.name?.trim() || null,
    delegates: delegates.map((delegate) => ({ name: maskedName(delegate), email: maskEmail(delegate.email) })),
  };
}

/**
 * The reads behind a lookup, with no limit and no audit (the benchmark times them): the same
 * queries run whether the Tax ID is registered or not.
 */
export async function readDelegateRecords(executor: Executor, input: { taxId: string; npi?: string | null }, now: Date) {
  const [organization, record, npiMatches] = await Promise.all([
    findOrganizationByTaxId(executor, input.taxId),
    findProviderTaxId(executor, input.taxId),
    input.npi ? npiBillsUnderTaxId(executor, input.npi, input.taxId) : Promise.resolve(true),
  ]);
  const delegates = await listActiveDelegates(executor, organization?.id ?? NO_ORGANIZATION, now);
  return { organization, record, npiMatches, delegates };
}

function auditOutcome(answer: FindMyDelegateAnswer): AuditOutcome {
  if (answer.kind === "rate_limited") return "rate_limited";
  return answer.kind === "npi_mismatch" ? "failure" : "success";
}
