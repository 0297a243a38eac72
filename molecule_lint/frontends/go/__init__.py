"""The Go frontend: one `.go` file -> FileFacts, parsed with tree-sitter.

A Go file's module is its package's import path (see `gomod`), so the files
of one package share a module and their facts merge in the linker. Scopes:
a top-level function is its own unit, a method belongs to its receiver type
(`func (s *Store) Get()` is scoped "Store"), package-level declarations are
MODULE_SCOPE. Go types are Definitions of kind "class", the fact model's
name for a type.
"""

from __future__ import annotations

from molecule_lint.facts import FileFacts, Location
from molecule_lint.frontends.go.gomod import go_module_name

__all__ = ["analyze_go", "go_module_name"]


def analyze_go(path: str, module: str, source: bytes) -> FileFacts:
    """Facts of one Go file; a file we cannot parse is an error result (MOL901), never an exception."""
    from molecule_lint.frontends.go.extract import GoFile
    from molecule_lint.frontends.go.lower import summaries
    from molecule_lint.frontends.go.syntax import Positions, describe_error, first_error, parse

    try:
        source.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = source.count(b"\n", 0, exc.start) + 1
        line_start = source.rfind(b"\n", 0, exc.start) + 1
        column = len(source[line_start : exc.start].decode("utf-8", "replace")) + 1
        error = f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start})"
        return FileFacts(path, "go", module, error=error, error_loc=Location(line, column, line, column + 1))
    parsed, root = parse(source)  # a retried parse's bytes differ from the file's only in placeholder names
    positions = Positions(source)
    if root.has_error:
        node = first_error(root)
        loc = positions.location(node)
        if (loc.end_line, loc.end_column) == (loc.line, loc.column):  # a MISSING token has no width
            loc = Location(loc.line, loc.column, loc.line, loc.column + 1)
        return FileFacts(path, "go", module, error=describe_error(node, source), error_loc=loc)
    try:
        go_file = GoFile(module, parsed, positions)
        facts = go_file.run(root)
        facts += tuple(summaries(root, path, positions, go_file.imports))  # the value-flow pass, same tree
    except RecursionError:  # the walk recurses per nesting level: generated code can nest thousands deep
        return FileFacts(
            path, "go", module, error="skipped: nested too deeply to analyse", error_loc=Location(1, 1, 1, 1)
        )
    return FileFacts(path, "go", module, facts)
