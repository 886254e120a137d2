"""How each target language spells symdiff's operations: one :class:`Target` per language.

``SPELLINGS`` holds, per row of the function table (keyed by the row's name), the code of a
call in each target: ``{0}`` is the one argument of a unary function; a template with ``{1}``
is binary and folded left over more arguments (``max(a, b, c)`` is ``fmax(fmax(a, b), c)``);
``{args}`` takes every argument, comma-separated.  Each placeholder appears once, so the
code of an argument is never written twice (the size of the code stays linear).  This
mapping belongs in the function table as a facet; it is kept here until then.

>>> TARGETS["c"].call("max", ["a", "b", "c"])
'fmax(fmax(a, b), c)'
>>> TARGETS["python"].call("sin", ["x"]), TARGETS["torch"].call("relu", ["x"])
('math.sin(x)', 'torch.relu(x)')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import UnsupportedError

# row name -> target -> code template (see the module docstring)
SPELLINGS: dict[str, dict[str, str]] = {
    "sin": {"python": "math.sin({0})", "numpy": "np.sin({0})", "c": "sin({0})",
            "jax": "jnp.sin({0})", "torch": "torch.sin({0})"},
    "cos": {"python": "math.cos({0})", "numpy": "np.cos({0})", "c": "cos({0})",
            "jax": "jnp.cos({0})", "torch": "torch.cos({0})"},
    "tan": {"python": "math.tan({0})", "numpy": "np.tan({0})", "c": "tan({0})",
            "jax": "jnp.tan({0})", "torch": "torch.tan({0})"},
    "sec": {"python": "(1.0 / math.cos({0}))", "numpy": "(1.0 / np.cos({0}))",
            "c": "(1.0 / cos({0}))", "jax": "(1.0 / jnp.cos({0}))",
            "torch": "(1.0 / torch.cos({0}))"},
    "exp": {"python": "math.exp({0})", "numpy": "np.exp({0})", "c": "exp({0})",
            "jax": "jnp.exp({0})", "torch": "torch.exp({0})"},
    "log": {"python": "math.log({0})", "numpy": "np.log({0})", "c": "log({0})",
            "jax": "jnp.log({0})", "torch": "torch.log({0})"},
    "sqrt": {"python": "math.sqrt({0})", "numpy": "np.sqrt({0})", "c": "sqrt({0})",
             "jax": "jnp.sqrt({0})", "torch": "torch.sqrt({0})"},
    "tanh": {"python": "math.tanh({0})", "numpy": "np.tanh({0})", "c": "tanh({0})",
             "jax": "jnp.tanh({0})", "torch": "torch.tanh({0})"},
    "sigmoid": {"python": "_sigmoid({0})", "numpy": "_sigmoid({0})", "c": "symdiff_sigmoid({0})",
                "jax": "jax.nn.sigmoid({0})", "torch": "torch.sigmoid({0})"},
    "abs": {"python": "abs({0})", "numpy": "np.abs({0})", "c": "fabs({0})",
            "jax": "jnp.abs({0})", "torch": "torch.abs({0})"},
    "relu": {"python": "max({0}, 0.0)", "numpy": "np.maximum({0}, 0.0)", "c": "fmax({0}, 0.0)",
             "jax": "jnp.maximum({0}, 0.0)", "torch": "torch.relu({0})"},
    "sign": {"python": "_sign({0})", "numpy": "np.sign({0})", "c": "symdiff_sign({0})",
             "jax": "jnp.sign({0})", "torch": "torch.sign({0})"},
    "max": {"python": "max({args})", "numpy": "np.maximum({0}, {1})", "c": "fmax({0}, {1})",
            "jax": "jnp.maximum({0}, {1})", "torch": "torch.maximum({0}, {1})"},
    "min": {"python": "min({args})", "numpy": "np.minimum({0}, {1})", "c": "fmin({0}, {1})",
            "jax": "jnp.minimum({0}, {1})", "torch": "torch.minimum({0}, {1})"},
}  # fmt: skip

# helper functions a template may call, defined in the generated source when used:
# the sigmoid as the function table computes it (exp of a non-positive number only)
HELPERS: dict[str, dict[str, str]] = {
    "python": {
        "_sigmoid": "def _sigmoid(u):\n    e = math.exp(-abs(u))\n"
                    "    return 1.0 / (1.0 + e) if u > 0 else e / (1.0 + e)\n",
        "_sign": "def _sign(u):\n    return float((u > 0) - (u < 0))\n",
    },
    "numpy": {
        "_sigmoid": "def _sigmoid(u):\n    e = np.exp(-np.abs(u))\n"
                    "    return np.where(u > 0, 1.0 / (1.0 + e), e / (1.0 + e))\n",
    },
    "c": {
        "symdiff_sigmoid": "static double symdiff_sigmoid(double u)\n{\n"
                           "    double e = exp(-fabs(u));\n"
                           "    return u > 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);\n}\n",
        "symdiff_sign": "static double symdiff_sign(double u)\n{\n"
                        "    return (double)((u > 0) - (u < 0));\n}\n",
    },
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Target:
    """One language: its imports, powers, indicator, and how constants become arrays.

    ``power`` spells ``b^e`` for a non-integer or non-numeric exponent; ``lift`` (torch)
    wraps an argument that holds no variable, since its functions take tensors only.
    """

    name: str
    imports: tuple[str, ...]
    power: str
    indicator: str
    lift: str = "{0}"

    def call(self, function: str, args: Sequence[str]) -> str:
        """The code of ``function(args)`` in this language (arguments already written).

        >>> TARGETS["python"].call("max", ["a", "b", "c"])
        'max(a, b, c)'
        """
        row = SPELLINGS.get(function)
        if row is None or self.name not in row:
            raise UnsupportedError(f"no {self.name} spelling of the function {function}")
        template = row[self.name]
        if "{args}" in template:
            return template.format(args=", ".join(args))
        if "{1}" not in template:
            return template.format(*args)
        code = args[0]
        for arg in args[1:]:
            code = template.format(code, arg)
        return code

    def helpers(self, code: str) -> list[str]:
        """The helper definitions ``code`` calls.

        >>> TARGETS["c"].helpers("symdiff_sign(x)")[0].splitlines()[0]
        'static double symdiff_sign(double u)'
        """
        return [text for name, text in HELPERS.get(self.name, {}).items() if f"{name}(" in code]


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("python", ("import math",), "math.pow({0}, {1})", "(1.0 if {0} > {1} else 0.0)"),
        Target("numpy", ("import numpy as np",), "np.power({0}, {1})",
               "np.where({0} > {1}, 1.0, 0.0)"),
        Target("c", ("#include <math.h>",), "pow({0}, {1})", "({0} > {1} ? 1.0 : 0.0)"),
        Target("jax", ("import jax", "import jax.numpy as jnp"), "jnp.power({0}, {1})",
               "jnp.where({0} > {1}, 1.0, 0.0)"),
        Target("torch", ("import torch",), "torch.pow({0}, {1})",
               "torch.where(torch.as_tensor({0} > {1}), 1.0, 0.0)",
               lift="torch.as_tensor({0}, dtype=torch.float64)"),
    )
}  # fmt: skip

__all__ = ["HELPERS", "SPELLINGS", "TARGETS", "Target"]
