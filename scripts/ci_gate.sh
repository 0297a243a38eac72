#!/usr/bin/env bash
# The pull-request gate run by action.yml (and testable without GitHub): annotations for the
# findings on changed lines, a SARIF report of the whole project, a Markdown job summary.
# Environment: MOLECULE_LINT (the executable), BASE_REF (empty: no --diff), EXTRA_ARGS (split on
# whitespace), SARIF ("true" writes molecule-lint.sarif), GITHUB_STEP_SUMMARY (optional).
set -uo pipefail

read -r -a extra <<< "${EXTRA_ARGS:-}"
scope=()
if [ -n "${BASE_REF:-}" ]; then
  scope=(--diff "origin/${BASE_REF}")
fi

"$MOLECULE_LINT" check "${scope[@]}" --format github "${extra[@]}"
status=$?

if [ "${SARIF:-true}" = "true" ]; then
  "$MOLECULE_LINT" check --format sarif -o molecule-lint.sarif --exit-zero "${extra[@]}" || status=2
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  # Every finding (annotations show ten per step), counted per rule and service, chains collapsed;
  # the Markdown reporter escapes the repository's text for Markdown and HTML.
  "$MOLECULE_LINT" check "${scope[@]}" --format markdown --exit-zero "${extra[@]}" >> "$GITHUB_STEP_SUMMARY"
fi
exit "$status"
