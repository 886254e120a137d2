"""Exactness where it decides: special values, poles, 0/0 shapes, huge points.

Values at a point are read as ``--at`` reads them (``pi/2`` is exactly π/2) and
printed as the Unicode output prints them.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest

from symdiff import diff, parse, simplify
from symdiff.core.evaluate import Value, evaluate
from symdiff.core.functions import FUNCTIONS
from symdiff.core.multiple import Multiple
from symdiff.errors import DomainError, LimitError
from symdiff.printers.values import show_value
from symdiff.results import Options, derivative_report, gradient_report

POLE, DIV, LOG = "pole of", "division by zero", "logarithm of the non-positive number"

VALUES = [  # expression              x           printed value, or the DomainError's words
    ("sin(x)",                      "pi/2",     "1"),
    ("sin(x)",                      "pi",       "0"),
    ("sin(pi)",                     "0",        "0"),
    ("sin(x)",                      "pi/6",     "1/2"),
    ("sin(x)",                      "5pi/6",    "1/2"),
    ("sin(x)",                      "7pi/6",    "−1/2"),
    ("sin(x)",                      "-pi/2",    "−1"),
    ("sin(x)",                      "3pi/2",    "−1"),
    ("sin(x)",                      "100pi",    "0"),
    ("sin(x)",                      "pi/3",     "√3/2"),
    ("cos(x)",                      "pi",       "−1"),
    ("cos(x)",                      "pi/3",     "1/2"),
    ("cos(x)",                      "pi/2",     "0"),
    ("cos(x)",                      "pi/4",     "√2/2"),
    ("cos(x)",                      "3pi/4",    "−√2/2"),
    ("cos(x)",                      "2pi",      "1"),
    ("tan(x)",                      "pi/4",     "1"),
    ("tan(x)",                      "-pi/4",    "−1"),
    ("tan(x)",                      "3pi/4",    "−1"),
    ("tan(x)",                      "pi",       "0"),
    ("tan(x)",                      "pi/3",     "√3"),
    ("tan(x)",                      "pi/6",     "√3/3"),
    ("tan(x)",                      "pi/2",     POLE),
    ("tan(x)",                      "-3pi/2",   POLE),
    ("tan(pi/2)",                   "0",        POLE),
    ("sec(x)",                      "0",        "1"),
    ("sec(x)",                      "pi",       "−1"),
    ("sec(x)",                      "pi/3",     "2"),
    ("sec(x)",                      "pi/4",     "√2"),
    ("sec(x)",                      "pi/2",     POLE),
    ("sec(x)^2",                    "pi/4",     "2"),
    ("cos(x)^-2",                   "pi/4",     "2"),
    ("sin(x)^2 + cos(x)^2",         "pi/3",     "1"),
    ("sin(x)*cos(x)",               "pi/4",     "1/2"),
    ("sec(x)*tan(x)",               "pi/4",     "√2"),
    ("log(x)",                      "e",        "1"),
    ("log(e)",                      "0",        "1"),
    ("log(x)",                      "1",        "0"),
    ("exp(x)",                      "0",        "1"),
    ("log(x)",                      "0",        LOG),
    ("log(x)",                      "-pi",      LOG),
    ("x/sin(pi)",                   "1",        DIV),
    ("1/sin(x)",                    "pi",       DIV),
    ("x/tan(x)",                    "pi",       DIV),
    ("1/(x - pi)",                  "pi",       DIV),
    ("2x",                          "pi/2",     "π"),
    ("x + x/2",                     "pi/4",     "3π/8"),
    ("abs(x)",                      "-pi",      "π"),
    ("max(x, 3)",                   "pi",       "π"),
    ("relu(x)",                     "-pi",      "0"),
    ("x^0",                         "pi",       "1"),
    ("sqrt(x)",                     "9/4",      "3/2"),
    ("x^2",                         "10^309",   str(10**618)),
    ("x^2 + 1/x",                   "10^300",   str(10**600) + " + 1/1" + "0" * 300),
]  # fmt: skip


def _point(text: str) -> Value:
    """A value as ``--at`` reads it."""
    return parse(text).evaluate({})


@pytest.mark.parametrize(("source", "at", "expected"), VALUES)
def test_value_at_point(source: str, at: str, expected: str) -> None:
    expr = parse(source)
    if expected in (POLE, DIV, LOG):
        with pytest.raises(DomainError, match=expected):
            evaluate(expr, {"x": _point(at)})
        return
    value = evaluate(expr, {"x": _point(at)})
    if source == "x^2 + 1/x":  # exact, and too long to print through Num here
        assert value == Fraction(10**600) + Fraction(1, 10**300)
        return
    assert show_value(value, "unicode") == expected


FLOATS = [  # not special points: the float value, correctly from math
    ("sin(x)",  "pi/5",   math.sin(math.pi / 5)),
    ("sin(x)",  "1",      math.sin(1)),
    ("cos(x)",  "pi/12",  math.cos(math.pi / 12)),
    ("x + 1",   "pi",     math.pi + 1),
    ("x^2",     "pi",     math.pi**2),
]  # fmt: skip


@pytest.mark.parametrize(("source", "at", "expected"), FLOATS)
def test_float_where_not_special(source: str, at: str, expected: float) -> None:
    value = evaluate(parse(source), {"x": _point(at)})
    assert isinstance(value, float) and value == pytest.approx(expected, rel=1e-15)


def test_huge_values_name_the_limit() -> None:
    with pytest.raises(LimitError, match="too large"):
        evaluate(parse("x^2"), {"x": _point("10^10^10")})


def test_float_argument_within_rounding_of_a_pole() -> None:
    tan, sec = FUNCTIONS["tan"], FUNCTIONS["sec"]
    assert tan.outside([math.pi / 2]) == "pole of tan within rounding of 1.5707963267948966"
    assert sec.outside([-3 * math.pi / 2]) is not None
    assert tan.outside([1.5707963]) is None  # near, not within rounding: a large value
    assert tan.outside([Fraction(1)]) is None and tan.outside([1.0]) is None


SIMPLIFIED = [  # input            simplified (the function table's exact values)
    ("sin(pi)",                  "0"),
    ("sin(pi/2)",                "1"),
    ("cos(pi)",                  "-1"),
    ("tan(pi/4)",                "1"),
    ("tan(3pi/4)",               "-1"),
    ("sin(5pi/6)",               "1/2"),
    ("cos(2pi/3)",               "-1/2"),
    ("sec(pi/3)",                "2"),
    ("log(e)",                   "1"),
    ("log(1)",                   "0"),
    ("exp(0)",                   "1"),
    ("abs(-pi)",                 "pi"),
    ("sin(x)*sin(pi)",           "0"),
    ("sin(pi/3)",                "sin(1/3*pi)"),  # √3/2: left as the call here
    ("tan(pi/2)",                "tan(1/2*pi)"),  # a pole: left, refused when differentiated
    ("log(0)",                   "log(0)"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), SIMPLIFIED)
def test_simplifier_exact_values(source: str, expected: str) -> None:
    assert str(simplify(source)) == expected


UNDEFINED = [  # input nowhere defined             by   the DomainError's words
    ("(x-x)/(x-x)",                               "x",  "division by zero in \\(x - x\\)\\^-1"),
    ("x/(x-x)",                                   "x",  DIV),
    ("(x-x)*(x-x)^-1",                            "x",  DIV),
    ("0*(1/(x-x))",                               "x",  DIV),
    ("5/(y-y)",                                   "x",  DIV),
    ("log(z*(z-z))",                              "z",  "logarithm of the non-positive number 0"),
    ("x*log(1 - 1)",                              "x",  LOG),
    ("sqrt(x - x - 1)",                           "x",  "square root of the negative number -1"),
    ("tan(pi/2)*x",                               "x",  POLE),
    ("sec(3pi/2) + x",                            "x",  POLE),
    ("x/sin(pi)",                                 "x",  DIV),
    ("x/(sin(x)^2 + sin(x)^2 - 2*sin(x)^2)",      "x",  DIV),
]  # fmt: skip


@pytest.mark.parametrize(("source", "var", "words"), UNDEFINED)
def test_nowhere_defined_is_a_domain_error(source: str, var: str, words: str) -> None:
    with pytest.raises(DomainError, match=words):
        diff(source, var)


DEFINED = [  # degenerate-looking but defined: derivative unchanged
    ("x/x",             "x", "0"),
    ("(x+1)/(x+1)",     "x", "0"),  # the numerator, multiplied out, is 0
    ("0^(x^2 + 1)",     "x", "0"),
    ("log(x*(x-1))",    "x", "(2*x - 1)/x/(x - 1)"),
    ("x*sin(pi)",       "x", "0"),
    ("x*tan(pi/4)",     "x", "1"),
    ("log(e)*x^2",      "x", "2*x"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "var", "expected"), DEFINED)
def test_defined_inputs_keep_their_derivative(source: str, var: str, expected: str) -> None:
    assert str(diff(source, var)) == expected


def test_derivative_value_at_pi_multiples() -> None:
    """The issue's examples: d/dx sin at π/2 is 0, d/dx tan at π/4 is 2, at π/2 a pole."""
    at = {"x": Multiple(Fraction(1, 2))}
    assert derivative_report("sin(x)", options=Options(point=at)).render("unicode") == (
        "cos(x) = 0 at x = π/2"
    )
    at = {"x": Multiple(Fraction(1, 4))}
    assert derivative_report("tan(x)", options=Options(point=at)).items[0].value == 2
    with pytest.raises(DomainError, match=f"{DIV}|pole of sec"):  # tan′ is sec²
        derivative_report("tan(x)", options=Options(point={"x": Multiple(Fraction(1, 2))}))


def test_huge_point_in_json() -> None:
    report = derivative_report("x^2", options=Options(point={"x": Fraction(10**309)}))
    doc = json.loads(report.render("json"))
    value = doc["results"][0]["value"] if "results" in doc else None
    text = json.dumps(doc)
    assert '"float": null' in text and str(2 * 10**309) in text
    assert value is None or value["exact"] is True


def test_gradient_values_in_one_walk() -> None:
    at = {"x": Multiple(Fraction(1, 6)), "y": Fraction(2)}
    report = gradient_report("y*sin(x)", options=Options(point=at))
    assert [show_value(i.value, "unicode") for i in report.items if i.value is not None] == [
        "√3",
        "1/2",
    ]


TRIG = ["sin", "cos", "tan", "sec"]


@pytest.mark.parametrize("name", TRIG)
@pytest.mark.parametrize("k", [*range(24), -1, -5, -18, 100])
def test_trig_table_agrees_with_sympy(name: str, k: int) -> None:
    """At k·π/12 every trig value is SymPy's exactly: exact at multiples of π/6 and π/4."""
    import sympy

    from symdiff.check.bridge import to_sympy
    from symdiff.core.exact import exact_expr

    theirs = getattr(sympy, name)(sympy.pi * k / 12)
    at = {"x": Multiple(Fraction(k, 12))} if k else {"x": Fraction(0)}
    if theirs.has(sympy.zoo) or theirs is sympy.nan:
        with pytest.raises(DomainError, match=f"pole of {name}"):
            evaluate(parse(f"{name}(x)"), at)
        return
    ours = evaluate(parse(f"{name}(x)"), at)
    if k % 2 == 0 or k % 3 == 0:  # a multiple of π/6 or of π/4: exact
        assert not isinstance(ours, float)
        assert sympy.simplify(to_sympy(exact_expr(ours)) - theirs) == 0
        assert float(ours) == pytest.approx(float(theirs), rel=1e-15, abs=1e-15)
    else:  # a float of the rounded argument: tan and sec amplify its rounding
        assert isinstance(ours, float)
        assert ours == pytest.approx(float(theirs), rel=1e-13)
