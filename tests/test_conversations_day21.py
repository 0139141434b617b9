"""Day 21 (docs/trials/day21/report.md, first contact on 8366af9): trial sentences ("trial")
next to wordings of mine written before the fix ("fresh").

1. a new danger in the building is its own page, not "情况加重" of an older emergency: a man
   lying in the stairwell after the old lady of 302 was taken away (R83); sparks in a meter box
   after a garage fire that is out (R64);
2. a neighbour who smells the same smoke a few minutes later is a witness of that fire, not a
   second fire (R15);
3. a sign-up in everyday words under an event notice is a sign-up, never word of a neighbour's
   emergency (R74);
4. news that an elder who did not answer was only asleep ("误会一场") is over news (R85)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.tickets import jobs
from tests.test_conversations_resid16 import _tickets, _trial_and_fresh
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

ZONE = ZoneInfo("Asia/Shanghai")
NEW_PAGE = "紧急 #2】"  # 【紧急 #2】 or 【可能紧急 #2】
WORSE = "情况加重"


def _at(sim: Simulator, hour: int, minute: int = 0) -> list[str]:
    sim.clock.set(datetime(2026, 12, 8, hour, minute, tzinfo=ZONE))
    jobs.sweep_tickets(sim.core.factory, sim.core.community, sim.clock.now())
    return _texts(asyncio.run(sim.deliver()))


# -- 1. a new danger of another kind or person is its own page -----------------------------------

OLD_LADY = "302门口好像有股怪味 敲门也没人应 里面好像有人在哼哼"
OLD_LADY_FOUND = "敲开了 老太太摔在卫生间地上起不来 意识还清楚 已经打120了"
OLD_LADY_TAKEN = "救护车来了 把302老太太拉走了 她儿子也联系上了"
MAN_LYING_TRIAL = ["6栋三单元楼道里有人躺在地上 喝多了 叫不醒 天这么冷"]
MAN_LYING_FRESH = [
    "单元门口倒着个大爷 怎么叫都不醒 脸都冻紫了",
    "楼梯拐角有个男的躺着不动 喊他也没反应",
]


@pytest.mark.parametrize("text", _trial_and_fresh(MAN_LYING_TRIAL, MAN_LYING_FRESH))
@pytest.mark.parametrize("writer", ["小吴", "老李"])
def test_trial_and_fresh_someone_else_lying_after_the_old_lady_was_taken_is_a_new_page(
    sim: Simulator, text: str, writer: str
) -> None:
    _at(sim, 9, 50)
    say(sim, "6号楼居民群", "小吴", OLD_LADY)
    _at(sim, 12, 10)
    say(sim, "6号楼居民群", "小吴", OLD_LADY_FOUND)
    _at(sim, 13, 20)
    say(sim, "6号楼居民群", "吴大爷", OLD_LADY_TAKEN)
    _at(sim, 21, 40)
    texts = _texts(say(sim, "6号楼居民群", writer, text))
    assert any(NEW_PAGE in t for t in texts), texts
    assert not any(WORSE in t for t in texts), texts
    assert len(_tickets(sim)) == 2


GARAGE = "4号楼地下车库那边冒烟了 好大的烟 还有一股胶皮烧焦的味道 好像是充电的电动车"
SMELT_TOO_TRIAL = ["是的 我在楼上都闻到了 烟往上飘"]
SMELT_TOO_FRESH = ["对 我家窗户那也闻到了 一股烧胶皮味", "确实 三楼都能闻到烟味"]
FIRE_OUT = "火灭了 消防车走了 就烧了两辆电动车 人都没事"
SPARKS_TRIAL = ["4号楼2单元3楼的配电箱在冒火花 噼里啪啦响 还有焦味"]
SPARKS_FRESH = [
    "2单元楼道的电表箱冒火星子了 滋滋响",
    "4号楼2单元三楼电箱里噼里啪啦的 有火花",
]


@pytest.mark.parametrize("text", _trial_and_fresh(SMELT_TOO_TRIAL, SMELT_TOO_FRESH))
def test_trial_and_fresh_a_neighbour_smelling_the_same_smoke_is_a_witness_not_a_second_fire(
    sim: Simulator, text: str
) -> None:
    _at(sim, 10, 0)
    say(sim, "4号楼居民群", "钱大妈", GARAGE)
    _at(sim, 10, 10)
    texts = _texts(say(sim, "4号楼居民群", "孙阿姨", text))
    assert not any(NEW_PAGE in t for t in texts), texts
    assert len(_tickets(sim)) == 1, _tickets(sim)


@pytest.mark.parametrize("text", _trial_and_fresh(SPARKS_TRIAL, SPARKS_FRESH))
def test_trial_and_fresh_sparks_after_the_garage_fire_is_out_are_a_new_page(
    sim: Simulator, text: str
) -> None:
    _at(sim, 10, 0)
    say(sim, "4号楼居民群", "钱大妈", GARAGE)
    _at(sim, 10, 10)
    say(sim, "4号楼居民群", "孙阿姨", SMELT_TOO_TRIAL[0])
    _at(sim, 11, 0)
    say(sim, "4号楼居民群", "钱大妈", FIRE_OUT)
    _at(sim, 19, 0)
    texts = _texts(say(sim, "4号楼居民群", "孙阿姨", text))
    assert any(NEW_PAGE in t for t in texts), texts
    assert not any(WORSE in t for t in texts), texts


# -- 3. a sign-up is never word of an emergency --------------------------------------------------

STROKE = "我老伴儿突然说话说不清楚 半边脸歪了 手也抬不起来 我一个人弄不动他 2号楼4单元601"
GOING_TOO_TRIAL = ["周六敬老院那个活动我也去 带上我孙子"]
GOING_TOO_FRESH = ["下午那个义诊我也去 带我妈一起", "周末包饺子那个我也参加"]


@pytest.mark.parametrize("text", _trial_and_fresh(GOING_TOO_TRIAL, GOING_TOO_FRESH))
def test_trial_and_fresh_going_to_an_activity_is_never_joined_to_an_emergency(
    sim: Simulator, text: str
) -> None:
    _at(sim, 15, 0)
    say(sim, "2号楼居民群", "马奶奶", STROKE)
    _at(sim, 15, 20)
    texts = _texts(say(sim, "2号楼居民群", "小孙", text))
    assert not any("已有居民反映过" in t or "120" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


# -- 4. the elder was only asleep ----------------------------------------------------------------

NO_ANSWER = "1号楼2单元402的独居老人李奶奶 打电话不接 敲门不应 刚才听见里面咚的一声 之后就没动静了"
ASLEEP_TRIAL = ["402开门了 李奶奶睡着了耳背没听见 误会一场"]
ASLEEP_FRESH = ["李奶奶开门了 就是睡着了没听见 虚惊", "门开了 老人在睡觉 没事 大家放心"]


@pytest.mark.parametrize("text", _trial_and_fresh(ASLEEP_TRIAL, ASLEEP_FRESH))
def test_trial_and_fresh_the_elder_only_asleep_is_over_news(sim: Simulator, text: str) -> None:
    _at(sim, 20, 30)
    say(sim, "1号楼居民群", "王大妈", NO_ANSWER)
    _at(sim, 21, 0)
    texts = _texts(say(sim, "1号楼居民群", "王大妈", text))
    assert any("险情已解除" in t for t in texts), texts


# -- 5. a neighbour's "+1" and "我家也是" join the report they answer ----------------------------

SQUARE_DANCE = "楼下广场舞天天放到晚上九点多 音响开得震天响 孩子都没法写作业"
PLUS_ONE_TRIAL = ["+1 吵死了"]
PLUS_ONE_FRESH = ["+1 天天这样", "+1 我家孩子也写不了作业"]


@pytest.mark.parametrize("text", _trial_and_fresh(PLUS_ONE_TRIAL, PLUS_ONE_FRESH))
def test_trial_and_fresh_plus_one_under_a_noise_report_joins_it(sim: Simulator, text: str) -> None:
    _at(sim, 10, 50)
    say(sim, "5号楼居民群", "周先生", SQUARE_DANCE)
    _at(sim, 11, 0)
    texts = _texts(say(sim, "5号楼居民群", "何女士", text))
    assert any("已有居民反映过" in t and "#1" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


DRAIN = "6号楼3单元的下水道堵了 一楼地漏往外冒脏水 臭死了"
BACKFLOW_TRIAL = ["我家也是 3单元102 卫生间也往上反水"]
BACKFLOW_FRESH = ["我家也是 3单元201 厨房下水也往上冒", "我们家也一样 3单元的 地漏反水了"]


@pytest.mark.parametrize("text", _trial_and_fresh(BACKFLOW_TRIAL, BACKFLOW_FRESH))
def test_trial_and_fresh_a_neighbours_backflow_names_the_blocked_drain(
    sim: Simulator, text: str
) -> None:
    _at(sim, 14, 0)
    say(sim, "6号楼居民群", "小吴", DRAIN)
    _at(sim, 14, 10)
    texts = _texts(say(sim, "6号楼居民群", "刘大姐", text))
    # One flat's backflow is never joined to the unit's drain (issue #11: a private matter is
    # not joined to a public one), but those on it are told it may be the same.
    joined = any("已有居民反映过" in t and "#1" in t for t in texts)
    named = any("可能与 #1" in t for t in texts)
    assert joined or named, texts
