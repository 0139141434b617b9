"""党员包户 page: each household with its kind, member, last visit and next due, the overdue
ones first and highlighted, who is behind, and the latest visits. Read only: thin over
service.visits."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from service.dashboard.upstream import scope_groups
from service.visits import flows
from service.visits.config import current_households
from service.visits.models import HouseholdVisit
from service.web.auth import StaffDep
from service.web.context import DB, ClockDep, CoreDep
from service.web.paging import paginate
from service.web.templating import render

router = APIRouter(include_in_schema=False)
RECENT_PER_PAGE = 20


def _status(state: flows.HouseholdState) -> tuple[str, str]:
    """(label, css class) of a household's visit status."""
    if state.escalated:
        return "严重逾期", "urgent"
    if state.overdue:
        return "逾期", "urgent"
    if state.late:
        return "该走访了", "open"
    return "按时", "resolved"


@router.get("/visits")
def visits_page(
    request: Request,
    staff: StaffDep,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    vp: str = "1",
) -> Response:
    community = core.community
    config = current_households(community)
    now = clock.now()
    found = flows.states(session, community, config, now)
    visits = list(
        session.scalars(
            select(HouseholdVisit).order_by(
                HouseholdVisit.visited_at.desc(), HouseholdVisit.id.desc()
            )
        )
    )
    if not staff.is_admin and staff.scope.kind != "community":
        # A grid account sees its own buildings' households only (rooms, contact names).
        buildings, _ = scope_groups(community, staff.scope)
        found = [s for s in found if str(s.household.building) in buildings]
        keys = {s.household.key for s in found}
        visits = [v for v in visits if v.household in keys]
    found.sort(key=lambda s: (not s.escalated, not s.overdue, not s.late, s.due))
    behind = Counter(s.household.member for s in found if s.overdue)
    labels = {h.key: h.label for h in config.households}
    recent = paginate(visits, vp, RECENT_PER_PAGE, "vp")
    return render(
        request,
        "visits.html",
        staff,
        page="visits",
        rows=[(s, *_status(s)) for s in found],
        behind=behind.most_common(),
        overdue=sum(1 for s in found if s.overdue),
        started=flows.started(community, config, now),
        since=config.since,
        kinds=config.kinds,
        labels=labels,
        recent=recent,
        params={"vp": recent.page},
    )
