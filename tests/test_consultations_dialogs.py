"""一事一议 end to end in the simulator (issue #15): last month's most-raised problems on the
first working day, a consultation opened by staff, residents voting (a changed vote, a vote
from a group not asked, a vote for no option, a vote after the deadline), the result published
at the deadline by its job and the decision staff post, with `@clock` moving time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.consultations import flows
from service.consultations import jobs as consultation_jobs
from service.models import StaffAuditEntry
from service.scheduling import active
from service.settings import Settings
from tests.dialog import verify_dialog
from tests.story_support import story_settings, story_sim

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The sample community without its event series: their reminders are not this story."""
    return story_settings(tmp_path)


@pytest.fixture
def sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    yield from story_sim(core, clock, monkeypatch)


class TestMonthlyTopProblems:
    @pytest.fixture
    def clock(self) -> FakeClock:
        return FakeClock(datetime(2026, 11, 30, 10, 0, tzinfo=ZONE))

    @pytest.mark.timeout(120)
    def test_first_working_day_brings_last_months_three_most_raised_problems(
        self, sim: Simulator
    ) -> None:
        verify_dialog(
            sim,
            """
            3号楼居民群 | 张阿姨 | 3号楼2单元楼道里堆满了杂物，过不去人
            -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道里堆满了杂物，3号楼2单元），已转3号楼党小组处理。
            -> 3号楼党小组: 【新工单 #1】矛盾调处·占道堆物 / 地点：3号楼2单元 / 居民原话：3号楼2单元楼道里堆满了杂物，过不去人 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
            3号楼居民群 | 李大爷 | 我也是，3号楼2单元楼道堆了好多杂物
            -> 3号楼居民群: @李大爷 您说的“我也是，3号楼2单元楼道堆了好多杂物”已有居民反映过（工单 #1：楼道里堆满了杂物，3号楼2单元，待受理），已为您关注进展，结果会告诉您。如果不是同一件事，请回复“不是同一件事”。
            3号楼居民群 | 王叔 | 3号楼1单元楼道里有人堆纸箱子，太危险了
            -> 3号楼居民群: @王叔 已收到您反映的问题（工单 #2：楼道里有人堆纸箱子，3号楼1单元），已转3号楼党小组处理。
            -> 3号楼党小组: 【新工单 #2】矛盾调处·占道堆物 / 地点：3号楼1单元 / 居民原话：3号楼1单元楼道里有人堆纸箱子，太危险了 / 反映人：王叔（3号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
            5号楼居民群 | 赵姐 | 5号楼3单元楼道灯不亮了
            -> 5号楼居民群: @赵姐 已收到您反映的问题（工单 #3：楼道灯不亮了，5号楼3单元），已转5号楼党小组处理。
            -> 5号楼党小组: 【新工单 #3】维修维护·照明 / 地点：5号楼3单元 / 居民原话：5号楼3单元楼道灯不亮了 / 反映人：赵姐（5号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
            2号楼居民群 | 钱奶奶 | 2号楼门口的垃圾好几天没人清运了
            -> 2号楼居民群: @钱奶奶 已收到您反映的问题（工单 #4：门口的垃圾好几天没人清运了，2号楼），已转2号楼党小组处理。
            -> 2号楼党小组: 【新工单 #4】维修维护·环境卫生 / 地点：2号楼 / 居民原话：2号楼门口的垃圾好几天没人清运了 / 反映人：钱奶奶（2号楼居民群） / 接单请回复：#4 接单；办结后回复：#4 已处理 处理说明
            @clock 2026-12-01 09:00
            -> 社区党委工作群: 【幸福里社区2026年11月工作通报】 / 一、诉求办理：受理 4 件，办结 0 件。 / 　第一网格：受理 3 件，响应率 —，解决率 0%，满意率 — / 　第二网格：受理 1 件，响应率 —，解决率 0%，满意率 — / 二、党员积分：本月暂无积分记录。 / 三、楼栋党小组：本月暂无积分记录。 / 四、组织生活：本月没有记录出勤的会议。 / 感谢各位党员的辛勤付出！
            @clock 2026-12-01 09:30
            -> 社区党委工作群: 【11月居民反映最多的问题】1. 3号楼 占道堆物：3次（工单 #1、#2） / 2. 5号楼 照明：1次（工单 #3） / 3. 2号楼 环境卫生：1次（工单 #4） / 需要居民一起商量的，工作人员可以发起议事，例如：议事 占道堆物 选项:办法一/办法二/维持现状 截止:12月11日18:00 对象:3号楼居民群
            """,
        )
        # said once a month: a second run (a restart, the next day) sends nothing
        later = datetime(2026, 12, 2, 9, 30, tzinfo=ZONE)
        assert not consultation_jobs.send_top_problems(sim.core.factory, sim.core.community, later)


class TestConsultation:
    @pytest.mark.timeout(120)
    def test_a_consultation_from_opening_through_votes_to_result_and_decision(
        self, sim: Simulator
    ) -> None:
        verify_dialog(
            sim,
            """
            # residents cannot open one
            3号楼居民群 | 张阿姨 | 议事 楼道堆物 选项:清理/不管 截止:12月10日18:00 对象:3号楼居民群
            -> 3号楼居民群: @张阿姨 抱歉，议事由社区和网格的工作人员发起和公布结果。您可以在群里投票或反映问题。
            第一网格党支部群 | 李网格长 | 议事 楼道堆物 选项：清理并设专用区/每周集中清运/维持现状 截止：12月3日18:00 对象：3号楼居民群；2号楼居民群
            -> 第一网格党支部群: @李网格长 已发起议事 #Y1：楼道堆物 / 选项：1. 清理并设专用区 / 2. 每周集中清运 / 3. 维持现状 / 截止：12月3日（周四）18:00 / 对象：3号楼居民群、2号楼居民群，已发到群里。 截止后自动公布结果，决定请回复“议事结果 #Y1 决定的内容”。
            -> 3号楼居民群: 【一事一议 #Y1】楼道堆物 / 请大家投票：1. 清理并设专用区 / 2. 每周集中清运 / 3. 维持现状 / 回复“投票 数字”即可，例如“投票 1”；改主意再投一次即可，以最后一次为准。 / 截止：12月3日（周四）18:00，截止后公布结果。
            -> 2号楼居民群: 【一事一议 #Y1】楼道堆物 / 请大家投票：1. 清理并设专用区 / 2. 每周集中清运 / 3. 维持现状 / 回复“投票 数字”即可，例如“投票 1”；改主意再投一次即可，以最后一次为准。 / 截止：12月3日（周四）18:00，截止后公布结果。
            3号楼居民群 | 张阿姨 | 投票 1
            -> 3号楼居民群: @张阿姨 已记录您对议事 #Y1 的投票：1. 清理并设专用区。
            3号楼居民群 | 张阿姨 | 我选2
            -> 3号楼居民群: @张阿姨 已把您对议事 #Y1 的投票由 1. 清理并设专用区 改为 2. 每周集中清运，以这次为准。
            3号楼居民群 | 张阿姨 | 投票结果
            -> 3号楼居民群: @张阿姨 议事 #Y1 正在投票，您投的是 2. 每周集中清运。票数在12月3日（周四）18:00截止后公布。
            2号楼居民群 | 李大爷 | 投票1
            -> 2号楼居民群: @李大爷 已记录您对议事 #Y1 的投票：1. 清理并设专用区。
            3号楼居民群 | 王叔 | 投票 5
            -> 3号楼居民群: @王叔 议事 #Y1 没有第5项，请回复 1 到 3 之间的数字：1. 清理并设专用区 / 2. 每周集中清运 / 3. 维持现状
            3号楼居民群 | 王叔 | 投票 ２
            -> 3号楼居民群: @王叔 已记录您对议事 #Y1 的投票：2. 每周集中清运。
            4号楼居民群 | 赵姐 | #Y1 投票 1
            -> 4号楼居民群: @赵姐 抱歉，议事 #Y1 是请3号楼居民群、2号楼居民群的居民投票的，这个群的投票不计入。
            # a second consultation for 3号楼: a vote must then say which
            3号楼党小组 | 刘志强 | 议事 电动车充电 选项:建充电桩、统一停放 截止:12月2日20:00 对象:3号楼居民群
            -> 3号楼党小组: @刘志强 已发起议事 #Y2：电动车充电 / 选项：1. 建充电桩 / 2. 统一停放 / 截止：12月2日（周三）20:00 / 对象：3号楼居民群，已发到群里。 截止后自动公布结果，决定请回复“议事结果 #Y2 决定的内容”。
            -> 3号楼居民群: 【一事一议 #Y2】电动车充电 / 请大家投票：1. 建充电桩 / 2. 统一停放 / 回复“投票 数字”即可，例如“投票 1”；改主意再投一次即可，以最后一次为准。 / 截止：12月2日（周三）20:00，截止后公布结果。
            3号楼居民群 | 孙伯 | 投票 1
            -> 3号楼居民群: @孙伯 现在有2个议事在投票：#Y1 楼道堆物；#Y2 电动车充电。请注明编号，例如“#Y1 投票 1”。
            3号楼居民群 | 孙伯 | #Y2 投票 2
            -> 3号楼居民群: @孙伯 已记录您对议事 #Y2 的投票：2. 统一停放。
            3号楼居民群 | 孙伯 | #Y1 投票 3
            -> 3号楼居民群: @孙伯 已记录您对议事 #Y1 的投票：3. 维持现状。
            # staff cannot decide before the result
            第一网格党支部群 | 李网格长 | 议事结果 #Y1 先清理
            -> 第一网格党支部群: @李网格长 议事 #Y1 的投票12月3日（周四）18:00才截止，截止公布结果后再公布决定。
            @clock 2026-12-02 20:00
            -> 3号楼居民群: 【议事结果 #Y2】电动车充电 / 1. 建充电桩：0票 / 2. 统一停放：1票 / 共1人投票，得票最多：统一停放。 / 谢谢大家参与！社区将据此研究决定并在群里公布。
            @clock 2026-12-03 18:00
            -> 3号楼居民群: 【议事结果 #Y1】楼道堆物 / 1. 清理并设专用区：1票 / 2. 每周集中清运：2票 / 3. 维持现状：1票 / 共4人投票，得票最多：每周集中清运。 / 谢谢大家参与！社区将据此研究决定并在群里公布。
            -> 2号楼居民群: 【议事结果 #Y1】楼道堆物 / 1. 清理并设专用区：1票 / 2. 每周集中清运：2票 / 3. 维持现状：1票 / 共4人投票，得票最多：每周集中清运。 / 谢谢大家参与！社区将据此研究决定并在群里公布。
            3号楼居民群 | 钱奶奶 | 投票 1
            -> 3号楼居民群: @钱奶奶 抱歉，议事 #Y1 的投票已于12月3日（周四）18:00截止，这次投票没有计入。
            第一网格党支部群 | 李网格长 | 议事结果 #Y1 采纳“每周集中清运”，物业每周六上午清运，12月起执行
            -> 第一网格党支部群: @李网格长 已公布议事 #Y1 的决定，已发到3号楼居民群、2号楼居民群。
            -> 3号楼居民群: 【议事决定 #Y1】楼道堆物：采纳“每周集中清运”，物业每周六上午清运，12月起执行 / 感谢大家参与议事。
            -> 2号楼居民群: 【议事决定 #Y1】楼道堆物：采纳“每周集中清运”，物业每周六上午清运，12月起执行 / 感谢大家参与议事。
            3号楼居民群 | 张阿姨 | 议事结果 #Y1 我觉得不行
            -> 3号楼居民群: @张阿姨 抱歉，议事由社区和网格的工作人员发起和公布结果。您可以在群里投票或反映问题。
            """,
        )
        with sim.core.factory() as session:
            decided = flows.decided_between(
                session, datetime(2026, 12, 1, tzinfo=UTC), datetime(2026, 12, 8, tzinfo=UTC)
            )
            assert [(c.id, c.decision) for c in decided] == [
                (1, "采纳“每周集中清运”，物业每周六上午清运，12月起执行")
            ]
            actions = [
                e.action for e in session.query(StaffAuditEntry).order_by(StaffAuditEntry.id)
            ]
        assert actions.count("consultation_opened") == 2
        assert "consultation_closed" in actions
        assert "consultation_decided" in actions
        # The Saturday 回音壁 repeats the decision to the groups that voted.
        said = asyncio.run(sim.advance_to(datetime(2026, 12, 5, 10, 5, tzinfo=ZONE)))
        wall = [m.text for m in said if m.room_id == "2号楼居民群" and "回音壁" in m.text]
        assert wall and "#Y1 楼道堆物：采纳“每周集中清运”" in wall[0], said


@pytest.mark.timeout(120)
def test_a_result_missed_while_no_scheduler_ran_is_published_when_one_starts(core: Core) -> None:
    opened = Simulator(core, FakeClock(datetime(2026, 12, 1, 9, 0, tzinfo=ZONE)))
    try:
        asyncio.run(
            opened.say(
                "第一网格党支部群",
                "李网格长",
                "议事 楼道堆物 选项:清理/保留 截止:12月1日18:00 对象:3号楼居民群",
            )
        )
        asyncio.run(opened.say("3号楼居民群", "张阿姨", "投票 1"))
        scheduling = active()
        assert scheduling is not None
        scheduling.remove(consultation_jobs.close_job(1))  # as if opened on a standby
    finally:
        opened.close()
    restarted = Simulator(core, FakeClock(datetime(2026, 12, 1, 19, 0, tzinfo=ZONE)))
    try:
        said = [m.rendered() for m in asyncio.run(restarted.deliver())]
    finally:
        restarted.close()
    assert said == [
        "【议事结果 #Y1】楼道堆物 / 1. 清理：1票 / 2. 保留：0票 / 共1人投票，得票最多：清理。"
        " / 谢谢大家参与！社区将据此研究决定并在群里公布。"
    ]
