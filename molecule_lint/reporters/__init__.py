"""Reporters turn a run's findings into text; chosen by name, they know nothing of checks."""

from __future__ import annotations

from collections.abc import Callable

from molecule_lint.engine import RunResult
from molecule_lint.rules import Rule

Reporter = Callable[[RunResult, dict[str, Rule], bool], str]


FORMATS = ("text", "json", "sarif", "github", "junit")


def reporters() -> dict[str, Reporter]:
    from molecule_lint.reporters import github, json_report, junit, sarif, text

    return {"text": text.render, "json": json_report.render, "sarif": sarif.render, "github": github.render, "junit": junit.render}
