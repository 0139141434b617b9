"""Housekeeping (issue 12): seen message ids and sent outbox rows are deleted after the retention
in config/tickets.yaml (90 days), by a daily job; tickets and their audit trail are kept. The
compiled command grammars are kept for a bounded number of tables."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from bot import commands
from bot.simulator import Simulator
from service import housekeeping
from service.bootstrap import Core
from service.clock import FakeClock
from service.community.chatwords import default_chat_words
from service.db import transaction
from service.models import OutboxMessage, SeenMessage, Ticket, TicketEvent
from service.outbox import Notice, enqueue


def _count(core: Core, model: type[object]) -> int:
    with core.factory() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_old_seen_messages_and_sent_rows_are_pruned_and_tickets_kept(
    sim: Simulator, core: Core, clock: FakeClock
) -> None:
    assert core.community.policy.retention.span() == timedelta(days=90)
    assert sim.scheduling is not None and sim.scheduling.get(housekeeping.PRUNE_JOB) is not None
    asyncio.run(sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"))
    with transaction(core.factory) as session:  # one row that could not be sent yet
        enqueue(session, "test:waiting", [Notice("还在等", room_id="nowhere")], clock.now())
    sent_before = _count(core, OutboxMessage)
    assert _count(core, SeenMessage) == 1 and sent_before == 3

    clock.advance(timedelta(days=89))
    asyncio.run(sim.say("3号楼居民群", "李大爷", "5号楼门口有垃圾没人收"))
    housekeeping.run_prune()
    assert _count(core, SeenMessage) == 2  # nothing is 90 days old yet
    assert _count(core, OutboxMessage) > sent_before

    clock.advance(timedelta(days=2))
    housekeeping.run_prune()
    assert _count(core, SeenMessage) == 1  # the first message's id is gone, the later one kept
    with core.factory() as session:
        texts = list(session.scalars(select(OutboxMessage.text)))
        assert "还在等" in texts  # never sent: kept
        assert not any("工单 #1" in t and "已收到" in t for t in texts)
        assert session.scalar(select(func.count()).select_from(Ticket)) == 2
        assert session.scalar(select(func.count()).select_from(TicketEvent)) >= 2


def test_compiled_grammars_are_kept_for_a_bounded_number_of_tables() -> None:
    words = default_chat_words()
    for _ in range(3 * commands.COMPILED_TABLES):
        commands.grammar(words.model_copy())
    assert len(commands._COMPILED) <= commands.COMPILED_TABLES
    assert commands.grammar(words) is commands.grammar(words)  # still compiled once per table
