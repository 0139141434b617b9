"""无职党员设岗定责: staff give a member a post with duties at a place
(`设岗 张三 楼道长 3号楼2单元`). Each post given is a row of its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from service.actors import Actor
from service.community import Community
from service.errors import InvalidInput, NotPermitted
from service.members import messages, points, registration
from service.members.models import APPROVED, MemberPost, MemberRegistration
from service.members.rules import current_rules
from service.models import Ticket
from service.outbox import Mention, Notice
from service.understanding.places import extract_place


def assign(
    session: Session,
    community: Community,
    actor: Actor,
    name: str,
    post: str,
    place: str,
    now: datetime,
) -> MemberPost:
    registration.require_member_staff(community, actor, messages.not_post_staff())
    rules = current_rules()
    if not name or not post or not place:
        raise InvalidInput("a post needs member, post and place", messages.POST_HELP)
    if post not in rules.posts:
        raise InvalidInput(f"unknown post {post!r}", messages.unknown_post(post, list(rules.posts)))
    name = points.find_member(session, community, name)
    found = extract_place(place).building
    building = int(found) if found else None
    party = community.party_group(building) if building is not None else None
    group = party or community.community_group
    if not registration.may_manage_members(community, actor, [group]):
        raise NotPermitted(
            f"{actor.name} ({actor.id}) may not give posts at {place}", messages.not_post_staff()
        )
    row = MemberPost(
        member_name=name,
        post=post,
        place=place[:100],
        building=building,
        assigned_by=actor.name,
        assigned_at=now,
    )
    session.add(row)
    session.flush()
    return row


def all_posts(session: Session) -> list[MemberPost]:
    return list(session.scalars(select(MemberPost).order_by(MemberPost.id)))


# Asked for every new ticket: built once.
_POSTS_OF_BUILDING = (
    select(MemberPost.member_name, MemberPost.post, MemberPost.place)
    .where(MemberPost.building.is_not_distinct_from(bindparam("building")))
    .order_by(MemberPost.id)
)


def held_by(session: Session, name: str) -> list[tuple[str, str]]:
    """(post, place) of every post given to this member, in order."""
    return [(row.post, row.place) for row in all_posts(session) if row.member_name == name]


def holders(
    session: Session, building: int | None, unit: str | None, category: str
) -> list[tuple[str, str]]:
    """(member, post) of the posts told about tickets of this place and category: the post's
    building, and its unit when the post names one (楼道长 of 3号楼2单元: not for 3单元)."""
    rules = current_rules()
    found: dict[str, str] = {}
    for row in session.execute(_POSTS_OF_BUILDING, {"building": building}):
        if category not in rules.post_categories(row.post):
            continue
        post_unit = extract_place(row.place).unit
        if post_unit is None or post_unit == unit:
            found[row.member_name] = row.post
    return sorted(found.items())


def ticket_notices(
    session: Session, community: Community, ticket: Ticket, now: datetime
) -> list[Notice]:
    """A new ticket of a place and kind that has a post holder (a 楼道长 for the stairwell's
    repairs, a 调解员 for disputes): they are mentioned in the responsible group. Nothing for a
    ticket joined to an earlier one, or in the quiet hours (the group hears in the morning)."""
    if ticket.created_at != now or not (ticket.building or "").isdigit():
        return []
    if not ticket.emergency and community.policy.quiet_hours.contains(now, community.zone):
        return []
    found = holders(session, int(ticket.building or 0), ticket.unit, ticket.category)
    if not found:
        return []
    contacts = dict(
        session.execute(
            select(MemberRegistration.name, MemberRegistration.contact_id).where(
                MemberRegistration.state == APPROVED
            )
        ).all()
    )
    mentions = tuple(
        Mention(name if community.person(name) else contacts.get(name, name), name)
        for name, _ in found
    )
    text = messages.post_mention(ticket.id, found)
    return [Notice(text, group=ticket.assigned_group, mentions=mentions)]
