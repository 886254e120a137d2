"""Batch jobs: one output record per input record, in order, whatever the records do.

The records table says what each kind of record gives; the job tests run the command
on a file mixing good records with hostile ones (parse errors, a 10⁵-deep input, a record
over its time limit, a record whose worker is killed), interrupt and resume a job, and
run the same job on Dask.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from symdiff.jobs import batch
from symdiff.jobs.files import done_ids
from symdiff.jobs.records import run_record
from symdiff.limits import Limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
import network  # noqa: E402

# ----- one record ----------------------------------------------------------------------

RECORDS = [  # record → (outcome, the field to read, its value)
    ({"id": 1, "input": "x^3"}, "ok", "result", "3*x^2"),
    ({"id": 2, "input": "x^3 y", "wrt": ["x", "y"]}, "ok", "result", "3*x^2"),
    ({"id": 3, "input": "sin(x)", "order": 3}, "ok", "result", "-cos(x)"),
    ({"id": 4, "input": "x*y", "task": "gradient"}, "ok", "derivatives", ["y", "x"]),
    (
        {"id": 5, "input": "x^2 y", "task": "hessian"},
        "ok",
        "matrix",
        [["2*y", "2*x"], ["2*x", "0"]],
    ),
    ({"id": 6, "input": "x^3", "task": "check", "answer": "3x^2"}, "ok", "correct", True),
    ({"id": 7, "input": "x^3", "task": "check", "answer": "3x^3"}, "wrong", "correct", False),
    ({"id": 8, "input": "x*x", "task": "simplify"}, "ok", "result", "x^2"),
    ({"id": 9, "input": "x^3", "at": {"x": "1/2"}}, "ok", "value", "3/4"),
    ({"id": "q", "input": "x^2", "steps": True}, "ok", "derivations", 1),
    ({"id": 10, "input": "x +* y"}, "error", "error", "ParseError"),
    ({"id": 11, "input": "x/(x-x)"}, "error", "error", "DomainError"),
    ({"id": 12, "input": "x", "task": "integrate"}, "error", "error", "RecordError"),
    ({"id": 13, "input": "x", "tsk": "diff"}, "error", "error", "RecordError"),
    ({"id": 14, "input": 3}, "error", "error", "RecordError"),
    ({"id": 15, "input": "x^3", "task": "check"}, "error", "error", "RecordError"),
    ({"id": 16, "input": "x", "order": 0}, "error", "error", "RecordError"),
    ({"id": 17, "input": "x", "steps": "yes"}, "error", "error", "RecordError"),
    ({"id": 18, "input": "x^x*sin(x)*exp(x)/(1+x^2)", "order": 30}, "limit", "error", "LimitError"),
]


def _read(doc: dict[str, object], field: str) -> object:
    value = doc[field]
    if field == "result":
        return value["text"]  # type: ignore[index]
    if field == "derivatives":
        return [d["result"]["text"] for d in value]  # type: ignore[attr-defined]
    if field == "matrix":
        return [[c["result"]["text"] for c in row] for row in value]  # type: ignore[attr-defined]
    if field == "value":
        return value["text"]  # type: ignore[index]
    if field == "derivations":
        return len(value)  # type: ignore[arg-type]
    if field == "error":
        return value["type"]  # type: ignore[index]
    return value


@pytest.mark.parametrize(("record", "outcome", "field", "expected"), RECORDS)
def test_record(record: dict[str, object], outcome: str, field: str, expected: object) -> None:
    result = run_record(json.dumps(record), Limits(), number=99)
    doc = json.loads(result.line)
    assert (result.outcome, doc["id"], _read(doc, field)) == (outcome, record["id"], expected)


@pytest.mark.parametrize(
    ("line", "expected_id"),
    [('{"input": "x"}', 7), ("not json", 7), ('["x"]', 7), ('{"id": [1], "input": "x"}', 7)],
)
def test_a_record_without_a_usable_id_gets_its_line_number(line: str, expected_id: int) -> None:
    assert json.loads(run_record(line, Limits(), number=7).line)["id"] == expected_id


# ----- whole jobs --------------------------------------------------------------------

# the gradient of this network's loss (961 kB), checked by finite differences, takes half
# a minute alone: over an 8 s limit on any machine
SLOW = {"input": network.loss_text((7, 28, 28, 9)), "task": "gradient", "verify": True}
MEDIUM_WIDTHS = (4, 16, 16, 3)
MEDIUM = {"input": network.loss_text(MEDIUM_WIDTHS), "wrt": network.parameters(MEDIUM_WIDTHS)[0]}

HOSTILE = [
    {"input": "x^3"},
    {"input": "x +* y"},
    {"input": "(" * 100_000 + "x" + ")" * 100_000},
    {"input": "sin(" * 3000 + "x" + ")" * 3000, "task": "simplify"},
    SLOW,  # over its limit
    {"input": "x^3", "task": "check", "answer": "3x^3"},
    {"input": "", "task": "gradient"},
    {"input": "3(2x^2)^5", "steps": True},
]


def _write(path: Path, records: list[dict[str, object]]) -> None:
    with path.open("w") as f:
        for i, record in enumerate(records):
            f.write(json.dumps({"id": i, **record}) + "\n")
            if i % 3 == 0:
                f.write("\n# a comment line, not a record\n")


def _symdiff(*args: str, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "symdiff", *args],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kw,
    )  # type: ignore[call-overload]


def _ids(path: Path) -> list[object]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_hostile_records_each_get_one_output_record_in_order(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(src, HOSTILE + [{"input": f"x^{n}"} for n in range(16)])
    run = _symdiff("batch", str(src), "-o", str(out), "--jobs", "2", "--timeout", "8")
    _, err = run.communicate(timeout=120)
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["id"] for d in docs] == list(range(len(HOSTILE) + 16))
    kinds = [d["kind"] if d["kind"] != "error" else d["error"]["type"] for d in docs[:8]]
    assert kinds == ["derivative", "ParseError", "derivative", "simplify", "LimitError",
                     "check", "ParseError", "derivative"]  # fmt: skip
    assert run.returncode == 2  # some records were bad input
    assert err.count("\n") == 1 and "24 items" in err and "ok" in err and "limit" in err


def _workers(pid: int) -> list[int]:
    """The worker processes (spawned children) of process ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
            found.append(int(entry))
    return found


def _cpu(pid: int) -> float:
    """CPU seconds process ``pid`` has used (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for(condition: object, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > end:
            raise AssertionError("timed out waiting")
        time.sleep(0.01)


def _lines(path: Path) -> int:
    return path.read_text().count("\n") if path.exists() else 0


@pytest.mark.parametrize("kills", [1, 2])
def test_a_killed_worker_is_replaced_and_its_record_retried_once(
    tmp_path: Path, kills: int
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    victim = SLOW if kills == 2 else MEDIUM
    _write(src, [{"input": "x^2"}, victim, {"input": "x^3"}, {"input": "x +* y"}])
    run = _symdiff("batch", str(src), "-o", str(out), "--jobs", "1", "--quiet")
    _wait_for(lambda: _lines(out) >= 1)  # the first record is written: the worker holds the victim
    killed: set[int] = set()
    for k in range(kills):
        # the first worker holds the victim; a fresh one is busy with it once it has used
        # more CPU than starting takes (parsing the victim alone takes over a second)
        busy = 0.0 if k == 0 else 0.8
        _wait_for(lambda b=busy: any(_cpu(p) >= b for p in set(_workers(run.pid)) - killed))
        pid = next(p for p in set(_workers(run.pid)) - killed if _cpu(p) >= busy)
        os.kill(pid, signal.SIGKILL)
        killed.add(pid)
    run.communicate(timeout=120)
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["id"] for d in docs] == [0, 1, 2, 3]
    if kills == 1:  # retried on a fresh worker, it succeeds
        assert docs[1]["kind"] == "derivative" and run.returncode == 2  # record 3 is bad input
    else:
        assert (
            docs[1]["error"]["type"] == "WorkerError" and "2 times" in docs[1]["error"]["message"]
        )
        assert run.returncode == 1
    assert [docs[2]["kind"], docs[3]["error"]["type"]] == ["derivative", "ParseError"]


def test_an_interrupted_job_resumes_to_the_same_output(tmp_path: Path) -> None:
    src, whole, part = tmp_path / "in.jsonl", tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
    _write(src, [{"input": f"x^{n} + {n}*sin(x)", "steps": n % 2 == 0} for n in range(60)]
           + [MEDIUM] + [{"input": f"y^{n}"} for n in range(20)])  # fmt: skip
    one = _symdiff("batch", str(src), "-o", str(whole), "--jobs", "2", "--quiet")
    one.communicate(timeout=120)
    run = _symdiff("batch", str(src), "-o", str(part), "--jobs", "2", "--quiet")
    _wait_for(lambda: _lines(part) >= 40)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130 and "--resume" in err
    assert 40 <= _lines(part) < 81
    with part.open("a") as f:  # a torn last line, as a crash mid-write would leave
        f.write('{"schema": 1, "id": 9')
    again = _symdiff("batch", str(src), "-o", str(part), "--jobs", "2", "--resume")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0 and "already done (resumed)" in err
    assert part.read_bytes() == whole.read_bytes()


def test_done_ids_reads_whole_records_only(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": 1}\n{"id": "b"}\n{"id": 3')
    assert done_ids(str(out)) == {1, "b"} and out.read_text() == '{"id": 1}\n{"id": "b"}\n'


def test_unordered_output_holds_the_same_records(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, [{"input": f"x^{n}"} for n in range(50)])
    outs = []
    for flag in ([], ["--unordered"]):
        run = _symdiff("batch", str(src), "--jobs", "2", "--quiet", *flag)
        stdout, _ = run.communicate(timeout=120)
        outs.append(sorted(stdout.splitlines()))
    assert outs[0] == outs[1] and len(outs[0]) == 50


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "missing.jsonl"], "cannot read missing.jsonl"),
        (["batch", "-", "--resume"], "--resume needs -o"),
        (["batch", "-", "--scheduler", "tcp://h:1"], "--scheduler needs --engine dask"),
        (["batch", "-", "--jobs", "0"], "invalid number of jobs"),
    ],
)
def test_bad_batch_options_are_one_line_errors(args: list[str], message: str) -> None:
    run = _symdiff(*args, stdin=subprocess.DEVNULL)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 2 and err.count("\n") == 1 and message in err


def test_the_api_returns_a_summary_and_writes_one_line_per_record() -> None:
    import io

    out = io.StringIO()
    lines = [json.dumps({"id": n, "input": text}) for n, text in enumerate(["x^2", "x^", "y"])]
    summary = batch(lines, out, jobs=1)
    assert [json.loads(x)["id"] for x in out.getvalue().splitlines()] == [0, 1, 2]
    assert (summary.counts, summary.items, summary.interrupted) == ({"ok": 2, "error": 1}, 3, False)


def test_dask_gives_byte_identical_output(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    src = tmp_path / "in.jsonl"
    _write(src, HOSTILE[:2] + HOSTILE[5:] + [{"input": f"x^{n}*cos(x)"} for n in range(150)])
    outs = []
    for engine in ("local", "dask"):
        out = tmp_path / f"{engine}.jsonl"
        run = _symdiff("batch", str(src), "-o", str(out), "--jobs", "2", "--engine", engine)
        _, err = run.communicate(timeout=180)
        assert run.returncode == 2, err  # the parse errors
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") == 155
