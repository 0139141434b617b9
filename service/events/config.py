"""config/events.yaml: presets for the party's fixed cadences and volunteer work, and the
recurring events built from them. Validated at start-up; errors name file, line and key."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from dateutil.rrule import rrulestr
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from service.community import Community
from service.community.yaml_source import (
    ReferenceProblem,
    any_exists,
    config_files,
    load_model,
)
from service.events.leads import Lead, parse_lead

log = logging.getLogger(__name__)

Category = Literal["meeting", "volunteer"]
HolidayPolicy = Literal["move", "skip", "keep"]
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_rrule(value: str | None) -> str | None:
    if value is None:
        return None
    if "DTSTART" in value.upper() or not value.upper().startswith("FREQ="):
        raise ValueError(
            f"{value!r}: write only the RRULE value, e.g. 'FREQ=MONTHLY;BYMONTHDAY=5' "
            "(the start date goes in `starts`, the time in `time`)"
        )
    try:
        rrulestr(value, dtstart=datetime(2026, 1, 1))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{value!r} is not a valid RFC 5545 RRULE: {exc}") from exc
    return value


def _check_time(value: str | None) -> str | None:
    if value is not None and not _TIME.match(value):
        raise ValueError(f"{value!r} is not a time of day like '19:30'")
    return value


def _check_leads(value: tuple[str, ...] | None) -> tuple[str, ...] | None:
    for spec in value or ():
        parse_lead(spec)
    return value


class Timing(_Strict):
    """What a preset gives its events and an event may override."""

    category: Category | None = None
    rrule: str | None = None
    time: str | None = None
    duration: int | None = Field(default=None, ge=5, le=24 * 60, description="minutes")
    capacity: int | None = Field(default=None, ge=1, le=1000)
    holiday: HolidayPolicy | None = None
    reminders: tuple[str, ...] | None = None
    summary: str | None = None  # lead time of the organiser's summary

    _rrule = field_validator("rrule")(_check_rrule)
    _time = field_validator("time")(_check_time)
    _reminders = field_validator("reminders")(_check_leads)

    @field_validator("summary")
    @classmethod
    def _summary(cls, value: str | None) -> str | None:
        if value is not None:
            parse_lead(value)
        return value


class Defaults(_Strict):
    duration: int = Field(default=90, ge=5, le=24 * 60)
    reminders: tuple[str, ...] = ("1d@18:00", "1h")
    summary: str | None = "2h"
    holiday: HolidayPolicy = "move"

    _reminders = field_validator("reminders")(_check_leads)


class Audience(_Strict):
    groups: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


class SeriesEntry(Timing):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    title: str = Field(min_length=1, max_length=100)
    preset: str | None = None
    place: str = Field(default="", max_length=100)
    audience: Audience
    organiser: str | None = None
    starts: date = date(2026, 1, 1)
    until: date | None = None


class EventsFile(_Strict):
    defaults: Defaults = Defaults()
    presets: dict[str, Timing] = Field(default_factory=dict)
    series: tuple[SeriesEntry, ...] = ()

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> EventsFile:
        community: Community = (info.context or {})["community"]
        people = {p.name for p in community.people}
        seen: set[str] = set()
        for i, entry in enumerate(self.series):
            if entry.id in seen:
                raise ReferenceProblem(("series", i, "id"), f"{entry.id!r} is used twice")
            seen.add(entry.id)
            if entry.preset is not None and entry.preset not in self.presets:
                raise ReferenceProblem(
                    ("series", i, "preset"), f"no preset named {entry.preset!r} under presets"
                )
            preset = self.presets.get(entry.preset or "", Timing())
            for key in ("rrule", "time"):
                if getattr(entry, key) is None and getattr(preset, key) is None:
                    raise ReferenceProblem(
                        ("series", i), f"needs `{key}`, directly or from its preset"
                    )
            if not entry.audience.groups and not entry.audience.members:
                raise ReferenceProblem(("series", i, "audience"), "names no group and no member")
            for j, group in enumerate(entry.audience.groups):
                if community.group(group) is None:
                    raise ReferenceProblem(
                        ("series", i, "audience", "groups", j), f"{group!r} is not a group"
                    )
            for j, member in enumerate(entry.audience.members):
                if member not in people:
                    raise ReferenceProblem(
                        ("series", i, "audience", "members", j), f"{member!r} is not in people"
                    )
            if entry.organiser is not None and entry.organiser not in people:
                raise ReferenceProblem(
                    ("series", i, "organiser"), f"{entry.organiser!r} is not in people"
                )
        return self


@dataclass(frozen=True)
class EventTemplate:
    """Everything an occurrence of a recurring event needs, presets and defaults applied."""

    key: str
    title: str
    kind: str
    category: Category
    rrule: str
    time: time
    starts: date
    until: date | None
    duration: int
    place: str
    audience_groups: tuple[str, ...]
    audience_members: tuple[str, ...]
    organiser: str | None
    capacity: int | None
    reminders: tuple[Lead, ...]
    summary: Lead | None
    holiday: HolidayPolicy


@dataclass(frozen=True)
class EventsConfig:
    defaults: Defaults
    series: tuple[EventTemplate, ...]

    @property
    def default_reminders(self) -> tuple[Lead, ...]:
        return tuple(parse_lead(s) for s in self.defaults.reminders)

    @property
    def default_summary(self) -> Lead | None:
        return parse_lead(self.defaults.summary) if self.defaults.summary else None


EMPTY = EventsConfig(Defaults(), ())


def _template(entry: SeriesEntry, file: EventsFile) -> EventTemplate:
    preset = file.presets.get(entry.preset or "", Timing())
    defaults = file.defaults

    def pick(key: str) -> Any:
        value = getattr(entry, key)
        return value if value is not None else getattr(preset, key)

    hour, minute = (int(x) for x in pick("time").split(":"))
    # `summary: null` switches the organiser's summary off, so "set" matters, not "not None".
    summary = next(
        (t.summary for t in (entry, preset) if "summary" in t.model_fields_set), defaults.summary
    )
    return EventTemplate(
        key=entry.id,
        title=entry.title,
        kind=entry.preset or "活动",
        category=pick("category") or "meeting",
        rrule=pick("rrule"),
        time=time(hour, minute),
        starts=entry.starts,
        until=entry.until,
        duration=pick("duration") or defaults.duration,
        place=entry.place,
        audience_groups=entry.audience.groups,
        audience_members=entry.audience.members,
        organiser=entry.organiser,
        capacity=pick("capacity"),
        reminders=tuple(parse_lead(s) for s in (pick("reminders") or defaults.reminders)),
        summary=parse_lead(summary) if summary else None,
        holiday=pick("holiday") or defaults.holiday,
    )


def load_events(config_dir: Path, community: Community) -> EventsConfig:
    """Read config_dir/events.yaml (optional: without it there are no recurring events)."""
    paths = config_files(config_dir, "events.yaml")
    if not any_exists(paths):
        log.info("no %s: no recurring events", paths[-1])
        return EMPTY
    file = load_model(paths, EventsFile, context={"community": community})
    return EventsConfig(file.defaults, tuple(_template(entry, file) for entry in file.series))
