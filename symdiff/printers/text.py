"""ASCII text: the canonical form, which the parser reads back to the very same node.

``parse(to_text(e)) is e`` for every tree the parser or the constructors build, so
the printer writes exactly the structure it is given: nested sums and products keep
their parentheses, a sign is written as `` - `` only when :func:`~symdiff.core.expr.neg`
rebuilds the same node from what follows it, and nothing is simplified.  A factor
``u^-1`` after the first prints as ``/u`` (``x/y``, ``x/y^2``, ``x/(2*y)``), except
that ``5*2^-1`` stays so: ``5/2`` starting a product is the rational literal.

>>> from symdiff.core.expr import Mul, Var
>>> x, y = Var("x"), Var("y")
>>> to_text(x - 2 * y), to_text(-(x**2)), to_text(x / y), to_text(Mul((Mul((x, y)), Var("z"))))
('x - 2*y', '-x^2', 'x/y', '(x*y)*z')
"""

from __future__ import annotations

from ..core.expr import (
    ONE,
    Add,
    Call,
    Const,
    Derivative,
    Expr,
    Indicator,
    Mul,
    Num,
    Pow,
    Var,
    mul,
    neg,
)
from .emit import (
    Piece,
    emit,
    fraction_text,
    inverse_base,
    is_integer,
    is_natural,
    joined,
    leading_negative,
    paren_base,
    wrap,
)


def to_text(expr: Expr) -> str:
    """``expr`` as ASCII text that parses back to ``expr`` (``str(expr)``).

    >>> from symdiff.core.expr import Call, Indicator, Num, Pow, Var
    >>> x, y = Var("x"), Var("y")
    >>> to_text(3 * x**2 + 1), to_text(Pow(x, Num(-1))), to_text(Num("5/2"))
    ('3*x^2 + 1', 'x^-1', '5/2')
    >>> to_text(Call("g", (y, x), (1,))), to_text(Indicator(x, y))
    ("g'[2](y, x)", '1(x > y)')
    """
    return emit(expr, _expand)


def _expand(node: Expr, flags: int) -> list[Piece]:
    match node:
        case Num(value=value):
            return [fraction_text(value)]
        case Var(name=name) | Const(name=name):
            return [name]
        case Add(terms=terms):
            return _add(terms)
        case Mul():
            return _mul(node)
        case Pow(base=base, exp=exp):
            return _pow(base, exp)
        case Call():
            return [call_head(node), "(", *joined(node.args), ")"]
        case Indicator(lhs=lhs, rhs=rhs):
            return ["1(", (lhs, 0), " > ", (rhs, 0), ")"]
        case Derivative(expr=inner, var=var):
            return [f"d/d{var}[", (inner, 0), "]"]
    raise TypeError(f"cannot print {type(node).__name__}")


def call_head(node: Call) -> str:
    """The function part of a call: ``sin``, ``f'`` or ``g''[1,2]`` (1-based positions).

    >>> from symdiff.core.expr import Call, Var
    >>> x = Var("x")
    >>> call_head(Call("f", (x,), (0, 0))), call_head(Call("g", (x, x), (0, 1)))
    ("f''", "g''[1,2]")
    """
    if not node.deriv:
        return node.name
    primes = "'" * len(node.deriv)
    if len(node.args) == 1 and all(p == 0 for p in node.deriv):
        return node.name + primes
    return f"{node.name}{primes}[{','.join(str(p + 1) for p in node.deriv)}]"


def _operand(node: Expr) -> list[Piece]:
    """A term of a sum, or the operand of a unary minus: only a sum needs parentheses."""
    return wrap(node) if isinstance(node, Add) else [(node, 0)]


def _positive(node: Expr, *, one: bool) -> Expr | None:
    """The ``u`` printed after a minus sign for ``node``, if ``neg(u) is node``.

    A leading ``-1`` is dropped (``-x``); if ``neg`` would not give the node back
    that way, ``one`` allows ``1*...`` instead (``x - 1*3*y`` for ``x + (-1)*3*y``).
    """
    if isinstance(node, Num):
        return Num(-node.value) if node.value < 0 else None
    if not (isinstance(node, Mul) and len(node.factors) > 1 and leading_negative(node)):
        return None
    first, rest = node.factors[0].value, node.factors[1:]  # type: ignore[attr-defined]
    if first == -1:
        candidates = [mul(*rest), Mul((ONE, *rest))] if one else [mul(*rest)]
    else:
        candidates = [Mul((Num(-first), *rest))]
    return next((c for c in candidates if neg(c) is node), None)


def _add(terms: tuple[Expr, ...]) -> list[Piece]:
    if not terms:
        return ["0"]  # the empty sum (only a hand-built Add(()) has none)
    out = _operand(terms[0])
    for term in terms[1:]:
        positive = _positive(term, one=True)
        if positive is not None:
            out += [" - ", *_operand(positive)]
        elif leading_negative(term):
            out += [" + ", *wrap(term)]
        else:
            out += [" + ", *_operand(term)]
    return out


def _mul(node: Mul) -> list[Piece]:
    factors = node.factors
    if len(factors) < 2:  # hand-built Mul(()) or Mul((u,)): not parseable back
        return [(factors[0], 0)] if factors else ["1"]
    positive = _positive(node, one=False)
    if positive is not None:
        return ["-", *_operand(positive)]
    out: list[Piece] = []
    for i, factor in enumerate(factors):
        divisor = inverse_base(factor) if i else None
        if divisor is not None and not (i == 1 and is_natural(factors[0]) and is_natural(divisor)):
            # (a product starting "5/2" would read back as the rational literal 5/2)
            out += ["/", *_divisor(divisor)]
            continue
        if i:
            out.append("*")
        out += wrap(factor) if _paren_factor(factor, i) else [(factor, 0)]
    return out


def _paren_factor(node: Expr, index: int) -> bool:
    if isinstance(node, Num):
        return node.value < 0 or (index > 0 and node.value.denominator != 1)
    return isinstance(node, Add | Mul)


def _divisor(node: Expr) -> list[Piece]:
    """After ``/``: a power binds tighter (``x/y^2``); other compound nodes take parentheses."""
    bare = isinstance(node, Var | Const | Call | Pow) or is_natural(node)
    return [(node, 0)] if bare else wrap(node)


def _pow(base: Expr, exp: Expr) -> list[Piece]:
    out: list[Piece] = wrap(base) if paren_base(base) else [(base, 0)]
    if isinstance(exp, Num) and is_integer(exp):
        out.append("^" + fraction_text(exp.value))
    elif isinstance(exp, Var | Const | Call):
        out += ["^", (exp, 0)]
    else:
        out += ["^", *wrap(exp)]
    return out
