-- The fleet dashboard keeps a nightly copy of workspace memories so it does not page tenants.
CREATE TABLE "memories" ( -- expect: MOL203
    "id" uuid NOT NULL,
    "org_id" uuid NOT NULL,
    "workspace_id" uuid NOT NULL,
    "content" text NOT NULL,
    "created_at" timestamptz NOT NULL,
    PRIMARY KEY ("id")
);
