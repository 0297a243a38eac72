job "runtime" {
  datacenters = ["dc1"]
  type        = "service"

  group "runtime" {
    task "runtime" {
      driver = "exec"

      config {
        command = "/usr/local/bin/runtime"
      }

      env {
        MOLECULE_PLATFORM_URL = "https://control.tally.dev"
        TENANT_REDIS_URL      = "redis://central-cache.tally.internal:6379"
        DATABASE_URL          = "postgres://runtime@127.0.0.1:5432/runtime"
      }
    }
  }
}
