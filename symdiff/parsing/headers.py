"""What comes before the expression: ``f(x, y) =``, ``y =``, or a derivative operator ``d/dx``.

Each is recognised by a regular expression before parsing and blanked out of the text, so
the columns of the rest stay those of the full input.  ``f(x, y) = body`` names the function
and its parameters (``f'(x)``, ``∂f/∂x`` in the output); ``y = body`` names the dependent
variable (``dy/dx``), which may not appear in the body; a leading ``d/dx``
(:mod:`symdiff.parsing.operator`) gives the variable and order of differentiation.

>>> h = read_header("y = x^2", Limits())
>>> h.name, h.params, h.dependent, h.text
('y', None, True, '    x^2')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.expr import Expr
from ..core.functions import ALIASES, GREEK, GREEK_LETTERS, KNOWN
from ..core.walk import iter_vars
from ..limits import Limits
from .errors import error_at
from .operator import check_stray, leading_operator

_NAME = r"(?:[A-Za-z]+|[" + "".join(GREEK_LETTERS) + r"])[0-9]*(?:_(?:[0-9]+|[A-Za-z]+[0-9]*))*"
_HEADER = re.compile(r"\s*(?P<name>\w+)\s*\((?P<params>[^()=]*)\)\s*=")
_DEPENDENT = re.compile(r"\s*(?P<name>\w+)\s*=")
_BUILT_IN = ("e", "pi")


@dataclass(slots=True)
class Header:
    """The signature or operator before the expression, and the text left to parse."""

    text: str
    name: str | None = None
    params: tuple[str, ...] | None = None
    wrt: tuple[str, ...] = ()
    dependent: bool = False
    after: str = "at the start"  # what precedes the first token, for error messages


def read_header(text: str, limits: Limits) -> Header:
    """Split off a definition's signature or a leading derivative operator.

    >>> h = read_header("d/dx x^2", Limits())
    >>> h.wrt, h.after
    (('x',), 'after "d/dx"')
    """
    head = Header(text)
    if text.lstrip()[:1] in ("d", "∂"):
        operator = leading_operator(text, limits)
        if operator is not None:
            head.text, head.wrt = operator.text, operator.wrt
            head.after = f'after "{operator.shown}"'
    signature = _HEADER.match(text) if "=" in text and not head.wrt else None
    named = _DEPENDENT.match(text) if "=" in text and not head.wrt else None
    if signature is not None:
        head.name, head.params = _signature(text, signature)
        end = signature.end()
    elif named is not None and not text[named.end() :].startswith("="):
        head.name, head.dependent = _dependent(text, named), True
        end = named.end()
    elif "=" in head.text:
        raise error_at(
            text,
            head.text.index("="),
            'unexpected "=": only a definition such as "f(x, y) = x*y" contains "="',
        )
    else:
        end = 0
    if end:
        head.text = re.sub(r"[^\n]", " ", text[:end]) + text[end:]
        head.after = 'after "="'
        if not head.text.strip():
            raise error_at(text, end, 'expected an expression after "="', "an expression")
    if "/" in head.text or "∂" in head.text:
        check_stray(head.text, first=not end)
    return head


def check_dependent(text: str, head: Header, body: Expr) -> None:
    """``y = body`` defines y: it may not appear in the body (no implicit equations).

    >>> from symdiff.core.expr import Var
    >>> check_dependent("y = y^2", Header("", "y", dependent=True), Var("y"))
    Traceback (most recent call last):
    symdiff.errors.ParseError: line 1, column 1: "y = ..." defines y, so y cannot appear \
on the right of "=" (implicit equations are not supported)
    """
    name = head.name
    if name is not None and any(v == name for v in iter_vars(body)):
        start = len(text) - len(text.lstrip())
        raise error_at(
            text,
            start,
            f'"{name} = ..." defines {name}, so {name} cannot appear on the right of "=" '
            "(implicit equations are not supported)",
        )


def _dependent(text: str, named: re.Match[str]) -> str:
    """The name of ``y = ...``, checked: one variable name, not a built-in one."""
    name = named["name"]
    if not re.fullmatch(_NAME, name):
        raise error_at(text, named.start("name"), f'"{name}" cannot name a function')
    name = GREEK_LETTERS.get(name[0], name[0]) + name[1:] if not name.isascii() else name
    if name in KNOWN or name in ALIASES or name in _BUILT_IN:
        raise error_at(text, named.start("name"), f'"{name}" is built in; it cannot be defined')
    return name


def _signature(text: str, header: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    """Name and parameters of a definition header, checked."""
    name = header["name"]
    if not re.fullmatch(_NAME, name) or not name.isascii():
        raise error_at(text, header.start("name"), f'"{name}" cannot name a function')
    if name in KNOWN or name in ALIASES or name in GREEK or name in _BUILT_IN:
        raise error_at(text, header.start("name"), f'"{name}" is built in; it cannot be defined')
    params: list[str] = []
    offset = header.start("params")
    for part in header["params"].split(","):
        pos = offset + len(part) - len(part.lstrip())
        offset += len(part) + 1
        param = part.strip()
        if not re.fullmatch(_NAME, param):
            what = f'"{param}" is not' if param else "expected"
            raise error_at(text, pos, f"{what} a parameter name", "a variable")
        param = GREEK_LETTERS.get(param[0], param[0]) + param[1:] if not param.isascii() else param
        if param in params or param == name or param in KNOWN or param in ALIASES:
            why = "repeated" if param in params else "not allowed as a parameter"
            raise error_at(text, pos, f'parameter "{param}" is {why}', "a variable")
        params.append(param)
    return name, tuple(params)
