"""The Python callable of compiled expressions: floats in, floats out; arrays in, arrays out.

:func:`compile_function` writes the Python (and, on first use with arrays, the NumPy)
source of the expressions' straight-line program and compiles it with ``exec``.  What is
compiled is only code generated here from the DAG: identifiers made by
:mod:`.program`, float literals written by ``repr``, and names from the target
tables; no text of the user's reaches ``exec`` (variable names are used as
keywords of the call, never as code).

A call takes one value per variable, by position (in the variables' order) or by
keyword (the variable's name).  Plain numbers give floats (a value outside a
function's domain is a ``DomainError``, a value past the largest float a
``LimitError``); with NumPy installed, arrays (or lists) give arrays, evaluated
for the whole batch in one call, broadcasting as NumPy does (where a point is
outside the domain NumPy's ``nan`` or ``inf`` stands there).

>>> from symdiff.core.expr import Var
>>> x, y = Var("x"), Var("y")
>>> f = compile_function({"x": 2 * x * y, "y": x**2})
>>> f.variables, f(3, 1), f(x=3, y=1)["y"]
(('x', 'y'), {'x': 6.0, 'y': 9.0}, 9.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from numbers import Real
from typing import Any

from ..core.expr import Call, Expr
from ..core.walk import variables as variables_of
from ..errors import DomainError, LimitError, UnsupportedError
from ..limits import DEFAULT_LIMITS, Limits
from .program import Program, program
from .sources import function_source

Exprs = Expr | Sequence[Expr] | Mapping[Any, Expr]


class Compiled:
    """A compiled function of several expressions (see the module docstring).

    ``variables``: the arguments, in order; ``source(target)``: the code in a target.
    """

    __slots__ = ("_keys", "_numpy", "_program", "_python", "_shape", "variables")

    def __init__(self, p: Program, shape: str, keys: tuple[Any, ...]) -> None:
        self._program, self._shape, self._keys = p, shape, keys
        self.variables = p.inputs
        self._python = _load(function_source(p, "python", single=False))
        self._numpy: Callable[..., tuple[Any, ...]] | None = None  # written on first use

    def source(self, target: str = "python", name: str = "f") -> str:
        """The source of the function ``name`` in ``target`` (python, numpy, c, jax, torch).

        >>> from symdiff.core.expr import Var
        >>> print(compile_function(Var("x") * 2).source().splitlines()[-1])
            return v_x * 2.0
        """
        return function_source(self._program, target, name, single=self._shape == "one")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        values = self._arguments(args, kwargs)
        if all(isinstance(v, Real) for v in values):
            out = self._floats(values)
        else:
            out = self._arrays(values)
        if self._shape == "one":
            return out[0]
        if self._shape == "list":
            return list(out)
        return dict(zip(self._keys, out, strict=True))

    def __repr__(self) -> str:
        return f"<compiled function of {', '.join(self.variables) or 'no variables'}>"

    def _arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
        names = self.variables
        if len(args) > len(names):
            raise UnsupportedError(f"the function takes {len(names)} arguments, not {len(args)}")
        given: dict[str, Any] = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names:
                raise UnsupportedError(f"{name} is not a variable of the function")
            if name in given:
                raise UnsupportedError(f"two values given for {name}")
            given[name] = value
        missing = [n for n in names if n not in given]
        if missing:
            raise UnsupportedError(f"no value given for {', '.join(missing)}")
        return [given[n] for n in names]

    def _floats(self, values: list[Any]) -> tuple[float, ...]:
        out: tuple[float, ...] = _run(self._python, [float(v) for v in values])
        if not all(map(math.isfinite, out)):
            raise LimitError("a value at this point is too large for a float")
        return out

    def _arrays(self, values: list[Any]) -> tuple[Any, ...]:
        try:
            import numpy as np
        except ImportError:
            raise UnsupportedError('arrays need NumPy (pip install "symdiff[numpy]")') from None
        if self._numpy is None:  # two threads may both write it: the same function
            self._numpy = _load(function_source(self._program, "numpy", single=False))
        arrays = [np.ascontiguousarray(v, dtype=float) for v in values]  # strided: slower
        out: tuple[Any, ...] = _run(self._numpy, arrays)
        return out


def _run(fn: Callable[..., Any], args: list[Any]) -> Any:
    """Call generated code; Python's arithmetic errors become symdiff's.

    NumPy arrays give ``nan``/``inf`` where a point is outside the domain; an error here
    comes from plain floats (or from a part of the expression without variables).
    """
    try:
        return fn(*args)
    except ZeroDivisionError:
        raise DomainError("division by zero at this point") from None
    except ValueError as exc:
        message = f"a value outside a function's domain at this point ({exc})"
        raise DomainError(message) from None
    except OverflowError:
        raise LimitError("a value at this point is too large for a float") from None


def _load(source: str) -> Callable[..., Any]:
    """The function ``f`` of generated source (only code made by this package gets here)."""
    namespace: dict[str, Any] = {}
    exec(compile(source, "<symdiff compiled>", "exec"), namespace)
    fn: Callable[..., Any] = namespace["f"]
    return fn


def compile_function(
    exprs: Exprs, variables: Sequence[str] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Compiled:
    """Compile one expression, a list of them, or a dict (``gradient()``'s) into a callable.

    ``variables``: the arguments in order (default: every variable, in natural order).

    >>> from symdiff.core.expr import Var
    >>> x = Var("x")
    >>> compile_function([x**2, x + 1], ["x"])(3)
    [9.0, 4.0]
    """
    return Compiled(*prepare(exprs, variables, limits))


def prepare(
    exprs: Exprs, variables: Sequence[str] | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[Program, str, tuple[Any, ...]]:
    """The program of ``exprs``, their shape (``one``, ``list``, ``dict``) and the dict's keys.

    >>> from symdiff.core.expr import Var
    >>> prepare({"a": Var("x")})[1:]
    ('dict', ('a',))
    """
    keys: tuple[Any, ...] = ()
    if isinstance(exprs, Expr):
        shape, roots = "one", [exprs]
    elif isinstance(exprs, Mapping):
        shape, keys, roots = "dict", tuple(exprs), list(exprs.values())
    else:
        shape, roots = "list", list(exprs)
    names = variables_of(Call("#outputs", tuple(roots))) if variables is None else list(variables)
    labels = [str(k) for k in keys] if shape == "dict" else ["value"] if shape == "one" else None
    return program(roots, names, labels, limits), shape, keys


__all__ = ["Compiled", "Exprs", "compile_function", "prepare"]
