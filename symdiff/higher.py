"""Higher and mixed partial derivatives, Hessians and Jacobians; checking an answer.

Each function accepts text, an ``Expr`` or a ``Definition``, like the rest of the API.
Mixed partials differentiate by the variables in the order given: ``partial(f, "x",
"y")`` is ∂/∂y(∂f/∂x), written ∂²f/∂y∂x.

>>> str(partial("x^3 y^2", "x", "y"))
'6*x^2*y'
>>> [[str(e) for e in row] for row in hessian("x^2 y")]
[['2*y', '2*x'], ['2*x', '0']]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from .api import Source, as_definition, only_variable, variables_named, variables_of
from .chains import Chains
from .core.definition import Definition
from .core.expr import Expr
from .core.guards import derivative_size
from .core.walk import natural_key
from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from .check.numeric import Verdict
    from .report import Derivation

__all__ = [
    "Chains",
    "check_answer",
    "derivations",
    "hessian",
    "hessian_cells",
    "is_partial",
    "jacobian",
    "jacobian_cells",
    "jacobian_variables",
    "nth_derivative",
    "only_variable",
    "partial",
]

T = TypeVar("T")
Matrix = list[list[T]]


def is_partial(source: Source) -> bool:
    """Whether the book writes ∂ (several variables, or several parameters) rather than d.

    >>> is_partial("x^2"), is_partial("f(x, y) = x^2"), is_partial("x*y")
    (False, True, True)
    """
    return len(variables_of(source)) > 1


def partial(
    source: Source,
    *wrt: str,
    simplify: bool = True,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Expr:
    """Differentiate by each variable in turn (the first one first); no variable: the only one.

    >>> str(partial("x^3 y^2", "y", "y")), str(partial("x^4", "x", "x", "x"))
    ('2*x^3', '24*x')
    """
    limits = limits.begin()
    limits.check_order(len(wrt))  # before the input is read: wrt may name 10**5 variables
    chains = Chains(simplify=simplify, expand=expand, limits=limits)
    definition = as_definition(source, limits)
    return chains(definition, variables_named(definition, wrt))[0]


def nth_derivative(
    source: Source, var: str | None = None, n: int = 2, *, limits: Limits = DEFAULT_LIMITS
) -> Expr:
    """The ``n``-th derivative by ``var`` (the only variable if omitted).

    >>> str(nth_derivative("x^5", n=3)), str(nth_derivative("sin(x)", "x", 2))
    ('60*x^2', '-sin(x)')
    """
    if n < 0:
        raise ValueError(f"the order of a derivative cannot be negative ({n})")
    limits = limits.begin()
    limits.check_order(n)  # before anything is built: n may be 10**8
    definition = as_definition(source, limits)
    name = only_variable(definition, var)
    if n == 0:
        return definition.body
    return partial(definition, *([name] * n), limits=limits)


def derivations(
    source: Source,
    wrt: Sequence[str] = (),
    *,
    simplify: bool = True,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Derivation, ...]:
    """One recorded derivation per variable of ``wrt``, each of the previous result.

    With ``simplify=False`` each derivation stops at the rules' raw output, and the
    next one differentiates that.

    >>> ds = derivations("h(x) = x^3", ["x", "x"])
    >>> [str(d.result) for d in ds], [d.partial for d in ds]
    (['3*x^2', '6*x'], [False, False])
    >>> [str(d.result) for d in derivations("x^3", ["x", "x"], simplify=False)]
    ['3*x^2', '3*(2*x^1)']
    """
    limits = limits.begin()
    limits.check_order(len(wrt))
    chains = Chains(simplify=simplify, expand=expand, steps=True, limits=limits)
    definition = as_definition(source, limits)
    return chains(definition, variables_named(definition, wrt))[1]


def hessian_cells(
    definition: Definition, names: Sequence[str], entry: Callable[..., T], chains: Chains
) -> Matrix[T]:
    """The Hessian's cells: ``entry(definition, (xᵢ, xⱼ))`` once per cell with j ≥ i.

    The lower triangle holds the same objects as the upper one (∂²f/∂x∂y = ∂²f/∂y∂x).
    ``chains`` gives the first partials (the entries' shared lower orders) and the limits:
    the order 2, the n×n entries and the first partials are checked (``max_nodes``, by
    estimate) before any work, the second partials before they are begun.

    >>> hessian_cells(as_definition("f"), "xy", lambda d, seq: "".join(seq), Chains())
    [['xx', 'xy'], ['xy', 'yy']]
    >>> hessian_cells(as_definition("x*y"), "xy", Chains(), Chains(limits=Limits(max_nodes=3)))
    Traceback (most recent call last):
    ...
    symdiff.errors.LimitError: a Hessian of 2×2 entries would build about 4 nodes; the limit is \
3 (max_nodes)
    """
    limits = chains.limits
    limits.check_order(2)
    n = len(names)
    limits.check_nodes(n * n, f"a Hessian of {n}×{n} entries")
    limits.check_nodes(n * derivative_size(definition.body), "the Hessian's first partials")
    chains.fill(definition, (), names)  # one gradient for the row of first partials
    first = [chains(definition, (v,))[0] for v in names]
    second = sum((n - i) * derivative_size(f) for i, f in enumerate(first))
    limits.check_nodes(second, "the Hessian's second partials")
    upper: dict[tuple[int, int], T] = {}
    for i in range(n):
        chains.fill(definition, (names[i],), names[i:])  # and one for each row of the upper half
        for j in range(i, n):
            upper[i, j] = entry(definition, (names[i], names[j]))
    return [[upper[min(i, j), max(i, j)] for j in range(n)] for i in range(n)]


def jacobian_cells(
    definitions: Sequence[Definition],
    names: Sequence[str],
    entry: Callable[..., T],
    *,
    limits: Limits = DEFAULT_LIMITS,
    chains: Chains | None = None,
) -> Matrix[T]:
    """The Jacobian's cells: ``entry(fᵢ, (xⱼ,))``, one row per function.

    Its size is estimated and checked against ``limits.max_nodes`` before any entry.
    ``chains`` (the entries' own) computes each row as one gradient first.

    >>> jacobian_cells([as_definition("f"), as_definition("g")], "xy", lambda d, s: s[0])
    [['x', 'y'], ['x', 'y']]
    """
    estimate = len(names) * sum(derivative_size(d.body) for d in definitions)
    limits.check_nodes(estimate, "the Jacobian")
    rows = []
    for d in definitions:
        if chains is not None:
            chains.fill(d, (), names)
        rows.append([entry(d, (v,)) for v in names])
    return rows


def hessian(
    source: Source,
    vars: Sequence[str] | None = None,
    *,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> list[list[Expr]]:
    """The matrix of second partials, rows and columns in gradient order.

    Entry ``[i][j]`` for ``j >= i`` is ∂/∂xⱼ(∂f/∂xᵢ); the lower triangle mirrors it.

    >>> [[str(e) for e in row] for row in hessian("f(x, y) = x^3 + x y^2")]
    [['6*x', '2*y'], ['2*y', '2*x']]
    """
    limits = limits.begin()
    limits.check_order(2)
    definition = as_definition(source, limits)
    if vars is not None:  # its size, before the names are read (reading 10,000 takes time)
        limits.check_nodes(len(vars) ** 2, f"a Hessian of {len(vars)}×{len(vars)} entries")
    names = variables_named(definition, vars) if vars is not None else variables_of(definition)
    chains = Chains(expand=expand, limits=limits)
    return [[e for e, _ in row] for row in hessian_cells(definition, names, chains, chains)]


def jacobian_variables(sources: Sequence[Source]) -> list[str]:
    """Columns of a Jacobian: natural order, or the signatures' order when there are any.

    >>> jacobian_variables(["y*x", "z"]), jacobian_variables(["f(y, x) = x*y", "x + z"])
    (['x', 'y', 'z'], ['y', 'x', 'z'])
    """
    defs = [as_definition(s) for s in sources]
    seen: list[str] = []
    for d in defs:
        seen.extend(v for v in variables_of(d) if v not in seen)
    if all(d.params is None for d in defs):
        seen.sort(key=natural_key)
    return seen


def jacobian(
    sources: Sequence[Source],
    vars: Sequence[str] | None = None,
    *,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> list[list[Expr]]:
    """The matrix of first partials: one row per function, one column per variable.

    >>> [[str(e) for e in row] for row in jacobian(["x*y", "x + y^2"])]
    [['y', 'x'], ['1', '2*y']]
    """
    limits = limits.begin()
    defs = [as_definition(s, limits) for s in sources]
    names = variables_named(defs, vars) if vars is not None else jacobian_variables(defs)
    chains = Chains(expand=expand, limits=limits)
    cells = jacobian_cells(defs, names, chains, limits=limits, chains=chains)
    return [[e for e, _ in row] for row in cells]


def check_answer(
    source: Source,
    answer: Source,
    wrt: str | Sequence[str] | None = None,
    *,
    seed: int = 0,
    limits: Limits = DEFAULT_LIMITS,
) -> Verdict:
    """Whether ``answer`` is the derivative of ``source``; if not, a point where they differ.

    ``wrt`` is a variable or a sequence of them (a mixed partial); ``None``: the only one.
    The verdict is true when both simplify to the same expression or, failing that,
    agree at random points away from ties and singularities.

    >>> v = check_answer("3x^3z - y^2 + 5z + 2yz", "9x^2z", "x")
    >>> bool(v), v.how
    (True, 'same simplified expression')
    >>> v = check_answer("x^3", "3x^3", "x")
    >>> bool(v), v.point, v.expected_value, v.answer_value
    (False, {'x': Fraction(2, 1)}, Fraction(12, 1), Fraction(24, 1))
    """
    from .check.numeric import compare

    limits = limits.begin()
    definition = as_definition(source, limits)
    names = [wrt] if isinstance(wrt, str) else list(wrt or ())
    expected = partial(definition, *names, limits=limits)
    given = as_definition(answer, limits).body
    return compare(expected, given, variables_of(definition), seed=seed, limits=limits,
                   within=[definition.body])  # fmt: skip
