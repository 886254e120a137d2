"""Book-style layout shared by the Unicode and LaTeX printers.

Sums show subtraction (``−2y + 2z``); products juxtapose where the book does (``9x²z``,
``15(2x²)⁴``) and put ``·`` elsewhere (``y·1``, ``2·sin(x)``, ``15·2⁴``); a nested
product is printed in line after a ``·`` (``15(2x²)⁴·4x``); a pending derivative
takes brackets around a sum, or around anything but a single symbol when more
factors follow it (``∂/∂x[x + y]``, ``2·∂/∂x yz``).  The subclasses supply the
glyphs: numbers, names, powers, calls and the derivative operator.

>>> from symdiff.printers.unicode import UnicodePrinter
>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> UnicodePrinter()(Mul((Num(9), Pow(Var("x"), Num(2)), Var("z"))))
'9x²z'
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..core.expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
from ..core.functions import root_index
from .emit import (
    ABS,
    FOLLOWED,
    Piece,
    emit,
    inverse_base,
    is_integer,
    is_natural,
    leading_negative,
    paren_base,
    wrap,
)
from .names import compact


class BookPrinter:
    """The layout of the book's notation; subclasses fill in the glyphs.

    >>> from symdiff.printers.unicode import UnicodePrinter
    >>> from symdiff.core.expr import Derivative, Var
    >>> UnicodePrinter(partial=True)(Derivative(Var("x") + Var("y"), "x"))
    '∂/∂x[x + y]'
    """

    MINUS, PLUS, SUB = "−", " + ", " − "
    DOT, JUX = "·", ""  # between factors: a visible dot, or juxtaposition
    OPEN, CLOSE = "(", ")"
    LBRACKET, RBRACKET = "[", "]"
    INDICATOR = "1("
    INLINE_DIVISION = True  # write u^-1 after the first factor as "/u" (else: see layout)
    GROUP_FRACTIONS = True  # parenthesize a rational factor: (3/4)x, x·(3/4)

    def __init__(self, *, partial: bool = False) -> None:
        self.partial = partial

    def __call__(self, expr: Expr) -> str:
        return emit(expr, self.expand)

    # ----- supplied by the subclasses: the glyphs ----------------------------
    def number(self, value: Fraction) -> str:
        raise NotImplementedError

    def name(self, name: str) -> str:
        raise NotImplementedError

    def const(self, name: str) -> str:
        raise NotImplementedError

    def function_name(self, name: str) -> str:  # calls and derivative labels
        raise NotImplementedError

    def d_operator(self, var: str) -> str:  # d/dx or ∂/∂x
        raise NotImplementedError

    def power(self, base: Expr, exp: Expr) -> list[Piece]:
        raise NotImplementedError

    def call(self, node: Call) -> list[Piece]:
        raise NotImplementedError

    # ----- shared layout -----------------------------------------------------
    def expand(self, node: Expr, flags: int) -> list[Piece]:
        """The pieces of one node (see :mod:`symdiff.printers.emit`)."""
        match node:
            case Num(value=value):
                return [self.number(abs(value) if flags & ABS else value)]
            case Var(name=name):
                return [self.name(name)]
            case Const(name=name):
                return [self.const(name)]
            case Add(terms=terms):
                return self.add(terms)
            case Mul(factors=factors):
                return self.mul(factors, flags)
            case Pow(base=base, exp=exp):
                if _negative_power(node):
                    return self.fraction(*_split(node))
                return self.power(base, exp)
            case Call():
                return self.call(node)
            case Indicator(lhs=lhs, rhs=rhs):
                return [self.INDICATOR, (lhs, 0), " > ", (rhs, 0), ")"]
            case Derivative(expr=inner, var=var):
                return self.derivative(inner, var, flags)
        raise TypeError(f"cannot print {type(node).__name__}")

    def group(self, node: Expr) -> list[Piece]:
        """``node`` in parentheses."""
        return wrap(node, 0, self.OPEN, self.CLOSE)

    def paren_base(self, node: Expr) -> bool:
        """Whether ``node`` needs parentheses as the base of a power."""
        return paren_base(node)

    def add(self, terms: tuple[Expr, ...]) -> list[Piece]:
        """Terms joined by + and −; a nested sum in parentheses."""
        out: list[Piece] = [] if terms else ["0"]
        for i, term in enumerate(terms):
            if i and leading_negative(term):
                out += [self.SUB, (term, ABS)]
                continue
            if i:
                out.append(self.PLUS)
            out += self.group(term) if isinstance(term, Add) else [(term, 0)]
        return out

    def mul(self, factors: tuple[Expr, ...], flags: int) -> list[Piece]:
        """A leading negative number becomes the sign (−1 disappears), then the layout."""
        if len(factors) < 2:  # only a hand-built Mul has fewer than two factors
            return [(factors[0], flags)] if factors else ["1"]
        items = list(factors)
        out: list[Piece] = []
        first = items[0]
        if isinstance(first, Num) and first.value < 0:
            if not flags & ABS:
                out.append(self.MINUS)
            if first.value == -1:
                del items[0]
            else:
                items[0] = Num(-first.value)
        return out + self.layout(items, flags & FOLLOWED)

    def layout(self, items: Sequence[Expr], followed: int) -> list[Piece]:
        """The factors of a product, without its sign: in line, or as a fraction.

        A product with a factor ``u^-k`` is printed as a textbook fraction with positive
        exponents (:func:`fraction_parts`): ``(x² − 2x − 1)/(x − 1)²``, ``1/(2√x)``.
        """
        parts = fraction_parts(items)
        if parts is None:
            return self.product(items, followed)
        return self.fraction(*parts)

    def fraction(self, above: Sequence[Expr], below: Sequence[Expr]) -> list[Piece]:
        """``above/below`` in line: a compound denominator in parentheses."""
        # the numerator is followed by "/": a derivative in it takes brackets (d/dx[u]/v)
        top = self.group(above[0]) if _grouped_numerator(above) else self.product(above, FOLLOWED)
        if len(below) == 1 and _bare_divisor(below[0]):
            return [*top, "/", (below[0], 0)]
        return [*top, "/", *self.group_product(below)]

    def group_product(self, items: Sequence[Expr]) -> list[Piece]:
        """Factors in parentheses (one factor: that node)."""
        if len(items) == 1:
            return self.group(items[0])
        return [self.OPEN, *self.product(items, 0), self.CLOSE]

    def product(self, items: Sequence[Expr], followed: int) -> list[Piece]:
        """Factors with juxtaposition, ``·`` or ``/`` between them."""
        out: list[Piece] = []
        lead: str | None = None  # what the previous factor was: "num", "var" or other
        last = len(items) - 1
        for i, item in enumerate(items):
            divisor = inverse_base(item) if i and self.INLINE_DIVISION else None
            if divisor is not None:
                bare = isinstance(divisor, Var | Const | Call) or is_natural(divisor)
                bare = bare or (isinstance(divisor, Pow) and is_integer(divisor.exp))
                out += ["/", *([(divisor, 0)] if bare else self.group(divisor))]
                lead = None
                continue
            if i:
                out.append(self.JUX if self.juxtaposes(lead, item) else self.DOT)
            out += self.factor(item, i, FOLLOWED if i < last or followed else 0)
            lead = _lead(item, i)
        return out

    def factor(self, item: Expr, index: int, tail: int) -> list[Piece]:
        """One factor; ``tail`` is FOLLOWED when more factors come after it."""
        if isinstance(item, Add) or (isinstance(item, Mul) and leading_negative(item)):
            return self.group(item)
        if isinstance(item, Num) and (
            item.value < 0 or (self.GROUP_FRACTIONS and item.value.denominator != 1)
        ):
            return self.group(item)
        return [(item, tail if isinstance(item, Mul | Derivative) else 0)]

    def juxtaposes(self, lead: str | None, item: Expr) -> bool:
        """Whether ``item`` follows the previous factor with no ``·``."""
        if lead == "num":  # a number other than 1: "1(x + 1)" and "1e^x" would mislead
            if root_index(item):
                return True  # 2√x, 2∛x
            if isinstance(item, Var | Const | Add):
                return True
            if isinstance(item, Pow):
                return isinstance(item.base, Var | Const) or self.paren_base(item.base)
        if lead == "var":
            if root_index(item):
                return True  # x√x, x∛x
            name = item.base if isinstance(item, Pow) else item
            return isinstance(name, Var) and compact(name.name)
        return False

    def derivative(self, inner: Expr, var: str, flags: int) -> list[Piece]:
        """``d/dx u``; ``d/dx[u]`` for a sum, a signed ``u``, or any ``u`` more factors follow.

        A product takes brackets unless it reads as one juxtaposed term (``2x²``,
        ``yz``): ``d/dx[x²·sin(x)]``, never ``d/dx x²·sin(x)``; and a derivative with
        factors after it is bracketed whatever it is, ``d/dx[x]·(x + 1)``, so that
        it never reads as the derivative of the whole product.
        """
        dotted = isinstance(inner, Mul) and not all(map(_monomial_factor, inner.factors))
        if (
            isinstance(inner, Add)
            or dotted
            or leading_negative(inner)
            or _prints_as_fraction(inner)
            or flags & FOLLOWED
        ):
            return [self.d_operator(var), self.LBRACKET, (inner, 0), self.RBRACKET]
        return [self.d_operator(var), " ", (inner, 0)]

    def label(self, arg: Expr) -> str | None:
        """What an argument is called in ∂g/∂h: a variable's or function's name."""
        if isinstance(arg, Var):
            return self.name(arg.name)
        if isinstance(arg, Call):
            return self.function_name(arg.name)
        return None


def fraction_parts(items: Sequence[Expr]) -> tuple[list[Expr], list[Expr]] | None:
    """The numerator and denominator factors of a product with negative powers, or None.

    Each factor ``u^-k`` (a negative number ``-k`` as exponent) goes below as ``u^k``
    (``u`` when ``k`` is 1); when there is one, a rational coefficient ``p/q`` puts ``p``
    above (unless it is 1) and ``q`` in front below.  An empty numerator is ``1``.

    >>> from symdiff.core.expr import Call, Num, Pow, Var
    >>> x = Var("x")
    >>> fraction_parts([Num("1/2"), Pow(Call("sqrt", (x,)), Num(-1))])
    ([<Num 1>], [<Num 2>, <Call sqrt(x)>])
    >>> fraction_parts([Num(2), x]) is None
    True
    """
    if not any(_negative_power(item) for item in items):
        return None
    above: list[Expr] = []
    below: list[Expr] = []
    for item in items:
        if _negative_power(item):
            below.append(_positive_power(item))
        elif isinstance(item, Num) and item.value.denominator != 1:
            if item.value.numerator != 1:
                above.append(Num(item.value.numerator))
            below.insert(0, Num(item.value.denominator))
        else:
            above.append(item)
    return (above or [Num(1)]), below


# the functions whose powers textbooks write on the name: sin²(x), sec²(x), cosh³(x)
POWER_ON_NAME = frozenset(
    ("sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech", "csch", "coth")
)


def power_of_call(base: Expr, exp: Expr) -> bool:
    """Whether ``base^exp`` prints as ``sin²(x)``: a trig or hyperbolic function, a power > 1.

    >>> from symdiff.core.expr import Call, Num, Var
    >>> s = Call("sin", (Var("x"),))
    >>> power_of_call(s, Num(2)), power_of_call(s, Num(-1)), power_of_call(Var("x"), Num(2))
    (True, False, False)
    """
    return (
        isinstance(base, Call)
        and not base.deriv
        and base.name in POWER_ON_NAME
        and isinstance(exp, Num)
        and exp.value.denominator == 1
        and exp.value > 1
    )


def _positive_power(item: Expr) -> Expr:
    """``u^k`` for the factor ``u^-k`` (``u`` for ``u^-1``)."""
    exp = -item.exp.value  # type: ignore[attr-defined]
    return item.base if exp == 1 else Pow(item.base, Num(exp))  # type: ignore[attr-defined]


def _split(node: Expr) -> tuple[list[Expr], list[Expr]]:
    """A lone ``u^-k`` as the fraction ``1/u^k``."""
    return [Num(1)], [_positive_power(node)]


def _prints_as_fraction(node: Expr) -> bool:
    """Whether ``node`` prints with a fraction bar (a bracket keeps ``d/dx[1/x]`` clear)."""
    if isinstance(node, Mul):
        return any(map(_negative_power, node.factors))
    return _negative_power(node)


def _negative_power(item: Expr) -> bool:
    """``u^-k`` with a negative number ``-k``: printed in a denominator as ``u^k``."""
    return isinstance(item, Pow) and isinstance(item.exp, Num) and item.exp.value < 0


def _grouped_numerator(above: Sequence[Expr]) -> bool:
    """A lone sum above a fraction bar takes parentheses: ``(x + 1)/x``."""
    return len(above) == 1 and isinstance(above[0], Add)


def _bare_divisor(node: Expr) -> bool:
    """What may follow ``/`` without parentheses: a symbol, call, natural number or power.

    A power binds tighter than ``/``: ``1/x^(1/2)``, ``1/(x − 1)²``.
    """
    return isinstance(node, Var | Const | Call | Pow) or is_natural(node)


def _monomial_factor(item: Expr) -> bool:
    """A number, a symbol or a symbol's numeric power: what juxtaposes in ``3x²z``."""
    if isinstance(item, Pow) and isinstance(item.exp, Num):
        item = item.base
    return isinstance(item, Num | Var | Const)


def _lead(item: Expr, index: int) -> str | None:
    """What may follow ``item`` without a dot: ``num`` or ``var`` rules, or None.

    ``num`` is a number other than 1 (a rational only in front); ``var`` a one-letter
    variable or its integer power.
    """
    if isinstance(item, Num) and item.value == 1:
        return None  # 1·(x + 1), 1·e^x: not an indicator, not scientific notation
    if is_natural(item) or (index == 0 and isinstance(item, Num) and item.value > 0):
        return "num"
    if isinstance(item, Pow) and is_integer(item.exp):
        item = item.base
    return "var" if isinstance(item, Var) and compact(item.name) else None
