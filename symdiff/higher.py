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

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .api import Source, as_definition, derive, diff, variables_of
from .core.definition import Definition
from .core.expr import Expr, natural_key
from .core.guards import derivative_size
from .errors import UnsupportedError
from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from .calculus.derivation import Derivation
    from .check.numeric import Verdict


def is_partial(source: Source) -> bool:
    """Whether the book writes ∂ (several variables, or several parameters) rather than d.

    >>> is_partial("x^2"), is_partial("f(x, y) = x^2"), is_partial("x*y")
    (False, True, True)
    """
    return len(variables_of(source)) > 1


def only_variable(source: Source) -> str:
    """The variable to differentiate by when none is named: the only one (``x`` if none).

    >>> only_variable("h(t) = t^2"), only_variable("5")
    ('t', 'x')
    """
    names = variables_of(source)
    if len(names) > 1:
        listed = ", ".join(names)
        raise UnsupportedError(f"the expression has several variables ({listed}): say which one")
    return names[0] if names else "x"


def _wrt(definition: Definition, wrt: Sequence[str]) -> tuple[str, ...]:
    return tuple(wrt) or (only_variable(definition),)


def _check_stage(expr: Expr, order: int, limits: Limits) -> None:
    """Before differentiating ``expr`` again (order 2 and up): its derivative's estimated size."""
    if order > 1:
        limits.check_nodes(derivative_size(expr), f"the derivative of order {order}")


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
    limits.check_order(len(wrt))
    definition = as_definition(source, limits)
    expr = definition.body
    for order, name in enumerate(_wrt(definition, wrt), 1):
        _check_stage(expr, order, limits)
        expr = diff(expr, name, simplify=simplify, expand=expand, limits=limits)
    return expr


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
    name = var if var is not None else only_variable(definition)
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
    from .calculus.derivation import build_derivation  # the step machinery, loaded when first used

    limits = limits.begin()
    limits.check_order(len(wrt))
    definition = as_definition(source, limits)
    names = _wrt(definition, wrt)
    params = definition.params or tuple(variables_of(definition))
    out: list[Derivation] = []
    for i, name in enumerate(names):
        if i == 0:
            d = derive(definition, name, expand=expand, limits=limits)
        else:
            prev = out[-1].result
            _check_stage(prev, i + 1, limits)
            stage = Definition(prev, None, params)  # keeps ∂ for a function of several variables
            d = build_derivation(prev, name, stage, expand=expand, limits=limits)
        if not simplify:
            raw = tuple(line for line in d.lines if line.kind == "derivative")
            d = replace(d, lines=raw, simplification=())
        out.append(d)
    return tuple(out)


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
    names = list(vars) if vars is not None else variables_of(definition)
    n = len(names)
    limits.check_nodes(n * n, f"a Hessian of {n}×{n} entries")
    limits.check_nodes(n * derivative_size(definition.body), "the Hessian's first partials")
    first = [diff(definition, v, expand=expand, limits=limits) for v in names]
    second = sum((n - i) * derivative_size(f) for i, f in enumerate(first))
    limits.check_nodes(second, "the Hessian's second partials")
    rows: list[list[Expr]] = [[first[0]] * n for _ in range(n)]
    for i in range(n):
        for j in range(i, n):
            rows[i][j] = rows[j][i] = diff(first[i], names[j], expand=expand, limits=limits)
    return rows


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
    names = list(vars) if vars is not None else jacobian_variables(defs)
    estimate = len(names) * sum(derivative_size(d.body) for d in defs)
    limits.check_nodes(estimate, "the Jacobian")
    return [[diff(d, v, expand=expand, limits=limits) for v in names] for d in defs]


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
    return compare(expected, given, variables_of(definition), seed=seed, limits=limits)
