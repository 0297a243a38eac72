module github.com/acme/molecule

go 1.22

require (
	connectrpc.com/connect v1.16.2
	github.com/jackc/pgx/v5 v5.6.0
	github.com/machinebox/graphql v0.2.2
	github.com/nats-io/nats.go v1.36.0
	github.com/redis/go-redis/v9 v9.5.3
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.2
)
