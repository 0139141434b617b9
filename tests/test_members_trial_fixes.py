"""What the first outside trial of the members slice found (trial members1): registrations with
a space in the name, traditional characters, an address in another estate, approved members
doing ticket work, residents and organisers in the points, sign-up by an event's name, and the
bulletin's meeting count. Each story uses its own sentences."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from sqlalchemy import select

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.events.models import Event
from service.members import bulletin, points
from service.members.models import PointsEntry
from service.settings import Settings
from service.tickets import jobs as ticket_jobs
from tests.dialog import verify_dialog
from tests.sample_config import CONFIG, file_to_change
from tests.web_support import make_web

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The sample community with only the market series, so a month of clock stays short."""
    config = tmp_path / "config"
    shutil.copytree(CONFIG, config)
    events = yaml.safe_load((file_to_change(config, "events.yaml")).read_text(encoding="utf-8"))
    events["series"] = [s for s in events["series"] if s["id"] == "service-market"]
    (file_to_change(config, "events.yaml")).write_text(
        yaml.safe_dump(events, allow_unicode=True), encoding="utf-8"
    )
    return Settings(config_dir=config)


@pytest.fixture
def sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    monkeypatch.setattr(ticket_jobs, "SWEEP_EVERY", timedelta(hours=1))
    simulator = Simulator(core, clock)
    yield simulator
    simulator.close()


def _rows(sim: Simulator, member: str) -> list[tuple[str, int]]:
    with sim.core.factory() as session:
        stmt = select(PointsEntry.rule, PointsEntry.points).where(PointsEntry.member_name == member)
        return [(r.rule, r.points) for r in session.execute(stmt.order_by(PointsEntry.id))]


def test_a_name_written_with_a_space_is_read_whole_and_a_pending_registrant_can_withdraw(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        2号楼居民群 | 老吴 | 报到 吴 磊 市自来水公司 2号楼1单元302
        -> 2号楼居民群: @老吴 吴磊同志，您的报到申请已收到（市自来水公司，2号楼1单元302），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】吴磊，工作单位：市自来水公司，住址：2号楼1单元302。同意请回复“批准 吴磊”，不同意请回复“驳回 吴磊 原因”。
        # two words of two characters: family name or work unit? The bot asks.
        2号楼居民群 | 欧阳 | 报到 欧阳 娜娜 区法院 2号楼2单元201
        -> 2号楼居民群: @欧阳 没看清您的姓名，请把姓名连在一起写（2到4个字），例如：报到 张三 市供电公司 3号楼2单元501。也可以这样写：姓名：张三 单位：市供电公司 住址：3号楼2单元501
        2号楼居民群 | 老吴 | 报到 吴磊 市水务集团 2号楼1单元302
        -> 2号楼居民群: @老吴 吴磊同志的报到申请（市自来水公司，2号楼1单元302）正在审核中，无需重复报到。如需修改，请先回复“撤销报到”，再重新报到。
        2号楼居民群 | 老吴 | 撤销报到
        -> 2号楼居民群: @老吴 已撤销您的报到申请（吴磊，市自来水公司，2号楼1单元302）。需要时请重新报到：报到 姓名 工作单位 住址。
        -> 第一网格党支部群: 【党员报到】吴磊已撤销报到申请，无需审核。
        2号楼居民群 | 老吴 | 撤销报到
        -> 2号楼居民群: @老吴 没有查到您待审核的报到申请，无需撤销。
        2号楼居民群 | 老吴 | 报到 吴磊 市水务集团 2号楼1单元302
        -> 2号楼居民群: @老吴 吴磊同志，您的报到申请已收到（市水务集团，2号楼1单元302），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】吴磊，工作单位：市水务集团，住址：2号楼1单元302。同意请回复“批准 吴磊”，不同意请回复“驳回 吴磊 原因”。
        # the staff member's full-width punctuation reaches him as written; the @ is his WeChat name
        第一网格党支部群 | 李网格长 | 驳回 吴磊 单位请写全称，例如：市水务集团有限公司
        -> 第一网格党支部群: @李网格长 已驳回 吴磊 的报到申请（单位请写全称，例如：市水务集团有限公司），已告知本人。
        -> 2号楼居民群: @老吴 吴磊同志，您的报到申请未通过：单位请写全称，例如：市水务集团有限公司。如有疑问请联系网格工作人员，修改后可以重新报到。
        """,
    )


def test_traditional_characters_and_everyday_phrasings_are_understood(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        1号楼居民群 | 许娟 | 報到 許娟 區醫院 １號樓２單元２０１
        -> 1号楼居民群: @许娟 许娟同志，您的报到申请已收到（区医院，1号楼2单元201），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】许娟，工作单位：区医院，住址：1号楼2单元201。同意请回复“批准 许娟”，不同意请回复“驳回 许娟 原因”。
        第一网格党支部群 | 李网格长 | 批准 许娟
        -> 第一网格党支部群: @李网格长 已批准 许娟 报到，已告知本人。
        -> 1号楼居民群: @许娟 许娟同志，您的报到已通过，欢迎加入1号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 1号楼党小组: 欢迎许娟同志（区医院）报到，加入本党小组。
        1号楼居民群 | 许娟 | 查一下我的積分
        -> 1号楼居民群: @许娟 许娟同志，您本月积分 0 分，今年累计 0 分。 / 还没有积分记录。参加活动、办理工单都会记入积分。
        1号楼居民群 | 许娟 | 我的积分是多少？
        -> 1号楼居民群: @许娟 许娟同志，您本月积分 0 分，今年累计 0 分。 / 还没有积分记录。参加活动、办理工单都会记入积分。
        """,
    )


def test_an_address_in_another_estate_or_road_is_not_in_the_community(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        幸福里业主群 | 孙伟 | 报到 孙伟 市交警支队 春江花园2栋1单元301
        -> 幸福里业主群: @孙伟 住址“春江花园2栋1单元301”不在幸福里社区，请写本社区的楼号，例如：3号楼2单元501。如果住在其他社区，请到居住地社区报到。
        幸福里业主群 | 孙伟 | 报到 孙伟 市交警支队 锦绣路 3号楼101
        -> 幸福里业主群: @孙伟 住址“锦绣路3号楼101”不在幸福里社区，请写本社区的楼号，例如：3号楼2单元501。如果住在其他社区，请到居住地社区报到。
        幸福里业主群 | 孙伟 | 报到 孙伟 市交警支队 幸福里3号楼1单元101
        -> 幸福里业主群: @孙伟 孙伟同志，您的报到申请已收到（市交警支队，幸福里3号楼1单元101），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】孙伟，工作单位：市交警支队，住址：幸福里3号楼1单元101。同意请回复“批准 孙伟”，不同意请回复“驳回 孙伟 原因”。
        """,
    )


def test_an_approved_member_handles_tickets_of_their_building_and_earns_the_points(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 小周 | 报到 周明 市电力设计院 3号楼1单元102
        -> 3号楼居民群: @小周 周明同志，您的报到申请已收到（市电力设计院，3号楼1单元102），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】周明，工作单位：市电力设计院，住址：3号楼1单元102。同意请回复“批准 周明”，不同意请回复“驳回 周明 原因”。
        第一网格党支部群 | 李网格长 | 批准 周明
        -> 第一网格党支部群: @李网格长 已批准 周明 报到，已告知本人。
        -> 3号楼居民群: @小周 周明同志，您的报到已通过，欢迎加入3号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 3号楼党小组: 欢迎周明同志（市电力设计院）报到，加入本党小组。
        3号楼居民群 | 王奶奶 | 3号楼1单元楼梯扶手松了
        -> 3号楼居民群: @王奶奶 已收到您反映的问题（工单 #1：楼梯扶手松了，3号楼1单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·公共设施 / 地点：3号楼1单元 / 居民原话：3号楼1单元楼梯扶手松了 / 反映人：王奶奶（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 小周 | #1 接单
        -> 3号楼党小组: 工单 #1 已由小周接单。
        -> 3号楼居民群: @王奶奶 您反映的问题（工单 #1）已有工作人员接单，小周正在处理。
        3号楼党小组 | 小周 | #1 已处理 拧紧了螺丝
        -> 3号楼党小组: 工单 #1 已办结（小周）：拧紧了螺丝
        -> 3号楼居民群: @王奶奶 您反映的问题（工单 #1：楼梯扶手松了）已处理：拧紧了螺丝。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 王奶奶 | 满意
        -> 3号楼居民群: @王奶奶 感谢您的评价！工单 #1 已完结。
        -> 3号楼党小组: 工单 #1 居民评价：满意，已完结。
        1号楼居民群 | 赵大爷 | 1号楼2单元楼道灯不亮了
        -> 1号楼居民群: @赵大爷 已收到您反映的问题（工单 #2：楼道灯不亮了，1号楼2单元），已转1号楼党小组处理。
        -> 1号楼党小组: 【新工单 #2】维修维护·照明 / 地点：1号楼2单元 / 居民原话：1号楼2单元楼道灯不亮了 / 反映人：赵大爷（1号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        1号楼居民群 | 小周 | #2 接单
        -> 1号楼居民群: @小周 抱歉，只有1号楼党小组及上级的工作人员可以处理工单 #2。
        3号楼居民群 | 小周 | 我的积分
        -> 3号楼居民群: @小周 周明同志，您本月积分 3 分，今年累计 3 分。 / 最近记录： / 12月01日 居民评价满意：工单 #1 +1分 / 12月01日 办结工单：工单 #1 +2分
        """,
    )
    assert _rows(sim, "周明") == [("ticket_resolved", 2), ("ticket_satisfied", 1)]
    assert _rows(sim, "小周") == []


def _event_id(sim: Simulator, title: str, day: int) -> int:
    with sim.core.factory() as session:
        found = session.scalars(select(Event).where(Event.title == title).order_by(Event.id))
        return next(e.id for e in found if e.starts_at.astimezone(ZONE).day == day)


@pytest.mark.timeout(300)
def test_points_are_for_members_the_organiser_is_not_absent_and_members_are_reminded(
    sim: Simulator,
) -> None:
    market = _event_id(sim, "便民服务集市志愿服务", 14)
    assert market == 1
    verify_dialog(
        sim,
        """
        3号楼居民群 | 小周 | 报到 周明 市电力设计院 3号楼1单元102
        -> 3号楼居民群: @小周 周明同志，您的报到申请已收到（市电力设计院，3号楼1单元102），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】周明，工作单位：市电力设计院，住址：3号楼1单元102。同意请回复“批准 周明”，不同意请回复“驳回 周明 原因”。
        第一网格党支部群 | 李网格长 | 批准 周明
        -> 第一网格党支部群: @李网格长 已批准 周明 报到，已告知本人。
        -> 3号楼居民群: @小周 周明同志，您的报到已通过，欢迎加入3号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 3号楼党小组: 欢迎周明同志（市电力设计院）报到，加入本党小组。
        3号楼党小组 | 刘志强 | 通知 12月3日19:30 党小组会 对象:3号楼党小组
        -> 3号楼党小组: @刘志强 已发布活动 #E5：党小组会 / 时间：12月3日（周四）19:30，约90分钟 / 地点：未填写 / 对象：3号楼党小组 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E5”，改期请回复“改期 #E5 月日 时:分”。
        3号楼居民群 | 小林 | 报到 林涛 区图书馆 3号楼2单元402
        -> 3号楼居民群: @小林 林涛同志，您的报到申请已收到（区图书馆，3号楼2单元402），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】林涛，工作单位：区图书馆，住址：3号楼2单元402。同意请回复“批准 林涛”，不同意请回复“驳回 林涛 原因”。
        第一网格党支部群 | 李网格长 | 批准 林涛
        -> 第一网格党支部群: @李网格长 已批准 林涛 报到，已告知本人。
        -> 3号楼居民群: @小林 林涛同志，您的报到已通过，欢迎加入3号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 3号楼党小组: 欢迎林涛同志（区图书馆）报到，加入本党小组。
        3号楼党小组 | 小林 | 请假 #E5 孩子发烧要去医院
        -> 3号楼党小组: @小林 已为您请假：党小组会 #E5（孩子发烧要去医院）。
        幸福里业主群 | 钱阿姨 | 报名 #E1
        -> 幸福里业主群: @钱阿姨 已为您报名：便民服务集市志愿服务 #E1，12月14日（周一）09:00。共6人，还剩5个。
        # the organiser's summary lists the approved member, and the nudge reaches him
        @clock 2026-12-03 21:00
        -> 3号楼党小组: 【活动提醒】党小组会 #E5 / 时间：明天 12月3日（周四）19:30 / 地点：另行通知 / 参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        -> dm:刘志强: 【报名汇总】党小组会 #E5，今天 12月3日（周四）19:30 / 已报名（0）：无 / 请假（1）：林涛（孩子发烧要去医院） / 未回复（2）：刘志强、周明（已提醒） / 活动结束后请回复“签到 #E5 姓名”或“签到 #E5 全部”记录出勤。
        -> 3号楼党小组: @刘志强 @小周 党小组会 #E5 将于今天 12月3日（周四）19:30开始，还没收到您的回复。参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        -> 3号楼党小组: 【活动提醒】党小组会 #E5 / 时间：今天 12月3日（周四）19:30 / 地点：另行通知 / 参加请回复“报名 #E5”，不能参加请回复“请假 #E5 原因”。
        3号楼党小组 | 刘志强 | 签到 #E5 李网格长
        -> 3号楼党小组: @刘志强 已记录 党小组会 #E5 出勤1人：李网格长。
        @clock 2026-12-14 13:00
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E1 / 时间：明天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E1”，已报名但去不了请回复“取消报名 #E1”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E1 / 时间：明天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E1”，已报名但去不了请回复“取消报名 #E1”。
        -> dm:王书记: 【报名汇总】便民服务集市志愿服务 #E1，今天 12月14日（周一）09:00 / 已报名（1）：钱阿姨 / 候补（0）：无 / 请假（0）：无 / 未回复（2）：王书记、刘值班（已提醒） / 活动结束后请回复“签到 #E1 姓名”或“签到 #E1 全部”记录出勤。
        -> 社区党委工作群: @王书记 @刘值班 便民服务集市志愿服务 #E1 将于今天 12月14日（周一）09:00开始，还没收到您的回复。报名请回复“报名 #E1”，已报名但去不了请回复“取消报名 #E1”。
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E1 / 时间：今天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E1”，已报名但去不了请回复“取消报名 #E1”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E1 / 时间：今天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E1”，已报名但去不了请回复“取消报名 #E1”。
        社区党委工作群 | 王书记 | 签到 #E1 钱阿姨 刘值班
        -> 社区党委工作群: @王书记 已记录 便民服务集市志愿服务 #E1 出勤2人：钱阿姨、刘值班。
        @clock 2026-12-20 10:00
        # one 积分调整 is capped (config/points.yaml max_adjustment)
        第一网格党支部群 | 李网格长 | 积分调整 周明 +50 表现突出
        -> 第一网格党支部群: @李网格长 每次调整最多10分，请写1到10之间的整数，扣分前面加“-”。
        3号楼居民群 | 小周 | 我的积分
        -> 3号楼居民群: @小周 周明同志，您本月积分 -1 分，今年累计 -1 分。 / 最近记录： / 12月03日 无故缺席：党小组会 #E5 -1分
        3号楼居民群 | 小林 | 我的积分
        -> 3号楼居民群: @小林 林涛同志，您本月积分 0 分，今年累计 0 分。 / 最近记录： / 12月03日 请假：党小组会 #E5 0分
        @clock 2027-01-05 10:00
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：明天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：明天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> dm:王书记: 【报名汇总】便民服务集市志愿服务 #E2，今天 12月28日（周一）09:00 / 已报名（0）：无 / 候补（0）：无 / 请假（0）：无 / 未回复（2）：王书记、刘值班（已提醒） / 活动结束后请回复“签到 #E2 姓名”或“签到 #E2 全部”记录出勤。
        -> 社区党委工作群: @王书记 @刘值班 便民服务集市志愿服务 #E2 将于今天 12月28日（周一）09:00开始，还没收到您的回复。报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：今天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：今天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> 社区党委工作群: 【幸福里社区2026年12月工作通报】 / 一、诉求办理：受理 0 件，办结 0 件。 / 　第一网格：受理 0 件，响应率 —，解决率 —，满意率 — / 　第二网格：受理 0 件，响应率 —，解决率 —，满意率 — / 二、党员积分前2名：1. 刘值班 3分；2. 李网格长 2分。 / 三、楼栋党小组：本月暂无积分记录。 / 四、组织生活：召开会议并记录出勤 1 次，应到 3 人次，实到 1 人次，出勤率 33%。 / 五、志愿服务：1 场，党员参加 1 人次。 / 感谢各位党员的辛勤付出！
        -> 社区党委工作群: 【幸福里社区2026年第四季度党员积分评比】 / 党员积分排名： / 1. 刘值班 3分 / 2. 李网格长 2分 / 向排名靠前的党员和党小组学习致敬！
        3号楼居民群 | 小周 | 我的积分
        -> 3号楼居民群: @小周 周明同志，您本月积分 0 分，今年累计 0 分。 / 最近记录： / 2026年12月03日 无故缺席：党小组会 #E5 -1分
        """,
    )
    assert _rows(sim, "刘志强") == []  # he ran the meeting and took attendance
    assert _rows(sim, "周明") == [("meeting_absent", -1)]
    assert _rows(sim, "林涛") == [("meeting_leave", 0)]
    assert _rows(sim, "钱阿姨") == []  # a resident: attendance, no points
    assert _rows(sim, "刘值班") == [("volunteer_attended", 3)]
    with sim.core.factory() as session:
        community = sim.core.community
        # a resident's row left in the ledger by the earlier version is never ranked
        session.add(
            PointsEntry(
                member_name="钱阿姨",
                points=3,
                rule="volunteer_attended",
                reason="参加志愿服务",
                source_kind="event",
                source_id=market,
                source_key="old:resident",
                at=datetime(2026, 12, 14, 9, tzinfo=ZONE),
                recorded_at=datetime(2026, 12, 14, 9, tzinfo=ZONE),
                recorded_by="系统",
            )
        )
        session.flush()
        now = sim.clock.now()
        monthly = bulletin.monthly(session, community, datetime(2026, 12, 1).date(), now, False)
        quarterly = bulletin.quarterly(session, community, datetime(2026, 12, 1).date(), now, False)
        assert monthly.top_members == quarterly.members == [("刘值班", 3), ("李网格长", 2)]
        assert quarterly.groups == []  # 3号楼党小组 is at -1: no negative score is published
        assert monthly.meetings == 1  # only the meeting whose attendance was taken
        start = datetime(2026, 12, 1, tzinfo=ZONE)
        assert "钱阿姨" not in dict(points.ranking(session, community, start, now))


def test_sign_up_by_an_events_name_always_gets_an_answer(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        幸福里业主群 | 钱阿姨 | 报名 便民集市
        -> 幸福里业主群: @钱阿姨 请问报名哪个活动？#E1 便民服务集市志愿服务（12月14日（周一）09:00）；#E2 便民服务集市志愿服务（12月28日（周一）09:00）。请回复“报名 #E编号”。
        幸福里业主群 | 孙大爷 | +1
        幸福里业主群 | 钱阿姨 | 报名 广场舞比赛
        -> 幸福里业主群: @钱阿姨 请问报名哪个活动？#E1 便民服务集市志愿服务（12月14日（周一）09:00）；#E2 便民服务集市志愿服务（12月28日（周一）09:00）。请回复“报名 #E编号”。
        3号楼居民群 | 钱阿姨 | 报名 便民集市
        -> 3号楼居民群: @钱阿姨 这里近期没有找到可以报名的这个活动。请回复“活动”查看近期活动，再回复“报名 #E编号”报名。
        """,
    )


@pytest.mark.timeout(300)
def test_points_page_offers_only_a_finished_months_bulletin_as_it_was_sent(
    sim: Simulator,
) -> None:
    async def run() -> None:
        await sim.say("3号楼居民群", "小周", "报到 周明 市电力设计院 3号楼1单元102")
        await sim.say("第一网格党支部群", "李网格长", "批准 周明")
        await sim.say("第一网格党支部群", "李网格长", "积分调整 周明 +2 帮邻居修水管")

    asyncio.run(run())
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    page = web.login("wang").get("/points?month=2026-12").text
    assert "这个月还没有结束" in page
    assert "可以直接转发" not in page
    assert "【幸福里社区2026年12月工作通报】" not in page
    asyncio.run(sim.advance_to(datetime(2027, 1, 5, 10, tzinfo=ZONE)))
    page = web.login("wang").get("/points").text  # the last finished month by default
    assert "下面是已发到社区党委工作群的原文，可以直接转发。" in page
    assert "【幸福里社区2026年12月工作通报】" in page
    assert "二、党员积分前1名：1. 周明 2分。" in page
