"""Progress of a batch job on a terminal, and its one-line summary.

The bar is drawn on standard error only when it is a terminal, ``NO_COLOR`` is unset and
the job is not ``--quiet``; it is redrawn at most ten times a second.

>>> summary_line({"ok": 1200, "error": 3}, 1203, 2.5, skipped=10)
'1,203 items in 2.5 s (481/s): 1,200 ok, 3 error; 10 already done (resumed)'
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import IO

from .records import OUTCOMES


def summary_line(counts: Mapping[str, int], items: int, seconds: float, skipped: int = 0) -> str:
    """Counts by outcome, time and rate, in one line."""
    rate = items / seconds if seconds > 0 else 0.0
    parts = [f"{counts[o]:,} {o}" for o in OUTCOMES if counts.get(o)]
    line = (
        f"{items:,} items in {seconds:.1f} s ({rate:,.0f}/s): {', '.join(parts) or 'nothing to do'}"
    )
    if skipped:
        line += f"; {skipped:,} already done (resumed)"
    return line


def wanted(stream: IO[str], quiet: bool) -> bool:
    """Whether to draw a bar on ``stream``: a terminal, no ``NO_COLOR``, not quiet.

    >>> import io
    >>> wanted(io.StringIO(), False)
    False
    """
    return not quiet and "NO_COLOR" not in os.environ and stream.isatty()


class Bar:
    """``done/total  rate  ETA  errors`` on one redrawn line."""

    def __init__(self, stream: IO[str], total: int | None) -> None:
        self.stream = stream
        self.total = total
        self.start = time.monotonic()
        self.drawn = 0.0

    def update(self, done: int, counts: Mapping[str, int], force: bool = False) -> None:
        """Redraw (at most every 0.1 s unless ``force``)."""
        now = time.monotonic()
        if not force and now - self.drawn < 0.1:
            return
        self.drawn = now
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        bad = sum(counts.get(o, 0) for o in ("error", "limit", "failed"))
        text = f"{done:,}"
        if self.total:
            share = done / self.total
            width = 24
            filled = int(share * width)
            text = f"[{'#' * filled}{'.' * (width - filled)}] {done:,}/{self.total:,}"
            if rate > 0:
                left = (self.total - done) / rate
                text += f"  ETA {int(left // 60)}:{int(left % 60):02d}"
        text += f"  {rate:,.0f}/s  errors {bad:,}"
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar's line."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()
