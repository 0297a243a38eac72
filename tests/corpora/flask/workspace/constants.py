DEFAULT_HUB = "https://api.controlhub.example.com"  # expect: MOL301
HUB_ENV = "CONTROLHUB_URL"
