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

from ..api import as_definition
from ..core.definition import Definition
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
from .values import parse_point, variable_name


def _names(texts: Sequence[str] | None, d: Definition) -> list[str]:
    return [variable_name(t, d.params or ()) for t in texts or ()]


def options_from(args: argparse.Namespace, d: Definition, limits: Limits | None = None) -> Options:
    """The API options the command line asks for (``--at`` read against ``d``'s signature).

    ``limits``: the command's, its clock already running (default: read from ``args``).

    >>> from symdiff.cli.options import parse_command
    >>> options_from(parse_command(["x^2", "--steps", "--at", "x=1"]), Definition(None)).point
    {'x': Fraction(1, 1)}
    """
    point = parse_point(args.at, d.params or ()) if getattr(args, "at", None) else None
    return Options(steps=args.steps, simplify=args.simplify, expand=args.expand, point=point,
                   check=args.check, verify=args.verify,
                   limits=limits_from(args) if limits is None else limits)  # fmt: skip


def report_for(
    args: argparse.Namespace, text: str | Sequence[str], limits: Limits | None = None
) -> Report:
    """The Report of one command on one input (``jacobian``: several).

    ``limits``: the command's, with the clock of this input running (default: read from
    ``args`` and started here); parsing and every computation share that one clock.

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
    if args.command == "jacobian":
        return jacobian_report(defs, _names(args.vars, d) or None, options, source_texts=texts)
    if args.command == "grad":
        return gradient_report(d, _names(args.vars, d) or None, options, source_text=texts[0])
    if args.command == "hessian":
        return hessian_report(d, _names(args.vars, d) or None, options, source_text=texts[0])
    if args.command == "simplify":
        return simplify_report(d, options, source_text=texts[0])
    wrt = _names(args.wrt, d)
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


def codegen_for(args: argparse.Namespace, text: str, limits: Limits | None = None) -> str:
    """The source ``symdiff codegen`` prints: the gradient's code (``--value``: the expression's).

    >>> from symdiff.cli.options import parse_command
    >>> codegen_for(parse_command(["codegen", "x*y", "--wrt", "x"]), "x*y").splitlines()[-4:]
    ['def grad_f(v_x, v_y):', '    return (', '        v_y,', '    )']
    """
    limits = (limits_from(args) if limits is None else limits).begin()
    d = as_definition(text, limits)
    wrt = _names(args.wrt, d)
    if args.value and wrt:
        raise ArgumentError("--value gives the expression's code: leave out --wrt")
    return codegen_source(d, args.target, wrt, _names(args.vars, d) or None, value=args.value,
                          limits=limits)  # fmt: skip
