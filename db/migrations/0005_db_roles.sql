-- The application runs under portal_app, a role that owns nothing: it may read and write the
-- data, but only read and append to the audit log, and it cannot alter tables or their
-- triggers. Migrations keep running as the owner of the schema (the role that runs them).
-- Roles are cluster-wide, so create it only when absent; a deployment gives its LOGIN role
-- membership in portal_app (see README "Database roles").
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_app') THEN
    CREATE ROLE portal_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM portal_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_app;
--> statement-breakpoint
DO $$
DECLARE
  type_name text;
BEGIN
  FOR type_name IN
    SELECT format('%I.%I', n.nspname, t.typname)
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype = 'e'
  LOOP
    EXECUTE format('GRANT USAGE ON TYPE %s TO portal_app', type_name);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Tables, sequences and types that later migrations create (as this same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON TYPES TO portal_app;
--> statement-breakpoint
-- The app may see which migrations ran (health checks, tests), never change them.
GRANT USAGE ON SCHEMA drizzle TO portal_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO portal_app;
