-- Local buffer of usage rows; the runtime pushes them to the platform monthly.
-- Same name as the platform's table: platform_data.tables wins, so this table
-- is NOT tenant data for the linter.
CREATE TABLE IF NOT EXISTS usage_reports (
    id            BIGSERIAL PRIMARY KEY,
    workspace_id  VARCHAR(36) NOT NULL,
    period        DATE NOT NULL,
    tokens        BIGINT NOT NULL DEFAULT 0,
    pushed_at     TIMESTAMPTZ
);
