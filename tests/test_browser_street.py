"""The street's web service on a phone, in Debian's Chromium: the street's page lists its
communities, fits the screen and passes axe; a worker of 金茂社区 picks it, signs in, and the
playground and the ticket list work under /c/jinmao with 金茂's own ticket numbers; the street
office signs in and reads its overview on a phone and a desktop."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bot.playground import playground_router
from bot.simulator import Simulator
from service.bootstrap import open_core
from service.clock import FakeClock
from service.db import transaction
from service.settings import REPO_ROOT, Settings
from service.staff import accounts
from service.street.office import open_office
from service.street.web import CommunityService, mount_path, street_app
from service.web.app import create_app
from tests.browser_support import chromium, ensure_axe, live_server
from tests.dialog import verify_dialog
from tests.sample_config import JINMAO, XINGFULI
from tests.test_browser_pages import _check, _context
from tests.test_street_communities import GARBAGE_IN_JINMAO, LAMP_IN_XINGFULI
from tests.web_support import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]


def test_a_phone_finds_its_community_and_works_in_it(tmp_path: Path) -> None:
    settings = Settings(config_dir=REPO_ROOT / "config")
    url = f"sqlite:///{tmp_path / 'street.db'}"
    sims = [
        Simulator(
            open_core(settings, database_url=url, fresh=True, community=slug),
            FakeClock(FakeClock().now().replace(day=15, hour=8)),
        )
        for slug in (XINGFULI, JINMAO)
    ]
    for sim, transcript in zip(sims, (LAMP_IN_XINGFULI, GARBAGE_IN_JINMAO), strict=True):
        # Playwright's sync API runs an event loop in this thread; the simulator's own
        # asyncio.run goes to a thread of its own.
        seeding = threading.Thread(target=verify_dialog, args=(sim, transcript))
        seeding.start()
        seeding.join()
        with transaction(sim.core.factory) as session:
            accounts.add_account(
                session,
                sim.core.community,
                username="boss",
                password=PASSWORD,
                role="admin",
                grid=None,
                person=None,
                now=sim.clock.now(),
            )
    services = [
        CommunityService(
            sim.core,
            create_app(
                sim.core,
                [playground_router(sim)],
                clock=sim.clock,
                secret_key=f"browser-{sim.core.slug}",
                mounted_at=mount_path(sim.core.slug),
            ),
            playground=True,
        )
        for sim in sims
    ]
    office = open_office(url, fresh=True)
    with transaction(office.factory) as session:
        accounts.add_street_account(
            session,
            username="jiedao",
            password=PASSWORD,
            now=sims[0].clock.now(),
            display_name=None,
        )
    app = street_app("幸福街道", services, office, sims[0].clock)
    try:
        with live_server(app) as site, chromium() as browser:  # type: ignore[arg-type]
            context = _context(browser, "phone")
            page = context.new_page()
            page.goto(site + "/")
            expect(page.locator("h1")).to_have_text("幸福街道的社区")
            assert _check(page, "street", "phone", ensure_axe()) == []
            page.get_by_role("link", name="金茂社区").click()
            expect(page).to_have_url(re.compile(r"/c/jinmao/login\?next=/$"))
            page.fill("input[name=username]", "boss")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_contain_text("今日概况")
            expect(page.locator(".brand")).to_contain_text("金茂社区")

            page.goto(site + "/c/jinmao/playground")
            page.wait_for_selector(".pg-col .msg", state="attached")
            page.select_option("#group", "2号楼居民群")
            page.fill("#sender", "小周")
            page.fill("#text", "2号楼楼道灯坏了")
            page.click("#say button[type=submit]")
            expect(page.locator("#columns")).to_contain_text("工单 #2")
            expect(page.locator("#say-error")).to_be_hidden()

            page.goto(site + "/c/jinmao/tickets")
            page.get_by_role("link", name="#2").first.click()
            expect(page).to_have_url(re.compile(r"/c/jinmao/tickets/2$"))
            expect(page.locator("main")).to_contain_text("2号楼楼道灯坏了")

            # The API docs: this service's own Swagger UI under 金茂's path, nothing blocked.
            refused: list[str] = []
            page.on("console", lambda m: refused.append(m.text) if "Policy" in m.text else None)
            page.goto(site + "/c/jinmao/docs")
            expect(page.locator(".swagger-ui .info .title")).to_contain_text("Hongqiao")
            expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
            assert refused == []
            context.close()

            # The street office on a phone: signs in from the street's page, reads the overview
            # with every community's row as a card, and downloads the report.
            for viewport in ("phone", "desktop"):
                context = _context(browser, viewport)
                page = context.new_page()
                page.goto(site + "/")
                page.get_by_role("link", name="登录街道总览").click()
                assert _check(page, "street-login", viewport, ensure_axe()) == []
                page.fill("input[name=username]", "jiedao")
                page.fill("input[name=password]", PASSWORD)
                page.click("button[type=submit]")
                expect(page.locator("h1")).to_contain_text("街道总览")
                expect(page.locator("tr[data-community=jinmao]")).to_contain_text("金茂社区")
                assert _check(page, "street-overview", viewport, ensure_axe()) == []
                with page.expect_download() as download:
                    page.get_by_role("button", name="下载 Excel").click()
                assert download.value.suggested_filename == "幸福街道月报-2026-12.xlsx"
                context.close()
    finally:
        office.engine.dispose()
        for sim in sims:
            sim.close()
            sim.core.engine.dispose()
