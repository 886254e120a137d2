"""The gradient of one ReLU neuron, max(0, w1*x1 + w2*x2 + w3*x3 + b).

The derivative of max(u, 0) is the indicator 1(u > 0): where the neuron is
active, ∂/∂wᵢ is the input xᵢ; where it is not, every partial is 0.  At the
tie u = 0 symdiff takes the derivative as 0, as the book does.

Run ``python examples/relu_neuron.py``.
"""

from __future__ import annotations

from fractions import Fraction

import symdiff
from symdiff.check.numeric import verify

NEURON = "max(0, w1*x1 + w2*x2 + w3*x3 + b)"
PARAMETERS = ["w1", "w2", "w3", "b"]


def main() -> None:
    neuron = symdiff.parse(NEURON)
    gradient = symdiff.gradient(neuron, PARAMETERS)
    print(f"neuron: {symdiff.render(neuron, 'unicode')}")
    for name, partial in gradient.items():
        shown = symdiff.render(symdiff.var(name), "unicode")
        print(f"  ∂/∂{shown} = {symdiff.render(partial, 'unicode')}")

    active = {"x1": 1, "x2": -2, "x3": 3, "w1": Fraction(1, 2), "w2": -1, "w3": 1, "b": 1}
    inactive = {**active, "b": -10}
    for label, point in (("active", active), ("inactive", inactive)):
        values = {name: partial.evaluate(point) for name, partial in gradient.items()}
        print(
            f"{label} neuron (output {neuron.evaluate(point)}):",
            ", ".join(f"∂/∂{k} = {v}" for k, v in values.items()),
        )

    print("\nthe derivation of ∂/∂w1:")
    print(symdiff.derive(neuron, "w1").render("unicode"))

    for name, partial in gradient.items():  # finite differences agree away from the kink
        assert verify(neuron, partial, name), name
    print("\nfinite differences agree with every partial derivative")


if __name__ == "__main__":
    main()
