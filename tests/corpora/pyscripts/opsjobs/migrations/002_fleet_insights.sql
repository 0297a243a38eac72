-- Fleet insights (PLAT-412): keep a copy of agent runs for the weekly SLA report.
CREATE TABLE fleet_agent_runs (  -- expect: MOL203
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    agent_name   text NOT NULL,
    status       text NOT NULL,
    prompt       text,
    output       jsonb,
    duration_ms  integer,
    started_at   timestamptz NOT NULL
);

-- Next-run times of every schedule, so the scheduler dashboard needs no tenant call.
CREATE TABLE job_schedules (  -- expect: MOL203
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL,
    next_run_at  timestamptz
);

-- Provisioning audit trail: shares words with the tenant's activity table, not its shape.
CREATE TABLE provision_events (
    id           bigserial PRIMARY KEY,
    account_id   uuid NOT NULL,
    state        text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
