"""The points ledger and the members' chat commands: awards happen once whatever is repeated,
totals are the sum of the rows, refusals change nothing, and the bulletin goes out once."""

from __future__ import annotations

import random
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.handlers import members as member_handlers
from bot.simulator import Simulator
from service.actors import Actor
from service.bootstrap import Core, open_core
from service.community import ConfigError
from service.db import transaction
from service.members import jobs, messages, points, registration
from service.members.models import MemberRegistration, PointsEntry
from service.models import OutboxMessage
from service.settings import Settings
from tests.dialog import verify_dialog
from tests.sample_config import CONFIG, file_to_change

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _ledger(core: Core) -> list[tuple[str, int, str]]:
    with core.factory() as session:
        rows = session.execute(
            select(PointsEntry.member_name, PointsEntry.points, PointsEntry.source_key).order_by(
                PointsEntry.id
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_every_member_word_of_the_table_has_a_handler(core: Core) -> None:
    assert set(core.community.words.members) == set(member_handlers.VERB_HANDLERS)


def test_registered_member_signed_in_twice_and_jobs_run_twice_earns_points_once(
    sim: Simulator,
) -> None:
    # 赵六 is on no list: he comes in by 报到 alone, and is known to 签到 and 我的积分 after approval.
    verify_dialog(
        sim,
        """
        3号楼居民群 | 赵六 | 报到 赵六 区税务局 3号楼1单元202
        -> 3号楼居民群: @赵六 赵六同志，您的报到申请已收到（区税务局，3号楼1单元202），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】赵六，工作单位：区税务局，住址：3号楼1单元202。同意请回复“批准 赵六”，不同意请回复“驳回 赵六 原因”。
        3号楼居民群 | 赵六 | 我的积分
        -> 3号楼居民群: @赵六 赵六您好，还没有查到您的党员报到记录。在职党员请先报到：报到 姓名 工作单位 住址。
        社区党委工作群 | 王书记 | 批准 赵六
        -> 社区党委工作群: @王书记 已批准 赵六 报到，已告知本人。
        -> 3号楼居民群: @赵六 赵六同志，您的报到已通过，欢迎加入3号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 3号楼党小组: 欢迎赵六同志（区税务局）报到，加入本党小组。
        @clock 2026-12-03 21:05
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：明天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        -> dm:刘志强: 【报名汇总】3号楼党小组会 #E1，今天 12月3日（周四）19:30 / 已报名（0）：无 / 请假（0）：无 / 未回复（2）：刘志强、赵六（已提醒） / 活动结束后请回复“签到 #E1 姓名”或“签到 #E1 全部”记录出勤。
        -> 3号楼党小组: @刘志强 @赵六 3号楼党小组会 #E1 将于今天 12月3日（周四）19:30开始，还没收到您的回复。参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：今天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        3号楼党小组 | 刘志强 | 签到 #E1 赵六 刘志强
        -> 3号楼党小组: @刘志强 已记录 3号楼党小组会 #E1 出勤2人：赵六、刘志强。
        3号楼党小组 | 刘志强 | 签到 #E1 赵六
        -> 3号楼党小组: @刘志强 已记录 3号楼党小组会 #E1 出勤2人：赵六、刘志强。
        3号楼居民群 | 赵六 | 我的积分
        -> 3号楼居民群: @赵六 赵六同志，您本月积分 2 分，今年累计 2 分。 / 最近记录： / 12月03日 参加会议：3号楼党小组会 #E1 +2分
        """,
    )
    before = _ledger(sim.core)
    now = sim.clock.now()
    for _ in range(2):
        with transaction(sim.core.factory) as session:
            points.settle_events(session, sim.core.community, now.replace(day=20))
    settled = _ledger(sim.core)
    assert settled[: len(before)] == before  # nothing changed in place
    assert sorted(settled) == sorted(set(settled))
    assert ("赵六", 2, "event:1:attended:赵六") in settled
    assert [r for r in settled if r[0] == "赵六"] == [("赵六", 2, "event:1:attended:赵六")]


def test_a_member_signed_in_after_being_counted_absent_gets_the_deduction_back(
    sim: Simulator,
) -> None:
    # 刘志强 leads 3号楼党小组, so its meetings expect him; 李网格长 and 王书记 sit in several
    # party groups and count for none of them. Absence is counted the night after next.
    verify_dialog(
        sim,
        """
        3号楼党小组 | 王书记 | 通知 12月2日19:30 党小组会 对象:3号楼党小组
        -> 3号楼党小组: @王书记 已发布活动 #E30：党小组会 / 时间：12月2日（周三）19:30，约90分钟 / 地点：未填写 / 对象：3号楼党小组 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E30”，改期请回复“改期 #E30 月日 时:分”。
        @clock 2026-12-02 21:00
        -> 3号楼党小组: 【活动提醒】党小组会 #E30 / 时间：明天 12月2日（周三）19:30 / 地点：另行通知 / 参加请回复“报名 #E30”，不能参加请回复“请假 #E30 原因”。
        -> dm:王书记: 【报名汇总】党小组会 #E30，今天 12月2日（周三）19:30 / 已报名（0）：无 / 请假（0）：无 / 未回复（1）：刘志强（已提醒） / 活动结束后请回复“签到 #E30 姓名”或“签到 #E30 全部”记录出勤。
        -> 3号楼党小组: @刘志强 党小组会 #E30 将于今天 12月2日（周三）19:30开始，还没收到您的回复。参加请回复“报名 #E30”，不能参加请回复“请假 #E30 原因”。
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：明天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        -> 3号楼党小组: 【活动提醒】党小组会 #E30 / 时间：今天 12月2日（周三）19:30 / 地点：另行通知 / 参加请回复“报名 #E30”，不能参加请回复“请假 #E30 原因”。
        3号楼党小组 | 王书记 | 签到 #E30 李网格长
        -> 3号楼党小组: @王书记 已记录 党小组会 #E30 出勤1人：李网格长。
        @clock 2026-12-04 08:00
        -> dm:刘志强: 【报名汇总】3号楼党小组会 #E1，今天 12月3日（周四）19:30 / 已报名（0）：无 / 请假（0）：无 / 未回复（1）：刘志强（已提醒） / 活动结束后请回复“签到 #E1 姓名”或“签到 #E1 全部”记录出勤。
        -> 3号楼党小组: @刘志强 3号楼党小组会 #E1 将于今天 12月3日（周四）19:30开始，还没收到您的回复。参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：今天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        3号楼党小组 | 刘志强 | 我的积分
        -> 3号楼党小组: @刘志强 刘志强同志，您本月积分 -1 分，今年累计 -1 分。 / 最近记录： / 12月02日 无故缺席：党小组会 #E30 -1分
        3号楼党小组 | 王书记 | 签到 #E30 刘志强
        -> 3号楼党小组: @王书记 已记录 党小组会 #E30 出勤2人：李网格长、刘志强。
        3号楼党小组 | 刘志强 | 我的积分
        -> 3号楼党小组: @刘志强 刘志强同志，您本月积分 2 分，今年累计 2 分。 / 最近记录： / 12月02日 补记出勤，退回缺席扣分：党小组会 #E30 +1分 / 12月02日 参加会议：党小组会 #E30 +2分 / 12月02日 无故缺席：党小组会 #E30 -1分
        """,
    )
    mine = [r for r in _ledger(sim.core) if r[0] == "刘志强"]
    assert mine == [
        ("刘志强", -1, "event:30:absent:刘志强"),
        ("刘志强", 2, "event:30:attended:刘志强"),
        ("刘志强", 1, "event:30:absent-undone:刘志强"),
    ]
    with sim.core.factory() as session:
        assert points.total(session, "刘志强") == sum(r[1] for r in mine) == 2


def test_refusals_are_polite_and_change_nothing(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 赵六 | 报到 赵六
        -> 3号楼居民群: @赵六 报到请写：报到 姓名 工作单位 住址，例如：报到 张三 市供电公司 3号楼2单元501
        3号楼居民群 | 赵六 | 报到 赵六 区税务局 隔壁小区5号院
        -> 3号楼居民群: @赵六 住址“隔壁小区5号院”不在幸福里社区，请写本社区的楼号，例如：3号楼2单元501。如果住在其他社区，请到居住地社区报到。
        3号楼居民群 | 张阿姨 | 积分调整 刘志强 +5 帮忙
        -> 3号楼居民群: @张阿姨 抱歉，只有该党员所在党小组及上级的工作人员可以调整积分。
        物业服务中心群 | 钱经理 | 积分调整 刘志强 +5 帮忙
        -> 物业服务中心群: @钱经理 抱歉，只有该党员所在党小组及上级的工作人员可以调整积分。
        第一网格党支部群 | 李网格长 | 积分调整 不认识 +5 帮忙
        -> 第一网格党支部群: @李网格长 没有找到党员“不认识”，请核对姓名（报到通过或在名单上的党员才有积分）。
        第一网格党支部群 | 李网格长 | 积分调整 刘志强 +5
        -> 第一网格党支部群: @李网格长 请写：积分调整 姓名 +2 原因（扣分写 -1），原因不能省略。
        第一网格党支部群 | 李网格长 | 积分调整 刘志强 +500 帮忙
        -> 第一网格党支部群: @李网格长 每次调整最多10分，请写1到10之间的整数，扣分前面加“-”。
        3号楼居民群 | 赵六 | 报到 赵六 区税务局 3号楼1单元202
        -> 3号楼居民群: @赵六 赵六同志，您的报到申请已收到（区税务局，3号楼1单元202），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】赵六，工作单位：区税务局，住址：3号楼1单元202。同意请回复“批准 赵六”，不同意请回复“驳回 赵六 原因”。
        第二网格党支部群 | 赵网格长 | 批准 赵六
        -> 第二网格党支部群: @赵网格长 抱歉，只有第一网格党支部群及社区的工作人员可以审核报到申请。
        第一网格党支部群 | 李网格长 | 驳回 赵六
        -> 第一网格党支部群: @李网格长 驳回请写明原因，例如：驳回 赵六 住址不在本社区
        第一网格党支部群 | 李网格长 | 驳回 赵六 不是本楼住户
        -> 第一网格党支部群: @李网格长 已驳回 赵六 的报到申请（不是本楼住户），已告知本人。
        -> 3号楼居民群: @赵六 赵六同志，您的报到申请未通过：不是本楼住户。如有疑问请联系网格工作人员，修改后可以重新报到。
        第一网格党支部群 | 李网格长 | 批准 赵六
        -> 第一网格党支部群: @李网格长 赵六的报到申请已经驳回过了（李网格长），无需重复操作。
        3号楼居民群 | 赵六 | 报到 赵六 区税务局 3号楼1单元201
        -> 3号楼居民群: @赵六 赵六同志，您的报到申请已收到（区税务局，3号楼1单元201），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】赵六，工作单位：区税务局，住址：3号楼1单元201。同意请回复“批准 赵六”，不同意请回复“驳回 赵六 原因”。
        第一网格党支部群 | 李网格长 | 批准 赵六
        -> 第一网格党支部群: @李网格长 已批准 赵六 报到，已告知本人。
        -> 3号楼居民群: @赵六 赵六同志，您的报到已通过，欢迎加入3号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 3号楼党小组: 欢迎赵六同志（区税务局）报到，加入本党小组。
        """,
    )
    assert _ledger(sim.core) == []
    with sim.core.factory() as session:
        states = session.execute(
            select(MemberRegistration.state, MemberRegistration.reason).order_by(
                MemberRegistration.id
            )
        ).all()
    assert [tuple(s) for s in states] == [("rejected", "不是本楼住户"), ("approved", None)]


def test_ledger_totals_always_equal_the_sum_of_their_rows(core: Core) -> None:
    community = core.community
    staff = Actor("李网格长", "李网格长", community.person("李网格长"))
    names = ["刘志强", "陈桂兰", "张建国"]
    rng = random.Random(14)
    day = datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)
    seen: list[tuple[int, str, int]] = []
    for step in range(60):
        with transaction(core.factory) as session:
            name = rng.choice(names)
            change = rng.choice([-3, -1, 1, 2, 5])
            points.adjust(session, community, staff, name, change, f"第{step}次调整", day)
        with core.factory() as session:
            rows = session.execute(
                select(PointsEntry.id, PointsEntry.member_name, PointsEntry.points)
            ).all()
            assert [tuple(r) for r in rows][: len(seen)] == seen  # earlier rows never change
            seen = [tuple(r) for r in rows]  # type: ignore[misc]
            for member in names:
                assert points.total(session, member) == sum(p for _, n, p in seen if n == member)
            ranked = dict(points.ranking(session, core.community, day, day.replace(year=2027)))
            assert sum(ranked.values()) == sum(p for _, _, p in seen)


def test_the_bulletin_goes_out_once_on_the_first_working_day_only(sim: Simulator) -> None:
    community = sim.core.community
    staff = Actor("李网格长", "李网格长", community.person("李网格长"))
    with transaction(sim.core.factory) as session:
        day = datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)
        points.adjust(session, community, staff, "刘志强", 3, "组织义诊", day)
    assert (
        jobs.send_bulletins(sim.core.factory, community, datetime(2026, 12, 31, 9, tzinfo=SHANGHAI))
        == 0
    )
    # 2027-01-01 is 元旦 and the 2nd and 3rd a weekend: Monday the 4th is the first working day.
    assert (
        jobs.send_bulletins(sim.core.factory, community, datetime(2027, 1, 1, 9, tzinfo=SHANGHAI))
        == 0
    )
    first = datetime(2027, 1, 4, 9, tzinfo=SHANGHAI)
    assert jobs.send_bulletins(sim.core.factory, community, first) == 2
    assert jobs.send_bulletins(sim.core.factory, community, first) == 0
    with sim.core.factory() as session:
        texts = list(
            session.scalars(
                select(OutboxMessage.text)
                .where(OutboxMessage.group_name == "社区党委工作群")
                .order_by(OutboxMessage.id)  # in the order sent (PostgreSQL keeps no other)
            )
        )
        assert session.scalar(select(func.count(PointsEntry.id))) == 1
    bulletin, ranking = texts
    assert bulletin.splitlines() == [
        "【幸福里社区2026年12月工作通报】",
        "一、诉求办理：受理 0 件，办结 0 件。",
        "　第一网格：受理 0 件，响应率 —，解决率 —，满意率 —",
        "　第二网格：受理 0 件，响应率 —，解决率 —，满意率 —",
        "二、党员积分前1名：1. 刘志强 3分。",
        "三、最活跃的楼栋党小组：3号楼党小组 3分。",
        "四、组织生活：本月没有记录出勤的会议。",  # meetings without attendance are not counted
        "感谢各位党员的辛勤付出！",
    ]
    assert ranking.splitlines()[:5] == [
        "【幸福里社区2026年第四季度党员积分评比】",
        "党员积分排名：",
        "1. 刘志强 3分",
        "楼栋党小组排名：",
        "1. 3号楼党小组 3分（1名党员）",
    ]


def test_a_broken_points_table_is_refused_at_start(tmp_path: Path) -> None:
    config = tmp_path / "config"
    shutil.copytree(CONFIG, config)
    table = (file_to_change(config, "points.yaml")).read_text(encoding="utf-8")
    (file_to_change(config, "points.yaml")).write_text(
        table.replace("meeting_absent: {points: -1", "meeting_absnt: {points: -1").replace(
            "志愿服务队长: [爱心帮扶]", "志愿服务队长: [义诊]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        open_core(Settings(config_dir=config), database_url=f"sqlite:///{tmp_path / 'x.db'}")
    assert "points.yaml" in str(info.value) and "meeting_absnt" in str(info.value)


def test_a_member_who_registered_privately_is_answered_privately(core: Core) -> None:
    community = core.community
    now = datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)
    member = Actor("wxid_zhao6", "赵六")
    grid_head = Actor("李网格长", "李网格长", community.person("李网格长"))
    with transaction(core.factory) as session:
        outcome = registration.register(
            session, community, member, "dm:wxid_zhao6", "赵六", "区税务局", "3号楼1单元202", now
        )
        _, told = messages.registration_notices(outcome)
        assert [(n.group, n.room_id) for n in told] == [("第一网格党支部群", None)]
        decided = registration.decide(session, community, grid_head, "赵六", True, "", now)
        _, told = messages.registration_notices(decided)
        assert [(n.group, n.room_id, n.mentions) for n in told] == [
            (None, "dm:wxid_zhao6", ()),  # privately, no @
            ("3号楼党小组", None, ()),
        ]
        assert registration.member_name_of(session, community, member) == "赵六"
