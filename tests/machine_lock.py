"""One installer at a time on this machine: the test run is split over processes (pytest-xdist),
and apt-get or npm started twice at once fails on its own lock or half-written folders."""

from __future__ import annotations

import fcntl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def one_at_a_time(name: str) -> Iterator[None]:
    """Hold an exclusive lock named `name` (a file in the temporary folder) while inside."""
    path = Path(tempfile.gettempdir()) / f"hongqiao-tests-{name}.lock"
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
