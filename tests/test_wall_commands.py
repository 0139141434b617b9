"""回音壁 in chat (issue #15): `#12 点赞` is counted once per resident and answered with thanks;
`#12 不公示 原因` is for the staff of the ticket (kept on its record), refused politely to
residents; bad numbers and missing reasons get a clear answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.simulator import Simulator
from service.community.yaml_source import ConfigError
from service.settings import Settings
from service.wall.config import load_wall_config
from service.wall.models import WallHold, WallLike
from tests.dialog import verify_dialog
from tests.wall_support import wall_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return wall_settings(tmp_path)


def test_like_is_counted_once_per_resident_with_a_short_thanks(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼居民群 | 王阿姨 | #1 点赞
        -> 3号楼居民群: @王阿姨 工单 #1 还在处理中，办结后再点赞吧，谢谢您的关心！
        3号楼党小组 | 刘志强 | #1 已处理 换了灯泡
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：换了灯泡
        -> 3号楼居民群: @张阿姨 您反映的问题（工单 #1：楼道灯坏了好几天了）已处理：换了灯泡。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 王阿姨 | #1 点赞
        -> 3号楼居民群: @王阿姨 谢谢您的点赞！已转达给办理工单 #1 的工作人员（共 1 个赞）。
        3号楼居民群 | 王阿姨 | #1 点赞
        -> 3号楼居民群: @王阿姨 您已经为工单 #1 点过赞了，谢谢您！（共 1 个赞）
        3号楼居民群 | 李大爷 | ＃1 点个赞
        -> 3号楼居民群: @李大爷 谢谢您的点赞！已转达给办理工单 #1 的工作人员（共 2 个赞）。
        3号楼居民群 | 李大爷 | #99 点赞
        -> 3号楼居民群: @李大爷 未找到工单 #99，请核对编号。
        3号楼居民群 | 李大爷 | #999999999999 点赞👍👍
        -> 3号楼居民群: @李大爷 工单编号应为数字，例如：#12 已处理 换了灯泡
        """,
    )
    with sim.core.factory() as session:
        assert session.scalar(select(func.count()).select_from(WallLike)) == 2


def test_hold_is_for_staff_audited_and_refused_to_residents(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 赵先生 | 4单元楼上602天天吵架摔东西
        -> 3号楼居民群: @赵先生 已收到您反映的问题（工单 #1：天天吵架摔东西，3号楼4单元602室），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】矛盾调处·噪音 / 地点：3号楼4单元602室 / 居民原话：4单元楼上602天天吵架摔东西 / 反映人：赵先生（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼居民群 | 赵先生 | #1 不公示 我不想让人知道
        -> 3号楼居民群: @赵先生 抱歉，“不公示”由负责这张工单的工作人员设置。如果您不希望这件事上回音壁，请告诉本楼党小组，我们会妥善处理。
        4号楼党小组 | 孙丽 | #1 不公示 涉及隐私
        -> 4号楼党小组: @孙丽 抱歉，只有3号楼党小组及上级的工作人员可以处理工单 #1。
        3号楼党小组 | 刘志强 | #1 不公示
        -> 3号楼党小组: @刘志强 请写上不公示的原因，例如：#1 不公示 涉及家庭隐私
        3号楼党小组 | 刘志强 | #1 不公示 涉及邻里矛盾，当事人不愿公开
        -> 3号楼党小组: @刘志强 已设置：工单 #1 不在回音壁公示（原因：涉及邻里矛盾，当事人不愿公开），已记入处理记录。
        3号楼党小组 | 刘志强 | #1 不公示 再说一次
        -> 3号楼党小组: @刘志强 工单 #1 已经设置为不公示（刘志强：涉及邻里矛盾，当事人不愿公开），无需重复设置。
        3号楼党小组 | 刘志强 | #7 不公示 涉及隐私
        -> 3号楼党小组: @刘志强 未找到工单 #7，请核对编号。
        3号楼党小组 | 刘志强 | 工单 #1
        -> 3号楼党小组: @刘志强 工单 #1：天天吵架摔东西，3号楼4单元602室。当前状态：待受理。 / 居民原话：4单元楼上602天天吵架摔东西 / 处理记录： / 12月01日 09:00 赵先生 反映问题，登记工单 / 12月01日 09:00 刘志强 不在回音壁公示：涉及邻里矛盾，当事人不愿公开
        3号楼党小组 | 刘志强 | #1 已处理 上门调解了
        -> 3号楼党小组: 工单 #1 已办结（刘志强）：上门调解了
        -> 3号楼居民群: @赵先生 您反映的问题（工单 #1：天天吵架摔东西）已处理：上门调解了。请回复“满意”或“不满意 原因”，告诉我们处理得怎么样。
        3号楼居民群 | 赵先生 | #1 点赞
        -> 3号楼居民群: @赵先生 谢谢您的点赞！已转达给办理工单 #1 的工作人员（共 1 个赞）。
        """,
    )
    with sim.core.factory() as session:
        holds = list(session.scalars(select(WallHold)))
    assert [(h.ticket_id, h.reason, h.actor_name) for h in holds] == [
        (1, "涉及邻里矛盾，当事人不愿公开", "刘志强")
    ]


def test_a_wrong_weekday_in_wall_yaml_is_named_at_start_up(tmp_path: Path) -> None:
    (tmp_path / "wall.yaml").write_text('day: 周八\ntime: "10:00"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="day"):
        load_wall_config(tmp_path)
    assert load_wall_config(tmp_path / "missing").day == "周六"  # no file: the defaults
