"""党员包户 with a member who registered (报到) rather than one on the staff list: reminded
through the contact they registered from, and their visits logged and counted as theirs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.simulator import Simulator
from service.members.models import PointsEntry
from service.settings import Settings
from tests.dialog import verify_dialog
from tests.test_visits_dialogs import sim, visits_config  # noqa: F401


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    household = {"building": 3, "unit": "1", "room": "202", "kind": "空巢老人", "member": "张三"}
    return visits_config(tmp_path, [household])


def test_a_registered_member_is_reminded_and_logs_a_visit(sim: Simulator) -> None:  # noqa: F811
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张三 | 报到 张三 市供电公司 3号楼2单元501
        -> 3号楼居民群: @张三 张三同志，您的报到申请已收到（市供电公司，3号楼2单元501），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】张三，工作单位：市供电公司，住址：3号楼2单元501。同意请回复“批准 张三”，不同意请回复“驳回 张三 原因”。
        第一网格党支部群 | 李网格长 | 批准 张三
        -> 第一网格党支部群: @李网格长 已批准 张三 报到，已告知本人。
        -> 3号楼居民群: @张三 张三同志，您的报到已通过，欢迎加入3号楼党小组！参加活动、办理本楼工单都会记入积分，回复“我的积分”可以查看。
        -> 3号楼党小组: 欢迎张三同志（市供电公司）报到，加入本党小组。
        @clock 2026-12-01 10:30
        -> dm:张三: 【走访提醒】您联系的3号楼1单元202室（空巢老人）该上门走访了（每14天一次，还没有走访记录）。走访后请回复“走访 3-1-202 一切正常”；需要帮助请回复“走访 3-1-202 需要帮助 具体情况”。
        3号楼居民群 | 张三 | 走访 3-1-202 一切正常
        -> 3号楼居民群: @张三 已记录您对3号楼1单元202室的走访，谢谢！下次走访请在12月15日前。
        3号楼居民群 | 李四 | 走访 3-1-202 一切正常
        -> 3号楼居民群: @李四 李四您好，走访登记是给联系住户的党员用的。如需帮助，请直接说明情况，我们会转给工作人员。
        """,
    )
    with sim.core.factory() as session:
        rows = session.scalars(select(PointsEntry).where(PointsEntry.rule == "household_visit"))
        assert [(e.member_name, e.points) for e in rows] == [("张三", 1)]
