"""Reporters turn a run's findings into text; chosen by name, they know nothing of checks.

Every string a reporter takes from the scanned repository goes through molecule_lint.textsafe.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from molecule_lint.engine import RunResult
from molecule_lint.rules import Rule


@dataclass(frozen=True, slots=True)
class ReportOptions:
    quiet: bool = False  # findings only: no evidence, no fix hints
    fail_on: str = "error"  # findings below it do not fail the run (JUnit: skipped, not failed)
    # The project root relative to the repository root ("" or "apps/api/"): SARIF and GitHub annotations
    # name files from the repository root, which is where code scanning and the Actions runner look.
    repository_prefix: str = ""
    statistics: bool = False  # text and json: counts per rule and per service
    color: bool = False  # text: ANSI colours on rule ids and severities (never on repository text)


Reporter = Callable[[RunResult, dict[str, Rule], ReportOptions], str]


FORMATS = ("text", "json", "sarif", "github", "junit", "markdown", "gitlab")
STATISTICS_FORMATS = ("text", "json")  # markdown has its counts anyway; the others are read by tools


_MODULES = {"text": "text", "json": "json_report", "sarif": "sarif", "github": "github", "junit": "junit",
            "markdown": "markdown", "gitlab": "gitlab"}


def reporter(name: str) -> Reporter:
    """The reporter of one format; only its module is imported (a warm run's start-up is most of it)."""
    render: Reporter = importlib.import_module(f"molecule_lint.reporters.{_MODULES[name]}").render
    return render


def reporters() -> dict[str, Reporter]:
    return {name: reporter(name) for name in FORMATS}
