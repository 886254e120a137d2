"""Run a parsed command on one input, or on each line of stdin (``-``), and write the output.

>>> import io
>>> from symdiff.cli.options import parse_command
>>> out = io.StringIO()
>>> run(parse_command(["grad", "x*y", "--format", "text"]), out), out.getvalue()
(0, 'df/dx = y\\ndf/dy = x\\n')
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TextIO

from ..core.guards import check_output
from ..errors import SymdiffError
from ..limits import DEFAULT_LIMITS, Limits
from ..printers import render
from ..report import Report
from . import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_WRONG_ANSWER, stdin_lines, worst
from .commands import codegen_for, plot_for, report_for
from .limit_options import limits_from
from .options import ArgumentError


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


def run(args: argparse.Namespace, out: TextIO, color: bool = False) -> int:
    """Run the command; return the exit code."""
    if args.command == "serve":
        from .serve import run_serve_command

        return run_serve_command(args)
    if args.command == "backprop":
        from .walkthrough import run_backprop_command

        return run_backprop_command(args, out)
    if args.command == "batch":
        from .batch import run_batch_command

        return run_batch_command(args, out)
    if args.command == "plot":
        return _plot(args, out)
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
    notes: list[str] = []
    report = report_for(args, text, limits, notes)
    for note in notes:
        print(f"symdiff: note: {note}", file=sys.stderr)
    shown = render(report, args.format, color=color, limits=limits)
    out.write(shown if shown.endswith("\n") else shown + "\n")
    return status(report)


def _plot(args: argparse.Namespace, out: TextIO) -> int:
    """``symdiff plot``: the SVG to ``--output`` (a file), else to ``out``."""
    if args.expr.strip() == "-":
        raise ArgumentError("plot takes one expression, not standard input")
    svg = plot_for(args, limits_from(args).begin())
    if args.output is None or args.output == "-":
        out.write(svg)
        return EXIT_OK
    try:
        with open(args.output, "w", encoding="utf-8") as file:
            file.write(svg)
    except OSError as exc:
        raise ArgumentError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    return EXIT_OK


def _batch(args: argparse.Namespace, lines: Iterable[str], out: TextIO, color: bool) -> int:
    """One input per line (blank lines and lines starting with # are skipped).

    Every input gives exactly one record, in order: its output, or for a failing input
    an error record (:func:`error_record`: one line ``error: ...`` in text formats), the
    error also on stderr; the batch goes on, and the exit code is the worst of all.
    """
    code, sections, sources, previous = EXIT_OK, [], [], ""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        notes: list[str] = []
        try:
            limits = limits_from(args).begin()  # one clock per input line
            report = report_for(args, text, limits, notes)
            shown = output(report, args.format, color, limits)
            failed = status(report)
        except (SymdiffError, ArgumentError, RecursionError) as exc:
            shown, failed = error_record(args.format, text, exc), EXIT_INPUT
            print(f"symdiff: error: line {number}: {_message(exc)}", file=sys.stderr)
        except Exception as exc:  # a bug: this line fails, the batch goes on
            if args.debug:
                import traceback

                traceback.print_exc()
            shown, failed = error_record(args.format, text, exc), EXIT_INTERNAL
            print(f"symdiff: error: line {number}: internal error: {_message(exc)} "
                  "(run with --debug for the traceback)", file=sys.stderr)  # fmt: skip
        for note in notes:
            print(f"symdiff: note: line {number}: {note}", file=sys.stderr)
        code = worst(code, failed)
        if args.format == "html":
            sections.append(shown)
            sources.append(text)
            continue
        if previous and args.format == "markdown":  # every record alike, never a heading
            from ..printers.markdown import RECORD_SEPARATOR

            out.write(RECORD_SEPARATOR)
        elif previous and ("\n" in previous or "\n" in shown) and args.format != "json":
            out.write("\n")
        out.write(shown.rstrip("\n") + "\n")
        out.flush()
        previous = shown
    if args.format == "html":
        from ..printers.html import sections_page

        out.write(sections_page(sections, sources))
    return code


def _message(exc: BaseException) -> str:
    """An error as one line of words."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, SymdiffError | ArgumentError):
        return " ".join(str(exc).split()) or type(exc).__name__
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def error_record(fmt: str, text: str, exc: BaseException) -> str:
    """The record of a failing batch input, in the output format (one line but for HTML).

    >>> error_record("text", "x +", ValueError("bad"))
    'error: ValueError: bad'
    >>> error_record("json", "x +", SymdiffError("bad"))
    '{"schema": 1, "kind": "error", "input": "x +", "error": {"type": "SymdiffError", \
"message": "bad"}}'
    """
    message = _message(exc)
    if fmt == "json":
        from ..printers.json import dumps, error_json

        return dumps(error_json(text, message, type(exc).__name__))
    if fmt == "markdown":
        return f"**Error** in `{text.replace('`', '')}`: {message}"
    if fmt == "html":
        from html import escape

        return f'<section class="error"><p>Error: {escape(message)}</p></section>'
    return f"error: {message}"
