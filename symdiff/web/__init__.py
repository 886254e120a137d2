"""A self-hostable derivative calculator: ``symdiff serve``, or ``symdiff.web:app`` (ASGI).

Needs the ``web`` extra (``pip install "symdiff[web]"``: Starlette and uvicorn).  The
application is :func:`~symdiff.web.app.create_app`; ``app`` is one made with the
defaults (a worker per core, a 10 s limit per request), for ``uvicorn symdiff.web:app``.
"""

from __future__ import annotations

from .app import create_app

app = create_app()

__all__ = ["app", "create_app"]
