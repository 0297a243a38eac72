module github.com/nimbus/fleet

go 1.22

require (
	entgo.io/ent v0.13.1
	github.com/Masterminds/squirrel v1.5.4
	github.com/caarlos0/env/v10 v10.0.0
	github.com/doug-martin/goqu/v9 v9.19.0
	github.com/go-chi/chi/v5 v5.0.12
	github.com/go-resty/resty/v2 v2.12.0
	github.com/google/wire v0.6.0
	github.com/jackc/pgx/v5 v5.5.5
	github.com/kelseyhightower/envconfig v1.4.0
	github.com/labstack/echo/v4 v4.11.4
	github.com/redis/go-redis/v9 v9.5.1
	github.com/spf13/viper v1.18.2
	github.com/uptrace/bun v1.1.17
	go.uber.org/fx v1.21.0
	golang.org/x/sync v0.6.0
)
