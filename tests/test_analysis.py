"""Worker results: what a pool sends back (facts pickled once, digested on those bytes) equals what the
main process computes for the same file, digest included (an incremental run compares the two)."""

from __future__ import annotations

import gc
from pathlib import Path

from molecule_lint.analysis import PARALLEL_FROM, Analysis, Job, analyze_file
from molecule_lint.discover import SourceFile
from molecule_lint.facts import facts_digest


def test_pool_results_equal_in_process_results(tmp_path: Path) -> None:
    files = []
    for number in range(PARALLEL_FROM + 2):
        path = f"pkg/m{number}.py"
        (tmp_path / "pkg").mkdir(exist_ok=True)
        text = f'T = "orders_{number}"\n\ndef f(db):\n    return db.execute("SELECT * FROM " + T)\n'
        (tmp_path / path).write_text(text if number % 7 else "def broken(:\n")  # syntax errors travel too
        files.append(SourceFile(path, "python", None))
    with Analysis(tmp_path, jobs=2) as analysis:
        analysis.start(files)
        pooled = analysis.facts(files)
    assert len(pooled) == len(files)
    for f, facts in zip(files, pooled):
        alone, _ = analyze_file(Job(tmp_path, f))
        assert alone is not None and not alone.digest  # the main process digests only on demand
        assert facts.digest == facts_digest(alone)
        assert (facts.facts, facts.error, facts.module) == (alone.facts, alone.error, alone.module)
    assert any(f.error for f in pooled) and any(f.facts for f in pooled)


def test_facts_are_kept_out_of_cycle_collection_and_its_state_restored(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('T = "orders"\n')
    files = [SourceFile("a.py", "python", None)]
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            frozen = gc.get_freeze_count()
            with Analysis(tmp_path, jobs=1) as analysis:
                analysis.start(files)
                assert analysis.facts(files)[0].facts
            assert gc.isenabled() is enabled
            assert gc.get_freeze_count() > frozen
        finally:
            gc.unfreeze()
            gc.enable()


def test_files_parsed_in_this_process_pause_cycle_collection(tmp_path: Path) -> None:
    files = []
    for number in range(3):
        (tmp_path / f"m{number}.py").write_text("".join(f'X{i} = f"{{a}}_{i}" + "b"\n' for i in range(300)))
        files.append(SourceFile(f"m{number}.py", "python", None))
    try:
        before = [generation["collections"] for generation in gc.get_stats()]
        with Analysis(tmp_path, jobs=1) as analysis:
            analysis.start(files)
        assert [generation["collections"] for generation in gc.get_stats()] == before
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_worker_parses_each_file_with_cycle_collection_paused_and_restores_it(tmp_path: Path, monkeypatch) -> None:
    """A parse tree and its walks are acyclic garbage: collections while they live only rescan them."""
    from molecule_lint import analysis

    (tmp_path / "a.py").write_text('T = "orders"\n')
    seen: list[bool] = []
    parse = analysis.analyze_file
    monkeypatch.setattr(analysis, "analyze_file", lambda job: seen.append(gc.isenabled()) or parse(job))
    shell, _, payload = analysis._analyze_packed(Job(tmp_path, SourceFile("a.py", "python", None)))
    assert shell is not None and payload
    assert seen == [False]
    assert gc.isenabled()


def test_the_checks_run_with_cycle_collection_paused_and_its_state_restored(tmp_path: Path, monkeypatch) -> None:
    """The project and the core's memo tables live as long as the run: collections would rescan them as they grow."""
    from molecule_lint import engine
    from molecule_lint.config import load_config
    from molecule_lint.rules import load_rules

    (tmp_path / "molecule-lint.yaml").write_text("services:\n  - name: api\n    plane: platform\n    paths: ['api/**']\n")
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "a.py").write_text('def f(db):\n    return db.execute("SELECT 1")\n')
    seen: list[bool] = []
    checks = engine.check_findings
    monkeypatch.setattr(engine, "check_findings", lambda ctx, active, jobs: seen.append(gc.isenabled()) or checks(ctx, active, jobs))
    try:
        engine.run(load_config(tmp_path / "molecule-lint.yaml"), load_rules(), engine.Options(jobs=1))
        assert seen == [False]
        assert gc.isenabled()
    finally:
        gc.unfreeze()
