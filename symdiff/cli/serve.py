"""``symdiff serve [--host H] [--port P]``: the calculator page and its JSON API, by uvicorn.

It binds to 127.0.0.1 unless told otherwise: only this machine can reach it.
"""

from __future__ import annotations

import argparse
import sys

from .limit_options import limits_from
from .options import ArgumentError


def run_serve_command(args: argparse.Namespace) -> int:
    """Serve until interrupted; 0 on a clean stop."""
    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError:
        raise ArgumentError(
            'symdiff serve needs the web extra: pip install "symdiff[web]"'
        ) from None
    limits = limits_from(args)
    app = create_app(jobs=args.jobs, limits=limits)
    where = f"http://{args.host}:{args.port}/"
    print(f"symdiff: serving the calculator at {where} (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
