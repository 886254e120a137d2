"""Run a parsed command on one input, or on each line of stdin (``-``), and write the output.

>>> import io
>>> from symdiff.cli.options import parse_command
>>> out = io.StringIO()
>>> run(parse_command(["grad", "x*y", "--format", "text"]), out), out.getvalue()
(0, 'df/dx = y\\ndf/dy = x\\n')
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable
from typing import TextIO

from ..core.guards import check_output
from ..errors import SymdiffError
from ..limits import DEFAULT_LIMITS, Limits
from ..printers import render
from ..report import Report
from . import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_WRONG_ANSWER
from .commands import codegen_for, report_for
from .limit_options import limits_from
from .options import ArgumentError

SEVERITY = (EXIT_OK, EXIT_WRONG_ANSWER, EXIT_INPUT, EXIT_INTERNAL)  # later ones win


def worst(*codes: int) -> int:
    """The exit code that matters most: internal error, then bad input, then a wrong answer.

    >>> worst(0, 3, 2), worst(0, 0)
    (2, 0)
    """
    return max(codes, key=SEVERITY.index)


def status(report: Report) -> int:
    """0, 3 for a wrong answer to ``check``, 1 when --check or --verify found a wrong result.

    >>> from symdiff.results import check_report
    >>> status(check_report("x^3", "3x^2")), status(check_report("x^3", "3x^3"))
    (0, 3)
    """
    failed = any(not v.correct and v.decided for i in report.items for _, v in i.checks)
    if failed:
        return EXIT_INTERNAL
    if report.verdict is not None and not report.verdict.correct:
        return EXIT_WRONG_ANSWER
    return EXIT_OK


def output(report: Report, fmt: str, color: bool = False, limits: Limits = DEFAULT_LIMITS) -> str:
    """One report of a batch: as the API renders it, but ``html`` gives a section of the page.

    Output beyond ``limits.max_output_chars`` is refused before printing, as by ``render``.

    >>> from symdiff.results import gradient_report
    >>> output(gradient_report("x*y"), "html").startswith("<section>")
    True
    """
    if fmt == "html":
        from ..printers.html import section

        check_output(report.exprs(), limits)
        return section(report)
    return render(report, fmt, color=color, limits=limits)


def stdin_lines() -> TextIO:
    """Standard input as UTF-8 text whose undecodable bytes survive as lone surrogates.

    The parser's input hygiene then names the line and column of invalid UTF-8,
    whatever the locale's decoder would have done with it.
    """
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # already text (a test's StringIO)
        return sys.stdin
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape")


def run(args: argparse.Namespace, out: TextIO, color: bool = False) -> int:
    """Run the command; return the exit code."""
    if args.command == "jacobian":
        texts = list(args.exprs)
        if texts == ["-"]:
            texts = [t for t in (line.strip() for line in stdin_lines()) if t and t[0] != "#"]
        return _single(args, texts, out, color)
    if args.command == "codegen":  # source code, not a Report
        if args.expr.strip() == "-":
            raise ArgumentError("codegen takes one expression, not stdin")
        out.write(codegen_for(args, args.expr, limits_from(args).begin()))
        return EXIT_OK
    if args.expr.strip() == "-":
        return _batch(args, stdin_lines(), out, color)
    return _single(args, args.expr, out, color)


def _single(args: argparse.Namespace, text: str | list[str], out: TextIO, color: bool) -> int:
    limits = limits_from(args).begin()  # one clock for the whole command (polled: any thread)
    report = report_for(args, text, limits)
    shown = render(report, args.format, color=color, limits=limits)
    out.write(shown if shown.endswith("\n") else shown + "\n")
    return status(report)


def _batch(args: argparse.Namespace, lines: Iterable[str], out: TextIO, color: bool) -> int:
    """One input per line (blank lines and lines starting with # are skipped)."""
    code, sections, sources, previous = EXIT_OK, [], [], ""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            limits = limits_from(args).begin()  # one clock per input line
            report = report_for(args, text, limits)
            shown = output(report, args.format, color, limits)
        except (SymdiffError, ArgumentError, RecursionError) as exc:
            message = str(exc) if not isinstance(exc, RecursionError) else "nested too deeply"
            print(f"symdiff: error: line {number}: {' '.join(message.split())}", file=sys.stderr)
            code = worst(code, EXIT_INPUT)
            if args.format == "json":
                out.write(_error_json(text, exc) + "\n")
                out.flush()
            continue
        code = worst(code, status(report))
        if args.format == "html":
            sections.append(shown)
            sources.append(text)
            continue
        if previous and ("\n" in previous or "\n" in shown) and args.format != "json":
            out.write("---\n\n" if args.format == "markdown" else "\n")
        out.write(shown.rstrip("\n") + "\n")
        out.flush()
        previous = shown
    if args.format == "html":
        from ..printers.html import sections_page

        out.write(sections_page(sections, sources))
    return code


def _error_json(text: str, exc: BaseException) -> str:
    from ..printers.json import dumps

    message = " ".join(str(exc).split()) or type(exc).__name__
    return dumps({"kind": "error", "input": text,
                  "error": {"type": type(exc).__name__, "message": message}})  # fmt: skip
