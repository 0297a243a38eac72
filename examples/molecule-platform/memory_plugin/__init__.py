"""Memory plugin: semantic recall for one org's agents (runs on the tenant host)."""
