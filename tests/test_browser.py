"""The dashboard in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from bot.simulator import Simulator
from service.clock import FakeClock
from tests.browser_support import chromium, live_server, seeded_web
from tests.web_support import PASSWORD, Web

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

# (days after 1 November, group, resident, words, resolved after hours or None)
HISTORY = [
    (1, "1号楼居民群", "赵大妈", "1单元楼道灯不亮了", 3),
    (3, "2号楼居民群", "钱叔", "2号楼电梯异响", 30),
    (6, "4号楼居民群", "孙阿姨", "楼下装修太吵了", 200),
    (9, "5号楼居民群", "李伯", "3单元下水道堵了", 20),
    (14, "6号楼居民群", "周姐", "楼道灯坏了", 5),
    (20, "3号楼居民群", "吴奶奶", "电梯按钮失灵", None),
    (29, "1号楼居民群", "郑叔", "2单元漏水严重", 10),
    (30, "2号楼居民群", "王阿姨", "楼道灯一闪一闪", 2),
    (31, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了", None),
    (32, "4号楼居民群", "冯伯", "4号楼电梯又停了", 4),
    (33, "5号楼居民群", "陈嫂", "楼上半夜很吵", None),
    (34, "3号楼居民群", "褚大爷", "1单元门口漏水", None),
    (35, "6号楼居民群", "卫阿姨", "电梯里有人被困", None),
]


def seed(sim: Simulator, clock: FakeClock) -> None:
    start = clock.now()
    for days, group, resident, words, hours in HISTORY:
        clock.set(max(clock.now(), start + timedelta(days=days)))
        replies = asyncio.run(sim.say(group, resident, words))
        if hours is not None:
            number = next(r.text.split("#")[1].split("】")[0] for r in replies if "【" in r.text)
            clock.advance(timedelta(hours=hours))
            party = next(r.room_id for r in replies if r.text.startswith("【"))
            asyncio.run(sim.say(party, "王书记", f"#{number} 已处理 已修好"))
            asyncio.run(sim.say(group, resident, "满意" if hours < 24 else "不满意 太慢了"))
    clock.set(start + timedelta(days=36, hours=2))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Web, str]]:
    web = seeded_web(tmp_path / "browser.db", seed)
    web.add_staff("wang", "community", person="王书记")
    with live_server(web.app) as url:
        yield web, url
    web.sim.core.engine.dispose()


def sign_in(page: Page, url: str, password: str = PASSWORD) -> None:
    page.goto(f"{url}/")
    page.fill("input[name=username]", "wang")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def test_sign_in_filter_resolve_and_see_the_message_queued(
    browser: Browser, site: tuple[Web, str]
) -> None:
    web, url = site
    page = browser.new_page()
    sign_in(page, url, "wrong password")
    expect(page.get_by_role("alert")).to_contain_text("用户名或密码不对")
    sign_in(page, url)
    expect(page.locator("h1")).to_contain_text("今日概况")

    page.click("text=工单")
    page.fill("input[name=building]", "3")
    page.select_option("select[name=state]", "open")
    page.click("text=筛选")
    expect(page.locator("#total")).to_contain_text("共 3 件")
    page.click("a[href='/tickets/9']")
    expect(page.locator("#resident-words")).to_have_text("2单元楼道灯坏了好几天了")
    page.fill("textarea[name=note]", "换了灯泡")
    page.click("button:text('办结')")
    expect(page.get_by_role("status")).to_contain_text("已办结，已通知3号楼党小组、反映问题的居民")

    page.click("text=发送状态")
    expect(page.locator("#pending-rows")).to_contain_text("工单 #9 已办结（王书记）：换了灯泡")
    expect(page.locator("#pending-rows")).to_contain_text("已处理：换了灯泡。请回复“满意”")
    assert ("3号楼党小组", "工单 #9 已办结（王书记）：换了灯泡") in web.outbox()


def test_import_with_one_bad_row_and_download_the_monthly_report(
    browser: Browser, site: tuple[Web, str], tmp_path: Path
) -> None:
    _, url = site
    page = browser.new_page(accept_downloads=True)
    sign_in(page, url)
    page.click("text=导入导出")
    with page.expect_download() as template:
        page.click("text=下载模板")
    assert template.value.suggested_filename == "社区名单模板.xlsx"
    workbook = load_workbook(io.BytesIO(Path(template.value.path()).read_bytes()))
    workbook["成员"].append(["周阿姨", "1380013800", 3, "党小组长"])  # one digit short
    edited = tmp_path / "名单.xlsx"
    workbook.save(edited)
    page.set_input_files("input[type=file]", str(edited))
    page.click("text=上传并导入")
    expect(page.locator("#import-result")).to_contain_text("没有导入：发现 1 处问题")
    expect(page.locator("#import-problems")).to_have_text("成员 第13行：手机号“1380013800”格式不对")
    page.click("text=活动与成员")
    expect(page.locator("body")).not_to_contain_text("周阿姨")

    page.click("text=导入导出")
    with page.expect_download() as report:
        page.click("text=下载月报")
    assert report.value.suggested_filename.startswith("月报-")
    book = load_workbook(io.BytesIO(Path(report.value.path()).read_bytes()))
    assert book.sheetnames == [
        "概况",
        "网格",
        "楼栋",
        "类别",
        "当前超时工单",
        "党员积分",
        "党小组积分",
        "月度通报",
        "一事一议",
    ]
    assert list(book["概况"].values)[1][1] == 6  # tickets received this month


def test_today_and_charts_pages_render(browser: Browser, site: tuple[Web, str]) -> None:
    _, url = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, url)
    expect(page.locator("[data-kpi=resolution_rate] .value")).to_have_text("33%")
    expect(page.locator(".tile").first).to_be_visible()

    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    sign_in(phone, url)
    expect(phone.locator("h1")).to_contain_text("今日概况")

    page.click("text=图表")
    page.wait_for_function(
        "() => window.Chart && Chart.instances && Object.keys(Chart.instances).length === 4"
    )
