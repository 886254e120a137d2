"""Batch jobs: a file of JSON-lines records in, one output record per input record out.

:func:`batch` (``symdiff.batch``) streams the input, runs each record on the local
engine (worker processes on this machine's cores) or on Dask, and writes the output in
input order (or as records finish), one whole line at a time, so an interrupted job
leaves a valid, resumable file.  The record format is in :mod:`symdiff.jobs.records`.

>>> import io, json
>>> out = io.StringIO()
>>> summary = batch(io.StringIO('{"id": 1, "input": "x^2"}\\n{"id": 2, "input": "x^"}\\n'),
...                     out, jobs=1)
>>> [json.loads(line)["kind"] for line in out.getvalue().splitlines()], summary.counts
(['derivative', 'error'], {'ok': 1, 'error': 1})
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO, Literal

from ..limits import Limits
from .files import Writer, is_done, records
from .pool import Item, LocalPool
from .progress import Bar, summary_line, wanted
from .records import Result, record_id

__all__ = ["DEFAULT_ITEM_TIMEOUT", "Summary", "batch"]

DEFAULT_ITEM_TIMEOUT = 60.0  # seconds per record when the limits set none
WINDOW_PER_JOB = 64  # records finished but not yet written, per worker, before input pauses

Engine = Literal["local", "dask"]


@dataclass
class Summary:
    """What a job did: records written by outcome, records skipped as already done, time.

    >>> Summary({"ok": 2}, 2, 0.5).line()
    '2 items in 0.5 s (4/s): 2 ok'
    """

    counts: dict[str, int]
    items: int
    seconds: float
    skipped: int = 0
    interrupted: bool = field(default=False)

    def line(self) -> str:
        """The one-line summary the command prints at the end."""
        return summary_line(self.counts, self.items, self.seconds, self.skipped)


def batch(
    source: Iterable[str],
    out: IO[str],
    *,
    jobs: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    ordered: bool = True,
    done: set[object] | None = None,
    limits: Limits | None = None,
    total: int | None = None,
    progress: IO[str] | None = None,
) -> Summary:
    """Run every record of ``source`` (lines of JSON), writing one output line each to ``out``.

    - ``jobs``: worker processes (default: every core); ``engine``: ``"local"`` or ``"dask"``
      (``scheduler``: a Dask scheduler's address; none starts a local cluster of ``jobs``);
    - ``ordered=False`` writes records as they finish (faster when times vary);
    - ``done``: ids already written (from :func:`symdiff.jobs.files.done_ids`), skipped;
    - ``limits``: per record, with its own clock (a record with no ``timeout`` gets
      :data:`DEFAULT_ITEM_TIMEOUT` seconds);
    - ``total`` (records, for the ETA) and ``progress`` (a terminal to draw a bar on).

    Ctrl-C stops the workers and returns with ``interrupted`` set; ``out`` holds whole
    records only.
    """
    jobs = jobs or os.cpu_count() or 1
    limits = limits or Limits()
    if limits.timeout is None:
        limits = replace(limits, timeout=DEFAULT_ITEM_TIMEOUT)
    writer = Writer(out, ordered)
    skipped = 0
    bar = Bar(progress, total) if progress is not None else None

    def items() -> Iterator[Item]:
        nonlocal skipped
        seq = 0
        for number, line in records(source):
            if done and is_done(record_id(line, number), done):
                skipped += 1
                continue
            yield seq, number, line
            seq += 1

    def sink(seq: int, result: Result) -> None:
        writer.put(seq, result)
        if bar is not None:
            bar.update(writer.written + skipped, writer.counts)

    def room() -> bool:
        return len(writer.pending) < WINDOW_PER_JOB * jobs

    start = time.monotonic()
    interrupted = False
    try:
        if engine == "dask":
            from .cluster import run_on_dask

            run_on_dask(items(), sink, limits, workers=jobs, scheduler=scheduler, room=room)
        else:
            with LocalPool(jobs, limits) as pool:
                pool.run(items(), sink, room, writer.tick)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        writer.flush()
        if bar is not None:
            bar.close()
    seconds = time.monotonic() - start
    return Summary(dict(writer.counts), writer.written, seconds, skipped, interrupted)


def progress_stream(quiet: bool) -> IO[str] | None:
    """Standard error, when a progress bar should be drawn on it.

    >>> progress_stream(quiet=True) is None
    True
    """
    return sys.stderr if wanted(sys.stderr, quiet) else None
