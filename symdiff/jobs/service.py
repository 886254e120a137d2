"""The local pool as a service: records submitted one at a time, answered as futures.

A web server hands each request to :meth:`PoolService.submit` and awaits the future; the
records run in the pool's worker processes, so the server's event loop never computes,
and a record past its time limit has its worker killed (:mod:`.pool`) while the others
go on.  One supervisor thread runs the pool over an endless source fed by a queue; a
pipe wakes it when a record arrives.

>>> with PoolService(jobs=1, limits=Limits(timeout=5)) as service:
...     service.submit('{"input": "x^3"}').result(timeout=60).outcome
'ok'
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import threading
from collections.abc import Iterator
from concurrent.futures import Future

from ..limits import Limits
from .pool import IDLE, Item, LocalPool
from .records import Result


class PoolService:
    """``jobs`` worker processes behind a thread-safe ``submit(record) -> Future[Result]``.

    Each worker holds one record at a time (a quick request never waits behind a slow one
    on the same worker).  ``stop()`` (or leaving the ``with`` block) lets the records
    already submitted finish, then stops the workers.
    """

    def __init__(self, jobs: int, limits: Limits) -> None:
        self.jobs = jobs
        self.limits = limits
        self._queue: queue.SimpleQueue[Item | None] = queue.SimpleQueue()
        self._futures: dict[int, Future[Result]] = {}
        self._lock = threading.Lock()
        self._numbers = itertools.count()
        self._wake_read, self._wake_write = multiprocessing.Pipe(duplex=False)
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PoolService:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Start the workers and the supervisor thread."""
        pool = LocalPool(self.jobs, self.limits, depth=1, wakeup=self._wake_read, chunk=1)
        pool.__enter__()
        self._thread = threading.Thread(target=self._supervise, args=(pool,), daemon=True,
                                        name="symdiff-pool")  # fmt: skip
        self._thread.start()

    def stop(self) -> None:
        """Finish what was submitted, then stop the workers."""
        if self._thread is None:
            return
        self._queue.put(None)
        self._wake_write.send_bytes(b".")
        self._thread.join()
        self._thread = None

    def submit(self, record: str) -> Future[Result]:
        """Run one record (a line of JSON, as ``symdiff batch`` reads); its Result, later."""
        if self._thread is None:
            raise RuntimeError("the service is not running")
        future: Future[Result] = Future()
        seq = next(self._numbers)
        with self._lock:
            self._futures[seq] = future
        self._queue.put((seq, 0, record))
        self._wake_write.send_bytes(b".")
        return future

    def _source(self) -> Iterator[Item]:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                yield IDLE
                continue
            if item is None:
                return
            yield item

    def _deliver(self, seq: int, result: Result) -> None:
        with self._lock:
            future = self._futures.pop(seq, None)
        if future is not None:
            future.set_result(result)

    def _supervise(self, pool: LocalPool) -> None:
        try:
            pool.run(self._source(), self._deliver)
        finally:
            pool.__exit__(None, None, None)
            with self._lock:
                left, self._futures = self._futures, {}
            for future in left.values():
                future.set_exception(RuntimeError("the service stopped"))
