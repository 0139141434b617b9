"""Every dashboard page as a person sees it, on a phone (390×844) and a desktop (1366×900), in
Debian's Chromium: screenshots into tests/artifacts/, what a person would check, and an axe-core
accessibility scan."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import select

from bot.simulator import Simulator
from service.clock import FakeClock
from service.db import transaction
from service.models import Ticket
from service.settings import REPO_ROOT
from service.staff import admin
from service.tickets.jobs import sweep_tickets
from service.web.templating import NAV
from tests.browser_support import chromium, ensure_axe, live_server, seeded_web
from tests.test_browser import seed
from tests.web_support import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# More reports after the history of tests/test_browser.py, so lists need a second page, one gas
# emergency sits among routine requests, and one report repeats an open one.
MORE = [
    ("1号楼居民群", "黄阿姨", "3单元门禁坏了进不去"),
    ("2号楼居民群", "林叔", "楼下垃圾好几天没人清了"),
    ("4号楼居民群", "何姐", "4单元楼道灯不亮"),
    ("4号楼居民群", "马叔", "4单元楼道灯坏了"),
    ("5号楼居民群", "高伯", "1单元水管漏水"),
    ("6号楼居民群", "罗姨", "6号楼电梯停了"),
    ("1号楼居民群", "梁叔", "1单元门口路灯坏了"),
    ("3号楼居民群", "宋奶奶", "楼上装修太吵了"),
    ("4号楼居民群", "唐大爷", "2单元下水道堵了"),
    ("5号楼居民群", "许阿姨", "2单元楼道里堆满杂物"),
    ("2号楼居民群", "韩姐", "3单元楼道里好大一股煤气味"),
    ("3号楼居民群", "冯大妈", "2单元楼道灯坏了好几天了"),
]
RAW_CODE = re.compile(r"[A-Za-z_]{3,}")


@dataclass
class Site:
    url: str
    core: Any
    rich: int  # a ticket with reminders, escalations and a follower in its timeline
    gas: int  # the gas emergency
    quiet: int  # an open routine ticket to transfer


def _seed_more(sim: Simulator, clock: FakeClock) -> None:
    seed(sim, clock)
    for group, resident, words in MORE:
        clock.advance(timedelta(minutes=10))
        asyncio.run(sim.say(group, resident, words))
    for hours in (1, 30, 80):  # reminders, then escalations up the ladder
        sweep_tickets(sim.core.factory, sim.core.community, clock.now() + timedelta(hours=hours))
    clock.advance(timedelta(hours=80))


def _ticket_id(site_core: Any, words: str) -> int:
    with transaction(site_core.factory) as session:
        found = session.scalar(select(Ticket.id).where(Ticket.text == words).order_by(Ticket.id))
    assert found is not None, words
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    web = seeded_web(tmp_path_factory.mktemp("pages") / "pages.db", _seed_more)
    web.add_staff("boss", "admin", person="王书记")
    core = web.sim.core
    with transaction(core.factory) as session:
        admin.add(
            session,
            core.community,
            "boss",
            username="liwg",
            role="grid",
            grid=1,
            display_name="李网格长",
            now=web.sim.clock.now(),
        )
    with live_server(web.app) as url:
        yield Site(
            url,
            core,
            rich=_ticket_id(core, "4单元楼道灯不亮"),
            gas=_ticket_id(core, "3单元楼道里好大一股煤气味"),
            quiet=_ticket_id(core, "楼上半夜很吵"),
        )
    core.engine.dispose()


def _context(browser: Browser, viewport: str) -> BrowserContext:
    phone = viewport == "phone"
    return browser.new_context(
        viewport=VIEWPORTS[viewport],  # type: ignore[arg-type]
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
        locale="zh-CN",
    )


def _sign_in(page: Page, url: str) -> None:
    page.goto(f"{url}/login")
    page.fill("input[name=username]", "boss")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("今日概况")


@pytest.fixture(scope="module")
def signed_in(browser: Browser, site: Site) -> Iterator[dict[str, Page]]:
    pages = {}
    contexts = []
    for name in VIEWPORTS:
        context = _context(browser, name)
        contexts.append(context)
        page = context.new_page()
        _sign_in(page, site.url)
        pages[name] = page
    yield pages
    for context in contexts:
        context.close()


# -- what a person checks on every page ---------------------------------------------------------

OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.skip')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if (r.right > width + 1 || r.left < -1) {
      wide.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.left) + '–'
        + Math.round(r.right));
    }
  }
  return {width, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 8)};
}"""

SMALL_TEXT_JS = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('script, style, datalist')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 14) small.push(size + 'px ' + node.textContent.trim().slice(0, 20));
  }
  return small.slice(0, 8);
}"""

AXE_JS = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
}"""


def _check(page: Page, name: str, viewport: str, axe: Path) -> list[str]:
    """Screenshot the page and list what is wrong with it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{viewport}.png"), full_page=True)
    problems = []
    layout = page.evaluate(OVERFLOW_JS)
    if layout["scroll"] > layout["width"] or layout["wide"]:
        problems.append(f"{name}/{viewport}: wider than the screen: {layout}")
    if viewport == "phone":
        small = page.evaluate(SMALL_TEXT_JS)
        if small:
            problems.append(f"{name}/{viewport}: text under 14px: {small}")
    # Evaluated by the browser's devtools protocol: pages forbid inline <script> (CSP).
    page.evaluate(axe.read_text(encoding="utf-8") + "\n;true")
    violations = page.evaluate(AXE_JS)
    if violations:
        problems.append(f"{name}/{viewport}: axe: {violations}")
    return problems


def _pages(site: Site) -> list[tuple[str, str]]:
    return [
        ("today", "/"),
        ("tickets", "/tickets"),
        ("tickets-page-2", "/tickets?page=2"),
        ("ticket-emergency", f"/tickets/{site.gas}"),
        ("ticket-timeline", f"/tickets/{site.rich}"),
        ("charts", "/charts"),
        ("members", "/members"),
        ("points", "/points"),
        ("wall", "/wall"),
        ("delivery", "/delivery"),
        ("data", "/data"),
        ("playground", "/playground"),
        ("account", "/account"),
        ("accounts", "/accounts"),
    ]


def _settle(page: Page, name: str) -> None:
    if name == "charts":
        page.wait_for_function(
            "() => window.Chart && Object.keys(Chart.instances).length"
            " === document.querySelectorAll('canvas').length"
        )
    if name == "playground":
        page.wait_for_selector(".pg-col .msg")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_fits_reads_and_passes_axe(
    browser: Browser, site: Site, signed_in: dict[str, Page], viewport: str
) -> None:
    axe = ensure_axe()
    page = signed_in[viewport]
    problems = []
    blocked: list[str] = []  # anything the Content-Security-Policy refused is a broken page
    page.on("console", lambda m: blocked.append(m.text) if "Security Policy" in m.text else None)
    for name, path in _pages(site):
        page.goto(site.url + path)
        _settle(page, name)
        problems += _check(page, name, viewport, axe)
    signed_out = _context(browser, viewport).new_page()
    signed_out.goto(f"{site.url}/login")
    problems += _check(signed_out, "login", viewport, axe)
    signed_out.context.close()
    assert not problems, "\n".join(problems)
    assert not blocked, blocked


def test_every_section_is_reachable_from_the_phone_menu(
    site: Site, signed_in: dict[str, Page]
) -> None:
    page = signed_in["phone"]
    page.goto(site.url + "/")
    page.click("#menu-button")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "menu-open-phone.png"))
    page.click("#menu-button")
    sections = [*NAV, ("accounts", "/accounts", "账户管理")]
    for _, href, label in sections:
        button = page.locator("#menu-button")
        expect(button).to_be_visible()
        expect(page.locator(f"#menu a[href='{href}']")).to_be_hidden()  # folded until asked
        button.click()
        link = page.locator(f"#menu a[href='{href}']")
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        link.click()
        page.wait_for_url(f"**{href}")
        expect(page.locator("#menu a[aria-current=page]")).to_have_text(label)
        expect(page.locator("header .here")).to_contain_text(label)  # seen without opening


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_emergencies_come_first_and_in_red(
    site: Site, signed_in: dict[str, Page], viewport: str
) -> None:
    page = signed_in[viewport]
    page.goto(site.url + "/tickets")
    urgent = page.locator(f"#urgent-rows tr[data-ticket='{site.gas}']")
    expect(urgent).to_have_class(re.compile("urgent"))
    routine = page.locator("#ticket-rows tbody tr:not(.urgent)").first
    urgent_box, routine_box = urgent.bounding_box(), routine.bounding_box()
    assert urgent_box and routine_box and urgent_box["y"] < routine_box["y"]
    colour = "el => getComputedStyle(el).backgroundColor"
    mark = "el => getComputedStyle(el).boxShadow"
    cell = "td" if viewport == "desktop" else ""
    pick = (lambda row: row.locator("td").first) if cell else (lambda row: row)
    assert pick(urgent).evaluate(colour) != pick(routine).evaluate(colour)
    assert "inset" in pick(urgent).evaluate(mark) or "inset" in urgent.evaluate(mark)

    page.goto(site.url + "/")
    emergencies = page.locator("#emergencies").bounding_box()
    first_rate = page.locator(".kpi").first.bounding_box()
    assert emergencies and first_rate and emergencies["y"] < first_rate["y"]
    expect(page.locator(f"#emergencies tr[data-ticket='{site.gas}']")).to_be_visible()


def test_timeline_speaks_chinese_and_names_both_groups(
    site: Site, signed_in: dict[str, Page]
) -> None:
    page = signed_in["desktop"]
    page.goto(f"{site.url}/tickets/{site.rich}")
    timeline = page.locator("#timeline").inner_text()
    assert "超时提醒" in timeline and "又有居民反映同一问题" in timeline
    assert not RAW_CODE.search(timeline), timeline
    for code in ("reminder", "escalated", "follower_added", "待受理 → 待受理"):
        assert code not in timeline

    page.goto(f"{site.url}/tickets/{site.quiet}")
    target = page.locator("select[name=target]")
    assert target.evaluate("el => el.value") == ""  # no group chosen for the worker
    expect(page.get_by_label(re.compile("^转给"))).to_be_visible()
    target.select_option("物业服务中心群")
    page.click("button:text('转办')")
    expect(page.get_by_role("status")).to_contain_text("已转办")
    timeline = page.locator("#timeline").inner_text()
    assert "从“5号楼党小组”转给“物业服务中心群”" in timeline, timeline
    assert not RAW_CODE.search(timeline), timeline


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_playground_looks_like_the_dashboard(
    site: Site, signed_in: dict[str, Page], viewport: str
) -> None:
    page = signed_in[viewport]
    page.goto(site.url + "/playground")
    page.wait_for_selector(".pg-col .msg.bot.urgent")
    expect(page.locator("#menu a[aria-current=page]")).to_have_text("模拟群聊")
    background = "el => getComputedStyle(el).backgroundColor"
    bot = page.locator(".msg.bot:not(.urgent)").first
    person = page.locator(".msg.person").first
    assert bot.evaluate(background) != person.evaluate(background)
    assert person.evaluate("el => getComputedStyle(el).wordBreak") != "break-all"
    alert = page.locator(".msg.bot.urgent").first
    expect(alert).to_contain_text("煤气")
    assert alert.evaluate(background) not in (bot.evaluate(background), person.evaluate(background))
    expect(page.locator("#alerts")).to_be_visible()
    first_column = page.locator(".pg-col").first
    expect(first_column).to_have_class(re.compile("has-urgent"))


def test_charts_have_axes_with_units_whole_numbers_and_colours_by_meaning(
    site: Site, signed_in: dict[str, Page]
) -> None:
    page = signed_in["desktop"]
    page.goto(site.url + "/charts")
    _settle(page, "charts")
    charts = page.evaluate(
        """() => Object.values(Chart.instances).map((c) => {
          const [value, place] = c.options.indexAxis === "y" ? ["x", "y"] : ["y", "x"];
          return {
            id: c.canvas.id,
            place: c.options.scales[place].title.text, value: c.options.scales[value].title.text,
            precision: c.options.scales[value].ticks.precision,
            labels: c.config.plugins.map((p) => p.id),
            colours: Object.fromEntries(c.data.datasets.map((d) => [d.label, d.backgroundColor])),
          };
        })"""
    )
    assert {c["id"] for c in charts} == {"weekly", "resolve", "grids", "buildings"}
    for chart in charts:
        assert chart["place"] and chart["value"], chart
        assert "valueLabels" in chart["labels"]
        if chart["id"] in ("weekly", "resolve"):
            assert chart["value"] == "工单数（件）" and chart["precision"] == 0
        else:
            assert chart["value"] == "比例（%）"
    by_id = {c["id"]: c["colours"] for c in charts}
    shared = set(by_id["weekly"]) & set(by_id["resolve"])
    assert shared and all(by_id["weekly"][k] == by_id["resolve"][k] for k in shared)
    reds = [k for c in charts for k, v in c["colours"].items() if v == "#c62828"]
    assert set(reds) <= {"应急处理"}


def test_keyboard_focus_is_visible(site: Site, signed_in: dict[str, Page]) -> None:
    page = signed_in["desktop"]
    page.goto(site.url + "/tickets")
    seen = []
    for _ in range(6):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """() => { const s = getComputedStyle(document.activeElement);
                   return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"""
            )
        )
    assert all(style != "none" and float(width[:-2]) >= 2 for _, style, width in seen), seen
