module github.com/lattice/hive

go 1.22

require (
	github.com/go-jet/jet/v2 v2.11.0
	github.com/gofiber/fiber/v2 v2.52.4
	github.com/go-resty/resty/v2 v2.12.0
	github.com/hibiken/asynq v0.24.1
	github.com/jackc/pgx/v5 v5.5.5
	github.com/knadh/koanf/v2 v2.1.1
	github.com/redis/go-redis/v9 v9.5.1
	github.com/samber/lo v1.39.0
	github.com/volatiletech/sqlboiler/v4 v4.16.2
	go.temporal.io/sdk v1.26.0
)
