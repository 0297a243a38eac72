module github.com/acme/lattice

go 1.22

require (
	github.com/Masterminds/squirrel v1.5.4
	github.com/caarlos0/env/v10 v10.0.0
	github.com/jackc/pgx/v5 v5.5.5
	github.com/jmoiron/sqlx v1.3.5
	github.com/kelseyhightower/envconfig v1.4.0
	github.com/labstack/echo/v4 v4.11.4
	github.com/nats-io/nats.go v1.34.0
	github.com/pressly/goose/v3 v3.19.2
	github.com/redis/go-redis/v9 v9.5.1
	github.com/spf13/cobra v1.8.0
	go.uber.org/fx v1.21.0
	golang.org/x/sync v0.6.0
)
