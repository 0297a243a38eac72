"""Agent runtime: runs inside an org's tenant host."""
