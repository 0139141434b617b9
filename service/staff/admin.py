"""What an admin does to staff accounts from the dashboard: add, reset a password, change the
role or grid, disable and enable. Every change is written to the staff audit log, as are the
terminal's `hongqiao user add|passwd` (by the actor "命令行")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.community import Community
from service.errors import InvalidInput, NotPermitted
from service.models import StaffAccount, StaffAuditEntry
from service.staff import accounts

TERMINAL = "命令行"

ACTION_LABELS_ZH = {
    "added": "新建账户",
    "password_reset": "重设密码",
    "role_changed": "修改角色",
    "disabled": "停用账户",
    "enabled": "恢复使用",
    "consultation_opened": "发起议事",
    "consultation_closed": "公布议事结果",
    "consultation_decided": "公布议事决定",
}


@dataclass(frozen=True)
class NewPassword:
    """A generated password, shown once to the admin and never stored in clear."""

    username: str
    password: str


def record(
    session: Session, actor: str, username: str, action: str, now: datetime, detail: str = ""
) -> None:
    session.add(
        StaffAuditEntry(
            at=now, actor=actor[:128], account=username[:64], action=action, detail=detail or None
        )
    )


def role_words(role: str, grid: int | None) -> str:
    label = accounts.ROLE_LABELS_ZH.get(role, role)
    return f"{label}（第{grid}网格）" if grid else label


def add(
    session: Session,
    community: Community,
    actor: str,
    *,
    username: str,
    role: str,
    now: datetime,
    grid: int | None = None,
    person: str | None = None,
    display_name: str | None = None,
) -> NewPassword:
    password = accounts.generate_password()
    accounts.add_account(
        session,
        community,
        username=username,
        password=password,
        role=role,
        now=now,
        display_name=display_name,
        grid=grid if role == "grid" else None,
        person=person,
    )
    record(
        session, actor, username, "added", now, role_words(role, grid if role == "grid" else None)
    )
    return NewPassword(username, password)


def reset_password(session: Session, actor: str, username: str, now: datetime) -> NewPassword:
    """A new generated password; the account's open sessions end."""
    password = accounts.generate_password()
    accounts.set_password(session, username, password, now)
    record(session, actor, username, "password_reset", now)
    return NewPassword(username, password)


def change_role(
    session: Session,
    community: Community,
    actor: str,
    username: str,
    role: str,
    grid: int | None,
    now: datetime,
) -> StaffAccount:
    account = accounts.get_account(session, username)
    if role not in accounts.ROLES:
        raise InvalidInput(f"unknown role {role!r}", "请选择角色。")
    if role == "grid":
        if grid is None or grid not in {g.number for g in community.grids}:
            raise InvalidInput(
                f"grid staff need a known grid, got {grid}", "网格工作人员请选择网格。"
            )
    else:
        grid = None
    if account.role == "admin" and role != "admin":
        _keep_an_admin(session, actor, account, "demote")
    before = role_words(account.role, account.grid)
    account.role, account.grid = role, grid
    record(session, actor, username, "role_changed", now, f"{before} → {role_words(role, grid)}")
    return account


def set_active(
    session: Session, actor: str, username: str, active: bool, now: datetime
) -> StaffAccount:
    account = accounts.get_account(session, username)
    if account.active == active:
        return account
    if not active and account.role == "admin":
        _keep_an_admin(session, actor, account, "disable")
    account.active = active
    record(session, actor, username, "enabled" if active else "disabled", now)
    return account


def _keep_an_admin(session: Session, actor: str, account: StaffAccount, what: str) -> None:
    """Nobody locks the community out: not oneself, and never the last active admin."""
    if account.username == actor:
        raise NotPermitted(
            f"{actor} cannot {what} their own account",
            "不能停用自己或取消自己的管理员身份，请让另一位管理员操作。",
        )
    admins = session.scalar(
        select(func.count())
        .select_from(StaffAccount)
        .where(StaffAccount.role == "admin", StaffAccount.active)
    )
    if (admins or 0) <= 1:
        raise NotPermitted(
            f"{account.username} is the last active admin",
            "这是最后一位管理员，不能停用或改为其他角色。",
        )


def audit_log(session: Session, limit: int = 200) -> list[StaffAuditEntry]:
    stmt = select(StaffAuditEntry).order_by(StaffAuditEntry.id.desc()).limit(limit)
    return list(session.scalars(stmt))


def admin_names(session: Session) -> list[str]:
    """Whom to ask for a password: the active admins' display names, never a username (an
    account without a name of its own shows its username as its name; the sign-in page is
    public, and a username is half of what an attacker needs)."""
    stmt = (
        select(StaffAccount.display_name)
        .where(
            StaffAccount.role == "admin",
            StaffAccount.active,
            StaffAccount.display_name != StaffAccount.username,
        )
        .order_by(StaffAccount.id)
        .limit(3)
    )
    return list(session.scalars(stmt))
