"""How each target language spells symdiff's operations: one :class:`Target` per language.

How a function of the table is called in each target is the row's ``code`` facet
(:class:`~symdiff.core.facets.Function`): a template per target, filled in here.  The
helper functions a template may call are defined here (``HELPERS``) and written into the
generated source when it uses them.

>>> TARGETS["c"].call("max", ["a", "b", "c"])
'fmax(fmax(a, b), c)'
>>> TARGETS["python"].call("sin", ["x"]), TARGETS["torch"].call("relu", ["x"])
('math.sin(x)', 'torch.relu(x)')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.functions import FUNCTIONS
from ..errors import UnsupportedError
from .special_helpers import SPECIAL_HELPERS

# helper functions a template may call, defined in the generated source when used:
# the sigmoid as the function table computes it (exp of a non-positive number only)
# and, shifted the same way, logsumexp (C: of two arguments, folded), softplus, logsigmoid
HELPERS: dict[str, dict[str, str]] = {
    "python": {
        "_sigmoid": "def _sigmoid(u):\n    e = math.exp(-abs(u))\n"
                    "    return 1.0 / (1.0 + e) if u > 0 else e / (1.0 + e)\n",
        "_sign": "def _sign(u):\n    return float((u > 0) - (u < 0))\n",
        "_logsumexp": "def _logsumexp(*u):\n    m = max(u)\n"
                      "    if math.isinf(m):\n        return m\n"
                      "    k = u.index(m)\n"
                      "    rest = math.fsum(math.exp(t - m) for i, t in enumerate(u) if i != k)\n"
                      "    return m + math.log1p(rest)\n",
        "_softplus": "def _softplus(u):\n    return max(u, 0.0) + math.log1p(math.exp(-abs(u)))\n",
        "_logsigmoid": "def _logsigmoid(u):\n"
                       "    return min(u, 0.0) - math.log1p(math.exp(-abs(u)))\n",
    },
    "numpy": {
        "_sigmoid": "def _sigmoid(u):\n    e = np.exp(-np.abs(u))\n"
                    "    return np.where(u > 0, 1.0 / (1.0 + e), e / (1.0 + e))\n",
        "_logsumexp": "def _logsumexp(*u):\n    u = np.stack(np.broadcast_arrays(*u))\n"
                      "    k = np.argmax(u, axis=0)[np.newaxis]\n"
                      "    m = np.take_along_axis(u, k, axis=0)\n"
                      "    e = np.exp(u - m)\n    np.put_along_axis(e, k, 0.0, axis=0)\n"
                      "    return m[0] + np.log1p(np.sum(e, axis=0))\n",
        "_logsigmoid": "def _logsigmoid(u):\n"
                       "    return np.minimum(u, 0.0) - np.log1p(np.exp(-np.abs(u)))\n",
    },
    "c": {
        "symdiff_sigmoid": "static double symdiff_sigmoid(double u)\n{\n"
                           "    double e = exp(-fabs(u));\n"
                           "    return u > 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);\n}\n",
        "symdiff_sign": "static double symdiff_sign(double u)\n{\n"
                        "    return (double)((u > 0) - (u < 0));\n}\n",
        "symdiff_logaddexp": "static double symdiff_logaddexp(double a, double b)\n{\n"
                             "    return fmax(a, b) + log1p(exp(-fabs(a - b)));\n}\n",
        "symdiff_softplus": "static double symdiff_softplus(double u)\n{\n"
                            "    return fmax(u, 0.0) + log1p(exp(-fabs(u)));\n}\n",
        "symdiff_logsigmoid": "static double symdiff_logsigmoid(double u)\n{\n"
                              "    return fmin(u, 0.0) - log1p(exp(-fabs(u)));\n}\n",
    },
    "torch": {  # torch has no cube root: the real one from |u|^(1/3)
        "_cbrt": "def _cbrt(u):\n    return torch.sign(u) * torch.abs(u) ** (1.0 / 3.0)\n",
    },
}  # fmt: skip
for _target, _helpers in SPECIAL_HELPERS.items():  # erf, gamma, polygamma, W, J... where lacking
    HELPERS.setdefault(_target, {}).update(_helpers)


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
        row = FUNCTIONS.get(function)
        template = None if row is None else row.code.get(self.name)
        if template is None:
            raise UnsupportedError(f"no {self.name} spelling of the function {function}")
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

__all__ = ["HELPERS", "TARGETS", "Target"]
