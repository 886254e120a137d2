"""The parse callbacks: one per grammar alias, building nodes while the LALR parser reduces.

A chain of terms (``a + b - c``) is collected in a list and becomes ONE n-ary ``Add`` when
the chain ends; likewise a chain of factors, explicit or implicit, is one ``Mul``.
Parentheses end a chain, so ``x*(y*z)`` stays nested.  Nothing here recurses.

A division by a literal zero (``1/0``, ``x/0.0``) and zero to a negative literal power
(``0^-1``, ``0⁻²``) are ``DomainError`` s located at the operator.

>>> b = Builder()
>>> from symdiff.core.expr import Var
>>> str(b.start([b.add([Var("x"), Var("y")])]))
'x + y'
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..core.expr import MINUS_ONE, ZERO, Add, Call, Const, Expr, Indicator, Mul, Num, Pow, Var, neg
from ..core.functions import KNOWN, SPELLINGS, arity_ok, shorthand, takes
from ..errors import DomainError, ParseError, SymdiffError, UnsupportedError
from .errors import error_at, where
from .literals import literal
from .open_chains import Factors, Terms
from .words import log_base

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789- ")
SUPERSCRIPT_LETTERS = dict(
    zip("ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ", "abcdefghijklmnoprstuvwxyz", strict=True)
)
_TRIG = frozenset({"sin", "cos", "tan", "sec", "csc", "cot"})  # whose inverses are "arc" names
_ROOTS = {"√": 2, "∛": 3, "∜": 4}


class Problem(Exception):
    """An error found while building nodes; the parser adds where it is with ``located``."""

    def __init__(self, error: type[SymdiffError], pos: int, message: str) -> None:
        super().__init__(message)
        self.error, self.pos, self.message = error, pos, message

    def located(self, text: str) -> SymdiffError:
        """The error to raise, with the line and column in ``text``."""
        if self.error is ParseError:
            return error_at(text, self.pos, self.message)
        return self.error(f"{self.message} (at {where(text, self.pos)})")


def done(value: Expr | list[Expr]) -> Expr:
    """Close a chain: the collected terms or factors become one n-ary node.

    >>> from symdiff.core.expr import Var
    >>> done(Factors([Var("x"), Var("y")])) is Var("x") * Var("y")
    True
    """
    if isinstance(value, Expr):
        return value
    return (Mul if type(value) is Factors else Add)(tuple(value))


class Builder:
    """One callback per grammar alias; each gets the rule's children as a list."""

    def start(self, c: list[Any]) -> Expr:
        return done(c[0])

    def add(self, c: list[Any]) -> Terms:
        left = c[0]
        if type(left) is Terms:
            left.append(done(c[1]))
            return left
        return Terms((done(left), done(c[1])))

    def sub(self, c: list[Any]) -> Terms:
        return self.add([c[0], neg(done(c[1]))])

    def neg(self, c: list[Any]) -> Expr:
        return neg(done(c[0]))

    def mul(self, c: list[Any]) -> Factors:
        left = c[0]
        if type(left) is Factors:
            left.append(c[1])
            return left
        return Factors((left, c[1]))

    def div(self, c: list[Any]) -> Factors:
        left, slash, right = c
        if right is ZERO:
            raise Problem(DomainError, slash.start_pos, "division by zero")
        return self.mul([left, Pow(right, MINUS_ONE)])

    def pow(self, c: list[Any]) -> Expr:
        base, op, exp = c if len(c) == 3 else (c[0], c[1], None)
        if exp is None:  # a SUPERSCRIPT token
            exp = superscript_value(op.value)
        if base is ZERO and type(exp) is Num and exp.value < 0:
            message = f"division by zero: 0 to the negative power {exp.value}"
            raise Problem(DomainError, op.start_pos, message)
        return Pow(base, exp)

    def number(self, c: list[Any]) -> Expr:
        return literal(c[0].value)

    def rational(self, c: list[Any]) -> Expr:
        return literal(c[0].value)

    def variable(self, c: list[Any]) -> Expr:
        return Var(c[0].value)

    def constant(self, c: list[Any]) -> Expr:
        return Const(c[0].value)

    def group(self, c: list[Any]) -> Expr:
        return done(c[0])

    def greater(self, c: list[Any]) -> Expr:
        return Indicator(done(c[0]), done(c[1]))

    def less(self, c: list[Any]) -> Expr:
        return Indicator(done(c[1]), done(c[0]))

    def args(self, c: list[Any]) -> tuple[Expr, ...]:
        return tuple(done(a) for a in c)

    def derivative(self, c: list[Any]) -> list[Any]:
        return c

    def call(self, c: list[Any]) -> Expr:
        token, args = c
        name, base = token.value, log_base(token.value)
        if base is not None:  # log_2(x) is log(x, 2)
            if len(args) != 1:
                message = f"{name}() takes 1 argument, not {len(args)}"
                raise Problem(UnsupportedError, token.start_pos, message)
            name, args = "log", (args[0], base)
        short = shorthand(name, len(args))
        if short is not None:
            try:
                return short.means(args)
            except UnsupportedError as exc:  # arguments the shorthand cannot stand for
                raise Problem(UnsupportedError, token.start_pos, str(exc)) from None
        if name not in KNOWN or not arity_ok(name, len(args)):
            message = f"{name}() takes {takes(name)}, not {len(args)}"
            raise Problem(UnsupportedError, token.start_pos, message)
        return Call(name, args)

    def bare_call(self, c: list[Any]) -> Expr:
        """``sin 2x``: the argument is the monomial the lexer marked."""
        return self.call([c[0], (done(c[1]),)])

    def negative(self, c: list[Any]) -> Expr:
        return Num(-Num(c[0].value).value)

    def fpower(self, c: list[Any]) -> tuple[Any, Expr]:
        """The power written on a function's name, with its token (for errors)."""
        return (c[0], c[1]) if len(c) == 2 else (c[0], superscript_value(c[0].value))

    def power_call(self, c: list[Any]) -> Expr:
        """``sin^2(x)`` is sin(x)^2; ``sin^-1(x)`` is the inverse function (arcsin)."""
        token, (op, exp), args = c
        if exp == MINUS_ONE:
            # the token, naming the inverse function (a token is a tuple of its fields)
            inverse = type(token)((token.type, _inverse(token, op), token.start_pos, token.end_pos))
            return self.call([inverse, args])
        if type(exp) is not Num or exp.value.denominator != 1 or exp.value < 1:
            shown = str(exp) if type(exp) is Num and exp.value.denominator == 1 else f"({exp})"
            name = token.value
            message = (
                f"only a positive whole power ({name}^2(x) is {name}(x)^2) or -1 (the inverse "
                f"function) may be written on a function's name; write {name}(...)^{shown}"
            )
            raise Problem(ParseError, op.start_pos, message)
        return Pow(self.call([token, args]), exp)

    def power_bare_call(self, c: list[Any]) -> Expr:
        return self.power_call([c[0], c[1], (done(c[2]),)])

    def absolute(self, c: list[Any]) -> Expr:
        return Call("abs", (done(c[0]),))

    def root(self, c: list[Any]) -> Expr:
        """``√u`` is sqrt(u); ``∛u`` is cbrt(u) where the table has it, else u^(1/3); ``∜u``."""
        sign, arg = c[0], done(c[1])
        degree = _ROOTS[sign.value]
        name = {2: "sqrt", 3: "cbrt"}.get(degree)
        if name in KNOWN:
            return Call(name, (arg,))
        return Pow(arg, Num(Fraction(1, degree)))

    def abstract(self, c: list[Any]) -> Expr:
        token, args = c[0], c[-1]
        if len(c) == 2:
            return Call(token.value, args)
        return Call(token.value, args, _positions(token.value, c[1], len(args)))


def superscript_value(text: str) -> Expr:
    """The exponent a run of superscripts stands for: ``²`` is 2, ``⁻²ˣ`` is -2x, ``ˣʸ`` is xy.

    >>> str(superscript_value("⁻²ˣ")), str(superscript_value("ᵉ"))
    ('-2*x', 'e')
    """
    letters = "".join(SUPERSCRIPT_LETTERS.get(ch, "") for ch in text)
    if not letters:
        return Num(int(text.translate(_SUPERSCRIPTS).replace(" ", "")))
    digits = "".join(ch for ch in text.translate(_SUPERSCRIPTS) if ch.isdigit())
    units: list[Expr] = [Const("e") if u == "e" else Var(u) for u in letters]
    factors = ([Num(int(digits))] if digits else []) + units
    value = factors[0] if len(factors) == 1 else Mul(tuple(factors))
    return neg(value) if text[0] == "⁻" else value


def _inverse(token: Any, op: Any) -> str:
    """The inverse function of a function (``sin`` -> ``asin``), read from the table.

    The inverse of ``f`` is the function named ``a`` + f or spelled ``arc`` + f (``asin``,
    ``arcsin``, ``asinh``, ``arcsinh``); until the table has one, an error says what was meant.
    """
    name = token.value
    for candidate in (f"a{name}", f"arc{name}", f"ar{name}"):
        if candidate in SPELLINGS:
            return SPELLINGS[candidate].name
    arc = f" (arc{name})" if name.rstrip("h") in _TRIG else ""
    raise Problem(
        UnsupportedError,
        op.start_pos,
        f"{name}^-1 is the inverse function of {name}{arc}, which symdiff does not know yet; "
        f"for the reciprocal 1/{name}(u) write {name}(u)^-1",
    )


def _positions(name: str, mark: list[Any], count: int) -> tuple[int, ...]:
    """0-based argument positions of ``f'``, ``f''``, ``g'[2]``, ``g''[1,2]``."""
    primes, given = mark[0], mark[1:]
    order = len(primes.value)
    if not given:
        if count != 1:
            message = f"{name}{primes.value} of {count} arguments needs argument positions"
            raise Problem(ParseError, primes.start_pos, f"{message}, as in {name}'[1](...)")
        return (0,) * order
    if len(given) != order:
        raise Problem(
            ParseError, primes.start_pos, f"{order} prime(s) but {len(given)} argument position(s)"
        )
    for pos in given:
        if not pos.value.isdigit() or not 1 <= int(pos.value) <= count:
            message = f"argument position {pos.value} is not one of 1..{count} of {name}"
            raise Problem(ParseError, pos.start_pos, message)
    return tuple(int(p.value) - 1 for p in given)
