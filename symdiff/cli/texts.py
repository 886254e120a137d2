"""The words of ``symdiff --help``: descriptions, examples, exit codes.

>>> "exit codes" in MAIN_EPILOG and "exit codes" in EXIT_CODES
True
"""

from __future__ import annotations

EXPR_HELP = 'the expression, e.g. "3x^3z - y^2" or "h(x) = 3(2x^2)^5"; "-" reads stdin'
PLOT_HELP = 'the expression, e.g. "tan(x)" or "h(t) = t^2 sin(t)"'

EXIT_CODES = """exit codes:
  0  success (for check: the answer is right)
  1  internal error, or --check/--verify found a wrong derivative
  2  bad input: parse error, unknown function, bad option, a limit or --timeout exceeded
  3  check: the answer is wrong"""

MAIN_EPILOG = f"""commands (put the command first; "symdiff COMMAND --help" for its options):
  grad EXPR [--vars x,y]              every partial derivative (the gradient)
  hessian EXPR [--vars x,y]           the matrix of second partial derivatives
  jacobian EXPR EXPR... [--vars x,y]  the matrix of first partials of several functions
  simplify EXPR                       simplify without differentiating
  check EXPR --wrt x --answer ANSWER  is ANSWER the derivative? if not, where it differs
  batch IN.jsonl [-o OUT.jsonl]       one JSON record per line, on every core
  backprop EXPR --at POINT            backpropagation, step by step, at a point
  serve [--host H] [--port P]         the derivative calculator in a browser, and its API
  plot EXPR [-o f.svg]                an SVG plot of f and f′ (--at x=a: the tangent)
  codegen EXPR [--target c]           code of the gradient: python, numpy, c, jax, torch

examples:
  symdiff "3(2x^2)^5"                      960x⁹
  symdiff "h(x) = 3(2x^2)^5" --steps       the derivation, one rule per line
  symdiff "3x^3z - y^2 + 5z + 2yz"         ∂f/∂x, ∂f/∂y and ∂f/∂z
  symdiff "x^2 y^3" --wrt x --wrt y        the mixed partial ∂²f/∂y∂x (x first)
  symdiff "sin(x)" --order 3               −cos(x)
  symdiff "x^3" --at x=2                   3x² = 12 at x = 2
  symdiff "max(x, 0)" --format json        one JSON object (schema 1)
  symdiff check "x^3 z" --wrt x --answer "3x^2z"
  symdiff - --wrt x < exprs.txt            one expression per line

Output is Unicode unless --format says otherwise (also when piped; plain text
if the output cannot encode Unicode).  Colour only on a terminal, never with
NO_COLOR set.

{EXIT_CODES}
"""


DESCRIPTIONS = {
    "grad": "Every partial derivative of an expression (its gradient), one per line.",
    "hessian": "The Hessian: the matrix of second partial derivatives.",
    "jacobian": "The Jacobian of several functions: one row per function, one column per variable.",
    "simplify": "Simplify an expression exactly, without differentiating it.",
    "check": "Check an answer: is it the derivative? If not, show a point where it differs.",
    "backprop": "Backpropagation, step by step: the computational graph of EXPR at a point, "
    "each node's value (forward pass), each local derivative and each node's gradient dL/dnode "
    "in the order reverse mode visits them (backward pass), and each parameter's chain of "
    "local derivatives.",
    "serve": "Serve the derivative calculator (a page with live preview, steps, answer and "
    "answer checking) and its JSON API (POST /api/derive, /api/check, /api/preview) on "
    'this machine (needs: pip install "symdiff[web]").',
    "batch": "Run a file of JSON-lines records (one task each: diff, gradient, hessian, check, "
    "simplify) on every core or on a Dask cluster; write one JSON record per input record, in "
    'input order. Records: {"id": 1, "input": "x^3", "task": "diff", "wrt": "x"}; '
    'the fields are listed in the README ("Batch jobs").',
    "plot": "Plot f and f′ (and f″) as an SVG image, with the tangent at --at x=a. "
    "Poles, jumps, domain edges and corners are found and drawn as such.",
    "codegen": "Code computing the gradient (or, with --value, the expression): straight-line,\n"
    "each shared sub-expression computed once, in Python, NumPy, C, JAX or PyTorch.",
}
