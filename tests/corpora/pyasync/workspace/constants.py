ORG_ID_HEADER = "x-molecule-org"
DEFAULT_PLATFORM_URL = "http://controlplane:8000"  # expect: MOL301
