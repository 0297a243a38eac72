"""Uptime probes and diagnostics."""
