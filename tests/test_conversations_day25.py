"""Day 25 (docs/trials/day25/report.md, first contact on c964e6d): trial sentences ("trial")
next to wordings of mine ("fresh").

1. a danger in a flat the resident's building-wide ticket never named is a page of its own,
   with its flat (R56: an oxygen machine stopped in 1101, not the water pump's ticket);
2. a flood "bigger than before" reaching the power room is worse news, paged again (R42);
   worse news told with help already called is passed on without "请立即拨打120" (R73);
3. a leak "越滴越多了" goes on the resident's own ticket, never silence (R80);
4. "#40 120拉走了 … 儿子在路上了" from the duty officer closes the emergency and asks whether
   everyone is safe; more words on a ticket someone already has are a note (S03);
5. "我也想去 带上我孙子" under a notice signs up two; "1.马叔 老伴" on a 接龙 after 马叔 signed
   up for two is no one new (S67, S65);
6. staff's reply to a resident's question about an activity ("请问…要自己带擀面杖不") is the
   answer, told to the resident (S30)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.events.models import EventResponse
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["停电了我家老爷子的制氧机也停了 他现在喘不上来气 嘴唇都发紫了 5号楼4单元1101"],
        ["停电了 我妈的呼吸机停了 她现在喘不上气 脸都白了 5号楼4单元902"],
    ),
)
def test_trial_and_fresh_a_danger_in_a_flat_is_its_own_page_not_the_buildings_outage(
    sim: Simulator, text: str
) -> None:
    _at(sim, 12, 0)
    say(sim, "5号楼居民群", "石先生", "5号楼4单元停电水泵也停了 家里一点水都没有")
    _at(sim, 17, 10)
    texts = _texts(say(sim, "5号楼居民群", "石先生", text))
    assert any(t.startswith("【紧急 #2】") for t in texts), texts
    assert not any("#1" in t for t in texts), texts
    tickets = _tickets(sim)
    assert tickets[0][3] is False and tickets[1][3] is True
    with sim.core.factory() as session:
        page = session.get(Ticket, 2)
        assert page is not None and page.room is not None and page.room in text


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["水还在喷 比刚才还大 配电室里都进水了"], ["水比刚才大多了 已经漫到配电室里了"]
    ),
)
def test_trial_and_fresh_a_flood_bigger_than_before_reaching_the_power_room_pages_again(
    sim: Simulator, text: str
) -> None:
    _at(sim, 14, 10)
    say(sim, "1号楼居民群", "老焦", "1号楼地下室水管爆了 水哗哗往外喷 都漫到配电室门口了")
    _at(sim, 14, 50)
    texts = _texts(say(sim, "1号楼居民群", "老焦", text))
    assert any("【紧急 #1 情况加重】" in t for t in texts), texts
    assert not any("请再耐心等一等" in t for t in texts), texts


def test_trial_worse_news_with_the_ambulance_called_is_passed_on_without_call_120(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(
        sim,
        "1号楼居民群",
        "刘阿姨",
        "楼下孙奶奶一个人住 这几天降温 好几天没见她下楼了 窗帘一直拉着 能不能找人去看看她 1单元201",
    )
    _at(sim, 19, 10)
    say(sim, "1号楼居民群", "刘阿姨", "刚才去敲孙奶奶家门 没人应 屋里好像有人在哼哼 门从里面反锁了")
    _at(sim, 20, 0)
    texts = _texts(
        say(
            sim,
            "1号楼居民群",
            "刘阿姨",
            "开锁师傅把门打开了 孙奶奶摔在卫生间了 人是清醒的 已经叫了救护车",
        )
    )
    told = [t for t in texts if t.startswith("已把您说的")]
    assert told and "请立即拨打120" not in told[0], texts
    assert "不要随意搬动" in told[0], texts  # the advice that still helps
    assert any("【紧急 #1" in t and "已经叫了救护车" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["楼上说不是他家 那水哪来的啊 越滴越多了 接了半盆了"],
        ["物业还没来 水越漏越多 桶都快满了"],
    ),
)
def test_trial_and_fresh_a_leak_growing_goes_on_the_residents_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 20, 10)
    say(
        sim,
        "3号楼居民群",
        "金阿姨",
        "我家卫生间顶上在滴水 楼上702是不是你家水管冻裂了 我是3单元602",
    )
    _at(sim, 21, 10)
    texts = _texts(say(sim, "3号楼居民群", "金阿姨", text))
    assert any("【工单 #1 居民补充】" in t and "602室" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


FALL = "我爸起夜摔了 躺在地上起不来 腿疼得厉害 4号楼2单元301"


def _fall_claimed_by_the_duty_officer(sim: Simulator) -> None:
    _at(sim, 0, 40)
    say(sim, "4号楼居民群", "老宋", FALL)
    _at(sim, 0, 50)
    say(sim, "社区党委工作群", "刘值班", "#1 收到 马上过去")


def test_trial_the_duty_officer_saying_120_took_him_closes_it_and_asks_if_safe(
    sim: Simulator,
) -> None:
    _fall_claimed_by_the_duty_officer(sim)
    _at(sim, 1, 20)
    texts = _texts(say(sim, "社区党委工作群", "刘值班", "#1 120拉走了 去市一院 儿子在路上了"))
    assert any("工单 #1 已办结" in t for t in texts), texts
    assert any("安全了吗" in t for t in texts), texts
    assert not any("无需重复操作" in t for t in texts), texts


def test_more_words_on_a_ticket_someone_has_are_a_note_a_bare_claim_is_told_it_is_taken(
    sim: Simulator,
) -> None:
    _fall_claimed_by_the_duty_officer(sim)
    _at(sim, 1, 0)
    noted = _texts(say(sim, "4号楼党小组", "孙丽", "#1 收到 我也马上过去 带上担架"))
    assert noted == ["已为工单 #1 添加备注（孙丽）：我也马上过去 带上担架。"], noted
    _at(sim, 1, 10)
    again = _texts(say(sim, "4号楼党小组", "孙丽", "#1 收到"))
    assert any("无需重复操作" in t for t in again), again


NOTICE = "通知 12月19日14:00 寒潮送温暖 帮独居老人贴窗缝 地点:5号楼门口 对象:5号楼居民群 名额:6 时长:2小时"


def _seats(sim: Simulator) -> dict[str, int]:
    with sim.core.factory() as session:
        rows = session.scalars(select(EventResponse).where(EventResponse.status == "signed_up"))
        return {r.member_name: r.seats for r in rows}


@pytest.mark.parametrize("text", _trial_and_fresh(["我也想去 带上我孙子"], ["我也要去 带着老伴"]))
def test_trial_and_fresh_wanting_to_go_along_under_a_notice_signs_up_two(
    sim: Simulator, text: str
) -> None:
    _at(sim, 12, 0)
    say(sim, "第二网格党支部群", "赵网格长", NOTICE)
    _at(sim, 12, 20)
    texts = _texts(say(sim, "5号楼居民群", "吴奶奶", text))
    assert any("已为您报名（共2人）" in t for t in texts), texts
    assert not any("工单" in t for t in texts), texts


def test_trial_a_chain_line_of_someone_signed_up_with_a_companion_is_no_one_new(
    sim: Simulator,
) -> None:
    _at(sim, 12, 0)
    say(sim, "第二网格党支部群", "赵网格长", NOTICE)
    _at(sim, 12, 10)
    say(sim, "5号楼居民群", "马叔", "我和老伴都去")
    _at(sim, 12, 20)
    texts = _texts(
        say(sim, "5号楼居民群", "黄小姐", "接龙 贴窗缝\n1.马叔 老伴\n2.黄小姐\n3.丁先生\n4.石先生")
    )
    assert any("之前已报名：马叔 老伴" in t for t in texts), texts
    seats = _seats(sim)
    assert seats.get("马叔") == 2 and sum(seats.values()) == 5, seats


def test_a_chatter_wish_with_no_notice_around_signs_nobody_up(sim: Simulator) -> None:
    _at(sim, 12, 0)
    texts = _texts(say(sim, "5号楼居民群", "吴奶奶", "周末她们去爬山 我也想去"))
    assert not any("报名" in t for t in texts), texts


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        pytest.param(
            "请问包饺子要自己带擀面杖不 我也想去",
            "#1 擀面杖和面都不用带 社区都准备好了 直接来就行",
            id="trial",
        ),
        pytest.param(
            "请问书法班要自己带毛笔吗",
            "#1 笔墨纸社区都有 人来就行",
            id="fresh",
        ),
    ],
)
def test_trial_and_fresh_staff_reply_to_an_activity_question_is_told_as_the_answer(
    sim: Simulator, question: str, answer: str
) -> None:
    _at(sim, 15, 0)
    say(sim, "幸福里业主群", "吴奶奶", question)
    _at(sim, 15, 10)
    texts = _texts(say(sim, "社区党委工作群", "王书记", answer))
    assert any("答复如下" in t and answer.split(" ")[1] in t for t in texts), texts


def test_trial_a_merge_undone_after_an_apology_is_undone(sim: Simulator) -> None:
    _at(sim, 6, 0)
    say(sim, "5号楼居民群", "马叔", "5号楼停电了 家里一点电都没有")
    _at(sim, 6, 10)
    say(sim, "5号楼居民群", "黄小姐", "5号楼3单元水泵不转了 楼上没水")
    _at(sim, 6, 20)
    say(sim, "5号楼党小组", "周海", "#2 重复 #1")
    _at(sim, 7, 20)
    texts = _texts(say(sim, "5号楼党小组", "周海", "搞错了 2号不是重复 撤销合并"))
    assert any("工单 #2 已与 #1 分开" in t for t in texts), texts


@pytest.mark.parametrize(
    "text", _trial_and_fresh(["1号 树枝我叫上保安一起去锯"], ["#1 我叫上物业师傅一起去弄"])
)
def test_trial_and_fresh_a_numbered_plan_to_go_with_help_claims_the_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 7, 0)
    say(sim, "1号楼居民群", "陈师傅", "1号楼1单元门口那个大树枝被风刮断了 吊在半空")
    _at(sim, 8, 25)
    texts = _texts(say(sim, "1号楼党小组", "张建国", text))
    assert any("工单 #1 已由张建国接单" in t for t in texts), texts
