"""Spread a map over processes when there is enough work; the result is the same either way.

Workers are forked, so they inherit the function, its fixed arguments and the
items from the parent instead of receiving them pickled; only indices go out
and results come back. multiprocessing is imported only when there is enough work
(a rebuild after one edit need not pay for it).
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterator, Sequence

PARALLEL_MIN_ITEMS_DEFAULT = 300  # below this, starting processes costs more than it saves
CHUNK_SIZE_DEFAULT = 64

pool_class: Callable[..., Any] | None = None  # concurrent.futures.ProcessPoolExecutor unless replaced
_work: tuple[Callable[..., Any], Sequence[Any], tuple[Any, ...]] | None = None


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    fn, items, extra = _work  # type: ignore[misc]  # set by the parent before forking
    return [fn(item, *extra) for item in items[bounds[0]:bounds[1]]]


def workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def would_fork(count: int) -> bool:
    """Whether `map_ordered` over `count` items would use worker processes."""
    if count < PARALLEL_MIN_ITEMS_DEFAULT or workers() < 2:
        return False
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def map_ordered(fn: Callable[..., Any], items: Sequence[Any], extra: tuple[Any, ...],
                progress: Callable[[str, int, int], None] | None = None, label: str = "") -> Iterator[Any]:
    """fn(item, *extra) for each item, in order; in worker processes when there are many items.

    A generator, so results can be written while later ones are still being made.
    """
    global _work
    total = len(items)
    if not would_fork(total):
        for done, item in enumerate(items, start=1):
            yield fn(item, *extra)
            if progress and (done % CHUNK_SIZE_DEFAULT == 0 or done == total):
                progress(label, done, total)
        return
    chunks = [(i, min(i + CHUNK_SIZE_DEFAULT, total)) for i in range(0, total, CHUNK_SIZE_DEFAULT)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _work = (fn, items, extra)
    try:
        with (pool_class or ProcessPoolExecutor)(max_workers=workers(), mp_context=multiprocessing.get_context("fork")) as pool:
            for (start, end), chunk in zip(chunks, pool.map(_run_chunk, chunks)):
                yield from chunk
                if progress:
                    progress(label, end, total)
    finally:
        _work = None
