module github.com/Molecule-AI/molecule-pkg

go 1.22

require (
	github.com/Molecule-AI/molecule-workspace v0.0.0
	github.com/redis/go-redis/v9 v9.5.1
)

replace github.com/Molecule-AI/molecule-workspace => ../workspace-server
