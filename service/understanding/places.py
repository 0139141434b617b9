"""Find building, unit and room numbers in a normalised message.

Accepted: 3号楼, 三号楼, 3栋, 3幢, 3#楼, 3#, 第三栋, 2单元, 二单元, 3-2-501, 5-501, 501室,
a room right after the building or unit (5号楼501, 九号楼三零二), a room followed by
的/室/家 (502的陈阿姨), and a neighbour's room right after a neighbour word (楼上502, 隔壁的301:
the words are the lexicon's `neighbour` cues, passed in by the classifier). Not places: floors
(5楼, 五层), landmarks, parking codes (B2-068), phone numbers, dates, times, money and counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from service.understanding.numerals import cn_digits, cn_to_int

_CN_NUMBER = "[一二三四五六七八九十]{1,3}"  # no 两: "两栋楼" counts buildings
_CN_ROOM = "[零〇○洞一幺二三四五六七八九]{3,4}"
_NOT_BEFORE_NUMBER = r"(?<![0-9A-Za-z.:/\-#+])"

_BUILDING = re.compile(
    rf"(?:第\s*)?{_NOT_BEFORE_NUMBER}(?P<num>\d{{1,3}}|{_CN_NUMBER})\s*"
    r"(?P<mark>号楼|号栋|栋|幢|#\s*楼|#)"
)
_UNIT = re.compile(rf"(?<![0-9A-Za-z.:/\-])(?P<num>\d{{1,2}}|{_CN_NUMBER})\s*单元")
_TRIPLE = re.compile(
    rf"{_NOT_BEFORE_NUMBER}(?P<b>\d{{1,3}})\s*-\s*(?P<u>\d{{1,2}})\s*-\s*(?P<r>\d{{3,4}})(?![\d\-])"
)
_DOUBLE = re.compile(rf"{_NOT_BEFORE_NUMBER}(?P<b>\d{{1,3}})\s*-\s*(?P<r>\d{{3,4}})(?![\d\-:])")
# A room written straight after a building or unit: 5号楼501, 3单元302, 九号楼三零二. A measure
# word right after the digits makes them no room ("12层", "300米"); after a space, only the
# marks of a floor or a building do: "2单元402 楼上502…", "1单元602 天花板…" keep the flat (day 17).
_ROOM_AFTER = re.compile(
    rf"\s*(?P<r>\d{{3,4}}|{_CN_ROOM})(?![\d零〇一二三四五六七八九十]|\s+(?:层|号楼|栋|幢|单元)|(?:楼|层|号楼|栋|幢|单元|块|元|个|人|米|平|年|月|日|天|次|斤|:))"
)
# ... and after a neighbour word, where "502天天漏水" is a room and a habit, not 502 days.
_ROOM_OF_NEIGHBOUR = re.compile(_ROOM_AFTER.pattern.replace("|天|", "|天(?!天)|"))
# "119的人到了", "120的车来了": the rescuers of an emergency number, not room 119. A flat
# pointed at as someone (501那个又喝多了, 501又在大喊大叫, 602还在滴: day 33) is marked too.
_ROOM_MARKED = re.compile(
    rf"{_NOT_BEFORE_NUMBER}(?!(?:110|119|120)(?:的|又|还|那|这))(?P<r>\d{{3,4}}|{_CN_ROOM})\s*"
    r"(?=室|号房|房间|的|住户|业主|家|门口|又|还|那个|那家|那户|这家)"
)

# ... or a flat named by who lives there, right after it (402赵奶奶还是没动静: day 46 R48).
_ROOM_OF_PERSON = re.compile(
    rf"{_NOT_BEFORE_NUMBER}(?!110|119|120)(?P<r>\d{{3,4}})"
    r"(?=[\u4e00-\u9fff]?(?:奶奶|爷爷|大爷|大妈|大娘|阿姨|叔叔|老太太|老太|老头|老人|婆婆|爹爹))"
)

# The writer's own flat named after "我家", "我们家", "我住", "我是" (…能不能体谅一下 我们家1201;
# 我家201: day 21; …敲门没人在 我是302: day 24), or a relative's after 住 (我婆婆住301: day 33
# R36): not a count (我家300块), a year, a time or a hotline.
_ROOM_OF_OWN = re.compile(
    r"(?:我们家|我家|咱家|俺家|我们|咱们|住在|住|我是(?!110|119|120|12345))"
    + _ROOM_OF_NEIGHBOUR.pattern.replace("|:))", "|:|点|分|多|号))")
)


@dataclass(frozen=True)
class Place:
    building: str | None = None
    unit: str | None = None
    room: str | None = None
    spans: tuple[tuple[int, int], ...] = field(default=())


_ROOM_WORDS = ("室", "号房", "房间")


def _with_suffix(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A room's span with its 室 (602室): the title keeps "我家卫生间…", not "室我家卫生间…"."""
    start, end = span
    for word in _ROOM_WORDS:
        if text.startswith(word, end):
            return start, end + len(word)
    return span


def plausible_room(digits: str) -> bool:
    """A room number is a floor (1-60) followed by a two-digit door number (01-30)."""
    if len(digits) not in (3, 4) or not digits.isdigit():
        return False
    floor, door = int(digits[:-2]), int(digits[-2:])
    return 1 <= floor <= 60 and 1 <= door <= 30


def _number(text: str) -> str | None:
    value = cn_to_int(text)
    return str(value) if value is not None and value > 0 else None


def _room(text: str) -> str | None:
    digits = text if text.isdigit() else cn_digits(text)
    return digits if digits is not None and plausible_room(digits) else None


# Every place form needs a digit, a building/unit/room mark or three numeral characters.
_MAY_HOLD_PLACE = re.compile(r"[0-9#栋幢室]|单元|号楼|[零〇○洞一幺二三四五六七八九]{3}")
# What each form cannot do without (none of the forms' patterns can start its scan with a
# quick character test, so a message without these is not scanned for that form at all).
_BUILDING_MARKS = ("栋", "幢", "#", "号楼")
# The building of someone who helped, right after 被 (被6号楼邻居送回来了, 被3号楼的大哥扶起来了):
# where they live, not where the matter is (day 51 R87).
_HELPER_AFTER = re.compile(
    r"\s*(?:的)?(?:邻居|居民|住户|的人|人|大哥|大姐|阿姨|大爷|大妈|奶奶|爷爷|小伙子|小伙|师傅|保安)"
)
_ROOM_NUMBER = re.compile(r"\d{3}|[零〇○洞一幺二三四五六七八九]{3}")
_ROOM_SUFFIX = re.compile(r"(?P<r>\d{3,4})\s*室")
_NO_PLACE = Place()


def without_building_or_unit(text: str) -> str:
    """The text with its buildings and units ("5号楼2单元") blanked: what is left names the
    problem, not where it is."""
    return _UNIT.sub(" ", _BUILDING.sub(" ", text))


def buildings_named(text: str) -> frozenset[str]:
    """Every building the message names by number ("3号楼和4号楼中间那棵大香樟" → 3 and 4)."""
    if not any(mark in text for mark in _BUILDING_MARKS):
        return frozenset()
    return frozenset(
        value for match in _BUILDING.finditer(text) if (value := _number(match["num"])) is not None
    )


def extract_place(
    text: str,
    neighbour_words: tuple[str, ...] = (),
    passed_over: Callable[[str, int], bool] | None = None,
) -> Place:
    """Return the first building, unit and room the message names (strings of digits). A room
    right after one of `neighbour_words` ("楼上502天天漏水到我家") is the other party's, kept
    when the message names no other room. A building named where `passed_over` says (a clause
    telling an earlier danger elsewhere as a lesson) is not the message's."""
    if _MAY_HOLD_PLACE.search(text) is None:
        return _NO_PLACE
    building: str | None = None
    unit: str | None = None
    room: str | None = None
    spans: list[tuple[int, int]] = []

    dashed = "-" in text
    for match in _TRIPLE.finditer(text) if dashed else ():
        r = _room(match["r"])
        if r is not None:
            building, unit, room = str(int(match["b"])), str(int(match["u"])), r
            spans.append(match.span())
            break
    if building is None and dashed:
        for match in _DOUBLE.finditer(text):
            r = _room(match["r"])
            if r is not None and int(match["b"]) > 0:
                building, room = str(int(match["b"])), r
                spans.append(match.span())
                break

    building_match = None
    marked = any(mark in text for mark in _BUILDING_MARKS)
    for match in _BUILDING.finditer(text) if marked else ():
        value = _number(match["num"])
        helper = text[: match.start()].endswith("被") and _HELPER_AFTER.match(text, match.end())
        if (
            value is not None
            and not helper
            and not (passed_over and passed_over(text, match.start()))
        ):
            building_match = match
            spans.append(match.span())
            building = building or value
            break
    unit_match = None
    for match in _UNIT.finditer(text) if "单元" in text else ():
        value = _number(match["num"])
        if value is not None and int(value) <= 30:
            unit_match = match
            spans.append(match.span())
            unit = unit or value
            break

    if room is None:
        anchors = [m.end() for m in (building_match, unit_match) if m is not None]
        for end in sorted(anchors, reverse=True):
            after = _ROOM_AFTER.match(text, end)
            if after is not None and (r := _room(after["r"])) is not None:
                room = r
                spans.append(_with_suffix(text, after.span("r")))
                break
    if room is None and _ROOM_NUMBER.search(text):
        for match in _ROOM_MARKED.finditer(text):
            r = _room(match["r"])
            if r is not None:
                room = r
                spans.append(_with_suffix(text, match.span("r")))
                break
    if room is None and _ROOM_NUMBER.search(text):
        person = _ROOM_OF_PERSON.search(text)
        if person is not None and (r := _room(person["r"])) is not None:
            room = r
            spans.append(person.span("r"))
    if room is None and _ROOM_NUMBER.search(text):
        own = _ROOM_OF_OWN.search(text)
        if own is not None and (r := _room(own["r"])) is not None:
            room = r
            spans.append(_with_suffix(text, own.span("r")))
    if room is None and "室" in text:
        for match in _ROOM_SUFFIX.finditer(text):
            r = _room(match["r"])
            if r is not None:
                room = r
                spans.append(match.span())
                break
    if room is None and neighbour_words and _ROOM_NUMBER.search(text):
        found = _neighbour_room(text, neighbour_words)
        if found is not None:
            room = found[0]
            spans.append(found[1])

    return Place(building=building, unit=unit, room=room, spans=tuple(sorted(spans)))


def _neighbour_room(text: str, words: tuple[str, ...]) -> tuple[str, tuple[int, int]] | None:
    """The first room written right after a neighbour word (楼上502, 楼下的302, 隔壁 301)."""
    for word in sorted(words, key=len, reverse=True):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            end += text.startswith("的", end)
            after = _ROOM_OF_NEIGHBOUR.match(text, end)
            if after is not None and (r := _room(after["r"])) is not None:
                return r, after.span("r")
            at = text.find(word, at + 1)
    return None
