"""The Python frontend: one `.py` file -> FileFacts, from a single libcst parse.

Cost model (MEASUREMENTS.md): the parse dominates, so everything else is
kept small next to it — names are resolved with the file's own import table
(no metadata providers), one hand-written walk reads the tree, and positions
come from one code-generation pass that records only the nodes that became
facts. Comments are walked only in files that mention `molecule-lint`.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
import warnings
from itertools import accumulate

import libcst as cst
from libcst._nodes.base import CSTNode

from molecule_lint.facts import Fact, FileFacts, Location, Summary, Suppression
from molecule_lint.frontends.python.comments import marks
from molecule_lint.frontends.python.lower import summaries
from molecule_lint.frontends.python.orgflow import flows
from molecule_lint.frontends.python.positions import locations
from molecule_lint.frontends.python.walker import Pending, Walker

__all__ = ["analyze_python"]

# CPython refuses more than 200 nested brackets; libcst's native parser does not refuse but
# crashes the process (SIGSEGV) somewhere past 800, so such a file must never reach it.
_MAX_BRACKETS = 200
_BRACKETS = bytes.maketrans(b"([{)]}", b"\x01\x01\x01\xff\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"([{)]}")
# The walk and libcst's code generation recurse once or more per nesting level; a long
# `"a" + "b" + ...` chain nests as deep as it is long.
_RECURSION_LIMIT = 10_000
_MARKER = re.compile(rb"molecule-lint", re.IGNORECASE)
# libcst also crashes on one expression with ~20,000 operators (`a and a and ...`, `- - - x`), and
# RecursionErrors from ~6,000; no real statement has thousands. Counted per logical line.
_MAX_OPERATORS = 3_000
_OPERATOR_BYTES = (b" and", b" or", b"not ")
_UNARY_RUN = re.compile(rb"(?:[-+~]\s*){200,}")  # `- - - ... x`: a run no real code has
_OPERATORS = frozenset({"and", "or", "not", "-", "+", "~", "*", "/", "|", "&", "^", "%", "@", "**", "//", "<<", ">>"})


def analyze_python(path: str, module: str, source: bytes) -> FileFacts:
    """Facts of one Python file; a file we cannot parse is an error result (MOL901), never an exception."""
    if _too_deeply_nested(source):
        return _failed(path, module, "too deeply nested", None)
    if _too_long_expression(source):
        return _failed(path, module, f"an expression with more than {_MAX_OPERATORS:,} operators", None)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        return _analyze(path, module, source)
    except RecursionError:
        return _failed(path, module, "too deeply nested", None)
    finally:
        sys.setrecursionlimit(limit)


def _parse(source: bytes) -> cst.Module:
    """libcst's parse without its per-node validation (~20 % of the parse): every node comes from
    the parser, which only builds valid trees (libcst's own comment there suggests the same)."""
    validate = CSTNode.__post_init__
    CSTNode.__post_init__ = _trusted  # type: ignore[method-assign,assignment]
    try:
        return cst.parse_module(source)
    finally:
        CSTNode.__post_init__ = validate  # type: ignore[method-assign]


def _trusted(node: CSTNode) -> None:
    return None


def _analyze(path: str, module: str, source: bytes) -> FileFacts:
    try:
        tree = _parse(source)
    except cst.ParserSyntaxError as exc:
        line, column = exc.raw_line, exc.raw_column + 1
        message = exc.message.splitlines()[0] if exc.message else "invalid syntax"
        return _failed(path, module, f"syntax error: {message}", Location(line, column, line, column + 1))
    except UnicodeDecodeError as exc:
        return _failed(path, module, f"undecodable: {exc.encoding} ({exc.reason})", _byte_location(source, exc.start))
    except SyntaxError as exc:  # raised while detecting the encoding: a bad or unknown coding cookie
        return _failed(path, module, f"undecodable: {exc.msg}", _undecodable_location(source, exc))
    is_package = path == "__init__.py" or path.endswith("/__init__.py")
    walker = Walker(tree, module, module if is_package else module.rpartition(".")[0])
    pending = walker.run()
    pending.extend(flows(walker, pending))
    if _MARKER.search(source):
        for mark in marks(tree):
            fields = {"rules": mark.rules, "reason": mark.reason, "until": mark.until, "standalone": mark.standalone}
            pending.append((Suppression, mark.comment, fields))
    package = module if is_package else module.rpartition(".")[0]
    return FileFacts(path, "python", module, _located(tree, pending, _summaries(source, package)))


def _summaries(source: bytes, package: str) -> list[Summary]:
    """The value-flow summaries, from a second, stdlib parse (to be shared with the facts' walk once it
    moves to `ast`); none when the running interpreter's grammar is older than the file's."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes and the like are the file's business
            tree = ast.parse(source)
    except SyntaxError:
        return []
    return summaries(tree, package, source.splitlines())


def _located(tree: cst.Module, pending: list[Pending], located: list[Summary]) -> tuple[Fact, ...]:
    """Facts with their locations, and those located already, in file order."""
    found = locations(tree, {id(node) for _, node, _ in pending})
    facts: list[Fact] = [kind(found[id(node)], **fields) for kind, node, fields in pending]
    facts += located
    facts.sort(key=lambda fact: (fact.loc.line, fact.loc.column, fact.loc.end_line, fact.loc.end_column))
    return tuple(facts)


def _failed(path: str, module: str, error: str, loc: Location | None) -> FileFacts:
    return FileFacts(path, "python", module, error=error, error_loc=loc)


def _byte_location(source: bytes, offset: int) -> Location:
    line = source.count(b"\n", 0, offset) + 1
    column = offset - (source.rfind(b"\n", 0, offset) + 1) + 1
    return Location(line, column, line, column + 1)


def _undecodable_location(source: bytes, exc: SyntaxError) -> Location | None:
    """Where the bytes stop being UTF-8 (no or a bad cookie), else the cookie's line if known."""
    try:
        source.decode("utf-8")
    except UnicodeDecodeError as bad:
        return _byte_location(source, bad.start)
    return Location(exc.lineno, 1, exc.lineno, 2) if exc.lineno else None


def _too_long_expression(source: bytes) -> bool:
    """A run of unary operators, or a logical line with more than _MAX_OPERATORS operators
    (tokenized only when the file holds that many `and`/`or`/`not` at all, which ordinary files don't)."""
    adjacent = sum(source.count(pair) for pair in (b"--", b"- -", b"++", b"+ +", b"~~", b"~ ~"))
    if adjacent > 100 and _UNARY_RUN.search(source):  # the regex only where a run is possible at all
        return True
    if sum(source.count(mark) for mark in _OPERATOR_BYTES) <= _MAX_OPERATORS:
        return False
    count = 0
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type == tokenize.NEWLINE:
                count = 0
            elif token.string in _OPERATORS and token.type in (tokenize.OP, tokenize.NAME):
                count += 1
                if count > _MAX_OPERATORS:
                    return True
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return False  # the parser reports it as a syntax error
    return False


def _too_deeply_nested(source: bytes) -> bool:
    """More than _MAX_BRACKETS nested brackets: counted over all bytes first (cheap, C-speed);
    only when that estimate is over, again over real tokens, so brackets in strings and comments
    cannot turn a valid file away."""
    marks_only = source.translate(_BRACKETS, _NOT_BRACKETS)
    if max(accumulate(memoryview(marks_only).cast("b")), default=0) <= _MAX_BRACKETS:
        return False
    depth = 0
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type == tokenize.OP and token.string in ("(", "[", "{"):
                depth += 1
                if depth > _MAX_BRACKETS:
                    return True
            elif token.type == tokenize.OP and token.string in (")", "]", "}"):
                depth -= 1
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return True  # unreadable and suspicious: safer refused than handed to the parser
    return False
