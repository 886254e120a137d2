"""The ``symdiff`` command: derivatives, gradients, Hessians, Jacobians, checks; with steps.

Errors are one line on stderr (``symdiff: error: ...``), never a traceback; the
exit codes are listed in ``symdiff --help``.  Heavy machinery (the parser, SymPy,
JSON, HTML) is imported only when a command needs it, so the command starts fast.

>>> main(["x^3", "--format", "text"])
3*x^2
0
>>> main(["x +* y"])
2
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from ..errors import SymdiffError
from .options import ArgumentError, parse_command

__all__ = ["main"]

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_WRONG_ANSWER = 0, 1, 2, 3
PROBE = "∂²·−√⁽₁≠"  # characters the Unicode output needs

SEVERITY = (EXIT_OK, EXIT_WRONG_ANSWER, EXIT_INPUT, EXIT_INTERNAL)  # later ones win


def worst(*codes: int) -> int:
    """The exit code that matters most: internal error, then bad input, then a wrong answer.

    >>> worst(0, 3, 2), worst(0, 0)
    (2, 0)
    """
    return max(codes, key=SEVERITY.index)


def stdin_lines() -> TextIO:
    """Standard input as UTF-8 text whose undecodable bytes survive as lone surrogates.

    The parser's input hygiene then names the line and column of invalid UTF-8,
    whatever the locale's decoder would have done with it.
    """
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # already text (a test's StringIO)
        return sys.stdin
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape")


def default_format(stream: TextIO) -> str:
    """Unicode, unless ``stream`` cannot encode it: then plain text."""
    try:
        PROBE.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return "text"
    return "unicode"


def use_color(stream: TextIO, fmt: str) -> bool:
    """Colour only for text on a terminal, and never when ``NO_COLOR`` is set."""
    if fmt not in ("text", "unicode") or os.environ.get("NO_COLOR"):
        return False
    return os.environ.get("TERM") != "dumb" and stream.isatty()


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def fail(message: object, code: int = EXIT_INPUT) -> int:
    """Print ``symdiff: error: message`` on stderr (one line); return the exit code."""
    print(f"symdiff: error: {_one_line(message)}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the command, print its output, return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parse_command(argv)
    except ArgumentError as exc:
        return fail(f'{exc} (see "symdiff --help")')
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    args.format = args.format or default_format(sys.stdout)
    try:
        from .run import run

        return run(args, sys.stdout, use_color(sys.stdout, args.format))
    except ArgumentError as exc:
        return fail(exc)
    except (SymdiffError, RecursionError) as exc:
        return fail(exc if isinstance(exc, SymdiffError) else "the input is nested too deeply")
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except MemoryError:  # the limits estimate before the work; this is the last resort
        return fail("out of memory: lower --max-nodes or --max-output-chars, or set --timeout")
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_INTERNAL
    except Exception as exc:  # a bug: say so in one line, traceback only on request
        if args.debug:
            import traceback

            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}"
        return fail(f"internal error: {detail} (run with --debug for the traceback)",
                    EXIT_INTERNAL)  # fmt: skip


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the exit flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
