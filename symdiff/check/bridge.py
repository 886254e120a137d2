"""Translate symdiff expressions to SymPy, to check answers against an independent engine.

SymPy is imported inside :func:`to_sympy` only: symdiff itself never needs it.
Variables become real symbols; a known function becomes the SymPy function its row of
the function table names, or the row's formula in ``u`` where SymPy has none
(``sigmoid(u)`` is ``1/(1 + exp(-u))``, ``relu(u)`` is ``Max(u, 0)``); ``1(a > b)`` is
``Piecewise((1, a > b), (0, True))``.
A row's formula in ``u`` and ``v`` is a function of two arguments, folded left over more
(as a code template with ``{1}`` is): ``logsumexp(a, b, c)``, from ``log(exp(u) +
exp(v))``, is ``log(exp(log(exp(a) + exp(b))) + exp(c))``, which SymPy makes
``log(exp(a) + exp(b) + exp(c))`` (its ``exp(log(z))`` is ``z``).
A derivative of an abstract function, ``f'(g(x))``, is
``Subs(Derivative(f(ξ), ξ), ξ, g(x))``, which SymPy compares equal to its own
``Derivative(f(g(x)), g(x))``; with distinct variables as arguments it is the
plain ``Derivative(f(x), x)``.

>>> from symdiff.core.expr import Var, call
>>> to_sympy(call("sin", Var("x")) ** 2 + 1)
sin(x)**2 + 1
"""

from __future__ import annotations

import functools
from typing import Any

from ..core.expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
from ..core.facets import Function
from ..core.functions import SPELLINGS
from ..core.walk import postorder
from ..errors import UnsupportedError


def to_sympy(expr: Expr) -> Any:
    """The SymPy expression equal to ``expr`` (iterative: any depth, shared nodes once).

    >>> from symdiff.core.expr import Var, Num, Call, Indicator, call
    >>> x, y = Var("x"), Var("y")
    >>> to_sympy(call("sigmoid", x) + call("relu", y) + Num(1) / 2)
    Max(0, y) + 1/2 + 1/(1 + exp(-x))
    >>> to_sympy(Indicator(x, y))
    Piecewise((1, x > y), (0, True))
    >>> to_sympy(Call("f", (call("g", x),), (0,)))
    Subs(Derivative(f(_xi_1), _xi_1), _xi_1, g(x))
    >>> to_sympy(Call("f", (x, y), (0, 0, 1)))
    Derivative(f(x, y), (x, 2), y)
    """
    import sympy

    done: dict[Expr, Any] = {}
    for node in postorder(expr):
        kids = [done[c] for c in node.children]
        match node:
            case Num():
                value = sympy.Rational(node.value.numerator, node.value.denominator)
            case Var():
                value = sympy.Symbol(node.name, real=True)
            case Const():
                value = sympy.E if node.name == "e" else sympy.pi
            case Add():
                value = sympy.Add(*kids)
            case Mul():
                value = sympy.Mul(*kids)
            case Pow():
                value = sympy.Pow(kids[0], kids[1])
            case Indicator():
                value = sympy.Piecewise((1, sympy.StrictGreaterThan(*kids)), (0, True))
            case Derivative():
                value = sympy.Derivative(kids[0], sympy.Symbol(node.var, real=True))
            case Call() if node.deriv:
                value = _abstract_derivative(sympy, node, kids)
            case Call():
                row = SPELLINGS.get(node.name)
                value = (sympy.Function(node.name) if row is None else _maker(sympy, row))(*kids)
            case _:
                raise UnsupportedError(f"no SymPy translation for {type(node).__name__}")
        done[node] = value
    return done[expr]


_FORMULAS: dict[str, Any] = {}  # a row's formula in u, as SymPy, by its text


def _maker(sympy: Any, row: Function) -> Any:
    """The SymPy callable for a known function: SymPy's own, or its row's formula in ``u``."""
    if row.sympy.isidentifier():
        return getattr(sympy, row.sympy)
    body = _FORMULAS.get(row.sympy)
    if body is None:
        from ..parsing.parser import parse

        body = _FORMULAS[row.sympy] = to_sympy(parse(row.sympy))
    u = sympy.Symbol("u", real=True)
    v = sympy.Symbol("v", real=True)
    if v in body.free_symbols:  # a formula in u and v: folded left over the arguments
        return lambda *args: functools.reduce(lambda a, b: body.xreplace({u: a, v: b}), args)
    return lambda arg: body.xreplace({u: arg})


def _abstract_derivative(sympy: Any, node: Call, args: list[Any]) -> Any:
    """``f`` differentiated by argument positions ``node.deriv``, at ``args``."""
    f = sympy.Function(node.name)
    if all(a.is_Symbol for a in args) and len(set(args)) == len(args):
        return sympy.Derivative(f(*args), *(args[i] for i in node.deriv))
    xi = [sympy.Symbol(f"_xi_{i + 1}") for i in range(len(args))]
    inner = sympy.Derivative(f(*xi), *(xi[i] for i in node.deriv))
    used = sorted(set(node.deriv))
    rest = {xi[i]: args[i] for i in range(len(args)) if i not in used}
    return sympy.Subs(inner.xreplace(rest), [xi[i] for i in used], [args[i] for i in used])
