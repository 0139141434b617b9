"""What the seventh outside day trial found on the residents' side (docs/conversations.md,
day 7), each as a transcript of new sentences of the same kind: a child not home past the usual
time, news that a danger is over, a new problem that is not the resident's earlier one, a
neighbour not answering about a leak, a sign-up with a companion, repeats that must not page,
and the neighbour's room kept."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from service.understanding import Classifier
from tests.dialog import verify_dialog


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.default()


def _reads_as_no_emergency(classifier: Classifier, said: str, category: str) -> None:
    understanding = classifier.classify(said)
    assert understanding.category == category and not understanding.emergency, said


def test_a_child_not_home_past_the_usual_time_pages_as_missing_in_the_owners_group(
    sim: Simulator,
) -> None:
    """A child (or an old parent) who has not come back past the usual or agreed time and cannot
    be reached is a missing person: paged at once, even in the owners' group with no building,
    and the parent is told to call 110 with a photo and clothes (not the generic advice)."""
    verify_dialog(
        sim,
        """
        幸福里业主群 | 闻女士 | 我儿子上初一，补习班八点就下课了，现在快十点还没到家，打他电话一直关机
        -> 幸福里业主群: @闻女士 已收到您反映的问题（工单 #1：儿子 现在快十点还没到家，未注明楼栋），已转社区党委处理。请立即拨打110报警，并提供走失者照片和衣着特征。
        -> 社区党委工作群: @刘值班 【紧急 #1】儿子 现在快十点还没到家 / 类别：应急处理·走失 / 居民原话：我儿子上初一，补习班八点就下课了，现在快十点还没到家，打他电话一直关机 / 反映人：闻女士（幸福里业主群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：社区党委工作群。请立即跟进，接单回复：#1 接单
        2号楼居民群 | 庞先生 | 女儿跟同学出去玩，说好九点前到家，现在十一点了，电话打不通
        -> 2号楼居民群: @庞先生 已收到您反映的问题（工单 #2：女儿 现在十一点了 电话打不通，2号楼），已转2号楼党小组处理。请立即拨打110报警，并提供走失者照片和衣着特征。
        -> 2号楼党小组: 【紧急 #2】2号楼 女儿 现在十一点了 电话打不通 / 类别：应急处理·走失 / 居民原话：女儿跟同学出去玩，说好九点前到家，现在十一点了，电话打不通 / 反映人：庞先生（2号楼居民群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：2号楼党小组。请立即跟进，接单回复：#2 接单
        -> 第一网格党支部群: 【紧急 #2】2号楼 女儿 现在十一点了 电话打不通 / 类别：应急处理·走失 / 居民原话：女儿跟同学出去玩，说好九点前到家，现在十一点了，电话打不通 / 反映人：庞先生（2号楼居民群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：2号楼党小组。请立即跟进，接单回复：#2 接单
        -> 社区党委工作群: @刘值班 【紧急 #2】2号楼 女儿 现在十一点了 电话打不通 / 类别：应急处理·走失 / 居民原话：女儿跟同学出去玩，说好九点前到家，现在十一点了，电话打不通 / 反映人：庞先生（2号楼居民群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：2号楼党小组。请立即跟进，接单回复：#2 接单
        """,
    )


def test_the_trials_child_not_home_after_school_is_paged(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        幸福里业主群 | 陶女士 | 我家孩子放学没回家，6点半了，平时5点就到家，电话手表也关机了，四年级，穿校服
        -> 幸福里业主群: @陶女士 已收到您反映的问题（工单 #1：我家孩子放学没回家，未注明楼栋），已转社区党委处理。请立即拨打110报警，并提供走失者照片和衣着特征。
        -> 社区党委工作群: @刘值班 【紧急 #1】我家孩子放学没回家 / 类别：应急处理·走失 / 居民原话：我家孩子放学没回家，6点半了，平时5点就到家，电话手表也关机了，四年级，穿校服 / 反映人：陶女士（幸福里业主群） / 已告知居民：请立即拨打110报警，并提供走失者照片和衣着特征。 / 负责：社区党委工作群。请立即跟进，接单回复：#1 接单
        """,
    )


def test_news_that_a_danger_is_over_never_pages_nor_sends_evacuation_advice(
    sim: Simulator,
) -> None:
    """A report that the danger has stopped, was fixed or was checked (火花没了, 味道没有了,
    来检查过了, 已经处理好了) is no emergency: no page and no "撤离" advice."""
    verify_dialog(
        sim,
        """
        5号楼居民群 | 包阿姨 | 5号楼2单元一楼配电箱在冒火花 噼里啪啦的
        -> 5号楼居民群: @包阿姨 已收到您反映的问题（工单 #1：一楼配电箱在冒火花，5号楼2单元），已转5号楼党小组处理。请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。
        -> 5号楼党小组: 【紧急 #1】5号楼2单元 一楼配电箱在冒火花 / 类别：应急处理·火情 / 居民原话：5号楼2单元一楼配电箱在冒火花 噼里啪啦的 / 反映人：包阿姨（5号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / 负责：5号楼党小组。请立即跟进，接单回复：#1 接单
        -> 第二网格党支部群: 【紧急 #1】5号楼2单元 一楼配电箱在冒火花 / 类别：应急处理·火情 / 居民原话：5号楼2单元一楼配电箱在冒火花 噼里啪啦的 / 反映人：包阿姨（5号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / 负责：5号楼党小组。请立即跟进，接单回复：#1 接单
        -> 社区党委工作群: @刘值班 【紧急 #1】5号楼2单元 一楼配电箱在冒火花 / 类别：应急处理·火情 / 居民原话：5号楼2单元一楼配电箱在冒火花 噼里啪啦的 / 反映人：包阿姨（5号楼居民群） / 已告知居民：请立即拨打119，带好家人沿楼梯撤离，不要乘电梯。 / 负责：5号楼党小组。请立即跟进，接单回复：#1 接单
        @clock +40m
        -> 社区党委工作群: 【超时上报】工单 #1：一楼配电箱在冒火花，5号楼2单元，超时未接单（时限 12月01日 09:15）。负责：5号楼党小组。请尽快回复：#1 接单
        -> 幸福街道党工委工作群: 【街道督办·紧急】幸福里社区 工单 #1：一楼配电箱在冒火花，5号楼2单元（应急处理·火情），超时未接单（时限 12月01日 09:15）。负责：5号楼党小组。请督促幸福里社区尽快处理；街道直接接单请回复：幸福里 #1 接单
        5号楼居民群 | 包阿姨 | 配电箱那边的火花已经没有了 供电所的师傅来检查过了
        @clock +10m
        3号楼居民群 | 詹大哥 | 燃气公司的人来了 说是表后面的接头松了 已经处理好了
        @clock +10m
        6号楼居民群 | 柏女士 | 楼道里那股焦糊味没了 物业说是楼下烧的纸 大家放心
        """,
    )


def test_the_trials_news_of_sparks_gone_and_a_leak_fixed_does_not_page(
    classifier: Classifier,
) -> None:
    for said in ("火花没了，电工来看过了", "燃气公司来人了 说是阀门漏了 已经修好"):
        understanding = classifier.classify(said)
        assert not understanding.emergency, said


def test_a_residents_new_problem_of_another_kind_opens_its_own_ticket(sim: Simulator) -> None:
    """A resident with an open ticket who then writes about another kind of problem (a car door
    banging at night after a parked car, office hours after a card question, a dog after
    something thrown down) gets a new ticket, not a note on the first, though the two share a
    character (车, 办) or a word that names nobody (谁家); the same problem told again still
    joins their ticket."""
    verify_dialog(
        sim,
        """
        3号楼居民群 | 龚先生 | 3号楼门口消防通道天天有辆黑色轿车停着 堵得救护车都进不来
        -> 3号楼居民群: @龚先生 已收到您反映的问题（工单 #1：门口消防通道天天有辆黑色轿车停着，3号楼），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】矛盾调处·停车 / 地点：3号楼 / 居民原话：3号楼门口消防通道天天有辆黑色轿车停着 堵得救护车都进不来 / 反映人：龚先生（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        @clock +30m
        3号楼居民群 | 龚先生 | 楼下那家半夜开车回来 车门关得砰砰响
        -> 3号楼居民群: @龚先生 已收到您反映的问题（工单 #2：车门关得砰砰响，3号楼），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #2】矛盾调处·噪音 / 地点：3号楼 / 居民原话：楼下那家半夜开车回来 车门关得砰砰响 / 反映人：龚先生（3号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        @clock +30m
        3号楼居民群 | 龚先生 | 那辆黑色轿车今天又停在消防通道上了
        -> 3号楼居民群: @龚先生 工单 #1：门口消防通道天天有辆黑色轿车停着，3号楼。当前状态：待受理。已把您说的转告3号楼党小组，请再耐心等一等。
        -> 3号楼党小组: 【工单 #1 居民补充】龚先生：那辆黑色轿车今天又停在消防通道上了 / 地点：3号楼
        5号楼居民群 | 岑阿姨 | 请问老年优待证在哪里办 要带什么
        -> 5号楼居民群: @岑阿姨 已收到您反映的问题（工单 #3：请问老年优待证在哪里办，5号楼），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #3】信息咨询·政策咨询 / 地点：5号楼 / 居民原话：请问老年优待证在哪里办 要带什么 / 反映人：岑阿姨（5号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        @clock +30m
        5号楼居民群 | 岑阿姨 | 社区办公室中午休息吗 几点上班
        -> 5号楼居民群: @岑阿姨 已收到您反映的问题（工单 #4：社区办公室中午休息吗 几点上班，5号楼），已转5号楼党小组处理。
        -> 5号楼党小组: 【新工单 #4】信息咨询·办事指南 / 地点：5号楼 / 居民原话：社区办公室中午休息吗 几点上班 / 反映人：岑阿姨（5号楼居民群） / 接单请回复：#4 接单；办结后回复：#4 已处理 处理说明
        1号楼居民群 | 韦大姐 | 1号楼谁家的小孩往楼下扔果皮 砸到我家窗台了
        -> 1号楼居民群: @韦大姐 已收到您反映的问题（工单 #5：谁家的小孩往楼下扔果皮，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #5】矛盾调处·高空抛物 / 地点：1号楼 / 居民原话：1号楼谁家的小孩往楼下扔果皮 砸到我家窗台了 / 反映人：韦大姐（1号楼居民群） / 接单请回复：#5 接单；办结后回复：#5 已处理 处理说明
        @clock +30m
        1号楼居民群 | 韦大姐 | 谁家的狗天天在单元门口拉屎 也没人收拾
        -> 1号楼居民群: @韦大姐 已收到您反映的问题（工单 #6：谁家的狗天天在单元门口拉屎，1号楼），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #6】矛盾调处·宠物 / 地点：1号楼 / 居民原话：谁家的狗天天在单元门口拉屎 也没人收拾 / 反映人：韦大姐（1号楼居民群） / 接单请回复：#6 接单；办结后回复：#6 已处理 处理说明
        """,
    )


def test_the_trials_drilling_after_a_parking_complaint_opens_a_new_ticket(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        4号楼居民群 | 老杨 | 咱4号楼地下车库我的车位又被一辆白色SUV占了，打电话也不接，这都第三回了
        -> 4号楼居民群: @老杨 已收到您反映的问题（工单 #1：我的车位又被一辆白色suv占了，4号楼），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #1】矛盾调处·停车 / 地点：4号楼 / 居民原话：咱4号楼地下车库我的车位又被一辆白色SUV占了，打电话也不接，这都第三回了 / 反映人：老杨（4号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        @clock +30m
        4号楼居民群 | 老杨 | 楼上装修都晚上十点多了还在电钻打墙
        -> 4号楼居民群: @老杨 已收到您反映的问题（工单 #2：楼上装修都晚上十点多了，4号楼），已转4号楼党小组处理。
        -> 4号楼党小组: 【新工单 #2】矛盾调处·噪音 / 地点：4号楼 / 居民原话：楼上装修都晚上十点多了还在电钻打墙 / 反映人：老杨（4号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        """,
    )


def test_a_neighbour_away_while_water_comes_through_is_no_emergency(sim: Simulator) -> None:
    """Water coming through from upstairs and the neighbour not answering the door, away for
    days, is a dispute or a repair: no page and no missing-person advice. A thud or an old
    person living alone still pages."""
    verify_dialog(
        sim,
        """
        3号楼居民群 | 欧阳阿姨 | 厨房顶上一直渗水 楼上那户敲了半天门没人开 听说出差一个礼拜了
        -> 3号楼居民群: @欧阳阿姨 已收到您反映的问题（工单 #1：厨房顶上一直渗水，3号楼），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】矛盾调处·邻里漏水 / 地点：3号楼 / 居民原话：厨房顶上一直渗水 楼上那户敲了半天门没人开 听说出差一个礼拜了 / 反映人：欧阳阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        2号楼居民群 | 牛大姐 | 2号楼楼上独居的老太太家一直往我家滴水 敲门没人应 两天没见她下楼了
        -> 2号楼居民群: @牛大姐 已收到您反映的问题（工单 #2：楼上独居的老太太家一直往我家滴水，2号楼），已转2号楼党小组处理。请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。
        -> 2号楼党小组: 【可能紧急 #2】2号楼 楼上独居的老太太家一直往我家滴水 / 类别：应急处理·急病 / 居民原话：2号楼楼上独居的老太太家一直往我家滴水 敲门没人应 两天没见她下楼了 / 反映人：牛大姐（2号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：2号楼党小组。请立即跟进，接单回复：#2 接单
        -> 第一网格党支部群: 【可能紧急 #2】2号楼 楼上独居的老太太家一直往我家滴水 / 类别：应急处理·急病 / 居民原话：2号楼楼上独居的老太太家一直往我家滴水 敲门没人应 两天没见她下楼了 / 反映人：牛大姐（2号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：2号楼党小组。请立即跟进，接单回复：#2 接单
        -> 社区党委工作群: @刘值班 【可能紧急 #2】2号楼 楼上独居的老太太家一直往我家滴水 / 类别：应急处理·急病 / 居民原话：2号楼楼上独居的老太太家一直往我家滴水 敲门没人应 两天没见她下楼了 / 反映人：牛大姐（2号楼居民群） / 已告知居民：请立即拨打120，说明门打不开、屋里的人可能出事，必要时拨打110或119帮忙开门，请在门外等候。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：2号楼党小组。请立即跟进，接单回复：#2 接单
        """,
    )


def test_the_trials_leak_with_a_neighbour_not_answering_does_not_page(
    classifier: Classifier,
) -> None:
    _reads_as_no_emergency(
        classifier,
        "我家卫生间天花板一直往下滴水 楼上502敲门没人应 都两天了 物业也说找不到人",
        "dispute",
    )


def test_a_going_word_with_a_companion_under_a_notice_signs_up(sim: Simulator) -> None:
    """ "我来 带着我老伴" or "我去 把外孙女也带上" right after an event notice: a going word
    (我去, 我来) then who comes along is a sign-up, not silence; the companion is no one in
    danger."""
    verify_dialog(
        sim,
        """
        社区党委工作群 | 王书记 | 通知 12月5日9:00 义务理发 地点:4号楼门口 对象:4号楼居民群 名额:10
        -> 社区党委工作群: @王书记 已发布活动 #E30：义务理发 / 时间：12月5日（周六）09:00，约90分钟 / 地点：4号楼门口 / 对象：4号楼居民群 / 名额：10人 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E30”，改期请回复“改期 #E30 月日 时:分”。
        -> 4号楼居民群: 【活动通知】义务理发 #E30 / 时间：12月5日（周六）09:00 / 地点：4号楼门口 / 名额：共10人，还剩10个 / 报名请回复“报名 #E30”，已报名但去不了请回复“取消报名 #E30”。
        4号楼居民群 | 常奶奶 | 我来 带着我老伴
        -> 4号楼居民群: @常奶奶 已为您报名（共2人）：义务理发 #E30，12月5日（周六）09:00。共10人，还剩8个。
        4号楼居民群 | 景大爷 | 我去 把外孙女也带上
        -> 4号楼居民群: @景大爷 已为您报名（共2人）：义务理发 #E30，12月5日（周六）09:00。共10人，还剩6个。
        """,
    )


def test_the_trials_sign_up_with_a_grandson_signs_up(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        社区党委工作群 | 王书记 | 通知 12月5日9:00 义务理发 地点:4号楼门口 对象:4号楼居民群 名额:10
        -> 社区党委工作群: @王书记 已发布活动 #E30：义务理发 / 时间：12月5日（周六）09:00，约90分钟 / 地点：4号楼门口 / 对象：4号楼居民群 / 名额：10人 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E30”，改期请回复“改期 #E30 月日 时:分”。
        -> 4号楼居民群: 【活动通知】义务理发 #E30 / 时间：12月5日（周六）09:00 / 地点：4号楼门口 / 名额：共10人，还剩10个 / 报名请回复“报名 #E30”，已报名但去不了请回复“取消报名 #E30”。
        4号楼居民群 | 吴大爷 | 我也去 带上我孙子
        -> 4号楼居民群: @吴大爷 已为您报名（共2人）：义务理发 #E30，12月5日（周六）09:00。共10人，还剩8个。
        """,
    )


def test_a_stopped_lift_told_from_outside_and_its_repeat_do_not_page(sim: Simulator) -> None:
    """A lift stopped between floors told by someone waiting outside it (我在一楼按了好几遍) has
    nobody at risk: a repair, not a page; the same resident's repeat joins that ticket and does
    not page either."""
    verify_dialog(
        sim,
        """
        6号楼居民群 | 贺大叔 | 6号楼1单元电梯又停了 卡在十二楼不动 我在一楼按了好几遍都没反应
        -> 6号楼居民群: @贺大叔 已收到您反映的问题（工单 #1：电梯又停了，6号楼1单元），已转6号楼党小组处理。
        -> 6号楼党小组: 【新工单 #1】维修维护·电梯 / 地点：6号楼1单元 / 居民原话：6号楼1单元电梯又停了 卡在十二楼不动 我在一楼按了好几遍都没反应 / 反映人：贺大叔（6号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        @clock +1h
        6号楼居民群 | 贺大叔 | 6号楼1单元电梯还是停在十二楼 到现在都没人来修
        -> 6号楼居民群: @贺大叔 工单 #1：电梯又停了，6号楼1单元。当前状态：待受理。已把您说的转告6号楼党小组，请再耐心等一等。
        -> 6号楼党小组: 【工单 #1 居民补充】贺大叔：6号楼1单元电梯还是停在十二楼 到现在都没人来修 / 地点：6号楼1单元
        """,
    )


def test_the_trials_lift_stopped_with_the_writer_downstairs_does_not_page(
    classifier: Classifier,
) -> None:
    _reads_as_no_emergency(
        classifier,
        "五号楼二单元的电体又停了，卡在七楼不动，门也打不开，我在楼下按了半天没反应",
        "maintenance",
    )
