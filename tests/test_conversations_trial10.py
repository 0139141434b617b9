"""Issue 11, day 10 (docs/conversations.md): what a worker types must act on the ticket meant,
or ask. New sentences, not the trial's: a closing with no number that speaks of something else
than the one ticket in hand is asked about; "N号 这个我接了" claims; "人早出来了" ends a
lift rescue; the answer to a resident's question about activities closes it; a visit told
after a loose number closes the care ticket."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from bot.simulator import Simulator
from service.models import Ticket
from tests.test_conversations_trial7 import _states
from tests.test_conversations_trial9 import _texts
from tests.test_ticket_time_limits import say


def test_a_closing_without_number_about_something_else_is_asked_not_applied(
    sim: Simulator,
) -> None:
    say(sim, "3号楼居民群", "老钟", "3号楼后面那棵梧桐树有根大枝子裂开了 耷拉着")
    say(sim, "3号楼党小组", "刘志强", "#1 转 物业")
    asked = _texts(say(sim, "物业服务中心群", "钱经理", "水泵修好了 换了个密封圈"))
    assert len(asked) == 1 and "#1" in asked[0] and "没有办结" in asked[0], asked
    assert _states(sim) != ["resolved"]
    done = _texts(say(sim, "物业服务中心群", "钱经理", "处理完了"))
    assert any("工单 #1 已办结" in t for t in done), done


def test_a_loose_number_with_i_took_it_claims(sim: Simulator) -> None:
    say(sim, "1号楼居民群", "万女士", "1号楼2单元的电梯按钮没反应 下不去楼")
    claimed = _texts(say(sim, "1号楼党小组", "张建国", "1号 这个我接了"))
    assert any("已由张建国接单" in t for t in claimed), claimed
    assert _states(sim) == ["claimed"]


def test_someone_out_long_ago_ends_a_lift_rescue(sim: Simulator) -> None:
    say(sim, "6号楼居民群", "邹先生", "6号楼1单元电梯卡在8楼了 里面有个小伙子出不来 一直在拍门")
    done = _texts(say(sim, "6号楼党小组", "吴敏", "#1 人早出来了 物业拿钥匙开的门"))
    assert any("工单 #1 已办结" in t for t in done), done


def test_the_answer_to_a_question_about_activities_is_sent_and_closes_it(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "祁老师", "想问问社区的书法班现在还收人吗")
    told = say(sim, "2号楼党小组", "陈桂兰", "#1 每周二上午在三楼活动室 直接过去找王老师登记")
    assert _states(sim) == ["resolved"]
    to_resident = [m for m in told if m.room_id == "2号楼居民群"]
    assert to_resident and "三楼活动室" in to_resident[0].text, told


def test_a_visit_after_a_loose_number_closes_the_care_ticket(sim: Simulator) -> None:
    say(sim, "4号楼居民群", "严女士", "4号楼3单元对门的葛奶奶一个人住 好几天没见她出门了 麻烦社区去看看")
    done = _texts(say(sim, "4号楼党小组", "孙丽", "1号 刚去看过了 葛奶奶挺好 就是想有人陪她说说话"))
    assert any("工单 #1 已办结" in t for t in done), done


def test_a_merge_told_in_words_merges(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "房阿姨", "5号楼1单元楼道里堆了好多纸箱 走路都得侧着身")
    say(sim, "5号楼居民群", "谷先生", "5号楼一单元有人把旧沙发扔楼道里了")
    merged = _texts(say(sim, "5号楼党小组", "周海", "2号跟1号说的是一回事"))
    assert any("已合并到工单 #1" in t for t in merged), merged
    assert _states(sim)[1] == "duplicate"


def test_taking_back_a_resolved_ticket_offers_to_reopen_it_and_moves_nothing(
    sim: Simulator,
) -> None:
    say(sim, "1号楼居民群", "万女士", "1号楼2单元电梯门关不上 一直开开合合的")
    say(sim, "1号楼党小组", "张建国", "#1 转 物业")
    say(sim, "物业服务中心群", "钱经理", "#1 已处理 调了门机")
    refused = _texts(say(sim, "1号楼党小组", "张建国", "#1 收回"))
    # (day 23 S135: "不能收回" alone left the worker with nothing to do)
    assert any("如需重新处理，请回复：#1 重新处理" in t for t in refused), refused
    assert not any("转办" in t for t in refused), refused


def test_a_claim_without_number_lists_emergencies_first(sim: Simulator) -> None:
    for n in range(7):
        say(sim, "3号楼居民群", f"住户{n}", f"3号楼{n + 1}单元楼道灯不亮了")
    say(sim, "3号楼居民群", "蓝女士", "3号楼2单元有个老人倒在楼梯上起不来 头在流血")
    asked = _texts(say(sim, "3号楼党小组", "刘志强", "好的我去看看吧"))
    assert asked and "#8" in asked[0] and asked[0].index("#8") < asked[0].index("#1"), asked


def test_a_new_danger_the_next_day_is_paged_not_joined_to_the_same_residents_old_one(
    sim: Simulator,
) -> None:
    say(sim, "2号楼居民群", "牛先生", "2号楼门口垃圾堆着火了 烟好大")
    asyncio.run(sim.advance_to(sim.clock.now() + timedelta(hours=18)))
    paged = say(sim, "2号楼居民群", "牛先生", "2号楼楼道配电箱里往外冒烟 一股焦糊味")
    assert any(m.room_id == "社区党委工作群" and "【紧急 #2】" in m.text for m in paged), paged


def test_a_closing_that_reports_the_residents_satisfied_closes_the_ticket(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "包阿姨", "2号楼楼上天天半夜拖椅子 吵得睡不着")
    done = _texts(say(sim, "2号楼党小组", "陈桂兰", "#1 已调解 跟楼上说好了 包阿姨那边也满意"))
    assert any("工单 #1 已办结" in t for t in done), done


def test_a_phone_number_in_a_closing_is_masked_for_the_residents_group(sim: Simulator) -> None:
    say(sim, "6号楼居民群", "卢先生", "6号楼2单元楼道的水管在滴水")
    told = say(sim, "6号楼党小组", "吴敏", "#1 已处理 水管师傅换了接头 他电话13912345678 有事找他")
    to_group = [m.text for m in told if m.room_id == "6号楼居民群"]
    assert to_group and "139****5678" in to_group[0] and "13912345678" not in to_group[0]


def test_a_residents_question_after_their_own_ticket_number_is_passed_on(sim: Simulator) -> None:
    say(sim, "2号楼居民群", "任大爷", "2号楼楼顶防水层裂了 一下雨顶楼就渗水")
    told = say(sim, "2号楼居民群", "任大爷", "#1 渗水的事怎么还没人来看啊？")
    assert any(m.room_id == "2号楼党小组" and "居民补充" in m.text for m in told), told
    assert any(m.room_id == "2号楼居民群" and "当前状态" in m.text for m in told), told


def test_a_transfer_with_the_number_in_the_middle_or_loose_moves_the_ticket(
    sim: Simulator,
) -> None:
    say(sim, "1号楼居民群", "田阿姨", "1号楼2单元电梯门老是夹人 关门特别快")
    say(sim, "1号楼居民群", "田阿姨", "1号楼2单元楼道暖气片漏水了 地上一滩水")
    moved = _texts(say(sim, "1号楼党小组", "张建国", "门机我们修不了 #1 转物业"))
    assert any("物业" in t and "#1" in t for t in moved), moved
    moved = _texts(say(sim, "1号楼党小组", "张建国", "2 暖气片这边处理不了 转物业"))
    assert any("物业" in t and "#2" in t for t in moved), moved
    with sim.core.factory() as session:
        groups = [t.assigned_group for t in session.scalars(select(Ticket).order_by(Ticket.id))]
    assert groups == ["物业服务中心群", "物业服务中心群"]
