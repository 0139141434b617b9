"""Day 61 (docs/trials/day61/, a first contact on c74c3f5: the first cold snap of winter in
幸福里社区): trial sentences ("trial") next to wordings of mine ("fresh").

The worst failures: a carport roof sagging under snow with people under it was joined to the
snow ticket and paged nobody; the all-clear of a burst pipe claimed the ice ticket instead; a
lukewarm "坡上能走了 …凑合吧" and a fear of a fire to come were paged; a neighbour's news that
the man shut in the lift was out went onto his own leak ticket; one fall told from two chats was
two pages."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day52 import ZONE
from tests.test_conversations_day56 import _count, _ticket
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def at(sim: Simulator, hour: int, minute: int, day: int = 7) -> None:
    sim.clock.set(datetime(2026, 12, day, hour, minute, tzinfo=ZONE))


def _paged(told: list[str]) -> bool:
    return any(t.startswith(("【紧急", "【可能紧急")) for t in told)


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "车棚那个铁皮顶咯吱咯吱响 都往下凹了 底下还有人在推电动车 赶紧叫人别让人往里进了",
            id="trial-R58",
        ),
        pytest.param("车棚的彩钢瓦被雪压得往下凹了 底下还停着好多车 有人在里面取车", id="fresh"),
    ],
)
def test_trial_and_fresh_a_roof_sagging_over_people_is_a_page_not_the_snow_ticket(
    sim: Simulator, said: str
) -> None:
    at(sim, 11, 0)
    say(sim, "3号楼居民群", "张阿姨", "自行车棚顶上积了老厚的雪 就那个铁皮棚子 会不会压塌啊")
    at(sim, 15, 20)
    told = _texts(say(sim, "3号楼居民群", "老李", said))
    assert _count(sim) == 2, told
    assert _ticket(sim, 2).emergency and _ticket(sim, 2).emergency_level is None, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("坡上能走了 就是边上还有点滑 凑合吧", id="trial-R39"),
        pytest.param("门口现在好走多了 谢谢啊", id="fresh"),
    ],
)
def test_trial_and_fresh_a_lukewarm_word_on_the_ice_cleared_pages_nobody(
    sim: Simulator, said: str
) -> None:
    at(sim, 12, 40)
    told = _texts(say(sim, "5号楼居民群", "孙叔", said))
    assert not _paged(told), told
    assert _count(sim) == 0, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "又有人把电动车推楼道里充电 就1单元一楼那辆红的 堵着过道 上回说他还骂人 "
            "这大冷天要着起来跑都跑不了",
            id="trial-R44",
        ),
        pytest.param(
            "102那老爷子又把插线板接上了 还是那个破电暖器 说了不听 晚上睡着了再着起来咋整",
            id="trial-R42",
        ),
        pytest.param("楼道里堆满了纸箱子 真烧起来就完了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_fire_feared_to_come_is_a_request_not_a_page(
    sim: Simulator, said: str
) -> None:
    at(sim, 10, 0)
    told = _texts(say(sim, "2号楼居民群", "老周", said))
    assert _count(sim) == 1, told
    assert not _ticket(sim, 1).emergency, told
    assert not any("119" in t for t in told), told


def test_fresh_a_fire_burning_now_is_still_a_page(sim: Simulator) -> None:
    at(sim, 10, 0)
    told = _texts(say(sim, "2号楼居民群", "老周", "楼道里电动车着起来了 现在烟好大 快来人"))
    assert _ticket(sim, 1).emergency, told


def test_trial_a_charcoal_brazier_behind_a_shut_door_is_told_fumes_not_flee_a_fire(
    sim: Simulator,
) -> None:
    at(sim, 7, 40)
    told = _texts(
        say(
            sim,
            "3号楼居民群",
            "钱奶奶",
            "刚去给1单元302老张家送饺子 敲了半天门没人应 门缝里一股烟味儿 "
            "他家前两天买了个炭盆烧炭取暖 门窗都关得死死的",
        )
    )
    resident = next(t for t in told if t.startswith("已收到您反映的问题"))
    assert "通风" in resident and "120" in resident, resident
    assert "沿楼梯撤离" not in resident, resident


@pytest.mark.parametrize(
    "said",
    [
        pytest.param(
            "2单元门口有个小孩 七八岁 说钥匙丢了家里没人 爸妈电话都打不通 在门口冻得直哭 就穿个单衣",
            id="trial-R57",
        ),
        pytest.param("单元门口蹲着个小女孩 没带钥匙进不了家 冻得直哆嗦", id="fresh"),
    ],
)
def test_trial_and_fresh_a_child_shut_out_in_the_cold_is_told_warmth_first(
    sim: Simulator, said: str
) -> None:
    at(sim, 15, 10)
    told = _texts(say(sim, "5号楼居民群", "小陈", said))
    resident = next((t for t in told if t.startswith("已收到您反映的问题")), "")
    assert "暖和的地方" in resident, told
    assert "走失者照片" not in resident, told


def test_trial_a_pipe_burst_flooding_the_stairs_at_night_is_a_full_page(sim: Simulator) -> None:
    at(sim, 0, 30, day=8)
    told = _texts(
        say(
            sim,
            "3号楼居民群",
            "夜猫子",
            "2单元地下室门口哗哗往外冒水 好像水管冻裂了 水都漫到楼道了 一楼门口结了一层冰",
        )
    )
    assert any(t.startswith("【紧急") for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("总阀关了 不冒了 地上的水扫了撒了盐 管子明天让物业换", id="trial-S78"),
        pytest.param("阀门关上了 水止住了 楼道的水也扫了 明天换管子", id="fresh"),
    ],
)
def test_trial_and_fresh_the_all_clear_of_the_burst_closes_it_not_a_claim_of_the_ice(
    sim: Simulator, said: str
) -> None:
    at(sim, 7, 0)
    say(
        sim,
        "3号楼居民群",
        "赵阿姨",
        "3号楼门口到东门那条道全是冰 跟溜冰场似的 物业能不能撒点盐铲一铲",
    )
    at(sim, 0, 30, day=8)
    say(sim, "3号楼居民群", "夜猫子", "2单元地下室门口哗哗往外冒水 好像水管冻裂了 水都漫到楼道了")
    at(sim, 0, 35, day=8)
    say(sim, "3号楼党小组", "刘志强", "马上下去 先把总阀关了")
    at(sim, 0, 55, day=8)
    told = _texts(say(sim, "3号楼党小组", "刘志强", said))
    assert _ticket(sim, 2).state == "resolved", told
    assert _ticket(sim, 1).claimed_by is None, told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("外卖小哥出来了 维保的撬开的门 小伙子冻得够呛 说谢谢大家", id="trial-R63"),
        pytest.param("电梯里那个人已经出来了 没事", id="fresh"),
    ],
)
def test_trial_and_fresh_news_the_man_in_the_lift_is_out_goes_to_the_lift_not_my_leak(
    sim: Simulator, said: str
) -> None:
    at(sim, 9, 0)
    say(sim, "4号楼居民群", "老胡", "楼上601的水顺着我家卫生间顶往下滴 我是1单元501")
    at(sim, 16, 15)
    say(sim, "4号楼居民群", "小吴", "1单元电梯卡在三楼四楼中间了 里面有个送外卖的小伙子在拍门喊")
    at(sim, 16, 30)
    told = _texts(say(sim, "4号楼居民群", "老胡", said))
    assert not any("工单 #1" in t for t in told), told
    assert any("工单 #2" in t for t in told), told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("5号楼前面有个老人摔地上了 好多人围着 有没有人打120啊", id="trial-R08"),
        pytest.param("5号楼门口有人滑倒了 躺地上半天了", id="fresh"),
    ],
)
def test_trial_and_fresh_one_fall_told_from_two_chats_is_one_page(
    sim: Simulator, said: str
) -> None:
    at(sim, 7, 30)
    say(
        sim, "5号楼居民群", "孙叔", "快来人 5号楼门口那个大坡上有个老爷子滑倒了 躺冰上起不来 直哼哼"
    )
    at(sim, 7, 32)
    told = _texts(say(sim, "幸福里业主群", "李姐", said))
    assert _count(sim) == 1, told
    assert not _paged(told), told


def test_trial_the_duty_officers_all_clear_naming_the_building_closes_its_lift(
    sim: Simulator,
) -> None:
    at(sim, 11, 0)
    say(sim, "6号楼居民群", "吴大哥", "6号楼3单元楼道里一股煤气味 挺冲的")
    at(sim, 16, 15)
    say(sim, "4号楼居民群", "小吴", "1单元电梯卡在三楼四楼中间了 里面有个送外卖的小伙子在拍门喊")
    at(sim, 16, 17)
    say(sim, "4号楼党小组", "孙丽", "2号 马上到 已经叫了维保")
    at(sim, 16, 35)
    told = _texts(
        say(
            sim,
            "社区党委工作群",
            "刘值班",
            "4号楼电梯困人的 维保把人放出来了 人没事 电梯先停用 明天修",
        )
    )
    assert _ticket(sim, 2).state == "resolved", told
    assert _ticket(sim, 1).state != "resolved", told


def test_trial_news_of_the_child_in_hand_is_kept_on_it_not_on_the_noise_ticket(
    sim: Simulator,
) -> None:
    at(sim, 9, 0)
    say(
        sim,
        "5号楼居民群",
        "小刘",
        "3单元楼上天天半夜还在剁馅子 咚咚咚的 孩子刚睡着就给吵醒 能不能管管",
    )
    say(sim, "5号楼党小组", "周海", "#1 我晚上去说说")
    at(sim, 15, 10)
    say(sim, "5号楼居民群", "小陈", "2单元门口有个小孩 七八岁 说钥匙丢了家里没人 在门口冻得直哭")
    say(sim, "5号楼党小组", "周海", "2号 我下去把孩子领我家去")
    at(sim, 15, 40)
    told = _texts(
        say(sim, "5号楼党小组", "周海", "孩子妈妈联系上了 在下班路上 孩子在我家吃着饺子呢 等她来接")
    )
    assert any("#2" in t for t in told), told
    assert not any("#1" in t for t in told), told


def test_trial_a_loose_number_and_a_hand_over_said_hands_it_over(sim: Simulator) -> None:
    at(sim, 7, 0)
    say(
        sim,
        "3号楼居民群",
        "赵阿姨",
        "3号楼门口到东门那条道全是冰 跟溜冰场似的 物业能不能撒点盐铲一铲",
    )
    at(sim, 13, 25)
    told = _texts(say(sim, "3号楼党小组", "刘志强", "1号 物业下午一块撒 我跟钱经理说好了 转物业"))
    ticket = _ticket(sim, 1)
    assert ticket.assigned_group == "物业服务中心群" and ticket.state != "resolved", told


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("1号 我明早叫保洁清了", id="trial-S69"),
        pytest.param("1号 明天一早我让保洁拉走", id="fresh"),
    ],
)
def test_trial_and_fresh_work_sent_for_tomorrow_claims(sim: Simulator, said: str) -> None:
    at(sim, 19, 0)
    say(sim, "6号楼居民群", "吴大哥", "楼下垃圾桶边上谁扔了一堆烂白菜帮子 冻得邦邦硬 还有碎玻璃")
    at(sim, 19, 10)
    told = _texts(say(sim, "6号楼党小组", "吴敏", said))
    assert _ticket(sim, 1).claimed_by == "吴敏", told
    assert not any("仍未办结" in t for t in told), told


SNOW_CLEARING = "明天早上八点在3号楼门口集合 一起把楼前楼后和车棚那边的雪扫一扫 铁锹扫把社区有 有空的来搭把手 限20人"


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("扫雪几点集合来着 在哪儿", id="trial-R49"),
        pytest.param("扫雪是几点啊", id="fresh"),
    ],
)
def test_trial_and_fresh_the_time_of_the_snow_clearing_asked_is_answered_not_filed(
    sim: Simulator, said: str
) -> None:
    at(sim, 13, 45)
    say(sim, "3号楼居民群", "刘志强", SNOW_CLEARING)
    at(sim, 14, 10)
    told = _texts(say(sim, "3号楼居民群", "张阿姨", said))
    assert _count(sim) == 0, told
    assert any("08:00" in t and "3号楼门口" in t for t in told), told


def test_trial_i_bring_him_along_takes_two_places(sim: Simulator) -> None:
    at(sim, 13, 45)
    say(sim, "3号楼居民群", "刘志强", SNOW_CLEARING)
    at(sim, 14, 0)
    told = _texts(say(sim, "3号楼居民群", "小宋", "我家小子明天上午没课 我带他一起去"))
    assert any("共2人" in t for t in told), told


def test_trial_a_free_blood_pressure_check_asked_after_is_a_question_not_a_booking(
    sim: Simulator,
) -> None:
    at(sim, 16, 0)
    say(
        sim, "1号楼居民群", "李大爷", "想问问冬天社区还有没有免费量血压的 上回在活动室量的 啥时候有"
    )
    assert _ticket(sim, 1).category == "inquiry"
