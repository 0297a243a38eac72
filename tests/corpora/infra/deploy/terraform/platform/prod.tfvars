controlplane_image = "ghcr.io/molecule/controlplane:2026.12.1"
fleet_cache_url    = "redis://10.40.3.17:6379/0"
