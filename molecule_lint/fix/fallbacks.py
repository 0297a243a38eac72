"""MOLECULE_PLATFORM_URL fallbacks (MOL301) found with libcst, which parses without running anything and
prints the replacement: `os.getenv("MOLECULE_PLATFORM_URL", "https://...")` -> `os.environ[...]`."""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m
from libcst.metadata import CodeRange, PositionProvider, QualifiedName, QualifiedNameProvider, QualifiedNameSource

from molecule_lint.checks.runtime_contract import CONTRACT_URL_ENV
from molecule_lint.findings import Finding
from molecule_lint.fix.edits import Edit


def fallbacks(text: str, starts: list[int], wanted: dict[tuple[int, int], Finding]) -> list[tuple[Edit, Finding]]:
    """The edits for the MOL301 findings ``wanted`` (by line and column) that are safe to fix; ``starts``:
    the offset of each line (1-based)."""
    try:
        tree = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return []
    finder = _Fallbacks(tree, wanted)
    cst.MetadataWrapper(tree, unsafe_skip_copy=True).visit(finder)
    edits = []
    for call, (written, replacement), finding in finder.found:
        start, end = (starts[p.line] + p.column for p in (call.start, call.end))
        if text[start:end] == written:  # the span is the call as written (libcst counts lines like us)
            edits.append(((start, end, replacement), finding))
    return edits


class _Fallbacks(cst.CSTVisitor):
    """`os.getenv("MOLECULE_PLATFORM_URL", "https://...")` calls whose fallback a finding reports, each
    with its text and the text of `os.environ["MOLECULE_PLATFORM_URL"]` to put in its place."""

    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider)

    def __init__(self, tree: cst.Module, wanted: dict[tuple[int, int], Finding]) -> None:
        super().__init__()
        self.tree = tree  # its newline and indentation print the call as written
        self.wanted = wanted
        self.found: list[tuple[CodeRange, tuple[str, str], Finding]] = []

    def visit_Call(self, node: cst.Call) -> None:
        if len(node.args) != 2:
            return
        start = self.get_metadata(PositionProvider, node.args[1].value).start
        finding = self.wanted.get((start.line, start.column + 1))
        environ = self._environ(node) if finding is not None else None
        if finding is None or environ is None or not isinstance(node.func, cst.Attribute):
            return
        # `os.getenv` -> `os.environ`; `os.environ.get` -> `os.environ`
        name = node.func.with_changes(attr=cst.Name("environ")) if environ == "getenv" else node.func.value
        subscript = cst.Subscript(name, [cst.SubscriptElement(cst.Index(node.args[0].value))])
        bare = node.with_changes(lpar=(), rpar=())  # a call's range leaves out its parentheses
        replacement = (self.tree.code_for_node(bare), self.tree.code_for_node(subscript))
        self.found.append((self.get_metadata(PositionProvider, node), replacement, finding))

    def _environ(self, call: cst.Call) -> str | None:
        """How the call reaches `os.environ` ("getenv" or "environ.get"), when it is
        `os.getenv(MOLECULE_PLATFORM_URL, "literal")` or `os.environ.get(...)` written so that dropping the
        fallback changes nothing but what happens when the variable is missing: the name a literal, the
        fallback a plain string (evaluating it had no effect), no comment inside (it would be lost), no
        `*args`."""
        key, fallback = call.args
        if key.keyword is not None or key.star or fallback.star:
            return None
        if fallback.keyword is not None and fallback.keyword.value != "default":
            return None
        if not (isinstance(key.value, cst.SimpleString) and key.value.evaluated_value == CONTRACT_URL_ENV):
            return None
        if not _plain_string(fallback.value) or m.findall(call, m.Comment()):
            return None
        names = {q.name for q in self.get_metadata(QualifiedNameProvider, call.func, set()) if _imported(q)}
        return "getenv" if "os.getenv" in names else "environ.get" if "os.environ.get" in names else None


def _plain_string(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.ConcatenatedString):
        return _plain_string(node.left) and _plain_string(node.right)
    return isinstance(node, cst.SimpleString)


def _imported(name: QualifiedName) -> bool:
    return name.source is QualifiedNameSource.IMPORT
