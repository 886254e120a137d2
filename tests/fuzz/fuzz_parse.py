"""Coverage-guided fuzzing of the whole pipeline with atheris (run by hand, not by pytest).

Every input is turned into text (raw Unicode, or a soup of the language's own tokens), then
parsed; a parsed expression is differentiated by each of its variables, simplified, printed
in every format, read back from its text form and evaluated.  Allowed outcomes: success, or a
``SymdiffError``.  Anything else -- another exception, a print that does not parse back to the
same node, or an input taking more than ``SLOW_SECONDS`` of CPU time -- is a finding.

Run from the repository root (``pip install atheris``)::

    python tests/fuzz/fuzz_parse.py -max_total_time=1800 -timeout=60 -rss_limit_mb=2048 \
        -max_len=2048 -dict=tests/fuzz/symdiff.dict

Add ``SYMDIFF_FUZZ_KEEP_GOING=1`` to record findings and carry on (each is written to
``SYMDIFF_FUZZ_FINDINGS``, default ``fuzz-findings/``, and summarised on stderr) instead of
stopping at the first one as libFuzzer does; ``SYMDIFF_FUZZ_REPORT_EVERY=N`` prints a progress
line every N inputs.  To replay one input: ``python tests/fuzz/fuzz_parse.py FILE``.
pytest does not collect this file (``tests/fuzz/conftest.py`` ignores it).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.setrecursionlimit(10_000)  # a recursion anywhere in symdiff shows up as a finding

with atheris.instrument_imports(include=["symdiff", "lark"]):
    import symdiff
    from symdiff.api import variables_of
    from symdiff.core.evaluate import evaluate
    from symdiff.printers import render

SLOW_SECONDS = 5.0
MAX_VARIABLES = 3
TOKENS = (
    "x", "y", "z", "x1", "w_12", "θ", "alpha", "e", "pi", "π", "0", "1", "2", "10", "2.5", ".5",
    "1e-3", "9", "+", "-", "−", "*", "·", "×", "/", "÷", "^", "**", "²", "⁻¹", "(", ")", "(", ")",
    ",", "=", ">", "<", "'", "[", "]", "1(", "sin", "cos", "tan", "exp", "log", "ln", "sqrt",
    "tanh", "sigmoid", "abs", "relu", "sign", "max", "min", "f", "g", "h", "f(x) = ",
    "h(x, y) = ", " ", "\n", "sinh", "foo", "\\frac", "_", "lambda", ":", ".", "0^-1", "1/0",
)  # fmt: skip
LIMITS = symdiff.Limits(max_input_chars=10_000, timeout=SLOW_SECONDS)

_count = 0
_findings: set[str] = set()


def text_of(data: bytes) -> str:
    """Raw Unicode for even first bytes, a soup of language tokens for odd ones."""
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeIntInRange(0, 1) == 0:
        return str(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
    picks = fdp.ConsumeIntListInRange(fdp.remaining_bytes(), 0, len(TOKENS) - 1)
    return "".join(TOKENS[i] for i in picks)


def check(text: str) -> None:
    """Run the pipeline on ``text``; raise ``AssertionError`` or any non-symdiff error."""
    try:
        definition = symdiff.as_definition(text, LIMITS)
    except symdiff.SymdiffError:
        return
    body = definition.body
    printed = str(body)
    assert symdiff.parse(printed) is body, f"round trip: {printed!r}"
    for name in variables_of(definition)[:MAX_VARIABLES] or ["x"]:
        try:
            result = symdiff.diff(definition, name, limits=LIMITS)
            for fmt in ("text", "unicode", "latex"):
                render(result, fmt)
            again = str(result)
            assert symdiff.parse(again) is result, f"round trip of the derivative: {again!r}"
            if len(text) < 300:
                symdiff.derive(definition, name, limits=LIMITS).render("unicode")
            evaluate(result, dict.fromkeys(variables_of(result), 0.5))
        except symdiff.SymdiffError:
            continue


def record(text: str, problem: str) -> None:
    """Save a finding (once per distinct problem) and report it on stderr."""
    folder = Path(os.environ.get("SYMDIFF_FUZZ_FINDINGS", "fuzz-findings"))
    folder.mkdir(parents=True, exist_ok=True)
    key = problem.splitlines()[0][:200] if problem else "?"
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    (folder / f"finding-{digest}.txt").write_text(f"{problem}\n---\n{text}", encoding="utf-8")
    if key not in _findings:
        _findings.add(key)
        print(
            f"FINDING #{len(_findings)} after {_count} inputs: {key}  input={text[:200]!r}",
            file=sys.stderr,
            flush=True,
        )


def test_one_input(data: bytes) -> None:
    """The libFuzzer entry point."""
    global _count
    _count += 1
    every = int(os.environ.get("SYMDIFF_FUZZ_REPORT_EVERY", "0"))
    if every and _count % every == 0:
        print(
            f"PROGRESS {_count} inputs, {len(_findings)} distinct findings",
            file=sys.stderr,
            flush=True,
        )
    text = text_of(data)
    started = time.process_time()  # CPU time: a busy machine must not make inputs "slow"
    try:
        check(text)
    except Exception as exc:  # a finding
        if not os.environ.get("SYMDIFF_FUZZ_KEEP_GOING"):
            raise
        record(text, f"{type(exc).__name__}: {exc}")
        return
    elapsed = time.process_time() - started
    if elapsed > SLOW_SECONDS:
        if not os.environ.get("SYMDIFF_FUZZ_KEEP_GOING"):
            raise TimeoutError(f"{elapsed:.1f} s for {text[:200]!r}")
        record(text, f"slow: {elapsed:.1f} s (len {len(text)})")


def main() -> None:
    """Fuzz, or replay the files named on the command line."""
    files = [a for a in sys.argv[1:] if not a.startswith("-") and Path(a).is_file()]
    if files and not any(a.startswith("-") for a in sys.argv[1:]):
        for name in files:
            test_one_input(Path(name).read_bytes())
        print(f"replayed {len(files)} input(s) without a finding")
        return
    atheris.Setup(sys.argv, test_one_input)
    try:
        atheris.Fuzz()
    finally:
        print(f"DONE {_count} inputs, {len(_findings)} distinct findings", file=sys.stderr)


if __name__ == "__main__":
    main()
