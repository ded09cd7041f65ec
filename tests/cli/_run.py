"""Run the ``caopo`` command in-process and capture what it prints."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence

from caopo.cli import main


def run(argv: Sequence[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``caopo ARGV`` (``--help`` exits through SystemExit)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()
