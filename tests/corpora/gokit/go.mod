module github.com/acme/fleet

go 1.22

require (
	github.com/Masterminds/squirrel v1.5.4
	github.com/go-kit/kit v0.13.0
	github.com/go-kit/log v0.2.1
	github.com/go-kratos/kratos/v2 v2.7.3
	github.com/lib/pq v1.10.9
	github.com/redis/go-redis/v9 v9.5.1
	github.com/spf13/cobra v1.8.0
	golang.org/x/sync v0.7.0
	gorm.io/driver/postgres v1.5.7
	gorm.io/gorm v1.25.10
)
