"""The ``symdiff`` command: differentiate an expression, optionally showing the steps.

>>> main(["x^3", "--wrt", "x", "--format", "text"])
3*x^2
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import SymdiffError

EPILOG = """examples:
  symdiff "3(2x^2)^5" --wrt x          prints 960x⁹
  symdiff "f(x, y) = x*y" --wrt y --steps
  symdiff "3x^3z - y^2 + 5z + 2yz"     every partial derivative (the gradient)

exit codes: 0 success, 2 bad input (parse error, unknown function, bad option), 1 internal error
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command.

    >>> build_parser().parse_args(["x^2", "--wrt", "x"]).wrt
    'x'
    """
    parser = argparse.ArgumentParser(
        prog="symdiff",
        description="Differentiate an expression the way a textbook does.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("expr", help='the expression, e.g. "3x^3z - y^2" or "h(x) = 3(2x^2)^5"')
    parser.add_argument("--wrt", help="the variable to differentiate by (default: every one)")
    parser.add_argument("--steps", action="store_true", help="show the derivation step by step")
    parser.add_argument(
        "--format",
        choices=("text", "unicode", "latex", "markdown", "json"),
        default="unicode",
        help="output format (default: unicode)",
    )
    return parser


class _ArgumentError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _ArgumentError(message)


def _render(expr: object, fmt: str) -> str:
    from .printers import render

    return render(expr, "unicode" if fmt in ("markdown", "json") else fmt)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> str:
    """Compute what the command prints for parsed arguments.

    >>> run(build_parser().parse_args(["3(2x^2)^5", "--wrt", "x"]))
    '960x⁹'
    """
    from . import api

    definition = api.as_definition(args.expr)
    names = [args.wrt] if args.wrt else api.variables_of(definition) or ["x"]
    out = []
    for name in names:
        if args.steps or args.format == "json":
            derivation = api.derive(definition, name)
            out.append(derivation.render(args.format))
        else:
            result = _render(api.diff(definition, name), args.format)
            out.append(result if len(names) == 1 else f"∂/∂{name}: {result}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: print the result, return the exit code.

    >>> main(["x +* y"])
    2
    """
    parser = build_parser()
    parser.__class__ = _Parser
    try:
        args = parser.parse_args(argv)
        print(run(args))
    except _ArgumentError as exc:
        print(f"symdiff: error: {exc}", file=sys.stderr)
        return 2
    except SymdiffError as exc:
        print(f"symdiff: error: {exc}", file=sys.stderr)
        return 2
    return 0
