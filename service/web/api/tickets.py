"""/api/v1/tickets: list, read and act on tickets with the same domain functions as chat and the
dashboard."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from service.community import Community
from service.dashboard.search import TicketFilter, search_tickets
from service.dashboard.upstream import due_times
from service.models import Ticket
from service.tickets import states
from service.tickets.messages import place_of
from service.tickets.wording import describe
from service.web.actions import Action, ActionInput, perform, visible_ticket
from service.web.api.types import RowId
from service.web.auth import ApiStaff
from service.web.context import DB, ClockDep, CoreDep, Staff

router = APIRouter()

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
TicketId = RowId


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
