"""``symdiff batch IN.jsonl [-o OUT.jsonl]``: files and flags to :func:`symdiff.jobs.batch`.

The exit code is the worst outcome of any record: 0 all answered, 3 a ``check`` answer
was wrong, 2 a record was bad or over a limit, 1 a record killed its worker twice;
130 when interrupted (the output then holds whole records only: rerun with ``--resume``).

>>> import io, json, tempfile, os
>>> from symdiff.cli.options import parse_command
>>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
>>> _ = open(path, "w").write('{"id": "a", "input": "x^2"}\\n')
>>> out = io.StringIO()
>>> run_batch_command(parse_command(["batch", path, "--jobs", "1", "--quiet"]), out)
0
>>> json.loads(out.getvalue())["result"]["text"]
'2*x'
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import IO

from . import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_WRONG_ANSWER, stdin_lines, worst
from .limit_options import limits_from
from .options import ArgumentError

CODES = {"ok": EXIT_OK, "wrong": EXIT_WRONG_ANSWER, "error": EXIT_INPUT, "limit": EXIT_INPUT,
         "failed": EXIT_INTERNAL}  # fmt: skip


def _lines(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        yield from f


def _count(path: str) -> int | None:
    """Records in the input file, for the ETA (None for stdin)."""
    if path == "-":
        return None
    from ..jobs.files import records

    return sum(1 for _ in records(_lines(path)))


def run_batch_command(args: argparse.Namespace, out: IO[str]) -> int:
    """Run the job the options describe; print the summary on stderr; return the exit code."""
    from ..jobs import batch, progress_stream
    from ..jobs.files import done_ids

    if args.resume and not args.output:
        raise ArgumentError("--resume needs -o OUT.jsonl (the file to resume)")
    if args.scheduler and args.engine != "dask":
        raise ArgumentError("--scheduler needs --engine dask")
    if args.input != "-":
        try:
            open(args.input, "rb").close()
        except OSError as exc:
            raise ArgumentError(f"cannot read {args.input}: {exc.strerror}") from None
    limits = limits_from(args)
    done = done_ids(args.output) if args.resume else None
    progress = progress_stream(args.quiet)
    total = _count(args.input) if progress is not None else None
    with ExitStack() as stack:
        source = stdin_lines() if args.input == "-" else _lines(args.input)
        if args.output:
            target: IO[str] = stack.enter_context(
                open(args.output, "a" if args.resume else "w", encoding="utf-8")
            )
        else:
            target = out
        summary = batch(source, target, jobs=args.jobs, engine=args.engine,
                            scheduler=args.scheduler, ordered=args.ordered, done=done,
                            limits=limits, total=total, progress=progress)  # fmt: skip
    if not args.quiet:
        print(f"symdiff batch: {summary.line()}", file=sys.stderr)
    if summary.interrupted:
        print("symdiff batch: interrupted; the output holds whole records only "
              "(rerun with --resume to finish)", file=sys.stderr)  # fmt: skip
        return 130
    return worst(EXIT_OK, *(CODES[o] for o, n in summary.counts.items() if n))
