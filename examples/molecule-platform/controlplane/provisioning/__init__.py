"""Provisioning: one EC2 host per org."""
