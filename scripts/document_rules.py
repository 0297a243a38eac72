"""Regenerate the rule table in README.md from rules/*.yaml."""

from __future__ import annotations

from pathlib import Path

from molecule_lint.ruledocs import with_table
from molecule_lint.rules import load_rules

README = Path(__file__).resolve().parent.parent / "README.md"

if __name__ == "__main__":
    README.write_text(with_table(README.read_text(encoding="utf-8"), load_rules()), encoding="utf-8")
