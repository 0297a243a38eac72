"""Run the right frontend on each file, in worker processes.

One file in, one FileFacts out. A file we cannot read or parse becomes an
error result (MOL901); a bug of ours in one file is caught here too, marked
`internal` so that the run still fails (exit 2), and the rest goes on.
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from molecule_lint.cache import Cache, digest
from molecule_lint.discover import SourceFile
from molecule_lint.facts import FileFacts, facts_payload, payload_digest, stamped
from molecule_lint.frontends.go.gomod import go_module_name
from molecule_lint.frontends.python.limits import MAX_LINE_BYTES, has_long_line
from molecule_lint.heap import long_lived, paused
from molecule_lint.modules import python_module_name

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PARALLEL_FROM = 64  # files: fewer are parsed faster in this process than a pool starts

# Larger files are generated code (bundles, fixtures); reading them costs more than it tells.
MAX_FILE_BYTES = 5 * 1024 * 1024

Frontend = Callable[[str, str, bytes], FileFacts]


def _python(path: str, module: str, source: bytes) -> FileFacts:
    from molecule_lint.frontends.python import analyze_python  # imported only when a file is parsed

    return analyze_python(path, module, source)


def _python_module(root: Path, path: str) -> str:
    return python_module_name(path)


def _go(path: str, module: str, source: bytes) -> FileFacts:
    from molecule_lint.frontends.go import analyze_go  # tree-sitter is imported only when needed

    return analyze_go(path, module, source)


def _manifest(path: str, module: str, source: bytes) -> FileFacts:
    from molecule_lint.frontends.manifests.analyze import analyze_manifest

    return analyze_manifest(path, module, source)


def _no_module(root: Path, path: str) -> str:
    return ""  # a deployment manifest is not code: it has no module


# language -> (frontend, how a file's module is named: Python by path, Go by go.mod and folder)
FRONTENDS: dict[str, tuple[Frontend, Callable[[Path, str], str]]] = {
    "python": (_python, _python_module),
    "go": (_go, go_module_name),
    "manifest": (_manifest, _no_module),
}


def has_frontend(file: SourceFile) -> bool:
    return file.language in FRONTENDS


@dataclass(frozen=True, slots=True)
class Job:
    root: Path
    file: SourceFile
    debug: bool = False
    known_digest: str | None = None  # the cached content's digest: equal bytes need no parse


Output = tuple[FileFacts | None, str | None]  # analyze_file's: (facts, content digest)
# A worker's: the facts without their facts, the content digest, and the facts pickled (see _analyze_packed).
Packed = tuple[FileFacts | None, str | None, bytes]


def analyze_file(job: Job) -> Output:
    """(facts, content digest); facts is None when the content equals ``known_digest``."""
    file = job.file
    frontend, module_name = FRONTENDS[file.language]
    module = module_name(job.root, file.path)
    try:
        with open(job.root / file.path, "rb") as handle:
            source = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return FileFacts(file.path, file.language, module, error=f"unreadable: {exc.strerror or exc}"), None
    content_digest = digest(source)
    if content_digest == job.known_digest:
        return None, content_digest
    if len(source) > MAX_FILE_BYTES:
        error = f"skipped: larger than {MAX_FILE_BYTES // 2**20} MiB"
        return FileFacts(file.path, file.language, module, error=error), content_digest
    if b"\0" in source:
        return FileFacts(file.path, file.language, module, error="skipped: binary file (NUL bytes)"), content_digest
    if file.language != "python" and has_long_line(source):  # Python's `ast` reads them (limits.py)
        error = f"skipped: a line longer than {MAX_LINE_BYTES:,} bytes (generated code?)"
        return FileFacts(file.path, file.language, module, error=error), content_digest
    try:
        return frontend(file.path, module, source), content_digest
    except Exception as exc:  # noqa: BLE001 - a bug of ours: reported as internal, the run fails with exit 2
        detail = traceback.format_exc() if job.debug else f"{type(exc).__name__}: {exc}"
        facts = FileFacts(file.path, file.language, module, error=f"internal error: {detail}", internal=True)
        return facts, content_digest


class Analysis:
    """Facts for files handed in batches: a large batch starts parsing in worker processes at once,
    so the engine hands in the files it always needs (platform code) before the prefilter scans the
    rest, and both run together. Cached files are not reread."""

    def __init__(self, root: Path, jobs: int, cache: Cache | None = None, debug: bool = False) -> None:
        self.root, self.jobs, self.cache, self.debug = root, jobs, cache, debug
        self._pool: ProcessPoolExecutor | None = None
        self._results: dict[str, FileFacts] = {}
        self._started: set[str] = set()
        self._batches: list[tuple[list[tuple[Job, os.stat_result | None]], Iterator[Packed] | list[Output]]] = []

    def __enter__(self) -> Analysis:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def start(self, files: Sequence[SourceFile]) -> None:
        fresh = [f for f in files if f.path not in self._started]
        self._started.update(f.path for f in fresh)
        pending = [job for f in fresh if (job := self._job(f)) is not None]
        jobs = [job for job, _ in pending]
        if self.jobs <= 1 or len(jobs) < PARALLEL_FROM:
            with long_lived():  # the frontends leave no cyclic garbage: only the facts stay, as in facts()
                self._batches.append((pending, [analyze_file(job) for job in jobs]))
            return
        from concurrent.futures import ProcessPoolExecutor  # here: an incremental run parses in this process
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is None:
            gc.freeze()  # what the workers inherit is never garbage: their collections need not scan it
            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        chunk = max(4, len(jobs) // (self.jobs * 8))
        try:
            self._batches.append((pending, self._pool.map(_analyze_packed, jobs, chunksize=chunk)))
        except BrokenProcessPool:
            self._batches.append((pending, [_isolated(job) for job in jobs]))

    def facts(self, files: Sequence[SourceFile]) -> list[FileFacts]:
        """Facts for these files (each handed in by ``start``), in their order."""
        with long_lived():
            self._collect()
        return [self._results[f.path] for f in files if has_frontend(f)]

    def _collect(self) -> None:
        for pending, outputs in self._batches:
            for (job, known_stat), (facts, content_digest) in zip(pending, _outputs(pending, outputs)):
                path = job.file.path
                if facts is None and self.cache is not None and known_stat is not None and content_digest is not None:
                    facts = self.cache.facts.lookup_content(path, known_stat, content_digest)
                assert facts is not None  # None only comes back with a known digest, which the cache holds
                if self.cache is not None and known_stat is not None and content_digest is not None and not facts.internal:
                    facts = stamped(facts)  # a digest taken again of the facts read back may differ
                    self.cache.facts.store(path, known_stat, content_digest, facts)  # a bug of ours must show again
                self._results[path] = facts
        self._batches.clear()

    def _job(self, f: SourceFile) -> tuple[Job, os.stat_result | None] | None:
        """What parsing ``f`` takes; None when the cache answers (its facts are then stored)."""
        if not has_frontend(f):
            return None
        try:
            stat = os.stat(self.root / f.path)
        except OSError:
            return Job(self.root, f, self.debug), None  # analyze_file reports why
        cache = self.cache
        # A Go file's module comes from go.mod, which can change while the file does not.
        cached = cache.facts.peek(f.path) if cache else None
        if cached is not None and cached.module != FRONTENDS[f.language][1](self.root, f.path):
            cached = None
        if cached is not None and cache is not None and cache.facts.lookup(f.path, stat) is not None:
            self._results[f.path] = cached
            return None
        known = cache.facts.known_digest(f.path) if cache is not None and cached is not None else None
        return Job(self.root, f, self.debug, known), stat


def _analyze_packed(job: Job) -> Packed:
    """analyze_file in a worker: the facts go back pickled anyway, so their digest (facts.facts_digest's:
    of error and facts) is taken of those very bytes instead of pickling them twice."""
    with paused():
        facts, content_digest = analyze_file(job)
    if facts is None:
        return None, content_digest, b""
    payload = facts_payload(facts)
    return replace(facts, facts=(), digest=payload_digest(payload)), content_digest, payload


def _unpacked(packed: Packed) -> Output:
    shell, content_digest, payload = packed
    if shell is None:
        return None, content_digest
    _, facts = pickle.loads(payload)
    return replace(shell, facts=facts), content_digest


def _outputs(
    pending: list[tuple[Job, os.stat_result | None]], outputs: Iterator[Packed] | list[Output]
) -> list[Output]:
    if isinstance(outputs, list):  # parsed in this process
        return outputs
    from concurrent.futures.process import BrokenProcessPool

    try:
        return [_unpacked(packed) for packed in outputs]
    except BrokenProcessPool:
        # A worker died: a native parser crashed on some input. Find it by running each file alone.
        return [_isolated(job) for job, _ in pending]


def _isolated(job: Job) -> Output:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(analyze_file, job).result()
    except BrokenProcessPool:
        file = job.file
        module = FRONTENDS[file.language][1](job.root, file.path)
        return FileFacts(file.path, file.language, module, error="parser crashed on this file (not analysed)"), None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
