module github.com/acme/molecule

go 1.22

require (
	github.com/Masterminds/squirrel v1.5.4
	github.com/caarlos0/env/v10 v10.0.0
	github.com/doug-martin/goqu/v9 v9.19.0
	github.com/gin-gonic/gin v1.10.0
	github.com/go-chi/chi/v5 v5.0.12
	github.com/go-resty/resty/v2 v2.12.0
	github.com/jackc/pgx/v5 v5.5.5
	github.com/jmoiron/sqlx v1.3.5
	github.com/kelseyhightower/envconfig v1.4.0
	github.com/redis/go-redis/v9 v9.5.1
	github.com/spf13/viper v1.18.2
	golang.org/x/sync v0.7.0
	gorm.io/gorm v1.25.9
)
