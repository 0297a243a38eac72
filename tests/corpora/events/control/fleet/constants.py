WORKSPACE_DSN_ENV = "WORKSPACE_DB_DSN"
REPORT_BUCKET = "s3://molecule-fleet-reports"
