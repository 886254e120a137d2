r"""LaTeX in the book's style, valid in KaTeX strict mode and MathJax (no custom macros).

The layout is the Unicode printer's (``9 x^{2} z``, ``y \cdot 1``); a product with
``u^-k`` factors is one ``\frac``: the other factors over those ``u^k``.

>>> from symdiff.core.expr import Mul, Num, Pow, Var
>>> x, y = Var("x"), Var("y")
>>> to_latex(Mul((Num(9), Pow(x, Num(2)), Var("z")))), to_latex(Mul((x, Pow(y, Num(-1)))))
('9 x^{2} z', '\\frac{x}{y}')
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..core.expr import Call, Expr
from ..core.functions import FUNCTIONS
from .book import BookPrinter, power_of_call
from .emit import Piece, integer_text, joined
from .names import derivative_labels, latex_name, runs


def to_latex(expr: Expr, *, partial: bool = False) -> str:
    r"""``expr`` as LaTeX math (without ``$``); ``partial`` writes ∂/∂x for d/dx.

    >>> from symdiff.core.expr import Call, Derivative, Indicator, Num, Pow, Var
    >>> x, y = Var("x"), Var("y")
    >>> print(to_latex(Derivative(x + y, "x"), partial=True))
    \frac{\partial}{\partial x}\left[ x + y \right]
    >>> print(to_latex(Call("g", (y, Call("h", (x,))), (1,))), to_latex(Indicator(x, y)))
    \frac{\partial g}{\partial h}(y, h(x)) \mathbf{1}(x > y)
    """
    return LatexPrinter(partial=partial)(expr)


def _sup(count: int) -> str:
    return "" if count == 1 else f"^{{{count}}}"


class LatexPrinter(BookPrinter):
    r"""The LaTeX glyphs for :class:`~symdiff.printers.book.BookPrinter`.

    >>> from symdiff.core.expr import Call, Var
    >>> print(LatexPrinter()(Call("abs", (Var("alpha"),))))
    \left| \alpha \right|
    """

    MINUS, PLUS, SUB = "-", " + ", " - "
    DOT, JUX = r" \cdot ", " "
    OPEN, CLOSE = r"\left(", r"\right)"
    LBRACKET, RBRACKET = r"\left[ ", r" \right]"
    INDICATOR = r"\mathbf{1}("
    INLINE_DIVISION = False
    GROUP_FRACTIONS = False

    def number(self, value: Fraction) -> str:
        r"""``3``, ``-3``, ``\frac{3}{4}``."""
        sign, value = ("-" if value < 0 else ""), abs(value)
        top, bottom = integer_text(value.numerator), integer_text(value.denominator)
        if value.denominator == 1:
            return f"{sign}{top}"
        return f"{sign}\\frac{{{top}}}{{{bottom}}}"

    def name(self, name: str) -> str:
        r"""``\alpha``, ``w_{12}``, ``\mathit{rate}``."""
        return latex_name(name)

    def const(self, name: str) -> str:
        r"""``e``, ``\pi``."""
        return r"\pi" if name == "pi" else name

    def function_name(self, name: str) -> str:
        r"""``\sin``, ``\operatorname{relu}`` (the table's names); abstract ones like variables."""
        row = FUNCTIONS.get(name)
        return latex_name(name, function=True) if row is None else row.latex

    def d_operator(self, var: str) -> str:
        r"""``\frac{d}{dx}`` or ``\frac{\partial}{\partial x}``."""
        name = latex_name(var)
        if self.partial:
            return f"\\frac{{\\partial}}{{\\partial {name}}}"
        return f"\\frac{{d}}{{d{name}}}"

    def power(self, base: Expr, exp: Expr) -> list[Piece]:
        """``x^{2}``, ``\\left(2 x\\right)^{4}``, ``e^{-x}``, ``\\sec^{2}(x)``."""
        if power_of_call(base, exp):
            head = self.function_name(base.name)  # type: ignore[attr-defined]
            return [head, "^{", (exp, 0), "}(", *joined(base.args), ")"]  # type: ignore[attr-defined]
        out = self.group(base) if self.paren_base(base) else [(base, 0)]
        return [*out, "^{", (exp, 0), "}"]

    def fraction(self, above: Sequence[Expr], below: Sequence[Expr]) -> list[Piece]:
        r"""``\frac{above}{below}``, with positive exponents below."""
        return ["\\frac{", *self._part(above), "}{", *self._part(below), "}"]

    def _part(self, items: Sequence[Expr]) -> list[Piece]:
        return [(items[0], 0)] if len(items) == 1 else self.product(items, 0)

    def call(self, node: Call) -> list[Piece]:
        r"""``\sin(x)``, ``\sqrt{u}``, ``\left| u \right|``, ``f'(u)``, ``\frac{∂g}{∂h}(y, h)``."""
        if not node.deriv and len(node.args) == 1:
            arg = node.args[0]
            if node.name == "sqrt":
                return ["\\sqrt{", (arg, 0), "}"]
            if node.name == "cbrt":
                return ["\\sqrt[3]{", (arg, 0), "}"]
            if node.name == "abs":
                return ["\\left| ", (arg, 0), " \\right|"]
            if node.name in ("floor", "ceil"):  # ⌊u⌋, ⌈u⌉
                return [f"\\left\\l{node.name} ", (arg, 0), f" \\right\\r{node.name}"]
        if not node.deriv and len(node.args) == 2 and node.name in ("besselj", "polygamma"):
            n, u = node.args  # J_n(u), ψ⁽ⁿ⁾(u)
            if node.name == "besselj":
                return ["J_{", (n, 0), "}(", (u, 0), ")"]
            return ["\\psi^{(", (n, 0), ")}(", (u, 0), ")"]
        return [self.call_head(node), "(", *joined(node.args), ")"]

    def call_head(self, node: Call) -> str:
        r"""``f``, ``f''``, ``\frac{\partial g}{\partial h}`` or ``\partial_{2} g``."""
        head, deriv = self.function_name(node.name), node.deriv
        if not deriv:
            return head
        if len(node.args) == 1 and all(p == 0 for p in deriv):
            return head + "'" * len(deriv)
        labels = derivative_labels(node, self.label)
        if labels is None:
            parts = (f"\\partial_{{{p + 1}}}{_sup(n)}" for p, n in runs(deriv))
            return " ".join(parts) + " " + head
        below = " ".join(f"\\partial {label}{_sup(n)}" for label, n in runs(labels))
        return f"\\frac{{\\partial{_sup(len(deriv))} {head}}}{{{below}}}"
