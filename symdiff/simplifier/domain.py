"""Whether an expression is defined anywhere: no division by 0, no function at a pole.

The simplifier and the rules treat a variable as a generic number: ``x/x`` is 1 and
``0·(1/x)`` is 0.  That is right unless a denominator *is* 0 once simplified: then
the expression is nowhere defined, and neither is its derivative, whatever its
rules would give (the derivative of ``(x-x)/(x-x)`` cancels to 0 in the arithmetic
line; ``5/(y-y)`` has the derivative 0 by x before anything is simplified).

:func:`check_defined` simplifies the *guards* of an expression in one run of the
engine (sharing its memo): the base of each negative power that is not a variable,
a constant or a nonzero number, and each call of a function with a restricted
domain (log, sqrt, tan, sec) whose arguments are not all variables.  A guard seen to
be positive by its shape alone (``1 + x^2``, ``1 + exp(u)``: :func:`signs`) needs no
simplifying: it is not 0, and no logarithm's argument is negative; nor does a
denominator that is a sum of distinct monomials (``x - b``), a polynomial that is
not 0.  A base that simplifies to 0 is a division by zero; a call whose arguments simplify to exact
values outside its domain (``log(0)``, ``tan(pi/2)``) is a ``DomainError`` naming
it.  Differentiation calls it on its input before simplifying a derivative.  An
expression found defined is remembered while it lives (weakly, under a lock), so the
partials of a gradient, taken one variable at a time, check their input once.

>>> from symdiff.core.expr import Var
>>> x = Var("x")
>>> check_defined((x - x) ** -1)
Traceback (most recent call last):
symdiff.errors.DomainError: division by zero in (x - x)^-1: its base is 0
>>> check_defined((x + 1) ** -1) is None
True
"""

from __future__ import annotations

import threading
import weakref

from ..core.exact import exact_of
from ..core.expr import ZERO, Add, Call, Const, Expr, Mul, Num, Pow, Var
from ..core.facets import EVERYWHERE
from ..core.functions import FUNCTIONS, SPELLINGS
from ..core.walk import postorder
from ..errors import DomainError
from ..limits import DEFAULT_LIMITS, Limits
from .engine import run
from .table import Pass

GUARDS = "domain guards"  # the name of the call that holds the guards for one run

_DEFINED: weakref.WeakKeyDictionary[Expr, bool] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()

UNKNOWN, NONNEGATIVE, POSITIVE = 0, 1, 2
_POSITIVE_CALLS = frozenset(r.name for r in FUNCTIONS.values() if r.image == "positive")
_NONNEGATIVE_CALLS = frozenset(r.name for r in FUNCTIONS.values() if r.image == "nonnegative")


def _sign(node: Expr, signs: dict[Expr, int]) -> int:
    """What the shape of ``node`` tells of its sign, its children's signs known."""
    kind = type(node)
    if kind is Num:
        value = node.value  # type: ignore[attr-defined]
        return POSITIVE if value > 0 else NONNEGATIVE if value == 0 else UNKNOWN
    if kind is Const:
        return POSITIVE
    if kind is Call:
        name = node.name  # type: ignore[attr-defined]
        if node.deriv:  # type: ignore[attr-defined]
            return UNKNOWN
        return POSITIVE if name in _POSITIVE_CALLS else (
            NONNEGATIVE if name in _NONNEGATIVE_CALLS else UNKNOWN)  # fmt: skip
    kids = [signs[c] for c in node.children]
    if kind is Add:
        lowest = min(kids, default=UNKNOWN)
        return POSITIVE if lowest and POSITIVE in kids else lowest
    if kind is Mul:
        return min(kids, default=POSITIVE)
    if kind is Pow:
        exp = node.children[1]
        if kids[0] == POSITIVE:
            return POSITIVE
        if type(exp) is Num and exp.value.denominator == 1 and exp.value.numerator % 2 == 0:
            return NONNEGATIVE
        return kids[0] if type(exp) is Num else UNKNOWN
    return UNKNOWN


def signs(expr: Expr) -> dict[Expr, int]:
    """Every node's sign as its shape shows it: 2 positive, 1 non-negative, 0 unknown.

    >>> from symdiff.core.expr import Var, call
    >>> x = Var("x")
    >>> s = signs(1 + x**2 + call("exp", x))
    >>> s[x], s[x**2], s[1 + x**2 + call("exp", x)]
    (0, 1, 2)
    """
    known: dict[Expr, int] = {}
    for node in postorder(expr):
        known[node] = _sign(node, known)
    return known


def _monomial(term: Expr) -> tuple[tuple[str, int], ...] | None:
    """The variables and integer powers of ``c·x^a·y^b`` (sorted; None: not a monomial)."""
    powers: dict[str, int] = {}
    factors = term.children if type(term) is Mul else (term,)
    for f in factors:
        if type(f) is Num:
            if f is ZERO:
                return None
            continue
        base, exp = (f.children[0], f.children[1]) if type(f) is Pow else (f, None)
        if type(base) is not Var:
            return None
        n = 1
        if exp is not None:
            if type(exp) is not Num or exp.value.denominator != 1:
                return None
            n = exp.value.numerator
        powers[base.name] = powers.get(base.name, 0) + n
    return tuple(sorted((k, v) for k, v in powers.items() if v))


def _distinct_monomials(node: Expr) -> bool:
    """Whether ``node`` is a sum of monomials no two alike: a polynomial that is not 0.

    The simplifier keeps values, so such a sum never simplifies to 0 (``x - b``).
    """
    if type(node) is not Add:
        return False
    keys = set()
    for term in node.children:
        key = _monomial(term)
        if key is None or key in keys:
            return False
        keys.add(key)
    return True


def _guard(node: Expr, known: dict[Expr, int]) -> Expr | None:
    """What must be simplified to know ``node`` is defined (None: nothing to check)."""
    kind = type(node)
    if kind is Pow:
        base, exp = node.children
        if type(exp) is Num and exp.value < 0:
            if type(base) is Var or known[base] == POSITIVE or _distinct_monomials(base):
                return None
            return base
    elif kind is Call:
        row = SPELLINGS.get(node.name)  # type: ignore[attr-defined]
        if row is None or row.outside is EVERYWHERE or node.deriv:  # type: ignore[attr-defined]
            return None
        args = node.children
        if all(type(a) is Var for a in args):
            return None
        if row.name in ("log", "sqrt") and known[args[0]] >= (row.name == "log") + 1:
            return None
        return node
    return None


def check_defined(expr: Expr, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise ``DomainError`` when ``expr`` is nowhere defined (see the module docstring).

    >>> from symdiff.core.expr import Var, call
    >>> z = Var("z")
    >>> check_defined(call("log", z * (z - z)))
    Traceback (most recent call last):
    symdiff.errors.DomainError: logarithm of the non-positive number 0 in log(z*(z - z))
    """
    with _LOCK:
        if expr in _DEFINED:
            return
    _check(expr, limits)
    with _LOCK:
        _DEFINED[expr] = True


def _check(expr: Expr, limits: Limits) -> None:
    """The work of :func:`check_defined`, not remembered."""
    from . import PASSES

    owners: dict[Expr, Expr] = {}  # guard -> the node it guards
    known = signs(expr)
    for node in known:
        guard = _guard(node, known)
        if guard is not None and guard not in owners:
            owners[guard] = node
    if not owners:
        return
    guards = tuple(owners)
    passes: tuple[Pass, ...] = PASSES[:-1]
    done, _ = run(Call(GUARDS, guards), passes, limits=limits, record=False)
    for guard, simple in zip(guards, done.children, strict=True):
        node = owners[guard]
        if guard is not node:  # the base of a negative power
            if simple is ZERO:
                raise DomainError(f"division by zero in {node}: its base is 0")
            continue
        if type(simple) is not Call or simple.name != node.name:  # type: ignore[attr-defined]
            continue  # it has a value (log(1) is 0), or an identity removed it (log(exp(x)))
        row = SPELLINGS[node.name]  # type: ignore[attr-defined]
        values = [exact_of(a) for a in simple.children]
        exact = [v for v in values if v is not None]
        if len(exact) == len(values):
            outside = row.outside(exact)
            if outside is not None:
                raise DomainError(f"{outside} in {node}")
