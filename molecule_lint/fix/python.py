"""Python fixes, rewritten with libcst: it parses without running anything, and prints every byte it
was not asked to change back as it was (encoding, BOM, line endings, tabs, comments)."""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m
from libcst.metadata import PositionProvider, QualifiedName, QualifiedNameProvider, QualifiedNameSource

from molecule_lint.checks.runtime_contract import CONTRACT_URL_ENV
from molecule_lint.findings import Finding
from molecule_lint.fix.marks import without_ids
from molecule_lint.frontends.python.comments import _MARK


def rewrite(source: bytes, findings: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The file with the findings fixed that can be, and those findings."""
    try:
        tree = cst.parse_module(source)
    except (cst.ParserSyntaxError, UnicodeDecodeError, SyntaxError):
        return source, []  # an unparseable file is MOL901's, and nothing to fix
    fixer = _Fixer(findings)
    fixed = cst.MetadataWrapper(tree, unsafe_skip_copy=True).visit(fixer)
    return fixed.bytes, fixer.fixed


class _Fixer(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider)

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.marks = {f.loc.line: f for f in findings if f.rule == "MOL902"}
        self.fallbacks = {(f.loc.line, f.loc.column): f for f in findings if f.rule == "MOL301"}
        self.fixed: list[Finding] = []

    # -- MOL902: unused suppressions ----------------------------------------------------------

    def leave_EmptyLine(
        self, original: cst.EmptyLine, updated: cst.EmptyLine
    ) -> cst.EmptyLine | cst.RemovalSentinel:
        kept = self._edited_comment(original.comment)
        if kept is None:
            return updated
        return updated.with_changes(comment=cst.Comment(kept)) if kept else cst.RemoveFromParent()  # the whole line

    def leave_TrailingWhitespace(
        self, original: cst.TrailingWhitespace, updated: cst.TrailingWhitespace
    ) -> cst.TrailingWhitespace:
        kept = self._edited_comment(original.comment)
        if kept is None:
            return updated
        if kept:
            return updated.with_changes(comment=cst.Comment(kept))
        return updated.with_changes(whitespace=cst.SimpleWhitespace(""), comment=None)  # and the blanks before it

    def _edited_comment(self, comment: cst.Comment | None) -> str | None:
        """What the fix leaves of a comment ("": nothing), or None when no fix is for it."""
        if comment is None:
            return None
        finding = self.marks.get(self.get_metadata(PositionProvider, comment).start.line)
        mark = _MARK.search(comment.value)
        if finding is None or finding.target is None or mark is None:
            return None
        self.fixed.append(finding)
        return without_ids(comment.value, mark, set(finding.target.split(","))) or ""

    # -- MOL301: a hardcoded fallback of MOLECULE_PLATFORM_URL ---------------------------------

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if len(original.args) != 2:
            return updated
        start = self.get_metadata(PositionProvider, original.args[1].value).start
        finding = self.fallbacks.get((start.line, start.column + 1))
        if finding is None:
            return updated
        environ = self._environ(original)
        if environ is None or not isinstance(updated.func, cst.Attribute):
            return updated
        self.fixed.append(finding)
        # `os.getenv` -> `os.environ`; `os.environ.get` -> `os.environ`
        name = updated.func.with_changes(attr=cst.Name("environ")) if environ == "getenv" else updated.func.value
        key = cst.SubscriptElement(cst.Index(updated.args[0].value))
        return cst.Subscript(name, [key], lpar=updated.lpar, rpar=updated.rpar)

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
