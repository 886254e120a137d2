"""Resource limits applied to every input; adjustable per call.

>>> DEFAULT_LIMITS.max_depth
100000
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile or accidental input from exhausting time or memory.

    >>> Limits(max_input_chars=10).max_input_chars
    10
    """

    max_input_chars: int = 1_000_000  # characters of input text
    max_depth: int = 100_000  # nesting depth of the expression
    max_nodes: int = 2_000_000  # distinct nodes of a parsed expression
    max_literal_digits: int = 1_000  # digits of one number literal
    max_fold_bits: int = 4_096  # bits of a constant the simplifier may compute
    max_order: int = 20  # order of a derivative
    max_simplify_steps: int = 10_000  # simplifier iterations
    timeout: float | None = None  # wall-clock seconds, None for no limit


DEFAULT_LIMITS = Limits()
