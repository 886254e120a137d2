"""Guards: how large a result will be, estimated before it is built or printed.

A shared DAG can print as a tree far larger than itself.

The derivative of ``sin(sin(...sin(x)...))`` nested n deep has O(n) distinct nodes but its
text has O(n²) characters (n = 100,000: some 10^10); a product of n factors differentiates
to n terms of n factors.  :func:`printed_size` estimates the length of the text form from
the DAG in linear time, without printing, so a caller can refuse with ``LimitError`` (or
switch to the common-subexpression form) instead of running out of memory.
:func:`derivative_size` likewise bounds the nodes one raw derivative builds, so Hessians,
Jacobians and higher orders are refused before the work (``max_nodes``).

>>> from symdiff.core.expr import Var, call
>>> x = Var("x")
>>> printed_size(call("sin", x) * x)  # sin(x)*x: 8
13
>>> e = x
>>> for _ in range(200):
...     e = e * e
>>> printed_size(e) > 10**60
True
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from .expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
from .interning import bulk
from .walk import postorder

_CLOCK_EVERY = 4096  # nodes estimated between two looks at the clock


def _own(node: Expr) -> int:
    """Characters a node writes itself, around its children (parentheses counted high)."""
    match node:
        case Num():
            v = node.value
            digits = (abs(v.numerator).bit_length() + v.denominator.bit_length()) * 0.302
            return int(digits) + 2
        case Var() | Const():
            return len(node.name)
        case Add():
            return 3 * len(node.terms) + 2
        case Mul():
            return len(node.factors) + 2
        case Pow():
            return 3
        case Call():
            return len(node.name) + 2 * len(node.args) + 2 + len(node.deriv) * 3
        case Indicator():
            return 7
        case Derivative():
            return len(node.var) + 8
    return 4  # pragma: no cover - a node class added later


def printed_size(expr: Expr, stop: int | None = None, limits: Limits = DEFAULT_LIMITS) -> int:
    """An estimate (within a small factor) of ``len(str(expr))``, in time linear in the DAG.

    Bottom-up over the DAG; with ``stop``, the first node estimated past it is returned
    at once (the rest is not looked at).  ``limits``' clock is polled as it goes.

    >>> from symdiff.core.expr import Var
    >>> printed_size(Var("x") ** 2 + 1)  # x^2 + 1: 7
    16
    >>> printed_size(Var("x") ** 2 + 1, stop=5)  # stopped at x^2
    6
    """
    size: dict[Expr, int] = {}
    countdown = _CLOCK_EVERY
    with bulk():  # nothing here is garbage for the collector to look for
        for node in postorder(expr):
            countdown -= 1
            if not countdown:
                countdown = _CLOCK_EVERY
                limits.check_time("estimating the output")
            kids = node.children
            cls = type(node)  # the common nodes inline, as _own counts them
            total = 3 * len(kids) + 2 if cls is Add else len(kids) + 2 if cls is Mul else 0
            if not total:
                total = 3 if cls is Pow else _own(node)
            for child in kids:
                total += size[child]
            if stop is not None and total > stop:
                return total
            size[node] = total
    return size[expr]


def check_output(exprs: Expr | Iterable[Expr], limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise ``LimitError`` when printing ``exprs`` would exceed ``limits.max_output_chars``.

    The estimate stops at the first expression past the limit, so the size it names is
    a lower bound (``or more``).

    >>> from symdiff.core.expr import Var
    >>> check_output(Var("x") * Var("y"), Limits(max_output_chars=3))
    Traceback (most recent call last):
    symdiff.errors.LimitError: the result would print as about 6 characters or more; the limit \
is 3 (max_output_chars)
    """
    items = [exprs] if isinstance(exprs, Expr) else list(exprs)
    total = 0
    for e in items:  # stopping at the first sub-expression that already prints too long
        total += printed_size(e, limits.max_output_chars - total, limits)
        if total > limits.max_output_chars:
            break
    if total > limits.max_output_chars:
        about = f"{total:.3g}" if total >= 10**15 else f"{total:,}"
        raise LimitError(
            f"the result would print as about {about} characters or more; the limit is "
            f"{limits.max_output_chars:,} (max_output_chars)"
        )


def derivative_size(expr: Expr) -> int:
    """An upper estimate of the nodes one raw derivative of ``expr`` builds, in linear time.

    Every rule rebuilds a node over its children's derivatives (one node and its
    edges), except the product rule: ``n`` terms of ``n`` factors, ``n²``.

    >>> from symdiff.core.expr import Mul, Var
    >>> product = Mul(tuple(Var(f"x{i}") for i in range(10)))
    >>> derivative_size(Var("x") ** 2 + 1), derivative_size(product)
    (9, 110)
    """
    total = 0
    for node in postorder(expr):
        n = len(node.children)
        total += n * n if type(node) is Mul else 1 + n
    return total
