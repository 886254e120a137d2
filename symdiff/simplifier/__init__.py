"""The simplifier: named passes brought to a fixpoint by one engine, innermost first.

``PASSES`` is the only list of passes: one row per pass (rule id, module, node
kinds, title, example), in the order the engine tries them at a node.  Each
pass lives in the module named by its rule id, with ``applies(node)`` (a cheap
guard) beside ``rewrite(node, kids)``.  The rule ids are a stable contract.
``expand`` and ``factor`` run only when asked for (``factor`` leaves out the passes
that multiply sums out).

:func:`simplify` and :func:`simplify_steps` are one call of
:func:`symdiff.simplifier.engine.run`, with recording off and on; the steps
(one per change, on the sub-expression it touched) are grouped into book
lines of whole expressions by :func:`symdiff.simplifier.lines.book_lines`.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x = Var("x")
>>> e = Mul((Num(15), Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4)), Mul((Num(4), x))))
>>> result, lines = simplify_steps(e)
>>> result is Mul((Num(960), Pow(x, Num(9))))
True
>>> [s.rule for s in lines]
['distribute-exponent', 'combine-powers', 'combine-constants']
"""

from __future__ import annotations

from ..core.expr import Expr
from ..core.interning import bulk
from ..core.steps import Step
from ..limits import DEFAULT_LIMITS, Limits
from . import (
    cancel_factors,
    clear_fractions,
    collect_terms,
    combine_constants,
    combine_powers,
    combine_roots,
    common_denominator,
    distribute_exponent,
    distribute_number,
    expand,
    expand_fractions,
    expand_numerator,
    expand_polynomial,
    factor,
    factor_numerator,
    function_values,
    identities,
    indicators,
    order_factors,
    positive_first,
    pythagorean,
    quotient_identities,
    reciprocal_identities,
    root_powers,
)
from .arithmetic import arithmetic
from .engine import run
from .lines import book_lines
from .remembered import known, remember
from .table import Pass

__all__ = [
    "PASSES",
    "RULES",
    "Pass",
    "arithmetic",
    "simplify",
    "simplify_derivative",
    "simplify_steps",
]

PASSES: tuple[Pass, ...] = tuple(
    Pass.of(m)
    for m in (
        identities,
        function_values,
        indicators,
        distribute_exponent,
        combine_powers,
        combine_constants,
        collect_terms,
        pythagorean,
        expand_polynomial,
        expand_numerator,
        factor_numerator,
        cancel_factors,
        quotient_identities,
        reciprocal_identities,
        combine_roots,
        root_powers,
        clear_fractions,
        common_denominator,
        positive_first,
        distribute_number,
        expand_fractions,
        order_factors,
        expand,  # only when asked for (--expand)
        factor,  # only when asked for (--factor)
    )
)

RULES: tuple[str, ...] = tuple(p.id for p in PASSES)


ON_REQUEST = ("expand", "factor")  # the passes that run only when asked for
MULTIPLY_OUT = (  # left out by factor
    "expand",
    "expand-polynomial",
    "expand-numerator",
    "distribute-number",
    "expand-fractions",
)
GATHER = ("clear-fractions", "common-denominator")  # take a factor out: left out by expand
_DEFAULT = tuple(p for p in PASSES if p.id not in ON_REQUEST)
_EXPAND = tuple(p for p in PASSES if p.id != "factor" and p.id not in GATHER)
_FACTOR = tuple(p for p in PASSES if p.id not in MULTIPLY_OUT)
_EXPANDING = tuple(
    p for p in _EXPAND if p.id not in ("expand-numerator", "expand-polynomial", "expand-fractions")
)


def expand_passes() -> tuple[Pass, ...]:
    """The passes that multiply out: all but factor, the gathering ones and three that expand.

    What ``expand-numerator`` and ``expand-polynomial`` simplify a sum with.

    >>> "expand" in [p.id for p in expand_passes()]
    True
    """
    return _EXPANDING


def _passes(expand: bool, factor: bool = False) -> tuple[Pass, ...]:
    if expand and factor:
        raise ValueError("expand or factor: the two forms exclude each other")
    return _EXPAND if expand else _FACTOR if factor else _DEFAULT


def simplify_steps(
    expr: Expr, *, expand: bool = False, factor: bool = False, limits: Limits = DEFAULT_LIMITS
) -> tuple[Expr, list[Step]]:
    """Simplify ``expr`` and return the result with its book lines, one ``Step`` each.

    A line's ``before`` and ``after`` are whole expressions (the first ``before``
    is ``expr``, the last ``after`` the result); its ``substeps`` are the
    engine's steps, each on the sub-expression it touched, at its ``path``.

    >>> from symdiff.core.expr import Mul, Var
    >>> x = Var("x")
    >>> result, steps = simplify_steps(Mul((x, x)))
    >>> result is x**2, [s.rule for s in steps]
    (True, ['combine-powers'])
    """
    result, steps = run(expr, _passes(expand, factor), limits=limits, record=True)
    return result, book_lines(expr, steps, result, RULES, limits)


def simplify(
    expr: Expr, *, expand: bool = False, factor: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Expr:
    """The canonical simplified form of ``expr`` (a fixpoint of every pass).

    Always the node ``simplify_steps(expr)[0]`` gives: the same engine, not recording.

    >>> from symdiff.core.expr import Add, Mul, Num, Var
    >>> x = Var("x")
    >>> simplify(Add((Mul((Num(2), x)), Mul((Num(3), x))))) is Mul((Num(5), x))
    True
    """
    return run(expr, _passes(expand, factor), limits=limits, record=False)[0]


def simplify_derivative(
    raw: Expr, source: Expr, *, expand: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Expr:
    """``simplify(arithmetic(raw))`` for a derivative ``raw`` of ``source``, sharing its work.

    The nodes of ``source`` found normal are remembered while ``source`` lives
    (:mod:`.remembered`); a later derivative of the same ``source`` takes them as
    known, and neither the arithmetic line nor the simplifier enters them.  The
    result is the very node of the plain call.

    >>> from symdiff.core.expr import Mul, Num, Var
    >>> x = Var("x")
    >>> f = Mul((Num(3), x, x))
    >>> raw = Mul((Num(3), Num(2), x))
    >>> simplify_derivative(raw, f) is simplify(arithmetic(raw)) is Mul((Num(6), x))
    True
    """
    passes = _passes(expand)
    default = passes is _DEFAULT and limits.max_fold_bits == DEFAULT_LIMITS.max_fold_bits
    memo = known(source, default)
    seeded = bool(memo)
    with bulk():  # nodes form no cycles: at 10⁵ levels the collector took half the time
        tidy = arithmetic(raw, limits, memo)
        result = run(tidy, passes, limits=limits, record=False, memo=memo)[0]
    if not seeded:
        remember(source, memo, default)
    return result
