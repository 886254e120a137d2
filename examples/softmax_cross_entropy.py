"""Softmax cross-entropy with three classes: the gradient is softmax minus one-hot.

For logits z1, z2, z3 and target class 1 the loss is
    L = -log(exp(z1) / (exp(z1) + exp(z2) + exp(z3)))
and the textbook result is ∂L/∂zᵢ = softmax(z)ᵢ − 1(i = target).  symdiff derives
the partials by its rules, and ``check_answer`` confirms the textbook form.

Run ``python examples/softmax_cross_entropy.py``.
"""

from __future__ import annotations

import math

import symdiff

LOSS = "L(z1, z2, z3) = -log(exp(z1) / (exp(z1) + exp(z2) + exp(z3)))"
SOFTMAX = "exp({z}) / (exp(z1) + exp(z2) + exp(z3))"


def main() -> None:
    gradient = symdiff.gradient(LOSS)
    for name, partial in gradient.items():
        print(f"∂L/∂{name} = {symdiff.render(partial, 'unicode')}")

    print("\nis the gradient softmax minus one-hot?")
    for i, name in enumerate(gradient, 1):
        textbook = SOFTMAX.format(z=name) + (" - 1" if i == 1 else "")
        verdict = symdiff.check_answer(LOSS, textbook, name)
        print(f"  ∂L/∂{name} = {textbook}: {'yes' if verdict else 'no'} ({verdict.how})")
        assert verdict

    point = {"z1": 1, "z2": 2, "z3": 0}
    total = sum(math.exp(v) for v in point.values())
    softmax = [math.exp(point[n]) / total for n in gradient]
    values = [float(partial.evaluate(point)) for partial in gradient.values()]
    print(f"\nat z = (1, 2, 0): gradient {[round(v, 6) for v in values]}")
    print(f"softmax − one-hot:        {[round(s - (i == 0), 6) for i, s in enumerate(softmax)]}")
    pairs = enumerate(zip(values, softmax, strict=True))
    assert all(math.isclose(v, s - (i == 0)) for i, (v, s) in pairs)


if __name__ == "__main__":
    main()
