"""What the day-12 trial (issue #11) met, as regressions on the trial's own messages (so they
measure nothing about unseen text): a resident's own follow-up joins the ticket it follows, even
when read as another category or as an emergency; a follow-up of an open emergency that asks
about it or says it is over pages nobody; another resident telling the same danger joins it;
street lamps are not the stairwell lights."""

from __future__ import annotations

from bot.simulator import Simulator
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial12 import _later, _pages
from tests.test_ticket_time_limits import say


def test_the_same_residents_hanging_branch_follow_ups_join_and_page_nobody(sim: Simulator) -> None:
    say(
        sim,
        "2号楼居民群",
        "小吴",
        "1单元门口那棵大树的树枝断了一半 吊在半空中 风一吹晃来晃去 底下就是过道",
    )
    _later(sim, 150)
    again = say(sim, "2号楼居民群", "小吴", "树枝那个谁管管啊 刚才差点砸到一个送外卖的")
    assert not _pages(again), again
    _later(sim, 810)
    morning = say(sim, "2号楼居民群", "小吴", "树枝还吊着呢 今天上学的孩子都从底下走 太危险了")
    assert not _pages(morning), morning
    assert len(_states(sim)) == 1


def test_a_neighbour_asking_after_last_nights_gas_smell_pages_nobody(sim: Simulator) -> None:
    say(sim, "4号楼居民群", "赵姐", "楼下厨房好大一股煤气味 窗户都关着 门也敲不开")
    _later(sim, 1060)
    asked = say(sim, "4号楼居民群", "钱阿姨", "昨天那个煤气味的事后来怎么样了 今天早上好像没味道了")
    assert not _pages(asked), asked
    assert len(_states(sim)) == 1
    assert any(m.room_id == "4号楼居民群" and "#1" in m.text for m in asked), asked


def test_the_power_room_follow_ups_of_its_reporter_join_it(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "老马", "地下室配电房门口在进水 水已经漫到门槛了 里面嗡嗡响")
    _later(sim, 80)
    say(sim, "5号楼居民群", "老马", "配电房那水还在往里灌 刚才啪的响了一声 有点焦味")
    _later(sim, 1100)
    asked = say(sim, "5号楼居民群", "老马", "配电房那边现在还有水吗 我看门口都是沙袋了")
    assert not _pages(asked), asked
    assert len(_states(sim)) == 1


def test_a_second_neighbour_telling_the_smoke_of_603_joins_it(sim: Simulator) -> None:
    say(sim, "6号楼居民群", "吴先生", "我们家隔壁603有烧焦的味道 好像有烟从门缝出来 敲门没人应")
    _later(sim, 10)
    joined = say(sim, "6号楼居民群", "周大妈", "2单元6楼走廊全是烟 是603")
    assert not _pages(joined), joined
    assert len(_states(sim)) == 1


def test_asking_if_someone_visited_grandma_is_no_missing_person_page(sim: Simulator) -> None:
    say(
        sim,
        "3号楼居民群",
        "刘奶奶孙女",
        "我奶奶一个人住在3单元201 我在外地上班 这两天打她电话都没人接 能不能麻烦社区帮忙去看一眼",
    )
    _later(sim, 330)
    asked = say(sim, "3号楼居民群", "刘奶奶孙女", "社区有人去看我奶奶了吗 还是联系不上 好着急")
    assert not _pages(asked), asked
    assert len(_states(sim)) == 1
    assert any(m.room_id == "3号楼居民群" and "#1" in m.text for m in asked), asked


def test_asking_if_the_lift_is_fixed_joins_the_lift_ticket(sim: Simulator) -> None:
    say(
        sim,
        "5号楼居民群",
        "小林妈妈",
        "5号楼电梯今天早上开始就停在8楼不动了 按了没反应 我们家老人下不了楼",
    )
    _later(sim, 60)
    asked = say(sim, "5号楼居民群", "小林妈妈", "电梯好了吗 我爸要去医院复查")
    assert len(_states(sim)) == 1
    assert any(m.room_id == "5号楼居民群" and "#1" in m.text for m in asked), asked


def test_the_renovation_noise_told_again_joins_the_noise_ticket(sim: Simulator) -> None:
    say(sim, "4号楼居民群", "孙老师", "楼上装修电钻打了一整天 这都九点了还在敲")
    _later(sim, 60)
    say(sim, "4号楼居民群", "孙老师", "装修的还在敲 十点了！！！")
    _later(sim, 60)
    say(sim, "4号楼居民群", "孙老师", "又开始敲了 你们不是说处理了吗")
    assert len(_states(sim)) == 1


def test_the_leak_told_again_by_its_reporter_joins_it(sim: Simulator) -> None:
    say(
        sim,
        "2号楼居民群",
        "王大爷",
        "楼上哗哗往下漏水 卫生间天花板都湿透了 敲门没人开 我是2单元302",
    )
    _later(sim, 170)
    say(sim, "2号楼居民群", "王大爷", "楼上还在漏 我接了两个盆了")
    assert len(_states(sim)) == 1


def test_street_lamps_by_the_building_are_not_the_stairwell_lights(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯又不亮了 黑咕隆咚的上楼差点摔一跤")
    say(sim, "幸福里业主群", "业主刘", "3号楼旁边的路灯坏了好几个 晚上遛弯黑漆漆的")
    assert len(_states(sim)) == 2


def test_asking_after_the_lift_with_a_window_ticket_open_too_names_the_lift(
    sim: Simulator,
) -> None:
    say(
        sim,
        "5号楼居民群",
        "小林妈妈",
        "5号楼电梯今天早上开始就停在8楼不动了 按了没反应 我们家老人下不了楼",
    )
    say(
        sim,
        "5号楼居民群",
        "小林妈妈",
        "1单元三楼的窗户玻璃裂了 掉下来一块 还有半块挂在上面晃 楼下人来人往的",
    )
    _later(sim, 180)
    asked = say(sim, "5号楼居民群", "小林妈妈", "电梯终于有人来修了吗？我看还是不动")
    told = [m.text for m in asked if m.room_id == "5号楼居民群"]
    assert len(told) == 1 and "工单 #1" in told[0] and "#2" not in told[0], told
