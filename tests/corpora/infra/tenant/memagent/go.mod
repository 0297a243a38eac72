module github.com/molecule/memagent

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.6.0
	github.com/kelseyhightower/envconfig v1.4.0
	github.com/spf13/viper v1.19.0
)
