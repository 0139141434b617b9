"""Day 21 leftovers (docs/trials/day21/report.md, first contact on 8366af9): trial sentences
("trial") next to wordings of mine ("fresh").

1. an elder behind a door found fallen is worse news of that page: the duty staff are alerted
   again at once, and the neighbour is told what to do now, no longer that the door will not
   open (R26);
2. the writer's own flat said after 我家/我们家 at the end of a complaint is the ticket's place
   (R36 "…能不能体谅一下 我们家1201", R84 "…不给看 我家201")."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day21 import OLD_LADY, _at
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

FOUND_TRIAL = ["敲开了 老太太摔在卫生间地上起不来 意识还清楚 已经打120了"]
FOUND_FRESH = [
    "门打开了 老太太倒在厨房地上爬不起来 我们在旁边守着",
    "进去了 人躺在地上一动不动 还有气",
]


@pytest.mark.parametrize("text", _trial_and_fresh(FOUND_TRIAL, FOUND_FRESH))
def test_trial_and_fresh_an_elder_found_fallen_behind_the_door_pages_again_with_new_advice(
    sim: Simulator, text: str
) -> None:
    _at(sim, 9, 50)
    say(sim, "6号楼居民群", "小吴", OLD_LADY)
    _at(sim, 10, 5)
    texts = _texts(say(sim, "6号楼居民群", "小吴", text))
    alerts = [t for t in texts if "情况加重" in t and text in t]
    assert alerts, texts
    told = [t for t in texts if "已把您说的" in t]
    assert told and "不要随意搬动" in told[0], told
    assert "门打不开" not in told[0], told
    assert len(_tickets(sim)) == 1


OWN_ROOM_TRIAL = [
    ("5号楼居民群", "楼上的 你们家晚上十一二点还在剁馅 咚咚咚的 能不能体谅一下 我们家1201", "1201"),
    ("4号楼居民群", "4号楼1单元 楼上漏水到我家卫生间 楼上说不是他家的事 不给看 我家201", "201"),
]
OWN_ROOM_FRESH = [
    ("3号楼居民群", "楼上天天半夜拖椅子 吱吱啦啦的 还让不让人睡了 我家902", "902"),
    ("2号楼居民群", "暖气片一点都不热 屋里才十五度 我住1101", "1101"),
]


@pytest.mark.parametrize(
    ("group", "text", "room"),
    [pytest.param(*case, id=f"trial-{case[1]}") for case in OWN_ROOM_TRIAL]
    + [pytest.param(*case, id=f"fresh-{case[1]}") for case in OWN_ROOM_FRESH],
)
def test_trial_and_fresh_the_writers_own_flat_said_last_is_the_tickets_place(
    sim: Simulator, group: str, text: str, room: str
) -> None:
    _at(sim, 9)
    texts = _texts(say(sim, group, "林阿姨", text))
    assert any(f"{room}室" in t for t in texts), texts
    with sim.core.factory() as session:
        rooms = list(session.scalars(select(Ticket.room)))
    assert rooms == [room]
