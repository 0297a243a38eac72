-- atlas migrate diff, generated from ent/schema
CREATE TABLE "memories" (
    "id" uuid NOT NULL,
    "org_id" uuid NOT NULL,
    "workspace_id" uuid NOT NULL,
    "content" text NOT NULL,
    "embedding" bytea NULL,
    "created_at" timestamptz NOT NULL,
    PRIMARY KEY ("id")
);
CREATE INDEX "memory_org_id" ON "memories" ("org_id");

CREATE TABLE "activities" (
    "id" bigserial NOT NULL,
    "org_id" uuid NOT NULL,
    "workspace_id" uuid NOT NULL,
    "kind" character varying NOT NULL,
    "payload" jsonb NOT NULL,
    "created_at" timestamptz NOT NULL,
    PRIMARY KEY ("id")
);

CREATE TABLE "agent_messages" (
    "id" uuid NOT NULL,
    "org_id" uuid NOT NULL,
    "thread_id" uuid NOT NULL,
    "role" character varying NOT NULL,
    "body" text NOT NULL,
    PRIMARY KEY ("id")
);

CREATE TABLE "schedules" (
    "id" uuid NOT NULL,
    "org_id" uuid NOT NULL,
    "cron" character varying NOT NULL,
    "next_run_at" timestamptz NULL,
    PRIMARY KEY ("id")
);

CREATE TABLE "workspace_secrets" (
    "id" uuid NOT NULL,
    "org_id" uuid NOT NULL,
    "name" character varying NOT NULL,
    "ciphertext" bytea NOT NULL,
    PRIMARY KEY ("id")
);
