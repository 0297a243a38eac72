"""DNS: <slug>.tenants.molecule.app records."""
