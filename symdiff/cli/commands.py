"""From parsed options to one API call: each command is a call that returns a Report.

Only argv is interpreted here (variable names as typed, the point of ``--at``,
which call a command is); everything computed is computed by :mod:`symdiff.results`.

>>> from symdiff.cli.options import parse_command
>>> report = report_for(parse_command(["3x^3z - y^2 + 5z + 2yz"]), "3x^3z - y^2 + 5z + 2yz")
>>> report.kind, [item.wrt for item in report.items], str(report.items[0].expr)
('gradient', [('x',), ('y',), ('z',)], '9*x^2*z')
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..api import as_definition, variables_named
from ..core.definition import Definition
from ..core.walk import iter_vars
from ..errors import SymdiffError
from ..limits import Limits
from ..report import Report
from ..results import (
    Options,
    check_report,
    codegen_source,
    derivative_report,
    gradient_report,
    hessian_report,
    jacobian_report,
    simplify_report,
)
from .limit_options import limits_from
from .options import ArgumentError
from .values import parse_point, parse_range


def _names(texts: Sequence[str] | None, defs: Sequence[Definition]) -> list[str]:
    return variables_named(defs, [t.strip() for t in texts or ()])


def absent_note(names: Sequence[str], defs: Sequence[Definition]) -> str | None:
    """The note for variables named on the command line that the input never mentions.

    >>> absent_note(["x", "y"], [as_definition("x^2")])
    'y does not occur in the expression; the derivative by y is 0'
    >>> absent_note(["x"], [as_definition("f(x, y) = y")]) is None  # a parameter: declared
    True
    """
    known = {v for d in defs for v in (*(d.params or ()), *iter_vars(d.body))}
    absent = list(dict.fromkeys(n for n in names if n not in known))
    if not absent:
        return None
    where = "the expression" if len(defs) == 1 else "the expressions"
    if len(absent) == 1:
        return f"{absent[0]} does not occur in {where}; the derivative by {absent[0]} is 0"
    listed = ", ".join(absent[:-1]) + " and " + absent[-1]
    return f"{listed} do not occur in {where}; derivatives by them are 0"


def options_from(args: argparse.Namespace, d: Definition, limits: Limits | None = None) -> Options:
    """The API options the command line asks for (``--at`` read against ``d``'s signature).

    ``limits``: the command's, its clock already running (default: read from ``args``).

    >>> from symdiff.cli.options import parse_command
    >>> options_from(parse_command(["x^2", "--steps", "--at", "x=1"]), Definition(None)).point
    {'x': Fraction(1, 1)}
    """
    point = parse_point(args.at, d) if getattr(args, "at", None) else None
    factor = getattr(args, "factor", False)
    if factor and args.expand:
        raise ArgumentError("--expand and --factor ask for opposite forms: choose one")
    return Options(steps=args.steps, simplify=args.simplify, expand=args.expand, point=point,
                   check=args.check, verify=args.verify, plot=getattr(args, "plot", True),
                   limits=limits_from(args) if limits is None else limits,
                   factor=factor)  # fmt: skip


def report_for(
    args: argparse.Namespace,
    text: str | Sequence[str],
    limits: Limits | None = None,
    notes: list[str] | None = None,
) -> Report:
    """The Report of one command on one input (``jacobian``: several).

    ``limits``: the command's, with the clock of this input running (default: read from
    ``args`` and started here); parsing and every computation share that one clock.
    ``notes`` (if given) receives a note for each variable named that does not occur.

    >>> from symdiff.cli.options import parse_command
    >>> r = report_for(parse_command(["hessian", "x^2 y"]), "x^2 y")
    >>> [str(i.expr) for i in r.items]
    ['2*y', '2*x', '2*x', '0']
    """
    limits = (limits_from(args) if limits is None else limits).begin()
    texts = [text] if isinstance(text, str) else list(text)
    defs = [as_definition(t, limits) for t in texts]
    d = defs[0]
    options = options_from(args, d, limits)
    named = _names(args.vars if args.command in ("grad", "hessian", "jacobian") else args.wrt,
                   defs if args.command == "jacobian" else [d])  # fmt: skip
    note = absent_note(named, defs) if args.command != "simplify" else None
    if note is not None and notes is not None:
        notes.append(note)
    if args.command == "jacobian":
        return jacobian_report(defs, named or None, options, source_texts=texts)
    if args.command == "grad":
        return gradient_report(d, named or None, options, source_text=texts[0])
    if args.command == "hessian":
        return hessian_report(d, named or None, options, source_text=texts[0])
    if args.command == "simplify":
        return simplify_report(d, options, source_text=texts[0])
    wrt = named
    if args.command == "check":
        try:
            as_definition(args.answer, limits)
        except SymdiffError as exc:
            raise ArgumentError(f"in --answer: {exc}") from None
        return check_report(d, args.answer, wrt, options, source_text=texts[0])
    if len(wrt) > 1 and args.order > 1:
        raise ArgumentError("--order takes one variable; for a mixed partial list each "
                            "variable in order, e.g. --wrt x,x,y")  # fmt: skip
    return derivative_report(d, wrt, args.order, options, source_text=texts[0])


def plot_for(args: argparse.Namespace, limits: Limits | None = None) -> str:
    """The SVG of ``symdiff plot``: f and f′ (f″ with ``--second``) along ``--wrt``.

    >>> from symdiff.cli.options import parse_command
    >>> plot_for(parse_command(["plot", "x^2", "--xrange", "-1,1"])).startswith("<svg")
    True
    """
    from ..results import plot_svg

    limits = (limits_from(args) if limits is None else limits).begin()
    d = as_definition(args.expr, limits)
    wrt = _names(args.wrt, [d])
    if len(wrt) > 1:
        raise ArgumentError("plot takes one --wrt variable; fix the others with --at, e.g. y=1")
    point = parse_point(args.at, d) if args.at else {}
    xrange = parse_range(args.xrange) if args.xrange else None
    return plot_svg(d, wrt[0] if wrt else None, at=point, xrange=xrange, second=args.second,
                    limits=limits)  # fmt: skip


def codegen_for(args: argparse.Namespace, text: str, limits: Limits | None = None) -> str:
    """The source ``symdiff codegen`` prints: the gradient's code (``--value``: the expression's).

    >>> from symdiff.cli.options import parse_command
    >>> codegen_for(parse_command(["codegen", "x*y", "--wrt", "x"]), "x*y").splitlines()[-4:]
    ['def grad_f(v_x, v_y):', '    return (', '        v_y,', '    )']
    """
    limits = (limits_from(args) if limits is None else limits).begin()
    d = as_definition(text, limits)
    wrt = _names(args.wrt, [d])
    if args.value and wrt:
        raise ArgumentError("--value gives the expression's code: leave out --wrt")
    return codegen_source(d, args.target, wrt, _names(args.vars, [d]) or None, value=args.value,
                          limits=limits)  # fmt: skip
