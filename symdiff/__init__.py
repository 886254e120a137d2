"""symdiff: symbolic differentiation the way a textbook does it, at the scale of a compiler.

>>> import symdiff
>>> str(symdiff.diff("3x^3z - y^2 + 5z + 2yz", "x"))
'9*x^2*z'
"""

from __future__ import annotations

from .api import as_definition, derive, diff, gradient, parse, simplify, var, variables_of
from .ast import Add, Call, Const, Derivative, Expr, Indicator, Mul, Num, Pow, Var

# builders with sharing; symdiff.max, .min, .sum, .abs shadow builtins only inside symdiff
from .build import abs_ as abs
from .build import cos, exp, log, prod, relu, sigmoid, sin, sqrt, tan, tanh
from .build import max_ as max
from .build import min_ as min
from .build import sum_ as sum
from .calculus import check_answer, derivations, hessian, jacobian, nth_derivative, partial
from .definition import Definition
from .derivation import Derivation, Line
from .errors import DomainError, LimitError, ParseError, SymdiffError, UnsupportedError
from .limits import DEFAULT_LIMITS, Limits
from .printers import render
from .steps import Step

__version__ = "0.1.0"

__all__ = [
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
    "abs",
    "as_definition",
    "check_answer",
    "cos",
    "derivations",
    "derive",
    "diff",
    "exp",
    "gradient",
    "hessian",
    "jacobian",
    "log",
    "max",
    "min",
    "nth_derivative",
    "parse",
    "partial",
    "prod",
    "relu",
    "render",
    "sigmoid",
    "simplify",
    "sin",
    "sqrt",
    "sum",
    "tan",
    "tanh",
    "var",
    "variables_of",
]
