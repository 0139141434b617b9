"""Issue 12 housekeeping: the declarative Base has its own module, so any table module can be
imported first (service/models.py and service/events/models.py imported each other)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from service.settings import REPO_ROOT

FIRST_IMPORTS = [
    "service.events.models",
    "service.models",
    "service.base",
]


@pytest.mark.parametrize("module", FIRST_IMPORTS)
def test_a_table_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    code = (
        f"import {module}\n"
        "from sqlalchemy.orm import configure_mappers\n"
        "import service.models\n"
        "configure_mappers()\n"
        "from service.base import Base\n"
        "assert {'tickets', 'events'} <= set(Base.metadata.tables)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_every_table_shares_one_base() -> None:
    from service.base import Base
    from service.events.models import Event
    from service.models import Base as ReExported
    from service.models import Ticket

    assert ReExported is Base
    assert Event.metadata is Ticket.metadata is Base.metadata
