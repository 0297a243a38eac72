"""Work run beside the main process in forked children, its result pickled back.

The checks run after the workers have parsed, one core idling: a check that only reads what is built
before it (the linked project, the graph) runs in a child that inherits all of it, no copy made, while
the main process runs the others. A child that fails in any way (an exception, a signal, a result
that does not unpickle) gives None: the caller runs that work itself, so a bug of ours is raised
where it would have been raised without the fork.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return hasattr(os, "fork")


class Apart(Generic[T]):
    """Each task started in a child of its own on entering, or by ``start`` once what it reads is built;
    ``results`` once the caller's own work is done."""

    def __init__(self, tasks: Sequence[Callable[[], T]] = ()) -> None:
        self.tasks = tasks
        self._children: list[tuple[int, int]] = []  # (pid, read end of its pipe)

    def __enter__(self) -> Apart[T]:
        for task in self.tasks:
            self.start(task)
        return self

    def start(self, task: Callable[[], T]) -> None:
        self._children.append(_start(task))

    def __exit__(self, *exc: object) -> None:
        for pid, fd in self._children:  # only when the caller failed first: results() reaps them all
            os.close(fd)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        self._children.clear()

    def results(self) -> list[T | None]:
        """Each task's result, in the order they were started; None where its child failed."""
        out: list[T | None] = []
        while self._children:
            pid, fd = self._children.pop(0)
            with os.fdopen(fd, "rb") as pipe:
                data = pipe.read()  # before reaping: a child blocks on a full pipe until it is read
            _, status = os.waitpid(pid, 0)
            out.append(_loaded(data) if os.waitstatus_to_exitcode(status) == 0 else None)
        return out


def _start(task: Callable[[], T]) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)  # the child: never returns to the caller's code
    code = 1
    try:
        with os.fdopen(write, "wb") as pipe:
            pipe.write(pickle.dumps(task(), protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:
        os._exit(code)  # no atexit handler, no flush of buffers the parent still holds


def _loaded(data: bytes) -> T | None:
    try:
        result: T = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a truncated or foreign payload: the caller runs the task itself
        return None
    return result
