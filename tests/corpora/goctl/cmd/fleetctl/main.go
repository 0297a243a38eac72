package main

import "github.com/moleculeai/fleet/cmd/fleetctl/cmd"

func main() {
	cmd.Execute()
}
