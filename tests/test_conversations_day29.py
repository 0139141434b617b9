"""Day 29 (docs/trials/day29/report.md, first contact on 3640847) and the day-28 follow-ups
left over: trial sentences ("trial") next to wordings of mine ("fresh").

1. all-clear news from a resident whose own danger was paged hours ago, just after another
   was paged in the chat, is news of that one (R46 "120来了 拉走了", R76 "炖肉烧干锅了 虚惊一场");
2. what the mother of a missing child learns ("小区门口保安说没看到他出去") is a lead for the
   searchers, never silence (day 28 R44); a neighbour telling the same child again ("3号楼有个
   小孩走丢了 4岁 黄雨衣") is the search already paged, another missing person is not (R45);
3. follow-ups join what they follow: "11楼那个灯还是不亮" her lamp ticket (R39), a dialect
   power cut the building's (R42), "也闻到了" the gas leak (R78), "水流到客厅了" her own flood
   (R86), a neighbour's "那棵断树还横在路上 …没人来" the tree ticket (R88);
4. staff in their own words: a visit told as done at a named flat closes the care ticket (S48),
   "停车那个" names the parking dispute (S53, S54), "…可以回家了" at night closes the gas leak
   its words name (S92), work told with no closing word is kept on the ticket it names (S07);
5. residents: "不满意 …" while their ticket is still being handled is passed on (P09), "来水了
   来水了" is 满意 (P12), "周六志愿那个我也去" signs up for Saturday's event whatever notice came
   last (P16), "我和老伴都去 测血压那个" signs two up (R35)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.simulator import Simulator
from tests.test_conversations_day22 import _at
from tests.test_conversations_resid16 import _tickets
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say

FALL = "刚刚6号楼1单元门口那个冰坡上一个老太太摔了 躺地上起不来 说腿疼动不了"
SMOKE = "6号楼3单元有股焦糊味 楼道里烟越来越浓 都看不清楼梯了"


@pytest.mark.parametrize(
    ("danger", "news"),
    [
        pytest.param(FALL, "120来了 拉走了 家属跟着去了", id="trial-R46"),
        pytest.param(SMOKE, "是302炖肉烧干锅了 人在家 窗户开了 虚惊一场", id="trial-R76"),
        pytest.param(FALL, "救护车刚把老太太接走了 她女儿也跟着去了", id="fresh-fall"),
        pytest.param(SMOKE, "问清楚了 是楼下烧糊了一锅粥 没着火 大家放心", id="fresh-smoke"),
    ],
)
def test_trial_and_fresh_all_clear_goes_to_the_danger_just_paged_not_ones_own_old_one(
    sim: Simulator, danger: str, news: str
) -> None:
    _at(sim, 10, 0)
    say(sim, "6号楼居民群", "马阿姨", "我家老头子在卫生间摔了一跤 叫他也不太应 6号楼2单元301")
    _at(sim, 15, 20)
    say(sim, "6号楼居民群", "周大爷", danger)
    _at(sim, 15, 30)
    texts = _texts(say(sim, "6号楼居民群", "马阿姨", news))
    assert any("【工单 #2 居民称险情已解除】" in t for t in texts), texts
    assert not any("工单 #1" in t for t in texts), texts


LOST = "我儿子刚才在游乐场滑梯那玩 我转身接个电话人就不见了 4岁 穿黄色雨衣 蓝色雨靴 大家帮忙找找"


@pytest.mark.parametrize(
    "news",
    [
        pytest.param("小区门口保安说没看到他出去", id="trial-day28-R44"),
        pytest.param("他爸说超市那边也没有 已经往河边去找了", id="fresh"),
    ],
)
def test_trial_and_fresh_what_the_searching_mother_learns_is_a_lead(
    sim: Simulator, news: str
) -> None:
    _at(sim, 14, 0)
    say(sim, "3号楼居民群", "郭女士", LOST)
    _at(sim, 14, 13)
    texts = _texts(say(sim, "3号楼居民群", "郭女士", news))
    assert any("【工单 #1 线索】" in t for t in texts), texts
    _at(sim, 14, 14)
    texts = _texts(say(sim, "3号楼居民群", "郭女士", "找到了找到了！在6号楼架空层躲雨 睡着了"))
    assert any("【工单 #1 居民称险情已解除】" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("3号楼有个小孩走丢了 4岁 黄雨衣 大家看到的话说一声", id="trial-day28-R45"),
        pytest.param("群里说有个穿黄色雨衣的小男孩找不到了 大家都帮忙看看", id="fresh"),
    ],
)
def test_trial_and_fresh_the_same_missing_child_told_again_is_the_search_already_paged(
    sim: Simulator, text: str
) -> None:
    _at(sim, 14, 0)
    say(sim, "3号楼居民群", "郭女士", LOST)
    _at(sim, 14, 13)
    texts = _texts(say(sim, "幸福里业主群", "老周", text))
    assert any("已有居民反映过（工单 #1" in t for t in texts), texts
    assert not any("【紧急 #2" in t for t in texts), texts


def test_fresh_another_missing_person_in_the_building_is_paged_of_its_own(sim: Simulator) -> None:
    _at(sim, 14, 0)
    say(sim, "3号楼居民群", "郭女士", LOST)
    _at(sim, 14, 13)
    texts = _texts(
        say(
            sim,
            "3号楼居民群",
            "小何",
            "3号楼402的老爷子早上出去买菜到现在还没回来 有点糊涂 家里人急死了",
        )
    )
    assert any("【紧急 #2" in t for t in texts), texts


@pytest.mark.parametrize(
    "again",
    [
        pytest.param("11楼那个灯还是不亮 早上我差点摔一跤", id="trial-day28-R39"),
        pytest.param("我们那层的灯还是一闪一闪的", id="fresh"),
    ],
)
def test_trial_and_fresh_her_lamp_still_broken_goes_on_her_lamp_ticket(
    sim: Simulator, again: str
) -> None:
    _at(sim, 8, 15)
    say(sim, "3号楼居民群", "刘阿姨", "我家2单元1102卫生间天花板又在滴水，楼上1202敲门也不开")
    say(sim, "3号楼居民群", "刘阿姨", "还有我们11楼的楼道灯也坏了一个礼拜了 晚上黑咕隆咚的")
    _at(sim, 12, 30)
    texts = _texts(say(sim, "3号楼居民群", "刘阿姨", again))
    assert any("工单 #2" in t for t in texts), texts
    assert len(_tickets(sim)) == 2


@pytest.mark.parametrize(
    ("first", "chat", "who", "follow", "ticket"),
    [
        pytest.param(
            "5号楼又停电了 从早上7点多到现在 冰箱里东西都要坏了",
            "5号楼居民群",
            "沈阿婆",
            "阿拉屋里向一直呒没电 冰箱里额小菜侪坏脱了",
            1,
            id="trial-day28-R42",
        ),
        pytest.param(
            "5号楼又停电了 从早上7点多到现在 冰箱里东西都要坏了",
            "5号楼居民群",
            "小丁",
            "俺家里也没有电 啥时候能来电啊",
            1,
            id="fresh-outage",
        ),
        pytest.param(
            "3单元楼道里一股很重的煤气味 我在6楼都闻到了 不知道是哪家",
            "5号楼居民群",
            "胡老师",
            "我家在3单元4楼 也闻到了 已经把窗户打开了",
            1,
            id="trial-day28-R78",
        ),
        pytest.param(
            "3单元楼道里一股很重的煤气味 我在6楼都闻到了 不知道是哪家",
            "5号楼居民群",
            "小丁",
            "我在二楼也闻见了 刚把孩子带下楼",
            1,
            id="fresh-gas",
        ),
        pytest.param(
            "我们6栋门口那棵树遭风吹断咯 横起在路中间 车子都过不去",
            "6号楼居民群",
            "冯大爷",
            "楼下那棵断树还横在路上 昨天报了到现在没人来",
            1,
            id="trial-day28-R88",
        ),
    ],
)
def test_trial_and_fresh_a_neighbours_follow_up_joins_the_ticket_it_follows(
    sim: Simulator, first: str, chat: str, who: str, follow: str, ticket: int
) -> None:
    _at(sim, 9, 55)
    say(sim, chat, "第一个人", first)
    _at(sim, 10, 30)
    texts = _texts(say(sim, chat, who, follow))
    assert any(f"工单 #{ticket}" in t for t in texts), texts
    assert not any("已收到您反映的问题" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "more",
    [
        pytest.param("楼上502电话打不通 水流到客厅了", id="trial-day28-R86"),
        pytest.param("水都流到卧室门口了 楼上还是没人", id="fresh"),
    ],
)
def test_trial_and_fresh_more_water_from_the_same_burst_goes_on_her_flood(
    sim: Simulator, more: str
) -> None:
    _at(sim, 2, 30)
    say(
        sim, "2号楼居民群", "陈阿姨", "我家卫生间顶上哗哗往下漏水 像是上面水管爆了 地上已经一层水了"
    )
    _at(sim, 2, 35)
    texts = _texts(say(sim, "2号楼居民群", "陈阿姨", more))
    assert any("工单 #1" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


@pytest.mark.parametrize(
    "visit",
    [
        pytest.param("刚去102看过了 老爷子烧退了 给他买了梨和感冒药 让他闺女放心", id="trial-S48"),
        pytest.param("102的老爷子我上午去看过了 精神挺好 药也送去了", id="fresh"),
    ],
)
def test_trial_and_fresh_a_visit_told_as_done_at_its_flat_closes_the_care_ticket(
    sim: Simulator, visit: str
) -> None:
    _at(sim, 9, 0)
    say(
        sim,
        "2号楼居民群",
        "陈老师",
        "我爸一个人住2号楼1单元102 我在外地上班 他这几天流感咳得厉害 能不能麻烦社区去看看",
    )
    say(sim, "2号楼居民群", "小宇", "2号楼3单元一滴水都没有 水管是不是冻住了")
    _at(sim, 9, 50)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", visit))
    assert any("工单 #1 已办结" in t for t in texts), texts


def test_trial_the_parking_dispute_claimed_and_closed_by_its_kind_with_no_number(
    sim: Simulator,
) -> None:
    _at(sim, 9, 0)
    say(sim, "2号楼居民群", "邻居老董", "你家那车能不能别天天堵在单元门口 轮椅都推不出去")
    say(sim, "2号楼居民群", "小宇", "2号楼3单元一滴水都没有 水管是不是冻住了")
    _at(sim, 9, 50)
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", "停车那个我去找车主谈谈"))
    assert any("工单 #1 已由陈桂兰接单" in t for t in texts), texts
    texts = _texts(say(sim, "2号楼党小组", "陈桂兰", "车主把车挪走了 答应以后停车位上 处理好了"))
    assert any("工单 #1 已办结" in t for t in texts), texts


def test_trial_the_gas_all_clear_at_night_closes_the_leak_its_words_name(sim: Simulator) -> None:
    _at(sim, 15, 20)
    say(sim, "6号楼居民群", "周大爷", FALL)
    _at(sim, 23, 40)
    say(sim, "6号楼居民群", "小赵", "6号楼2单元那股燃气味又来了 比上回还冲 我们一家都跑到楼下了")
    _at(sim, 23, 59)
    sim.clock.advance(timedelta(minutes=31))  # 00:30
    texts = _texts(
        say(
            sim,
            "6号楼党小组",
            "吴敏",
            "燃气公司把总阀关了 是楼下管道接口松了 已经拧紧 可以回家了",
        )
    )
    assert any("工单 #2 已办结" in t for t in texts), texts


@pytest.mark.parametrize(
    "work",
    [
        pytest.param("东门的冰铲了 撒了两袋融雪剂 又铺了草垫子", id="trial-S07"),
        pytest.param("东门那个坡下午铺了防滑草垫子", id="fresh"),
    ],
)
def test_trial_and_fresh_work_told_without_a_closing_word_is_kept_on_the_ticket_it_names(
    sim: Simulator, work: str
) -> None:
    _at(sim, 9, 50)
    say(
        sim,
        "6号楼居民群",
        "周大爷",
        "小区东门那个坡全结冰了 早上我差点摔一跤 能不能撒点盐或者铺点草垫子",
    )
    say(sim, "6号楼居民群", "胖虎妈", "1602又在装修 电钻吵得孩子没法午睡")
    _at(sim, 10, 50)
    # (the east gate is the compound's, whichever chat told it: its group's people, not 6号楼's,
    # see to it since day 58c R55; the work told is the trial's)
    texts = _texts(say(sim, "社区党委工作群", "王书记", work))
    assert any(("已记下，但工单 #1 仍未办结" in t or "已记入工单 #1" in t) for t in texts), texts


def test_fresh_staff_chat_naming_no_ticket_stays_chat(sim: Simulator) -> None:
    _at(sim, 9, 50)
    say(sim, "6号楼居民群", "周大爷", "小区东门那个坡全结冰了 早上我差点摔一跤 能不能撒点盐")
    _at(sim, 10, 50)
    assert not _texts(say(sim, "6号楼党小组", "吴敏", "今天下午两点开会 大家别忘了"))


def test_trial_unsatisfied_while_the_ticket_is_still_handled_is_passed_on(sim: Simulator) -> None:
    _at(sim, 9, 0)
    say(sim, "1号楼居民群", "牛牛爸", "楼上不知道谁往下扔烟头 我家晾的被子烧了个洞 1号楼3单元")
    say(sim, "1号楼党小组", "张建国", "#1 接单")
    _at(sim, 9, 40)
    texts = _texts(say(sim, "1号楼居民群", "牛牛爸", "不满意 还没查出来是谁扔的"))
    assert any("工单 #1" in t and "处理中" in t for t in texts), texts
    assert any("【工单 #1 居民补充】" in t for t in texts), texts


@pytest.mark.parametrize(
    "thanks",
    [pytest.param("来水了来水了", id="trial-P12"), pytest.param("通水了 谢谢", id="fresh")],
)
def test_trial_and_fresh_water_back_after_the_fix_is_satisfied(sim: Simulator, thanks: str) -> None:
    _at(sim, 9, 0)
    say(sim, "2号楼居民群", "邻居老董", "3单元的水管是不是都冻了 我家401也没水")
    say(sim, "2号楼党小组", "陈桂兰", "#1 已处理 3单元立管冻住了 物业用热水化开了")
    _at(sim, 9, 50)
    texts = _texts(say(sim, "2号楼居民群", "邻居老董", thanks))
    assert any("满意" in t and "工单 #1" in t for t in texts), texts


VOLUNTEER = "通知 12月19日9:00 冬日暖心志愿服务 地点:社区服务站 对象:3号楼居民群 名额:8 时长:3小时"
DUMPLINGS = "通知 12月20日14:00 包饺子暖冬茶话会 地点:社区活动室 对象:3号楼居民群 名额:20"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("周六志愿那个我也去 带上我闺女", id="trial-P16"),
        pytest.param("周六暖心志愿的我也参加一个 带上我家老头", id="fresh"),
    ],
)
def test_trial_and_fresh_a_sign_up_naming_its_event_is_for_that_one_whatever_came_last(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 0)
    say(sim, "社区党委工作群", "王书记", VOLUNTEER)
    say(sim, "社区党委工作群", "王书记", DUMPLINGS)
    _at(sim, 10, 30)
    texts = _texts(say(sim, "3号楼居民群", "张阿姨", text))
    assert any("已为您报名" in t and "冬日暖心志愿服务" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("我和老伴都去 测血压那个", id="trial-R35"),
        pytest.param("我们老两口一起去 量血压的", id="fresh"),
    ],
)
def test_trial_and_fresh_both_of_us_going_with_the_event_pointed_at_after_signs_up_two(
    sim: Simulator, text: str
) -> None:
    _at(sim, 8, 0)
    say(
        sim,
        "社区党委工作群",
        "王书记",
        "通知 12月19日9:30 老年人义诊测血压 地点:社区卫生服务站 对象:5号楼居民群 名额:20 时长:2小时",
    )
    _at(sim, 13, 40)
    texts = _texts(say(sim, "5号楼居民群", "李婶", text))
    assert any("已为您报名（共2人）" in t for t in texts), texts


@pytest.mark.parametrize(
    ("first", "again"),
    [
        pytest.param(
            "我家楼上502漏水 卫生间顶上一直往下滴 上去敲门没人 物业说联系不上业主 我家是5号楼3单元402",
            "楼上502还是没人 水越滴越多 天花板都鼓包了 灯都不敢开",
            id="trial-R52",
        ),
        pytest.param(
            "楼上1602天天半夜拖椅子 跟蹦迪一样 我家孩子要中考 说了好几回了 6号楼",
            "1602又开始了 咚咚咚的 还让不让人活了",
            id="trial-R54",
        ),
        pytest.param(
            "我家楼上502漏水 卫生间顶上一直往下滴 上去敲门没人 物业说联系不上业主 我家是5号楼3单元402",
            "还在滴 水都滴到盆外面了 楼上还是联系不上",
            id="fresh-leak",
        ),
    ],
)
def test_trial_and_fresh_her_trouble_told_again_goes_on_her_one_ticket(
    sim: Simulator, first: str, again: str
) -> None:
    _at(sim, 11, 0)
    say(sim, "5号楼居民群", "李婶", first)
    _at(sim, 16, 30)
    texts = _texts(say(sim, "5号楼居民群", "李婶", again))
    assert any("【工单 #1 居民补充】" in t for t in texts), texts
    assert len(_tickets(sim)) == 1


DUANWU = [
    "通知 12月19日15:00 端午包粽子 地点:社区活动室 对象:幸福里业主群 名额:20 时长:2小时",
    "通知 12月20日09:00 端午敬老院慰问志愿服务 地点:小区东门集合 对象:幸福里业主群 名额:8",
    "通知 12月20日10:00 亲子香囊手工 地点:社区图书室 对象:幸福里业主群 名额:15",
]


@pytest.mark.parametrize(
    ("text", "event", "told"),
    [
        pytest.param(
            "端午包粽子接龙\n1.王大妈\n2.李奶奶\n3.郭女士",
            "端午包粽子",
            "接龙已登记",
            id="trial-day28-R57",
        ),
        pytest.param(
            "香囊那个我带女儿去 她6岁", "亲子香囊手工", "已为您报名（共2人）", id="trial-day28-R27"
        ),
        pytest.param(
            "敬老院慰问接龙\n1.郭女士\n2.小何",
            "端午敬老院慰问志愿服务",
            "接龙已登记",
            id="fresh-chain",
        ),
        pytest.param(
            "包粽子我领着老伴一起去", "端午包粽子", "已为您报名（共2人）", id="fresh-going-with"
        ),
    ],
)
def test_trial_and_fresh_sign_ups_name_the_event_their_words_name_most(
    sim: Simulator, text: str, event: str, told: str
) -> None:
    _at(sim, 7, 30)
    for notice in DUANWU:
        say(sim, "社区党委工作群", "王书记", notice)
    _at(sim, 16, 40)
    texts = _texts(say(sim, "幸福里业主群", "郭女士", text))
    assert any(told in t and event in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    ["我带女儿去过了 挺好玩的", "昨天我带孙子去医院了", "我带孩子去打疫苗 社区医院几点开门"],
)
def test_fresh_going_somewhere_with_a_child_is_no_sign_up(sim: Simulator, text: str) -> None:
    _at(sim, 7, 30)
    for notice in DUANWU:
        say(sim, "社区党委工作群", "王书记", notice)
    _at(sim, 16, 40)
    texts = _texts(say(sim, "幸福里业主群", "郭女士", text))
    assert not any("已为您报名" in t for t in texts), texts
