"""What the faster parser remembers between parses: bounded, and never a node nobody holds.

The literal memo (:mod:`symdiff.parsing.literals`) lives only while a parse runs, and the
scanner's memo of piece -> terminal keeps at most a bounded number of short pieces; parses in
threads share both and still agree with a parse alone.
"""

from __future__ import annotations

import gc
import threading
import weakref

from symdiff.errors import ParseError
from symdiff.parsing import literals, scanning
from symdiff.parsing.parser import parse, scanner


def test_a_literal_node_is_freed_after_the_parse() -> None:
    node = parse("987654321/7 + x")
    ref = weakref.ref(node.terms[0])
    del node
    gc.collect()
    assert ref() is None and literals._SEEN == {}


def test_a_literal_is_forgotten_even_when_the_parse_fails() -> None:
    try:
        parse("123456787 + * x")
    except ParseError:
        pass
    assert literals._SEEN == {}


def test_the_scanner_remembers_a_bounded_number_of_short_pieces() -> None:
    for i in range(scanning._KINDS_KEPT + 100):
        scanner().scan(f"w{i} + {i}")
    scanner().scan("x" * 5_000 + " + 1")
    kept = scanner().kinds
    assert 0 < len(kept) <= scanning._KINDS_KEPT
    assert max(map(len, kept)) <= scanning._PIECE_KEPT


def test_parses_in_threads_agree_with_a_parse_alone() -> None:
    texts = [f"{k}/8*w{k} - {k + 1}/8*x^2 + sin {k}x + |x - {k}|" for k in range(1, 40)]
    alone = [str(parse(t)) for t in texts]
    found: list[list[str]] = []

    def work() -> None:
        found.append([str(parse(t)) for t in texts * 5][: len(texts)])

    workers = [threading.Thread(target=work) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert found == [alone] * 4
