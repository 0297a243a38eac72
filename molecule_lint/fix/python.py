"""Python fixes, as edits of the file's text: unused suppression comments at the tokenizer's exact comment
spans; MOLECULE_PLATFORM_URL fallbacks found with libcst, which parses without running anything and
prints the replacement. The text is decoded as Python decodes it (coding cookie, BOM) and written
back in the same encoding."""

from __future__ import annotations

import io
import tokenize
from collections.abc import Iterator

import libcst as cst
import libcst.matchers as m
from libcst.metadata import PositionProvider, QualifiedName, QualifiedNameProvider, QualifiedNameSource

from molecule_lint.checks.runtime_contract import CONTRACT_URL_ENV
from molecule_lint.findings import Finding
from molecule_lint.fix.edits import Edit, applied, unused_ids_removed
from molecule_lint.frontends.python.comments import _MARK


def rewrite(source: bytes, findings: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The file with the findings fixed that can be, and those findings."""
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(source).readline)[0]  # "utf-8-sig" keeps a BOM
        text = source.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return source, []  # MOL901's
    if text.encode(encoding) != source:
        return source, []  # a codec that would not give the same bytes back
    starts = _line_starts(text)
    edits: list[Edit] = []
    fixed: list[Finding] = []
    for edit, finding in (*_unused_suppressions(text, starts, findings), *_fallbacks(text, starts, findings)):
        edits.append(edit)
        fixed.append(finding)
    return applied(text, edits).encode(encoding), fixed


def _line_starts(text: str) -> list[int]:
    """Offset of each line (1-based: [0] is unused), lines ending at \\n as the tokenizer reads them."""
    starts = [0, 0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _unused_suppressions(text: str, starts: list[int], findings: list[Finding]) -> Iterator[tuple[Edit, Finding]]:
    marks = {f.loc.line: f for f in findings if f.rule == "MOL902" and f.target is not None}
    if not marks:
        return
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return
    for token in tokens:
        finding = marks.get(token.start[0])
        if token.type != tokenize.COMMENT or finding is None or finding.target is None:
            continue
        start = starts[token.start[0]] + token.start[1]
        end = start + len(token.string)
        mark = _MARK.search(token.string)
        if mark is not None and text[start:end] == token.string:
            yield unused_ids_removed(text, start, end, mark, set(finding.target.split(","))), finding


def _fallbacks(text: str, starts: list[int], findings: list[Finding]) -> Iterator[tuple[Edit, Finding]]:
    wanted = {(f.loc.line, f.loc.column): f for f in findings if f.rule == "MOL301"}
    if not wanted:
        return  # libcst only for a file with a fallback to fix: parsing and naming cost 10-50x the tokenizer
    try:
        tree = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return
    finder = _Fallbacks(tree, wanted)
    cst.MetadataWrapper(tree, unsafe_skip_copy=True).visit(finder)
    for call, replacement, finding in finder.found:
        start, end = (starts[p.line] + p.column for p in (call.start, call.end))
        if text[start:end] == replacement[0]:  # the span is the call as written (libcst counts lines like us)
            yield (start, end, replacement[1]), finding


class _Fallbacks(cst.CSTVisitor):
    """`os.getenv("MOLECULE_PLATFORM_URL", "https://...")` calls whose fallback a finding reports, each
    with its text and the text of `os.environ["MOLECULE_PLATFORM_URL"]` to put in its place."""

    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider)

    def __init__(self, tree: cst.Module, wanted: dict[tuple[int, int], Finding]) -> None:
        super().__init__()
        self.tree = tree  # its newline and indentation print the call as written
        self.wanted = wanted
        self.found: list[tuple[cst.metadata.CodeRange, tuple[str, str], Finding]] = []

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
