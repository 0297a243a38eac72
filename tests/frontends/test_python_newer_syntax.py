"""Python 3.12 syntax on an interpreter whose `ast` does not know it: analysed as libcst reads it,
every fact where it is in the file; libcst is imported only for PEP 701 f-strings."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import write_project

from molecule_lint.facts import EnvRead, Location, Use
from molecule_lint.frontends.python import analyze_python

PATH, MODULE = "cp/m.py", "cp.m"

needs_older_ast = pytest.mark.skipif(sys.version_info >= (3, 12), reason="this interpreter's ast reads 3.12 syntax")


def analyze(source: str):  # type: ignore[no-untyped-def]
    return analyze_python(PATH, MODULE, textwrap.dedent(source).lstrip("\n").encode())


TYPE_PARAMETERS = """
    import os
    from db import Base, q
    def f[T: Base](x: T) -> T:
        return os.getenv("A")
    class C[K, V](Base):
        url = os.environ["B"]
    type Alias[T: Base] = dict[str, q]
    type Other = list[int]; y = os.getenv("C")
"""


def test_type_parameters_and_aliases() -> None:
    result = analyze(TYPE_PARAMETERS)
    assert result.error is None
    reads = [(f.loc, f.name) for f in result.facts if isinstance(f, EnvRead)]
    assert reads == [
        (Location(4, 12, 4, 26), ("A",)),
        (Location(6, 11, 6, 26), ("B",)),
        (Location(8, 29, 8, 43), ("C",)),
    ]
    uses = {(f.loc, f.target) for f in result.facts if isinstance(f, Use)}
    # a class's bases and an alias's value and bounds are uses; a def's bounds are annotations
    assert {
        (Location(5, 15, 5, 19), "db.Base"), (Location(7, 33, 7, 34), "db.q"), (Location(7, 15, 7, 19), "db.Base")
    } <= uses


TRICKY = """
    import os
    from db import Base, q
    class C[
        K: Base,  # a comment
        V = q,
    ](Base):
        url = os.environ["B"]
    async def f[T](x: T) -> T: return os.getenv("A")
    if True: type Alias[T: (Base, q)] = dict[str, q]  # trailing comment
    type Other = list[int]; y = os.getenv("C")
    def g[**P, *Ts](): pass
    é = 1; type Ü[T: Base] = "é"; z = os.getenv("D")
"""


def test_tokenize_and_libcst_find_the_same_type_syntax() -> None:
    """Type parameters and aliases are found with tokenize; with a PEP 701 f-string in the file, with libcst."""
    by_tokens = analyze(TRICKY)
    by_libcst = analyze(TRICKY + '    def w(): return f"{"a"}"\n')  # a unit of its own: the module's summary stays
    assert by_tokens.error is None and by_libcst.error is None
    assert by_tokens.facts == tuple(f for f in by_libcst.facts if f.loc.line < 13)
    reads = [(f.loc, f.name) for f in by_tokens.facts if isinstance(f, EnvRead)]
    assert reads == [
        (Location(7, 11, 7, 26), ("B",)),
        (Location(8, 35, 8, 49), ("A",)),
        (Location(10, 29, 10, 43), ("C",)),
        (Location(12, 35, 12, 49), ("D",)),
    ]


FSTRINGS = """
    import os
    x = f"{os.environ["A"]} SELECT * FROM t WHERE id = {os.getenv("B")}"
    y = f"{'\\n'.join(os.getenv("C"))}" + "é"; z = os.getenv("D")
    w = (f"a{f"{f"{os.getenv('E')}"}"}"
         "b")
    v = f'''{
        os.getenv("F")  # a comment
    }'''
"""


def test_pep_701_fstrings_nested_quotes_backslashes_comments() -> None:
    result = analyze(FSTRINGS)
    assert result.error is None
    reads = [(f.loc, f.name) for f in result.facts if isinstance(f, EnvRead)]
    assert reads == [
        (Location(2, 8, 2, 23), ("A",)),
        (Location(2, 53, 2, 67), ("B",)),
        (Location(3, 18, 3, 32), ("C",)),
        (Location(3, 47, 3, 61), ("D",)),
        (Location(4, 16, 4, 30), ("E",)),
        (Location(7, 5, 7, 19), ("F",)),
    ]


@needs_older_ast
def test_the_fixtures_are_newer_syntax() -> None:
    for source in (TYPE_PARAMETERS, FSTRINGS):
        with pytest.raises(SyntaxError):
            ast.parse(textwrap.dedent(source))


def test_a_file_neither_parser_reads_is_a_syntax_error_where_libcst_stopped() -> None:
    result = analyze("type X = int\ndef f(:\n")
    assert result.error is not None and result.error.startswith("syntax error: ")
    assert result.error_loc is not None and result.error_loc.line == 2


DRIVER = """
import sys
from molecule_lint.cli import main
try:
    main(["check", "--no-cache", "-j", "1", "-q", sys.argv[1]])
except SystemExit:
    pass
print("libcst" in sys.modules)
"""


@needs_older_ast
@pytest.mark.parametrize(
    ("extra", "imported"),
    [("", "False"), ("type Alias = int\n", "False"), ('x = f"{"a"}"\n', "True")],
    ids=["3.11", "type-alias-found-by-tokenize", "pep-701-fstring"],
)
def test_libcst_is_imported_only_for_newer_syntax(tmp_path: Path, extra: str, imported: str) -> None:
    config = {"services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}],
              "tenant_data": {"tables": ["agent_memories"]}}  # fmt: skip
    write_project(tmp_path, {"cp/m.py": extra + 'Q = "SELECT id FROM agent_memories"\n'}, config)
    run = subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path)], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == imported


EXCEPT_TUPLES = """
    import os
    from db import Gone, Busy
    type Alias = dict[str, int]
    try:
        x = os.getenv("A")
    except Gone, KeyError:
        y = os.getenv("B")
    except (EOFError, OSError) as error:
        raise
    except ValueError, db_errors.Timeout: z = os.getenv("C")
    try:
        pass
    except* Busy, (IndexError):
        w = os.environ["D"]
"""


def test_pep_758_exception_types_without_brackets() -> None:
    """`except A, B:` (Python 3.14) is read as `except (A, B):`, with a `type` alias in the same file; every
    other node keeps its position."""
    result = analyze(EXCEPT_TUPLES)
    assert result.error is None
    reads = [(f.loc, f.name) for f in result.facts if isinstance(f, EnvRead)]
    assert reads == [
        (Location(5, 9, 5, 23), ("A",)),
        (Location(7, 9, 7, 23), ("B",)),
        (Location(10, 43, 10, 57), ("C",)),
        (Location(14, 9, 14, 24), ("D",)),
    ]
    uses = {(f.loc, f.target) for f in result.facts if isinstance(f, Use)}
    assert {(Location(6, 8, 6, 12), "db.Gone"), (Location(13, 9, 13, 13), "db.Busy")} <= uses
