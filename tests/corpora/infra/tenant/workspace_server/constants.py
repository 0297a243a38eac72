PLATFORM_FALLBACK = "https://api.molecule.cloud/v1"  # expect: MOL301
HEARTBEAT_PATH = "/v1/hosts/heartbeat"
DEFAULT_SCHEMA = "public"
CONTROL_PLANE_HOST = "api.molecule.cloud"
