"""The Dask engine: the same records, run as tasks on a Dask cluster (``symdiff[dask]``).

Records go to the cluster in chunks of ``CHUNK`` (one task each, so a task's overhead is
shared by many small records), at most ``TASKS_PER_WORKER`` chunks per worker at a time,
so memory stays bounded however long the input.  Each task runs
:func:`~symdiff.jobs.records.run_record` on its records and returns their JSON lines:
only text crosses the network.  The results are
handed back as they finish, and the caller's writer puts them in input order, so the
output is byte for byte the local engine's.

A worker that dies mid-task is Dask's to handle: the task is retried on another worker;
if it kills workers again (Dask raises ``KilledWorker``), its records are run one per task,
and a record that still kills its worker is recorded as failed.  Time limits are the
records' own (polled inside the computation); Dask cannot stop a running task.

Without ``scheduler`` a ``LocalCluster`` of ``workers`` processes (one thread each) is
started for the job and closed after it.  Every worker of an existing cluster needs the
same version of symdiff installed (``pip install symdiff``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from importlib import import_module
from typing import Any

from ..limits import Limits
from .pool import Item, Sink
from .records import Result, failure, input_of, record_id, run_record

CHUNK = 1000  # records per task: a task's overhead is shared by many small records
TASKS_PER_WORKER = 2  # tasks in flight per worker


def run_chunk(items: Sequence[Item], limits: Limits) -> list[tuple[int, str, str]]:
    """Run records on a worker: (sequence number, outcome, output line) for each.

    >>> [(seq, outcome) for seq, outcome, _ in run_chunk([(0, 1, '{"input": "x^2"}')], Limits())]
    [(0, 'ok')]
    """
    out: list[tuple[int, str, str]] = []
    for seq, number, line in items:
        result = run_record(line, limits, number)
        out.append((seq, result.outcome, result.line))
    return out


def run_on_dask(
    items: Iterator[Item],
    sink: Sink,
    limits: Limits,
    *,
    workers: int,
    scheduler: str | None = None,
    room: Callable[[], bool] = lambda: True,
) -> None:
    """Run every item on Dask, handing each result to ``sink(seq, result)``."""
    try:  # untyped: reached through import_module, as Any
        dd: Any = import_module("dask.distributed")
    except ImportError:
        from ..errors import SymdiffError

        raise SymdiffError("the dask engine needs Dask: pip install 'symdiff[dask]'") from None
    cluster: Any = None
    if scheduler is None:
        cluster = dd.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)  # fmt: skip
        client = dd.Client(cluster)
    else:
        client = dd.Client(scheduler)
    try:
        slots = TASKS_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
        chunks: dict[Any, list[Item]] = {}
        pending = dd.as_completed()
        exhausted = False

        def submit(chunk: list[Item], retries: int = 1) -> None:
            future = client.submit(run_chunk, chunk, limits, pure=False, retries=retries)
            chunks[future] = chunk
            pending.add(future)

        def fill() -> None:
            nonlocal exhausted
            while not exhausted and len(chunks) < slots and room():
                chunk = [item for _, item in zip(range(CHUNK), items, strict=False)]
                if not chunk:
                    exhausted = True
                    return
                submit(chunk)

        fill()
        for future in pending:
            chunk = chunks.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # KilledWorker, or a worker lost for good
                _split_or_fail(chunk, exc, submit, sink)
            else:
                for seq, outcome, line in results:
                    sink(seq, Result(outcome, line))
            fill()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _split_or_fail(
    chunk: list[Item], exc: Exception, submit: Callable[[list[Item], int], None], sink: Sink
) -> None:
    """A chunk that killed its workers: its records one per task, or (alone) failed."""
    if len(chunk) > 1:
        for item in chunk:
            submit([item], 0)
        return
    seq, number, line = chunk[0]
    message = f"the worker process died on this item ({type(exc).__name__})"
    sink(seq, failure(record_id(line, number), input_of(line), message, "WorkerError"))
