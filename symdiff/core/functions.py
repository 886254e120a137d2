"""The functions symdiff knows by name: one row each, every fact about a function in its row.

The rows are written by family in :mod:`symdiff.core.table` (trigonometric, powers and
logarithms, hyperbolic, special functions, piecewise, neural networks).
The lexer's word list, the derivative rules, the evaluator, the simplifier's exact values,
the printers, the SymPy bridge, the ``symdiff.<name>`` builders and the README's list of
functions all read :data:`FUNCTIONS` (a row's facets are described in
:class:`~symdiff.core.facets.Function`).  Adding a function is one row in its family's
module, and its test rows.

Abstract functions (``f``, ``g``, ``h`` and any name given a definition) are not listed:
they are left undefined and differentiated by the chain rule.

>>> from symdiff.core.expr import Var
>>> row = FUNCTIONS["sin"]
>>> row.arity, str(row.partial((Var("x"),), 0)), row.latex, row.sympy
(1, 'cos(x)', '\\\\sin', 'sin')
>>> KNOWN["max"], ALIASES["ln"], listed_names()[:3]
(None, 'log', ('sin', 'cos', 'tan'))
"""

from __future__ import annotations

import builtins

from .expr import Call, Expr
from .facets import Function, Shorthand
from .table import hyperbolic, neural, piecewise, powers, special_functions, trigonometric

_FAMILIES = (trigonometric, powers, hyperbolic, special_functions, piecewise, neural)
_ROWS: tuple[Function, ...] = tuple(row for family in _FAMILIES for row in family.ROWS)

FUNCTIONS: dict[str, Function] = {row.name: row for row in _ROWS}

# Views of the table, for readers that need only one facet.
KNOWN: dict[str, int | None] = {row.name: row.arity for row in _ROWS}  # name -> arity
ALIASES: dict[str, str] = {s: row.name for row in _ROWS for s in row.spellings}
SPELLINGS: dict[str, Function] = {**FUNCTIONS, **{s: FUNCTIONS[n] for s, n in ALIASES.items()}}

# names that stand for expressions (``log10(u)`` is ``log(u)/log(10)``), by name and then
# by argument count (None: any number), expanded by the parser and the builders
SHORTHANDS: dict[str, dict[int | None, Shorthand]] = {}
for _family in _FAMILIES:
    for _short in _family.SHORTHANDS:
        SHORTHANDS.setdefault(_short.name, {})[_short.arity] = _short


# every word read as a function's name -> the name the parser passes on (a function's own
# name for its spellings; a shorthand's name for itself)
WORDS: dict[str, str] = {s: row.name for s, row in SPELLINGS.items()} | {n: n for n in SHORTHANDS}


def shorthand(name: str, count: int) -> Shorthand | None:
    """The shorthand ``name`` with ``count`` arguments, if there is one.

    >>> shorthand("sin", 1) is None
    True
    """
    forms = SHORTHANDS.get(name)
    if forms is None:
        return None
    return forms.get(count) or forms.get(None)


def shorthand_builder(name: str) -> str:
    """The name of a shorthand's Python builder: its own, with a ``_`` where it is a builtin.

    >>> shorthand_builder("log10"), shorthand_builder("pow")
    ('log10', 'pow_')
    """
    return f"{name}_" if name in vars(builtins) else name


def listed_names() -> tuple[str, ...]:
    """Every accepted name in table order, each spelling after its function (the README's list).

    >>> " ".join(name for name in listed_names() if name.startswith("l"))
    'log ln lgamma loggamma lambertw logsumexp logsigmoid log_sigmoid'
    """
    return tuple(name for row in _ROWS for name in (row.name, *row.spellings))


def families() -> tuple[tuple[str, tuple[Function, ...], tuple[Shorthand, ...]], ...]:
    """The table by family, in table order: (family, its rows, its shorthands).

    >>> [(family, len(rows)) for family, rows, _ in families()][3]
    ('special functions', 9)
    """
    return tuple(
        (f.__name__.rsplit(".", 1)[-1].replace("_", " "), f.ROWS, f.SHORTHANDS) for f in _FAMILIES
    )


def takes(name: str) -> str:
    """How many arguments the function or shorthand ``name`` takes, in words.

    >>> takes("sin"), takes("max")
    ('1 argument', 'at least 1 argument')
    """
    counts = ([KNOWN[name]] if name in KNOWN else []) + list(SHORTHANDS.get(name, {}))
    if None in counts:
        return "at least 1 argument"
    words = " or ".join(str(n) for n in sorted({n for n in counts if n is not None}))
    return f"{words} argument" + ("" if words == "1" else "s")


def arity_ok(name: str, count: int) -> bool:
    """Whether a known function accepts ``count`` arguments.

    >>> arity_ok("sin", 1), arity_ok("sin", 2), arity_ok("max", 3)
    (True, False, True)
    """
    return FUNCTIONS[name].accepts(count)


def root_index(node: Expr) -> int:
    """n when ``node`` is a call of an n-th root (the ``root`` facet), not a derivative; else 0.

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> root_index(Call("sqrt", (x,))), root_index(Call("cbrt", (x,))), root_index(x)
    (2, 3, 0)
    """
    if type(node) is not Call or node.deriv:
        return 0
    row = FUNCTIONS.get(node.name)
    return 0 if row is None else row.root


# single letters that name abstract functions when followed by "("
ABSTRACT_LETTERS: tuple[str, ...] = ("f", "g", "h")

GREEK: tuple[str, ...] = (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
    "kappa", "lambda", "mu", "nu", "xi", "omicron", "rho", "sigma", "tau",
    "upsilon", "phi", "chi", "psi", "omega",
)  # fmt: skip

GREEK_LETTERS: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron", "ρ": "rho",
    "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
    "ψ": "psi", "ω": "omega", "π": "pi",
}  # fmt: skip
