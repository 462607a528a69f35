ALTER TABLE "registered_organizations" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "registered_organizations" CASCADE;--> statement-breakpoint
ALTER TABLE "access_grants" DROP CONSTRAINT "access_grants_user_tax_id_key";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "status" SET DEFAULT 'active'::text;--> statement-breakpoint
-- Waiting for a PIN is now a pending grant with its letter, not a state of the account.
UPDATE "users" SET "status" = 'active' WHERE "status" = 'pending_pin';--> statement-breakpoint
DROP TYPE "public"."account_status";--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('active', 'deactivated');--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "status" SET DEFAULT 'active'::"public"."account_status";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "status" SET DATA TYPE "public"."account_status" USING "status"::"public"."account_status";--> statement-breakpoint
ALTER TABLE "pin_letters" ADD COLUMN "departed_delegate_claim" jsonb;--> statement-breakpoint
ALTER TABLE "access_grants" DROP COLUMN "role";--> statement-breakpoint
ALTER TABLE "access_grants" DROP COLUMN "revoked_at";--> statement-breakpoint
DROP TYPE "public"."access_role";