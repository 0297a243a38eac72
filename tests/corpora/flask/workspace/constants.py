DEFAULT_HUB = "https://api.controlhub.example.com"
HUB_ENV = "CONTROLHUB_URL"
