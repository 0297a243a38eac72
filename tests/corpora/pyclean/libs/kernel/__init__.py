"""Kernel: the code both services build on (persistence base, SDK base, shared names)."""
