ALTER TYPE "public"."access_request_status" ADD VALUE 'revoked';--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "revoked_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_requests_due_idx" ON "access_requests" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "access_requests_billing_idx" ON "access_requests" USING btree ("billing_organization_id","provider_tax_id");