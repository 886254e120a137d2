"""Names in a derivation: rules in words, and derivatives as the book writes them.

>>> rule_name("chain:sin"), derivative_label("f", "xy", True, "unicode")
('chain rule with sin', '∂²f/∂y∂x')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..core.expr import ZERO, Call, Mul, Num, Var, mul
from ..core.functions import FUNCTIONS
from ..simplifier import PASSES
from .names import SUPERSCRIPT, latex_name, runs, unicode_name
from .text import to_text
from .unicode import to_unicode

__all__ = ["RULE_NAMES", "derivative_label", "latex_text", "rule_name", "rule_statement"]

RULE_NAMES: dict[str, str] = {
    "constant": "constant",
    "variable": "variable",
    "sum": "sum",
    "constant-multiple": "constant multiple",
    "product": "product",
    "quotient": "quotient",
    "power": "power",
    "exponential": "exponential",
    "general-power": "general power",
    "logarithmic-differentiation": "logarithmic differentiation: ln y = v·ln u, y' = y·(v·ln u)'",
    "abstract": "abstract function",
    "indicator": "indicator (piecewise constant)",
    "max": "max: 1(u > v), taken as 0 at a tie",
    "min": "min: 1(u < v), taken as 0 at a tie",
    "logsumexp": "logsumexp: exp(u - logsumexp(u, v, ...)), the softmax",
    "floor": "floor: 0, except where u is a whole number (floor jumps there: no derivative)",
    "ceil": "ceil: 0, except where u is a whole number (ceil jumps there: no derivative)",
    "arithmetic": "arithmetic",
    **{p.id: p.title for p in PASSES},  # the simplifier's rules: titles from its table
}


def rule_name(rule_id: str) -> str:
    """Human name of a rule id (``chain:sin`` is "chain rule with sin").

    >>> rule_name("chain:power"), rule_name("constant-multiple"), rule_name("chain:asin")
    ('chain rule with power', 'constant multiple', 'chain rule with arcsin')
    """
    if rule_id.startswith("chain:"):
        return f"chain rule with {rule_name(rule_id[6:])}"
    row = FUNCTIONS.get(rule_id)
    if row is not None and rule_id not in RULE_NAMES:
        # as the function is printed (arcsin for asin), in plain letters: gamma, not Γ
        return row.unicode if row.unicode.isascii() else row.name
    return RULE_NAMES.get(rule_id, rule_id.replace("-", " "))


def rule_statement(rule_id: str, fmt: str) -> str | None:
    """The rule as a textbook states it, for a function of the table (alone or in a chain).

    Written from the function's row (its derivative), in ``text`` or ``unicode`` (LaTeX
    notes are ASCII: they take the text form); None for the other rules.

    >>> rule_statement("chain:sin", "unicode"), rule_statement("chain:log", "text")
    ('d/dx sin(u) = cos(u)·u′', "d/dx log(u) = u'/u")
    >>> rule_statement("product", "unicode") is None
    True
    """
    row = FUNCTIONS.get(rule_id.removeprefix("chain:"))
    if row is None or row.arity != 1:
        return None
    show = to_unicode if fmt == "unicode" else to_text
    u, du = Var("u"), Var("u′" if fmt == "unicode" else "u'")
    partial = row.partial((u,), 0)
    head = f"d/dx {show(Call(row.name, (u,)))} = "
    if partial is ZERO:
        return head + "0"
    factors = partial.factors if isinstance(partial, Mul) else (partial,)
    numbers = [f for f in factors if isinstance(f, Num)]
    rest = [f for f in factors if not isinstance(f, Num)]
    over = show(mul(*numbers, du, *rest))  # (1/2)u′/√u: a quotient reads best with u′ on top
    return head + (over if "/" in over else show(mul(*numbers, *rest, du)))


def derivative_label(
    name: str, wrt: Sequence[str], partial: bool, fmt: str, *, dependent: bool = False
) -> str:
    r"""How the book names a derivative: ``h''(x)``, ``∂f/∂x``, ``∂²f/∂y∂x`` (x first).

    ``dependent``: the name is a dependent variable (``y = x^2``), written ``dy/dx``, ``d²y/dx²``.

    >>> derivative_label("h", "xx", False, "unicode"), derivative_label("f", "xy", True, "unicode")
    ("h''(x)", '∂²f/∂y∂x')
    >>> derivative_label("f", "xxy", True, "text"), derivative_label("g", "tttt", False, "latex")
    ('d^3f/dydx^2', 'g^{(4)}(t)')
    >>> derivative_label("y", "xx", False, "unicode", dependent=True)
    'd²y/dx²'
    """
    n = len(wrt)
    word: Callable[[str], str] = {"latex": latex_name, "unicode": unicode_name}.get(fmt, str)
    head = latex_name(name, function=True) if fmt == "latex" else word(name)
    leibniz = dependent and not partial  # dy/dx: d, never ∂
    if not partial and not dependent and len(set(wrt)) == 1:
        if n <= 3:
            marks = "'" * n
        else:
            marks = {"latex": f"^{{({n})}}", "text": f"^({n})"}.get(fmt, _superscript(f"({n})"))
        return f"{head}{marks}({word(wrt[0])})"
    groups = runs(list(reversed(wrt)))  # the last variable is written first: ∂²f/∂y∂x
    if fmt == "latex":
        d = "d" if leibniz else "\\partial "
        top = d.strip() + (f"^{{{n}}}" if n > 1 else "") + f" {head}"
        below = " ".join(f"{d}{word(v)}" + (f"^{{{k}}}" if k > 1 else "") for v, k in groups)
        return f"\\frac{{{top}}}{{{below}}}"
    mark = "d" if fmt == "text" or leibniz else "∂"

    def sup(k: int) -> str:
        if k == 1:
            return ""
        return f"^{k}" if fmt == "text" else _superscript(str(k))

    below = "".join(f"{mark}{word(v)}{sup(k)}" for v, k in groups)
    return f"{mark}{sup(n)}{head}/{below}"


def _superscript(text: str) -> str:
    return text.translate(SUPERSCRIPT).replace("(", "⁽").replace(")", "⁾")


def latex_text(note: str) -> str:
    r"""Plain words made safe inside ``\text{}`` (KaTeX strict mode: ASCII only).

    >>> latex_text("max: 1(u > v), 50% & more")
    'max: 1(u > v), 50\\% \\& more'
    """
    table = {"%": "\\%", "&": "\\&", "#": "\\#", "_": "\\_", "$": "\\$", "{": "\\{", "}": "\\}",
             "−": "-", "·": "*"}  # fmt: skip
    return "".join(table.get(ch, ch) for ch in note)
