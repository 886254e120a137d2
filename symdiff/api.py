"""The public functions: every one accepts text, an ``Expr`` or a ``Definition``.

>>> str(diff("3x^3z - y^2 + 5z + 2yz", "x"))
'9*x^2*z'
>>> {k: str(v) for k, v in gradient("f(x, y) = x*y").items()}
{'x': 'y', 'y': 'x'}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .calculus.differentiate import differentiate
from .core.definition import Definition
from .core.expr import Expr, Var
from .core.walk import count_nodes
from .errors import UnsupportedError
from .limits import DEFAULT_LIMITS, Limits
from .simplifier import arithmetic
from .simplifier import simplify as _simplify
from .simplifier.domain import check_defined

if TYPE_CHECKING:
    from .report import Derivation

Source = str | Expr | Definition

# nodes × variables up to which gradient() runs the forward engine per variable
FORWARD_GRADIENT_BUDGET = 1_000


def as_definition(source: Source, limits: Limits = DEFAULT_LIMITS) -> Definition:
    """Parse text; wrap an expression; pass a definition through.

    >>> as_definition("h(x) = x^2").name
    'h'
    """
    if isinstance(source, Definition):
        return source
    if isinstance(source, Expr):
        return Definition(source)
    if isinstance(source, str):
        from .parsing.parser import parse_definition

        return parse_definition(source, limits.begin())
    raise TypeError(f"expected text, an Expr or a Definition, not {type(source).__name__}")


def as_expr(source: Source, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """The expression of any accepted input.

    >>> str(as_expr("2x"))
    '2*x'
    """
    return as_definition(source, limits).body


def parse(text: str, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Parse the input language into an expression (a definition gives its body).

    >>> str(parse("3x^3z - y^2"))
    '3*x^3*z - y^2'
    """
    return as_expr(text, limits)


def var(name: str) -> Var:
    """A variable for building expressions with Python operators.

    >>> x, y = var("x"), var("y")
    >>> str(3 * x**3 - y**2)
    '3*x^3 - y^2'
    """
    return Var(name)


def variables_of(source: Source) -> list[str]:
    """Variable order: the signature's, else natural order (``x2`` before ``x10``).

    >>> variables_of("f(y, x) = x*y"), variables_of("x10 + x2")
    (['y', 'x'], ['x2', 'x10'])
    """
    return list(as_definition(source).variables)


def only_variable(source: Source) -> str:
    """The variable to differentiate by when none is named: the only one (``x`` if none).

    >>> only_variable("h(t) = t^2"), only_variable("5")
    ('t', 'x')
    """
    names = variables_of(source)
    if len(names) == 1:
        return names[0]
    if not names:
        return "x"
    listed = ", ".join(names)
    raise UnsupportedError(
        f"the expression has several variables ({listed}): say which one to differentiate by"
    )


def simplify(source: Source, *, expand: bool = False, limits: Limits = DEFAULT_LIMITS) -> Expr:
    """Exact simplification to canonical form.

    >>> str(simplify("15(2x^2)^4*4x"))
    '960*x^9'
    """
    limits = limits.begin()
    return _simplify(as_expr(source, limits), expand=expand, limits=limits)


def diff(
    source: Source,
    var: str | None = None,
    *,
    simplify: bool = True,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Expr:
    """The derivative with respect to ``var`` (the only variable if omitted).

    With ``simplify=False`` the raw output of the rules is returned.  Otherwise an
    input that is nowhere defined (``(x-x)/(x-x)``, ``log(x-x)``) is a ``DomainError``
    (:func:`symdiff.simplifier.domain.check_defined`), whatever its rules would give.

    >>> str(diff("h(x) = 3(2x^2)^5"))
    '960*x^9'
    >>> str(diff("x^2", "x", simplify=False))
    '2*x^1'
    """
    limits = limits.begin()
    definition = as_definition(source, limits)
    name = var if var is not None else only_variable(definition)
    if simplify:
        check_defined(definition.body, limits)
    raw, _ = differentiate(definition.body, name, limits=limits)
    if not simplify:
        return raw
    return _simplify(arithmetic(raw, limits), expand=expand, limits=limits)


def gradient(
    source: Source, vars: Sequence[str] | None = None, *, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Expr]:
    """Every partial derivative, keyed by variable, in order (given, signature, natural).

    Small inputs are differentiated once per variable, so each partial reads
    exactly as ``diff`` gives it; past ``FORWARD_GRADIENT_BUDGET`` (nodes ×
    variables) one reverse-mode sweep computes all partials at the cost of
    about one, sharing sub-expressions (the forms may then differ from ``diff``
    while equal in value).

    >>> {k: str(v) for k, v in gradient("3x^3z - y^2 + 5z + 2yz").items()}
    {'x': '9*x^2*z', 'y': '-2*y + 2*z', 'z': '3*x^3 + 5 + 2*y'}
    """
    limits = limits.begin()
    definition = as_definition(source, limits)
    names = list(vars) if vars is not None else variables_of(definition)
    if len(names) * count_nodes(definition.body) <= FORWARD_GRADIENT_BUDGET:
        return {name: diff(definition, name, limits=limits) for name in names}
    from .calculus.reverse import gradient_reverse, simplify_partials

    check_defined(definition.body, limits)
    raw = gradient_reverse(definition.body, names, limits=limits)
    return simplify_partials(raw, limits=limits)


def derive(
    source: Source,
    var: str | None = None,
    *,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Derivation:
    """Differentiate and record every step; ``.result``, ``.steps``, ``.render(fmt)``.

    >>> d = derive("h(x) = 3(2x^2)^5", "x")
    >>> str(d.result), d.steps[0].rule
    ('960*x^9', 'constant-multiple')
    """
    limits = limits.begin()
    definition = as_definition(source, limits)
    name = var if var is not None else only_variable(definition)
    from .calculus.derivation import build_derivation  # the step machinery, loaded when first used
    from .report import Derivation

    record = build_derivation(definition.body, name, definition, expand=expand, limits=limits)
    return Derivation.of(record, source.strip() if isinstance(source, str) else None)
