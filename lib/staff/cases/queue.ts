import { z } from "zod";
import { db } from "@/db/client";
import { listCaseQueue, type CaseQueueRow } from "@/db/queries/cases";
import { CASE_STATUSES, CASE_TYPES, type CaseStatusValue, type CaseTypeValue } from "./labels";

export const QUEUE_ORDERS = ["oldest_open", "newest"] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

/** How many cases one page of the queue shows. */
export const QUEUE_LIMIT = 200;

export interface QueueFilter {
  type: CaseTypeValue | null;
  status: CaseStatusValue | null;
  order: QueueOrder;
}

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const QueueParamsSchema = z.object({
  type: z.preprocess(one, z.enum(CASE_TYPES).nullable().catch(null)),
  status: z.preprocess(one, z.enum(CASE_STATUSES).nullable().catch(null)),
  order: z.preprocess(one, z.enum(QUEUE_ORDERS).catch("oldest_open")),
});

/** The queue's filters from the page's GET parameters: anything unknown means "any" (a filtered view is a link). */
export function parseQueueFilter(params: Record<string, string | string[] | undefined>): QueueFilter {
  return QueueParamsSchema.parse({ type: params.type ?? null, status: params.status ?? null, order: params.order ?? "oldest_open" });
}

/** The link of a filtered view. */
export function queueHref(filter: Partial<QueueFilter>): string {
  const params = new URLSearchParams();
  if (filter.type) params.set("type", filter.type);
  if (filter.status) params.set("status", filter.status);
  if (filter.order && filter.order !== "oldest_open") params.set("order", filter.order);
  const query = params.toString();
  return query ? `/staff/cases?${query}` : "/staff/cases";
}

export async function loadCaseQueue(filter: QueueFilter): Promise<CaseQueueRow[]> {
  return listCaseQueue(db, { type: filter.type, status: filter.status, order: filter.order, limit: QUEUE_LIMIT });
}
