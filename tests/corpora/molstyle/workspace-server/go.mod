module github.com/Molecule-AI/molecule-workspace

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/lib/pq v1.10.9
	github.com/redis/go-redis/v9 v9.5.1
)
