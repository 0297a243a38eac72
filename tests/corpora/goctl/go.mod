module github.com/moleculeai/fleet

go 1.22

require (
	github.com/gomodule/redigo v1.9.2
	github.com/jackc/pgx/v5 v5.6.0
	github.com/jmoiron/sqlx v1.4.0
	github.com/pressly/goose/v3 v3.21.1
	github.com/redis/go-redis/v9 v9.5.3
	github.com/spf13/cobra v1.8.1
	github.com/spf13/viper v1.19.0
	go.temporal.io/sdk v1.28.1
	golang.org/x/sync v0.7.0
	k8s.io/apimachinery v0.30.2
	sigs.k8s.io/controller-runtime v0.18.4
)
