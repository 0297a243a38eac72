"""Constants of the workspace server."""

DEFAULT_PLATFORM_URL = "https://control.molecule.dev"  # expect: MOL301
REGISTRATION_ENV = "CONTROLPLANE_URL"
ORG_HEADER = "X-Molecule-Org"
MEMORY_KEY = "mem:{workspace_id}:recent"
