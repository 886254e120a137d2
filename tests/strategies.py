"""Hypothesis strategies: random symdiff trees, and random input-language text.

``exprs()`` builds trees through the thin constructors only (never the parser), so
parser and printer tests can use it as ground truth.  Its functions are chosen to
be defined almost everywhere (``log(abs(u) + 1)``, ``sqrt(u^2 + 1)``), so the
oracle finds usable points; powers may divide by zero at isolated points only.

``text_exprs()`` writes strings a user could type: explicit ``*`` and ``/``,
implicit products (``3x^3z``, ``2yz``, ``2(x + 1)``, ``(x + 1)(y - 2)``), unary
minus, right-associative ``^`` with negative literal exponents (``x^-1``),
function calls, ``pi`` and ``e``.  Parentheses appear only where precedence needs
them (or around a negation following an operator).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from hypothesis import strategies as st

from symdiff.core.expr import Expr, Num, Var, add, call, mul, neg, pow_
from symdiff.core.functions import ALIASES, KNOWN
from symdiff.core.walk import variables

SearchStrategy = st.SearchStrategy

UNARY: dict[str, Callable[[Expr], Expr]] = {
    "sin": lambda u: call("sin", u),
    "cos": lambda u: call("cos", u),
    "exp": lambda u: call("exp", u),
    "log": lambda u: call("log", add(call("abs", u), Num(1))),
    "sqrt": lambda u: call("sqrt", add(pow_(u, 2), Num(1))),
    "tanh": lambda u: call("tanh", u),
    "sigmoid": lambda u: call("sigmoid", u),
    "relu": lambda u: call("relu", u),
    "abs": lambda u: call("abs", u),
}

FRACTIONS = (Fraction(1, 2), Fraction(-1, 2), Fraction(2, 3), Fraction(-3, 4), Fraction(5, 2))


def numbers() -> SearchStrategy[Expr]:
    """Small integers and simple fractions, as ``Num``."""
    return st.one_of(st.integers(-3, 5).map(Num), st.sampled_from(FRACTIONS).map(Num))


def exprs(variables: Sequence[str] = ("x", "y"), max_leaves: int = 12) -> SearchStrategy[Expr]:
    """Random expression trees over ``variables`` with at most about ``max_leaves`` leaves."""
    names = st.sampled_from([Var(v) for v in variables])
    leaves = st.one_of(names, names, numbers())  # variables twice as likely as numbers

    def extend(sub: SearchStrategy[Expr]) -> SearchStrategy[Expr]:
        some = st.lists(sub, min_size=2, max_size=3)
        pair = st.tuples(sub, sub)
        return st.one_of(
            some.map(lambda ts: add(*ts)),
            some.map(lambda fs: mul(*fs)),
            sub.map(neg),
            st.tuples(sub, st.sampled_from((2, 3, -1, -2))).map(_power),
            pair.map(_divide),
            st.tuples(st.sampled_from(sorted(UNARY)), sub).map(lambda p: UNARY[p[0]](p[1])),
            pair.map(lambda p: call("max", *_distinct(p))),
            pair.map(lambda p: call("min", *_distinct(p))),
        )

    return st.recursive(leaves, extend, max_leaves=max_leaves)


# Degenerate cases are repaired rather than filtered out: filtering a recursive
# strategy makes Hypothesis print its (huge) repr on every retry.
def _power(pair: tuple[Expr, int]) -> Expr:
    """``base^n``; a base without variables (``0``, ``0^2``: maybe zero) gets no negative power."""
    base, n = pair
    return pow_(base, -n if n < 0 and not variables(base) else n)


def _divide(pair: tuple[Expr, Expr]) -> Expr:
    top, bottom = pair
    return mul(top, pow_(add(bottom, Num(1)) if bottom is Num(0) else bottom, -1))


def _distinct(pair: tuple[Expr, Expr]) -> tuple[Expr, Expr]:
    """max(u, u) is a tie everywhere; make the second argument differ."""
    u, v = pair
    return (u, add(v, Num(1))) if u is v else (u, v)


# ----- input-language text -----------------------------------------------------
# precedence of a fragment: what it may appear inside without parentheses
SUM, PRODUCT, UNARY_MINUS, POWER, ATOM = 1, 2, 3, 4, 5
Text = tuple[str, int]


def _wrap(item: Text, minimum: int) -> str:
    text, prec = item
    if minimum <= SUM or (prec >= minimum and prec != UNARY_MINUS):
        return text
    return f"({text})"


def _monomials(variables: Sequence[str]) -> SearchStrategy[Text]:
    """Implicit products as in the book: ``3x^3z``, ``2yz``, ``5z``."""
    factor = st.tuples(st.sampled_from(variables), st.sampled_from(("", "", "^2", "^3")))
    return st.tuples(st.integers(1, 9), st.lists(factor, min_size=1, max_size=3)).map(
        lambda p: (str(p[0]) + "".join(v + e for v, e in p[1]), PRODUCT)
    )


def text_exprs(
    variables: Sequence[str] = ("x", "y", "z"), max_leaves: int = 10
) -> SearchStrategy[str]:
    """Random input strings over single-letter ``variables`` (explicit and implicit products)."""
    atoms = st.one_of(
        st.sampled_from(variables).map(lambda v: (v, ATOM)),
        st.integers(0, 12).map(lambda n: (str(n), ATOM)),
        st.sampled_from(("0.5", "2.5", "pi", "e")).map(lambda s: (s, ATOM)),
        st.sampled_from(("1/2", "3/4")).map(lambda s: (s, PRODUCT)),  # rational literals
    )
    leaves = st.one_of(atoms, atoms, _monomials(variables))
    plus = st.sampled_from((" + ", " - ", "+", "-"))
    times = st.sampled_from(("*", " * ", "/", " / "))
    exponent = st.one_of(
        st.sampled_from(("2", "3", "-1", "-2", "1/2")).map(
            lambda s: s if "/" not in s else f"({s})"
        ),
        st.sampled_from(variables),
    )
    unary = st.sampled_from(
        ("sin", "cos", "tan", "exp", "log", "ln", "sqrt", "tanh", "sigmoid", "abs", "relu", "sign")
    )

    def extend(sub: SearchStrategy[Text]) -> SearchStrategy[Text]:
        return st.one_of(
            st.tuples(sub, plus, sub).map(
                lambda p: (_wrap(p[0], SUM) + p[1] + _wrap(p[2], PRODUCT), SUM)
            ),
            st.tuples(sub, times, sub).map(
                lambda p: (_wrap(p[0], PRODUCT) + p[1] + _wrap(p[2], POWER), PRODUCT)
            ),
            st.tuples(st.integers(2, 9), sub).map(lambda p: (f"{p[0]}({p[1][0]})", PRODUCT)),
            st.tuples(sub, sub).map(lambda p: (f"({p[0][0]})({p[1][0]})", PRODUCT)),
            st.tuples(sub, exponent).map(lambda p: (_wrap(p[0], ATOM) + "^" + p[1], POWER)),
            sub.map(lambda a: ("-" + _wrap(a, POWER), UNARY_MINUS)),
            st.tuples(unary, sub).map(lambda p: (f"{p[0]}({p[1][0]})", ATOM)),
            st.tuples(
                st.sampled_from(("max", "min", "f", "g")), st.lists(sub, min_size=1, max_size=3)
            ).map(lambda p: (p[0] + "(" + ", ".join(a for a, _ in p[1]) + ")", ATOM)),
        )

    return st.recursive(leaves, extend, max_leaves=max_leaves).map(lambda item: item[0])


_DECLARED = {  # terminals that the lexer makes from words and numbers
    "NAME": st.sampled_from(["x", "y", "z", "x1", "x10", "w_12", "theta", "α", "b_1"]),
    "CONST": st.sampled_from(["e", "pi", "π"]),
    "FUNC": st.sampled_from(sorted({*KNOWN, *ALIASES})),
    "ABSTRACT": st.sampled_from(["f", "g", "h"]),
    "RATIONAL": st.sampled_from(["5/2", "1/3", "10/4"]),
    "POSITION": st.sampled_from(["1", "2", "3"]),
    "_INDICATOR_OPEN": st.just("1("),
    "_BAR_OPEN": st.just("|"),
    "_BAR_CLOSE": st.just("|"),
    "_ARG_OPEN": st.just(" "),  # an argument written without parentheses: "sin x"
    "_ARG_CLOSE": st.just(" "),
    # patterns Hypothesis could draw from, but slowly: explicit samples keep the test fast
    "NUMBER": st.sampled_from(["0", "1", "2", "3", "10", "2.5", ".5", "1e-3", "4E2"]),
    "SUPERSCRIPT": st.sampled_from(["²", "³", "⁻¹", "¹⁰", "⁺²", "ˣ", "⁻²ˣ"]),
    "PRIME": st.sampled_from(["'", "''", "′"]),
    "WS": st.sampled_from([" ", "  ", "\t", "\n"]),
}


def grammar_texts() -> SearchStrategy[str]:
    """Strings drawn from the grammar itself (``from_lark`` over its Lark object).

    The terminals the lexer makes (``%declare``: names, functions, ...) have no patterns in
    the grammar, so they are drawn from samples, as are a few slow-to-draw patterns.
    """
    from hypothesis.extra.lark import from_lark

    from symdiff.parsing.parser import grammar_object

    return from_lark(grammar_object(), explicit=_DECLARED)
