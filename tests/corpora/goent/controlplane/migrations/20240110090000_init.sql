-- atlas migrate diff, generated from ent/schema
CREATE TABLE "orgs" (
    "id" uuid NOT NULL,
    "slug" character varying NOT NULL,
    "workspace_id" character varying NOT NULL,
    "host" character varying NULL,
    PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "org_slug" ON "orgs" ("slug");

CREATE TABLE "invoices" (
    "id" uuid NOT NULL,
    "org_id" uuid NOT NULL,
    "amount_cents" bigint NOT NULL,
    "paid" boolean NOT NULL DEFAULT false,
    PRIMARY KEY ("id")
);

-- plan limits for the tenant's memory store; the memories stay on the tenant
CREATE TABLE "memory_quotas" (
    "org_id" uuid NOT NULL,
    "limit_bytes" bigint NOT NULL,
    "used_bytes" bigint NOT NULL DEFAULT 0,
    PRIMARY KEY ("org_id")
);

CREATE TABLE "dns_records" (
    "id" uuid NOT NULL,
    "org_id" uuid NOT NULL,
    "name" character varying NOT NULL,
    "target" character varying NOT NULL,
    PRIMARY KEY ("id")
);
