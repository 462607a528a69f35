CREATE TYPE "public"."outbox_failure" AS ENUM('service', 'message');--> statement-breakpoint
CREATE TYPE "public"."job_run_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" varchar(64) NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"status" "job_run_status" NOT NULL,
	"claim_token" uuid NOT NULL,
	"claimed_by" varchar(128) NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" text,
	CONSTRAINT "job_runs_job_period_start_pk" PRIMARY KEY("job","period_start")
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "last_failure" "outbox_failure";