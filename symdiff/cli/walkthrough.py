"""``symdiff backprop EXPR --at POINT``: parsed options to :func:`symdiff.backprop`, printed.

>>> import io
>>> from symdiff.cli.options import parse_command
>>> out = io.StringIO()
>>> args = parse_command(["backprop", "x*y", "--at", "x=2,y=3", "--format", "text"])
>>> run_backprop_command(args, out), out.getvalue().splitlines()[-2:]
(0, ['  dL/dx = 3', '  dL/dy = 2'])
"""

from __future__ import annotations

import argparse
from typing import IO

from . import EXIT_OK
from .limit_options import limits_from
from .values import parse_point, variable_name


def run_backprop_command(args: argparse.Namespace, out: IO[str]) -> int:
    """Explain the gradient at the point; write it in the chosen format."""
    from ..api import as_definition
    from ..walkthrough import backprop

    limits = limits_from(args).begin()
    d = as_definition(args.expr, limits)
    point = parse_point(args.at, d)
    wrt = [variable_name(t, d) for t in args.wrt] or None
    walkthrough = backprop(d, point, wrt, full=args.full or None, limits=limits)
    shown = walkthrough.render(args.format, limits=limits)
    out.write(shown if shown.endswith("\n") else shown + "\n")
    return EXIT_OK
