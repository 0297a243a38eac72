CONTROL_FALLBACK = "https://control.dataplat.io/api"  # expect: MOL301
USAGE_PATH = "/v1/usage"
