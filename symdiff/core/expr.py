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

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

from .entries import Entry
from .interning import GONE, file
from .multiple import Multiple
from .numbers import Scalar, to_fraction
from .pickling import reduce_node

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
    # (a plain attribute read, the hottest access of every walk; a sum's, product's or
    # call's holds the very tuple of its terms, factors or arguments).
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
    def __reduce__(self) -> tuple[Any, ...]:
        return reduce_node(self)

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
        key: int | tuple[int, int]
        if type(value) is int:
            key = value
        else:
            exact = to_fraction(value)
            key = exact.numerator if exact.denominator == 1 else exact.as_integer_ratio()
        found = _NUMS.get(key, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_num_value(node, Fraction(key) if isinstance(key, int) else Fraction(*key))
        return file(_NUMS, key, node)


class Var(Expr):
    """A variable, named by a string (``x``, ``w_12``, ``alpha``).

    >>> Var("x") is Var("x")
    True
    """

    __slots__ = ("name",)
    _fields = ("name",)
    name: str

    def __new__(cls, name: str) -> Var:
        found = _VARS.get(name, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_var_name(node, name)
        return file(_VARS, name, node)


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
        found = _CONSTS.get(name, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_const_name(node, name)
        return file(_CONSTS, name, node)


class Add(Expr):
    """A sum of two or more terms, in order (``a - b`` is ``Add(a, -1*b)``).

    >>> len(Add((Var("x"), Var("y"), Num(1))).terms)
    3
    """

    __slots__ = ("children",)
    _fields = ("terms",)
    children: tuple[Expr, ...]

    @property
    def terms(self) -> tuple[Expr, ...]:
        """The terms: the children (see ``_ALIASES`` below)."""
        return self.children

    def __new__(cls, terms: Iterable[Expr]) -> Add:
        key = terms if type(terms) is tuple else tuple(terms)
        found = _ADDS.get(key, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_add_children(node, key)
        return file(_ADDS, key, node)

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """A sum of the given terms."""
        return Add.__new__(Add, children)


class Mul(Expr):
    """A product of two or more factors, in order (``a/b`` is ``a*b^-1``).

    >>> len(Mul((Num(2), Var("x"))).factors)
    2
    """

    __slots__ = ("children",)
    _fields = ("factors",)
    children: tuple[Expr, ...]

    @property
    def factors(self) -> tuple[Expr, ...]:
        """The factors: the children (see ``_ALIASES`` below)."""
        return self.children

    def __new__(cls, factors: Iterable[Expr]) -> Mul:
        key = factors if type(factors) is tuple else tuple(factors)
        found = _MULS.get(key, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_mul_children(node, key)
        return file(_MULS, key, node)

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
    children: tuple[Expr, ...]

    def __new__(cls, base: Expr, exp: Expr) -> Pow:
        key = (base, exp)
        found = _POWS.get(key, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_pow_base(node, base)
        _put_pow_exp(node, exp)
        _put_pow_children(node, key)
        return file(_POWS, key, node)

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

    __slots__ = ("children", "deriv", "name")
    _fields = ("name", "args", "deriv")
    name: str
    deriv: tuple[int, ...]
    children: tuple[Expr, ...]

    @property
    def args(self) -> tuple[Expr, ...]:
        """The arguments: the children (see ``_ALIASES`` below)."""
        return self.children

    def __new__(cls, name: str, args: Iterable[Expr], deriv: Iterable[int] = ()) -> Call:
        arguments = args if type(args) is tuple else tuple(args)
        order = tuple(sorted(deriv)) if deriv else ()
        key = (name, arguments, order)
        found = _CALLS.get(key, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_call_name(node, name)
        _put_call_children(node, arguments)
        _put_call_deriv(node, order)
        return file(_CALLS, key, node)

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
    children: tuple[Expr, ...]

    def __new__(cls, lhs: Expr, rhs: Expr) -> Indicator:
        key = (lhs, rhs)
        found = _INDICATORS.get(key, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_indicator_lhs(node, lhs)
        _put_indicator_rhs(node, rhs)
        _put_indicator_children(node, key)
        return file(_INDICATORS, key, node)

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
    children: tuple[Expr, ...]

    def __new__(cls, expr: Expr, var: str) -> Derivative:
        key = (expr, var)
        found = _DERIVATIVES.get(key, GONE)()
        if found is not None:
            return found
        node = object.__new__(cls)
        _put_derivative_expr(node, expr)
        _put_derivative_var(node, var)
        _put_derivative_children(node, (expr,))
        return file(_DERIVATIVES, key, node)

    def rebuild(self, children: tuple[Expr, ...]) -> Expr:
        """The same pending derivative of a new expression."""
        return Derivative.__new__(Derivative, children[0], self.var)


# ----- a sum's terms, a product's factors, a call's arguments: its children ---------------
# One slot, read under both names: the class attribute is the children slot's own descriptor,
# so reading ``terms`` is a plain slot read (the property above is what compiled code reads,
# and what type checkers see).
_ALIASES = ((Add, "terms"), (Mul, "factors"), (Call, "args"))
for _cls, _name in _ALIASES:
    setattr(_cls, _name, vars(_cls)["children"])


# ----- how a constructor sets the fields of its new node ---------------------------------
# Nodes refuse ``setattr``: a constructor writes each field of its new node with the
# field's own setter, a C call (the slot's; in the compiled build, the attribute's).


def _setter(cls: type[Expr], field: str) -> Callable[[Any, Any], None]:
    """The setter of ``cls``'s field ``field``: its descriptor's ``__set__``."""
    owner = next(k for k in cls.__mro__ if field in vars(k))
    setter: Callable[[Any, Any], None] = vars(owner)[field].__set__
    return setter


_put_add_children = _setter(Add, "children")
_put_call_children = _setter(Call, "children")
_put_call_deriv = _setter(Call, "deriv")
_put_call_name = _setter(Call, "name")
_put_const_name = _setter(Const, "name")
_put_derivative_children = _setter(Derivative, "children")
_put_derivative_expr = _setter(Derivative, "expr")
_put_derivative_var = _setter(Derivative, "var")
_put_indicator_children = _setter(Indicator, "children")
_put_indicator_lhs = _setter(Indicator, "lhs")
_put_indicator_rhs = _setter(Indicator, "rhs")
_put_mul_children = _setter(Mul, "children")
_put_num_value = _setter(Num, "value")
_put_pow_base = _setter(Pow, "base")
_put_pow_children = _setter(Pow, "children")
_put_pow_exp = _setter(Pow, "exp")
_put_var_name = _setter(Var, "name")


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
