"""Issue 12 harness: random and hostile messages (empty, huge, emoji, control characters,
traditional characters, injection strings, unknown and odd ticket numbers, residents typing
staff commands) through the router: nothing fails inside the bot, and every ticket the bot told
a resident about is stored. bench/bench_hostile_messages.py runs 10,000."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from tests.hostile_messages import Message, messages, run

SEED = 12
COUNT = 1000


@pytest.mark.timeout(900)
def test_random_and_hostile_messages_fail_nothing_and_lose_no_ticket(sim: Simulator) -> None:
    outcome = run(sim, messages(SEED, COUNT))
    assert outcome.sent == COUNT
    assert len(outcome.acknowledged) > 50  # the stream does open tickets
    assert outcome.lost == []
    assert outcome.failures == []


def test_nul_and_superscript_ticket_numbers_are_answered_not_crashed(sim: Simulator) -> None:
    said = [
        Message("odd_number", "3号楼党小组", "刘志强", "工单 #²"),
        Message("odd_number", "3号楼党小组", "刘志强", "#² 已处理"),
        Message("control", "3号楼居民群", "张阿姨", "2单元楼道灯坏了\x00好几天了"),
    ]
    outcome = run(sim, iter(said))
    assert outcome.failures == []
    assert outcome.lost == []


def test_the_generator_is_seeded() -> None:
    assert list(messages(5, 50)) == list(messages(5, 50))
    assert list(messages(5, 50)) != list(messages(6, 50))
