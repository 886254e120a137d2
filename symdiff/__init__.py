"""symdiff: symbolic differentiation the way a textbook does it, at the scale of a compiler.

>>> import symdiff
>>> str(symdiff.diff("3x^3z - y^2 + 5z + 2yz", "x"))
'9*x^2*z'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .core.functions import FUNCTIONS, SHORTHANDS, shorthand_builder

# Each public name and the module it lives in.  They are imported on first use, so that a
# command (or a program) that needs only part of symdiff does not pay for all of it.
_HOMES = {
    "api": "as_definition compile derive diff gradient parse simplify var variables_of",
    "core.expr": "Add Call Const Derivative Expr Indicator Mul Num Pow Var",
    "core.build": "prod",
    "higher": "check_answer derivations hessian jacobian nth_derivative partial",
    "core.definition": "Definition",
    "calculus.derivation": "Line",
    "report": "Derivation",
    "errors": "DomainError LimitError ParseError SymdiffError UnsupportedError",
    "limits": "DEFAULT_LIMITS Limits",
    "printers": "render",
    "core.steps": "Step",
    "jobs": "batch",
    "walkthrough": "backprop",
}
_WHERE = {name: (home, name) for home, names in _HOMES.items() for name in names.split()}
# a builder with sharing for each known function, named as the function (symdiff.sin,
# symdiff.max: these shadow builtins only inside symdiff), and the n-ary sum
_BUILDERS = {row.name: ("core.build", row.builder) for row in FUNCTIONS.values()}
# and a builder for each shorthand (symdiff.log10, symdiff.pow): what the name stands for
_BUILDERS.update(
    {n: ("core.build", shorthand_builder(n)) for n in SHORTHANDS if n not in FUNCTIONS}
)
_WHERE.update({**_BUILDERS, "sum": ("core.build", "sum_")})

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from .api import as_definition, derive, diff, gradient, parse, simplify, var, variables_of
    from .api import compile as compile
    from .calculus.derivation import Line
    from .core.build import prod
    from .core.build import sum_ as sum
    from .core.definition import Definition
    from .core.expr import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var
    from .core.steps import Step
    from .errors import DomainError, LimitError, ParseError, SymdiffError, UnsupportedError
    from .higher import check_answer, derivations, hessian, jacobian, nth_derivative, partial
    from .jobs import batch
    from .limits import DEFAULT_LIMITS, Limits
    from .printers import render
    from .report import Derivation
    from .walkthrough import backprop


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562); later uses find it in the module."""
    if name not in _WHERE:
        raise AttributeError(f"module 'symdiff' has no attribute {name!r}")
    home, attr = _WHERE[name]
    value = getattr(import_module(f".{home}", __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


__version__ = "0.1.0"

__all__ = [  # and a builder for each known function (symdiff.sin, ...), from the table
    "DEFAULT_LIMITS",
    "Add",
    "Call",
    "Const",
    "Definition",
    "Derivation",
    "Derivative",
    "DomainError",
    "Expr",
    "Indicator",
    "LimitError",
    "Limits",
    "Line",
    "Mul",
    "Num",
    "ParseError",
    "Pow",
    "Step",
    "SymdiffError",
    "UnsupportedError",
    "Var",
    "as_definition",
    "backprop",
    "batch",
    "check_answer",
    "compile",
    "derivations",
    "derive",
    "diff",
    "gradient",
    "hessian",
    "jacobian",
    "nth_derivative",
    "parse",
    "partial",
    "prod",
    "render",
    "simplify",
    "sum",
    "var",
    "variables_of",
    *_BUILDERS,
]
