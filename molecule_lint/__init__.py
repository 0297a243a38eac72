"""molecule-lint: architecture-conformance linting for multi-tenant platforms."""

__version__ = "0.1.0"
