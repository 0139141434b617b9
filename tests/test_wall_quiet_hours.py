"""回音壁 and the quiet hours (issue #15): a digest set inside them (Saturday 23:00) waits for
their end (07:00, config/tickets.yaml quiet_hours) and then goes out once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.simulator import Simulator
from service.settings import Settings
from tests.dialog import verify_dialog
from tests.wall_support import digests, wall_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return wall_settings(tmp_path, time="23:00")


@pytest.mark.timeout(300)
def test_quiet_hours_hold_the_digest_until_the_morning(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 刘志强 | #1 已处理 换了灯泡
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：换了灯泡
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：换了灯泡。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        @clock 2026-12-05 23:30
        """,
    )
    assert digests(sim, "3号楼居民群") == []  # 23:00 is in the quiet hours
    verify_dialog(sim, "@clock 2026-12-06 06:59")
    assert digests(sim, "3号楼居民群") == []
    verify_dialog(
        sim,
        """
        @clock 2026-12-06 07:00
        -> 3号楼居民群: 【回音壁】3号楼本周（11月28日—12月5日） / 收到反映 1 件，已办结 1 件，已评价 0 件（满意 0 件）。 / 本周办结： / #1 3号楼2单元：换了灯泡（用时不到1小时） / 觉得办得好，可以回复“#1 点赞”为工作人员点赞。
        """,
    )
    sent = digests(sim, "3号楼居民群")
    assert len(sent) == 1
    assert "#1 3号楼2单元：换了灯泡" in sent[0]
    verify_dialog(sim, "@clock 2026-12-06 12:00")
    assert len(digests(sim, "3号楼居民群")) == 1
