"""Positions for the few nodes that became facts, from one code-generation pass.

libcst's PositionProvider records a range for every node (~2x the parse,
MEASUREMENTS.md). This state does the same walk — codegen is ~15% of the parse —
but only remembers the nodes asked for, counts lines lazily (only when such a
node starts or ends) and stops as soon as the last one is known. Ranges are
those of PositionProvider: syntactic, not counting owned whitespace.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager, nullcontext
from types import TracebackType

import libcst as cst
from libcst._nodes.internal import CodegenState

from molecule_lint.facts import Location

_NEWLINE = re.compile(r"\r\n?|\n")  # as libcst counts lines
_NOTHING: AbstractContextManager[None] = nullcontext()

Point = tuple[int, int]  # line (1-based), column (0-based)


class _AllFound(Exception):
    """Raised to stop code generation once every wanted node has its range."""


def locations(tree: cst.Module, nodes: set[int]) -> dict[int, Location]:
    """id(node) -> Location for each wanted node of ``tree``."""
    if not nodes:
        return {}
    state = _State(tree, set(nodes))
    try:
        tree._codegen(state)
    except _AllFound:
        pass
    return {
        key: Location(start[0], start[1] + 1, end[0], end[1] + 1)
        for key, (start, end) in state.ranges.items()
        if key in nodes
    }


class _State(CodegenState):
    def __init__(self, tree: cst.Module, wanted: set[int]) -> None:
        super().__init__(default_indent=tree.default_indent, default_newline=tree.default_newline)
        self.wanted = wanted
        self.missing = len(wanted)
        self.starts: dict[int, Point] = {}
        self.ranges: dict[int, tuple[Point, Point]] = {}
        self._counted = 0  # tokens already folded into line/column
        self._line = 1
        self._column = 0

    def point(self) -> Point:
        tokens = self.tokens
        if self._counted < len(tokens):
            chunk = "".join(tokens[self._counted :])
            self._counted = len(tokens)
            if "\r" in chunk:
                pieces = _NEWLINE.split(chunk)
                lines, tail = len(pieces) - 1, pieces[-1]
            else:
                lines = chunk.count("\n")
                tail = chunk[chunk.rfind("\n") + 1 :] if lines else chunk
            if lines:
                self._line += lines
                self._column = len(tail)
            else:
                self._column += len(tail)
        return self._line, self._column

    def want(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key not in self.wanted:
            self.wanted.add(key)
            self.missing += 1

    def found(self, key: int, start: Point, end: Point) -> None:
        self.ranges[key] = (start, end)
        self.missing -= 1
        if not self.missing:
            raise _AllFound

    def before_codegen(self, node: cst.CSTNode) -> None:
        if id(node) in self.wanted:
            self.starts[id(node)] = self.point()

    def after_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted and key not in self.ranges:  # a syntactic range, when recorded, wins
            self.found(key, self.starts[key], self.point())

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> AbstractContextManager[None]:
        if id(node) not in self.wanted:
            return _NOTHING
        return _Syntactic(self, node, start_node, end_node)


class _Syntactic:
    """PositionProvidingCodegenState.record_syntactic_position, for one wanted node."""

    def __init__(
        self, state: _State, node: cst.CSTNode, start_node: cst.CSTNode | None, end_node: cst.CSTNode | None
    ) -> None:
        self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node
        for hoisted in (start_node, end_node):
            if hoisted is not None:
                state.want(hoisted)  # generated inside this node, so recorded before __exit__

    def __enter__(self) -> None:
        self.start = self.state.point()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is not None:
            return
        state = self.state
        start = state.ranges[id(self.start_node)][0] if self.start_node is not None else self.start
        end = state.ranges[id(self.end_node)][1] if self.end_node is not None else state.point()
        state.found(id(self.node), start, end)

