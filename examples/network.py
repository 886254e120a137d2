"""The flagship workload: the loss of a fully connected ReLU network, as one expression.

A network with layer widths ``n0-n1-...-nk`` (e.g. 2-4-4-3, 4-16-16-3, 8-32-32-10)
maps a fixed input point ``x`` (numbers) through ``max(0, W·a + b)`` hidden layers
and a linear output layer to logits ``z``; the loss is softmax followed by
cross-entropy for a fixed target class ``t``, written the numerically safe way:

    loss = -log(softmax(z)_t) = logsumexp(z_1, ..., z_k) - z_t

(``logsumexp`` is evaluated shifted by the largest logit, so logits near 800 give a
finite loss where ``-log(exp(z_t) / (exp(z_1) + ... + exp(z_k)))`` overflows).

Its variables are the weights ``w{l}_{i}_{j}`` (layer l, neuron i, input j; all
1-based) and biases ``b{l}_{i}``: 47 for 2-4-4-3, 403 for 4-16-16-3, 1,674 for
8-32-32-10.  Its gradient with respect to all of them is backpropagation.

The same construction runs on any backend with the operations of :class:`Ops`,
so SymPy or SymEngine build exactly the same expression (a backend without
``logsumexp`` gets ``log(exp(z_1) + ... + exp(z_k))``).
Through symdiff's API the expression is a DAG (each hidden unit is stored once);
as text it is a tree, and the text repeats every hidden unit wherever it is used.

Run ``python examples/network.py 2-4-4-3`` to print the loss and its size
(``--help`` for the usage).

>>> loss = loss_expr((2, 4, 4, 3))
>>> len(parameters((2, 4, 4, 3))), count_nodes(loss)
(47, 109)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Generic, TypeVar

from symdiff.core.build import exp, log, logsumexp, max_, sum_
from symdiff.core.expr import Expr, Num, Var
from symdiff.core.walk import count_nodes
from symdiff.printers.text import to_text

T = TypeVar("T")


@dataclass(frozen=True)
class Ops(Generic[T]):
    """The operations the construction needs, for one backend.

    ``logsumexp`` (of a list) is optional: without it the loss uses ``log(sum(exp))``.
    """

    var: Callable[[str], T]
    num: Callable[[Fraction], T]
    sum: Callable[[list[T]], T]
    mul: Callable[[T, T], T]
    relu: Callable[[T], T]
    exp: Callable[[T], T]
    log: Callable[[T], T]
    div: Callable[[T, T], T]
    neg: Callable[[T], T]
    logsumexp: Callable[[list[T]], T] | None = None


SYMDIFF: Ops[Expr] = Ops(
    var=Var,
    num=Num,
    sum=sum_,
    mul=lambda a, b: a * b,
    relu=lambda u: max_(0, u),
    exp=exp,
    log=log,
    div=lambda a, b: a / b,
    neg=lambda u: -u,
    logsumexp=lambda us: logsumexp(*us),
)


def parse_widths(text: str) -> tuple[int, ...]:
    """``"2-4-4-3"`` as ``(2, 4, 4, 3)``; a ``ValueError`` saying what is wrong otherwise.

    >>> parse_widths("2-4-4-3")
    (2, 4, 4, 3)
    >>> parse_widths("4-x-3")
    Traceback (most recent call last):
    ValueError: layer widths are whole numbers joined by "-", like 2-4-4-3: 'x' is not one
    """
    parts = text.split("-")
    bad = next((p for p in parts if not (p.isascii() and p.isdigit())), None)
    if bad is not None:
        shown = repr(bad) if bad else "an empty width"
        raise ValueError(f'layer widths are whole numbers joined by "-", like 2-4-4-3: {shown} '
                         "is not one")  # fmt: skip
    widths = tuple(int(part) for part in parts)
    if len(widths) < 2 or min(widths) < 1:
        raise ValueError(f"need at least two positive layer widths, not {text!r}")
    return widths


def inputs(width: int) -> list[Fraction]:
    """The fixed input point: 1/8, -3/8, 5/8, -7/8, ... (never 0)."""
    return [Fraction((-1) ** j * (2 * j + 1), 8) for j in range(width)]


def target(widths: Sequence[int]) -> int:
    """The target class (0-based): the last one."""
    return widths[-1] - 1


def parameters(widths: Sequence[int]) -> list[str]:
    """Every weight and bias name, layer by layer: weights row by row, then biases."""
    names: list[str] = []
    for layer in range(1, len(widths)):
        n_in, n_out = widths[layer - 1], widths[layer]
        names += [f"w{layer}_{i}_{j}" for i in range(1, n_out + 1) for j in range(1, n_in + 1)]
        names += [f"b{layer}_{i}" for i in range(1, n_out + 1)]
    return names


def loss(widths: Sequence[int], ops: Ops[Any]) -> Any:
    """The cross-entropy loss of the network, built with ``ops``."""
    activations = [ops.num(x) for x in inputs(widths[0])]
    last = len(widths) - 1
    for layer in range(1, last + 1):
        units = []
        for i in range(1, widths[layer] + 1):
            # canonical factor order: a number before a weight, a weight before a unit
            terms = [
                ops.mul(a, ops.var(f"w{layer}_{i}_{j}"))
                if layer == 1
                else ops.mul(ops.var(f"w{layer}_{i}_{j}"), a)
                for j, a in enumerate(activations, 1)
            ]
            z = ops.sum([*terms, ops.var(f"b{layer}_{i}")])
            units.append(z if layer == last else ops.relu(z))
        activations = units
    logits = activations
    if ops.logsumexp is not None:
        normalizer = ops.logsumexp(logits)
    else:
        normalizer = ops.log(ops.sum([ops.exp(z) for z in logits]))
    return ops.sum([normalizer, ops.neg(logits[target(widths)])])


def loss_expr(widths: Sequence[int]) -> Expr:
    """The loss as a symdiff expression built through the API (a DAG)."""
    result: Expr = loss(widths, SYMDIFF)
    return result


def loss_text(widths: Sequence[int]) -> str:
    """The loss in the input language (a tree: hidden units are written out wherever used)."""
    return to_text(loss_expr(widths))


def _widths(text: str) -> tuple[int, ...]:
    """``parse_widths`` for the command line: a bad width is a usage error."""
    try:
        return parse_widths(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str]) -> int:
    """Print the loss of the network given as ``2-4-4-3`` and its sizes.

    A bad width prints the usage and the reason, and exits with status 2.
    """
    parser = argparse.ArgumentParser(
        prog="network.py",
        description="Print the softmax cross-entropy loss of a fully connected ReLU network "
        "(logsumexp(z) - z_t) and its size.",
    )
    parser.add_argument("widths", nargs="?", type=_widths, default=(2, 4, 4, 3),
                        help="layer widths from input to output, joined by '-' "
                        "(default: 2-4-4-3)")  # fmt: skip
    widths = parser.parse_args(list(argv)).widths
    text = loss_text(widths)
    if len(text) <= 2000:
        print(text)
    print(
        f"{'-'.join(map(str, widths))}: {len(parameters(widths))} parameters, "
        f"{count_nodes(loss_expr(widths))} DAG nodes, {len(text):,} characters of text"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
