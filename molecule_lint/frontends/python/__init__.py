"""The Python frontend: one `.py` file -> FileFacts, from a single `ast` parse.

Cost model (MEASUREMENTS.md): names are resolved with the file's own import
table, one hand-written walk reads the tree, and positions are worked out
only for the nodes that became facts. Comments are tokenized only in files
that mention `molecule-lint`. Another pass over the same file takes the tree
from syntax.parse.
"""

from __future__ import annotations

import re
import sys

from molecule_lint.facts import Fact, FileFacts, Suppression
from molecule_lint.frontends.python.comments import marks
from molecule_lint.frontends.python.lower import summaries
from molecule_lint.frontends.python.syntax import Parsed, Unparsable, parse
from molecule_lint.frontends.python.walker import Walker

__all__ = ["analyze_python", "facts_of"]

# The walk recurses a few frames per nesting level: a 1,500-term `"a" + "b" + ...` is 1,500 levels
# deep. Deeper than this limit allows, a file is reported as too deeply nested.
_RECURSION_LIMIT = 10_000
_MARKER = re.compile(rb"molecule-lint", re.IGNORECASE)


def analyze_python(path: str, module: str, source: bytes) -> FileFacts:
    """Facts of one Python file; a file we cannot parse is an error result (MOL901), never an exception."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        return facts_of(path, module, source, parse(source))
    except Unparsable as exc:
        return FileFacts(path, "python", module, error=exc.reason, error_loc=exc.loc)
    except RecursionError:
        return FileFacts(path, "python", module, error="too deeply nested")
    finally:
        sys.setrecursionlimit(limit)


def facts_of(path: str, module: str, source: bytes, parsed: Parsed) -> FileFacts:
    is_package = path == "__init__.py" or path.endswith("/__init__.py")
    walker = Walker(parsed, module, module if is_package else module.rpartition(".")[0])
    pending = walker.run()
    facts: list[Fact] = [kind(parsed.positions.location(node), **fields) for kind, node, fields in pending]
    if _MARKER.search(source):
        for mark in marks(parsed.text):
            facts.append(Suppression(mark.loc, mark.rules, mark.reason, mark.until, mark.standalone))
    facts += summaries(parsed.tree, walker.package, parsed.positions)  # the value-flow pass, on the same tree
    facts.sort(key=lambda fact: (fact.loc.line, fact.loc.column, fact.loc.end_line, fact.loc.end_column))
    return FileFacts(path, "python", module, tuple(facts))


