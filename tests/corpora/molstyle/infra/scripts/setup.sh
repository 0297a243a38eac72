#!/usr/bin/env bash
# Bring up the dev stack and run migrations.
set -euo pipefail
docker compose -f docker-compose.yml up -d postgres redis
for f in workspace-server/migrations/*.up.sql workspace-server/migrations/0*_[a-z]*.sql; do
  psql "${DATABASE_URL:-postgres://dev:dev@localhost:5432/molecule}" -f "$f"
done
