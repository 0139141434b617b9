"""Spreadsheets in and out, and the delivery health page."""

from __future__ import annotations

import asyncio
import io
import re
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from bot.gateway import DeliveryError
from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.bootstrap import open_core
from service.settings import Settings
from tests.web_support import Web, flash_of, make_web, post_form


@pytest.fixture
def web(sim: Simulator) -> Web:
    asyncio.run(sim.say("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"))
    asyncio.run(sim.say("4号楼居民群", "李大爷", '=HYPERLINK("http://x") 电梯坏了'))
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    return web


def workbook(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def upload(web: Web, data: bytes, user: str = "wang"):  # type: ignore[no-untyped-def]
    client = web.login(user)
    from tests.web_support import csrf_of

    token = csrf_of(client.get("/data").text)
    return client.post(
        "/data/import",
        data={"csrf_token": token},
        files={"file": ("名单.xlsx", data, "application/octet-stream")},
    )


def template_with(web: Web, edit) -> bytes:  # type: ignore[no-untyped-def]
    wb = workbook(web.login("wang").get("/data/template.xlsx").content)
    edit(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_template_round_trip_imports_and_applies_at_next_start(
    web: Web, settings: Settings, database_url: str
) -> None:
    def add_member(wb: Workbook) -> None:
        wb["成员"].append(["周阿姨", "13800138000", 3, ""])
        for row in wb["成员"].iter_rows(min_row=2):
            if row[0].value == "刘志强":
                row[1].value = "13912345678"
        for row in wb["群"].iter_rows(min_row=2):
            if row[0].value == "3号楼党小组":
                row[5].value = "刘志强、李网格长、王书记、周阿姨"

    answer = upload(web, template_with(web, add_member))
    assert answer.status_code == 200
    assert "导入成功：网格 2，楼栋 6，群 17，成员 12" in answer.text
    members = web.login("wang").get("/members").text
    assert "13912345678" in members
    restarted = open_core(settings, database_url=database_url)
    group = restarted.community.group("3号楼党小组")
    assert group is not None and "周阿姨" in group.members
    restarted.engine.dispose()


def test_a_bad_row_is_reported_and_nothing_is_imported(web: Web) -> None:
    def break_rows(wb: Workbook) -> None:
        wb["成员"].append(["周阿姨", "12345", 3, ""])
        wb["楼栋"].append([7, 9])
        wb["群"].append(["7号楼党小组", "党小组", 7, None, "不存在", ""])

    answer = upload(web, template_with(web, break_rows))
    assert answer.status_code == 422
    problems = answer.text.split('id="import-problems">')[1].split("</ul>")[0]
    assert "成员 第13行：手机号“12345”格式不对" in problems
    assert "楼栋 第8行：网格编号 9 不在网格表里" in problems
    assert "群 第19行：7号楼不在楼栋表里" in problems
    assert "周阿姨" not in web.login("wang").get("/members").text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a spreadsheet", "无法读取"),
        (b"", "无法读取"),
        (b"PK\x03\x04broken zip", "无法读取"),
    ],
)
def test_malformed_files_are_refused_clearly(web: Web, data: bytes, message: str) -> None:
    answer = upload(web, data)
    assert answer.status_code == 422 and message in answer.text


def test_wrong_headers_and_a_layout_that_does_not_fit(web: Web) -> None:
    def wrong(wb: Workbook) -> None:
        wb["网格"]["A1"].value = "号码"
        del wb["楼栋"]

    answer = upload(web, template_with(web, wrong))
    assert "网格 第1行：表头应为：编号、名称、网格长、支部群" in answer.text
    assert "楼栋：缺少这个工作表" in answer.text

    def orphan(wb: Workbook) -> None:
        wb["楼栋"].append([7, 2])  # a building without a party group

    assert "名单前后对不上" in upload(web, template_with(web, orphan)).text


def test_the_template_leaves_out_the_street_and_an_import_may_not_take_its_peoples_names(
    web: Web,
) -> None:
    """The street office's group and people are street.yaml's: the template does not list them,
    and a member named like one of them is refused (the next start would fail on it)."""
    wb = workbook(web.login("wang").get("/data/template.xlsx").content)
    names = {row[0].value for row in wb["成员"].iter_rows(min_row=2)}
    assert "王书记" in names and not names & {"周主任", "许干事"}
    assert "幸福街道党工委工作群" not in {row[0].value for row in wb["群"].iter_rows(min_row=2)}

    def street_name(wb: Workbook) -> None:
        wb["成员"].append(["周主任", "13800138000", 3, ""])

    answer = upload(web, template_with(web, street_name))
    assert "成员“周主任”与街道的工作人员同名，请换一个名字" in answer.text
    assert "周主任" not in web.login("wang").get("/members").text


def test_grid_staff_cannot_import(web: Web) -> None:
    web.add_staff("zhao", "grid", grid=2, person="赵网格长")
    assert upload(web, b"x", user="zhao").status_code == 403


def test_ticket_export_follows_the_filter_and_defuses_formulas(web: Web) -> None:
    wb = workbook(web.login("wang").get("/tickets/export.xlsx?building=4").content)
    rows = list(wb["工单"].values)
    assert rows[0][:3] == ("工单号", "状态", "类别")
    assert [r[0] for r in rows[1:]] == [2]
    assert rows[1][7].startswith("'=HYPERLINK")


def test_monthly_report_has_rates_categories_and_overdue(web: Web) -> None:
    from datetime import timedelta

    web.sim.clock.advance(timedelta(days=2))
    answer = web.login("wang").get("/reports/monthly.xlsx?month=2026-12")
    assert "attachment" in answer.headers["content-disposition"]
    wb = workbook(answer.content)
    assert wb.sheetnames == [
        *("概况", "网格", "楼栋", "类别", "当前超时工单"),
        *("党员积分", "党小组积分", "月度通报"),
        "一事一议",
    ]
    assert list(wb["概况"].values)[1][:2] == ("幸福里社区 2026年12月", 2)
    assert [r[0] for r in list(wb["网格"].values)[1:]] == ["第一网格", "第二网格"]
    assert [r[2] for r in list(wb["当前超时工单"].values)[1:]] == [1, 2]


class Broken:
    async def send(self, message: OutboundMessage) -> None:
        raise DeliveryError("room not found")


def test_delivery_health_shows_failures_and_retries_them(web: Web) -> None:
    from bot.dispatcher import Dispatcher
    from service.db import transaction
    from service.outbox import Notice, enqueue

    with transaction(web.sim.core.factory) as session:
        enqueue(session, "test", [Notice("明早停水", group="6号楼党小组")], web.sim.clock.now())
    dispatcher = Dispatcher(web.sim.core.factory, Broken(), web.sim.clock, max_attempts=1)
    asyncio.run(dispatcher.drain())
    client = web.login("wang")
    page = client.get("/delivery").text
    assert '<div class="value down" id="failed">1</div>' in page and "room not found" in page
    import re

    row = re.search(r'action="/delivery/(\d+)/retry"', page)
    assert row is not None
    done = post_form(client, "/delivery", f"/delivery/{row.group(1)}/retry", {})
    assert "已重新排队" in flash_of(done.text)
    again = post_form(client, "/delivery", f"/delivery/{row.group(1)}/retry", {})
    assert "无需重发" in flash_of(again.text)
    asyncio.run(web.sim.deliver())
    assert 'id="failed">0<' in client.get("/delivery").text


def _with_dimension(data: bytes, ref: str) -> bytes:
    """The workbook with every sheet claiming `ref` as its used range (<dimension ref=...>)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(
                    rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), content
                )
            dst.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize("ref", ["A1:C3", "A1:F3", "A1:XFD1048576"])
def test_every_row_is_imported_whatever_range_the_sheet_claims(web: Web, ref: str) -> None:
    def add_member(wb: Workbook) -> None:
        wb["成员"].append(["周阿姨", "13800138000", 3, ""])

    answer = upload(web, _with_dimension(template_with(web, add_member), ref))
    assert answer.status_code == 200, answer.text
    assert "导入成功：网格 2，楼栋 6，群 17，成员 12" in answer.text
