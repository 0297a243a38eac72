"""Environment variable names, so that a typo is an AttributeError rather than a silent default."""


class EnvNames:
    FLEET_DB = "FLEET_DATABASE_URL"
    WORKSPACE_DB = "WORKSPACE_DATABASE_URL"
    STRIPE_KEY = "STRIPE_API_KEY"
