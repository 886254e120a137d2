"""Where finishing children first (the fast path) may end elsewhere than the driver.

The driver applies one pass to the whole expression at a time, so it can
rewrite a node while a child is not yet in its final form; the fast path
always finishes the child first.  The passes that group children by identity
are the ones that can then disagree:

- ``collect-terms``: terms that become alike only later are collected in two
  rounds by the driver; when the first round cancels to 0 the survivor of the
  second round stands at a later place (``yx + z + xy − yx`` gives ``z + xy``
  in the driver, ``xy + z`` finished first);
- ``combine-powers``: the same with exponents that cancel, and symbolic
  exponents are summed in another order (``x^(b + a + c)``);
- ``distribute-exponent``: ``(x·x^a)²`` is distributed first by the driver
  (``x^(2 + 2a)``), combined first by the fast path (``x^(2(1 + a))``).

:func:`risky` flags those shapes, conservatively (a group of three or more
members with mixed signs or a symbolic exponent; a power over a base holding a
symbolic exponent); the fast path then falls back to the driver.  Two more
differences are structural and handled in :mod:`symdiff.simplifier.fast`:
``expand`` is not confluent with the other passes at all (``simplify(...,
expand=True)`` always runs the driver), and a sum (product) that a rewrite
creates inside a sum (product) is opened by the driver *before* its operands
are grouped with their new neighbours, so the fast path falls back when an
operand whose way to normal form grouped terms (collect-terms, numbers of a
sum) or powers (combine-powers) joins a node of its own kind ("grouped"), and
when an operand becomes a number other than as it stands ("numbers"), since
the driver may group it first: ``y·(a − a) + x + y`` is ``y + x`` in the
driver, which collects ``y·0`` with ``y``, and ``(5/2)^x·x·(5/2)^-1`` combines
the powers before ``(5/2)^-1`` is folded.  "As it stands" means by a pass
before collect-terms (for a term) or combine-powers (for a factor), on the
operand itself with its children already normal (``x^0``, ``2^3``).

>>> from symdiff.core.expr import Add, Mul, Num, Var
>>> x, y, z = Var("x"), Var("y"), Var("z")
>>> xy = Mul((x, y))
>>> risky("collect-terms", Add((xy, z, xy, Mul((Num(-1), x, y)))))
True
>>> risky("collect-terms", Add((xy, z, xy)))
False
"""

from __future__ import annotations

from fractions import Fraction

from ..core.expr import ONE, Add, Expr, Mul, Num, Pow
from .walk import splice_muls, split_coefficient


def _mixed(values: list[Fraction]) -> bool:
    return any(v < 0 for v in values) and any(v > 0 for v in values)


def _collect_risky(node: Expr) -> bool:
    groups: dict[tuple[Expr, ...], list[Fraction]] = {}
    for term in node.children:
        coef, rest = split_coefficient(term)
        if rest:
            groups.setdefault(rest, []).append(coef)
    return any(len(coefs) > 2 and _mixed(coefs) for coefs in groups.values())


def _powers_risky(node: Expr) -> bool:
    groups: dict[Expr, list[Expr]] = {}
    for f in node.children:
        if not isinstance(f, Num):
            base, exp = (f.base, f.exp) if isinstance(f, Pow) else (f, ONE)
            groups.setdefault(base, []).append(exp)
    for exps in groups.values():
        if len(exps) > 2:
            if not all(isinstance(e, Num) for e in exps):
                return True
            if _mixed([e.value for e in exps]):  # type: ignore[attr-defined]
                return True
    return False


def _distribute_risky(node: Expr) -> bool:
    stack = [node.children[0]]
    while stack:
        f = stack.pop()
        if isinstance(f, Mul):
            stack.extend(splice_muls(f.factors))
        elif isinstance(f, Pow):
            if not isinstance(f.exp, Num):
                return True
            stack.append(f.base)
    return False


def risky(rule: str, node: Expr) -> bool:
    """Whether rewriting ``node`` (its children final) by ``rule`` may differ from the driver.

    >>> from symdiff.core.expr import Pow, Var
    >>> x, a = Var("x"), Var("a")
    >>> risky("distribute-exponent", Pow(Pow(x, a + 1), Num(2)))
    True
    """
    if rule == "collect-terms" and isinstance(node, Add):
        return _collect_risky(node)
    if rule == "combine-powers" and isinstance(node, Mul):
        return _powers_risky(node)
    if rule == "distribute-exponent" and isinstance(node, Pow):
        return _distribute_risky(node)
    return False
