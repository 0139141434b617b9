"""What a resident group may read of a ticket: the one place staff notes and summaries are made
fit for the wall. Residents' names and nicknames (of the tickets shown), a surname with an
honorific (张阿姨), phone numbers and room numbers are taken out; the place is the building and
unit only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from service.tickets.routing import Place
from service.wall.config import WallConfig

_PHONE = re.compile(r"(?<!\d)1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?!\d)")
# 3-2-501, 3栋2单元501室, 501室, 1203, 五零一室: a room is never shown (building and unit are).
_ROOMS = (
    re.compile(r"(?<!\d)\d{1,2}\s*[-－]\s*\d{1,2}\s*[-－]\s*\d{3,4}(?!\d)"),
    re.compile(r"(?<!\d)\d{3,4}\s*(?:室|房间|号房|房|户|号)?(?!\d)"),
    re.compile(r"[零〇一二三四五六七八九]{3,4}\s*(?:室|房|户|号)"),
)
_ROOM_WORDS = re.compile(r"(?:的|家)?(?:楼上|楼下|隔壁|对门)(?=[，,。；;\s]|$)")
_CLAUSES = re.compile(r"(?<=[，,。；;])")
_SPACES = re.compile(r"\s+")
_PUNCT_RUNS = re.compile(r"([，,。；;、])\1+")


def place(building: str | None, unit: str | None) -> str:
    """3号楼2单元: never the room."""
    return Place(building, unit, None).label()


@cache
def _honorific(surnames: str, honorifics: tuple[str, ...]) -> re.Pattern[str] | None:
    if not surnames or not honorifics:
        return None
    words = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
    return re.compile(rf"(?:老|小)?[{re.escape(surnames)}](?:{words})")


_NEIGHBOURS = re.compile(r"楼上|楼下|隔壁|对门")


def people_by_name(text: str, config: WallConfig) -> set[str]:
    """The residents `text` names by a surname and an honorific (王奶奶; 老张 alone is no
    honorific)."""
    pattern = _honorific(config.surnames, config.honorifics)
    return set(pattern.findall(text)) if pattern is not None else set()


def people_named(text: str, config: WallConfig) -> set[str]:
    """The residents `text` names by a surname and an honorific or as a neighbouring household
    (楼下, 对门 …)."""
    return people_by_name(text, config) | set(_NEIGHBOURS.findall(text))


def scrub(text: str, names: Iterable[str], config: WallConfig, room: str | None = None) -> str:
    """`text` without residents' names, nicknames, phone or room numbers, on one line."""
    out = _SPACES.sub(" ", text).strip()
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        out = out.replace(name, config.resident_word)
    pattern = _honorific(config.surnames, config.honorifics)
    if pattern is not None:
        out = pattern.sub(config.resident_word, out)
    # "有事打138…": the whole clause goes with the number
    out = "".join(c for c in _CLAUSES.split(out) if not _PHONE.search(c))
    if room:
        out = out.replace(f"{room}室", "").replace(room, "")
    for rooms in _ROOMS:
        out = rooms.sub("", out)
    out = _ROOM_WORDS.sub("", out)
    out = _PUNCT_RUNS.sub(r"\1", out)
    return out.strip(" ，,。；;、：:")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
