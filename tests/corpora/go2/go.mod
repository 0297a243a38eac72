module github.com/lumenhq/fleet

go 1.22

require (
	entgo.io/ent v0.13.1
	github.com/friendsofgo/errors v0.9.2
	github.com/jackc/pgx/v5 v5.6.0
	github.com/kelseyhightower/envconfig v1.4.0
	github.com/labstack/echo/v4 v4.12.0
	github.com/redis/go-redis/v9 v9.5.1
	github.com/riverqueue/river v0.10.1
	github.com/sourcegraph/conc v0.3.0
	github.com/uptrace/bun v1.2.1
	github.com/uptrace/bun/dialect/pgdialect v1.2.1
	github.com/volatiletech/sqlboiler/v4 v4.16.2
	golang.org/x/sync v0.7.0
)
