"""Resource limits applied to every input; adjustable per call and on the command line.

=====================  ==========  ==========================================================
field                  default     what it bounds
=====================  ==========  ==========================================================
max_input_chars        1,000,000   characters of input text
max_depth              100,000     nesting: parentheses, calls, powers, unary signs
max_nodes              2,000,000   distinct nodes of a parsed expression; nodes a derivative,
                                   gradient, Hessian or Jacobian builds (estimated first; a
                                   high order is projected from the orders before it); nodes
                                   the simplifier's recorded steps rebuild
max_literal_digits     1,000       digits of one number literal (``1e999`` counts 1000)
max_fold_bits          4,096       bits of a number the simplifier computes (2^(10^10) stays)
max_order              20          order of a derivative (``f'''...``, repeated ``--wrt``)
max_simplify_steps     1,000,000   simplifier rewrites (one per named change)
max_output_chars       10,000,000  characters of one printed result: ``str()``, ``render()``,
                                   the command's output (estimated first)
timeout                None        wall-clock seconds for one call, or one input of the
                                   command, parsing to printing on one clock (None: no
                                   limit); polled, so any thread
=====================  ==========  ==========================================================

Exceeding any of them raises ``LimitError`` naming the limit, never a hang or a crash.

Every public function (``api``, ``higher``) calls :meth:`Limits.begin` first and hands the
result down, so one call has one clock; each consumer checks the limit it honours *before*
the work it bounds (:meth:`Limits.check_order`, :meth:`Limits.check_nodes`) and polls
:meth:`Limits.check_time` while it works.  The command line's options for these fields are
in :mod:`symdiff.cli.options`.

>>> DEFAULT_LIMITS.max_depth
100000
"""

from __future__ import annotations

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
    max_nodes: int = 2_000_000  # distinct nodes of a parsed expression, or of a built result
    max_literal_digits: int = 1_000  # digits of one number literal
    max_fold_bits: int = 4_096  # bits of a constant the simplifier may compute
    max_order: int = 20  # order of a derivative
    max_simplify_steps: int = 1_000_000  # simplifier rewrites
    max_output_chars: int = 10_000_000  # characters of one printed result
    timeout: float | None = None  # wall-clock seconds of one call, None for no limit
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

    def check_order(self, order: int) -> None:
        """Raise ``LimitError`` before a derivative of ``order`` is begun, if it is too high.

        >>> Limits(max_order=3).check_order(4)
        Traceback (most recent call last):
        symdiff.errors.LimitError: a derivative of order 4 exceeds the limit of 3 (max_order)
        """
        if order > self.max_order:
            raise LimitError(
                f"a derivative of order {order} exceeds the limit of {self.max_order} (max_order)"
            )

    def check_nodes(self, estimate: int, what: str) -> None:
        """Raise ``LimitError`` before building ``what``, estimated at ``estimate`` nodes.

        >>> Limits(max_nodes=10).check_nodes(12, "the Hessian")
        Traceback (most recent call last):
        symdiff.errors.LimitError: the Hessian would build about 12 nodes; the limit is 10 \
(max_nodes)
        """
        if estimate > self.max_nodes:
            raise LimitError(
                f"{what} would build about {estimate:,} nodes; the limit is "
                f"{self.max_nodes:,} (max_nodes)"
            )


DEFAULT_LIMITS = Limits()
