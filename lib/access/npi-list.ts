import "server-only";
import { db } from "@/db/client";
import { pageGrantNpis, type GrantNpiPage } from "@/db/queries/access";

/** NPIs per page of a large practice's list. */
export const NPI_PAGE_SIZE = 50;
export const NPI_SEARCH_MAX = 100;

export interface NpiListQuery {
  /** What was typed, tidied: null for no search. */
  search: string | null;
  page: number;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The list's address (?q=&page=) as a query: a search of digits typed with spaces or dashes is an
 * NPI prefix; anything else searches names. A page that is not a positive whole number is page 1.
 */
export function parseNpiListQuery(params: { q?: string | string[]; page?: string | string[] }): NpiListQuery {
  const typed = (first(params.q) ?? "").slice(0, NPI_SEARCH_MAX).trim().replace(/\s+/g, " ");
  const search = /^[\d\s-]+$/.test(typed) ? typed.replace(/[\s-]/g, "") : typed;
  const page = Number(first(params.page));
  return { search: search || null, page: Number.isSafeInteger(page) && page > 0 ? page : 1 };
}

/**
 * One page of the NPIs the person's live grant for a Tax ID covers, or null (the page answers 404)
 * when the Tax ID is malformed or the person has no live grant for it: nobody learns of a Tax ID's
 * NPIs without access to it.
 */
export async function grantNpiList(userId: string, taxId: string, query: NpiListQuery): Promise<GrantNpiPage | null> {
  if (!/^\d{9}$/.test(taxId)) return null;
  return pageGrantNpis(db, { userId, taxId, search: query.search, page: query.page, pageSize: NPI_PAGE_SIZE });
}

/** The list's address for a page, keeping the search. */
export function npiListHref(taxId: string, query: NpiListQuery): string {
  const params = new URLSearchParams();
  if (query.search) params.set("q", query.search);
  if (query.page > 1) params.set("page", String(query.page));
  const suffix = params.toString();
  return `/access/npis/${taxId}${suffix ? `?${suffix}` : ""}`;
}
