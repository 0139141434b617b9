"""Open311 GeoReport v2 over tickets: categories are services, states map to open/closed."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community
from service.dashboard.upstream import due_times
from service.errors import InvalidInput, NotPermitted
from service.models import Ticket, TicketEvent
from service.outbox import Notice
from service.textclean import clean, clean_line
from service.tickets import flows, states, stats
from service.tickets.messages import place_of
from service.understanding import Classifier
from service.understanding.model import CATEGORY_LABELS_ZH, REQUEST_CATEGORIES

ROOM = "open311"  # tickets filed over Open311 have no chat room to answer in
SERVICE_DESCRIPTIONS = {
    "maintenance": "楼道灯、电梯、水电、管道等公共设施维修",
    "care": "独居老人、困难家庭等爱心帮扶",
    "inquiry": "政策、办事流程等信息咨询",
    "culture": "文化娱乐活动",
    "emergency": "火情、燃气泄漏、有人被困等紧急情况",
    "dispute": "噪音、邻里纠纷等矛盾调处",
}
MAX_DESCRIPTION = 2000


def services() -> list[dict[str, Any]]:
    return [
        {
            "service_code": code,
            "service_name": CATEGORY_LABELS_ZH[code],
            "description": SERVICE_DESCRIPTIONS.get(code, ""),
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": "紧急" if code == "emergency" else "社区服务",
        }
        for code in sorted(REQUEST_CATEGORIES)
    ]


def status(ticket: Ticket) -> str:
    return "open" if ticket.state in states.ACTIVE else "closed"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def status_notes(ticket: Ticket) -> str:
    label = states.LABELS_ZH.get(ticket.state, ticket.state)
    notes = [e.note for e in ticket.events if e.note]
    return f"{label}：{notes[-1]}" if notes else label


def as_request(ticket: Ticket, community: Community) -> dict[str, Any]:
    _, resolve_due = due_times(ticket, community)
    return {
        "service_request_id": str(ticket.id),
        "status": status(ticket),
        "status_notes": status_notes(ticket),
        "service_name": CATEGORY_LABELS_ZH.get(ticket.category, ticket.category),
        "service_code": ticket.category,
        "description": ticket.text,
        "agency_responsible": ticket.assigned_group,
        "service_notice": "",
        "requested_datetime": _iso(ticket.created_at),
        "updated_datetime": _iso(ticket.updated_at),
        "expected_datetime": _iso(resolve_due) if ticket.state in states.ACTIVE else None,
        "address": place_of(ticket).label(),
        "address_id": ticket.building,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def file_request(
    session: Session,
    community: Community,
    classifier: Classifier,
    *,
    service_code: str,
    description: str,
    address: str,
    name: str,
    contact: str,
    now: datetime,
    account: Actor,
    scope: stats.Scope,
) -> Filed:
    """Open a ticket from an Open311 POST by a staff account of `scope`, for a building of the
    community within it (an emergency may name none); only the staff group is notified, and the
    ticket's history names the account."""
    if service_code not in REQUEST_CATEGORIES:
        raise InvalidInput(f"unknown service_code {service_code!r}", "没有这类服务。")
    description = clean(description)
    address, name, contact = (clean_line(x) for x in (address, name, contact))
    description = description.strip()
    if not description:
        raise InvalidInput("description is required", "请描述问题。")
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput(f"description longer than {MAX_DESCRIPTION}", "描述太长了。")
    understood = classifier.classify(f"{address.strip()} {description}".strip())
    building = understood.building
    if building is None and service_code != "emergency":
        raise InvalidInput(
            "address_string must name a building, e.g. 3号楼2单元", "请在地址里写明几号楼。"
        )
    if building is not None and building not in {str(b) for b in community.buildings}:
        raise InvalidInput(
            f"{community.name} has no building {building}", f"本社区没有{building}号楼。"
        )
    if building is not None and not stats.covers_building(community, scope, building):
        raise NotPermitted(
            f"account {account.id} may not file requests for building {building},"
            f" outside {scope.label(community)}",
            f"{building}号楼不在{scope.label(community)}，请联系社区登记。",
        )
    understood = dataclasses.replace(
        understood,
        category=service_code,
        emergency=service_code == "emergency" or understood.emergency,
        summary=understood.summary or description[:20],
    )
    # Each request is its own reporter: Open311 has no conversation to repeat oneself in, and a
    # shared one ("anonymous", or one e-mail filing twice) made a second report "您已反映过",
    # stored nowhere. As a reporter of its own it opens a ticket or joins one as a follower
    # whose words are in the ticket's history.
    who = contact[:100] or "anonymous"
    reporter = Actor(f"open311:{who}:{uuid.uuid4().hex[:12]}", name[:64] or "Open311")
    report = flows.Report(text=description, reporter=reporter, room_id=ROOM, group=None)
    outcome = flows.open_ticket(session, community, report, understood, now)
    outcome.ticket.events.append(
        TicketEvent(
            kind="filed_for", actor_id=account.id, actor_name=account.name, note="Open311", at=now
        )
    )
    joined = outcome.ticket.reporter_id != reporter.id
    return Filed(outcome.ticket, without_open311_room(outcome.notices), joined)


@dataclasses.dataclass(frozen=True)
class Filed:
    """What became of an Open311 request: a new ticket, or one it joined as a follower."""

    ticket: Ticket
    notices: list[Notice]
    joined: bool

    def notice_zh(self) -> str:
        """The answer's service_notice, saying which of the two happened."""
        ticket = self.ticket
        if self.joined:
            return (
                f"同一问题已登记为工单 #{ticket.id}，您的反映已并入该工单，"
                f"由{ticket.assigned_group}办理。"
            )
        return f"已登记为工单 #{ticket.id}，由{ticket.assigned_group}办理。"


def without_open311_room(notices: list[Notice]) -> list[Notice]:
    return [n for n in notices if n.room_id != ROOM]
