"""Reminders going out today, from the events module when this installation has it."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from service.community import Community

EVENTS_MODULE = "service.events"


@dataclass(frozen=True)
class Reminder:
    at: datetime
    group: str
    text: str


def events_available() -> bool:
    try:
        return importlib.util.find_spec(EVENTS_MODULE) is not None
    except ModuleNotFoundError:
        return False


def reminders_today(session: Session, community: Community, now: datetime) -> list[Reminder]:
    """Empty until the events branch provides `service.events.reminders_on(session, community,
    now)` returning objects with at, group and text."""
    if not events_available():
        return []
    module = importlib.import_module(EVENTS_MODULE)
    source = getattr(module, "reminders_on", None)
    if source is None:
        return []
    return [Reminder(r.at, r.group, r.text) for r in source(session, community, now)]
