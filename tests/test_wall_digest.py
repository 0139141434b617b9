"""回音壁 end to end (issue #15): a week of tickets of 3号楼 (resolved and rated, one late with a
staff note, one held out by staff, one emergency) through the Saturday digest, with the privacy
rules checked on what the resident group reads; once per group and week."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.settings import Settings
from service.wall import jobs as wall_jobs
from service.wall.config import current_config
from service.wall.models import WallDigest
from tests.dialog import verify_dialog
from tests.story_support import story_sim
from tests.wall_support import digests, wall_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return wall_settings(tmp_path)


@pytest.fixture
def sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    yield from story_sim(core, clock, monkeypatch)


@pytest.mark.timeout(300)
def test_week_of_tickets_reaches_the_building_group_without_names_or_rooms(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        @clock +3h
        3号楼党小组 | 刘志强 | #1 已处理 给张阿姨家门口换了灯泡，2单元502室也查了
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：给张阿姨家门口换了灯泡，2单元502室也查了
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：给张阿姨家门口换了灯泡，2单元502室也查了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 张阿姨 | 满意
        -> 3号楼居民群: @张阿姨 感谢您的评价！工单 #1 已完结。
        -> 3号楼党小组: 工单 #1 居民评价：满意，已完结。
        3号楼居民群 | 快乐老李🌞 | 1单元502室楼道里水管漏水了
        -> 3号楼居民群: @快乐老李🌞 已收到您反映的问题（工单 #2：楼道里水管漏水了，3号楼1单元502室），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #2】维修维护·给排水 / 地点：3号楼1单元502室 / 居民原话：1单元502室楼道里水管漏水了 / 反映人：快乐老李🌞（3号楼居民群） / 接单请回复：#2 接单；办结后回复：#2 已处理 处理说明
        @clock 2026-12-03 16:00
        -> 3号楼党小组: 【超时提醒】工单 #2：楼道里水管漏水了，3号楼1单元502室，超时未接单（时限 12月01日 14:00）。负责：3号楼党小组。请尽快回复：#2 接单
        -> 第一网格党支部群: 【超时上报】工单 #2：楼道里水管漏水了，3号楼1单元502室，超时未接单（时限 12月01日 14:00）。负责：3号楼党小组。请尽快回复：#2 接单
        -> 社区党委工作群: 【超时上报】工单 #2：楼道里水管漏水了，3号楼1单元502室，超时未接单（时限 12月01日 14:00）。负责：3号楼党小组。请尽快回复：#2 接单
        -> 社区党委工作群: 【幸福里社区超时工单 1 件】 / #2 3号楼1单元502室 楼道里水管漏水了（3号楼党小组）超时未接单
        -> 3号楼党小组: 【超时提醒】工单 #2：楼道里水管漏水了，3号楼1单元502室，超时未办结（时限 12月02日 12:00）。负责：3号楼党小组。请尽快回复：#2 已处理 处理说明
        -> 社区党委工作群: 【幸福里社区超时工单 1 件】 / #2 3号楼1单元502室 楼道里水管漏水了（3号楼党小组）超时未接单
        -> 第一网格党支部群: 【超时上报】工单 #2：楼道里水管漏水了，3号楼1单元502室，超时未办结（时限 12月02日 12:00）。负责：3号楼党小组。请尽快回复：#2 已处理 处理说明
        3号楼党小组 | 刘志强 | #2 已处理 帮快乐老李🌞换了阀门，有事打13812345678
        -> 3号楼党小组: 工单 #2 已办结（刘志强）：帮快乐老李🌞换了阀门，有事打13812345678
        -> 3号楼居民群: @快乐老李🌞 您反映的问题（工单 #2：楼道里水管漏水了）已处理：帮快乐老李🌞换了阀门，有事打138****5678。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 王阿姨 | 3单元的暖气一点都不热
        -> 3号楼居民群: @王阿姨 已收到您反映的问题（工单 #3：暖气一点都不热，3号楼3单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #3】维修维护·供暖 / 地点：3号楼3单元 / 居民原话：3单元的暖气一点都不热 / 反映人：王阿姨（3号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        3号楼党小组 | 刘志强 | #3 接单
        -> 3号楼党小组: 工单 #3 已由刘志强接单。
        -> 3号楼居民群: @王阿姨 您反映的问题（工单 #3）已有工作人员接单，刘志强正在处理。
        3号楼党小组 | 刘志强 | #3 备注 总管道要换，等供热公司排期，王阿姨家先送了电暖器
        -> 3号楼党小组: 已为工单 #3 添加备注（刘志强）：总管道要换，等供热公司排期，王阿姨家先送了电暖器。
        3号楼居民群 | 赵先生 | 4单元楼上602天天吵架摔东西
        -> 3号楼居民群: @赵先生 已收到您反映的问题（工单 #4：天天吵架摔东西，3号楼4单元602室），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #4】矛盾调处·噪音 / 地点：3号楼4单元602室 / 居民原话：4单元楼上602天天吵架摔东西 / 反映人：赵先生（3号楼居民群） / 接单请回复：#4 接单；办结后回复：#4 已处理 处理说明
        3号楼党小组 | 刘志强 | #4 已处理 上门调解了，双方同意晚上十点后不再吵
        -> 3号楼党小组: 工单 #4 已办结（刘志强）：上门调解了，双方同意晚上十点后不再吵
        -> 3号楼居民群: @赵先生 您反映的问题（工单 #4：天天吵架摔东西）已处理：上门调解了，双方同意晚上十点后不再吵。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼党小组 | 刘志强 | #4 不公示 涉及邻里矛盾，当事人不愿公开
        -> 3号楼党小组: @刘志强 已设置：工单 #4 不在回音壁公示（原因：涉及邻里矛盾，当事人不愿公开），已记入处理记录。
        3号楼居民群 | 陈奶奶 | 电梯里有人被困了快来人
        -> 3号楼居民群: @陈奶奶 已收到您反映的问题（工单 #5：电梯里有人被困了，3号楼），已转3号楼党小组处理。请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。
        -> 3号楼党小组: 【紧急 #5】3号楼 电梯里有人被困了 / 类别：应急处理·被困 / 居民原话：电梯里有人被困了快来人 / 反映人：陈奶奶（3号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：3号楼党小组。请立即跟进，接单回复：#5 接单
        -> 第一网格党支部群: 【紧急 #5】3号楼 电梯里有人被困了 / 类别：应急处理·被困 / 居民原话：电梯里有人被困了快来人 / 反映人：陈奶奶（3号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：3号楼党小组。请立即跟进，接单回复：#5 接单
        -> 社区党委工作群: @刘值班 【紧急 #5】3号楼 电梯里有人被困了 / 类别：应急处理·被困 / 居民原话：电梯里有人被困了快来人 / 反映人：陈奶奶（3号楼居民群） / 已告知居民：请保持冷静，按电梯内警铃或拨打电梯内的救援电话，不要扒门。 / 负责：3号楼党小组。请立即跟进，接单回复：#5 接单
        @clock +40m
        3号楼党小组 | 刘志强 | #5 已处理 陈奶奶的孙子已经救出来了，电梯公司在检修
        -> 3号楼党小组: 工单 #5 已办结（刘志强）：陈奶奶的孙子已经救出来了，电梯公司在检修
        -> 第一网格党支部群: 工单 #5 已办结（刘志强）：陈奶奶的孙子已经救出来了，电梯公司在检修
        -> 社区党委工作群: 工单 #5 已办结（刘志强）：陈奶奶的孙子已经救出来了，电梯公司在检修
        -> 3号楼居民群: @陈奶奶 您反映的问题（工单 #5：电梯里有人被困了）已处理：陈奶奶的孙子已经救出来了，电梯公司在检修。请问现在大家都安全了吗？回复“安全了”即可，需要帮助请随时说。
        @clock 2026-12-05 10:00
        -> 3号楼党小组: 【超时提醒】工单 #3：暖气一点都不热，3号楼3单元，超时未办结（时限 12月04日 16:00）。负责：3号楼党小组。请尽快回复：#3 已处理 处理说明
        -> 3号楼居民群: 【回音壁】3号楼本周（11月28日—12月5日） / 收到反映 5 件，已办结 4 件，已评价 1 件（满意 1 件）。 / 本周办结： / #1 3号楼2单元：给居民家门口换了灯泡，2单元也查了（用时3小时） / #2 3号楼1单元：帮居民换了阀门（用时2天） / #5 3号楼：应急处理·被困，已及时处置（用时不到1小时） / 超过办理时限、仍在处理： / #3 3号楼3单元：暖气一点都不热；原因：总管道要换，等供热公司排期，居民家先送了电暖器 / 另有 1 件按工作人员意见不公示。 / 觉得办得好，可以回复“#1 点赞”为工作人员点赞。
        """,
    )
    digest = digests(sim, "3号楼居民群")
    assert len(digest) == 1
    text = digest[0]
    # never a resident's name, nickname, room or phone number, nor what a held-out ticket was
    for private in (
        "张阿姨",
        "王阿姨",
        "赵先生",
        "陈奶奶",
        "孙子",
        "快乐老李",
        "🌞",
        "502",
        "602",
        "13812345678",
        "吵架",
        "#4 ",
    ):
        assert private not in text, private
    assert "收到反映 5 件，已办结 4 件，已评价 1 件（满意 1 件）" in text
    assert "#1 3号楼2单元：给居民家门口换了灯泡，2单元也查了（用时3小时）" in text
    assert "#2 3号楼1单元：帮居民换了阀门（用时2天）" in text
    assert "#5 3号楼：应急处理·被困，已及时处置（用时不到1小时）" in text
    assert re.search(r"#3 3号楼3单元：暖气一点都不热；原因：总管道要换，等供热公司排期", text)
    assert "另有 1 件按工作人员意见不公示" in text
    assert "“#1 点赞”" in text
    assert digests(sim, "4号楼居民群") == []  # nothing happened there this week
    assert digests(sim, "幸福里业主群") == []  # bound to no building


def test_digest_goes_once_per_group_and_week_also_after_a_restart(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 刘志强 | #1 已处理 换了灯泡
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：换了灯泡
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：换了灯泡。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        @clock 2026-12-05 12:00
        -> 3号楼居民群: 【回音壁】3号楼本周（11月28日—12月5日） / 收到反映 1 件，已办结 1 件，已评价 0 件（满意 0 件）。 / 本周办结： / #1 3号楼2单元：换了灯泡（用时不到1小时） / 觉得办得好，可以回复“#1 点赞”为工作人员点赞。
        """,
    )
    assert len(digests(sim, "3号楼居民群")) == 1
    # a restart runs the job again: the week's digest is in wall_digests, nothing goes twice
    now = sim.clock.now()
    again = wall_jobs.send_digests(sim.core.factory, sim.core.community, current_config(), now)
    assert again == 0
    with sim.core.factory() as session:
        assert session.scalar(select(func.count()).select_from(WallDigest)) == 1
    verify_dialog(sim, "@clock 2026-12-12 12:00")  # next week: nothing new, nothing sent
    assert len(digests(sim, "3号楼居民群")) == 1


def test_a_households_own_matter_shows_only_its_kind_on_the_wall(sim: Simulator) -> None:
    """A care visit's note ("送去了米面油", "陪老人去医院") tells neighbours which household is
    poor or ill: the wall says only the kind, for resolved and late tickets alike."""
    asyncio.run(sim.say("4号楼居民群", "鲁女士", "4号楼1单元楼下的独居老人家里没米了 麻烦社区帮帮她"))
    asyncio.run(sim.say("4号楼党小组", "孙丽", "#1 已处理 去看望了 送去了米面油和一桶油"))
    saturday = datetime(2026, 12, 5, 10, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
    said = asyncio.run(sim.advance_to(saturday))
    wall = [m.text for m in said if m.room_id == "4号楼居民群" and "回音壁" in m.text]
    assert wall and "#1 4号楼：爱心帮扶，已办结" in wall[0], wall
    assert "米面油" not in wall[0] and "独居" not in wall[0]
