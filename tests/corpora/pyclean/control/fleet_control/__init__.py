"""fleet-control: provisioning, billing, DNS and fleet reports for every organisation."""
