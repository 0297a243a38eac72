module github.com/orbitlabs/orbit

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
	github.com/kelseyhightower/envconfig v1.4.0
	github.com/redis/go-redis/v9 v9.5.1
	golang.org/x/sync v0.7.0
)
