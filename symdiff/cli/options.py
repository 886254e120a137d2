"""The command line's arguments: one parser per command, sharing option groups.

The first argument picks the command: ``grad``, ``hessian``, ``jacobian``,
``simplify``, ``check``, ``plot``, ``codegen``, ``backprop``, ``batch`` or ``serve`` (no
expression is exactly one of these words), else
the expression itself is differentiated.  New options for every command go in
:func:`add_shared_options`; the options of ``Limits`` and :func:`limits_from` (parsed
options to ``Limits``, refusing an order beyond ``max_order`` first) are in
:mod:`.limit_options`.

>>> parse_command(["x^2 y", "--wrt", "x,y"]).wrt
['x', 'y']
>>> parse_command(["grad", "x*y", "--vars", "y"]).command
'grad'
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..printers import FORMATS as REGISTRY
from .function_names import ListFunctions
from .limit_options import add_limit_options, seconds
from .texts import DESCRIPTIONS, EXIT_CODES, EXPR_HELP, MAIN_EPILOG, PLOT_HELP

FORMATS = tuple(REGISTRY)  # the --format choices: every format a Report renders in
COMMANDS = ("grad", "hessian", "jacobian", "simplify", "check", "plot", "codegen", "backprop",
            "batch", "serve")  # fmt: skip
TARGETS = ("python", "numpy", "c", "jax", "torch")  # codegen --target choices


class ArgumentError(Exception):
    """A bad command line (exit code 2)."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ArgumentError(message)


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class _Names(argparse.Action):
    """``--wrt x --wrt y`` and ``--wrt x,y`` both give ``["x", "y"]``."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option: str | None = None) -> None:  # fmt: skip
        names = _names(str(values))
        if not names:
            raise ArgumentError(f"{option} needs a variable name")
        setattr(namespace, self.dest, [*(getattr(namespace, self.dest) or []), *names])


def _order(text: str) -> int:
    if len(text) > 40:  # no order has that many digits; int() of an overlong text may fail
        raise ValueError(text)
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


_order.__name__ = "order (1, 2, 3, ...)"


def _format_help() -> str:
    names = [f"{name} (default)" if name == "unicode" else name for name in FORMATS]
    return ", ".join(names[:-1]) + " or " + names[-1]


def add_shared_options(
    parser: argparse.ArgumentParser,
    *,
    formats: bool = True,
    timeout: str = "give up (exit 2) after this much wall-clock time",
) -> None:
    """Options every command has: output format (``formats``), time limit, debugging."""
    if formats:
        parser.add_argument("--format", choices=FORMATS, metavar="FORMAT",
                            help=_format_help())  # fmt: skip
    parser.add_argument("--timeout", type=seconds, metavar="SECONDS", help=timeout)
    parser.add_argument("--debug", action="store_true",
                        help="show the traceback of an internal error")  # fmt: skip
    add_limit_options(parser)


def add_result_options(parser: argparse.ArgumentParser, *, at: bool = True) -> None:
    """How a result is shown: steps, expansion, value at a point."""
    parser.add_argument("--steps", action="store_true",
                        help="show the derivation, one rule level per line")  # fmt: skip
    parser.add_argument("--expand", action="store_true",
                        help="expand products and integer powers of sums")  # fmt: skip
    parser.add_argument("--factor", action="store_true",
                        help="take common factors out of sums (not with --expand)")  # fmt: skip
    if at:
        parser.add_argument("--at", action="append", metavar="POINT", default=[],
                            help="also evaluate the result at a point, e.g. x=1,y=-2 "
                            "(exact where possible)")  # fmt: skip


def add_derivative_options(parser: argparse.ArgumentParser) -> None:
    """Options of the commands that differentiate: raw output and checks."""
    parser.add_argument("--no-simplify", dest="simplify", action="store_false",
                        help="show the rules' raw output, unsimplified")  # fmt: skip
    parser.add_argument("--check", action="store_true",
                        help='compare with SymPy (pip install "symdiff[check]")')  # fmt: skip
    parser.add_argument("--verify", action="store_true",
                        help="check numerically by finite differences")  # fmt: skip


def _jobs(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 1024:
        raise ValueError(text)
    return value


_jobs.__name__ = "number of jobs (1 to 1024)"


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``symdiff batch``: files, engine, order, resume, progress, limits."""
    parser.add_argument("input", metavar="IN.jsonl", help='the records, one per line ("-": stdin)')
    parser.add_argument("-o", "--output", metavar="OUT.jsonl",
                        help="where to write the results (default: stdout)")  # fmt: skip
    parser.add_argument("--jobs", type=_jobs, metavar="N",
                        help="worker processes (default: every core)")  # fmt: skip
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local worker processes (default), or a Dask cluster "
                        '(pip install "symdiff[dask]")')  # fmt: skip
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local "
                        "cluster of --jobs workers)")  # fmt: skip
    parser.add_argument("--unordered", dest="ordered", action="store_false",
                        help="write records as they finish, not in input order")  # fmt: skip
    parser.add_argument("--resume", action="store_true",
                        help="skip the records whose ids OUT holds, and append")  # fmt: skip
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bar and no summary line")  # fmt: skip
    add_shared_options(parser, formats=False, timeout="the time limit of each record (default 60)")


def add_backprop_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``symdiff backprop``: the point, the parameters, the whole graph, format."""
    parser.add_argument("expr", metavar="EXPR", help=EXPR_HELP.split(";")[0])
    parser.add_argument("--at", action="append", metavar="POINT", required=True,
                        help="a value for every variable, e.g. x0=1,w0=-3,b=1")  # fmt: skip
    parser.add_argument("--wrt", action=_Names, metavar="PARAMS", default=[],
                        help="the parameters to explain (default: every variable)")  # fmt: skip
    parser.add_argument("--full", action="store_true",
                        help="every node, however big the graph (default: up to 80 nodes; "
                        "beyond, a summary per layer)")  # fmt: skip
    parser.add_argument("--format", choices=(*FORMATS, "dot"), metavar="FORMAT",
                        help=_format_help() + ", or dot (Graphviz)")  # fmt: skip
    add_shared_options(parser, formats=False)


def _port(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 65535:
        raise ValueError(text)
    return value


_port.__name__ = "port (1 to 65535)"


def add_serve_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``symdiff serve``: where to listen, workers, limits per request."""
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address (default 127.0.0.1: this machine only)")  # fmt: skip
    parser.add_argument("--port", type=_port, default=8000, help="the port (default 8000)")
    parser.add_argument("--jobs", type=_jobs, metavar="N",
                        help="worker processes (default: every core)")  # fmt: skip
    add_shared_options(parser, formats=False, timeout="the time limit of each request (default 10)")


def add_plot_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``plot``: the variable, the point, the window, f″, the output file."""
    parser.add_argument("--wrt", action=_Names, metavar="VAR", default=[],
                        help="plot along VAR (needed with several variables)")  # fmt: skip
    parser.add_argument("--at", action="append", metavar="POINT", default=[],
                        help="fix the other variables, e.g. y=2; a value for VAR itself "
                        "draws the tangent there")  # fmt: skip
    parser.add_argument("--xrange", metavar="A,B",
                        help="the window, e.g. -5,5 (default: chosen from f)")  # fmt: skip
    parser.add_argument("--second", action="store_true", help="also plot the second derivative")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the SVG to FILE (default: standard output)")  # fmt: skip
    add_shared_options(parser, formats=False)


def build_parser(command: str | None = None) -> Parser:
    """The parser of one command (``None``: differentiate an expression).

    >>> build_parser().parse_args(["x^2", "--wrt", "x"]).wrt
    ['x']
    """
    prog = "symdiff" if command is None else f"symdiff {command}"
    raw = argparse.RawDescriptionHelpFormatter
    if command is None:
        p = Parser(prog=prog, formatter_class=raw, epilog=MAIN_EPILOG,
                   description="Differentiate an expression the way a textbook does, "
                   "and show how.")  # fmt: skip
    else:
        p = Parser(prog=prog, formatter_class=raw, description=DESCRIPTIONS[command],
                   epilog=EXIT_CODES)  # fmt: skip
    # on every command, as a user reaching for them mid-command expects
    p.add_argument("--version", action="version", version="symdiff " + _version())
    p.add_argument("--functions", action=ListFunctions,
                   help="list the functions symdiff knows, by family, and exit")  # fmt: skip
    if command == "batch":
        add_batch_options(p)
        return p
    if command == "backprop":
        add_backprop_options(p)
        return p
    if command == "serve":
        add_serve_options(p)
        return p
    if command == "jacobian":
        p.add_argument("exprs", nargs="+", metavar="EXPR", help="the functions, one per row")
    else:
        p.add_argument("expr", metavar="EXPR", help=PLOT_HELP if command == "plot" else EXPR_HELP)
    if command == "plot":
        add_plot_options(p)
        return p
    if command == "codegen":
        p.add_argument("--wrt", action=_Names, metavar="VAR", default=[],
                       help="the partial derivatives to compute, e.g. x,y (default: "
                       "by every variable)")  # fmt: skip
    if command in (None, "check"):
        p.add_argument("--wrt", action=_Names, metavar="VAR", default=[],
                       help="differentiate by VAR; repeat it or list VARs (x,y) for a mixed "
                       "partial, taken in order")  # fmt: skip
    if command is None:
        p.add_argument("--order", type=_order, default=1, metavar="N",
                       help="the N-th derivative (default 1)")  # fmt: skip
        p.add_argument("--no-plot", dest="plot", action="store_false",
                       help="html, markdown: leave out the plot of f and f′")  # fmt: skip
    if command in ("grad", "hessian", "jacobian", "codegen"):
        p.add_argument("--vars", action=_Names, metavar="VARS", default=None,
                       help="the variables, in order, e.g. x,y (default: the signature's, "
                       "else all of them in natural order)")  # fmt: skip
    if command == "check":
        p.add_argument("--answer", required=True, metavar="ANSWER",
                       help="the answer to check, e.g. \"9x^2z\"")  # fmt: skip
    if command == "codegen":
        add_codegen_options(p)
        add_shared_options(p)
        return p
    add_result_options(p, at=command != "check")
    if command not in ("simplify", "check"):
        add_derivative_options(p)
    add_shared_options(p)
    return p


def add_codegen_options(parser: argparse.ArgumentParser) -> None:
    """Options of ``codegen``: the target language, and the value instead of the gradient."""
    parser.add_argument("--target", choices=TARGETS, default="python", metavar="TARGET",
                        help=", ".join(TARGETS) + " (default python)")  # fmt: skip
    parser.add_argument("--value", action="store_true",
                        help="the code of the expression itself, not of its gradient")  # fmt: skip


DEFAULTS: dict[str, object] = {
    "wrt": [], "order": 1, "vars": None, "at": [], "steps": False, "expand": False,
    "factor": False,
    "simplify": True, "check": False, "verify": False, "format": None,
}  # fmt: skip


def _version() -> str:
    from .. import __version__
    from ..core.native import build

    return f"{__version__} ({build()})"


def _protect(argv: Sequence[str], short: Sequence[str] = ("-h",)) -> list[str]:
    """Let an expression or value start with "-": ``-x^2`` is not an option (``short`` are)."""
    out: list[str] = []
    for i, arg in enumerate(argv):
        if arg == "--":
            return out + list(argv[i:])
        negative = arg.startswith("-") and len(arg) > 1 and not arg.startswith("--")
        out.append(" " + arg if negative and arg not in short else arg)
    return out


def parse_command(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line; ``.command`` is ``None`` to differentiate an expression.

    >>> parse_command(["-x^2", "--at", "x=-1"]).expr
    ' -x^2'
    """
    command = argv[0] if argv and argv[0] in COMMANDS else None
    if command in ("batch", "serve"):  # no expression: nothing to protect
        args = list(argv)
    else:
        args = _protect(argv, ("-h", "-o") if command == "plot" else ("-h",))
    namespace = build_parser(command).parse_args(args[1:] if command else args)
    namespace.command = command
    for name, value in DEFAULTS.items():  # options a command lacks read as their defaults
        if not hasattr(namespace, name):
            setattr(namespace, name, value)
    if command is None and namespace.expr.strip() in COMMANDS:
        raise ArgumentError(f"put the command first: symdiff {namespace.expr.strip()} EXPR ...")
    return namespace
