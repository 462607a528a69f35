-- Tax IDs, NPIs, check, vendor and notice numbers are digit strings (a notice: "NP" and digits),
-- compared and ordered byte by byte: COLLATE "C". Under a linguistic collation (a database made
-- with C.UTF-8, en_US.UTF-8 …) PostgreSQL compares them through the C library, copying both
-- strings for every comparison of every index descent; /access makes about 400 such descents
-- for a delegate of 50 Tax IDs, and each is deeper at a large payer's size. "C" also lets a
-- prefix search (npi LIKE '1234%') use the plain index. Columns compared with one another
-- (joins, foreign keys) must share a collation for their indexes to serve those comparisons, so
-- every such column changes here, together. Changing only the collation rewrites no table:
-- PostgreSQL rebuilds the indexes on these columns. drizzle-kit does not model collations; the
-- schema's files say so where these columns are declared (db/schema/reference.ts).
ALTER TABLE "provider_tax_ids" ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C";--> statement-breakpoint
ALTER TABLE "npis" ALTER COLUMN "npi" SET DATA TYPE character(10) COLLATE "C";--> statement-breakpoint
ALTER TABLE "npi_tax_ids" ALTER COLUMN "npi" SET DATA TYPE character(10) COLLATE "C", ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C";--> statement-breakpoint
ALTER TABLE "payment_checks" ALTER COLUMN "check_number" SET DATA TYPE varchar(12) COLLATE "C", ALTER COLUMN "vendor_number" SET DATA TYPE varchar(12) COLLATE "C", ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C", ALTER COLUMN "npi" SET DATA TYPE character(10) COLLATE "C";--> statement-breakpoint
ALTER TABLE "nonpayment_notices" ALTER COLUMN "notice_number" SET DATA TYPE varchar(16) COLLATE "C", ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C", ALTER COLUMN "npi" SET DATA TYPE character(10) COLLATE "C";--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C";--> statement-breakpoint
ALTER TABLE "access_grants" ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C";--> statement-breakpoint
ALTER TABLE "access_grant_npis" ALTER COLUMN "npi" SET DATA TYPE character(10) COLLATE "C";--> statement-breakpoint
ALTER TABLE "access_requests" ALTER COLUMN "provider_tax_id" SET DATA TYPE character(9) COLLATE "C", ALTER COLUMN "npis" SET DATA TYPE character(10)[] COLLATE "C";--> statement-breakpoint
ALTER TABLE "pin_letters" ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C";--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C", ALTER COLUMN "npi" SET DATA TYPE character(10) COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "tax_id" SET DATA TYPE character(9) COLLATE "C";
