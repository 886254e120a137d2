"""The functions symdiff knows by name, with their arities.

Abstract functions (``f``, ``g``, ``h`` and any name given a definition) are not
listed: they are left undefined and differentiated by the chain rule.

>>> KNOWN["sin"], KNOWN["max"]
(1, None)
"""

from __future__ import annotations

# name -> number of arguments (None: any number, at least one)
KNOWN: dict[str, int | None] = {
    "sin": 1,
    "cos": 1,
    "tan": 1,
    "exp": 1,
    "log": 1,
    "sqrt": 1,
    "tanh": 1,
    "sigmoid": 1,
    "abs": 1,
    "relu": 1,
    "sign": 1,
    "max": None,
    "min": None,
}

# other spellings accepted on input, and the name they stand for
ALIASES: dict[str, str] = {"ln": "log"}

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


def arity_ok(name: str, count: int) -> bool:
    """Whether a known function accepts ``count`` arguments.

    >>> arity_ok("sin", 1), arity_ok("sin", 2), arity_ok("max", 3)
    (True, False, True)
    """
    expected = KNOWN[name]
    return count >= 1 if expected is None else count == expected
