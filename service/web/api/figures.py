"""/api/v1/stats: the four rates and counts for a period, as the chat command 统计 computes them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query
from pydantic import BaseModel

from service.dashboard.upstream import Figures, Scope, compute_figures
from service.errors import InvalidInput, NotPermitted
from service.web.auth import ApiStaff
from service.web.context import DB, ClockDep, CoreDep

router = APIRouter()


class FiguresOut(BaseModel):
    scope: str
    number: int | None
    start: datetime
    end: datetime
    figures: Figures  # service.tickets.stats.Figures, as the chat command 统计 computes it


@router.get("/stats", summary="Figures for a period: 受理量, 响应率, 解决率, 满意率 …")
def stats(
    staff: ApiStaff,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    start: date | None = None,
    end: date | None = None,
    scope: Literal["community", "grid", "building"] = "community",
    number: Annotated[int | None, Query(ge=1, le=100_000)] = None,
) -> FiguresOut:
    zone = ZoneInfo(core.community.timezone)
    today = clock.now().astimezone(zone).date()
    first = start or today.replace(day=1)
    last = end or today + timedelta(days=1)
    if last <= first or (last - first).days > 3660:
        raise InvalidInput("end must be after start, within ten years", "结束日期应晚于开始日期。")
    if scope != "community" and number is None:
        raise InvalidInput(f"scope {scope} needs a number", "请指定网格或楼号。")
    wanted = Scope(scope, number if scope != "community" else None)
    if staff.scope.kind == "grid" and not _within(core, staff.scope, wanted):
        raise NotPermitted(f"{staff.username} may only see grid {staff.grid}", "只能查看本网格。")
    f = compute_figures(
        session,
        core.community,
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(last, time.min, tzinfo=zone),
        wanted,
        clock.now(),
    )
    return FiguresOut(
        scope=wanted.kind,
        number=wanted.number,
        start=datetime.combine(first, time.min, tzinfo=zone),
        end=datetime.combine(last, time.min, tzinfo=zone),
        figures=f,
    )


def _within(core: CoreDep, mine: Scope, wanted: Scope) -> bool:
    if wanted.kind == "grid":
        return wanted.number == mine.number
    if wanted.kind == "building" and wanted.number is not None:
        grid = core.community.grid_of_building(wanted.number)
        return grid is not None and grid.number == mine.number
    return False
