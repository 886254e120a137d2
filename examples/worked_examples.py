"""The textbook's worked examples, each derived step by step.

Run ``python examples/worked_examples.py`` (add ``--format latex`` or ``text`` for
another notation).  Every derivation prints one line per rule level, each line
named by the rules that produced it, then arithmetic, then simplification.
"""

from __future__ import annotations

import sys

import symdiff

EXAMPLES = [
    ("1. Sum", "f(x, y) = x + y"),
    ("2. Sum with constants", "f(x, y) = 2x + 3y^2"),
    ("3. Polynomial", "f(x, y) = 3x^3 - y^2 + 5x + 2"),
    ("4. Product", "f(x, y) = x*y"),
    ("5. Three variables", "f(x, y, z) = 3x^3z - y^2 + 5z + 2yz"),
    ("6. Max and ReLU", "f(x, y) = max(x, y)"),
    ("6. ReLU", "f(x) = max(x, 0)"),
    ("7. Chain rule, abstract functions", "f(g(x))"),
    ("7. Chain rule, several arguments", "f(g(y, h(x, z)))"),
    ("8. Chain rule, then simplification", "h(x) = 3(2x^2)^5"),
]


def main(fmt: str = "unicode") -> None:
    for title, source in EXAMPLES:
        print(f"== {title}: {source}")
        names = symdiff.variables_of(source)
        wanted = ["x"] if source.startswith("f(g(") else names
        for name in wanted:
            print(symdiff.derive(source, name).render(fmt))
        if len(wanted) > 1:
            gradient = symdiff.gradient(source)
            shown = ", ".join(symdiff.render(d, fmt) for d in gradient.values())
            print(f"gradient: [{shown}]")
        print()


if __name__ == "__main__":
    main(sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--format" else "unicode")
