"""The local engine: worker processes on this machine's cores, one record at a time each.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: it cannot stop one task (an item
past its time limit would hold its worker for ever) and a worker that dies breaks the
whole pool, failing every item in flight.  Here each worker is a process with its own
pipe; the supervisor sends a record to an idle worker and waits on all pipes and process
sentinels at once (:func:`multiprocessing.connection.wait`).  So it knows which item each
worker holds: an item still running ``grace`` seconds after its time limit (the limit is
polled inside the worker, so this is a backstop for work that cannot poll) has its worker
killed and is recorded as a limit error; an item whose worker dies is retried once on a
fresh worker, then recorded as failed.  Only text crosses the pipes (the record in, the
JSON line out), so nothing of a deep expression has to be pickled.

Workers are started with ``spawn`` (safe whatever threads the caller runs) and ignore
Ctrl-C: the supervisor handles it, stops them and leaves the output valid.

>>> out = []
>>> with LocalPool(jobs=1, limits=Limits()) as pool:
...     pool.run(iter([(0, 1, '{"input": "x^2"}')]), lambda seq, r: out.append(r.outcome))
>>> out
['ok']
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..limits import Limits
from .records import Result, failure, input_of, record_id, run_record

Item = tuple[int, int, str]  # (sequence number, input line number, the record's text)
Sink = Callable[[int, Result], None]

RETRIES = 1  # a record whose worker died is tried once more, on a fresh worker
DEPTH = 16  # records sent to a worker ahead of its answers
CHUNK = 8  # records sent in one message
TICK = 0.25  # seconds between two calls of the caller's tick while records run
SEND_EVERY = 0.01  # seconds a worker may hold a finished result before sending it
IDLE: Item = (-1, -1, "")  # what an endless source yields when it has nothing to start now


def grace_for(timeout: float | None) -> float | None:
    """Seconds past an item's time limit before its worker is killed (None: never).

    >>> grace_for(None), grace_for(1.0), grace_for(60.0)
    (None, 2.0, 15.0)
    """
    if timeout is None:
        return None
    return max(2.0, timeout / 4)


def _serve(conn: Connection, limits: Limits) -> None:
    """A worker: run each record of each list sent, send the results back; stop on None.

    Records come in lists and results go back in lists (a message per record would cost
    the supervisor, on the same cores, about a tenth of the work).  A result is never
    held back long: a small thread sends what is waiting every ``SEND_EVERY`` seconds, so
    the supervisor knows within that time which record is running (for its time limit,
    and to blame the right record if the worker dies).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    waiting: list[tuple[int, str, str]] = []
    lock = threading.Lock()

    def send() -> None:
        with lock:
            if waiting:
                conn.send(list(waiting))
                waiting.clear()

    def sender() -> None:
        while True:
            time.sleep(SEND_EVERY)
            try:
                send()
            except (OSError, ValueError):
                return

    threading.Thread(target=sender, daemon=True).start()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        for seq, number, line in message:
            result = run_record(line, limits, number)
            with lock:
                waiting.append((seq, result.outcome, result.line))
        send()


@dataclass
class _Worker:
    process: Any  # a SpawnProcess
    conn: Connection
    # the records sent and not yet answered, oldest (the one running) first, with their tries
    queue: deque[tuple[Item, int]] = field(default_factory=deque)
    started: float = 0.0  # when the oldest of them started


class LocalPool:
    """``jobs`` worker processes running records under ``limits`` (one clock per record).

    Each worker is sent its next record before it finishes the current one (``DEPTH``
    records in flight), so it never waits for the supervisor between records.
    """

    def __init__(
        self,
        jobs: int,
        limits: Limits,
        depth: int = DEPTH,
        wakeup: Connection | None = None,
        chunk: int = CHUNK,
    ) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self.jobs = jobs
        self.limits = limits
        self.depth = depth
        self.chunk = min(chunk, depth)
        self.wakeup = wakeup  # readable when an endless source has new items
        self.grace = grace_for(limits.timeout)
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []

    def __enter__(self) -> LocalPool:
        self._workers = [self._start() for _ in range(self.jobs)]
        return self

    def __exit__(self, *exc: object) -> None:
        for w in self._workers:
            self._stop(w)
        self._workers = []

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs, self.limits), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _stop(self, w: _Worker) -> None:
        try:
            w.conn.send(None)
        except (OSError, ValueError):
            pass
        w.process.join(timeout=0.5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join()
        w.conn.close()

    def _replace(self, w: _Worker) -> _Worker:
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        w.conn.close()
        fresh = self._start()
        self._workers[self._workers.index(w)] = fresh
        return fresh

    def run(
        self,
        items: Iterator[Item],
        sink: Sink,
        room: Callable[[], bool] = lambda: True,
        tick: Callable[[], None] | None = None,
    ) -> None:
        """Run every item, handing each result to ``sink(seq, result)`` as it finishes.

        ``room()`` says whether another item may start (the caller bounds what is
        buffered); at most ``depth`` items are in flight per worker.  An endless source
        yields :data:`IDLE` when it has nothing now, and makes ``wakeup`` readable when
        it has (a service's queue); it ends by being exhausted, like any iterator.
        ``tick()`` is called at least every ``TICK`` seconds while records run (the
        writer flushes its output there).
        """
        retry: deque[tuple[Item, int]] = deque()
        exhausted = False
        while True:
            idle = False
            for w in list(self._workers):
                if len(w.queue) > self.depth - self.chunk:
                    continue  # enough in hand: top it up by a whole message later
                batch: list[tuple[Item, int]] = []
                while len(batch) < self.chunk:
                    if retry:
                        batch.append(retry.popleft())
                    elif exhausted or idle or not room():
                        break
                    else:
                        nxt = next(items, None)
                        if nxt is None:
                            exhausted = True
                            break
                        if nxt is IDLE:
                            idle = True
                            break
                        batch.append((nxt, 0))
                if batch:
                    self._send(w, batch)
            busy = [w for w in self._workers if w.queue]
            if not busy:
                if exhausted and not retry:
                    return
                if idle and self.wakeup is not None:
                    wait([self.wakeup])
                    self._drain()
                    continue
                if not retry:  # every started item gives a result, so this cannot happen
                    raise RuntimeError("no item in flight and no room to start one")
                continue
            for w in self._wait(busy, TICK if tick is not None else None):
                self._collect(w, sink, retry)
            if tick is not None:
                tick()

    def _drain(self) -> None:
        """Empty the wakeup pipe (its bytes only say "look at the source again")."""
        wakeup = self.wakeup
        while wakeup is not None and wakeup.poll():
            wakeup.recv_bytes()

    def _send(self, w: _Worker, batch: list[tuple[Item, int]]) -> _Worker:
        """Queue ``batch`` on worker ``w``; a worker found dead is replaced (its queue kept)."""
        for _ in range(3):
            try:
                w.conn.send([item for item, _ in batch])
            except (OSError, ValueError):  # it died: a fresh one takes its records
                old = list(w.queue)
                w = self._replace(w)
                if old:
                    w.conn.send([item for item, _ in old])
                    w.queue.extend(old)
                w.started = time.monotonic()
                continue
            if not w.queue:
                w.started = time.monotonic()
            w.queue.extend(batch)
            return w
        raise RuntimeError("worker processes die as soon as they start")

    def _limit(self) -> float | None:
        """Seconds after which a running record's worker is killed (None: never)."""
        if self.grace is None or self.limits.timeout is None:
            return None
        return self.limits.timeout + self.grace

    def _wait(self, busy: list[_Worker], most: float | None = None) -> list[_Worker]:
        """The busy workers that answered, died or ran out of time (waiting ``most`` s at most)."""
        limit = self._limit()
        timeout = most
        if limit is not None:
            left = max(0.0, min(w.started for w in busy) + limit - time.monotonic())
            timeout = left if most is None else min(left, most)
        handles: dict[Any, _Worker] = {}
        for w in busy:
            handles[w.conn] = w
            handles[w.process.sentinel] = w
        watched: list[Any] = list(handles)
        if self.wakeup is not None:
            watched.append(self.wakeup)
        ready = wait(watched, timeout)
        if self.wakeup is not None and self.wakeup in ready:
            self._drain()
        woke = {id(handles[h]): handles[h] for h in ready if h in handles}
        if limit is not None:
            now = time.monotonic()
            for w in busy:
                if now - w.started > limit:
                    woke.setdefault(id(w), w)
        return list(woke.values())

    def _collect(self, w: _Worker, sink: Sink, retry: deque[tuple[Item, int]]) -> None:
        """Take what ``w`` has answered; or handle its death or its running record's time."""
        answered = False
        while w.queue and w.conn.poll():
            try:
                got = w.conn.recv()
            except (EOFError, OSError):
                break
            for got_seq, outcome, text in got:
                w.queue.popleft()
                sink(got_seq, Result(outcome, text))
            w.started = time.monotonic()  # the next record runs (give or take SEND_EVERY)
            answered = True
        if answered or not w.queue:
            return
        (item, tries), rest = w.queue[0], list(w.queue)[1:]
        seq, number, line = item
        ident = record_id(line, number)
        limit = self._limit()
        late = limit is not None and time.monotonic() - w.started > limit
        if late and w.process.is_alive():
            self._replace(w)
            retry.extendleft(reversed(rest))  # the records queued behind it run elsewhere
            message = (f"the item exceeded the time limit of {self.limits.timeout or 0:g} s "
                       "(timeout) and its worker was stopped")  # fmt: skip
            sink(seq, failure(ident, input_of(line), message, "LimitError"))
            return
        if w.process.is_alive():  # woken by the clock of a record that then answered
            return
        w.process.join(timeout=5)  # it died: its pipe closed a moment before it is reaped
        code = w.process.exitcode
        self._replace(w)
        retry.extendleft(reversed(rest))
        if tries < RETRIES:
            retry.appendleft((item, tries + 1))
            return
        message = f"the worker process died (exit code {code}) on this item, {tries + 1} times"
        sink(seq, failure(ident, input_of(line), message, "WorkerError"))
