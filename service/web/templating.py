"""Jinja2 templates (autoescaped) and the context every page gets."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from service.community.imports import KIND_LABELS_ZH
from service.dashboard.words import duration_zh
from service.staff.accounts import ROLE_LABELS_ZH
from service.tickets import states
from service.understanding.model import CATEGORY_LABELS_ZH
from service.web.context import Staff, clock_of, core_of
from service.web.paths import root

TEMPLATES = Path(__file__).resolve().parent / "templates"
templates = Jinja2Templates(directory=TEMPLATES)

NAV = (
    ("today", "/", "今日"),
    ("tickets", "/tickets", "工单"),
    ("charts", "/charts", "图表"),
    ("corrections", "/corrections", "识别更正"),
    ("members", "/members", "活动与成员"),
    ("points", "/points", "党员积分"),
    ("visits", "/visits", "党员包户"),
    ("consultations", "/consultations", "一事一议"),
    ("wall", "/wall", "回音壁"),
    ("delivery", "/delivery", "发送状态"),
    ("data", "/data", "导入导出"),
    ("playground", "/playground", "模拟群聊"),
    ("account", "/account", "我的账户"),
)
ADMIN_NAV = (("accounts", "/accounts", "账户管理"),)


def nav_items(staff: Staff | None) -> tuple[tuple[str, str, str], ...]:
    """Every section the account may open, in menu order."""
    if staff is None:
        return ()
    return NAV + ADMIN_NAV if staff.is_admin else NAV


def _local(value: datetime | None, zone: str, fmt: str = "%m-%d %H:%M") -> str:
    return value.astimezone(ZoneInfo(zone)).strftime(fmt) if value else "—"


def _percent(value: float | None) -> str:
    return "暂无" if value is None else f"{value * 100:.0f}%"


def _place(ticket: Any) -> str:
    """Building, unit and room as a resident would say them."""
    if not ticket.building:
        return "未注明楼栋"
    unit = f"{ticket.unit}单元" if ticket.unit else ""
    room = f"{ticket.room}室" if getattr(ticket, "room", None) else ""
    return f"{ticket.building}号楼{unit}{room}"


def _ago(value: datetime | None, now: datetime) -> str:
    return f"{duration_zh(now - value)}前" if value else "—"


def _duration(value: timedelta) -> str:
    return duration_zh(value)


templates.env.filters["local"] = _local
templates.env.filters["percent"] = _percent
templates.env.filters["place"] = _place
templates.env.filters["ago"] = _ago
templates.env.filters["duration"] = _duration
templates.env.globals.update(
    STATE_LABELS=states.LABELS_ZH,
    CATEGORY_LABELS=CATEGORY_LABELS_ZH,
    ROLE_LABELS=ROLE_LABELS_ZH,
    KIND_LABELS=KIND_LABELS_ZH,
    ACTIVE_STATES=states.ACTIVE,
    nav_items=nav_items,
)


def render(
    request: Request, name: str, staff: Staff | None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    from service.web.auth import csrf_token, pop_flash

    community = core_of(request).community
    return templates.TemplateResponse(
        request,
        name,
        {
            "staff": staff,
            "community": community,
            "tz": community.timezone,
            "csrf_token": csrf_token(request),
            "flash": pop_flash(request),
            "now": clock_of(request).now(),
            "root": root(request),
            **context,
        },
        status_code=status_code,
    )
