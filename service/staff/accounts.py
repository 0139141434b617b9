"""Staff accounts: argon2 password hashes, roles, and a slowdown after wrong passwords."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.community import Community
from service.errors import InvalidInput, NotFound, NotPermitted
from service.models import StaffAccount

Role = Literal["admin", "community", "grid"]
ROLES: Final = get_args(Role)
ROLE_LABELS_ZH: Final = {"admin": "管理员", "community": "社区工作人员", "grid": "网格工作人员"}

# After FREE_TRIES wrong passwords in a row, each further try must wait, doubling up to a cap.
FREE_TRIES: Final = 3
FIRST_DELAY: Final = timedelta(seconds=30)
MAX_DELAY: Final = timedelta(minutes=15)
MIN_PASSWORD: Final = 10
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")

_hasher = PasswordHasher()


@dataclass(frozen=True)
class LoginResult:
    """The account on success; otherwise None, with `retry_after` set while tries are slowed.

    A result rather than an exception, so the caller commits the failure count."""

    account: StaffAccount | None
    retry_after: datetime | None = None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"password shorter than {MIN_PASSWORD} characters",
            f"密码至少需要 {MIN_PASSWORD} 位。",
        )
    if len(password) > 256:
        raise InvalidInput("password longer than 256 characters", "密码太长了。")


def add_account(
    session: Session,
    community: Community,
    *,
    username: str,
    password: str,
    role: str,
    now: datetime,
    display_name: str | None = None,
    grid: int | None = None,
    person: str | None = None,
) -> StaffAccount:
    if not _USERNAME.match(username):
        raise InvalidInput(
            f"bad username {username!r}", "用户名只能用 2–64 位英文字母、数字、点、横线或下划线。"
        )
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}", "角色应为 admin、community 或 grid。")
    if role == "grid":
        if grid is None or grid not in {g.number for g in community.grids}:
            raise InvalidInput(
                f"grid staff need a known grid, got {grid}", "请指定存在的网格编号。"
            )
    elif grid is not None:
        raise InvalidInput("only grid staff have a grid", "只有网格工作人员需要指定网格。")
    if person is not None and community.person(person) is None:
        raise InvalidInput(f"{person!r} is not a configured person", f"社区名单里没有“{person}”。")
    _check_password(password)
    if session.scalar(select(StaffAccount.id).where(StaffAccount.username == username)):
        raise InvalidInput(f"username {username!r} is taken", f"用户名 {username} 已存在。")
    account = StaffAccount(
        username=username,
        display_name=(display_name or person or username)[:128],
        password_hash=hash_password(password),
        role=role,
        grid=grid,
        person=person,
        active=True,
        failed_logins=0,
        password_changed_at=now,
        created_at=now,
    )
    session.add(account)
    session.flush()
    return account


def get_account(session: Session, username: str) -> StaffAccount:
    account = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None:
        raise NotFound(f"no account {username!r}", f"没有用户 {username}。")
    return account


def set_password(session: Session, username: str, password: str, now: datetime) -> None:
    """Change a password; this also ends every session signed in before now."""
    account = get_account(session, username)
    _check_password(password)
    account.password_hash = hash_password(password)
    account.password_changed_at = now
    account.failed_logins = 0
    account.locked_until = None


def list_accounts(session: Session) -> list[StaffAccount]:
    return list(session.scalars(select(StaffAccount).order_by(StaffAccount.username)))


def has_accounts(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(StaffAccount)))


def ensure_first_admin(session: Session, community: Community, now: datetime) -> str | None:
    """On an empty account table create `admin` with a generated password and return it.

    The account is the first person with the admin role in config, so chat groups see a name
    they know when it acts on tickets."""
    if has_accounts(session):
        return None
    password = generate_password()
    person = next((p for p in community.people if "admin" in p.roles), None)
    add_account(
        session,
        community,
        username="admin",
        password=password,
        role="admin",
        now=now,
        display_name=person.name if person else "管理员",
        person=person.name if person else None,
    )
    return password


def authenticate(session: Session, username: str, password: str, now: datetime) -> LoginResult:
    """Check a name and password; a wrong name and a wrong password look the same."""
    account = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None or not account.active:
        _hasher.hash(password)  # spend the same time as a real check
        return LoginResult(None)
    if account.locked_until is not None and now < account.locked_until:
        return LoginResult(None, account.locked_until)
    try:
        _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        account.failed_logins += 1
        over = account.failed_logins - FREE_TRIES
        if over >= 0:
            account.locked_until = now + min(FIRST_DELAY * 2**over, MAX_DELAY)
            return LoginResult(None, account.locked_until)
        return LoginResult(None)
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    account.failed_logins = 0
    account.locked_until = None
    return LoginResult(account)


def require_role(role: str, *allowed: Role) -> None:
    if role not in allowed:
        raise NotPermitted(f"role {role} needs one of {allowed}", "抱歉，您没有权限做这件事。")
