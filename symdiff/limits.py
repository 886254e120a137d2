"""Resource limits applied to every input; adjustable per call and on the command line.

=====================  ==========  ==========================================================
field                  default     what it bounds
=====================  ==========  ==========================================================
max_input_chars        1,000,000   characters of input text
max_depth              100,000     nesting: parentheses, calls, powers, unary signs
max_nodes              2,000,000   distinct nodes of a parsed expression
max_literal_digits     1,000       digits of one number literal (``1e999`` counts 1000)
max_fold_bits          4,096       bits of a number the simplifier computes (2^(10^10) stays)
max_order              20          order of a derivative (``f'''...``, repeated ``--wrt``)
max_simplify_steps     10,000      simplifier iterations
max_output_chars       10,000,000  characters of one printed result (estimated first)
timeout                None        wall-clock seconds for one command (None: no limit)
=====================  ==========  ==========================================================

Exceeding any of them raises ``LimitError`` naming the limit, never a hang or a crash.

>>> DEFAULT_LIMITS.max_depth
100000
>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_limit_options(parser)
>>> limits_from_args(parser.parse_args(["--max-depth", "500"])).max_depth
500
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field, fields, replace

from .errors import LimitError


@dataclass(frozen=True, slots=True)
class Deadline:
    """The one clock of one call: ``seconds`` of wall-clock time ending at ``at``.

    Started once per public call by :meth:`Limits.begin` and handed down inside the
    ``Limits``; a nested public call sees it already running and keeps it.  It is
    polled, never a signal, so it works on any thread.

    >>> Deadline(at=time.monotonic() + 60, seconds=60).expired()
    False
    """

    at: float
    seconds: float

    def expired(self) -> bool:
        """Whether the time is up."""
        return time.monotonic() > self.at


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile or accidental input from exhausting time or memory.

    >>> Limits(max_input_chars=10).max_input_chars
    10
    >>> Limits(max_depth=0)
    Traceback (most recent call last):
    ValueError: Limits.max_depth must be a positive integer, not 0
    """

    max_input_chars: int = 1_000_000  # characters of input text
    max_depth: int = 100_000  # nesting depth of the expression
    max_nodes: int = 2_000_000  # distinct nodes of a parsed expression
    max_literal_digits: int = 1_000  # digits of one number literal
    max_fold_bits: int = 4_096  # bits of a constant the simplifier may compute
    max_order: int = 20  # order of a derivative
    max_simplify_steps: int = 10_000  # simplifier iterations
    max_output_chars: int = 10_000_000  # characters of one printed result
    timeout: float | None = None  # wall-clock seconds, None for no limit
    # the running clock of the current call (set by begin(), not by users)
    deadline: Deadline | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "deadline":
                continue
            if f.name == "timeout":
                if value is not None and (isinstance(value, bool) or not value > 0):
                    raise ValueError(f"Limits.timeout must be positive or None, not {value!r}")
            elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{f.name} must be a positive integer, not {value!r}")

    def begin(self) -> Limits:
        """These limits with the clock started, unless it already runs (or there is no timeout).

        Every public entry point calls this first, so one call has one clock.

        >>> DEFAULT_LIMITS.begin() is DEFAULT_LIMITS
        True
        >>> running = Limits(timeout=5).begin()
        >>> running.begin() is running, running.deadline is not None
        (True, True)
        """
        if self.timeout is None or self.deadline is not None:
            return self
        return replace(self, deadline=Deadline(time.monotonic() + self.timeout, self.timeout))

    def check_time(self, what: str) -> None:
        """Raise ``LimitError`` if this call's time is up; ``what`` names the work.

        >>> Limits(timeout=1e-9).begin().check_time("differentiation")
        Traceback (most recent call last):
        symdiff.errors.LimitError: differentiation exceeded the time limit of 1e-09 s (timeout)
        """
        deadline = self.deadline
        if deadline is not None and time.monotonic() > deadline.at:
            raise LimitError(f"{what} exceeded the time limit of {deadline.seconds:g} s (timeout)")


DEFAULT_LIMITS = Limits()

_HELP = {
    "max_input_chars": "characters of input",
    "max_depth": "nesting depth (parentheses, calls, powers, signs)",
    "max_nodes": "distinct nodes of a parsed expression",
    "max_literal_digits": "digits of one number literal",
    "max_fold_bits": "bits of a number the simplifier may compute",
    "max_order": "order of a derivative",
    "max_simplify_steps": "simplifier iterations",
    "max_output_chars": "characters of one printed result",
    "timeout": "wall-clock seconds (default: none)",
}


def _positive_int(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be a positive number of seconds")
    return value


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-depth N`` ... ``--timeout S``, one option per field of :class:`Limits`.

    An option the parser already has (say ``--timeout``) is left as it is.

    >>> p = argparse.ArgumentParser()
    >>> add_limit_options(p)
    >>> p.parse_args(["--timeout", "2.5", "--max-nodes", "1_000"]).max_nodes
    1000
    """
    group = parser.add_argument_group(
        "limits", "bounds on time and memory; exceeding one is an error (exit code 2)"
    )
    existing = set(parser._option_string_actions)  # argparse has no public accessor
    for f in fields(Limits):
        if f.name == "deadline":
            continue
        option = "--" + f.name.replace("_", "-")
        if option in existing:
            continue
        default = getattr(DEFAULT_LIMITS, f.name)
        shown = "" if default is None else f" (default: {default:,})".replace(",", "_")
        group.add_argument(
            option,
            dest=f.name,
            type=_seconds if f.name == "timeout" else _positive_int,
            default=None,
            metavar="S" if f.name == "timeout" else "N",
            help=_HELP[f.name] + shown,
        )


def limits_from_args(namespace: argparse.Namespace, base: Limits = DEFAULT_LIMITS) -> Limits:
    """The ``Limits`` given by parsed options; fields not given keep ``base``'s value.

    >>> limits_from_args(argparse.Namespace(max_order=3, timeout=None)).max_order
    3
    """
    given = {
        f.name: getattr(namespace, f.name)
        for f in fields(Limits)
        if f.name != "deadline" and getattr(namespace, f.name, None) is not None
    }
    return replace(base, **given) if given else base
