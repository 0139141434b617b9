"""Members end to end in the simulator (issue #14): 报到 and its approval, a month of meetings,
a volunteer shift and two tickets, the points ledger (我的积分) and the first-working-day bulletin
and ranking, with `@clock` moving time through the real job store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.events.models import Event
from service.members.models import MemberRegistration, PointsEntry
from service.settings import REPO_ROOT, Settings
from service.tickets import jobs as ticket_jobs
from tests.dialog import verify_dialog

KEEP_SERIES = ("party-group-3", "service-market")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The sample community with 张三 on the 3号楼党小组 list (as a spreadsheet import would put
    him) and only the two event series this story needs, so the month stays readable."""
    config = tmp_path / "config"
    shutil.copytree(REPO_ROOT / "config", config)
    community = yaml.safe_load((config / "community.yaml").read_text(encoding="utf-8"))
    community["people"].append({"name": "张三", "roles": []})
    for group in community["groups"]:
        if group["name"] == "3号楼党小组":
            group["members"].append("张三")
    (config / "community.yaml").write_text(
        yaml.safe_dump(community, allow_unicode=True), encoding="utf-8"
    )
    events = yaml.safe_load((config / "events.yaml").read_text(encoding="utf-8"))
    events["series"] = [s for s in events["series"] if s["id"] in KEEP_SERIES]
    (config / "events.yaml").write_text(
        yaml.safe_dump(events, allow_unicode=True), encoding="utf-8"
    )
    return Settings(config_dir=config)


@pytest.fixture
def sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    """Ticket time limits are not what these stories test: sweeping hourly instead of every
    ten minutes keeps a simulated month quick."""
    monkeypatch.setattr(ticket_jobs, "SWEEP_EVERY", timedelta(hours=1))
    simulator = Simulator(core, clock)
    yield simulator
    simulator.close()


def _event_id(sim: Simulator, title: str, day: int) -> int:
    with sim.core.factory() as session:
        found = session.scalars(select(Event).where(Event.title == title).order_by(Event.starts_at))
        return next(e.id for e in found if e.starts_at.day == day or e.starts_at.day == day - 1)


@pytest.mark.timeout(300)  # a simulated month: every ticket sweep runs at its own time
def test_member_registers_earns_points_for_a_month_and_appears_in_the_bulletin(
    sim: Simulator,
) -> None:
    # #E1 the party group meeting on the 3rd, #E2 the market on the 14th; #E8 and #E8 are
    # the two meetings announced in chat.
    assert _event_id(sim, "3号楼党小组会", 3) == 1
    assert _event_id(sim, "便民服务集市志愿服务", 14) == 2
    with sim.core.factory() as session:
        assert session.scalar(select(func.max(Event.id))) == 6
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张三 | 报到 张三 市供电公司 3号楼2单元501
        -> 3号楼居民群: @张三 张三同志，您的报到申请已收到（市供电公司，3号楼2单元501），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】张三，工作单位：市供电公司，住址：3号楼2单元501。同意请回复“批准 张三”，不同意请回复“驳回 张三 原因”。
        # bad input first: nothing changes
        3号楼居民群 | 张阿姨 | 批准 张三
        -> 3号楼居民群: @张阿姨 抱歉，只有第一网格党支部群及社区的工作人员可以审核报到申请。
        3号楼党小组 | 刘志强 | 批准 张三
        -> 3号楼党小组: @刘志强 抱歉，只有第一网格党支部群及社区的工作人员可以审核报到申请。
        第一网格党支部群 | 李网格长 | 批准 李四
        -> 第一网格党支部群: @李网格长 没有找到李四的报到申请，请核对姓名。
        3号楼居民群 | 张三 | 报到 张三 市供电公司 3号楼2单元501
        -> 3号楼居民群: @张三 张三同志的报到申请正在审核中，请耐心等待，无需重复报到。
        幸福里业主群 | 王五 | 报到 王五 区医院 9号楼1单元101
        -> 幸福里业主群: @王五 住址“9号楼1单元101”不在幸福里社区，请写本社区的楼号，例如：3号楼2单元501。如果住在其他社区，请到居住地社区报到。
        第一网格党支部群 | 李网格长 | 批准 张三
        -> 第一网格党支部群: @李网格长 已批准 张三 报到，已告知本人。
        -> 3号楼居民群: @张三 张三同志，您的报到已通过，欢迎加入3号楼党小组！参加活动、办理工单都会记入积分，回复“我的积分”可以查看。
        -> 3号楼党小组: 欢迎张三同志（市供电公司）报到，加入本党小组。
        第一网格党支部群 | 李网格长 | 批准 张三
        -> 第一网格党支部群: @李网格长 张三的报到申请已经批准过了（李网格长），无需重复操作。
        3号楼居民群 | 张三 | 我的积分
        -> 3号楼居民群: @张三 张三同志，您本月积分 0 分，今年累计 0 分。 / 还没有积分记录。参加活动、办理工单都会记入积分。
        # the monthly party group meeting: signed up, signed in
        3号楼党小组 | 张三 | 报名 #E1
        -> 3号楼党小组: @张三 已为您报名：3号楼党小组会 #E1，12月3日（周四）19:30。
        @clock 2026-12-03 21:00
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：明天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        -> dm:刘志强: 【报名汇总】3号楼党小组会 #E1，今天 12月3日（周四）19:30 / 已报名（1）：张三 / 请假（0）：无 / 未回复（3）：刘志强、李网格长、王书记（已提醒） / 活动结束后请回复“签到 #E1 姓名”或“签到 #E1 全部”记录出勤。
        -> 3号楼党小组: @刘志强 @李网格长 @王书记 3号楼党小组会 #E1 将于今天 12月3日（周四）19:30开始，还没收到您的回复。参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E1 / 时间：今天 12月3日（周四）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E1”，不能参加请回复“请假 #E1 原因”。
        3号楼党小组 | 刘志强 | 签到 #E1 全部
        -> 3号楼党小组: @刘志强 已记录 3号楼党小组会 #E1 出勤1人：张三。
        # a study meeting he misses without leave, and one he asks leave for
        3号楼党小组 | 刘志强 | 通知 12月10日19:30 党小组学习会 对象:3号楼党小组
        -> 3号楼党小组: @刘志强 已发布活动 #E7：党小组学习会 / 时间：12月10日（周四）19:30，约90分钟 / 地点：未填写 / 对象：3号楼党小组 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E7”，改期请回复“改期 #E7 月日 时:分”。
        3号楼党小组 | 刘志强 | 通知 12月17日19:30 党小组会 对象:3号楼党小组
        -> 3号楼党小组: @刘志强 已发布活动 #E8：党小组会 / 时间：12月17日（周四）19:30，约90分钟 / 地点：未填写 / 对象：3号楼党小组 / 提醒：前一天18:00、开始前1小时 / 取消请回复“取消 #E8”，改期请回复“改期 #E8 月日 时:分”。
        3号楼党小组 | 张三 | 请假 #E8 单位加班
        -> 3号楼党小组: @张三 已为您请假：党小组会 #E8（单位加班）。
        @clock 2026-12-10 21:00
        -> 3号楼党小组: 【活动提醒】党小组学习会 #E7 / 时间：明天 12月10日（周四）19:30 / 地点：另行通知 / 参加请回复“报名 #E7”，不能参加请回复“请假 #E7 原因”。
        -> dm:刘志强: 【报名汇总】党小组学习会 #E7，今天 12月10日（周四）19:30 / 已报名（0）：无 / 请假（0）：无 / 未回复（4）：刘志强、李网格长、王书记、张三（已提醒） / 活动结束后请回复“签到 #E7 姓名”或“签到 #E7 全部”记录出勤。
        -> 3号楼党小组: @刘志强 @李网格长 @王书记 @张三 党小组学习会 #E7 将于今天 12月10日（周四）19:30开始，还没收到您的回复。参加请回复“报名 #E7”，不能参加请回复“请假 #E7 原因”。
        -> 3号楼党小组: 【活动提醒】党小组学习会 #E7 / 时间：今天 12月10日（周四）19:30 / 地点：另行通知 / 参加请回复“报名 #E7”，不能参加请回复“请假 #E7 原因”。
        3号楼党小组 | 刘志强 | 签到 #E7 刘志强
        -> 3号楼党小组: @刘志强 已记录 党小组学习会 #E7 出勤1人：刘志强。
        # a volunteer shift at the market
        幸福里业主群 | 张三 | 报名 #E2
        -> 幸福里业主群: @张三 已为您报名：便民服务集市志愿服务 #E2，12月14日（周一）09:00。共6人，还剩5个。
        @clock 2026-12-14 12:00
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：明天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：明天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> dm:王书记: 【报名汇总】便民服务集市志愿服务 #E2，今天 12月14日（周一）09:00 / 已报名（1）：张三 / 候补（0）：无 / 请假（0）：无 / 未回复（2）：王书记、刘值班（已提醒） / 活动结束后请回复“签到 #E2 姓名”或“签到 #E2 全部”记录出勤。
        -> 社区党委工作群: @王书记 @刘值班 便民服务集市志愿服务 #E2 将于今天 12月14日（周一）09:00开始，还没收到您的回复。报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：今天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E2 / 时间：今天 12月14日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩5个 / 报名请回复“报名 #E2”，已报名但去不了请回复“取消报名 #E2”。
        社区党委工作群 | 王书记 | 签到 #E2 张三
        -> 社区党委工作群: @王书记 已记录 便民服务集市志愿服务 #E2 出勤1人：张三。
        # two tickets of his building
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 张三 | #1 已处理 换了灯泡
        -> 3号楼党小组: 工单 #1 已办结（张三）：换了灯泡
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：换了灯泡。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 张阿姨 | 满意
        -> 3号楼居民群: @张阿姨 感谢您的评价！工单 #1 已完结。
        -> 3号楼党小组: 工单 #1 居民评价：满意，已完结。
        3号楼居民群 | 李大爷 | 3号楼2单元门口下水道堵了
        -> 3号楼居民群: @李大爷 已收到您反映的问题（工单 #2：门口下水道堵了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #2】维修维护·给排水 / 地点：3号楼2单元 / 居民原话：3号楼2单元门口下水道堵了 / 反映人：李大爷（3号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        3号楼党小组 | 张三 | #2 已处理 疏通了
        -> 3号楼党小组: 工单 #2 已办结（张三）：疏通了
        -> 3号楼居民群: @李大爷 您反映的问题（工单 #2：门口下水道堵了）已处理：疏通了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 李大爷 | 不满意 还是堵
        -> 3号楼居民群: @李大爷 抱歉没能让您满意，工单 #2 已重新交给3号楼党小组处理。
        -> 3号楼党小组: 【工单 #2 重新处理】居民不满意：还是堵 / 地点：3号楼2单元，原处理说明：疏通了 / 处理后请回复：#2 已处理 处理说明
        3号楼党小组 | 张三 | #2 已处理 用疏通机通开了
        -> 3号楼党小组: 工单 #2 已办结（张三）：用疏通机通开了
        -> 3号楼居民群: @李大爷 您反映的问题（工单 #2：门口下水道堵了）已处理：用疏通机通开了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 李大爷 | 满意
        -> 3号楼居民群: @李大爷 感谢您的评价！工单 #2 已完结。
        -> 3号楼党小组: 工单 #2 居民评价：满意，已完结。
        @clock 2026-12-17 21:00
        -> 3号楼党小组: 【活动提醒】党小组会 #E8 / 时间：明天 12月17日（周四）19:30 / 地点：另行通知 / 参加请回复“报名 #E8”，不能参加请回复“请假 #E8 原因”。
        -> dm:刘志强: 【报名汇总】党小组会 #E8，今天 12月17日（周四）19:30 / 已报名（0）：无 / 请假（1）：张三（单位加班） / 未回复（3）：刘志强、李网格长、王书记（已提醒） / 活动结束后请回复“签到 #E8 姓名”或“签到 #E8 全部”记录出勤。
        -> 3号楼党小组: @刘志强 @李网格长 @王书记 党小组会 #E8 将于今天 12月17日（周四）19:30开始，还没收到您的回复。参加请回复“报名 #E8”，不能参加请回复“请假 #E8 原因”。
        -> 3号楼党小组: 【活动提醒】党小组会 #E8 / 时间：今天 12月17日（周四）19:30 / 地点：另行通知 / 参加请回复“报名 #E8”，不能参加请回复“请假 #E8 原因”。
        3号楼党小组 | 刘志强 | 签到 #E8 刘志强
        -> 3号楼党小组: @刘志强 已记录 党小组会 #E8 出勤1人：刘志强。
        第一网格党支部群 | 李网格长 | 积分调整 张三 +1 帮助独居老人买菜
        -> 第一网格党支部群: @李网格长 已为张三调整积分 +1 分（帮助独居老人买菜），已记入积分台账。
        @clock 2026-12-20 10:00
        3号楼居民群 | 张三 | 我的积分
        -> 3号楼居民群: @张三 张三同志，您本月积分 10 分，今年累计 10 分。 / 最近记录： / 12月17日 帮助独居老人买菜 +1 / 12月17日 请假：党小组会 #E8 0 / 12月14日 居民评价满意：工单 #2 +1 / 12月14日 工单被退回重办：工单 #2 -1 / 12月14日 办结工单：工单 #2 +2
        # the first working day of January at 09:00: the bulletin, and the quarter's ranking
        @clock 2027-01-04 09:30
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E3 / 时间：明天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E3”，已报名但去不了请回复“取消报名 #E3”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E3 / 时间：明天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E3”，已报名但去不了请回复“取消报名 #E3”。
        -> dm:王书记: 【报名汇总】便民服务集市志愿服务 #E3，今天 12月28日（周一）09:00 / 已报名（0）：无 / 候补（0）：无 / 请假（0）：无 / 未回复（2）：王书记、刘值班（已提醒） / 活动结束后请回复“签到 #E3 姓名”或“签到 #E3 全部”记录出勤。
        -> 社区党委工作群: @王书记 @刘值班 便民服务集市志愿服务 #E3 将于今天 12月28日（周一）09:00开始，还没收到您的回复。报名请回复“报名 #E3”，已报名但去不了请回复“取消报名 #E3”。
        -> 幸福里业主群: 【活动提醒】便民服务集市志愿服务 #E3 / 时间：今天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E3”，已报名但去不了请回复“取消报名 #E3”。
        -> 社区党委工作群: 【活动提醒】便民服务集市志愿服务 #E3 / 时间：今天 12月28日（周一）09:00 / 地点：幸福里小区南门广场 / 名额：共6人，还剩6个 / 报名请回复“报名 #E3”，已报名但去不了请回复“取消报名 #E3”。
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E4 / 时间：明天 1月3日（周日）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E4”，不能参加请回复“请假 #E4 原因”。
        -> dm:刘志强: 【报名汇总】3号楼党小组会 #E4，今天 1月3日（周日）19:30 / 已报名（0）：无 / 请假（0）：无 / 未回复（4）：刘志强、李网格长、王书记、张三（已提醒） / 活动结束后请回复“签到 #E4 姓名”或“签到 #E4 全部”记录出勤。
        -> 3号楼党小组: @刘志强 @李网格长 @王书记 @张三 3号楼党小组会 #E4 将于今天 1月3日（周日）19:30开始，还没收到您的回复。参加请回复“报名 #E4”，不能参加请回复“请假 #E4 原因”。
        -> 3号楼党小组: 【活动提醒】3号楼党小组会 #E4 / 时间：今天 1月3日（周日）19:30 / 地点：3号楼一层党员活动室 / 参加请回复“报名 #E4”，不能参加请回复“请假 #E4 原因”。
        -> 社区党委工作群: 【幸福里社区2026年12月工作通报】 / 一、诉求办理：受理 2 件，办结 2 件。 / 　第一网格：受理 2 件，响应率 100%，解决率 100%，满意率 100% / 　第二网格：受理 0 件，响应率 —，解决率 —，满意率 — / 二、党员积分前2名：1. 张三 10分；2. 刘志强 3分。 / 三、最活跃的楼栋党小组：3号楼党小组 13分。 / 四、组织生活：召开会议 3 次，应到 6 人次，实到 3 人次，出勤率 50%。 / 五、志愿服务：1 场，参加 1 人次。 / 感谢各位党员的辛勤付出！
        -> 社区党委工作群: 【幸福里社区2026年第四季度党员积分评比】 / 党员积分排名： / 1. 张三 10分 / 2. 刘志强 3分 / 楼栋党小组排名： / 1. 3号楼党小组 13分（2名党员） / 2. 1号楼党小组 0分（1名党员） / 3. 2号楼党小组 0分（1名党员） / 4. 4号楼党小组 0分（1名党员） / 5. 5号楼党小组 0分（1名党员） / 6. 6号楼党小组 0分（1名党员） / 向排名靠前的党员和党小组学习致敬！
        """,
    )
    with sim.core.factory() as session:
        rows = session.execute(
            select(PointsEntry.member_name, PointsEntry.points, PointsEntry.rule)
            .where(PointsEntry.member_name == "张三")
            .order_by(PointsEntry.id)
        ).all()
        assert [(r.rule, r.points) for r in rows] == [
            ("meeting_attended", 2),
            ("meeting_absent", -1),  # settled two days after #E7
            ("volunteer_attended", 3),
            ("ticket_resolved", 2),
            ("ticket_satisfied", 1),
            ("ticket_resolved", 2),
            ("ticket_reopened", -1),
            ("ticket_satisfied", 1),
            ("manual", 1),
            ("meeting_leave", 0),
        ]
        assert sum(r.points for r in rows) == 10
        assert session.scalar(select(func.count(MemberRegistration.id))) == 1
