"""Issue 12 items 5, 7 and 9: ticket changes that race stay whole, a transfer starts the new
group's clocks, one definition of "late", and 重复 checks the ticket it joins too."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.simulator import Simulator
from service.actors import Actor
from service.bootstrap import Core
from service.clock import FakeClock
from service.db import transaction
from service.errors import DomainError
from service.models import Ticket, TicketEvent, TicketFollower
from service.tickets import deadlines, escalation, flows
from service.tickets.stats import Scope
from tests.test_ticket_time_limits import say, sweep

HOLD_SECONDS = 0.6


def staff(core: Core, name: str) -> Actor:
    person = core.community.person(name)
    assert person is not None
    return Actor(name, name, person)


Change = Callable[[Session], object]


def race(core: Core, first: Change, second: Change) -> tuple[str, str]:
    """Two sessions on two connections: the first changes the ticket and holds its transaction
    open a moment; the second starts its change meanwhile. Returns how each ended."""
    changed = threading.Event()
    results: dict[str, str] = {}

    def run(name: str, change: Change, hold: bool) -> None:
        try:
            with transaction(core.factory) as session:
                change(session)
                session.flush()
                if hold:
                    changed.set()
                    time.sleep(HOLD_SECONDS)
            results[name] = "ok"
        except DomainError as exc:
            results[name] = exc.user_message
        finally:
            changed.set()

    a = threading.Thread(target=run, args=("first", first, True))
    a.start()
    assert changed.wait(10)
    b = threading.Thread(target=run, args=("second", second, False))
    b.start()
    a.join(10)
    b.join(10)
    return results["first"], results["second"]


def audit(core: Core, ticket_id: int) -> tuple[Ticket, list[TicketEvent]]:
    with core.factory() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        stmt = select(TicketEvent).where(TicketEvent.ticket_id == ticket_id)
        return ticket, list(session.scalars(stmt.order_by(TicketEvent.id)))


def last_state(events: list[TicketEvent]) -> str | None:
    return [e.to_state for e in events if e.to_state][-1]


@pytest.mark.timeout(60)
def test_two_staff_claiming_at_once_one_wins_the_other_is_told(sim: Simulator) -> None:
    core, clock = sim.core, sim.clock
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    now = clock.now()

    def claim(name: str) -> Change:
        return lambda s: flows.claim_ticket(s, core.community, 1, staff(core, name), now)

    first, second = race(core, claim("刘志强"), claim("李网格长"))
    assert first == "ok"
    assert "已经是" in second  # "工单 #1 已经是“处理中”状态，无需重复操作。"
    ticket, events = audit(core, 1)
    assert [e.kind for e in events].count("claimed") == 1
    assert ticket.claimed_by == "刘志强"


@pytest.mark.timeout(60)
def test_a_transfer_racing_a_resolution_does_not_reopen_it_behind_the_audit(
    sim: Simulator,
) -> None:
    core, clock = sim.core, sim.clock
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "3号楼党小组", "刘志强", "#1 接单")
    now = clock.now()

    def resolve(s: Session) -> object:
        return flows.resolve_ticket(s, core.community, 1, staff(core, "刘志强"), "换了灯泡", now)

    def transfer(s: Session) -> object:
        return flows.transfer_ticket(s, core.community, 1, staff(core, "李网格长"), "物业", now)

    first, second = race(core, resolve, transfer)
    assert first == "ok"
    assert "不能转办" in second
    ticket, events = audit(core, 1)
    assert ticket.state == "resolved" and ticket.assigned_group == "3号楼党小组"
    assert last_state(events) == ticket.state
    assert "transferred" not in [e.kind for e in events]


@pytest.mark.timeout(90)
def test_many_changes_at_once_leave_an_audit_trail_that_chains_to_the_final_state(
    sim: Simulator,
) -> None:
    core, clock = sim.core, sim.clock
    for n in range(3):
        say(sim, "3号楼居民群", f"居民{n}", f"{n + 1}单元楼道灯坏了好几天了")
    now = clock.now()
    steps: list[Change] = []
    for ticket_id in (1, 2, 3):
        for name in ("刘志强", "李网格长", "王书记"):
            steps.append(
                lambda s, t=ticket_id, n=name: flows.claim_ticket(
                    s, core.community, t, staff(core, n), now
                )
            )
            steps.append(
                lambda s, t=ticket_id, n=name: flows.resolve_ticket(
                    s, core.community, t, staff(core, n), "好了", now
                )
            )
            steps.append(
                lambda s, t=ticket_id, n=name: flows.transfer_ticket(
                    s, core.community, t, staff(core, n), "物业", now
                )
            )
    start = threading.Barrier(len(steps))

    def run(change: Change) -> None:
        start.wait()
        try:
            with transaction(core.factory) as session:
                change(session)
                session.flush()
                time.sleep(0.05)
        except DomainError:
            pass

    threads = [threading.Thread(target=run, args=(c,)) for c in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for ticket_id in (1, 2, 3):
        ticket, events = audit(core, ticket_id)
        moves = [e for e in events if e.to_state]
        for before, after in pairwise(moves):
            assert after.from_state == before.to_state, [(e.kind, e.to_state) for e in moves]
        assert last_state(events) == ticket.state
        assert [e.kind for e in events].count("resolved") <= 1


@pytest.mark.timeout(60)
def test_a_sweep_racing_a_transfer_does_not_bring_back_the_old_escalation(
    sim: Simulator, clock: FakeClock
) -> None:
    core = sim.core
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    clock.advance(timedelta(days=3, minutes=1))  # the claim ladder is due at the community
    now = clock.now()

    def transfer(s: Session) -> object:
        return flows.transfer_ticket(s, core.community, 1, staff(core, "王书记"), "物业", now)

    def climb(s: Session) -> object:
        return escalation.sweep_deadlines(s, core.community, now)

    assert race(core, transfer, climb) == ("ok", "ok")
    ticket, events = audit(core, 1)
    assert ticket.assigned_group == "物业服务中心群"
    assert (ticket.claim_stage, ticket.resolve_stage) == (0, 0)
    assert [e.kind for e in events] == ["created", "transferred"]


def test_a_rating_racing_the_automatic_close_is_refused_after_it(sim: Simulator) -> None:
    core, clock = sim.core, sim.clock
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "3号楼党小组", "刘志强", "#1 已处理 换了灯泡")
    clock.advance(timedelta(days=10))
    now = clock.now()
    resident = Actor("张阿姨", "张阿姨")

    def close(s: Session) -> object:
        return flows.close_unrated(s, core.community, now)

    def unhappy(s: Session) -> object:
        return flows.rate_ticket(
            s, core.community, 1, resident, "3号楼居民群", False, "灯还是不亮", now
        )

    first, second = race(core, close, unhappy)
    assert first == "ok" and second != "ok"
    ticket, events = audit(core, 1)
    assert ticket.state == "closed" and last_state(events) == "closed"
    assert "reopened" not in [e.kind for e in events]


# -- item 7: a transfer starts the new group's clocks -------------------------------------


def test_a_claimed_ticket_transferred_reminds_its_new_group_to_claim(
    sim: Simulator, clock: FakeClock
) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "3号楼党小组", "刘志强", "#1 接单")
    clock.advance(timedelta(hours=2))
    say(sim, "3号楼党小组", "刘志强", "#1 转 物业")
    assert sweep(sim, clock, timedelta(hours=23)) == []
    reminder = sweep(sim, clock, timedelta(hours=1, minutes=1))
    assert [m.room_id for m in reminder] == ["物业服务中心群"]
    # Someone had claimed it: the new group has not taken it over (day 15), never "未接单".
    assert "转交后超时未重新接单（此前刘志强已接单）" in reminder[0].text
    assert "超时未接单" not in reminder[0].text


def test_a_late_ticket_transferred_does_not_escalate_at_once_in_its_new_group(
    sim: Simulator, clock: FakeClock
) -> None:
    # Tuesday 09:00; unclaimed for three working days it reached the community group.
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    assert [m.room_id for m in sweep(sim, clock, timedelta(days=3, minutes=1))] == [
        "社区党委工作群"
    ]
    say(sim, "社区党委工作群", "王书记", "#1 转 物业")
    assert sweep(sim, clock, timedelta(minutes=1)) == []
    # Friday 09:02 + one working day: Monday 09:02.
    assert sweep(sim, clock, timedelta(days=2, hours=23)) == []
    reminder = sweep(sim, clock, timedelta(hours=1))
    assert [m.room_id for m in reminder] == ["物业服务中心群"]
    assert reminder[0].text.startswith("【超时提醒】")


def test_late_means_the_same_on_the_today_page_the_morning_list_and_the_ladder(
    sim: Simulator, clock: FakeClock
) -> None:
    from service.dashboard.today import today

    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    core = sim.core
    with core.factory() as session:
        ticket = session.get(Ticket, 1)
        assert ticket is not None
        due = deadlines.claim_due(ticket, core.community)
    clock.set(due)  # exactly at the limit
    with core.factory() as session:
        page = today(session, core.community, Scope("community"), due)
        ticket = session.get(Ticket, 1)
        assert ticket is not None
        one = deadlines.late(ticket, core.community, due)
        morning = escalation.overdue_digest(session, core.community, due)
    climbed = sweep(sim, clock, timedelta(0))
    assert one is not None and one.what == "claim" and one.due == due
    assert page.late_count == 1 and page.late[0].what == "claim"
    assert morning and "#1" in morning[-1].text
    assert [m.room_id for m in climbed] == ["3号楼党小组"]


# -- item 9 (part): 重复 checks the ticket it joins ----------------------------------------


def test_grid_one_staff_cannot_merge_into_a_grid_two_ticket(sim: Simulator) -> None:
    say(sim, "5号楼居民群", "周大爷", "5号楼电梯坏了 一直停在三楼")
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    said = say(sim, "3号楼党小组", "刘志强", "#2 重复 #1")
    assert said and "5号楼党小组" in said[0].text
    ticket, events = audit(sim.core, 2)
    assert ticket.state == "open" and ticket.merged_into is None
    assert "merged" not in [e.kind for e in events]
    with sim.core.factory() as session:
        assert session.scalars(select(TicketFollower)).all() == []


def test_staff_of_both_tickets_may_merge(sim: Simulator) -> None:
    say(sim, "3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了")
    say(sim, "2号楼居民群", "王阿姨", "2号楼楼道灯坏了")
    said = say(sim, "第一网格党支部群", "李网格长", "#2 重复 #1")
    assert said
    ticket, _ = audit(sim.core, 2)
    assert ticket.state == "duplicate" and ticket.merged_into == 1
