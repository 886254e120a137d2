"""The engine every printer shares: one explicit stack of string pieces and pending nodes.

A printer is an ``expand(node, flags)`` function that returns the node's output in
order as *pieces*: literal strings and ``(child, flags)`` tasks.  :func:`emit` pops
pieces off one stack and appends the strings to one list, joined once at the end,
so printing takes time linear in the output and never recurses, whatever the depth.

>>> from symdiff.core.expr import Var
>>> emit(Var("x"), lambda node, flags: ["<", str(flags), ">"])
'<0>'
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from ..core.expr import MINUS_ONE, Add, Derivative, Expr, Indicator, Mul, Num, Pow

Task = tuple[Expr, int]
Piece = str | Task
Expand = Callable[[Expr, int], list[Piece]]

# flags a parent passes down with a child
FOLLOWED = 1  # printed bare inside a product, and another factor comes after it
ABS = 2  # the caller already wrote the leading minus: print the magnitude


def emit(root: Expr, expand: Expand, flags: int = 0) -> str:
    """Run ``expand`` over ``root`` with an explicit stack and join the strings.

    >>> from symdiff.core.expr import Num
    >>> emit(Num(7), lambda node, flags: ["(", "7", ")"])
    '(7)'
    """
    out: list[str] = []
    stack: list[Piece] = [(root, flags)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        else:
            stack.extend(reversed(expand(*item)))
    return "".join(out)


_CHUNK_DIGITS = 500  # below any limit Python may set on int-to-str conversion (at least 640)
_CHUNK = 10**_CHUNK_DIGITS


def integer_text(n: int) -> str:
    """The decimal digits of an integer of any length.

    ``str()`` refuses integers beyond ``sys.get_int_max_str_digits()`` digits (4,300 by
    default); a number the simplifier was allowed to fold (``--max-fold-bits``) may be
    longer, so long ones are converted a chunk at a time.

    >>> integer_text(-42), len(integer_text(10**5000)), integer_text(10**5000)[:3]
    ('-42', 5001, '100')
    """
    if n.bit_length() < 3 * _CHUNK_DIGITS:
        return str(n)
    sign, n = ("-" if n < 0 else ""), abs(n)
    chunks: list[str] = []
    while n >= _CHUNK:
        n, low = divmod(n, _CHUNK)
        chunks.append(f"{low:0{_CHUNK_DIGITS}d}")
    chunks.append(str(n))
    return sign + "".join(reversed(chunks))


def fraction_text(value: Fraction, minus: str = "-") -> str:
    """An exact number as ``3``, ``-3`` or ``5/2`` (with the given minus sign).

    >>> fraction_text(Fraction(-5, 2)), fraction_text(Fraction(4), "−")
    ('-5/2', '4')
    """
    sign = minus if value < 0 else ""
    value = abs(value)
    if value.denominator == 1:
        return f"{sign}{integer_text(value.numerator)}"
    return f"{sign}{integer_text(value.numerator)}/{integer_text(value.denominator)}"


def is_integer(node: Expr) -> bool:
    """Whether ``node`` is a ``Num`` holding an integer (of either sign).

    >>> is_integer(Num(-2)), is_integer(Num("1/2"))
    (True, False)
    """
    return isinstance(node, Num) and node.value.denominator == 1


def is_natural(node: Expr) -> bool:
    """Whether ``node`` is a ``Num`` holding an integer ``>= 0`` (printed as digits).

    >>> is_natural(Num(3)), is_natural(Num(-3))
    (True, False)
    """
    return is_integer(node) and node.value >= 0  # type: ignore[attr-defined]


def inverse_base(node: Expr) -> Expr | None:
    """``u`` when ``node`` is ``u^-1`` (which a product may print as a division), else None.

    >>> from symdiff.core.expr import Var
    >>> inverse_base(Pow(Var("y"), Num(-1))), inverse_base(Pow(Var("y"), Num(-2)))
    (<Var y>, None)
    """
    return node.base if isinstance(node, Pow) and node.exp is MINUS_ONE else None


def leading_negative(node: Expr) -> bool:
    """Whether ``node`` prints with a leading minus.

    That is a negative number, or a product whose first factor is a negative number.

    >>> from symdiff.core.expr import Var
    >>> leading_negative(Mul((Num(-2), Var("y")))), leading_negative(Num(0))
    (True, False)
    """
    if isinstance(node, Num):
        return node.value < 0
    if isinstance(node, Mul) and node.factors:
        first = node.factors[0]
        return isinstance(first, Num) and first.value < 0
    return False


def paren_base(node: Expr) -> bool:
    """Whether ``node`` needs parentheses as the base of a power.

    >>> from symdiff.core.expr import Var
    >>> paren_base(Var("x")), paren_base(Num(-3)), paren_base(Mul((Num(2), Var("x"))))
    (False, True, True)
    """
    if isinstance(node, Num):
        return node.value < 0 or node.value.denominator != 1
    return isinstance(node, Add | Mul | Pow | Indicator | Derivative)


def wrap(node: Expr, flags: int = 0, open_: str = "(", close: str = ")") -> list[Piece]:
    """The pieces of ``node`` inside parentheses.

    >>> from symdiff.core.expr import Var
    >>> wrap(Var("x"))[0], wrap(Var("x"))[2]
    ('(', ')')
    """
    return [open_, (node, flags), close]


def joined(nodes: tuple[Expr, ...], separator: str = ", ") -> list[Piece]:
    """The pieces of ``nodes`` with ``separator`` between them (function arguments).

    >>> from symdiff.core.expr import Var
    >>> joined((Var("x"), Var("y")))[1]
    ', '
    """
    out: list[Piece] = []
    for i, node in enumerate(nodes):
        if i:
            out.append(separator)
        out.append((node, 0))
    return out
