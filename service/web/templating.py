"""Jinja2 templates (autoescaped) and the context every page gets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from service.community.imports import KIND_LABELS_ZH
from service.staff.accounts import ROLE_LABELS_ZH
from service.tickets import states
from service.tickets.wording import describe
from service.understanding.model import CATEGORY_LABELS_ZH
from service.web.context import Staff, core_of

TEMPLATES = Path(__file__).resolve().parent / "templates"
templates = Jinja2Templates(directory=TEMPLATES)

NAV = (
    ("today", "/", "今日"),
    ("tickets", "/tickets", "工单"),
    ("charts", "/charts", "图表"),
    ("members", "/members", "活动与成员"),
    ("delivery", "/delivery", "发送状态"),
    ("data", "/data", "导入导出"),
    ("playground", "/playground", "模拟群聊"),
)


def _local(value: datetime | None, zone: str, fmt: str = "%m-%d %H:%M") -> str:
    return value.astimezone(ZoneInfo(zone)).strftime(fmt) if value else "—"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


templates.env.filters["local"] = _local
templates.env.filters["percent"] = _percent
templates.env.globals.update(
    STATE_LABELS=states.LABELS_ZH,
    describe_event=describe,
    CATEGORY_LABELS=CATEGORY_LABELS_ZH,
    ROLE_LABELS=ROLE_LABELS_ZH,
    KIND_LABELS=KIND_LABELS_ZH,
    ACTIVE_STATES=states.ACTIVE,
    NAV=NAV,
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
            **context,
        },
        status_code=status_code,
    )
