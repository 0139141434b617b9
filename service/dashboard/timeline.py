"""A ticket's audit events in plain Chinese for the ticket page: who did what, with the detail.

The page renders every event through `describe`, and only through it; the words for each kind
of event come from `service.tickets.wording`, which chat uses too. Nothing else on the page
knows event codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.models import TicketEvent
from service.tickets import wording

SYSTEM_ZH = "红桥小助手"


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: who, what, and an optional detail in words."""

    who: str
    what: str
    detail: str | None


def describe(event: TicketEvent) -> Entry:
    """What happened in the shared wording of audit events (service/tickets/wording.py, also
    used by chat), and the detail in words (a transfer names both groups)."""
    who = SYSTEM_ZH if event.actor_id == "system" else event.actor_name
    return Entry(who, wording.describe(event).action, _detail(event))


def _detail(event: TicketEvent) -> str | None:
    note = (event.note or "").strip() or None
    if note is None:
        return None
    if event.kind == "transferred" and "→" in note:
        old, new = (part.strip() for part in note.split("→", 1))
        return f"从“{old}”转给“{new}”"
    if event.kind in ("reminder", "escalated") and "→" in note:
        what, group = (part.strip() for part in note.split("→", 1))
        return f"{what}，已通知“{group}”"
    if event.kind == "merged" and note.startswith("→"):
        return f"合并到工单 {note[1:].strip()}"
    if event.kind == "place_given":
        return f"地点：{note}"
    if event.kind == "reopened":
        return f"原因：{note}"
    return note
