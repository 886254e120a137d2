"""The words of ``symdiff --help``: descriptions, examples, exit codes.

>>> "exit codes" in MAIN_EPILOG and "exit codes" in EXIT_CODES
True
"""

from __future__ import annotations

EXPR_HELP = 'the expression, e.g. "3x^3z - y^2" or "h(x) = 3(2x^2)^5"; "-" reads stdin'

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
    "codegen": "Code computing the gradient (or, with --value, the expression): straight-line,\n"
    "each shared sub-expression computed once, in Python, NumPy, C, JAX or PyTorch.",
}
