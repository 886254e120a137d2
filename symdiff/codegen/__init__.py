"""Compiled expressions: the shared DAG as straight-line code, and a callable of it.

One job per module:

- :mod:`.program`: the expressions' DAG as numbered steps (each distinct node computed
  once, the sharing of :func:`~symdiff.printers.cse.to_cse`) over identifiers made here;
- :mod:`.targets`: how Python, NumPy, C, JAX and PyTorch spell each operation and each
  function of the table;
- :mod:`.expressions`: one expression's code in one target;
- :mod:`.sources`: a whole function in one target (with the tie convention stated);
- :mod:`.function`: the Python callable (floats, or NumPy arrays for a batch).

Safety: the only text compiled (``exec``) is code this package generates from the DAG,
with identifiers it creates (``v_x`` or ``v1`` for variables, ``t1`` for steps), float
literals written by ``repr`` and names from its own tables.  User text is never
evaluated, and a variable's name appears in generated code (in comments and
identifiers) only when it is plain ASCII letters, digits and ``_``.

>>> from symdiff.core.expr import Var
>>> x = Var("x")
>>> compile_function(x**2 + 1)(3)
10.0
>>> print(generate_source(x**2 + 1, target="c").splitlines()[-2])
    out[0] = v_x * v_x + 1.0;
"""

from __future__ import annotations

from collections.abc import Sequence

from ..limits import DEFAULT_LIMITS, Limits
from .function import Compiled, Exprs, compile_function, prepare
from .sources import function_source
from .targets import TARGETS


def generate_source(
    exprs: Exprs,
    variables: Sequence[str] | None = None,
    target: str = "python",
    name: str = "f",
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """The source of a function computing ``exprs`` in ``target`` (see :data:`TARGETS`).

    >>> from symdiff.core.expr import Var
    >>> print(generate_source([Var("x"), Var("y")], target="jax").splitlines()[-5:])
    ['def f(v_x, v_y):', '    return (', '        v_x,', '        v_y,', '    )']
    """
    p, shape, _ = prepare(exprs, variables, limits)
    return function_source(p, target, name, single=shape == "one")


__all__ = ["TARGETS", "Compiled", "compile_function", "generate_source"]
