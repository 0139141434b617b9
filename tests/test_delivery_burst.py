"""A burst of 200 reports through the real Wechaty class: paced, in order, nothing lost or
repeated, also across a kill and restart in the middle. Time is the fake clock's.

The 200 reports are about the same problem, so the test config shortens the duplicate window
(config/tickets.yaml) to one minute and time moves on between reports: each one opens a ticket
of its own instead of joining the open one."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections import Counter
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select

from service.bootstrap import Core
from service.clock import FakeClock
from service.community.rooms import bind_room
from service.db import transaction
from service.models import SeenMessage, Ticket
from service.settings import Settings
from tests.sample_config import CONFIG, file_to_change
from tests.wechat_fakes import RecordingPuppet, Sent, connect, live_bot, until

RESIDENTS = "r3@chatroom"
PARTY = "p3@chatroom"
REPORTS = 200
DUPLICATE_WINDOW = timedelta(minutes=1)
BETWEEN_REPORTS = 2 * DUPLICATE_WINDOW


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The repo's config with a one-minute duplicate window."""
    config = tmp_path / "config"
    shutil.copytree(CONFIG, config)
    tickets = file_to_change(config, "tickets.yaml")
    text = tickets.read_text(encoding="utf-8")
    assert "duplicate_window: 24h" in text
    tickets.write_text(text.replace("duplicate_window: 24h", "duplicate_window: 1m"), "utf-8")
    return Settings(config_dir=config)


class Killed(BaseException):
    """The process dies right after WeChat took a message, before the outbox row is marked."""


def _world(core: Core, clock: FakeClock) -> RecordingPuppet:
    puppet = RecordingPuppet(clock)
    # One resident per report: a resident's repeat about their own open ticket is added to it.
    residents = [f"c{n}" for n in range(REPORTS)]
    for contact_id in residents:
        puppet.add_contact(contact_id, f"居民{contact_id}")
    puppet.add_room(RESIDENTS, "3号楼居民群", residents)
    puppet.add_room(PARTY, "3号楼党小组", [])
    with transaction(core.factory) as session:  # staff groups never bind by topic alone
        bind_room(session, PARTY, "3号楼党小组", "王书记", clock.now())
    return puppet


def _report(puppet: RecordingPuppet, n: int) -> str:
    return puppet.inject(
        f"c{n}", f"2单元楼道灯坏了 第{n}次反映", RESIDENTS, message_id=f"burst-{n}"
    )


def _count(core: Core, model: type) -> int:
    with core.factory() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


async def _reports(core: Core, puppet: RecordingPuppet, clock: FakeClock, numbers: range) -> None:
    """Residents report one after the other, two minutes apart (longer than the window)."""
    for n in numbers:
        message_id = _report(puppet, n)

        def seen(message_id: str = message_id) -> bool:
            with core.factory() as session:
                return session.get(SeenMessage, message_id) is not None

        await until(seen)
        clock.advance(BETWEEN_REPORTS)


def _ticket_numbers(texts: list[str], pattern: str) -> list[int]:
    return [int(m[1]) for t in texts if (m := re.search(pattern, t))]


def test_burst_is_paced_in_order_without_loss_or_repeat(
    core: Core, settings: Settings, clock: FakeClock
) -> None:
    puppet = _world(core, clock)

    async def run() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        await _reports(core, puppet, clock, range(REPORTS))
        await live.dispatchers[0].drain()
        await live.stop()

    asyncio.run(run())
    assert _count(core, Ticket) == REPORTS
    acks = _ticket_numbers(puppet.texts(RESIDENTS), r"工单 #(\d+)：")
    notices = _ticket_numbers(puppet.texts(PARTY), r"【新工单 #(\d+)】")
    assert acks == notices == list(range(1, REPORTS + 1))  # each once, in order per room
    gaps = [(b.at - a.at).total_seconds() for a, b in pairwise(puppet.sent)]
    interval, jitter = settings.send_interval_seconds, settings.send_jitter_seconds
    assert all(interval <= gap <= interval + jitter for gap in gaps)
    total = (puppet.sent[-1].at - puppet.sent[0].at).total_seconds()
    sends = 2 * REPORTS
    assert (sends - 1) * interval <= total <= (sends - 1) * (interval + jitter)


def test_kill_and_restart_mid_burst_doubles_no_ticket_and_loses_no_notice(
    core: Core, settings: Settings, clock: FakeClock
) -> None:
    puppet = _world(core, clock)

    def die_at_150(sent: Sent) -> None:
        if len(puppet.sent) == 150:
            raise Killed

    async def before_kill() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        await _reports(core, puppet, clock, range(120))
        puppet.after_send = die_at_150
        with pytest.raises(Killed):
            await live.dispatchers[0].drain()
        puppet.after_send = lambda _sent: None
        await live.stop()

    async def after_restart() -> None:
        live = live_bot(core, settings, puppet, clock)
        await connect(live)
        for n in range(120):  # WeChat replays history after the reconnect ...
            _report(puppet, n)
        await _reports(core, puppet, clock, range(120, REPORTS))  # ... then new ones come
        await until(lambda: _count(core, SeenMessage) == REPORTS, rounds=5000)
        await live.dispatchers[0].drain()
        await live.stop()

    asyncio.run(before_kill())
    assert len(puppet.sent) == 150
    asyncio.run(after_restart())

    assert _count(core, Ticket) == REPORTS  # replayed messages opened nothing twice
    acks = Counter(_ticket_numbers(puppet.texts(RESIDENTS), r"工单 #(\d+)："))
    notices = Counter(_ticket_numbers(puppet.texts(PARTY), r"【新工单 #(\d+)】"))
    assert set(acks) == set(notices) == set(range(1, REPORTS + 1))  # nothing lost
    repeats = sum(acks.values()) + sum(notices.values()) - 2 * REPORTS
    assert repeats == 1  # exactly the one message WeChat took just before the kill
    assert len(puppet.sent) == 2 * REPORTS + repeats
