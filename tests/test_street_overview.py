"""The street office's overview on the street's service: its staff sign in with the office's own
accounts, read every community's rates, open, late and emergency tickets, and download the
street's and each community's monthly report; they act on nothing, and no account or cookie of
the office opens a community's pages, nor the other way round."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from bot.cli import main
from service.clock import FakeClock
from service.dashboard.today import Standing
from service.db import transaction
from service.settings import get_settings
from service.staff import accounts
from service.street.office import open_office
from service.street.overview import CommunityLine, Overview
from service.tickets.stats import Counts
from tests import test_street_web
from tests.test_street_web import Street
from tests.web_support import PASSWORD, csrf_of

# The street of test_street_web: 幸福里 and 金茂 each with its #1, and the office's `jiedao`.
clock = test_street_web.clock
street = test_street_web.street
ROW = re.compile(r'<tr data-community="(\w+)"[^>]*>(.*?)</tr>', re.S)


def _sign_in(client: TestClient, username: str = "jiedao", password: str = PASSWORD) -> Any:
    page = client.get("/login")
    form = {"username": username, "password": password, "csrf_token": csrf_of(page.text)}
    return client.post("/login", data=form, follow_redirects=False)


def _rows(html: str) -> dict[str, str]:
    """Each community's row of the overview, as its text without tags."""
    return {slug: re.sub(r"<[^>]+>|\s+", " ", row) for slug, row in ROW.findall(html)}


def test_street_staff_sign_in_and_read_every_communitys_figures(street: Street) -> None:
    client = street.client()
    home = client.get("/")
    assert '<a href="/login">登录街道总览</a>' in home.text
    assert client.get("/overview", follow_redirects=False).headers["location"] == "/login"
    signed = _sign_in(client)
    assert signed.status_code == 303 and signed.headers["location"] == "/overview"
    page = client.get("/overview")
    assert page.status_code == 200
    assert "街道张主任（街道工作人员）" in page.text
    assert "全街道本月受理 2 件（上月 0 件），在办 2 件，超时 0 件" in page.text
    assert "没有超时或紧急的工单。" in page.text
    rows = _rows(page.text)
    assert list(rows) == ["xingfuli", "jinmao"]
    assert "幸福里社区" in rows["xingfuli"] and "1 件" in rows["xingfuli"]
    assert "金茂社区" in rows["jinmao"] and "1 件" in rows["jinmao"]
    # No link into a community's dashboard, which the street's accounts cannot open.
    assert 'href="/c/' not in page.text
    assert "查看街道总览" in client.get("/").text


def test_the_overview_shows_late_tickets_and_open_emergencies_per_community(
    street: Street, clock: FakeClock
) -> None:
    lift = "1号楼电梯停了 里面关着个小孩 按铃没人应"
    asyncio.run(street.jinmao.say("1号楼居民群", "老李", lift))
    clock.advance(timedelta(days=3))  # nobody took either routine ticket
    client = street.client()
    _sign_in(client)
    page = client.get("/overview").text
    assert "有 1 件紧急工单还没有办结，请督促所在社区优先处理。" in page
    late = dict(re.findall(r'<tr data-community="(\w+)".*?data-now="late">(.*?)</td>', page, re.S))
    emergencies = dict(
        re.findall(r'<tr data-community="(\w+)".*?data-now="emergencies">(.*?)</td>', page, re.S)
    )
    assert late == {
        "xingfuli": '<span class="badge urgent">1</span>',
        "jinmao": '<span class="badge urgent">2</span>',
    }
    assert emergencies == {"xingfuli": "0", "jinmao": '<span class="badge urgent">1</span>'}
    assert '<tr data-community="jinmao" class="urgent">' in page
    # Which tickets to chase: each community's emergency first, then what is overdue.
    chase = dict(re.findall(r'data-chase="(\w+)"><tbody>(.*?)</tbody>', page, re.S))
    jinmao = [re.sub(r"<[^>]+>|\s+", " ", row).split() for row in chase["jinmao"].split("</tr>")]
    assert jinmao[0][:4] == ["#2", "电梯停了", "里面关着个小孩", "紧急"]
    assert "未接单，已超时" in " ".join(jinmao[0])
    assert jinmao[1][:2] == ["#1", "门口的垃圾三天没人收了"]
    xingfuli = " ".join(re.sub(r"<[^>]+>", " ", chase["xingfuli"]).split())
    assert xingfuli == "#1 楼道灯坏了好几天了 1号楼2单元 1号楼党小组 未接单，已超时 2 天"


def test_the_streets_rate_is_counted_over_all_its_tickets_not_averaged_over_communities() -> None:
    nobody = Standing(0, 0, 0)
    big = CommunityLine(
        "a", "甲社区", Counts(received=10, counted=10, responded=10), Counts(), nobody
    )
    small = CommunityLine(
        "b", "乙社区", Counts(received=1, counted=1, responded=0), Counts(), nobody
    )
    street = Overview(date(2026, 12, 1), [big, small])
    assert street.figures.received == 11
    assert street.figures.response_rate == pytest.approx(10 / 11)  # not (100% + 0%) / 2
    assert street.before.response_rate is None  # nothing last month: shown as 暂无


def test_street_staff_download_the_streets_and_each_communitys_monthly_report(
    street: Street,
) -> None:
    client = street.client()
    assert client.get("/overview/report.xlsx", follow_redirects=False).status_code == 303
    _sign_in(client)
    answer = client.get("/overview/report.xlsx", params={"month": "2026-12"})
    assert answer.status_code == 200
    assert "filename*=UTF-8''" in answer.headers["content-disposition"]
    book = load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames == ["2026年12月", "2026年11月", "当前情况"]
    month = [row[:2] for row in book["2026年12月"].iter_rows(min_row=2, values_only=True)]
    assert month == [("幸福里社区", 1), ("金茂社区", 1), ("幸福街道合计", 2)]
    now = list(book["当前情况"].values)
    assert now[0][0] == "范围（截至12月15日 09:00）"
    assert now[-1] == ("幸福街道合计", 2, 0, 0)
    one = client.get("/overview/report.xlsx", params={"month": "2026-12", "community": "jinmao"})
    sheet = load_workbook(io.BytesIO(one.content))["概况"]
    assert next(sheet.iter_rows(min_row=2, values_only=True))[:2] == ("金茂社区 2026年12月", 1)
    unknown = client.get("/overview/report.xlsx", params={"community": "hongxing"})
    assert unknown.status_code == 404 and "没有这个社区。" in unknown.text
    # A month that cannot be reported on is said so, not swapped for another or a crash.
    for month in ("9999-12", "0001-01", "1900-01", "2027-01", "abc", "2026-13", "😀"):
        refused = client.get("/overview/report.xlsx", params={"month": month})
        assert refused.status_code == 400, month
        assert "月份不对，请选择 2000 年 1 月到本月之间的月份。" in refused.text


def test_the_streets_own_pages_answer_errors_in_chinese(street: Street) -> None:
    client = street.client()
    for path in ("/nonexistent", "/c/nope/", "/overview/x"):
        missing = client.get(path)
        assert missing.status_code == 404 and "没有这个页面。" in missing.text, path
    assert "没有这个页面。" in client.get("/logout").text
    flood = client.post("/login", data={f"f{i}": "x" for i in range(50)})
    assert flood.status_code == 400 and "请求没有完成" in flood.text
    assert "Internal Server Error" not in flood.text


def test_no_community_account_signs_in_to_the_street_and_no_street_account_to_a_community(
    street: Street,
) -> None:
    client = street.client()
    refused = _sign_in(client, "admin-jinmao")
    assert refused.status_code == 401
    assert "用户名或密码不对" in refused.text
    page = client.get("/c/jinmao/login")
    form = {"username": "jiedao", "password": PASSWORD, "csrf_token": csrf_of(page.text)}
    assert client.post("/c/jinmao/login", data=form).status_code == 401


def test_the_street_cookie_opens_no_communitys_pages_and_theirs_not_the_overview(
    street: Street,
) -> None:
    client = street.client()
    _sign_in(client)
    cookie = next(c for c in client.cookies.jar if c.name == "hongqiao_street")
    assert cookie.path == "/"
    tickets = client.get("/c/xingfuli/tickets/1", follow_redirects=False)
    assert tickets.status_code == 303 and "/c/xingfuli/login" in tickets.headers["location"]
    # A community's signed cookie replayed as the street's: the office's key is its own.
    other = street.client()
    page = other.get("/c/jinmao/login")
    form = {"username": "admin-jinmao", "password": PASSWORD, "csrf_token": csrf_of(page.text)}
    other.post("/c/jinmao/login", data=form)
    theirs = next(c for c in other.cookies.jar if c.name == "hongqiao_session")
    replayed = street.client().get(
        "/overview", headers={"Cookie": f"hongqiao_street={theirs.value}"}, follow_redirects=False
    )
    assert replayed.status_code == 303 and replayed.headers["location"] == "/login"


def test_signing_out_of_the_street_ends_the_session_and_a_forged_form_is_refused(
    street: Street,
) -> None:
    client = street.client()
    _sign_in(client)
    forged = client.post("/logout", data={"csrf_token": "guessed"})
    assert forged.status_code == 403 and "页面已过期" in forged.text
    assert client.get("/overview").status_code == 200
    token = csrf_of(client.get("/overview").text)
    copied = dict(client.cookies)
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/overview", follow_redirects=False).status_code == 303
    # The cookie copied before signing out opens nothing any more.
    again = street.client()
    again.cookies.update(copied)
    assert again.get("/overview", follow_redirects=False).status_code == 303


def test_guessing_street_passwords_is_slowed_as_a_communitys_is(street: Street) -> None:
    client = street.client()
    for _ in range(2):
        assert "用户名或密码不对" in _sign_in(client, "jiedao", "wrong-password-1").text
    assert "密码错误次数过多" in _sign_in(client, "jiedao", "wrong-password-1").text
    waited = _sign_in(client, "jiedao", PASSWORD)  # the right one too, until the wait is over
    assert waited.status_code == 401
    assert "密码错误次数过多，请 30 秒后再试。" in waited.text


def test_the_terminal_adds_street_accounts_which_get_no_role_grid_or_token(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.setenv("HONGQIAO_DATABASE_URL", database_url)
    get_settings.cache_clear()  # read again, with this database
    request.addfinalizer(get_settings.cache_clear)  # and the usual one after
    assert main(["user", "add", "wangke", "--street", "--name", "王科长", "--generate"]) == 0
    assert "已创建账户 wangke。" in capsys.readouterr().out
    assert main(["user", "list", "--street"]) == 0
    assert "wangke\tstreet\t王科长" in capsys.readouterr().out
    assert main(["user", "token", "wangke", "--street"]) == 1
    assert "街道账户只能查看街道总览" in capsys.readouterr().err
    assert main(["user", "add", "liwang", "--street", "--grid", "1", "--generate"]) == 1
    assert main(["user", "list"]) == 0  # the first community's accounts: none of the office's
    assert "wangke" not in capsys.readouterr().out


def test_a_street_account_disabled_from_the_terminal_is_signed_out_until_enabled(
    street: Street,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The office has no accounts page: someone who leaves is stopped from the terminal."""
    client = street.client()
    assert _sign_in(client, "jiedao", PASSWORD).status_code == 303
    assert client.get("/overview").status_code == 200
    monkeypatch.setenv("HONGQIAO_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        assert main(["user", "disable", "jiedao", "--street"]) == 0
        assert "已停用账户 jiedao，用它登录的页面也已退出。" in capsys.readouterr().out
        assert client.get("/overview", follow_redirects=False).status_code == 303
        assert "用户名或密码不对" in _sign_in(street.client(), "jiedao", PASSWORD).text
        assert main(["user", "enable", "jiedao", "--street"]) == 0
        assert _sign_in(street.client(), "jiedao", PASSWORD).status_code == 303
        assert main(["user", "disable", "nobody", "--street"]) == 1
        assert "nobody" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()


def test_the_street_offices_sqlite_file_is_backed_up_and_restored_with_street(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'live' / 'hongqiao.db'}"
    office = open_office(url)
    with transaction(office.factory) as session:
        accounts.add_street_account(
            session, username="wangke", password=PASSWORD, now=FakeClock().now(), display_name=None
        )
    office.engine.dispose()
    copy = tmp_path / "office.backup"
    assert main(["backup", str(copy), "--db", url, "--street"]) == 0
    assert "--community xingfuli / jinmao" in capsys.readouterr().out  # theirs are apart
    restored = f"sqlite:///{tmp_path / 'new' / 'hongqiao.db'}"
    assert main(["restore", str(copy), "--db", restored, "--street"]) == 0
    assert (tmp_path / "new" / "hongqiao.street-office.db").exists()
    with open_office(restored).factory() as session:
        assert [a.username for a in accounts.list_accounts(session)] == ["wangke"]
