module example.com/tally

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
	github.com/redis/go-redis/v9 v9.5.1
	github.com/riverqueue/river v0.11.0
	github.com/uptrace/bun v1.2.1
	golang.org/x/sync v0.7.0
	gorm.io/gorm v1.25.10
)
