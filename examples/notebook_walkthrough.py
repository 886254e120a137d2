"""A notebook-style walkthrough, printed as Markdown (paste it into a notebook or a README).

In a notebook, an expression shows as LaTeX (``Expr._repr_latex_``) and a
derivation as Markdown (``Derivation._repr_markdown_``); this script prints the
same Markdown, so ``python examples/notebook_walkthrough.py > walkthrough.md``
gives a page that renders on a code-hosting site.
"""

from __future__ import annotations

import symdiff
from symdiff.printers.latex import to_latex


def matrix(rows: list[list[symdiff.Expr]]) -> str:
    body = " \\\\ ".join(" & ".join(to_latex(e) for e in row) for row in rows)
    return f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}"


def main() -> None:
    print("# symdiff walkthrough\n")
    print("## 1. An expression\n")
    e = symdiff.parse("3x^3z - y^2 + 5z + 2yz")
    print(f'`symdiff.parse("3x^3z - y^2 + 5z + 2yz")` displays as {e._repr_latex_()}\n')

    print("## 2. A derivative, step by step\n")
    print(symdiff.derive("h(x) = 3(2x^2)^5", "x")._repr_markdown_())

    print("## 3. The gradient\n")
    rows = [
        f"\\frac{{\\partial f}}{{\\partial {k}}} &= {to_latex(v)}"
        for k, v in symdiff.gradient(e).items()
    ]
    print("$$\n\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}\n$$\n")

    print("## 4. The Hessian of x³y²\n")
    print(f"$$\n\\nabla^{{2}} f = {matrix(symdiff.hessian('x^3 y^2'))}\n$$\n")

    print("## 5. Checking an answer\n")
    verdict = symdiff.check_answer("x^3 z", "3x^3z", "x")
    where = ", ".join(f"{k} = {v}" for k, v in (verdict.point or {}).items())
    print(
        f"Is $3x^3z$ the derivative of $x^3 z$? **{'Yes' if verdict else 'No'}**: at "
        f"{where} the derivative is {verdict.expected_value}, the answer "
        f"{verdict.answer_value}.\n"
    )


if __name__ == "__main__":
    main()
