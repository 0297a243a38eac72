-- Support console: pinned memories an engineer copied out while debugging an org.
CREATE TABLE IF NOT EXISTS support_memory_pins ( -- expect: MOL203
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       UUID NOT NULL REFERENCES orgs(id),
    workspace_id UUID NOT NULL,
    content      TEXT NOT NULL,
    scope        VARCHAR(10) NOT NULL,
    namespace    TEXT NOT NULL DEFAULT 'general',
    created_at   TIMESTAMPTZ DEFAULT now()
);
