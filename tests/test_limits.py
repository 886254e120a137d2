"""The limits matrix: each limit of ``Limits`` against each consumer that must honour it.

A limit is honoured when going past it raises ``LimitError`` naming the limit (``(max_nodes)``),
checked *before* the work it bounds: the a-priori rows are timed in CPU seconds with margins
that a loaded machine cannot break.  ``EXPIRED`` carries a clock that has already run out,
as a nested call would receive it from its caller: every consumer must stop on it rather
than start a clock of its own.  The simplifier is tested only through ``simplify()`` and
``diff()``; ``max_fold_bits`` rows assert that no number the simplifier computes is larger.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

import pytest

from symdiff import (
    Add,
    Expr,
    LimitError,
    Limits,
    Mul,
    Num,
    Var,
    check_answer,
    derivations,
    derive,
    diff,
    gradient,
    hessian,
    jacobian,
    nth_derivative,
    parse,
    partial,
    render,
    simplify,
)
from symdiff.cli import main
from symdiff.core.walk import count_nodes, postorder
from symdiff.limits import Deadline

EXPIRED = replace(Limits(timeout=60), deadline=Deadline(time.monotonic() - 1, 60))
BIG = parse(" + ".join(f"sin(x{i})*x{i}^2" for i in range(3000)))  # ~15,000 nodes
SHIFTED = "*".join(f"(x + {i})" for i in range(300))  # the product rule: 300 terms of 300
GROWING = "x^x*sin(x)*exp(x)/(1 + x^2)"  # its 20th derivative takes minutes unbounded
NESTED_SUM = Add((Add((Var("a"), Var("b"))), Add((Var("c"), Var("d")))))


def product(n: int) -> Expr:
    """x0*x1*...*x(n-1), built without parsing."""
    return Mul(tuple(Var(f"x{i}") for i in range(n)))


def huge_print() -> Expr:
    """A DAG of 121 nodes whose text has some 10^29 characters."""
    e: Expr = Var("x")
    for _ in range(60):
        e = Add((Mul((e, e)), e))
    return e


REFUSED: list[tuple[str, str, Callable[[], object]]] = [  # consumer, limit, call
    ("parser", "max_input_chars", lambda: parse("x+" * 10 + "x", Limits(max_input_chars=10))),
    ("parser", "max_depth", lambda: parse("(" * 50 + "x" + ")" * 50, Limits(max_depth=10))),
    ("parser", "max_nodes", lambda: parse("+".join("xyzw"), Limits(max_nodes=3))),
    ("parser", "max_literal_digits", lambda: parse("1" * 30, Limits(max_literal_digits=20))),
    ("parser", "max_order", lambda: parse("f'''(x)", Limits(max_order=2))),
    ("parser", "timeout", lambda: parse("x + y", EXPIRED)),
    ("differentiate", "max_nodes", lambda: diff(SHIFTED, "x", limits=Limits(max_nodes=10_000))),
    ("differentiate", "timeout", lambda: diff(BIG, "x1", limits=EXPIRED)),
    ("derive", "max_nodes", lambda: derive(SHIFTED, "x", limits=Limits(max_nodes=10_000))),
    ("derive", "timeout", lambda: derive(BIG, "x1", limits=EXPIRED)),
    ("reverse gradient", "max_nodes", lambda: gradient(product(12_000))),
    ("reverse gradient", "timeout", lambda: gradient(BIG, limits=EXPIRED)),
    ("simplifier", "timeout", lambda: simplify(BIG, limits=EXPIRED)),
    ("simplifier", "max_nodes", lambda: simplify(NESTED_SUM, limits=Limits(max_nodes=3))),
    ("simplifier", "max_simplify_steps",
     lambda: simplify("x + x*x + x + x^2*3 + x*x*x", limits=Limits(max_simplify_steps=1))),
    ("simplifier in diff", "max_simplify_steps",
     lambda: diff("(x + x*x + x + x^2*3 + x*x*x)*y", "y", limits=Limits(max_simplify_steps=1))),
    ("nth_derivative", "max_order", lambda: nth_derivative("x^3", "x", 10**8)),
    ("nth_derivative", "max_nodes",
     lambda: nth_derivative("x^2*sin(x)", "x", 2, limits=Limits(max_nodes=10))),
    ("nth_derivative", "timeout", lambda: nth_derivative(BIG, "x1", 3, limits=EXPIRED)),
    ("partial", "max_order", lambda: partial("x^3", *["x"] * 21)),
    ("partial", "timeout", lambda: partial(BIG, "x1", "x2", limits=EXPIRED)),
    ("Chains, between stages", "timeout", lambda: partial(Var("x") ** 3, "x", "x", limits=EXPIRED)),
    ("derivations", "max_order", lambda: derivations("x^3", ["x"] * 21)),
    ("hessian", "max_order", lambda: hessian("x*y", limits=Limits(max_order=1))),
    ("hessian", "max_nodes", lambda: hessian(product(600))),
    ("hessian by many variables", "max_nodes",
     lambda: hessian("x*y", [f"v{i}" for i in range(10_000)])),
    ("hessian", "timeout", lambda: hessian(BIG, ["x1", "x2"], limits=EXPIRED)),
    ("jacobian", "max_nodes", lambda: jacobian([product(600), product(600)])),
    ("jacobian", "timeout", lambda: jacobian([BIG, "x1"], ["x1"], limits=EXPIRED)),
    ("check_answer", "timeout", lambda: check_answer(BIG, "0", "x1", limits=EXPIRED)),
    ("check_answer", "max_order", lambda: check_answer("x^3", "0", ["x"] * 21)),
    ("str()", "max_output_chars", lambda: str(huge_print())),
    ("a notebook's LaTeX", "max_output_chars", lambda: huge_print()._repr_latex_()),
    ("render()", "max_output_chars",
     lambda: render(parse("x*y"), "latex", limits=Limits(max_output_chars=3))),
    ("Derivation.render()", "max_output_chars",
     lambda: derive("x^2*y", "x").render("markdown", limits=Limits(max_output_chars=3))),
]  # fmt: skip


@pytest.mark.parametrize(
    ("consumer", "limit", "call"), REFUSED, ids=[f"{c}-{lim}" for c, lim, _ in REFUSED]
)
def test_refused_naming_the_limit(consumer: str, limit: str, call: Callable[[], object]) -> None:
    with pytest.raises(LimitError, match=rf"\({limit}\)"):
        call()


PRODUCT_600, PRODUCT_12000, HUGE = product(600), product(12_000), huge_print()
VARIABLES_10000 = [f"v{i}" for i in range(10_000)]
A_PRIORI: list[tuple[str, Callable[[], object], float]] = [  # what, call, CPU seconds at most
    ("nth_derivative of order 10^8", lambda: nth_derivative("x^3", "x", 10**8), 0.05),
    ("partial by 10^5 variables", lambda: partial("x^3", *["x"] * 10**5), 0.05),
    ("--order 100000000", lambda: main(["x^3", "--order", "100000000"]), 0.05),
    ("--order 10^20", lambda: main(["x^3", "--order", "1" + "0" * 20]), 0.05),
    ("hessian of a 600-factor product", lambda: hessian(PRODUCT_600), 0.5),
    ("jacobian of a 600-factor product", lambda: jacobian([PRODUCT_600]), 0.5),
    ("gradient of a 12,000-factor product", lambda: gradient(PRODUCT_12000), 0.5),
    ("hessian by 10,000 variables", lambda: hessian("x*y", VARIABLES_10000), 0.05),
    ("str() of 10^29 characters", lambda: str(HUGE), 0.05),
]


@pytest.mark.parametrize(("what", "call", "seconds"), A_PRIORI, ids=[w for w, _, _ in A_PRIORI])
def test_refused_before_the_work(
    what: str, call: Callable[[], object], seconds: float, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["x^3", "--order", "2", "--format", "text"])  # imports done before the clock starts
    start = time.process_time()
    try:
        code = call()
    except LimitError:
        code = 2
    spent = time.process_time() - start
    assert code == 2, what
    assert spent < seconds, f"{what}: {spent:.3f} s of CPU"


def _bits(expr: Expr) -> int:
    """The most bits of any number in ``expr``."""
    values = [n.value for n in postorder(expr) if isinstance(n, Num)]
    return max((max(abs(v.numerator), v.denominator).bit_length() for v in values), default=0)


FOLD64 = Limits(max_fold_bits=64)
FOLD_BITS: list[tuple[str, Callable[[], Expr]]] = [  # the pass or line that computes, call
    ("numbers: power", lambda: simplify("2^100", limits=FOLD64)),
    ("numbers: product", lambda: simplify("4294967296*4294967296*x", limits=FOLD64)),
    ("numbers: sum", lambda: simplify("18446744073709551615 + 18446744073709551615 + x",
                                      limits=FOLD64)),
    ("collect-terms", lambda: simplify("18446744073709551615x + 18446744073709551615x",
                                       limits=FOLD64)),
    ("combine-powers", lambda: simplify("x^18446744073709551615 * x^18446744073709551615",
                                        limits=FOLD64)),
    ("distribute-exponent: power of a power",
     lambda: simplify("(x^4294967296)^4294967296", limits=FOLD64)),
    ("distribute-exponent: power of a product",
     lambda: simplify("(4294967296x)^2", limits=FOLD64)),
    ("expand", lambda: simplify("(x + 4294967296)^2", expand=True, limits=FOLD64)),
    ("the arithmetic line of diff", lambda: diff("4294967296*4294967296*x", "x", limits=FOLD64)),
]  # fmt: skip


@pytest.mark.parametrize(("where", "call"), FOLD_BITS, ids=[w for w, _ in FOLD_BITS])
def test_max_fold_bits_bounds_every_number_computed(where: str, call: Callable[[], Expr]) -> None:
    assert _bits(call()) <= 64, where  # every literal of the inputs has at most 64 bits


def test_expansion_past_max_nodes_is_not_built() -> None:
    result = simplify("(x + y + z)^30", expand=True, limits=Limits(max_nodes=100))
    assert count_nodes(result) <= 100


CLI: list[tuple[list[str], str]] = [  # argv, the limit the one-line error names
    (["x^3", "--order", "100000000"], "max_order"),
    (["x^3", "--order", "1" + "0" * 20], "max_order"),
    (["check", "x^3", "--wrt", ",".join(["x"] * 21), "--answer", "0"], "max_order"),
    (["x^3", "--wrt", "x,x,x", "--max-order", "2"], "max_order"),
    (["x + y", "--max-input-chars", "2"], "max_input_chars"),
    (["((x))", "--max-depth", "1"], "max_depth"),
    (["x + y + z", "--max-nodes", "2"], "max_nodes"),
    (["123456*x", "--max-literal-digits", "3"], "max_literal_digits"),
    (["x^2*y^2*z", "--wrt", "x", "--max-output-chars", "3"], "max_output_chars"),
    (["x^3", "--timeout", "1e-9"], "timeout"),
    (["x^3", "--timeout", "1e300", "--max-order", "1", "--order", "2"], "max_order"),
    (["hessian", "x*y", "--max-order", "1"], "max_order"),
    (["simplify", "x + x*x + x + x^2*3 + x*x*x", "--max-simplify-steps", "1"],
     "max_simplify_steps"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "limit"), CLI, ids=[" ".join(a)[:40] for a, _ in CLI])
def test_cli_refuses_naming_the_limit(
    argv: list[str], limit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"({limit})" in err, err


CLI_WITHIN: list[tuple[list[str], str]] = [  # argv, output: the limit holds and the command works
    (["simplify", "2^100", "--max-fold-bits", "64", "--format", "text"], "2^100"),
    (["x^3", "--timeout", "1e300", "--format", "text"], "3*x^2"),
    (["x^3", "--wrt", "x,x", "--max-order", "2", "--format", "text"], "6*x"),
]


@pytest.mark.parametrize(("argv", "shown"), CLI_WITHIN, ids=[" ".join(a) for a, _ in CLI_WITHIN])
def test_cli_within_the_limits(
    argv: list[str], shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    assert capsys.readouterr().out == shown + "\n"


EVALUATE: list[tuple[list[str], str]] = [  # --at: the evaluator's bounds, one line, exit 2
    (["x^2001", "--at", "x=123456789"], "too large for a float"),
    (["exp(x)", "--at", "x=100000"], "too large for a float"),
]


@pytest.mark.parametrize(("argv", "said"), EVALUATE, ids=[" ".join(a) for a, _ in EVALUATE])
def test_evaluate_is_bounded(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert said in capsys.readouterr().err


def test_evaluate_through_the_api_is_bounded() -> None:
    with pytest.raises(LimitError, match="too large for a float"):
        parse("exp(x)").evaluate({"x": Fraction(10**5)})


def _in_thread(call: Callable[[], object]) -> tuple[object, float]:
    """Run ``call`` on a worker thread (no SIGALRM there); its result or exception, and the time."""
    box: list[object] = []

    def work() -> None:
        try:
            box.append(call())
        except Exception as exc:
            box.append(exc)

    start = time.monotonic()
    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=120)
    return (box[0] if box else "still running"), time.monotonic() - start


def test_timeout_is_honoured_on_a_worker_thread() -> None:
    outcome, seconds = _in_thread(
        lambda: nth_derivative(GROWING, "x", 20, limits=Limits(timeout=0.3, max_nodes=10**9))
    )
    assert isinstance(outcome, LimitError) and "(timeout)" in str(outcome), outcome
    assert seconds < 30  # unbounded: minutes; a generous margin for a loaded machine


def test_cli_timeout_is_honoured_on_a_worker_thread(capsys: pytest.CaptureFixture[str]) -> None:
    args = [GROWING, "--order", "20", "--timeout", "0.3", "--max-nodes", "1000000000"]
    outcome, seconds = _in_thread(lambda: main(args))  # the node budget lifted: time stops it
    assert outcome == 2 and "(timeout)" in capsys.readouterr().err
    assert seconds < 30


def test_one_clock_per_call() -> None:
    """A running clock handed to a public function is kept, not restarted."""
    running = Limits(timeout=60).begin()
    assert running.begin() is running
    assert diff("x^2", "x", limits=running) == diff("x^2", "x")  # within time: same answer
    with pytest.raises(LimitError, match=r"\(timeout\)"):
        gradient(BIG, ["x1", "x2"], limits=replace(running, deadline=EXPIRED.deadline))


def test_batch_gives_each_line_its_own_limits(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused line is one error line; the lines after it are still answered."""
    monkeypatch.setattr("sys.stdin", io.StringIO("x^2\nx*y*z*w\nx^3\n"))
    assert main(["-", "--wrt", "x", "--max-nodes", "4", "--format", "text"]) == 2
    shown = capsys.readouterr()
    refused = "error: the expression has 5 distinct nodes; the limit is 4 (max_nodes)"
    assert shown.out.splitlines() == ["2*x", refused, "3*x^2"]
    assert "line 2" in shown.err and "(max_nodes)" in shown.err


def test_running_out_of_memory_is_one_line_not_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The limits estimate before the work; should memory still run out, the command says so."""

    def exhausted(*args: object, **kwargs: object) -> int:
        raise MemoryError

    monkeypatch.setattr("symdiff.cli.run.run", exhausted)
    assert main(["x^2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out of memory" in err and "internal" not in err
