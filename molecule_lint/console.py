"""What a terminal gets and a pipe does not: colour, and a progress line on a long run."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping
from types import TracebackType
from typing import TextIO


def color_enabled(is_tty: bool, environ: Mapping[str, str]) -> bool:
    """Colour on a terminal; NO_COLOR (no-color.org) turns it off, else FORCE_COLOR turns it on anywhere."""
    if environ.get("NO_COLOR"):
        return False
    return bool(environ.get("FORCE_COLOR")) or is_tty


class Progress:
    """After ``delay`` seconds, ``label`` and the time so far on one line of a terminal, erased when done.

    Nothing at all when the stream is not a terminal, so that logs and machine formats stay as they are.
    The line goes to the file descriptor with os.write, which takes no lock of Python's: the analysis may
    fork its workers while the line is being written, and a lock held at that moment would stay held in them.
    """

    def __init__(self, stream: TextIO, label: str, delay: float = 2.0, interval: float = 0.5) -> None:
        self.stream, self.label, self.delay, self.interval = stream, label, delay, interval
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._shown = False

    def __enter__(self) -> Progress:
        if self.stream.isatty():
            self.stream.flush()  # what was printed before comes before the line
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        start = time.monotonic()
        if self._done.wait(self.delay):
            return
        while True:
            self._write(f"\r{self.label} {time.monotonic() - start:.0f}s")
            self._shown = True
            if self._done.wait(self.interval):
                return

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            self._write("\r\x1b[K")  # back to the line's start, erase it

    def _write(self, text: str) -> None:
        os.write(self.stream.fileno(), text.encode())
