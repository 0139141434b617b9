"""回音壁 page: one building's week as its resident group reads it (service/wall/digest.py, the
same read as the chat digest), printable on one A4 page for the notice board. Read only; grid
accounts see the buildings of their grid."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from service.tickets.stats import scope_groups
from service.wall import digest
from service.wall import jobs as wall_jobs
from service.wall.config import current_config
from service.web.auth import StaffDep
from service.web.context import DB, ClockDep, CoreDep
from service.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/wall")
def wall_page(
    request: Request,
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    building: str = "",
    week: str = "",
) -> Response:
    community = core.community
    config = current_config()
    now = clock.now()
    zone = community.zone
    visible, _ = scope_groups(community, staff.scope)
    buildings = sorted(b for b in community.buildings if not visible or str(b) in visible)
    chosen = next((b for b in buildings if str(b) == building.strip()), buildings[0])
    this_week = digest.week_of(now.astimezone(zone).date(), config, zone)
    shown = digest.parse_week(week, digest.last_week(now, config, zone), config, zone)
    wall = digest.building_wall(session, community, config, chosen, shown, now)
    groups = [g.name for g in community.groups if g.kind == "resident" and g.building == chosen]
    sent = [(g, wall_jobs.sent_text(session, g, shown.key)) for g in groups]
    return render(
        request,
        "wall.html",
        staff,
        page="wall",
        wall=wall,
        buildings=buildings,
        building=chosen,
        week=shown.key,
        week_label=shown.label(zone),
        week_over=shown.end <= now,
        when=f"每{config.day} {config.time:%H:%M}",
        sent=[(g, text) for g, text in sent if text],
        groups=groups,
        this_week=this_week.key,
        line_text=digest.line_text,
    )
