"""The one document model: a :class:`Report` of :class:`Item` results, read by every format.

A command's answer (a derivative, a gradient, a Hessian, a simplification, a
check) is one Report; the printers turn it into text, Unicode, LaTeX, Markdown,
JSON or HTML (:data:`symdiff.printers.FORMATS`) and never compute.  A recorded
:class:`Derivation` is a one-item Report, so ``derive(...).render(fmt)`` and the
command line write the same bytes.

>>> import symdiff
>>> d = symdiff.derive("h(x) = x^2", "x")
>>> r = d.report()
>>> r.kind, [item.wrt for item in r.items], str(r.items[0].expr)
('derivative', [('x',)], '2*x')
>>> print(r.render("text"))
h'(x) = d/dx[x^2]
      = 2*x^1        power
      = 2*x          arithmetic
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from .calculus import derivation
from .core.definition import Definition
from .core.expr import Expr
from .limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from .check.numeric import Verdict
    from .core.evaluate import Value
    from .core.steps import Step
    from .plot import PlotRequest

KINDS = ("derivative", "gradient", "hessian", "jacobian", "simplify", "check")


@dataclass(frozen=True)
class Item:
    """One result: the variables differentiated by (in order), the expression, extras.

    ``stages`` holds one recorded derivation per variable of ``wrt`` when steps were
    asked for; ``value`` the result at the report's point; ``checks`` (method, verdict).
    """

    wrt: tuple[str, ...]
    expr: Expr
    stages: tuple[Derivation, ...] = ()
    value: Value | None = None
    checks: tuple[tuple[str, Verdict], ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything shown for one input; a matrix (Hessian, Jacobian) is row-major items.

    ``kind`` is one of :data:`KINDS`; ``sources`` the inputs as typed; ``steps`` the
    named simplifications of a ``simplify`` report (empty unless asked for);
    ``verdict`` and ``answer`` belong to ``check``; ``plot``, the plot a one-variable
    derivative offers (drawn only by a format that shows it: the HTML page).
    """

    kind: str
    sources: tuple[str, ...]
    definitions: tuple[Definition, ...]
    variables: tuple[str, ...]
    partial: bool
    items: tuple[Item, ...] = ()
    point: dict[str, Value] | None = None
    steps: tuple[Step, ...] = ()
    verdict: Verdict | None = None
    answer: str | None = None
    plot: PlotRequest | None = None

    def report(self) -> Report:
        """The report itself (what the printers ask a Derivation for)."""
        return self

    def exprs(self) -> list[Expr]:
        """The expressions a rendering prints; ``max_output_chars`` bounds their printed size.

        Each item's derivation lines (its result, if no steps were recorded; a Hessian's
        mirrored cells twice, as they are printed), then the simplification steps.

        >>> import symdiff
        >>> [str(e) for e in symdiff.derive("x^2", "x").report().exprs()]
        ['d/dx[x^2]', '2*x^1', '2*x']
        """
        out: list[Expr] = []
        for item in self.items:
            lines = [line.expr for stage in item.stages for line in stage.lines]
            out.extend(lines or [item.expr])
        out.extend(step.after for step in self.steps)
        return out

    def render(
        self, fmt: str = "unicode", *, color: bool = False, limits: Limits = DEFAULT_LIMITS
    ) -> str:
        """The report in a format of :data:`symdiff.printers.FORMATS`.

        Output beyond ``limits.max_output_chars`` is refused before printing.

        >>> import symdiff
        >>> symdiff.derive("x^2", "x").report().render("text").splitlines()[-1]
        '  = 2*x      arithmetic'
        """
        from .printers import render

        return render(self, fmt, color=color, limits=limits)


@dataclass(frozen=True)
class Derivation(derivation.Derivation):
    """A recorded derivative that renders itself: ``derive()`` returns one.

    ``source`` is the input as typed (``None``: the definition's own text).

    >>> import symdiff
    >>> print(symdiff.derive("2x", "x"))
    d/dx 2x
      = 2·d/dx x    constant multiple
      = 2·1         variable
      = 2           arithmetic
    """

    source: str | None = field(default=None, compare=False)

    @classmethod
    def of(cls, record: derivation.Derivation, source: str | None = None) -> Derivation:
        """The record ``build_derivation`` made, with its rendering methods.

        >>> from symdiff.core.expr import Var
        >>> Derivation.of(derivation.build_derivation(Var("x"), "x")).render("text")
        'd/dx[x]\\n  = 1      variable'
        """
        values = {f.name: getattr(record, f.name) for f in fields(derivation.Derivation)}
        return cls(**values, source=source)

    def report(self) -> Report:
        """This derivation as a one-item :class:`Report` of kind ``derivative``."""
        from .plot import PlotRequest  # cheap: it draws only if a format asks

        definition = self.definition
        one = len(definition.variables) <= 1
        return Report(
            "derivative",
            sources=(self.source if self.source is not None else definition_text(definition),),
            definitions=(definition,),
            variables=definition.variables,
            partial=self.partial,
            items=(Item((self.var,), self.result, stages=(self,)),),
            plot=PlotRequest(definition, self.var, (self.result,)) if one else None,
        )

    def render(self, fmt: str = "unicode", *, limits: Limits = DEFAULT_LIMITS) -> str:
        """The derivation as text, unicode, latex, markdown, json or html.

        Output beyond ``limits.max_output_chars`` is refused before printing.

        >>> import symdiff
        >>> symdiff.derive("x^2", "x").render("text", limits=symdiff.Limits(max_output_chars=9))
        Traceback (most recent call last):
        ...
        symdiff.errors.LimitError: the result would print as about 15 characters or more; the \
limit is 9 (max_output_chars)
        """
        return self.report().render(fmt, limits=limits)

    def to_json(self) -> str:
        """The derivation as a JSON document (schema 1, kind ``derivative``)."""
        return self.render("json")

    def _repr_markdown_(self) -> str:
        return self.render("markdown")

    def _repr_html_(self) -> str:
        from .printers.html import notebook_html

        return notebook_html(self.report())

    def __str__(self) -> str:
        return self.render("unicode")


def definition_text(definition: Definition) -> str:
    """What was differentiated, as text: ``h(x) = 3*(2*x^2)^5`` or just the expression.

    >>> from symdiff.core.expr import Var
    >>> definition_text(Definition(Var("x") ** 2, "h", ("x",)))
    'h(x) = x^2'
    """
    body = str(definition.body)
    name, params = definition.name, definition.params
    if name is not None and definition.dependent:
        return f"{name} = {body}"
    return body if name is None else f"{name}({', '.join(params or ())}) = {body}"
