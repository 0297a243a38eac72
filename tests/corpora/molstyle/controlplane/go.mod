module github.com/Molecule-AI/molecule-controlplane

go 1.22

require (
	github.com/Molecule-AI/molecule-pkg v0.0.0
	github.com/Molecule-AI/molecule-workspace v0.0.0
	github.com/aws/aws-sdk-go-v2/service/ec2 v1.160.0
	github.com/aws/aws-sdk-go-v2/service/route53 v1.40.0
	github.com/gin-gonic/gin v1.10.0
	github.com/lib/pq v1.10.9
	github.com/redis/go-redis/v9 v9.5.1
	golang.org/x/sync v0.7.0
)

replace (
	github.com/Molecule-AI/molecule-pkg => ../pkg
	github.com/Molecule-AI/molecule-workspace => ../workspace-server
)
