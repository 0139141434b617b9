"""账户管理 in the browser's forms: admins add, reset, change role and grid, disable; audited."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from bot.simulator import Simulator
from service.db import transaction
from service.staff import admin
from tests.web_support import Web, flash_of, make_web, post_form, sign_in

_SHOWN = re.compile(r'<div class="once" id="new-password".*?<code>([^<]+)</code>', re.S)


def _web(sim: Simulator) -> Web:
    web = make_web(sim)
    web.add_staff("boss", "admin", person="王书记")
    web.add_staff("wang", "community")
    return web


def _shown_password(html: str) -> str:
    match = _SHOWN.search(html)
    assert match, "no password shown"
    return match.group(1)


def _can_sign_in(web: Web, username: str, password: str) -> bool:
    return sign_in(TestClient(web.app), username, password).url.path == "/"


def test_admin_adds_resets_changes_and_disables_an_account(sim: Simulator) -> None:
    web = _web(sim)
    client = web.login("boss")
    added = post_form(
        client,
        "/accounts",
        "/accounts",
        {"username": "liwg", "display_name": "李网格长", "role": "grid", "grid": "1"},
    )
    first = _shown_password(added.text)
    assert _can_sign_in(web, "liwg", first)
    assert first not in client.get("/accounts").text  # shown once only

    reset = post_form(client, "/accounts", "/accounts/liwg/password", {})
    second = _shown_password(reset.text)
    assert second != first
    assert not _can_sign_in(web, "liwg", first) and _can_sign_in(web, "liwg", second)

    moved = post_form(client, "/accounts", "/accounts/liwg/role", {"role": "community"})
    assert flash_of(moved.text) == "已修改 liwg 的角色。"
    off = post_form(client, "/accounts", "/accounts/liwg/active", {"active": "0"})
    assert flash_of(off.text) == "已停用账户 liwg。"
    assert not _can_sign_in(web, "liwg", second)

    with transaction(sim.core.factory) as session:
        log = [(e.actor, e.account, e.action, e.detail) for e in admin.audit_log(session)]
    assert log == [
        ("boss", "liwg", "disabled", None),
        ("boss", "liwg", "role_changed", "网格工作人员（第1网格） → 社区工作人员"),
        ("boss", "liwg", "password_reset", None),
        ("boss", "liwg", "added", "网格工作人员（第1网格）"),
    ]
    page = client.get("/accounts").text
    assert "停用账户" in page and "修改角色" in page and "重设密码" in page


def test_admins_cannot_lock_themselves_out_and_others_cannot_manage(sim: Simulator) -> None:
    web = _web(sim)
    client = web.login("boss")
    refused = post_form(client, "/accounts", "/accounts/boss/active", {"active": "0"})
    assert "不能停用自己" in flash_of(refused.text)
    bad = post_form(client, "/accounts", "/accounts", {"username": "x y", "role": "community"})
    assert bad.status_code == 422 and "用户名只能用" in bad.text

    staff = web.login("wang")
    assert staff.get("/accounts").status_code in (400, 403)
    assert "账户管理" not in staff.get("/").text


def test_login_page_names_whom_to_ask(sim: Simulator) -> None:
    web = _web(sim)
    page = web.client().get("/login").text
    assert "请联系管理员 王书记" in page
    assert "hongqiao user" not in page


def test_login_page_never_shows_an_admins_username(sim: Simulator) -> None:
    """An admin account created without a name of its own goes by its username: the public
    sign-in page does not show it (red team #8), and says whom to ask in general."""
    web = make_web(sim)
    web.add_staff("root2026", "admin")
    page = web.client().get("/login").text
    assert "root2026" not in page
    assert "请联系社区管理员" in page
