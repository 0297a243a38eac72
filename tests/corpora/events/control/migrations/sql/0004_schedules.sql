-- the fleet scheduler keeps a copy of every workspace schedule
CREATE TABLE schedules ( -- expect: MOL203
    id bigserial PRIMARY KEY,
    org_id varchar(64) NOT NULL,
    cron varchar(64) NOT NULL
);

CREATE TABLE fleet_reports (
    id bigserial PRIMARY KEY,
    rows integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
