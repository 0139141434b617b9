"""Left from day 26 (docs/trials/day26/report.md), fixed in the seventeenth session: trial
sentences ("trial") next to wordings of mine ("fresh").

1. a leak reported by day, now running through the ceiling light at night, makes the
   resident's own ticket the emergency: paged at once with its flat, never held for the
   morning nor a second ticket (R70; day 24 R14); the valve shut is the all-clear of it;
2. a resident's lift door told again while she waits ("…等了廿分钟了"), read as a possible
   danger by word statistics alone, is her own repair ticket, never word of a neighbour's
   trapped-lift page in another unit (R25); someone shut in her lift is still paged;
3. "安全了" from a resident whose own fire smell was paged tonight is the all-clear of it,
   never 满意 of yesterday's ticket still waiting for her rating (S98);
4. a father still missing and a request to look at the cameras is word of the search (his
   emergency), never a repair ticket of its own (R21);
5. the doctor's word ("在医院了 …没大事 谢谢") right after "请问现在大家都安全了吗" about one's own
   ambulance call answers it, never news of a neighbour's lift emergency still open (S09);
6. news of one's emergency telling help is already there ("救护车到了") or the hazard gone
   ("火花倒是没了") is passed on with no "请立即拨打…" again (R72, R75)."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

LEAK = "楼上漏水漏到我家卫生间了 敲门不开 打电话也不接 是502 我是402"


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        [
            "还在漏 水都顺着吸顶灯往下滴了 灯都不敢开",
            "刚才又看了一下 现在水顺着灯往下流了 灯都不敢开",
        ],
        ["卫生间吸顶灯里进水了 还在往下滴", "水从灯罩里往下淌 开关都不敢碰"],
    ),
)
def test_trial_and_fresh_a_leak_now_through_the_ceiling_light_at_night_pages_its_own_ticket(
    sim: Simulator, text: str
) -> None:
    _at(sim, 16, 0)
    say(sim, "2号楼居民群", "陈先生", LEAK)
    _at(sim, 22, 30)
    sent = say(sim, "2号楼居民群", "陈先生", text)
    texts = _texts(sent)
    assert any(t.startswith("【紧急 #1 情况加重】2号楼402室") for t in texts), texts
    duty = [m for m in sent if m.room_id == "社区党委工作群" and m.text.startswith("【紧急 #1")]
    assert duty and duty[0].mentions, texts  # the duty officer is called by name
    assert any("切断电源" in t for t in texts), texts
    assert not any("07:00" in t for t in texts), texts
    assert [(t[0], t[3]) for t in _tickets(sim)] == [(1, True)]


def test_trial_the_valve_shut_after_the_leak_through_the_light_is_its_all_clear(
    sim: Simulator,
) -> None:
    _at(sim, 16, 0)
    say(sim, "2号楼居民群", "陈先生", LEAK)
    _at(sim, 22, 30)
    say(sim, "2号楼居民群", "陈先生", "还在漏 水都顺着吸顶灯往下滴了 灯都不敢开")
    _at(sim, 23, 0)
    texts = _texts(say(sim, "2号楼居民群", "陈先生", "楼上人回来了 阀门关了 不漏了"))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts
    assert not any("您有几张工单" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    ["楼道灯坏了 顺着墙走都看不见", "顺着路灯那条路一直走就到了", "吸顶灯坏了 灯罩也裂了"],
)
def test_fresh_a_light_named_with_no_water_through_it_pages_nobody(
    sim: Simulator, text: str
) -> None:
    _at(sim, 22, 30)
    texts = _texts(say(sim, "2号楼居民群", "陈先生", text))
    assert not any("紧急" in t for t in texts), texts


LIFT_DOOR = "二单元电体门关不上 一直在那开开关关的 我腿不好爬不了楼"
TRAPPED = "1单元电梯卡在7楼8楼中间了 里面有个送外卖的小哥在拍门喊 按警铃没人理"


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["电体门还是关不牢 阿拉在一楼等了廿分钟了"],
        ["电梯门还是合不上 我在楼下站了半个钟头了", "二单元那个电梯门还是关不严 等了十几分钟了"],
    ),
)
def test_trial_and_fresh_a_lift_door_told_again_while_waiting_is_her_own_repair(
    sim: Simulator, text: str
) -> None:
    _at(sim, 12, 10)
    say(sim, "4号楼居民群", "刘奶奶", LIFT_DOOR)
    _at(sim, 13, 50)
    say(sim, "4号楼居民群", "吴女士", TRAPPED)
    _at(sim, 14, 10)
    say(sim, "4号楼居民群", "吴女士", "人出来了 物业师傅拿钥匙开的门 没事")
    _at(sim, 15, 0)
    texts = _texts(say(sim, "4号楼居民群", "刘奶奶", text))
    assert any(t.startswith("工单 #1：电梯门关不上，4号楼2单元") for t in texts), texts
    assert any(t.startswith("【工单 #1 居民补充】") for t in texts), texts
    assert not any("#2" in t or "不要扒门" in t for t in texts), texts
    assert len(_tickets(sim)) == 2


def test_fresh_someone_shut_in_her_own_broken_lift_is_still_paged(sim: Simulator) -> None:
    _at(sim, 12, 10)
    say(sim, "4号楼居民群", "刘奶奶", LIFT_DOOR)
    _at(sim, 15, 0)
    texts = _texts(
        say(sim, "4号楼居民群", "刘奶奶", "电梯还是停在那不动 里面有人在拍门 叫了好久了")
    )
    assert any("紧急" in t and "#1" in t for t in texts), texts


def _window_then_fire_smell(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "5号楼居民群", "小美", "2单元对面那户5楼有个小孩趴在窗台上 窗户大开着 大人好像不在家")
    say(sim, "5号楼党小组", "周海", "#1 非紧急")
    say(sim, "5号楼党小组", "周海", "#1 误会一场 孩子奶奶在家 已处理")
    _at(sim, 23, 10)
    say(sim, "5号楼居民群", "小美", "3单元又停电了 楼道里一股焦糊味")


@pytest.mark.parametrize(
    "text", _trial_and_fresh(["安全了"], ["现在安全了", "安全了 是楼下电箱跳闸 没烧起来"])
)
def test_trial_and_fresh_safe_after_tonights_fire_smell_is_its_all_clear_not_a_rating(
    sim: Simulator, text: str
) -> None:
    _window_then_fire_smell(sim)
    _at(sim, 23, 55)
    texts = _texts(say(sim, "5号楼居民群", "小美", text))
    assert any("【工单 #2 居民称险情已解除】" in t for t in texts), texts
    assert not any("满意" in t for t in texts), texts
    with sim.core.factory() as session:
        assert session.get(Ticket, 1).state == "resolved"  # still waiting for her rating


def test_fresh_not_safe_yet_is_no_all_clear(sim: Simulator) -> None:
    _window_then_fire_smell(sim)
    _at(sim, 23, 55)
    texts = _texts(say(sim, "5号楼居民群", "小美", "还是不安全 味道越来越大了"))
    assert not any("险情已解除" in t or "满意" in t for t in texts), texts


MISSING = "我爸早上七点出去买菜到现在还没回来 他有点老年痴呆 手机也没带 穿灰色夹克戴个蓝帽子 大家帮忙留意一下"


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["还没找到 菜市场那边找了一圈没有 能不能帮忙调一下小区监控"],
        [
            "还是没找着 派出所那边也去了 能不能帮忙看看小区门口的监控",
            "到现在还没找到人 可不可以查一下东门的监控",
        ],
    ),
)
def test_trial_and_fresh_asking_for_the_cameras_while_still_missing_is_word_of_the_search(
    sim: Simulator, text: str
) -> None:
    _at(sim, 12, 20)
    say(sim, "5号楼居民群", "黄先生", MISSING)
    _at(sim, 14, 20)
    texts = _texts(say(sim, "5号楼居民群", "黄先生", text))
    assert any("【工单 #1 居民补充】" in t and "监控" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "text",
    _trial_and_fresh(
        ["在医院了 医生说是哮喘发作 没大事 谢谢"],
        ["医生看过了 没什么大事 谢谢大家", "人在医院 已经稳定了 谢谢"],
    ),
)
def test_trial_and_fresh_the_doctors_word_answers_the_safety_question_of_ones_own_call(
    sim: Simulator, text: str
) -> None:
    _at(sim, 13, 50)
    say(sim, "4号楼居民群", "吴女士", TRAPPED)
    _at(sim, 22, 20)
    say(
        sim,
        "4号楼居民群",
        "郑大哥",
        "1单元601 我老公突然喘不上气 嘴唇发紫 120打了 谁能下楼帮忙给救护车带个路",
    )
    _at(sim, 23, 40)
    say(sim, "社区党委工作群", "刘值班", "#2 救护车已经接走了 家属跟着去医院了 已处理")
    _at(sim, 23, 50)
    texts = _texts(say(sim, "4号楼居民群", "郑大哥", text))
    assert any(t.startswith("平安就好！工单 #2 已完结") for t in texts), texts
    assert not any("#1" in t for t in texts), texts


ILL = "1单元601 我老公突然喘不上气 嘴唇发紫 120打了 谁能下楼帮忙给救护车带个路"
SPARKS = "3单元楼道配电箱在冒火花 噼里啪啦响 灯一闪一闪的"


@pytest.mark.parametrize(
    ("first", "text"),
    [
        pytest.param(ILL, "救护车到了 谢谢邻居帮忙抬下去", id="trial-救护车到了"),
        pytest.param(ILL, "医生来了 正在楼上看呢", id="fresh-医生来了"),
        pytest.param(SPARKS, "现在整个单元都停电了 火花倒是没了", id="trial-火花倒是没了"),
        pytest.param(SPARKS, "火花已经没了 就是整个单元都黑了", id="fresh-火花已经没了"),
    ],
)
def test_trial_and_fresh_news_of_help_there_or_the_hazard_gone_gets_no_call_advice_again(
    sim: Simulator, first: str, text: str
) -> None:
    _at(sim, 22, 20)
    say(sim, "4号楼居民群", "郑大哥", first)
    _at(sim, 22, 50)
    texts = _texts(say(sim, "4号楼居民群", "郑大哥", text))
    assert any(t.startswith("【工单 #1 居民补充】") for t in texts), texts
    assert not any("请立即拨打" in t for t in texts), texts


def test_fresh_news_still_dangerous_keeps_the_advice(sim: Simulator) -> None:
    _at(sim, 22, 20)
    say(sim, "4号楼居民群", "郑大哥", SPARKS)
    _at(sim, 22, 30)
    texts = _texts(say(sim, "4号楼居民群", "郑大哥", "还在冒火花 有股焦味 我们怎么办"))
    assert any("拨打119" in t for t in texts), texts
