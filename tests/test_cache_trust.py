"""The cache can neither run code nor change what is checked (issue 13): planted, forged and
ill-shaped cache files, a cache folder in an ancestor, behind a symlink or of another user, and
edits the stat does not show."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import lint, write_project

from molecule_lint import sealed
from molecule_lint.cache import DELTA_NAME, LINKED_NAME, PACK_NAME, RESULT_NAME, SNAPSHOT_NAME, SQL_NAME, Stamp, open_cache
from molecule_lint.cli import main
from molecule_lint.userkey import key_path, user_key

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
    "platform_data": {"tables": ["orgs"]},
}
FILES = {
    "common/__init__.py": "",
    "common/memory.py": 'def recent(conn):\n    return conn.execute("SELECT body FROM agent_memories LIMIT 5").all()\n',
    "controlplane/__init__.py": "",
    "controlplane/reports.py": "from common import memory\n\ndef weekly(conn):\n    return memory.recent(conn)\n",
    "controlplane/dns.py": (
        'def records(conn):\n    return conn.execute("SELECT name FROM orgs").all()\n\n'
        'def notes(conn):\n    return conn.execute("SELECT body FROM agent_memories WHERE id = 1")'
        "  # molecule-lint: ignore[MOL101] -- audited\n"
    ),
    "workspace_server/__init__.py": "",
}
# After the cache is filled: a platform file gains a function, so an incremental run reads the
# snapshot and its linked part, and a full run the facts pack, its delta and the SQL analyses.
EDIT = ("controlplane/dns.py", "\ndef fresh(conn):\n    return conn.execute(\"SELECT count(*) FROM orgs\").all()\n")
NAMES = (PACK_NAME, DELTA_NAME, RESULT_NAME, SNAPSHOT_NAME, LINKED_NAME, SQL_NAME)
INDEXED = (PACK_NAME, LINKED_NAME)  # a sealed head listing records, each checked against its digest there


class Payload:
    """Unpickling it runs os.mkdir(marker): proof that a cache file ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[str], None], tuple[str]]:
        return os.mkdir, (str(self.marker),)


def planted(name: str, marker: Path, how: str) -> bytes:
    if how == "pickle":  # the attack: a plain pickle committed to the repository
        return pickle.dumps(Payload(marker))
    # A sealed file: under another user's key (a restored CI cache), or even under ours, which the
    # data-only unpickler must still refuse to turn into a call.
    key = os.urandom(32) if how == "foreign key" else user_key()
    if name in INDEXED:  # a head as the cache writes it, every record it lists a payload
        out = io.BytesIO()
        records = sealed.Records(out)
        ref = records.add(sealed.dump_data(Payload(marker)))
        stamp = Stamp((0, 0, 0, 0), "")
        head = (
            {"id": "x", "facts": {path: (stamp, ref) for path in FILES}, "scans": ref} if name == PACK_NAME
            else {"known": {path: ref for path in FILES}, "rest": ref}
        )
        records.close(key, name, head)
        return out.getvalue()
    return sealed_bytes(key, name, Payload(marker))


def sealed_bytes(key: bytes, name: str, value: object) -> bytes:
    out = io.BytesIO()
    sealed.seal(out, key, name, value)
    return out.getvalue()


def run_cli(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "cache not used" not in result.stderr  # these cases are refused by the MAC, not the folder checks
    return result.exit_code, result.stdout


def _check(config: list[str], tmp: Path) -> tuple[int, object]:
    code, out = run_cli(["check", *config, "--format", "json", "--show-suppressed"])
    return code, {key: value for key, value in json.loads(out).items() if key != "summary"}  # summary: timings


def _baseline(config: list[str], tmp: Path) -> tuple[int, object]:
    output = tmp / f"baseline-{os.urandom(4).hex()}.json"
    return run_cli(["baseline", *config, "-o", str(output)])[0], output.read_text()


# Every command that reads the cache, as (project options, a scratch folder) -> (exit code, output).
COMMANDS: dict[str, Callable[[list[str], Path], tuple[int, object]]] = {
    "check": _check,
    "baseline": _baseline,
    "graph": lambda config, tmp: run_cli(["graph", *config, "--format", "json"]),
    "why": lambda config, tmp: run_cli(["why", "controlplane", "agent_memories", *config]),
    "suppressions": lambda config, tmp: run_cli(["suppressions", *config]),
}


def options(root: Path, *cache: str) -> list[str]:
    return ["--config", str(root / "molecule-lint.yaml"), "-j", "1", *cache]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, tuple[int, object]]]:
    """(project, a cache filled before the edit, what every command reports without a cache)."""
    tmp = tmp_path_factory.mktemp("trust")
    root = write_project(tmp / "project", FILES, CONFIG)
    cache = tmp / "filled-cache"
    run_cli(["check", *options(root, "--cache-dir", str(cache))])
    assert {path.name for path in cache.iterdir()} >= set(NAMES)
    edit(root)
    return root, cache, {name: command(options(root, "--no-cache"), tmp) for name, command in COMMANDS.items()}


def edit(root: Path) -> None:
    path, addition = EDIT
    with open(root / path, "a", encoding="utf-8") as handle:
        handle.write(addition)


@pytest.mark.parametrize("how", ["pickle", "foreign key", "our key"])
@pytest.mark.parametrize("name", NAMES)
def test_a_planted_cache_file_never_runs_and_changes_no_output(
    filled: tuple[Path, Path, dict[str, tuple[int, object]]], tmp_path: Path, name: str, how: str
) -> None:
    root, cache, uncached = filled
    marker = tmp_path / "ran"
    outputs = {}
    for command_name, command in COMMANDS.items():  # each starts from the same planted cache
        folder = tmp_path / f"cache-{command_name}"
        shutil.copytree(cache, folder)
        (folder / name).write_bytes(planted(name, marker, how))
        outputs[command_name] = command(options(root, "--cache-dir", str(folder)), tmp_path)
    assert not marker.exists()
    assert outputs == uncached


def test_a_forged_result_cannot_hide_findings(tmp_path: Path) -> None:
    """A last result with the right run key and no findings, sealed under another key: it would
    pass the gate were it believed."""
    from dataclasses import replace

    root = write_project(tmp_path / "p", FILES, CONFIG)
    folder = tmp_path / "cache"
    expected = [f.rule for f in lint(root, cache_dir=folder, reuse_results=True).findings]
    stored = _unsealed(folder, RESULT_NAME)
    assert isinstance(stored, tuple) and expected
    forged = (stored[0], sealed.dump_data(replace(sealed.load_data(stored[1]), findings=[])))
    (folder / RESULT_NAME).write_bytes(sealed_bytes(os.urandom(32), RESULT_NAME, forged))
    assert [f.rule for f in lint(root, cache_dir=folder, reuse_results=True).findings] == expected
    (folder / RESULT_NAME).write_bytes(sealed_bytes(user_key(), RESULT_NAME, forged))  # the same under our key is ours
    assert lint(root, cache_dir=folder, reuse_results=True).findings == []


def test_a_cache_in_an_ancestor_folder_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A config and a planted cache in a shared parent folder, the repository below it."""
    parent = write_project(tmp_path / "shared", {f"repo/{path}": text for path, text in FILES.items()}, {
        **CONFIG, "services": [{**s, "paths": [f"repo/{p}" for p in s["paths"]]} for s in CONFIG["services"]],
    })
    (parent / "repo" / ".git").mkdir()
    config = ["--config", str(parent / "molecule-lint.yaml"), "-j", "1"]
    uncached = run_cli(["check", *config, "--no-cache", "--format", "json"])[1]
    folder = parent / ".molecule-lint-cache"
    folder.mkdir()
    marker = tmp_path / "ran"

    def plant() -> None:
        for name in NAMES:
            (folder / name).write_bytes(planted(name, marker, "pickle"))

    plant()
    code, out = run_cli(["check", *config, "--format", "json"])
    assert not marker.exists()
    assert code == 1 and json.loads(out)["findings"] == json.loads(uncached)["findings"]
    plant()  # the run above replaced them
    monkeypatch.chdir(parent / "repo")  # found by walking up (or, where discovery stops at .git, not used at all)
    run_cli(["check", "--format", "json"])
    assert not marker.exists()


def test_a_symlinked_cache_folder_is_refused_and_the_gitignore_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project(tmp_path / "p", FILES, CONFIG)
    (root / ".gitignore").write_text("*.log\n")
    (root / ".molecule-lint-cache").symlink_to(".")
    monkeypatch.chdir(root)
    uncached = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json"])
    for _ in range(2):  # the second run would check nothing had the first written `*` over .gitignore
        cached = CliRunner().invoke(main, ["check", "--format", "json"])
        assert cached.exit_code == 1 and json.loads(cached.stdout)["findings"] == json.loads(uncached.stdout)["findings"]
        refusal = f"molecule-lint: cache not used: {root / '.molecule-lint-cache'} is a symlink or lies under one\n"
        assert cached.stderr == refusal
    assert (root / ".gitignore").read_text() == "*.log\n"
    assert not [path for path in root.iterdir() if path.suffix == ".pickle" or path.name.startswith(".tmp-")]


def test_a_cache_folder_under_a_symlink_inside_the_project_is_refused(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", FILES, CONFIG)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "build").symlink_to(outside)
    result = lint(root, cache_dir=root / "build" / "cache", reuse_results=True)
    assert result.cache_refused == f"{root / 'build' / 'cache'} is a symlink or lies under one"
    assert list(outside.iterdir()) == []


def test_planted_symlinks_inside_the_cache_folder_are_neither_read_nor_written_through(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", FILES, CONFIG)
    (root / ".gitignore").write_text("*.log\n")
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    folder = root / ".molecule-lint-cache"
    folder.mkdir()
    (folder / ".gitignore").symlink_to("../.gitignore")
    for name in NAMES:
        (folder / name).symlink_to(victim)
    expected = [f.rule for f in lint(root).findings]
    assert [f.rule for f in lint(root, cache_dir=folder, reuse_results=True).findings] == expected
    assert victim.read_text() == "keep me" and (root / ".gitignore").read_text() == "*.log\n"
    assert not (folder / RESULT_NAME).is_symlink()  # replaced by our own file, not written through
    assert [f.rule for f in lint(root, cache_dir=folder, reuse_results=True).findings] == expected


def test_a_cache_folder_of_another_user_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path / "p", FILES, CONFIG)
    folder = tmp_path / "cache"
    folder.mkdir()
    expected = lint(root).findings
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 1)  # the folder now belongs to someone else
    result = lint(root, cache_dir=folder, reuse_results=True)
    assert result.findings == expected
    assert result.cache_refused == f"{folder} belongs to another user"
    assert list(folder.iterdir()) == []


def test_every_cache_file_we_write_reads_back_as_data(tmp_path: Path) -> None:
    """The data-only unpickler admits every type the cache holds (else a warm run would stay cold)."""
    from datetime import date

    allow = [{"rule": "MOL103", "path": "controlplane/dns.py", "reason": "probe", "until": date(2027, 3, 1)}]
    root = write_project(tmp_path / "p", {**FILES, "controlplane/blob.py": "\0"}, {**CONFIG, "allow": allow})
    folder = tmp_path / "cache"
    lint(root, cache_dir=folder, reuse_results=True)
    edit(root)
    lint(root, cache_dir=folder, reuse_results=True)  # an incremental run: the delta and SQL files change
    assert [name for name in NAMES if _unsealed(folder, name) is None] == []


def _unsealed(folder: Path, name: str) -> object:
    if name == RESULT_NAME:  # its key, and the result pickled apart
        stored = sealed.unseal(user_key(), name, (folder / name).read_bytes())
        return stored if stored is not None and sealed.load_data(stored[1]) is not None else None
    if name not in INDEXED:
        return sealed.unseal(user_key(), name, (folder / name).read_bytes())
    with open(folder / name, "rb") as handle:  # its head, when every record it lists reads back
        pack = sealed.Indexed.open(user_key(), name, handle)
        if pack is None:
            return None
        head = pack.head
        refs = (
            [head["scans"], *(ref for _, ref in head["facts"].values())] if name == PACK_NAME
            else [*head["rest"].values(), *head["known"].values()]
        )
        read = [sealed.load_data(data) if (data := pack.record(ref)) is not None else None for ref in refs]
        return pack.head if None not in read else None


def _sealed(name: str, value: object) -> bytes:
    """``value`` written as the cache writes ``name``: the facts pack and the linked part as an indexed file's head."""
    if name not in INDEXED:
        return sealed_bytes(user_key(), name, value)
    out = io.BytesIO()
    sealed.Records(out).close(user_key(), name, value)
    return out.getvalue()


def _ill_shaped(folder: Path, name: str) -> object:
    """A value of the wrong shape where the cache reads ``name``, keyed so that it would be used."""
    if name == PACK_NAME:
        return {"id": "x", "facts": {path: "junk" for path in FILES}, "scans": (0, 0, b"")}
    if name == DELTA_NAME:
        base = _unsealed(folder, PACK_NAME)
        assert isinstance(base, dict)
        return {"base": base["id"], "tables": {"facts": {"controlplane/dns.py": ("stamp", None)}}}
    if name == RESULT_NAME:
        stored = _unsealed(folder, RESULT_NAME)
        assert isinstance(stored, tuple)
        return stored[0], sealed.dump_data({"findings": "junk"})  # under the key a run would look for
    if name == SQL_NAME:
        known = _unsealed(folder, SQL_NAME)
        assert isinstance(known, dict) and known
        return {text: "junk" for text in known}
    if name == LINKED_NAME:
        return {"known": {path: "junk" for path in FILES}, "rest": (0, 0, b"")}
    return ["junk"]  # the snapshot


@pytest.mark.parametrize("name", NAMES)
def test_an_ill_shaped_cache_file_under_our_key_is_ignored(tmp_path: Path, name: str) -> None:
    root = write_project(tmp_path / "p", FILES, CONFIG)
    folder = tmp_path / "cache"
    lint(root, cache_dir=folder, reuse_results=True)
    edit(root)  # the incremental run then reads the linked part too
    expected = [(f.rule, f.path, f.loc.line) for f in lint(root).findings]
    (folder / name).write_bytes(_sealed(name, _ill_shaped(folder, name)))
    for reuse in (True, False):  # the last result and the snapshot; the facts pack, its delta, SQL
        result = lint(root, cache_dir=folder, reuse_results=reuse)
        assert [(f.rule, f.path, f.loc.line) for f in result.findings] == expected


SAME_SIZE = ('Q = "SELECT 1 FROM orgs_xxxxxxxxx WHERE id = %s"\n', 'Q = "SELECT 1 FROM agent_memories WHERE id = %s"\n')
CP = {
    "services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
}


def _edit_behind_the_mtime(path: Path) -> None:
    """A same-size edit with the mtime put back, as `touch -d` does."""
    before = path.stat()
    path.write_text(SAME_SIZE[1])
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def test_a_same_size_edit_with_the_mtime_restored_is_seen(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"cp/a.py": SAME_SIZE[0], "cp/b.py": "X = 1\n"}, CP)
    folder = tmp_path / "cache"
    assert lint(root, cache_dir=folder, reuse_results=True).findings == []
    _edit_behind_the_mtime(root / "cp/a.py")
    assert [f.rule for f in lint(root, cache_dir=folder, reuse_results=True).findings] == ["MOL101"]
    assert [f.rule for f in lint(root, cache_dir=folder).findings] == ["MOL101"]


def test_files_named_on_the_command_line_are_hashed_whatever_their_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filesystem whose timestamps are too coarse to show the edit: the named file is still read."""
    from molecule_lint import cache, engine

    root = write_project(tmp_path / "p", {"cp/a.py": SAME_SIZE[0], "cp/b.py": "X = 1\n"}, CP)
    folder = tmp_path / "cache"
    frozen: dict[int, tuple[int, int, int, int]] = {}

    def coarse(stat: os.stat_result) -> tuple[int, int, int, int]:
        return frozen.setdefault(stat.st_size, (0, 0, stat.st_size, 0))

    monkeypatch.setattr(cache, "stat_key", coarse)
    monkeypatch.setattr(engine, "stat_key", coarse)
    assert lint(root, cache_dir=folder, reuse_results=True, only_paths=("cp/a.py",)).findings == []
    _edit_behind_the_mtime(root / "cp/a.py")
    for reuse in (True, False):
        result = lint(root, cache_dir=folder, reuse_results=reuse, only_paths=("cp/a.py",))
        assert [f.rule for f in result.findings] == ["MOL101"]


def test_a_touched_but_identical_file_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from molecule_lint import analysis

    root = write_project(tmp_path / "p", {"cp/a.py": SAME_SIZE[1]}, CP)
    folder = tmp_path / "cache"
    lint(root, cache_dir=folder)
    os.utime(root / "cp/a.py")  # a new mtime and ctime, the same bytes

    def no_parse(*args: object) -> None:
        raise AssertionError("an unchanged file must be answered from the cache")

    monkeypatch.setitem(analysis.FRONTENDS, "python", (no_parse, analysis.FRONTENDS["python"][1]))
    assert [f.rule for f in lint(root, cache_dir=folder).findings] == ["MOL101"]


@pytest.mark.parametrize("spoil", ["a file's facts", "the scans", "the head", "the head's length"])
def test_a_facts_pack_altered_after_sealing_reads_as_absent(tmp_path: Path, spoil: str) -> None:
    """Its MAC covers the head; a record is read only when its digest is the one the head lists."""
    root = write_project(tmp_path / "p", FILES, CONFIG)
    folder = tmp_path / "cache"
    lint(root, cache_dir=folder)
    edit(root)
    expected = [(f.rule, f.path, f.loc.line) for f in lint(root).findings]
    head = _unsealed(folder, PACK_NAME)
    assert isinstance(head, dict)
    data = bytearray((folder / PACK_NAME).read_bytes())
    at = {
        "a file's facts": head["facts"]["common/memory.py"][1][0], "the scans": head["scans"][0],
        "the head": len(data) - 9,  # the sealed head's last byte, before its length
        "the head's length": len(data) - 1,
    }
    data[at[spoil]] ^= 1
    (folder / PACK_NAME).write_bytes(bytes(data))
    cache = open_cache(folder, root)
    kept = [path for path in list(cache.facts.entries) if cache.facts.peek(path) is not None]
    lost = {"a file's facts": ["common/memory.py"], "the scans": []}.get(spoil, list(head["facts"]))
    assert kept == [path for path in head["facts"] if path not in lost]
    assert (cache.scans.entries == {}) == (spoil != "a file's facts")
    assert [(f.rule, f.path, f.loc.line) for f in lint(root, cache_dir=folder).findings] == expected


def test_the_linked_part_written_field_by_field_reads_back_as_built(tmp_path: Path) -> None:
    """Cache.save_linked writes each field as it is built (relink.linked_rest), one record each: what
    loads is the Linked the run's context builds whole."""
    from dataclasses import fields

    from molecule_lint.relink import Linked, linked_known, linked_rest

    root = write_project(tmp_path / "p", FILES, CONFIG)
    folder = tmp_path / "cache"
    result = lint(root, cache_dir=folder, reuse_results=True, prefilter=False)  # no scans, no selection
    loaded = open_cache(folder, root).load_linked(Linked)
    head = _unsealed(folder, LINKED_NAME)
    assert result.context is not None and loaded is not None and isinstance(head, dict)
    assert head["rest"].keys() == {field.name for field in fields(Linked)} - {"known"}
    built = Linked(known=dict(linked_known(result.context.project)), **dict(linked_rest(result.context, loaded.id, {}, None)))
    assert loaded == built
    assert loaded.reach[0] and loaded.chains[0] and "common/memory.py" in loaded.known  # not an empty part


@pytest.mark.parametrize("spoil", ["a file's linking facts", "another field"])
def test_a_linked_part_altered_after_sealing_is_not_used(tmp_path: Path, spoil: str) -> None:
    """Each file's linking facts, and each other field, are a record of their own, read only when its
    digest is the head's; one that does not read back leaves no linked part (the edit then runs in full)."""
    from molecule_lint.relink import Linked

    root = write_project(tmp_path / "p", FILES, CONFIG)
    folder = tmp_path / "cache"
    lint(root, cache_dir=folder, reuse_results=True)
    linked = open_cache(folder, root).load_linked(Linked)
    head = _unsealed(folder, LINKED_NAME)
    assert isinstance(head, dict) and linked is not None
    assert list(linked.known) == list(head["known"]) and "common/memory.py" in linked.known
    edit(root)
    expected = [(f.rule, f.path, f.loc.line) for f in lint(root).findings]
    data = bytearray((folder / LINKED_NAME).read_bytes())
    data[(head["known"]["common/memory.py"] if spoil == "a file's linking facts" else head["rest"]["chains"])[0]] ^= 1
    (folder / LINKED_NAME).write_bytes(bytes(data))
    assert open_cache(folder, root).load_linked(Linked) is None
    assert [(f.rule, f.path, f.loc.line) for f in lint(root, cache_dir=folder, reuse_results=True).findings] == expected


def _open_to_others(key: Path) -> None:
    key.chmod(0o640)


def _a_symlink(key: Path) -> None:
    real = key.with_name("real-key")
    key.rename(real)
    key.symlink_to(real)


def _cut_short(key: Path) -> None:
    key.write_bytes(key.read_bytes()[:16])


@pytest.mark.parametrize(
    ("spoil", "refusal"),
    [
        (_open_to_others, "the cache key {key} is open to other users (chmod 600 it)"),
        (_a_symlink, "cannot read the cache key {key}: Too many levels of symbolic links"),
        (_cut_short, "the cache key {key} is not 32 bytes (delete it to make a new one)"),
    ],
)
def test_an_unsafe_key_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoil: Callable[[Path], None], refusal: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = write_project(tmp_path / "p", {"cp/a.py": SAME_SIZE[1]}, CP)
    folder = tmp_path / "cache"
    lint(root, cache_dir=folder)
    key = key_path()
    assert key.stat().st_mode & 0o777 == 0o600  # made private
    spoil(key)
    result = lint(root, cache_dir=folder, reuse_results=True)
    assert [f.rule for f in result.findings] == ["MOL101"]
    assert result.cache_refused == refusal.format(key=key)


def test_a_relative_xdg_cache_home_never_puts_the_key_in_the_project(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert key_path() == tmp_path / "home" / ".cache" / "molecule-lint" / "key"
