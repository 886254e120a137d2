"""Threads: eight threads calling the engine at once get the single-threaded answers.

The interpreter is made to switch threads every microsecond, so the threads interleave
inside node constructors, weak-reference callbacks and the engine's tables.  Every
result is checked three ways after the threads are done: its text is the one a single
thread computes, it *is* the node a single thread computes (no duplicate of an interned
node escaped), and each of its nodes is the one its intern table holds.  Nothing may be
printed (an exception in a weak-reference callback is only printed, as "Exception
ignored in ...").
"""

from __future__ import annotations

import contextlib
import gc
import io
import sys
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from symdiff import Limits, diff, gradient, parse, simplify
from symdiff.core.build import sin
from symdiff.core.expr import Expr, Num, Var
from symdiff.core.walk import postorder
from symdiff.errors import LimitError
from symdiff.higher import nth_derivative
from symdiff.simplifier import order_factors

THREADS = 8
ROUNDS = 250  # per thread; each round makes CALLS_PER_ROUND calls
SHARED = parse("x*sin(y) + y^2")  # one expression every thread differentiates


def _calls(r: int) -> list[tuple[str, Callable[[], Any]]]:
    """Round ``r``'s calls: fresh names (made by every thread at once) and a shared input.

    The names of round ``r`` exist nowhere before it, so the threads race to create the
    same new nodes (the unlocked check-then-insert made ``d/db (a*b)`` come out 0).
    """
    a, b = f"a{r}", f"b{r}"
    u, v = Var(a), Var(b)
    return [
        ("diff text", lambda: diff(f"{a}*{b}", b)),
        ("diff product", lambda: diff(u * v, b)),
        ("diff chain", lambda: diff(sin(u * v) + v**2, a)),
        ("gradient", lambda: gradient(u * v + u**2, [a, b])),
        ("simplify", lambda: simplify(u * v + 2 * v * u + u * u)),
        ("shared diff", lambda: diff(SHARED, "y")),
        ("shared gradient", lambda: gradient(SHARED)),
        ("shared simplify", lambda: simplify(SHARED * SHARED - SHARED)),
    ]


CALLS_PER_ROUND = len(_calls(0))


def _results(value: Any) -> list[Expr]:
    """The expressions of one call's result (a node or a dict of nodes)."""
    return list(value.values()) if isinstance(value, dict) else [value]


def _interned(node: Expr) -> bool:
    """Whether ``node`` is the one node its fields give (the one its table holds)."""
    if isinstance(node, Num):
        return Num(node.value) is node
    if isinstance(node, Var):
        return Var(node.name) is node
    return not node.children or node.rebuild(node.children) is node


@contextlib.contextmanager
def _switching_every_microsecond() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@contextlib.contextmanager
def _everything_printed(into: io.StringIO) -> Iterator[None]:
    """Send stderr and unraisable exceptions (weakref callbacks, finalizers) to ``into``."""
    before = sys.unraisablehook

    def record(unraisable: Any) -> None:
        into.write(f"Exception ignored in {unraisable.object!r}: {unraisable.exc_value!r}\n")

    sys.unraisablehook = record
    try:
        with contextlib.redirect_stderr(into):
            yield
    finally:
        sys.unraisablehook = before


def test_eight_threads_get_the_single_threaded_answers() -> None:
    got: list[list[tuple[str, Any]]] = [[] for _ in range(ROUNDS)]
    crashed: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def work(thread: int) -> None:
        try:
            start.wait()
            for r in range(ROUNDS):
                calls = _calls(r)
                for k in range(len(calls)):  # each thread starts the round at another call
                    name, call = calls[(k + thread) % len(calls)]
                    got[r].append((name, call()))
        except BaseException as exc:  # reported below, with the wrong answers
            crashed.append(exc)

    printed = io.StringIO()
    with _everything_printed(printed), _switching_every_microsecond():
        workers = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()

    assert not crashed, crashed[:3]
    assert sum(len(calls) for calls in got) == THREADS * ROUNDS * CALLS_PER_ROUND >= 16_000
    wrong: list[str] = []
    duplicates: list[str] = []
    for r, calls in enumerate(got):
        expected = {name: call() for name, call in _calls(r)}  # one thread, after the race
        for name, value in calls:
            want = expected[name]
            if [str(e) for e in _results(value)] != [str(e) for e in _results(want)]:
                wrong.append(f"round {r} {name}: {value} instead of {want}")
            elif any(e is not w for e, w in zip(_results(value), _results(want), strict=True)):
                duplicates.append(f"round {r} {name}: equal to the answer but another object")
    nodes = {n for calls in got for _, v in calls for e in _results(v) for n in postorder(e)}
    duplicates += [f"{node!r} is not its table's node" for node in nodes if not _interned(node)]
    assert not wrong, (len(wrong), wrong[:5])
    assert not duplicates, (len(duplicates), duplicates[:5])
    assert printed.getvalue() == ""


BIG = 10**9  # node budget lifted, so that the clock is what stops the work


def test_each_thread_has_its_own_clock() -> None:
    """A timeout stops the call on its own thread only; the others run to their answers."""
    slow = "x^x*sin(x)*exp(x)/(1 + x^2)"  # its 20th derivative takes minutes unbounded
    outcomes: dict[str, object] = {}

    def run(name: str, call: Callable[[], object]) -> None:
        try:
            outcomes[name] = call()
        except Exception as exc:
            outcomes[name] = exc

    jobs: dict[str, Callable[[], object]] = {
        "timed 1": lambda: nth_derivative(slow, "x", 20, limits=Limits(timeout=0.3, max_nodes=BIG)),
        "timed 2": lambda: nth_derivative(slow, "x", 20, limits=Limits(timeout=0.5, max_nodes=BIG)),
        "untimed": lambda: [diff(f"x^{k}*sin(x)", "x") for k in range(200)][-1],
        "long limit": lambda: diff("sin(x)^3", "x", limits=Limits(timeout=600)),
    }
    workers = [threading.Thread(target=run, args=item, daemon=True) for item in jobs.items()]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    for name in ("timed 1", "timed 2"):
        outcome = outcomes.get(name, "still running")
        assert isinstance(outcome, LimitError) and "(timeout)" in str(outcome), (name, outcome)
    assert outcomes["untimed"] is diff("x^199*sin(x)", "x")
    assert outcomes["long limit"] is diff("sin(x)^3", "x")


@pytest.mark.parametrize("threads", [2, 8])
def test_a_node_freed_while_others_rebuild_it(threads: int) -> None:
    """Threads repeatedly drop and rebuild the same nodes: the freed node's weakref
    callback races with the new node's filing, and must never remove the new entry."""
    printed = io.StringIO()
    kept: list[list[Expr]] = [[] for _ in range(threads)]

    def work(t: int) -> None:
        for i in range(2_000):
            node = Var(f"churn{i % 7}") * Var("churn") + 1  # built, dropped, built again
            if i % 500 == t:
                kept[t].append(node)

    with _everything_printed(printed), _switching_every_microsecond():
        workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    for node in (n for nodes in kept for n in nodes):
        assert all(_interned(n) for n in postorder(node))
    assert printed.getvalue() == ""


# ----- the engine's other global tables: bounded, whatever the caller feeds them -----------
def _retained_bytes(work: Callable[[], object]) -> int:
    """Bytes still allocated after ``work()`` ran and its result was dropped."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        work()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_huge_variable_names_are_not_kept() -> None:
    """Sorting factors by name keeps keys of short names only (was: 198 MB never freed)."""

    def sort_huge_names() -> None:
        for i in range(20):
            huge = f"v{i}" + "x" * 5_000
            order_factors.order_factors(Var(huge) * Var("a") * Var(f"{huge}y") * 2)

    assert _retained_bytes(sort_huge_names) < 150_000  # unbounded: about 400 kB


def test_many_short_names_stay_bounded() -> None:
    for i in range(2 * order_factors.NAME_KEY_ENTRIES):
        order_factors.factor_key(Var(f"n{i}"))
    assert 0 < len(order_factors._NAME_KEYS) <= order_factors.NAME_KEY_ENTRIES


def test_wide_calls_leave_no_templates_behind() -> None:
    """The local partials of a max of many arguments (about n² nodes) are not cached."""
    names = [f"m{i}" for i in range(60)]
    assert _retained_bytes(lambda: gradient(f"max({', '.join(names)})", names)) < 500_000
