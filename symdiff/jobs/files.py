"""The files of a batch job: input records streamed in, output records written in order.

Input is read lazily, one line at a time, so a job's memory does not grow with its
input; blank lines and lines starting with ``#`` are not records.  Output is written one
whole line at a time, flushed every quarter second and at the end (Ctrl-C included), so
an interrupted job leaves a valid file: every line it holds is a complete record.
``--resume`` reads that file back, drops a torn last line (what a killed process can
leave: a line without its newline), and skips the input records whose ids it holds.

>>> import io
>>> text = '{"input": "x"}\\n\\n# note\\n{"input": "y"}\\n'
>>> [(n, line) for n, line in records(io.StringIO(text))]
[(1, '{"input": "x"}'), (4, '{"input": "y"}')]
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .records import Result

FLUSH_EVERY = 0.25  # seconds between flushes of the output: a crash loses at most this much


def records(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """The records of an input: (line number, line), skipping blank and ``#`` lines."""
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line


def done_ids(path: str) -> set[Any]:
    """The ids already written to the output at ``path``; a torn last line is cut off.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write('{"id": 1, "kind": "derivative"}\\n{"id": 2, "ki')
    >>> sorted(done_ids(f.name)), open(f.name).read()
    ([1], '{"id": 1, "kind": "derivative"}\\n')
    >>> os.remove(f.name)
    """
    if not os.path.exists(path):
        return set()
    ids: set[Any] = set()
    keep = 0  # bytes of whole lines
    with open(path, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break
            try:
                ids.add(_hashable(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                break  # not a record of ours: keep what came before it
            keep += len(raw)
    if keep != os.path.getsize(path):
        with open(path, "r+b") as f:
            f.truncate(keep)
    return ids


def _hashable(ident: Any) -> Any:
    return ident if isinstance(ident, str | int | float) else json.dumps(ident)


def is_done(ident: Any, done: set[Any]) -> bool:
    """Whether an id is among those already written.

    >>> is_done(3, {3}), is_done("3", {3})
    (True, False)
    """
    return _hashable(ident) in done


class Writer:
    """Output records in input order (or as they finish, ``ordered=False``).

    Results arrive tagged with their sequence number; in order, each waits until all
    before it are written.  The caller bounds how many are pending.

    >>> import io
    >>> out = io.StringIO()
    >>> w = Writer(out)
    >>> w.put(1, Result("ok", "b")); w.put(0, Result("ok", "a")); out.getvalue()
    'a\\nb\\n'
    """

    def __init__(self, out: IO[str], ordered: bool = True) -> None:
        self.out = out
        self.ordered = ordered
        self.next = 0  # the sequence number written next (in order)
        self.pending: dict[int, Result] = {}
        self.counts: dict[str, int] = {}
        self.written = 0
        self.flushed = time.monotonic()

    def flush(self) -> None:
        """Write out what is buffered (the job's end, or an interrupt)."""
        self.out.flush()
        self.flushed = time.monotonic()

    def tick(self) -> None:
        """Flush if the last flush is more than ``FLUSH_EVERY`` seconds old."""
        if time.monotonic() - self.flushed > FLUSH_EVERY:
            self.flush()

    def put(self, seq: int, result: Result) -> None:
        """File the result of record ``seq`` and write whatever is now ready."""
        if not self.ordered:
            self._write(result)
            return
        self.pending[seq] = result
        while self.next in self.pending:
            self._write(self.pending.pop(self.next))
            self.next += 1

    def _write(self, result: Result) -> None:
        self.out.write(result.line + "\n")  # one whole line per write: never a torn record
        self.tick()
        self.counts[result.outcome] = self.counts.get(result.outcome, 0) + 1
        self.written += 1
