"""The command line's bounds: one option per field of ``Limits``, read back into ``Limits``.

:func:`add_limit_options` gives ``--max-depth N`` ... ``--timeout S``; :func:`limits_from`
turns parsed options into ``Limits``, refusing an order beyond ``max_order`` before
anything is built (``--order 100000000`` is refused in microseconds).

>>> p = argparse.ArgumentParser()
>>> add_limit_options(p)
>>> limits_from(p.parse_args(["--max-depth", "500"])).max_depth
500
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields, replace

from ..limits import DEFAULT_LIMITS, Limits

_HELP = {
    "max_input_chars": "characters of input",
    "max_depth": "nesting depth (parentheses, calls, powers, signs)",
    "max_nodes": "distinct nodes of a parsed expression",
    "max_literal_digits": "digits of one number literal",
    "max_fold_bits": "bits of a number the simplifier may compute",
    "max_order": "order of a derivative",
    "max_simplify_steps": "simplifier rewrites",
    "max_output_chars": "characters of one printed result",
    "timeout": "wall-clock seconds (default: none)",
}


def seconds(text: str) -> float:
    """A positive, finite number of seconds (``--timeout``).

    >>> seconds("2.5")
    2.5
    """
    value = float(text)
    if not value > 0 or value == float("inf"):
        raise ValueError(text)
    return value


seconds.__name__ = "positive number of seconds"  # argparse names the type in its message


def _positive_int(text: str) -> int:
    """A whole number from 1 to ``sys.maxsize`` (read without converting an overlong text)."""
    shown = repr(text) if len(text) <= 40 else repr(text[:37] + "...")
    digits = text.replace("_", "").strip()
    if len(digits.lstrip("+0")) > len(str(sys.maxsize)):
        raise argparse.ArgumentTypeError(f"{shown} is too large (at most {sys.maxsize})")
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{shown} must be at least 1")
    if value > sys.maxsize:
        raise argparse.ArgumentTypeError(f"{shown} is too large (at most {sys.maxsize})")
    return value


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-depth N`` ... ``--timeout S``, one option per field of :class:`Limits`.

    An option the parser already has (say ``--timeout``) is left as it is.

    >>> p = argparse.ArgumentParser()
    >>> add_limit_options(p)
    >>> p.parse_args(["--timeout", "2.5", "--max-nodes", "1_000"]).max_nodes
    1000
    """
    group = parser.add_argument_group(
        "limits", "bounds on time and memory; exceeding one is an error (exit code 2)"
    )
    existing = set(parser._option_string_actions)  # argparse has no public accessor
    for f in fields(Limits):
        option = "--" + f.name.replace("_", "-")
        if f.name == "deadline" or option in existing:
            continue
        default = getattr(DEFAULT_LIMITS, f.name)
        shown = "" if default is None else f" (default: {default:,})".replace(",", "_")
        group.add_argument(
            option,
            dest=f.name,
            type=seconds if f.name == "timeout" else _positive_int,
            default=None,
            metavar="S" if f.name == "timeout" else "N",
            help=_HELP[f.name] + shown,
        )


def limits_from(args: argparse.Namespace, base: Limits = DEFAULT_LIMITS) -> Limits:
    """The limits the options ask for (fields not given keep ``base``'s value).

    The order the command asks for (``--order``, repeated ``--wrt``, 2 for ``hessian``) is
    checked here, before a list of that many variables is built.

    >>> from symdiff.cli.options import parse_command
    >>> limits_from(parse_command(["x", "--timeout", "2"])).timeout
    2.0
    >>> limits_from(parse_command(["x^3", "--order", "100000000"]))
    Traceback (most recent call last):
    symdiff.errors.LimitError: a derivative of order 100000000 exceeds the limit of 20 (max_order)
    """
    given = {
        f.name: getattr(args, f.name)
        for f in fields(Limits)
        if f.name != "deadline" and getattr(args, f.name, None) is not None
    }
    limits = replace(base, **given) if given else base
    second = 2 if getattr(args, "command", None) == "hessian" else 1
    wrt = len(getattr(args, "wrt", None) or ())
    limits.check_order(max(getattr(args, "order", 1), wrt, second))
    return limits
