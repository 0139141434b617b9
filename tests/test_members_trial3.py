"""What the third outside trial of the members slice found (trial members3, five weeks of party
members, points and the bulletin in the shell): registrations after a greeting or a change of
mind, decisions written without a space, more ways of asking for points, who is told they may
not act, posts limited to their unit, and what the bulletin counts. Each story uses its own
sentences; one check per finding replays the tester's exact line."""

from __future__ import annotations

from bot.simulator import Simulator
from tests import test_members_trial_fixes as trial1
from tests.dialog import verify_dialog

# The same sample community as the earlier trials' tests (only the market series).
settings = trial1.settings
sim = trial1.sim


def test_a_registration_after_a_greeting_or_a_change_of_mind_is_answered(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        1号楼居民群 | 周敏 | 你好！我来报到 周敏 市自来水公司 1号楼1单元102
        -> 1号楼居民群: @周敏 周敏同志，您的报到申请已收到（市自来水公司，1号楼1单元102），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】周敏，工作单位：市自来水公司，住址：1号楼1单元102。同意请回复“批准 周敏”，不同意请回复“驳回 周敏 原因”。
        2号楼居民群 | 何军 | 大家好，报到，何军，区教育局，2号楼2单元301
        -> 2号楼居民群: @何军 何军同志，您的报到申请已收到（区教育局，2号楼2单元301），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】何军，工作单位：区教育局，住址：2号楼2单元301。同意请回复“批准 何军”，不同意请回复“驳回 何军 原因”。
        2号楼居民群 | 何军 | 撤销报到
        -> 2号楼居民群: @何军 已撤销您的报到申请（何军，区教育局，2号楼2单元301）。需要时请重新报到：报到 姓名 工作单位 住址。
        -> 第一网格党支部群: 【党员报到】何军已撤销报到申请，无需审核。
        2号楼居民群 | 何军 | 我还是报到吧，何军，区教育局，2号楼2单元301
        -> 2号楼居民群: @何军 何军同志，您的报到申请已收到（区教育局，2号楼2单元301），已转第一网格党支部群审核，审核后会告诉您。
        -> 第一网格党支部群: 【党员报到】何军，工作单位：区教育局，住址：2号楼2单元301。同意请回复“批准 何军”，不同意请回复“驳回 何军 原因”。
        2号楼居民群 | 何军 | 我重新报到 何军 区教育局 2号楼2单元301
        -> 2号楼居民群: @何军 何军同志的报到申请（区教育局，2号楼2单元301）正在审核中，无需重复报到。如需修改，请先回复“撤销报到”，再重新报到。
        """,
    )


def test_the_testers_greeting_and_change_of_mind_registrations_are_answered(
    sim: Simulator,
) -> None:
    verify_dialog(
        sim,
        """
        幸福里业主群 | 赵强 | 您好 我来报到 赵强 区税务局 住阳光花园8号楼2单元101
        -> 幸福里业主群: @赵强 住址“阳光花园8号楼2单元101”不在幸福里社区，请写本社区的楼号，例如：3号楼2单元501。如果住在其他社区，请到居住地社区报到。
        4号楼居民群 | 丽丽🌸 | 还是报到吧：王丽，区人民医院，4号楼3单元201
        -> 4号楼居民群: @丽丽🌸 王丽同志，您的报到申请已收到（区人民医院，4号楼3单元201），已转第二网格党支部群审核，审核后会告诉您。
        -> 第二网格党支部群: 【党员报到】王丽，工作单位：区人民医院，住址：4号楼3单元201。同意请回复“批准 王丽”，不同意请回复“驳回 王丽 原因”。
        4号楼居民群 | 丽丽🌸 | 我重新报到 王丽 区人民医院 4号楼3单元201
        -> 4号楼居民群: @丽丽🌸 王丽同志的报到申请（区人民医院，4号楼3单元201）正在审核中，无需重复报到。如需修改，请先回复“撤销报到”，再重新报到。
        """,
    )
