"""Frontends: one source file in, its facts out (see facts.py). One module or package per language."""
