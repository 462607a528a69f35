CREATE TYPE "public"."member_role" AS ENUM('delegate', 'user');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('active', 'removed');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('provider', 'billing');--> statement-breakpoint
CREATE TYPE "public"."access_request_status" AS ENUM('pending', 'approved', 'denied', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."pin_letter_status" AS ENUM('queued', 'printed', 'mailed', 'redeemed', 'voided', 'expired');--> statement-breakpoint
CREATE TYPE "public"."case_event_kind" AS ENUM('opened', 'note', 'status_changed', 'assigned', 'email_sent', 'linked');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('open', 'in_progress', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."case_type" AS ENUM('provider_not_listed', 'departed_delegate_review', 'delegate_dispute', 'contact_us');--> statement-breakpoint
ALTER TYPE "public"."access_status" ADD VALUE 'denied';--> statement-breakpoint
CREATE TABLE "organization_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"status" "membership_status" DEFAULT 'active' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by_user_id" uuid,
	"removed_at" timestamp with time zone,
	"removed_by_user_id" uuid,
	"removed_reason" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"tax_id" char(9) NOT NULL,
	"name" text,
	"address_line1" text,
	"address_line2" text,
	"city" text,
	"state" char(2),
	"postal_code" varchar(10),
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_grant_npis" (
	"grant_id" uuid NOT NULL,
	"npi" char(10) NOT NULL,
	CONSTRAINT "access_grant_npis_grant_id_npi_pk" PRIMARY KEY("grant_id","npi")
);
--> statement-breakpoint
CREATE TABLE "access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_user_id" uuid NOT NULL,
	"billing_organization_id" uuid NOT NULL,
	"provider_tax_id" char(9) NOT NULL,
	"all_npis" boolean DEFAULT true NOT NULL,
	"npis" char(10)[],
	"contact_name" text NOT NULL,
	"contact_email" varchar(254) NOT NULL,
	"status" "access_request_status" DEFAULT 'pending' NOT NULL,
	"token_hash" char(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"first_reminder_sent_at" timestamp with time zone,
	"second_reminder_sent_at" timestamp with time zone,
	"replaces_request_id" uuid,
	CONSTRAINT "access_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "pin_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tax_id" char(9) NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"address" jsonb NOT NULL,
	"status" "pin_letter_status" DEFAULT 'queued' NOT NULL,
	"pin_hash" text NOT NULL,
	"pin_ciphertext" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"letter_date" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"printed_at" timestamp with time zone,
	"printed_by_user_id" uuid,
	"mailed_at" timestamp with time zone,
	"mailed_by_user_id" uuid,
	"redeemed_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"voided_reason" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_event_kind" NOT NULL,
	"actor_user_id" uuid,
	"body" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_link_tokens" (
	"token_hash" char(64) PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "cases_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1),
	"type" "case_type" NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"tax_id" char(9),
	"npi" char(10),
	"requester_user_id" uuid,
	"contact_name" text NOT NULL,
	"contact_email" varchar(254) NOT NULL,
	"contact_phone" char(10),
	"details" jsonb NOT NULL,
	"related_case_id" uuid,
	"submission_id" uuid,
	"assigned_to_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "cases_number_unique" UNIQUE("number"),
	CONSTRAINT "cases_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" char(64) NOT NULL,
	"email" varchar(254) NOT NULL,
	"first_name" varchar(50) NOT NULL,
	"last_name" varchar(50) NOT NULL,
	"role" "member_role" NOT NULL,
	"organization_id" uuid NOT NULL,
	"access" jsonb NOT NULL,
	"invited_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"cancelled_at" timestamp with time zone,
	"submission_id" uuid,
	"note" text,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
ALTER TABLE "access_grants" ALTER COLUMN "granted_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "access_grants" ALTER COLUMN "granted_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "all_npis" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "ended_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "ended_reason" varchar(64);--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "access_request_id" uuid;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_removed_by_user_id_users_id_fk" FOREIGN KEY ("removed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grant_npis" ADD CONSTRAINT "access_grant_npis_grant_id_access_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."access_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_billing_organization_id_organizations_id_fk" FOREIGN KEY ("billing_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pin_letters" ADD CONSTRAINT "pin_letters_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pin_letters" ADD CONSTRAINT "pin_letters_grant_id_access_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."access_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pin_letters" ADD CONSTRAINT "pin_letters_printed_by_user_id_users_id_fk" FOREIGN KEY ("printed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pin_letters" ADD CONSTRAINT "pin_letters_mailed_by_user_id_users_id_fk" FOREIGN KEY ("mailed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_tokens" ADD CONSTRAINT "case_link_tokens_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_tokens" ADD CONSTRAINT "case_link_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_to_user_id_users_id_fk" FOREIGN KEY ("assigned_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_members_live_key" ON "organization_members" USING btree ("organization_id","user_id") WHERE "organization_members"."status" = 'active';--> statement-breakpoint
CREATE INDEX "organization_members_user_idx" ON "organization_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_tax_id_key" ON "organizations" USING btree ("tax_id");--> statement-breakpoint
CREATE INDEX "access_requests_requester_idx" ON "access_requests" USING btree ("requester_user_id","created_at");--> statement-breakpoint
CREATE INDEX "access_requests_provider_idx" ON "access_requests" USING btree ("provider_tax_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_live_key" ON "access_requests" USING btree ("requester_user_id","provider_tax_id") WHERE "access_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "pin_letters_requester_idx" ON "pin_letters" USING btree ("requested_by_user_id","tax_id","letter_date");--> statement-breakpoint
CREATE INDEX "pin_letters_status_idx" ON "pin_letters" USING btree ("status","letter_date");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "cases_tax_id_idx" ON "cases" USING btree ("tax_id");--> statement-breakpoint
CREATE INDEX "invitations_organization_idx" ON "invitations" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_grants_live_key" ON "access_grants" USING btree ("user_id","tax_id") WHERE "access_grants"."status" in ('pending', 'active');--> statement-breakpoint
CREATE INDEX "access_grants_user_idx" ON "access_grants" USING btree ("user_id","created_at");--> statement-breakpoint
-- Data: every registered Tax ID becomes a provider organization (its first registrant as creator),
-- and the role that each grant carried becomes a membership of that organization.
INSERT INTO "organizations" ("kind", "tax_id", "created_by_user_id", "created_at")
SELECT 'provider', "tax_id", "registered_by_user_id", "registered_at" FROM "registered_organizations"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "access_grants" SET "created_at" = "granted_at" WHERE "granted_at" IS NOT NULL;
--> statement-breakpoint
UPDATE "access_grants" SET "ended_at" = "revoked_at", "ended_reason" = 'revoked' WHERE "revoked_at" IS NOT NULL;
--> statement-breakpoint
UPDATE "access_grants" SET "granted_at" = NULL WHERE "status" = 'pending';
--> statement-breakpoint
INSERT INTO "organization_members" ("organization_id", "user_id", "role", "status", "joined_at", "added_by_user_id", "removed_at", "removed_reason")
SELECT o."id", g."user_id", g."role"::text::"member_role",
       (CASE WHEN g."status" IN ('active', 'pending') THEN 'active' ELSE 'removed' END)::"membership_status",
       g."created_at", g."granted_by_user_id",
       CASE WHEN g."status" IN ('active', 'pending') THEN NULL ELSE coalesce(g."revoked_at", now()) END,
       CASE WHEN g."status" IN ('active', 'pending') THEN NULL ELSE g."status"::text END
FROM "access_grants" g JOIN "organizations" o ON o."tax_id" = g."tax_id";
