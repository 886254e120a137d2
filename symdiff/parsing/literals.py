"""Number literals: the node of each literal text made once per parse.

A big input repeats a few literals many times (a network's loss text writes "1/8" and
"3/8" tens of thousands of times), and converting the text to a ``Fraction`` costs more
than the rest of the parse does per literal.  So the node of each literal text is
remembered while parsing, and forgotten when the parse ends
(:func:`symdiff.parsing.parser.parse_definition` calls :func:`forget_literals`), so that
nodes nobody holds are still freed.  The memory is bounded by the distinct literals of the
inputs being parsed.  Threads may share it: an entry is a text's one interned node, so a
node remembered by one parse is right for any other, and a parse that ends while another
runs only makes the other convert again.

>>> literal("5/8") is literal("5/8") is literal("0.625"), str(literal("1e-3"))
(True, '1/1000')
"""

from __future__ import annotations

from ..core.expr import Num

_SEEN: dict[str, Num] = {}  # literal text -> its node, during parses


def literal(text: str) -> Num:
    """The number a literal (``12``, ``0.5``, ``1e-3``, ``5/8``) stands for.

    >>> literal("12") is literal("12"), literal("1e-3").value
    (True, Fraction(1, 1000))
    """
    node = _SEEN.get(text)
    if node is None:
        node = _SEEN[text] = Num(text)
    return node


def forget_literals() -> None:
    """Forget the remembered nodes (when a parse ends): each is freed once nobody holds it.

    >>> literal("7/9") is not None and forget_literals() is None and "7/9" not in _SEEN
    True
    """
    _SEEN.clear()
