"""Cycle collection around the large, long-lived data a run builds at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived() -> Iterator[None]:
    """For objects that hold no cycles and live as long as the run (facts, the cache's tables): cycle
    collection pauses while they are made and they are frozen out of it after. Otherwise every full
    collection rescans all of them as they pile up: a fifth of a large project's main-process time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """For work that builds and drops a large acyclic structure (a parse tree and its walks): refcounting
    frees it all, so a collection while it lives only rescans it (a fifth of a worker's frontend CPU).
    The few objects that outlive it are scanned by the next collection as usual."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
