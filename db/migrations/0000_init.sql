CREATE TYPE "public"."npi_type" AS ENUM('individual', 'organization');--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('active', 'pending_pin', 'deactivated');--> statement-breakpoint
CREATE TYPE "public"."account_type" AS ENUM('provider', 'billing', 'staff');--> statement-breakpoint
CREATE TYPE "public"."session_end_reason" AS ENUM('sign_out', 'idle_timeout', 'absolute_timeout', 'deactivated', 'password_changed');--> statement-breakpoint
CREATE TYPE "public"."access_method" AS ENUM('check', 'nonpayment_notice', 'us_mail_pin', 'delegate', 'billing_approval', 'representative');--> statement-breakpoint
CREATE TYPE "public"."access_role" AS ENUM('delegate', 'user');--> statement-breakpoint
CREATE TYPE "public"."access_status" AS ENUM('active', 'pending', 'expired', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'failure', 'denied', 'rate_limited');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent');--> statement-breakpoint
CREATE TABLE "nonpayment_notices" (
	"notice_number" varchar(16) PRIMARY KEY NOT NULL,
	"tax_id" char(9) NOT NULL,
	"npi" char(10) NOT NULL,
	"notice_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "npi_tax_ids" (
	"npi" char(10) NOT NULL,
	"tax_id" char(9) NOT NULL,
	CONSTRAINT "npi_tax_ids_tax_id_npi_pk" PRIMARY KEY("tax_id","npi")
);
--> statement-breakpoint
CREATE TABLE "npis" (
	"npi" char(10) PRIMARY KEY NOT NULL,
	"type" "npi_type" NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_checks" (
	"check_number" varchar(12) PRIMARY KEY NOT NULL,
	"vendor_number" varchar(12) NOT NULL,
	"tax_id" char(9) NOT NULL,
	"npi" char(10) NOT NULL,
	"amount_cents" integer NOT NULL,
	"issued_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_tax_ids" (
	"tax_id" char(9) PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"state" char(2) NOT NULL,
	"postal_code" varchar(10) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_verification_tokens" (
	"token_hash" char(64) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" "session_end_reason",
	"client_address" varchar(64),
	"user_agent" varchar(512)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"first_name" varchar(50) NOT NULL,
	"last_name" varchar(50) NOT NULL,
	"phone" char(10) NOT NULL,
	"password_hash" text NOT NULL,
	"account_type" "account_type" NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"registration_submission_id" uuid,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_registration_submission_id_unique" UNIQUE("registration_submission_id")
);
--> statement-breakpoint
CREATE TABLE "access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"tax_id" char(9) NOT NULL,
	"role" "access_role" NOT NULL,
	"method" "access_method" NOT NULL,
	"evidence" text,
	"status" "access_status" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "access_grants_user_tax_id_key" UNIQUE("user_id","tax_id")
);
--> statement-breakpoint
CREATE TABLE "registered_organizations" (
	"tax_id" char(9) PRIMARY KEY NOT NULL,
	"registered_by_user_id" uuid NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" varchar(64) NOT NULL,
	"outcome" "audit_outcome" NOT NULL,
	"actor_user_id" uuid,
	"actor_label" varchar(254),
	"subject_user_id" uuid,
	"tax_id" char(9),
	"client_address" varchar(64),
	"user_agent" varchar(512),
	"request_id" varchar(64),
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template" varchar(64) NOT NULL,
	"to_address" varchar(254) NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"transport" varchar(16),
	"provider_message_id" varchar(128),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "nonpayment_notices" ADD CONSTRAINT "nonpayment_notices_tax_id_provider_tax_ids_tax_id_fk" FOREIGN KEY ("tax_id") REFERENCES "public"."provider_tax_ids"("tax_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonpayment_notices" ADD CONSTRAINT "nonpayment_notices_npi_npis_npi_fk" FOREIGN KEY ("npi") REFERENCES "public"."npis"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "npi_tax_ids" ADD CONSTRAINT "npi_tax_ids_npi_npis_npi_fk" FOREIGN KEY ("npi") REFERENCES "public"."npis"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "npi_tax_ids" ADD CONSTRAINT "npi_tax_ids_tax_id_provider_tax_ids_tax_id_fk" FOREIGN KEY ("tax_id") REFERENCES "public"."provider_tax_ids"("tax_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_checks" ADD CONSTRAINT "payment_checks_tax_id_provider_tax_ids_tax_id_fk" FOREIGN KEY ("tax_id") REFERENCES "public"."provider_tax_ids"("tax_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_checks" ADD CONSTRAINT "payment_checks_npi_npis_npi_fk" FOREIGN KEY ("npi") REFERENCES "public"."npis"("npi") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_granted_by_user_id_users_id_fk" FOREIGN KEY ("granted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_organizations" ADD CONSTRAINT "registered_organizations_tax_id_provider_tax_ids_tax_id_fk" FOREIGN KEY ("tax_id") REFERENCES "public"."provider_tax_ids"("tax_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_organizations" ADD CONSTRAINT "registered_organizations_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nonpayment_notices_tax_id_idx" ON "nonpayment_notices" USING btree ("tax_id");--> statement-breakpoint
CREATE INDEX "npi_tax_ids_npi_idx" ON "npi_tax_ids" USING btree ("npi");--> statement-breakpoint
CREATE INDEX "payment_checks_tax_id_issued_idx" ON "payment_checks" USING btree ("tax_id","issued_on");--> statement-breakpoint
CREATE INDEX "email_verification_tokens_user_id_idx" ON "email_verification_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "access_grants_tax_id_idx" ON "access_grants" USING btree ("tax_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_tax_id_idx" ON "audit_events" USING btree ("tax_id","occurred_at");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox" USING btree ("created_at");