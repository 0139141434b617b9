"""Left from day 24 (docs/trials/day24/report.md), fixed in the sixteenth session: trial
sentences ("trial") next to wordings of mine ("fresh").

1. a resident's own follow-up told as a new situation goes on their ticket, with its flat:
   the leak now running down the wall, the drain now backing up (R60), the neighbour
   upstairs found and the valve shut (R79);
2. over news in the words of whoever came: "燃气公司来了 … 已经安全了" (R55), "电工来看过了
   说是插座烧了 换好了" (R68);
3. a sign-up for another activity is not joined to a neighbour's question about the holiday
   club (R57);
4. an all-clear of a resolved fire answers its safety question, not the writer's open gas
   page (S08);
5. staff progress with no number, pointing at a matter ("健身器材那个 …", "扔东西那个 …"), is
   kept on the ticket it names (S48, S121).

The leak now running down the lamp (R14) is its ticket made the emergency since the seventeenth
session (tests/test_conversations_day26_leftovers.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket, TicketEvent
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LEAK = "我家卫生间顶上一直滴水 应该是楼上402漏下来的 敲门没人在 我是302"


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh([], ["现在又顺着墙往下淌了 卫生间地上都是水"]),
)
def test_trial_and_fresh_a_leak_told_again_as_it_spreads_goes_on_the_residents_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 40)
    say(sim, "4号楼居民群", "赵大姐", LEAK)
    _at(sim, 10, 10)
    texts = _texts(say(sim, "4号楼居民群", "赵大姐", text))
    assert any(t.startswith("工单 #1") for t in texts), texts
    assert any("【工单 #1 居民补充】" in t and "4号楼302室" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


def test_trial_the_neighbour_upstairs_found_and_the_valve_shut_is_news_of_the_leak(
    sim: Simulator,
) -> None:
    _at(sim, 8, 40)
    say(sim, "4号楼居民群", "赵大姐", LEAK)
    _at(sim, 21, 0)
    texts = _texts(
        say(sim, "4号楼居民群", "赵大姐", "楼上402的人回来了 说是他家热水器管子漏了 已经关阀门了")
    )
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["3-1-302下水道 现在反上来了 厨房地上都是脏水"],
        ["3-1-302的下水道现在往上冒了 满地脏水"],
    ),
)
def test_trial_and_fresh_the_same_flats_drain_backing_up_joins_its_blocked_drain_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 14, 30)
    say(
        sim,
        "3号楼居民群",
        "老钱",
        "我们家3-1-302 厨房下水道堵了 水漫不下去 是不是主管道堵了 楼下也说有味",
    )
    _at(sim, 17, 50)
    texts = _texts(say(sim, "3号楼居民群", "老钱", text))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["燃气公司来了 说是1楼那家灶台没关好 窗户开了 已经安全了"],
        ["燃气公司的师傅查过了 是一楼阀门没拧紧 现在安全了"],
    ),
)
def test_trial_and_fresh_the_gas_company_saying_it_is_safe_ends_the_gas_page(
    sim: Simulator, text: str
) -> None:
    _at(sim, 11, 30)
    say(sim, "4号楼居民群", "老刘", "我刚从外面回来 闻到2单元一楼一股很浓的煤气味 不知道是哪家的")
    _at(sim, 17, 0)
    texts = _texts(say(sim, "4号楼居民群", "老刘", text))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts
    assert any("请核实后回复 #1 已处理" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["电工来看过了 说是插座烧了 换好了 谢谢侬"], ["电工来了 是开关烧坏了 已经换好了 没味了"]
    ),
)
def test_trial_and_fresh_the_electrician_mending_the_burning_smell_ends_its_page(
    sim: Simulator, text: str
) -> None:
    _at(sim, 16, 50)
    say(
        sim,
        "5号楼居民群",
        "吴婆婆",
        "侬好 阿拉5号楼2单元702 屋里厢电灯一直跳闸 灯忽明忽暗 还有焦味道",
    )
    _at(sim, 19, 10)
    texts = _texts(say(sim, "5号楼居民群", "吴婆婆", text))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts


def test_trial_a_sign_up_for_another_activity_is_not_joined_to_the_holiday_club_question(
    sim: Simulator,
) -> None:
    _at(sim, 10, 30)
    say(sim, "2号楼居民群", "小张妈妈", "请问社区那个寒假托管班还报名吗 孩子三年级")
    _at(sim, 17, 20)
    texts = _texts(
        say(
            sim,
            "2号楼居民群",
            "小周",
            "社区那个周末包饺子活动 我和我老伴 还有楼上老张 三个人报名",
        )
    )
    assert not any("已有居民反映过" in t for t in texts), texts
    assert len(_tickets(sim)) == 2


def test_trial_the_all_clear_of_a_resolved_fire_answers_its_safety_not_the_open_gas_page(
    sim: Simulator,
) -> None:
    _at(sim, 11, 30)
    say(sim, "4号楼居民群", "老刘", "我刚从外面回来 闻到2单元一楼一股很浓的煤气味 不知道是哪家的")
    _at(sim, 23, 10)
    say(sim, "4号楼居民群", "老刘", "楼下有人放烟花 火星子落到3楼阳台上晾的衣服上了 烧起来了")
    _at(sim, 23, 20)
    say(sim, "4号楼党小组", "孙丽", "#2 收到我来")
    _at(sim, 23, 35)
    say(sim, "4号楼党小组", "孙丽", "2号处理好了 就烧了两件衣服 人没事")
    _at(sim, 23, 50)
    texts = _texts(say(sim, "4号楼居民群", "老刘", "阳台的火灭了 没事了"))
    assert any("工单 #2 居民已确认安全" in t for t in texts), texts
    assert not any("#1" in t for t in texts), texts


@pytest.mark.parametrize(
    ("resident", "said", "news"),
    [
        pytest.param(
            "1号楼东边那个健身器材 漫步机的轴断了 小孩玩很危险",
            "1号楼",
            "健身器材那个 漫步机拆下来送去焊了 先拉了警戒线",
            id="trial-S48",
        ),
        pytest.param(
            "1号楼2单元谁家孩子天天在楼上往下扔东西 今天又一个苹果核砸我家窗台上",
            "1号楼",
            "扔东西那个 楼上几家都问过了 贴了告示",
            id="trial-S121",
        ),
        pytest.param(
            "1号楼门口的路灯不亮了 晚上黑咕隆咚的",
            "1号楼",
            "路灯那个 看过了 是线路老化 配件要等两天",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_staff_progress_pointing_at_a_matter_is_kept_on_its_ticket(
    sim: Simulator, resident: str, said: str, news: str
) -> None:
    _at(sim, 10, 0)
    say(sim, f"{said}居民群", "吴叔", resident)
    _at(sim, 10, 5)
    say(sim, f"{said}居民群", "老杨", "楼上电钻从早上八点打到现在 1号楼2单元")
    _at(sim, 10, 40)
    texts = _texts(say(sim, f"{said}党小组", "张建国", news))
    assert any(t.startswith("已记入工单 #1") for t in texts), texts
    with sim.core.factory() as session:
        notes = session.scalars(
            select(TicketEvent.note).where(TicketEvent.ticket_id == 1, TicketEvent.kind == "note")
        ).all()
        ticket = session.get(Ticket, 1)
        assert ticket is not None and ticket.state != "resolved"
    assert notes and news.split(" ")[1] in notes[-1]


def test_staff_chatter_pointing_at_nothing_of_the_group_stays_silent(sim: Simulator) -> None:
    _at(sim, 10, 0)
    say(sim, "1号楼居民群", "吴叔", "1号楼东边那个健身器材 漫步机的轴断了 小孩玩很危险")
    _at(sim, 10, 40)
    assert _texts(say(sim, "1号楼党小组", "张建国", "那个大妈真逗 哈哈")) == []
