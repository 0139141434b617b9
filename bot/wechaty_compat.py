"""python-wechaty 0.10.7 (its last release) on Python 3.11: every fix it needs, in one place.

Import wechaty names from here, never `import wechaty` directly, so the fixes always come first:

1. `pyee<12` (pinned in pyproject.toml): wechaty imports `pyee.AsyncIOEventEmitter`, which
   pyee 12 removed. Checked here so a wrong environment fails with a clear message.
2. urllib3 2 dropped `urllib3.get_host`, which `wechaty.user.url_link` imports; a shim built on
   `urllib3.util.parse_url` puts it back instead of pinning urllib3 to the old major version.
3. `wechaty_puppet.schemas.puppet.PuppetOptions` is a non-frozen dataclass used as a dataclass
   default in `WechatyOptions`; Python 3.11 rejects unhashable defaults, so it gets the identity
   hash before `wechaty` is imported. (That default instance is shared: always pass your own.)

Other python-wechaty facts this module settles:
- it writes a `.wechaty/` cache into the working directory; `CACHE_DIR` must be set before the
  import (a dataclass default reads it), so it points under `data/` here;
- its plugin manager starts an APScheduler on every login and fails on the second start, so
  `QuietScheduler` makes starting idempotent (in memory, no job store file);
- it caches contacts and rooms in class-level pools shared by every `Wechaty` in the process,
  bound to whichever instance loaded them first, and remembers seen message ids process-wide;
  `new_wechaty` empties both, so a new instance (in tests, or a restart in the same process)
  starts like a new process and never talks through a stopped one;
- it uses `telnetlib`, removed in Python 3.13: the project supports Python 3.11-3.12 only.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version
from typing import Any

from service.settings import get_settings

if sys.version_info >= (3, 13):  # pragma: no cover - refused by requires-python as well
    raise ImportError("python-wechaty 0.10.7 needs telnetlib: use Python 3.11 or 3.12")

if int(version("pyee").split(".")[0]) >= 12:
    raise ImportError("python-wechaty 0.10.7 needs pyee<12 (see pyproject.toml)")


def _install_fixes() -> None:
    import urllib3
    import urllib3.util

    if not hasattr(urllib3, "get_host"):

        def get_host(url: str) -> tuple[str, str | None, int | None]:
            parsed = urllib3.util.parse_url(url)
            return parsed.scheme or "http", parsed.host, parsed.port

        urllib3.get_host = get_host  # type: ignore[attr-defined]

    from wechaty_puppet.schemas import puppet

    puppet.PuppetOptions.__hash__ = object.__hash__

    cache_dir = get_settings().wechaty_cache_dir
    os.environ.setdefault("CACHE_DIR", str(cache_dir))
    cache_dir.mkdir(parents=True, exist_ok=True)


_install_fixes()

# ruff: noqa: E402 - these imports must follow the fixes above.
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from grpclib.client import Channel
from grpclib.const import Status as GrpcStatus
from grpclib.exceptions import GRPCError
from wechaty import Contact, Message, Room, Wechaty, WechatyOptions
from wechaty.config import AT_SEPARATOR
from wechaty.fake_puppet import FakePuppet
from wechaty.user import Tag
from wechaty.utils.async_helper import SingleIdContainer
from wechaty_grpc.wechaty import PuppetStub
from wechaty_puppet import MessageType, Puppet
from wechaty_puppet.schemas.puppet import PuppetOptions


class QuietScheduler(AsyncIOScheduler):  # type: ignore[misc]
    """The scheduler python-wechaty's plugin manager starts on each login; a second start is a
    no-op instead of SchedulerAlreadyRunningError."""

    def start(self, *args: Any, **kwargs: Any) -> None:
        if not self.running:
            super().start(*args, **kwargs)


def mark_own(message_id: str) -> None:
    """A message the bot just sent: its echo, when the puppet reports it back, is not loaded
    (one message_payload call per send) nor emitted (the bridge skips ids already seen)."""
    SingleIdContainer.instance().exist(message_id)


def new_wechaty(options: WechatyOptions) -> Wechaty:
    for user_class in (Contact, Room, Tag):
        user_class._pool.clear()
    SingleIdContainer._instance = None  # the message ids it has seen, in memory only
    return Wechaty(options)


__all__ = [
    "AT_SEPARATOR",
    "Channel",
    "Contact",
    "FakePuppet",
    "GRPCError",
    "GrpcStatus",
    "Message",
    "MessageType",
    "Puppet",
    "PuppetOptions",
    "PuppetStub",
    "QuietScheduler",
    "Room",
    "Wechaty",
    "WechatyOptions",
    "mark_own",
    "new_wechaty",
]
