"""The derivative calculator as an ASGI application (Starlette): one page and a JSON API.

Routes:

- ``GET /``: the calculator page (:mod:`.page`), KaTeX inlined, no network needed;
- ``POST /api/derive``: a record as ``symdiff batch`` reads it (``{"input": "3(2x^2)^5",
  "wrt": "x", "steps": true}``; ``task`` may be ``diff``, ``gradient``, ``hessian``,
  ``simplify``), answered with the ``--format json`` document;
- ``POST /api/check``: ``{"input", "answer", "wrt"}``, the ``check`` document (``correct``,
  and a ``counterexample`` point where the answer is wrong);
- ``POST /api/preview``: ``{"input"}``, how the input is read (``text``, ``unicode``,
  ``latex``, its variables), or the parse error with its line and column.

Untrusted input is the default: a request body over ``MAX_BODY`` bytes is refused before
it is read whole; every computation runs under the server's ``Limits`` (input size,
depth, time) in a worker process of a :class:`~symdiff.jobs.service.PoolService`, so
the event loop never computes and a request past its time limit has its worker stopped
while the others are answered.  Errors are JSON (``{"kind": "error", "error": {"type",
"message"}}``, the command line's messages) with status 400 (bad input), 413 (body too
large), 422 (a limit) or 503 (the pool is gone), never a traceback.

>>> from starlette.testclient import TestClient
>>> with TestClient(create_app(jobs=1)) as client:
...     client.post("/api/derive", json={"input": "x^3", "wrt": "x"}).json()["result"]["unicode"]
'3x²'
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..errors import LimitError, SymdiffError
from ..jobs.records import TASKS
from ..jobs.service import PoolService
from ..limits import Limits

MAX_BODY = 1_100_000  # bytes of one request body: the largest input (1 MB) and its fields
PREVIEW_LIMITS = Limits(max_input_chars=100_000, timeout=2.0)
DEFAULT_TIMEOUT = 10.0  # seconds per request when the limits set none

STATUS = {"LimitError": 422}  # other error documents are 400


class BodyError(Exception):
    """A request body that is too large or not a JSON object."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _error(status: int, kind: str, message: str) -> JSONResponse:
    doc = {"schema": 1, "kind": "error", "input": "", "error": {"type": kind, "message": message}}
    return JSONResponse(doc, status_code=status)


async def _body(request: Request) -> dict[str, Any]:
    """The request's JSON object, read in chunks and refused past ``MAX_BODY`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        raise BodyError(413, f"the request body is over {MAX_BODY:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise BodyError(413, f"the request body is over {MAX_BODY:,} bytes")
        chunks.append(chunk)
    try:
        doc = json.loads(b"".join(chunks) or b"null")
    except ValueError as exc:
        raise BodyError(400, f"the request body is not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise BodyError(400, "the request body must be a JSON object")
    return doc


def create_app(jobs: int | None = None, limits: Limits | None = None) -> Starlette:
    """The application, with its own pool of ``jobs`` workers (default: every core).

    ``limits`` apply to every request (default: the library's, with a 10 s time limit).
    """
    limits = limits or Limits(timeout=DEFAULT_TIMEOUT)
    if limits.timeout is None:
        from dataclasses import replace

        limits = replace(limits, timeout=DEFAULT_TIMEOUT)
    service = PoolService(jobs or os.cpu_count() or 1, limits)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            await asyncio.to_thread(service.stop)

    async def run(record: Mapping[str, Any]) -> Response:
        try:
            future = service.submit(json.dumps(record))
        except RuntimeError:
            return _error(503, "ServiceError", "the server's workers are not running")
        result = await asyncio.wrap_future(future)
        doc = json.loads(result.line)
        doc.pop("id", None)
        status = 200
        if doc.get("kind") == "error":
            status = STATUS.get(doc["error"]["type"], 400)
        return JSONResponse(doc, status_code=status)

    async def derive(request: Request) -> Response:
        try:
            doc = await _body(request)
        except BodyError as exc:
            return _error(exc.status, "RequestError", str(exc))
        task = doc.get("task", "diff")
        if task not in TASKS or task == "check":
            return _error(400, "RequestError", f"task must be one of diff, gradient, hessian, "
                          f"simplify (for check: /api/check), not {task!r}")  # fmt: skip
        return await run(doc)

    async def check(request: Request) -> Response:
        try:
            doc = await _body(request)
        except BodyError as exc:
            return _error(exc.status, "RequestError", str(exc))
        return await run({**doc, "task": "check"})

    async def preview(request: Request) -> Response:
        try:
            doc = await _body(request)
        except BodyError as exc:
            return _error(exc.status, "RequestError", str(exc))
        text = doc.get("input")
        if not isinstance(text, str):
            return _error(400, "RequestError", 'a preview needs "input": the expression')
        return JSONResponse(*await asyncio.to_thread(read_input, text))

    async def index(request: Request) -> Response:
        from .page import calculator_page

        return HTMLResponse(calculator_page())

    routes = [
        Route("/", index),
        Route("/api/derive", derive, methods=["POST"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/preview", preview, methods=["POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def read_input(text: str) -> tuple[dict[str, Any], int]:
    """How ``text`` is read, or its parse error: (document, HTTP status).

    Parsing is linear and bounded by :data:`PREVIEW_LIMITS` (size, depth, time), so it
    runs on a thread of the server rather than in a worker.

    >>> doc, status = read_input("3(2x^2)^5")
    >>> status, doc["unicode"], doc["variables"]
    (200, '3(2x²)⁵', ['x'])
    >>> doc, status = read_input("x +* y")
    >>> status, doc["error"]["line"], doc["error"]["column"]
    (400, 1, 4)
    """
    from ..api import as_definition, variables_of
    from ..printers.json import definition_json

    try:
        d = as_definition(text, PREVIEW_LIMITS)
    except SymdiffError as exc:
        kind = "LimitError" if isinstance(exc, LimitError) else type(exc).__name__
        error: dict[str, Any] = {"type": kind, "message": " ".join(str(exc).split())}
        for field in ("line", "column"):
            value = getattr(exc, field, None)
            if isinstance(value, int):
                error[field] = value
        return {"schema": 1, "kind": "error", "input": text, "error": error}, 400
    body = definition_json(d)
    return {"schema": 1, "kind": "preview", "input": text, **body["body"],
            "definition": body, "variables": variables_of(d)}, 200  # fmt: skip
