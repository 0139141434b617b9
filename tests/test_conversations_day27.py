"""Day 27 (docs/trials/day27/report.md, first contact on 7724bdd): trial sentences ("trial")
next to wordings of mine ("fresh").

1. a new danger told by someone with a ticket open about something else is a page of its own,
   never "情况加重" of that ticket: a child on the roof is no news of the visit asked for an old
   man (R55), a feverish child none of the playground slide (R83), a husband gone missing none
   of the 老年卡 question (R91); the old ticket keeps its own place and problem;
2. what was found told with the news that it is over ("老太太摔在卫生间 人是清醒的 拉去医院了")
   is the all-clear, never worse news paged again with "请立即拨打120" (R84);
3. sign-ups in everyday words with several events open: "我报名 我和老伴俩人" minutes after the
   clean-up notice is for the clean-up (R17), so is a "+1" after the bot asked someone else
   which (R18), and "周日扫落叶的算我一个 带上我闺女 …" (R19) is a sign-up for two, never a ticket;
   "周日扫落叶的活动我也去一个" in a chat outside its audience is told where to sign up, never
   joined to a problem (R67);
4. a closing sent on the wrong ticket, put right ("写错了 刚才那个不是6 是18 …"), goes to the
   ticket it was meant for, and the first goes back to its group with its resident told the
   notice was sent in error; never the correction itself sent as the result (S31, S32)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.events.models import EventResponse
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


@pytest.mark.parametrize(
    ("group", "who", "first", "danger"),
    [
        pytest.param(
            "1号楼居民群",
            "林叔",
            "1单元502的老孙头好几天没见着了 他儿子在外地 以前天天在楼下下棋 社区能不能去看看",
            "1号楼楼顶天台边上坐着个小孩 就他一个人 腿耷拉在外面 看着吓人",
            id="trial-roof-after-visit",
        ),
        pytest.param(
            "1号楼居民群",
            "小陈妈妈",
            "孩子放学回来说小花园滑梯那有块铁皮翘起来了 把裤子划破了 家长们让孩子小心点",
            "孩子发高烧39度8 老公出差 我一个人带俩孩子打不到车 社区有人能帮帮忙吗 1号楼3单元",
            id="trial-fever-after-slide",
        ),
        pytest.param(
            "2号楼居民群",
            "唐奶奶",
            "请问老年卡年审要带什么东西 去哪儿办呀",
            "我老伴一早出去遛弯到现在还没回来 他有老年痴呆 手机也没带",
            id="trial-missing-after-question",
        ),
        pytest.param(
            "3号楼居民群",
            "胡大姐",
            "3单元门口的路灯坏了好几天了 晚上黑乎乎的",
            "我家老头在卫生间摔了 叫他不答应 3单元201",
            id="fresh-fall-after-lamp",
        ),
        pytest.param(
            "4号楼居民群",
            "钱叔",
            "请问社区有没有老年食堂 怎么报名",
            "楼下车棚那边有个小孩爬到围墙上面去了 下面是马路",
            id="fresh-wall-after-canteen",
        ),
    ],
)
def test_trial_and_fresh_a_new_danger_is_its_own_page_never_worse_news_of_another_ticket(
    sim: Simulator, group: str, who: str, first: str, danger: str
) -> None:
    _at(sim, 9, 0)
    say(sim, group, who, first)
    _at(sim, 13, 0)
    texts = _texts(say(sim, group, who, danger))
    assert any(t.startswith("【紧急 #2】") for t in texts), texts
    assert not any("情况加重" in t or "#1" in t for t in texts), texts


FALLEN = "3单元601的独居老太太在屋里喊 好像摔倒了起不来 门反锁着 我们在门口"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("120来了 把门撬开了 老太太摔在卫生间 人是清醒的 拉去医院了", id="trial-R84"),
        pytest.param(
            "开锁师傅把门打开了 老太太躺在地上 意识清楚 已经送到医院了", id="fresh-opened"
        ),
    ],
)
def test_trial_and_fresh_what_was_found_with_the_news_it_is_over_is_the_all_clear(
    sim: Simulator, text: str
) -> None:
    _at(sim, 0, 30)
    say(sim, "3号楼居民群", "王姐", FALLEN)
    _at(sim, 1, 20)
    texts = _texts(say(sim, "3号楼居民群", "王姐", text))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts
    assert not any("情况加重" in t or "请立即拨打" in t for t in texts), texts


def test_fresh_what_was_found_still_in_danger_is_worse_news(sim: Simulator) -> None:
    _at(sim, 0, 30)
    say(sim, "3号楼居民群", "王姐", FALLEN)
    _at(sim, 0, 50)
    texts = _texts(say(sim, "3号楼居民群", "王姐", "门撬开了 老太太躺在卫生间地上 叫不醒"))
    assert any("【紧急 #1 情况加重】" in t for t in texts), texts


MARKET = "通知 12月24日9:00 便民服务集市志愿服务 地点:社区广场 名额:10 时长:3小时 对象:幸福里业主群"
CLEAN_UP = "通知 12月20日9:00 秋季大扫除志愿服务 地点:东门广场 名额:12 时长:2小时 对象:幸福里业主群"


def _two_events_then_clean_up_notice(sim: Simulator) -> None:
    _at(sim, 7, 30)
    say(sim, "社区党委工作群", "王书记", MARKET)
    _at(sim, 9, 40)
    say(sim, "社区党委工作群", "王书记", CLEAN_UP)
    say(
        sim,
        "幸福里业主群",
        "王书记",
        "各位邻居 周日上午9点东门广场集合 一起捡落叶 想参加的直接在群里回个话就行",
    )


def _signed_up(sim: Simulator) -> dict[str, tuple[int, int]]:
    """Who signed up: their event and seats."""
    with sim.core.factory() as session:
        rows = session.scalars(select(EventResponse).where(EventResponse.status == "signed_up"))
        return {r.member_name: (r.event_id, r.seats) for r in rows}


@pytest.mark.parametrize(
    ("text", "seats"),
    [
        pytest.param("我报名 我和老伴俩人", 2, id="trial-R17"),
        pytest.param("我也报名 算我一个", 1, id="fresh-我也报名"),
    ],
)
def test_trial_and_fresh_a_plain_sign_up_minutes_after_a_notice_is_for_that_event(
    sim: Simulator, text: str, seats: int
) -> None:
    _two_events_then_clean_up_notice(sim)
    _at(sim, 9, 45)
    texts = _texts(say(sim, "幸福里业主群", "张阿姨", text))
    assert any("秋季大扫除志愿服务 #E" in t and "已为您报名" in t for t in texts), texts
    assert [seats for _, seats in _signed_up(sim).values()] == [seats]


def test_trial_a_plus_one_after_the_bot_asked_someone_else_which_event_answers_the_notice(
    sim: Simulator,
) -> None:
    _two_events_then_clean_up_notice(sim)
    _at(sim, 12, 0)  # past the plain sign-up window: 张阿姨 is asked which
    asked = _texts(say(sim, "幸福里业主群", "张阿姨", "我报名"))
    assert any(t.startswith("请问报名哪个活动？") for t in asked), asked
    texts = _texts(say(sim, "幸福里业主群", "小周", "+1"))
    assert any("秋季大扫除志愿服务 #E" in t and "已为您报名" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("周日扫落叶的算我一个 带上我闺女 她学校要志愿时长", id="trial-R19"),
        pytest.param("周日大扫除算我一个 带着我孙子 他想锻炼锻炼", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sign_up_naming_the_day_with_a_companion_signs_up_two(
    sim: Simulator, text: str
) -> None:
    _two_events_then_clean_up_notice(sim)
    _at(sim, 12, 0)
    texts = _texts(say(sim, "幸福里业主群", "许女士", text))
    assert any("已为您报名（共2人）：秋季大扫除志愿服务" in t for t in texts), texts
    assert not any("工单" in t for t in texts), texts


def test_trial_a_sign_up_from_a_chat_outside_the_audience_is_told_where(sim: Simulator) -> None:
    _two_events_then_clean_up_notice(sim)
    _at(sim, 14, 57)
    texts = _texts(say(sim, "3号楼居民群", "马老师", "周日扫落叶的活动我也去一个"))
    assert len(texts) == 1 and texts[0].startswith("秋季大扫除志愿服务 #E"), texts
    assert "是在幸福里业主群报名的" in texts[0], texts


def test_fresh_a_plain_sign_up_right_after_two_notices_asks_which(sim: Simulator) -> None:
    _at(sim, 9, 30)
    say(sim, "社区党委工作群", "王书记", MARKET)
    _at(sim, 9, 40)
    say(sim, "社区党委工作群", "王书记", CLEAN_UP)
    _at(sim, 9, 45)
    texts = _texts(say(sim, "幸福里业主群", "张阿姨", "我报名"))
    assert any(t.startswith("请问报名哪个活动？") for t in texts), texts


LIFT = "电梯又停了 3单元那部 显示屏黑的按了没反应 十八楼的老人怎么下楼"
GATE = "小区门口早上送孩子的车把路堵死了 天天这样 5号楼出来都出不去"


def _closed_on_the_wrong_ticket(sim: Simulator) -> None:
    _at(sim, 7, 58)
    say(sim, "5号楼居民群", "邓哥", LIFT)
    say(sim, "5号楼居民群", "冯阿姨", GATE)
    _at(sim, 9, 48)
    say(sim, "5号楼党小组", "周海", "#1 已处理 门口堵车的跟家长们说了")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("写错了 刚才那个不是1 是2 电梯那张昨天就修好了", id="trial-S31"),
        pytest.param("不好意思发错了 不是#1 应该是#2", id="fresh"),
    ],
)
def test_trial_and_fresh_a_closing_sent_on_the_wrong_ticket_goes_where_it_was_meant(
    sim: Simulator, text: str
) -> None:
    _closed_on_the_wrong_ticket(sim)
    _at(sim, 9, 51)
    texts = _texts(say(sim, "5号楼党小组", "周海", text))
    assert any(
        "工单 #2：小区门口早上送孩子的车把路堵死了）已处理：门口堵车的跟家长们说了" in t
        for t in texts
    ), texts
    assert any(t.startswith("更正：刚才关于工单 #1 的处理通知发错了") for t in texts), texts
    assert not any("写错了" in t for t in texts if "已处理" in t), texts
    assert [t[0] for t in _states(sim)] == ["reopened", "resolved"]
    again = _texts(say(sim, "5号楼党小组", "周海", "#1 已处理 电梯昨天修好了"))
    assert any("已处理：电梯昨天修好了" in t for t in again), again


def test_fresh_a_correction_with_no_closing_of_ones_own_to_move_is_answered_plainly(
    sim: Simulator,
) -> None:
    _closed_on_the_wrong_ticket(sim)
    _at(sim, 9, 51)
    texts = _texts(say(sim, "5号楼党小组", "赵网格长", "写错了 不是1 是2"))
    assert texts == ["没有找到您刚才对工单 #1 的办结，无法更正。请回复：#2 已处理 处理说明"], texts


def _states(sim: Simulator) -> list[tuple[str]]:
    with sim.core.factory() as session:
        return [(t.state,) for t in session.scalars(select(Ticket).order_by(Ticket.id))]
