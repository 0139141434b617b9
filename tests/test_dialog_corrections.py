"""Issue 10: staff correct how a message was read, in chat — another category (改类), not an
emergency (非紧急), an emergency (紧急), not a request (非诉求: closed, the resident is not told).
Each correction is stored with the message text, audited and counted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main as cli_main
from bot.simulator import Simulator
from service.models import Correction, Ticket, TicketEvent
from service.tickets import corrections
from service.understanding.learn import main as learn_main
from tests.dialog import verify_dialog

DATA = Path(__file__).parent / "data"


def test_staff_correct_readings_in_chat_and_each_correction_is_stored(sim: Simulator) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 刘志强 | #1 改类 矛盾调处 噪音
        -> 3号楼党小组: 已更正工单 #1：改类：维修维护·照明 → 矛盾调处·噪音。
        5号楼居民群 | 老周 | 5号楼楼顶那块广告牌要掉下来了
        -> 5号楼居民群: @老周 已收到您反映的问题（工单 #2：楼顶那块广告牌要掉下来了，5号楼），已转5号楼党小组处理。请远离下方，提醒行人和车辆绕开，必要时拨打119。
        -> 5号楼党小组: 【可能紧急 #2】5号楼 楼顶那块广告牌要掉下来了 / 类别：应急处理·高空坠物 / 居民原话：5号楼楼顶那块广告牌要掉下来了 / 反映人：老周（5号楼居民群） / 已告知居民：请远离下方，提醒行人和车辆绕开，必要时拨打119。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        -> 第二网格党支部群: 【可能紧急 #2】5号楼 楼顶那块广告牌要掉下来了 / 类别：应急处理·高空坠物 / 居民原话：5号楼楼顶那块广告牌要掉下来了 / 反映人：老周（5号楼居民群） / 已告知居民：请远离下方，提醒行人和车辆绕开，必要时拨打119。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        -> 社区党委工作群: @刘值班 【可能紧急 #2】5号楼 楼顶那块广告牌要掉下来了 / 类别：应急处理·高空坠物 / 居民原话：5号楼楼顶那块广告牌要掉下来了 / 反映人：老周（5号楼居民群） / 已告知居民：请远离下方，提醒行人和车辆绕开，必要时拨打119。 / （系统判断可能紧急，不一定是紧急情况，请尽快核实；如不紧急请回复：#2 非紧急） / 负责：5号楼党小组。请立即跟进，接单回复：#2 接单
        5号楼党小组 | 周海 | #2 非紧急
        -> 5号楼党小组: 已更正工单 #2：非紧急：应急处理·高空坠物 → 维修维护·公共设施。
        3号楼居民群 | 李大爷 | 3单元门口的井盖松了
        -> 3号楼居民群: @李大爷 已收到您反映的问题（工单 #3：门口的井盖松了，3号楼3单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #3】维修维护·道路 / 地点：3号楼3单元 / 居民原话：3单元门口的井盖松了 / 反映人：李大爷（3号楼居民群） / 接单请回复：#3 接单；办结后回复：#3 已处理 处理说明
        3号楼党小组 | 刘志强 | #3 紧急
        -> 3号楼党小组: 已更正工单 #3：紧急：维修维护·道路 → 应急处理·紧急求助。
        -> 3号楼党小组: 【紧急 #3】3号楼3单元 门口的井盖松了 / 类别：应急处理·紧急求助 / 居民原话：3单元门口的井盖松了 / 反映人：李大爷（3号楼居民群） / 已告知居民：请注意安全，必要时拨打110、119或120。 / 负责：3号楼党小组。请立即跟进，接单回复：#3 接单
        -> 第一网格党支部群: 【紧急 #3】3号楼3单元 门口的井盖松了 / 类别：应急处理·紧急求助 / 居民原话：3单元门口的井盖松了 / 反映人：李大爷（3号楼居民群） / 已告知居民：请注意安全，必要时拨打110、119或120。 / 负责：3号楼党小组。请立即跟进，接单回复：#3 接单
        -> 社区党委工作群: @刘值班 【紧急 #3】3号楼3单元 门口的井盖松了 / 类别：应急处理·紧急求助 / 居民原话：3单元门口的井盖松了 / 反映人：李大爷（3号楼居民群） / 已告知居民：请注意安全，必要时拨打110、119或120。 / 负责：3号楼党小组。请立即跟进，接单回复：#3 接单
        3号楼居民群 | 王阿姨 | 今天楼下的桂花开得真好 大家有空去闻闻
        3号楼居民群 | 赵叔 | 1单元楼下的路灯不亮了
        -> 3号楼居民群: @赵叔 已收到您反映的问题（工单 #4：楼下的路灯不亮了，3号楼1单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #4】维修维护·照明 / 地点：3号楼1单元 / 居民原话：1单元楼下的路灯不亮了 / 反映人：赵叔（3号楼居民群） / 接单请回复：#4 接单；办结后回复：#4 已处理 处理说明
        3号楼党小组 | 刘志强 | #4 非诉求
        -> 3号楼党小组: 已将工单 #4 标为非诉求并关闭（不通知居民）。
        3号楼居民群 | 赵叔 | #4 非紧急
        -> 3号楼居民群: @赵叔 抱歉，只有3号楼党小组及上级的工作人员可以处理工单 #4。
        3号楼党小组 | 刘志强 | #4 改类 不知道
        -> 3号楼党小组: @刘志强 请写明类别，例如：#12 改类 矛盾调处，或 #12 改类 维修维护 照明
        3号楼党小组 | 刘志强 | #99 非诉求
        -> 3号楼党小组: @刘志强 未找到工单 #99，请核对编号。
        3号楼党小组 | 刘志强 | 工单 #1
        -> 3号楼党小组: @刘志强 工单 #1：楼道灯坏了好几天了，3号楼2单元。当前状态：待受理。 / 居民原话：2单元楼道灯坏了好几天了 / 处理记录： / 12月01日 09:00 张阿姨 反映问题，登记工单 / 12月01日 09:00 刘志强 更正了识别结果：改类：维修维护·照明 → 矛盾调处·噪音
        """,
    )
    with sim.core.factory() as session:
        stored = session.scalars(select(Correction).order_by(Correction.id)).all()
        assert [(c.ticket_id, c.kind, c.category, c.emergency) for c in stored] == [
            (1, "category", "dispute", False),
            (2, "not_emergency", "maintenance", False),
            (3, "emergency", "emergency", True),
            (4, "not_request", "none", False),
        ]
        assert stored[0].text == "2单元楼道灯坏了好几天了"
        assert (stored[0].before_category, stored[0].before_subcategory) == ("maintenance", "照明")
        assert stored[2].actor_name == "刘志强"
        closed = session.get(Ticket, 4)
        assert closed is not None and closed.state == "cancelled"
        audited = session.scalars(select(TicketEvent).where(TicketEvent.kind == "corrected"))
        assert len(list(audited)) == 4
        months = corrections.per_month(session, sim.core.community)
        assert months == [
            ("2026-12", {"category": 1, "not_emergency": 1, "emergency": 1, "not_request": 1})
        ]
        rows = corrections.training_rows(session)
        assert {"text": "1单元楼下的路灯不亮了", "category": "none"} in rows


def test_corrections_are_listed_and_feed_the_learner(
    sim: Simulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verify_dialog(
        sim,
        """
        3号楼居民群 | 张阿姨 | 2单元楼道灯坏了好几天了
        -> 3号楼居民群: @张阿姨 已收到您反映的问题（工单 #1：楼道灯坏了好几天了，3号楼2单元），已转3号楼党小组处理。
        -> 3号楼党小组: 【新工单 #1】维修维护·照明 / 地点：3号楼2单元 / 居民原话：2单元楼道灯坏了好几天了 / 反映人：张阿姨（3号楼居民群） / 接单请回复：#1 接单；办结后回复：#1 已处理 处理说明
        3号楼党小组 | 刘志强 | #1 改类 噪音
        -> 3号楼党小组: 已更正工单 #1：改类：维修维护·照明 → 矛盾调处·噪音。
        """,
    )
    url = sim.core.engine.url.render_as_string(hide_password=False)
    assert cli_main(["lexicon", "corrections", "--db", url]) == 0
    listed = capsys.readouterr().out
    assert "刘志强 #1 改类: 维修维护·照明 → 矛盾调处·噪音: 2单元楼道灯坏了好几天了" in listed
    assert "1 corrections" in listed
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DATA / "understanding_tune.jsonl", data / "understanding_tune.jsonl")
    out = tmp_path / "learned.json"
    argv = ["--data", str(data), "--with-corrections", "--db", url, "--out", str(out)]
    assert learn_main(argv) == 0
    about = json.loads(out.read_text(encoding="utf-8"))["about"]
    assert about["trained_on"]["staff corrections (database)"] == 1
