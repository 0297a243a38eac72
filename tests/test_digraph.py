"""digraph.DiGraph answers as networkx.DiGraph does for every call the checks make, in the same order."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
from conftest import EXAMPLE_ROOT

from molecule_lint.digraph import DiGraph


def test_the_same_answers_in_the_same_order_as_networkx() -> None:
    rng = random.Random(1793)
    ours, theirs = DiGraph(), nx.DiGraph()
    names = [f"n{i}" for i in range(30)]
    for step in range(400):
        u, v = rng.choice(names), rng.choice(names)
        if rng.random() < 0.2:
            kind = rng.choice("ab")
            for g in (ours, theirs):
                g.add_node(u, kind=kind, step=step)
        else:
            attrs = {"kind": rng.choice(["use", "import"]), "step": step}
            for g in (ours, theirs):
                g.add_edge(u, v, **attrs)
    assert list(ours.nodes) == list(theirs.nodes) and list(ours.nodes(data=True)) == list(theirs.nodes(data=True))
    assert list(ours.edges(data=True)) == list(theirs.edges(data=True))
    assert list(ours.edges(data="kind")) == list(theirs.edges(data="kind")) and list(ours.edges) == list(theirs.edges)
    for node in names:
        assert (node in ours) == (node in theirs)
        if node in theirs:
            assert list(ours.successors(node)) == list(theirs.successors(node))
            assert list(ours.predecessors(node)) == list(theirs.predecessors(node))
            assert list(ours.in_edges(node, data=True)) == list(theirs.in_edges(node, data=True))
            assert ours.nodes[node] == theirs.nodes[node] and ours.nodes.get(node) == theirs.nodes.get(node)
        for other in names:
            assert ours.has_edge(node, other) == theirs.has_edge(node, other)
            assert ours.get_edge_data(node, other) == theirs.get_edge_data(node, other)
    edge = next(iter(theirs.edges))
    assert ours.edges[edge] == theirs.edges[edge]
    assert ours.nodes.get("missing", {}) == {} and len(ours.edges) == len(theirs.edges)


def test_a_check_imports_no_networkx(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_ROOT, tmp_path / "repo")
    probe = ("import runpy, sys\nsys.argv = ['molecule-lint', 'check', '--no-cache', '-q', '--exit-zero']\n"
             "try:\n    runpy.run_module('molecule_lint.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print('networkx' in sys.modules, 'molecule_lint.graph' in sys.modules, file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path / "repo", capture_output=True, text=True, check=True)
    assert run.stderr.splitlines()[-1] == "False True"  # the graph was built, without networkx
