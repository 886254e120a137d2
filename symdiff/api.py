"""The public functions: every one accepts text, an ``Expr`` or a ``Definition``.

>>> str(diff("3x^3z - y^2 + 5z + 2yz", "x"))
'9*x^2*z'
>>> {k: str(v) for k, v in gradient("f(x, y) = x*y").items()}
{'x': 'y', 'y': 'x'}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .calculus.differentiate import differentiate
from .core.definition import Definition
from .core.expr import Expr, Var
from .core.walk import count_nodes, iter_vars
from .errors import UnsupportedError
from .limits import DEFAULT_LIMITS, Limits
from .naming import read_names
from .simplifier import simplify as _simplify
from .simplifier import simplify_derivative
from .simplifier.domain import check_defined

if TYPE_CHECKING:
    from .codegen import Compiled
    from .core.evaluate import Value
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


def number(text: str, limits: Limits = DEFAULT_LIMITS) -> Value | None:
    """A number written as an expression (``pi/2``, ``10^3``); None if it has variables.

    >>> number("3/4"), number("x + 1")
    (Fraction(3, 4), None)
    """
    expr = parse(text, limits)
    return None if any(True for _ in iter_vars(expr)) else expr.evaluate({})


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


def only_variable(source: Source, name: str | None = None) -> str:
    """The variable to differentiate by: ``name`` as the expression spells it, else the only one.

    ``name`` must be read by the lexer, in the expression's context, as one variable
    (``θ`` is ``theta``, ``x₁`` is ``x_1``; a parameter of the definition is one name), or
    be a variable that occurs in the expression (one built with :func:`var`); anything
    else (``""``, ``"x+y"``, ``"2"``, ``"xy"`` undeclared) is an ``UnsupportedError``
    naming it.  A valid name that does not occur is fine: its derivative is 0.
    With no name: the only variable (``x`` if none).

    >>> only_variable("h(t) = t^2"), only_variable("5"), only_variable("x^2", "θ")
    ('t', 'x', 'theta')
    >>> only_variable("x^2", "x y")
    Traceback (most recent call last):
    symdiff.errors.UnsupportedError: 'x y' is not a variable name (it reads as x*y): \
a variable name is a letter (Latin or Greek) with optional digits and _subscripts \
(x, x2, w_12, θ, x₁), or a parameter of the definition
    """
    definition = as_definition(source)
    if name is not None:
        return variables_named(definition, [name])[0]
    names = variables_of(definition)
    if len(names) == 1:
        return names[0]
    if not names:
        return "x"
    listed = ", ".join(names)
    raise UnsupportedError(
        f"the expression has several variables ({listed}): say which one to differentiate by"
    )


def variables_named(source: Source | Sequence[Source], names: Iterable[str]) -> list[str]:
    """Each of ``names`` checked and spelled as :func:`only_variable` does, against ``source``.

    ``source`` may be several inputs (a Jacobian's functions): a name is read in the
    context of each in turn until one accepts it (:func:`symdiff.naming.read_names`).

    >>> variables_named("f(rate, x) = rate*x", ["rate", "x"]), variables_named("x", ["x₁"])
    (['rate', 'x'], ['x1'])
    """
    sources = [source] if isinstance(source, str | Expr | Definition) else list(source)
    return read_names([as_definition(s) for s in sources], names)


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
    checked = only_variable(definition, var) if var is not None else None
    if simplify:
        check_defined(definition.body, limits)  # no 0/0 silently cancelled: refused first
    expr = definition.body
    for name in operator_wrt(definition, checked):  # once, or as often as d²/dx² says
        expr = diff_by(expr, name, simplify=simplify, expand=expand, limits=limits)
    return expr


def diff_by(
    expr: Expr,
    name: str,
    *,
    simplify: bool = True,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Expr:
    """The derivative of ``expr`` by ``name``, a name already read by :func:`only_variable`.

    For derivatives of derivatives, where the variable may no longer occur.

    >>> from symdiff.core.expr import Var
    >>> str(diff_by(Var("rate") ** 2, "rate"))
    '2*rate'
    """
    limits = limits.begin()
    raw, _ = differentiate(expr, name, limits=limits)
    if not simplify:
        return raw
    return simplify_derivative(raw, expr, expand=expand, limits=limits)


def operator_wrt(definition: Definition, var: str | None = None) -> tuple[str, ...]:
    """The variables to differentiate by, in order: the input's ``d/dx`` or ``var``.

    Without an operator, ``var`` (default: the only variable); with one, ``var`` must agree.

    >>> operator_wrt(as_definition("d²/dx² x^3")), operator_wrt(as_definition("x*y"), "y")
    (('x', 'x'), ('y',))
    >>> operator_wrt(as_definition("d/dx x*y"), "y")
    Traceback (most recent call last):
    symdiff.errors.UnsupportedError: the input asks for d/dx but d/dy is asked for as well \
(wrt, --wrt): give the variable once
    """
    if not definition.wrt:
        return (var if var is not None else only_variable(definition),)
    if var is not None and var != definition.wrt[0]:
        raise UnsupportedError(
            f"the input asks for d/d{definition.wrt[0]} but d/d{var} is asked for as well "
            "(wrt, --wrt): give the variable once"
        )
    return definition.wrt


def gradient(
    source: Source,
    vars: Sequence[str] | None = None,
    *,
    expand: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> dict[str, Expr]:
    """Every partial derivative, keyed by variable, in order (given, signature, natural).

    Small inputs are differentiated once per variable, so each partial reads
    exactly as ``diff`` gives it; past ``FORWARD_GRADIENT_BUDGET`` (nodes ×
    variables) one reverse-mode sweep computes all partials at the cost of
    about one, sharing sub-expressions (the forms may then differ from ``diff``
    while equal in value).  The one output reverse mode cannot keep small is a
    product's: n factors pass each a product of the other n − 1, which the
    simplifier and the printers write out flat (n² in all), so it is estimated
    first and refused past ``limits.max_nodes`` (12,000 variables: 1.4·10⁸).

    >>> {k: str(v) for k, v in gradient("3x^3z - y^2 + 5z + 2yz").items()}
    {'x': '9*x^2*z', 'y': '-2*y + 2*z', 'z': '3*x^3 + 5 + 2*y'}
    """
    limits = limits.begin()
    definition = as_definition(source, limits)
    names = variables_named(definition, vars) if vars is not None else variables_of(definition)
    check_defined(definition.body, limits)  # no 0/0 silently cancelled: refused first
    return gradient_by(definition.body, names, expand=expand, limits=limits)


def gradient_by(
    expr: Expr, names: Sequence[str], *, expand: bool = False, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Expr]:
    """:func:`gradient` by names already read (derivatives of derivatives, Jacobian rows).

    >>> from symdiff.core.expr import Var
    >>> {k: str(v) for k, v in gradient_by(Var("rate") * Var("t"), ["rate", "t"]).items()}
    {'rate': 't', 't': 'rate'}
    """
    limits = limits.begin()
    if len(names) * count_nodes(expr) <= FORWARD_GRADIENT_BUDGET:
        return {name: diff_by(expr, name, expand=expand, limits=limits) for name in names}
    from .calculus.reverse import gradient_reverse, simplify_partials

    raw = gradient_reverse(expr, names, limits=limits)
    return simplify_partials(raw, expand=expand, limits=limits, source=expr)


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
    seq = operator_wrt(definition, only_variable(definition, var) if var is not None else None)
    if len(seq) > 1:
        raise UnsupportedError(
            "derive records one derivative; for a higher one use nth_derivative or the command"
        )
    name = seq[0]
    from .calculus.derivation import build_derivation  # the step machinery, loaded when first used
    from .report import Derivation

    record = build_derivation(definition.body, name, definition, expand=expand, limits=limits)
    return Derivation.of(record, source.strip() if isinstance(source, str) else None)


def compile(
    exprs: Source | Sequence[Source] | Mapping[Any, Source],
    vars: Sequence[str] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Compiled:
    """A Python function computing ``exprs``: one expression, a list, or ``gradient()``'s dict.

    Straight-line code over the shared DAG, each distinct node computed once.  Call it
    with one value per variable of ``vars`` (default: the signature's, else natural
    order), by position or keyword; it returns a float, a list or a dict, as ``exprs``
    is.  With NumPy installed, arrays evaluate a whole batch of points in one call.
    ``.source(target)`` is its code in ``python``, ``numpy``, ``c``, ``jax`` or ``torch``.

    >>> f = compile(gradient("x^2 y"), ["x", "y"])
    >>> f(3, 2), f(x=1, y=1)
    ({'x': 12.0, 'y': 9.0}, {'x': 2.0, 'y': 1.0})
    >>> compile("f(y, x) = x - y")(1, 10)
    9.0
    """
    from .codegen import compile_function

    limits = limits.begin()
    built: Expr | list[Expr] | dict[Any, Expr]
    names: list[str] | None
    if isinstance(exprs, str | Expr | Definition):
        definition = as_definition(exprs, limits)
        built = definition.body
        names = list(vars) if vars is not None else list(definition.variables)
    else:
        if isinstance(exprs, Mapping):
            built = {k: as_expr(v, limits) for k, v in exprs.items()}
        else:
            built = [as_expr(v, limits) for v in exprs]
        names = list(vars) if vars is not None else None
    return compile_function(built, names, limits)
