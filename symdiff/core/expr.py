"""Expression nodes: immutable, hash-consed values forming a DAG.

Equal trees are one object (interning), so equality is identity and hashing is
O(1).  Large expressions (network losses) repeat subtrees; memoized walks over
:func:`postorder` visit each distinct node once and never recurse, so depth is
bounded by memory, not by Python's call stack.

>>> x, y = Var("x"), Var("y")
>>> Add((Pow(x, Num(2)), y)) is Add((Pow(x, Num(2)), y))
True
>>> Mul((Num(3), x)).factors[0].value
Fraction(3, 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

from .interning import GONE, Entry, intern
from .multiple import Multiple
from .numbers import Scalar, to_fraction
from .pickling import reduce_node

_set = object.__setattr__


# ----- one table per node class (see interning.py) ---------------------------------
_NUMS: dict[int | tuple[int, int], Entry[Num]] = {}
_VARS: dict[str, Entry[Var]] = {}
_CONSTS: dict[str, Entry[Const]] = {}
_ADDS: dict[tuple[Expr, ...], Entry[Add]] = {}
_MULS: dict[tuple[Expr, ...], Entry[Mul]] = {}
_POWS: dict[tuple[Expr, Expr], Entry[Pow]] = {}
_CALLS: dict[tuple[str, tuple[Expr, ...], tuple[int, ...]], Entry[Call]] = {}
_INDICATORS: dict[tuple[Expr, Expr], Entry[Indicator]] = {}
_DERIVATIVES: dict[tuple[Expr, str], Entry[Derivative]] = {}


class Expr:
    """Base class of every expression node.

    Nodes are immutable; use the constructors in this module (or the Python
    operators) to build new ones.

    >>> x = Var("x")
    >>> str(3 * x**2 + 1)
    '3*x^2 + 1'
    >>> [str(c) for c in Add((x, Num(1))).children]
    ['x', '1']
    """

    __slots__ = ("__weakref__",)
    _fields: ClassVar[tuple[str, ...]] = ()
    # The direct sub-expressions, in order: () here, a slot in the classes with children
    # (a plain attribute read, the hottest access of every walk).
    children: tuple[Expr, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    # Equality and hashing are object identity (the defaults): interning makes
    # equal trees one object, so both are O(1).  Hash values are never used for
    # ordering, so output does not depend on PYTHONHASHSEED.

    # Pickling (pickling.py) writes each distinct node once, at any depth, and loading
    # builds through the constructors, so a loaded node is the interned one.  Copying
    # gives the node itself: it is immutable.
    __reduce__ = reduce_node

    def __copy__(self) -> Expr:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Expr:
        return self

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """The same kind of node over new children (same arity).

        >>> str(Pow(Var("x"), Num(2)).rebuild((Var("y"), Num(3))))
        'y^3'
        """
        return self

    # ----- printing --------------------------------------------------------
    def __str__(self) -> str:
        from ..printers import render  # refuses more than max_output_chars before printing

        return render(self, "text")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self}>"

    def _repr_latex_(self) -> str:
        from ..printers import render

        return f"${render(self, 'latex')}$"

    # ----- evaluation and bridges -----------------------------------------
    def evaluate(
        self, env: Mapping[str, Scalar | Multiple] | None = None
    ) -> Fraction | Multiple | float:
        """Value at a point: exact (``Fraction``, or ``Multiple``: ``pi/2``) where possible.

        Else a ``float``.

        >>> (Var("x") ** 2 + 1).evaluate({"x": 3})
        Fraction(10, 1)
        """
        from .evaluate import evaluate

        return evaluate(self, env or {})

    def to_sympy(self) -> Any:
        """The same expression as a SymPy object (imports SymPy lazily).

        Used only to check answers; the engine never computes with SymPy.
        """
        from ..check.bridge import to_sympy

        return to_sympy(self)

    # ----- Python operators (flatten left-nested sums and products) --------
    # Here and in ``rebuild``, ``Add.__new__(Add, ...)`` rather than ``Add(...)``: the same
    # node without the type call's detour (about a third of the cost of finding a node).
    def __add__(self, other: object) -> Expr:
        o = other if isinstance(other, Expr) else as_expr(other)
        return Add.__new__(Add, (*self.terms, o) if type(self) is Add else (self, o))

    def __radd__(self, other: object) -> Expr:
        return Add.__new__(Add, (as_expr(other), self))

    def __sub__(self, other: object) -> Expr:
        return self + neg(as_expr(other))

    def __rsub__(self, other: object) -> Expr:
        return Add.__new__(Add, (as_expr(other), neg(self)))

    def __mul__(self, other: object) -> Expr:
        o = other if isinstance(other, Expr) else as_expr(other)
        return Mul.__new__(Mul, (*self.factors, o) if type(self) is Mul else (self, o))

    def __rmul__(self, other: object) -> Expr:
        return Mul.__new__(Mul, (as_expr(other), self))

    def __truediv__(self, other: object) -> Expr:
        return self * Pow.__new__(Pow, as_expr(other), MINUS_ONE)

    def __rtruediv__(self, other: object) -> Expr:
        return Mul.__new__(Mul, (as_expr(other), Pow.__new__(Pow, self, MINUS_ONE)))

    def __pow__(self, other: object) -> Expr:
        return Pow.__new__(Pow, self, as_expr(other))

    def __rpow__(self, other: object) -> Expr:
        return Pow.__new__(Pow, as_expr(other), self)

    def __neg__(self) -> Expr:
        return neg(self)

    def __pos__(self) -> Expr:
        return self


class Num(Expr):
    """An exact rational number.

    >>> Num(2.5).value
    Fraction(5, 2)
    """

    __slots__ = ("value",)
    _fields = ("value",)
    value: Fraction

    def __new__(cls, value: Scalar | str) -> Num:
        # filed under the int itself when integral, else (numerator, denominator)
        if type(value) is int:
            return _NUMS.get(value, GONE)() or intern(_NUMS, value, Num, _fill_num)
        exact = to_fraction(value)
        key = exact.numerator if exact.denominator == 1 else exact.as_integer_ratio()
        return _NUMS.get(key, GONE)() or intern(_NUMS, key, Num, _fill_num)


def _fill_num(node: Num, key: int | tuple[int, int]) -> None:
    _set(node, "value", Fraction(key) if isinstance(key, int) else Fraction(*key))


class Var(Expr):
    """A variable, named by a string (``x``, ``w_12``, ``alpha``).

    >>> Var("x") is Var("x")
    True
    """

    __slots__ = ("name",)
    _fields = ("name",)
    name: str

    def __new__(cls, name: str) -> Var:
        return _VARS.get(name, GONE)() or intern(_VARS, name, Var, _put_name)


class Const(Expr):
    """A named mathematical constant: ``e`` or ``pi``.

    >>> Const("pi").name
    'pi'
    """

    __slots__ = ("name",)
    _fields = ("name",)
    name: str

    NAMES: ClassVar[tuple[str, ...]] = ("e", "pi")

    def __new__(cls, name: str) -> Const:
        if name not in cls.NAMES:
            raise ValueError(f"unknown constant {name!r}")
        return _CONSTS.get(name, GONE)() or intern(_CONSTS, name, Const, _put_const_name)


class Add(Expr):
    """A sum of two or more terms, in order (``a - b`` is ``Add(a, -1*b)``).

    >>> len(Add((Var("x"), Var("y"), Num(1))).terms)
    3
    """

    __slots__ = ("terms",)
    _fields = ("terms",)
    terms: tuple[Expr, ...]

    def __new__(cls, terms: tuple[Expr, ...]) -> Add:
        if type(terms) is not tuple:
            terms = tuple(terms)
        return _ADDS.get(terms, GONE)() or intern(_ADDS, terms, Add, _put_terms)

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """A sum of the given terms."""
        return Add.__new__(Add, children)


class Mul(Expr):
    """A product of two or more factors, in order (``a/b`` is ``a*b^-1``).

    >>> len(Mul((Num(2), Var("x"))).factors)
    2
    """

    __slots__ = ("factors",)
    _fields = ("factors",)
    factors: tuple[Expr, ...]

    def __new__(cls, factors: tuple[Expr, ...]) -> Mul:
        if type(factors) is not tuple:
            factors = tuple(factors)
        return _MULS.get(factors, GONE)() or intern(_MULS, factors, Mul, _put_factors)

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """A product of the given factors."""
        return Mul.__new__(Mul, children)


class Pow(Expr):
    """``base ^ exp``.

    >>> str(Pow(Var("x"), Num(-1)))
    'x^-1'
    """

    __slots__ = ("base", "children", "exp")
    _fields = ("base", "exp")
    base: Expr
    exp: Expr

    def __new__(cls, base: Expr, exp: Expr) -> Pow:
        key = (base, exp)
        return _POWS.get(key, GONE)() or intern(_POWS, key, Pow, _fill_pow)

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """A power over the given base and exponent."""
        return Pow.__new__(Pow, children[0], children[1])


class Call(Expr):
    """A function applied to arguments: ``sin(x)``, ``max(a, b, c)``, ``f(g(x))``.

    ``deriv`` marks a derivative of an abstract function by argument position
    (0-based, sorted): ``f'(u)`` is ``Call("f", (u,), (0,))`` and
    ``∂g/∂h (y, h)`` is ``Call("g", (y, h), (1,))``.

    >>> Call("f", (Var("x"),), (0,)).deriv
    (0,)
    """

    __slots__ = ("args", "deriv", "name")
    _fields = ("name", "args", "deriv")
    name: str
    args: tuple[Expr, ...]
    deriv: tuple[int, ...]

    def __new__(cls, name: str, args: tuple[Expr, ...], deriv: tuple[int, ...] = ()) -> Call:
        if type(args) is not tuple:
            args = tuple(args)
        deriv = tuple(sorted(deriv)) if deriv else ()
        key = (name, args, deriv)
        return _CALLS.get(key, GONE)() or intern(_CALLS, key, Call, _fill_call)

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """The same function over new arguments."""
        return Call.__new__(Call, self.name, children, self.deriv)


class Indicator(Expr):
    """``1(lhs > rhs)``: 1 where ``lhs > rhs`` holds strictly, else 0.

    >>> Indicator(Var("x"), Num(0)).evaluate({"x": 0})
    Fraction(0, 1)
    """

    __slots__ = ("children", "lhs", "rhs")
    _fields = ("lhs", "rhs")
    lhs: Expr
    rhs: Expr

    def __new__(cls, lhs: Expr, rhs: Expr) -> Indicator:
        key = (lhs, rhs)
        return _INDICATORS.get(key, GONE)() or intern(_INDICATORS, key, Indicator, _fill_indicator)

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """The indicator of the new comparison."""
        return Indicator.__new__(Indicator, children[0], children[1])


class Derivative(Expr):
    """A pending derivative ``d/d var [expr]``, as it appears in derivation lines.

    The differentiator never returns one; derivation records use them for the
    parts of a line that later lines rewrite.

    >>> Derivative(Var("x"), "x").var
    'x'
    """

    __slots__ = ("children", "expr", "var")
    _fields = ("expr", "var")
    expr: Expr
    var: str

    def __new__(cls, expr: Expr, var: str) -> Derivative:
        key = (expr, var)
        return _DERIVATIVES.get(key, GONE)() or intern(
            _DERIVATIVES, key, Derivative, _fill_derivative
        )

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """The same pending derivative of a new expression."""
        return Derivative.__new__(Derivative, children[0], self.var)


# The children of a sum, product or call are its terms, factors or arguments: the same slot
# (its descriptor, read from the class dictionary, serves under both names).
_TERMS, _FACTORS, _ARGS = vars(Add)["terms"], vars(Mul)["factors"], vars(Call)["args"]
Add.children, Mul.children, Call.children = _TERMS, _FACTORS, _ARGS


# ----- how _intern sets the fields of a new node of each class, from its key ---------------
# The slot setters of one-field classes (the key is the field) are C calls.
_put_terms, _put_factors, _put_args = _TERMS.__set__, _FACTORS.__set__, _ARGS.__set__
_put_name, _put_const_name = vars(Var)["name"].__set__, vars(Const)["name"].__set__


def _fill_pow(node: Pow, key: tuple[Expr, Expr]) -> None:
    _set(node, "base", key[0])
    _set(node, "exp", key[1])
    _set(node, "children", key)


def _fill_call(node: Call, key: tuple[str, tuple[Expr, ...], tuple[int, ...]]) -> None:
    _set(node, "name", key[0])
    _put_args(node, key[1])
    _set(node, "deriv", key[2])


def _fill_indicator(node: Indicator, key: tuple[Expr, Expr]) -> None:
    _set(node, "lhs", key[0])
    _set(node, "rhs", key[1])
    _set(node, "children", key)


def _fill_derivative(node: Derivative, key: tuple[Expr, str]) -> None:
    _set(node, "expr", key[0])
    _set(node, "var", key[1])
    _set(node, "children", (key[0],))


# ----- thin constructors -------------------------------------------------------
def as_expr(value: object) -> Expr:
    """Wrap Python numbers as ``Num``; pass expressions through.

    >>> as_expr(2) is Num(2)
    True
    """
    if isinstance(value, Expr):
        return value
    if isinstance(value, int | float | Fraction | Decimal):
        return Num(value)
    raise TypeError(f"cannot make an expression of {type(value).__name__}")


ZERO = Num(0)
ONE = Num(1)
MINUS_ONE = Num(-1)


def add(*terms: Expr) -> Expr:
    """A sum; unwraps a single term, and the empty sum is 0.

    >>> str(add(Var("x"))), str(add())
    ('x', '0')
    """
    if not terms:
        return ZERO
    return terms[0] if len(terms) == 1 else Add.__new__(Add, terms)


def mul(*factors: Expr) -> Expr:
    """A product; unwraps a single factor, and the empty product is 1.

    >>> str(mul(Num(2), Var("x"))), str(mul())
    ('2*x', '1')
    """
    if not factors:
        return ONE
    return factors[0] if len(factors) == 1 else Mul.__new__(Mul, factors)


def pow_(base: Expr, exp: Expr | int) -> Expr:
    """``base ^ exp`` (an ``int`` exponent is wrapped as ``Num``).

    >>> str(pow_(Var("x"), 3))
    'x^3'
    """
    return Pow.__new__(Pow, base, as_expr(exp))


def neg(u: Expr) -> Expr:
    """``-u`` with the sign on the leading number: ``-(2x)`` is ``(-2)*x``.

    >>> str(neg(Num(3))), str(neg(Mul((Num(2), Var("x"))))), str(neg(Var("x")))
    ('-3', '-2*x', '-x')
    """
    if isinstance(u, Num):
        return Num.__new__(Num, -u.value)
    if isinstance(u, Mul):
        first = u.factors[0]
        if isinstance(first, Num):
            return Mul.__new__(Mul, (Num.__new__(Num, -first.value), *u.factors[1:]))
        return Mul.__new__(Mul, (MINUS_ONE, *u.factors))
    return Mul.__new__(Mul, (MINUS_ONE, u))


def call(name: str, *args: Expr) -> Expr:
    """A function application.

    >>> str(call("sin", Var("x")))
    'sin(x)'
    """
    return Call.__new__(Call, name, args)
