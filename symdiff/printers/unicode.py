"""Unicode in the book's style: ``9x²z``, ``−2y + 2z``, ``15(2x²)⁴·4x``, ``∂/∂x[x + y]``.

For reading, not parsing back: a leading ``−1`` factor shows as a bare minus, nested
products are shown in line, and a rational factor is parenthesized (``(3/4)x``,
``x·(3/4)``).  Division is written in line, ``x/y`` and ``(x + 1)/(x − 1)``.

>>> from symdiff.core.expr import Add, Mul, Num, Pow, Var
>>> x, y, z = Var("x"), Var("y"), Var("z")
>>> to_unicode(Add((Mul((Num(-2), y)), Mul((Num(2), z)))))
'−2y + 2z'
"""

from __future__ import annotations

from fractions import Fraction

from ..core.expr import Call, Const, Expr, Num, Var
from ..core.functions import FUNCTIONS
from .book import BookPrinter, power_of_call
from .emit import Piece, fraction_text, integer_text, is_integer, is_natural, joined, paren_base
from .names import SUBSCRIPT, SUPERSCRIPT, derivative_labels, runs, unicode_name


def to_unicode(expr: Expr, *, partial: bool = False) -> str:
    """``expr`` in the book's Unicode notation; ``partial`` writes ∂/∂x for d/dx.

    >>> from symdiff.core.expr import Call, Derivative, Mul, Num, Pow, Var
    >>> x, y = Var("x"), Var("y")
    >>> to_unicode(Mul((Num(15), Pow(Mul((Num(2), Pow(x, Num(2)))), Num(4)), Mul((Num(4), x)))))
    '15(2x²)⁴·4x'
    >>> to_unicode(Mul((Num(2), Derivative(Pow(x, Num(2)), "x"))))
    '2·d/dx x²'
    >>> to_unicode(Call("g", (y, Call("h", (x,))), (1,)))
    '∂g/∂h (y, h(x))'
    """
    return UnicodePrinter(partial=partial)(expr)


def _sup(count: int) -> str:
    return "" if count == 1 else str(count).translate(SUPERSCRIPT)


class UnicodePrinter(BookPrinter):
    """The Unicode glyphs for :class:`~symdiff.printers.book.BookPrinter`.

    >>> from symdiff.core.expr import Call, Var
    >>> UnicodePrinter()(Call("sqrt", (Var("x") + 1,)))
    '√(x + 1)'
    """

    def number(self, value: Fraction) -> str:
        """``3``, ``−3``, ``3/4``."""
        return fraction_text(value, "−")

    def name(self, name: str) -> str:
        """``alpha`` → ``α``, ``w_12`` → ``w₁₂``."""
        return unicode_name(name)

    def const(self, name: str) -> str:
        """``e``, ``π``."""
        return "π" if name == "pi" else name

    def function_name(self, name: str) -> str:
        """Known functions by the table's names; abstract ones like variables (``φ``, ``f₁``)."""
        row = FUNCTIONS.get(name)
        return unicode_name(name) if row is None else row.unicode

    def d_operator(self, var: str) -> str:
        """``d/dx`` or ``∂/∂x``."""
        return ("∂/∂" if self.partial else "d/d") + unicode_name(var)

    def paren_base(self, node: Expr) -> bool:
        """As in text, and ``(√x)²`` (``√x²`` would read as the root of a square)."""
        if isinstance(node, Call) and node.name == "cbrt":
            return True  # (∛x)² likewise
        return paren_base(node) or (isinstance(node, Call) and node.name == "sqrt")

    def power(self, base: Expr, exp: Expr) -> list[Piece]:
        """``x²``, ``x⁻¹``, ``2^x``, ``x^(1/2)``, ``2^(x²)``; ``sin²(x)`` as textbooks write it."""
        if power_of_call(base, exp):
            head = self.function_name(base.name)  # type: ignore[attr-defined]
            sup = integer_text(exp.value.numerator).translate(SUPERSCRIPT)  # type: ignore[attr-defined]
            return [head, sup, "(", *joined(base.args), ")"]  # type: ignore[attr-defined]
        out: list[Piece] = self.group(base) if self.paren_base(base) else [(base, 0)]
        if isinstance(exp, Num) and is_integer(exp):
            out.append(integer_text(exp.value.numerator).translate(SUPERSCRIPT))
        elif isinstance(exp, Var | Const | Call):
            out += ["^", (exp, 0)]
        else:
            out += ["^", *self.group(exp)]
        return out

    def call(self, node: Call) -> list[Piece]:
        """``sin(x)``, ``|u|``, ``√x``, ``f'(u)``, ``∂g/∂h (y, h)``."""
        if not node.deriv and len(node.args) == 1:
            arg = node.args[0]
            if node.name == "abs":
                return ["|", (arg, 0), "|"]
            if node.name == "sqrt":
                atom = isinstance(arg, Var | Const) or is_natural(arg)
                return ["√", (arg, 0)] if atom else ["√", *self.group(arg)]
            if node.name == "cbrt":
                atom = isinstance(arg, Var | Const) or is_natural(arg)
                return ["∛", (arg, 0)] if atom else ["∛", *self.group(arg)]
        return [self.call_head(node), "(", *joined(node.args), ")"]

    def call_head(self, node: Call) -> str:
        """``f``, ``f''``, ``∂g/∂h `` or ``∂₂g `` (by position, when unnamed)."""
        head, deriv = self.function_name(node.name), node.deriv
        if not deriv:
            return head
        if len(node.args) == 1 and all(p == 0 for p in deriv):
            return head + "'" * len(deriv)
        labels = derivative_labels(node, self.label)
        if labels is None:
            parts = (f"∂{str(p + 1).translate(SUBSCRIPT)}{_sup(n)}" for p, n in runs(deriv))
            return "".join(parts) + head + " "
        below = "".join(f"∂{label}{_sup(n)}" for label, n in runs(labels))
        return f"∂{_sup(len(deriv))}{head}/{below} "
