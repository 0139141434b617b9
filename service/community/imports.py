"""Importing the community from a spreadsheet (.xlsx): grids, buildings, groups, members.

All or nothing: every row is checked and the whole layout validated as a Community before
anything is written. The layout is stored in `community_imports` and, from the next start
on, replaces the people, grids and groups of the community's community.yaml (other keys still come
from the YAML). Phones and home buildings go to `member_contacts` at once.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service.community.config import Community
from service.community.members import ROLE_LABELS_ZH
from service.community.yaml_source import ReferenceProblem
from service.models import CommunityImport, MemberContact
from service.textclean import clean_line

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
# What the members of the .xlsx (a zip) may unpack to, together: a filled-in template of
# MAX_ROWS rows unpacks to a few MB; a 600 KB file can unpack to gigabytes.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
# What a damaged or forged workbook raises while openpyxl opens or reads it (a truncated sheet:
# xml.etree's ParseError, a SyntaxError; a lying zip header: BadZipFile or zlib.error).
UNREADABLE = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    OSError,
    TypeError,
    EOFError,
    SyntaxError,
)
UNREADABLE_ZH = "无法读取：请上传用模板填写的 .xlsx 表格"
MAX_ROWS = 5000

GRIDS, BUILDINGS, GROUPS, MEMBERS = "网格", "楼栋", "群", "成员"
HEADERS: dict[str, tuple[str, ...]] = {
    GRIDS: ("编号", "名称", "网格长", "支部群"),
    BUILDINGS: ("楼号", "网格编号"),
    GROUPS: ("群名", "类型", "楼号", "网格编号", "负责人", "成员"),
    MEMBERS: ("姓名", "手机", "楼号", "角色"),
}
KIND_LABELS_ZH = {
    "community": "社区",
    "grid": "网格",
    "party": "党小组",
    "resident": "居民群",
    "property": "物业",
}
_KINDS = {v: k for k, v in KIND_LABELS_ZH.items()} | {k: k for k in KIND_LABELS_ZH}
_ROLES = {v: k for k, v in ROLE_LABELS_ZH.items()} | {k: k for k in ROLE_LABELS_ZH}
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
_SPLIT = re.compile(r"[、,，;；\s]+")


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None  # spreadsheet row number; None for the layout as a whole
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet} 第{self.row}行" if self.row else self.sheet
        return f"{where}：{self.message}"


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


class _RowError(Exception):
    pass


# -- template --------------------------------------------------------------------------------


def template(community: Community, phones: dict[str, tuple[str | None, int | None]]) -> bytes:
    """The import template, filled in with the community as it is now (without the street's
    group and people: street.yaml's, never a community's to import)."""
    wb = Workbook()
    wb.remove(wb.active) if wb.active is not None else None
    rows: dict[str, list[tuple[Any, ...]]] = {
        GRIDS: [(g.number, g.name, g.head, g.group) for g in community.grids],
        BUILDINGS: [(b, g.number) for g in community.grids for b in g.buildings],
        GROUPS: [
            (
                g.name,
                KIND_LABELS_ZH[g.kind],
                g.building,
                g.grid,
                g.leader,
                "、".join(g.members),
            )
            for g in community.groups
            if g.kind != "street"  # the street office's group is street.yaml's
        ],
        MEMBERS: [
            (
                p.name,
                *phones.get(p.name, (None, None)),
                "、".join(ROLE_LABELS_ZH.get(r, r) for r in p.roles),
            )
            for p in community.people
        ],
    }
    bold, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="B71C1C")
    for sheet, headers in HEADERS.items():
        ws = wb.create_sheet(sheet)
        ws.append(headers)
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in rows[sheet]:
            ws.append(row)
        for column, _ in enumerate(headers):
            ws.column_dimensions[chr(ord("A") + column)].width = 22
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- reading ---------------------------------------------------------------------------------


def _cells(ws: Any, sheet: str) -> Iterator[tuple[int, dict[str, str]]]:
    headers = HEADERS[sheet]
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if number > MAX_ROWS + 1:
            raise _RowError(f"{sheet} 表超过 {MAX_ROWS} 行")
        texts = ["" if v is None else clean_line(str(v)) for v in values[: len(headers)]]
        if not any(texts):
            continue
        texts += [""] * (len(headers) - len(texts))
        yield number, dict(zip(headers, texts, strict=True))


def _int(value: str, what: str, required: bool = True) -> int | None:
    if not value:
        if required:
            raise _RowError(f"缺少{what}")
        return None
    text = value.removesuffix(".0").removesuffix("号楼")
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 100_000:
        raise _RowError(f"{what}“{value[:20]}”不是正整数")
    return int(text)


def _text(value: str, what: str, limit: int = 64) -> str:
    if not value:
        raise _RowError(f"缺少{what}")
    if len(value) > limit:
        raise _RowError(f"{what}太长（最多{limit}字）")
    return value


def _names(value: str) -> list[str]:
    return [n for n in _SPLIT.split(value) if n]


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def rows(self, wb: Any, sheet: str) -> Iterator[tuple[int, dict[str, str]]]:
        if sheet not in wb.sheetnames:
            self.problems.append(Problem(sheet, None, "缺少这个工作表，请用模板填写"))
            return
        ws = wb[sheet]
        # Read-only openpyxl stops at the range the sheet declares (<dimension ref=...>), which
        # a hand-made or forged file may get wrong: read every row and column there is.
        ws.reset_dimensions()
        try:
            header = [clean_line(str(c.value)) if c.value is not None else "" for c in ws[1]]
            if tuple(header[: len(HEADERS[sheet])]) != HEADERS[sheet]:
                self.problems.append(Problem(sheet, 1, f"表头应为：{'、'.join(HEADERS[sheet])}"))
                return
            yield from _cells(ws, sheet)
        except _RowError as exc:
            self.problems.append(Problem(sheet, None, str(exc)))
        except UNREADABLE:
            self.problems.append(Problem(sheet, None, UNREADABLE_ZH))


def read_layout(
    data: bytes,
) -> tuple[dict[str, Any], dict[str, tuple[str | None, int | None]], list[Problem]]:
    """Parse the workbook into the people/grids/groups of a Community, plus contacts."""
    if len(data) > MAX_BYTES:
        return {}, {}, [Problem("文件", None, "文件太大（最多 5 MB）")]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as packed:
            # zipfile stops each member at its declared size (and fails its CRC past it), so
            # the declared sizes are what reading can cost.
            unpacked = sum(info.file_size for info in packed.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            return {}, {}, [Problem("文件", None, "文件解压后太大，不像是名单表格，请用模板填写")]
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UNREADABLE:
        return {}, {}, [Problem("文件", None, UNREADABLE_ZH)]
    reader = _Reader()
    people: list[dict[str, Any]] = []
    contacts: dict[str, tuple[str | None, int | None]] = {}
    grids: dict[int, dict[str, Any]] = {}
    groups: list[dict[str, Any]] = []

    def check(sheet: str, number: int, fn: Any) -> None:
        try:
            fn()
        except _RowError as exc:
            reader.problems.append(Problem(sheet, number, str(exc)))

    for number, row in reader.rows(wb, MEMBERS):

        def member(row: dict[str, str] = row) -> None:
            name = _text(row["姓名"], "姓名")
            if name in contacts:
                raise _RowError(f"姓名“{name}”重复")
            phone = row["手机"].removesuffix(".0") or None
            if phone is not None and not _PHONE.match(phone):
                raise _RowError(f"手机号“{phone[:20]}”格式不对")
            building = _int(row["楼号"], "楼号", required=False)
            roles = []
            for word in _names(row["角色"]):
                if word not in _ROLES:
                    raise _RowError(
                        f"不认识的角色“{word[:10]}”（可填：{'、'.join(ROLE_LABELS_ZH.values())}）"
                    )
                roles.append(_ROLES[word])
            contacts[name] = (phone, building)
            people.append({"name": name, "roles": roles})

        check(MEMBERS, number, member)

    for number, row in reader.rows(wb, GRIDS):

        def grid(row: dict[str, str] = row) -> None:
            num = _int(row["编号"], "网格编号")
            assert num is not None
            if num in grids:
                raise _RowError(f"网格编号 {num} 重复")
            head = _text(row["网格长"], "网格长")
            if head not in contacts:
                raise _RowError(f"网格长“{head}”不在成员表里")
            grids[num] = {
                "number": num,
                "name": _text(row["名称"], "名称"),
                "head": head,
                "group": _text(row["支部群"], "支部群", 128),
                "buildings": [],
            }

        check(GRIDS, number, grid)

    seen_buildings: set[int] = set()
    for number, row in reader.rows(wb, BUILDINGS):

        def building(row: dict[str, str] = row) -> None:
            b = _int(row["楼号"], "楼号")
            g = _int(row["网格编号"], "网格编号")
            assert b is not None and g is not None
            if b in seen_buildings:
                raise _RowError(f"{b}号楼重复")
            if g not in grids:
                raise _RowError(f"网格编号 {g} 不在网格表里")
            seen_buildings.add(b)
            grids[g]["buildings"].append(b)

        check(BUILDINGS, number, building)

    for number, row in reader.rows(wb, GROUPS):

        def group(row: dict[str, str] = row) -> None:
            name = _text(row["群名"], "群名", 128)
            kind = _KINDS.get(row["类型"])
            if kind is None:
                raise _RowError(f"类型应为：{'、'.join(KIND_LABELS_ZH.values())}")
            b = _int(row["楼号"], "楼号", required=False)
            g = _int(row["网格编号"], "网格编号", required=False)
            if b is not None and b not in seen_buildings:
                raise _RowError(f"{b}号楼不在楼栋表里")
            if g is not None and g not in grids:
                raise _RowError(f"网格编号 {g} 不在网格表里")
            leader = row["负责人"] or None
            members = _names(row["成员"])
            for person in [*members, *([leader] if leader else [])]:
                if person not in contacts:
                    raise _RowError(f"“{person[:20]}”不在成员表里")
            if any(x["name"] == name for x in groups):
                raise _RowError(f"群名“{name}”重复")
            groups.append(
                {
                    "name": name,
                    "kind": kind,
                    "building": b,
                    "grid": g,
                    "leader": leader,
                    "members": members,
                }
            )

        check(GROUPS, number, group)

    layout = {"people": people, "grids": list(grids.values()), "groups": groups}
    return layout, contacts, reader.problems


def validate_layout(current: Community, layout: dict[str, Any]) -> tuple[Community | None, str]:
    # Keep every other part of the configuration as the objects it already is (the time-limit
    # policy does not round-trip through a dump); only people, grids and groups are replaced.
    data = {name: getattr(current, name) for name in type(current).model_fields} | layout
    street = current.street_group
    clash = next(
        (p["name"] for p in layout["people"] if street is not None and p["name"] in street.members),
        None,
    )
    if clash is not None:
        return None, f"成员“{clash}”与街道的工作人员同名，请换一个名字"
    try:
        return Community.model_validate(data), ""
    except ValidationError as exc:
        err = exc.errors()[0]
        return None, f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
    except ReferenceProblem as exc:
        return None, f"{'.'.join(str(p) for p in exc.loc)}: {exc.message}"


def import_community(
    session: Session, current: Community, data: bytes, imported_by: str, now: datetime
) -> ImportReport:
    layout, contacts, problems = read_layout(data)
    report = ImportReport(problems)
    if problems:
        return report
    community, why = validate_layout(current, layout)
    if community is None:
        report.problems.append(Problem("整体", None, f"名单前后对不上：{why}"))
        return report
    session.add(CommunityImport(imported_at=now, imported_by=imported_by, layout=layout))
    session.execute(delete(MemberContact))
    for name, (phone, building) in contacts.items():
        session.add(MemberContact(name=name, phone=phone, building=building, updated_at=now))
    report.counts = {
        "网格": len(community.grids),
        "楼栋": len(community.buildings),
        "群": len(community.groups),
        "成员": len(community.people),
    }
    return report


def with_latest_import(session: Session, community: Community) -> Community:
    """The configured community with the newest imported layout applied, if there is one."""
    row = session.scalar(select(CommunityImport).order_by(CommunityImport.id.desc()).limit(1))
    if row is None:
        return community
    imported, why = validate_layout(community, row.layout)
    if imported is None:
        log.warning("ignoring community import %s, it no longer fits the config: %s", row.id, why)
        return community
    return imported


def contacts(session: Session) -> dict[str, tuple[str | None, int | None]]:
    return {c.name: (c.phone, c.building) for c in session.scalars(select(MemberContact))}
