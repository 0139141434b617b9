"""REST API /api/v1: the same domain functions as chat and the dashboard, bearer-token auth."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from service.community import Community
from service.community import members as member_list
from service.dashboard.reminders import Upcoming, upcoming_events, upcoming_of
from service.dashboard.search import TicketFilter, search_tickets
from service.dashboard.upstream import Figures, Scope, compute_figures, due_times
from service.events.flows import get_event
from service.models import Ticket
from service.tickets import states
from service.tickets.messages import place_of
from service.tickets.wording import describe
from service.web.actions import Action, ActionInput, perform, visible_ticket
from service.web.auth import ApiStaff
from service.web.context import DB, ClockDep, CoreDep, Staff

router = APIRouter(prefix="/api/v1", tags=["api"])

State = Literal[
    "open",
    "claimed",
    "resolved",
    "closed",
    "reopened",
    "duplicate",
    "not_responsible",
    "cancelled",
]
Category = Literal["maintenance", "care", "inquiry", "culture", "emergency", "dispute"]
TicketId = Annotated[int, Field(ge=1, le=2**31 - 1)]


class TimelineEntry(BaseModel):
    kind: str
    action_zh: str  # the same wording as the chat timeline and the ticket page
    from_state: str | None
    to_state: str | None
    actor: str
    note: str | None
    at: datetime


class TicketOut(BaseModel):
    id: int
    state: str
    state_label: str
    category: str
    subcategory: str | None
    emergency: bool
    building: str | None
    unit: str | None
    room: str | None
    place: str
    text: str
    summary: str
    reporter_name: str
    assigned_group: str
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    resolution_note: str | None
    claim_due: datetime
    resolve_due: datetime

    @classmethod
    def of(cls, t: Ticket, community: Community) -> TicketOut:
        claim_due, resolve_due = due_times(t, community)
        return cls(
            id=t.id,
            state=t.state,
            state_label=states.LABELS_ZH.get(t.state, t.state),
            category=t.category,
            subcategory=t.subcategory,
            emergency=t.emergency,
            building=t.building,
            unit=t.unit,
            room=t.room,
            place=place_of(t).label(),
            text=t.text,
            summary=t.summary,
            reporter_name=t.reporter_name,
            assigned_group=t.assigned_group,
            created_at=t.created_at,
            updated_at=t.updated_at,
            resolved_at=t.resolved_at,
            resolution_note=t.resolution_note,
            claim_due=claim_due,
            resolve_due=resolve_due,
        )


class TicketDetail(TicketOut):
    timeline: list[TimelineEntry]


class TicketPage(BaseModel):
    items: list[TicketOut]
    total: int
    total_capped: bool = Field(description="true when there are more than `total` (10,000)")
    page: int
    per_page: int


class ResolveIn(BaseModel):
    note: str = Field(default="", max_length=500)


class TransferIn(BaseModel):
    target: str = Field(
        min_length=1, max_length=128, description="group name or alias: 物业, 2号楼, 第一网格"
    )


class MergeIn(BaseModel):
    into_id: TicketId


class NoteIn(BaseModel):
    note: str = Field(min_length=1, max_length=500)


class ActionOut(BaseModel):
    ticket: TicketOut
    notified: list[str]


class FiguresOut(BaseModel):
    scope: str
    number: int | None
    start: datetime
    end: datetime
    figures: Figures  # service.tickets.stats.Figures, as the chat command 统计 computes it


class BuildingOut(BaseModel):
    number: int
    grid: int
    grid_name: str
    party_group: str | None
    active_tickets: int | None = None


class GroupOut(BaseModel):
    name: str
    kind: str
    building: int | None
    grid: int | None
    leader: str | None
    members: list[str]


class MemberOut(BaseModel):
    name: str
    roles: list[str]
    groups: list[str]
    phone: str | None
    building: int | None


class MeOut(BaseModel):
    username: str
    display_name: str
    role: str
    grid: int | None


@router.get("/me", summary="The account behind the token")
def me(staff: ApiStaff) -> MeOut:
    return MeOut(
        username=staff.username, display_name=staff.display_name, role=staff.role, grid=staff.grid
    )


@router.get("/tickets", summary="Tickets, newest first, with filters and pagination")
def list_tickets(
    staff: ApiStaff,
    session: DB,
    core: CoreDep,
    state: State | None = None,
    category: Category | None = None,
    subcategory: Annotated[str | None, Query(max_length=40)] = None,
    grid: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    building: Annotated[int | None, Query(ge=1, le=100_000)] = None,
    since: date | None = None,
    until: date | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> TicketPage:
    flt = TicketFilter(state, category, subcategory, grid, building, since, until, q)
    found = search_tickets(session, core.community, staff.scope, flt, page, per_page)
    return TicketPage(
        items=[TicketOut.of(t, core.community) for t in found.items],
        total=found.total,
        total_capped=found.total_capped,
        page=found.page,
        per_page=found.per_page,
    )


@router.get("/tickets/{ticket_id}", summary="One ticket with its timeline")
def get_ticket(ticket_id: TicketId, staff: ApiStaff, session: DB, core: CoreDep) -> TicketDetail:
    ticket = visible_ticket(session, core.community, staff, ticket_id)
    timeline = [
        TimelineEntry(
            kind=e.kind,
            action_zh=describe(e).action,
            from_state=e.from_state,
            to_state=e.to_state,
            actor=e.actor_name,
            note=e.note,
            at=e.at,
        )
        for e in ticket.events
    ]
    return TicketDetail(**TicketOut.of(ticket, core.community).model_dump(), timeline=timeline)


def _act(
    staff: Staff,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
    ticket_id: int,
    action: Action,
    given: ActionInput,
) -> ActionOut:
    outcome = perform(session, core.community, staff, ticket_id, action, given, clock.now())
    notified = [n.group or "居民" for n in outcome.notices]
    return ActionOut(ticket=TicketOut.of(outcome.ticket, core.community), notified=notified)


@router.post("/tickets/{ticket_id}/claim", summary="Claim (接单)")
def claim(
    ticket_id: TicketId, staff: ApiStaff, session: DB, core: CoreDep, clock: ClockDep
) -> ActionOut:
    return _act(staff, session, core, clock, ticket_id, "claim", ActionInput())


@router.post("/tickets/{ticket_id}/resolve", summary="Resolve with a note (办结)")
def resolve(
    ticket_id: TicketId,
    body: ResolveIn,
    staff: ApiStaff,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
) -> ActionOut:
    return _act(staff, session, core, clock, ticket_id, "resolve", ActionInput(note=body.note))


@router.post("/tickets/{ticket_id}/transfer", summary="Transfer to another group (转办)")
def transfer(
    ticket_id: TicketId,
    body: TransferIn,
    staff: ApiStaff,
    session: DB,
    core: CoreDep,
    clock: ClockDep,
) -> ActionOut:
    return _act(staff, session, core, clock, ticket_id, "transfer", ActionInput(target=body.target))


@router.post("/tickets/{ticket_id}/merge", summary="Merge into another ticket (重复)")
def merge(
    ticket_id: TicketId, body: MergeIn, staff: ApiStaff, session: DB, core: CoreDep, clock: ClockDep
) -> ActionOut:
    return _act(staff, session, core, clock, ticket_id, "merge", ActionInput(into_id=body.into_id))


@router.post("/tickets/{ticket_id}/complex", summary="Mark complex: 15-day limit (复杂)")
def complex_(
    ticket_id: TicketId, staff: ApiStaff, session: DB, core: CoreDep, clock: ClockDep
) -> ActionOut:
    return _act(staff, session, core, clock, ticket_id, "complex", ActionInput())


@router.post("/tickets/{ticket_id}/notes", summary="Add a note without a state change (备注)")
def note(
    ticket_id: TicketId, body: NoteIn, staff: ApiStaff, session: DB, core: CoreDep, clock: ClockDep
) -> ActionOut:
    return _act(staff, session, core, clock, ticket_id, "note", ActionInput(note=body.note))


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
    from service.errors import InvalidInput, NotPermitted

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


@router.get("/buildings", summary="Buildings with their grid and party group")
def buildings(staff: ApiStaff, core: CoreDep) -> list[BuildingOut]:
    community = core.community
    out = []
    for grid in community.grids:
        if staff.scope.kind == "grid" and grid.number != staff.grid:
            continue
        for b in grid.buildings:
            party = community.party_group(b)
            out.append(
                BuildingOut(
                    number=b,
                    grid=grid.number,
                    grid_name=grid.name,
                    party_group=party.name if party else None,
                )
            )
    return out


@router.get("/groups", summary="Configured chat groups")
def groups(staff: ApiStaff, core: CoreDep) -> list[GroupOut]:
    return [
        GroupOut(
            name=g.name,
            kind=g.kind,
            building=g.building,
            grid=g.grid,
            leader=g.leader,
            members=list(g.members),
        )
        for g in core.community.groups
    ]


@router.get("/members", summary="Community members with their groups and contacts")
def members(staff: ApiStaff, session: DB, core: CoreDep) -> list[MemberOut]:
    return [
        MemberOut(
            name=m.name,
            roles=list(m.roles),
            groups=list(m.groups),
            phone=m.phone,
            building=m.building,
        )
        for m in member_list.members(session, core.community)
    ]


class SignUpOut(BaseModel):
    member: str
    status: str
    people: int = Field(description="People this answer brings, the member included")
    reason: str | None
    at: datetime


class EventOut(BaseModel):
    id: int
    ref: str
    title: str
    kind: str
    category: str
    starts_at: datetime
    duration_minutes: int
    place: str
    audience: list[str]
    capacity: int | None
    signed_up: int
    waiting: int
    leave: int


class EventDetail(EventOut):
    responses: list[SignUpOut]


def _event_out(u: Upcoming) -> EventOut:
    e = u.event
    return EventOut(
        id=e.id,
        ref=e.ref,
        title=e.title,
        kind=e.kind,
        category=e.category,
        starts_at=e.starts_at,
        duration_minutes=e.duration_minutes,
        place=e.place,
        audience=[*e.audience_groups, *e.audience_members],
        capacity=e.capacity,
        signed_up=u.signed_up,
        waiting=u.waiting,
        leave=u.leave,
    )


@router.get("/events", summary="Scheduled events of the next 31 days with sign-up counts")
def events(staff: ApiStaff, session: DB, clock: ClockDep) -> list[EventOut]:
    return [_event_out(u) for u in upcoming_events(session, clock.now(), limit=200)]


@router.get("/events/{event_id}", summary="One event with its sign-ups")
def event(event_id: TicketId, staff: ApiStaff, session: DB) -> EventDetail:
    e = get_event(session, event_id)
    out = _event_out(upcoming_of(e))
    return EventDetail(
        **out.model_dump(),
        responses=[
            SignUpOut(
                member=r.member_name,
                status=r.status,
                people=r.seats or 1,
                reason=r.reason,
                at=r.updated_at,
            )
            for r in e.responses
        ],
    )
