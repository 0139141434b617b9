"""Residents' words: ratings (`满意`, `不满意 原因`, with or without `#12`), thanks right after a
resolution (counted as 满意, and said so), and `我的工单`."""

from __future__ import annotations

from datetime import timedelta

from bot import commands
from bot.context import Context
from service.models import Ticket
from service.outbox import Notice
from service.tickets import duplicates, flows, messages, states

# How long after a resolution notice a thanks still reads as the answer to it.
THANKS_WINDOW = timedelta(hours=24)


def handle(ctx: Context) -> list[Notice] | None:
    command = commands.parse(ctx.text, ctx.community.words)
    if isinstance(command, commands.WordCommand) and command.verb == "mine":
        tickets = flows.my_open_tickets(ctx.session, ctx.actor)
        return [ctx.reply(messages.my_tickets(tickets))]
    if isinstance(command, commands.Rating):
        # "不满意物业的服务…" with nothing to rate is a complaint, not a rating: let it through.
        waiting = flows.tickets_waiting_for_rating(ctx.session, ctx.actor, ctx.room_id)
        # the resident's ticket found not ours lately, what a 不满意 naming no ticket may be of
        not_ours = (
            flows.latest_not_ours(ctx.session, ctx.actor, ctx.now - flows.NOT_OURS_WINDOW)
            if command.ticket_id is None and not command.satisfied
            else None
        )
        if not waiting and not_ours is not None:
            # "不满意 打12345要是有用我还找你们干嘛" after their problem was found not ours:
            # heard by the group and answered, never silence (day 19, S19).
            return flows.unsatisfied_with_not_ours(
                not_ours, ctx.actor, ctx.room_id, command.reason, ctx.now
            ).notices
        if not waiting and command.ticket_id is None and not command.satisfied:
            # "不满意 还没查出来是谁扔的" while their one ticket is still being handled
            report = flows.Report(ctx.text, ctx.actor, ctx.room_id, ctx.group)
            still = flows.unsatisfied_while_open(ctx.session, ctx.community, report, ctx.now)
            if still is not None:
                return still.notices
        if not command.is_bare and not waiting and command.ticket_id is None:
            return None
        if not_ours is not None:
            # "车位的事就这么推给物业了？不满意" with the garage flood waiting for "安全了吗": of
            # the parking found not ours, whose words it names, and none of those waiting (day
            # 45 SR12)
            rules = ctx.community.policy.duplicates
            reason = command.reason
            # ... or words of being sent elsewhere ("又让我打12345 这不是踢皮球吗 不满意"; day 46
            # U05)
            if (
                (
                    duplicates.follow_up_evidence(reason, not_ours, rules)
                    or ctx.community.words.complains_passed_on(ctx.text)
                )
                and not any(duplicates.follow_up_evidence(reason, t, rules) for t in waiting)
            ):
                return flows.unsatisfied_with_not_ours(
                    not_ours, ctx.actor, ctx.room_id, reason, ctx.now
                ).notices
        ticket_id = command.ticket_id
        if ticket_id is None and len(waiting) > 1 and ctx.community.words.rates_all(ctx.text):
            # "两个都满意" (day 43 SR10): each ticket its closing asked to rate
            each = flows.asked_to_rate(waiting) if command.satisfied else waiting
            return _rate_each(ctx, each, command.satisfied, command.reason)
        if ticket_id is None and command.satisfied and len(waiting) > 1:
            # "广告牌拆了 放心了 满意" with two waiting: the one its words name (day 36 P23)
            # 满意 is no answer to "安全了吗": the tickets asked to rate, when any were
            # ("知道了 谢谢 满意" shares 知道 with the gas smell's "不知道从哪家飘出来的"; day 43
            # SR09)
            to_rate = flows.asked_to_rate(waiting)
            named = [t for t in _named_by_thanks(ctx, to_rate) if t in to_rate]
            ticket_id = named[0].id if len(named) == 1 else None
        outcome = flows.rate_ticket(
            ctx.session,
            ctx.community,
            ticket_id,
            ctx.actor,
            ctx.room_id,
            command.satisfied,
            command.reason,
            ctx.now,
            filler_chars=ctx.community.policy.duplicates.filler_chars,
        )
        return outcome.notices
    if (
        isinstance(command, commands.TicketCommand)
        and command.sentence
        and not command.loose  # "2号 热了" in a resident group names no ticket
        and ctx.community.words.is_thanks(command.argument)  # "#12 不漏了 谢谢"
    ):
        return _thanks_as_rating(ctx, command.ticket_id)
    words = ctx.community.words
    if (
        ctx.text.lstrip().startswith(words.safe_answers)
        and not words.says_safe(ctx.text)
        and _safety_question_is_the_latest(ctx)
    ):
        # "安全了 就是楼下邻居家天花板泡了": safe, with something left to see to: those handling
        # the danger hear it in full, and the resident is told so (day 40 T06); rated later.
        asked = [
            t
            for t in flows.tickets_waiting_for_rating(ctx.session, ctx.actor, ctx.room_id)
            if t.emergency
        ]
        if len(asked) == 1:
            report = flows.Report(ctx.text, ctx.actor, ctx.room_id, ctx.group)
            return flows.own_follow_up(
                ctx.session, asked[0], report, ctx.community, ctx.now, remark=True
            ).notices
    if (
        words.says_safe(ctx.text)  # no query for anything else ("谢谢大家" costs none)
        and not _of_a_pet(ctx)
        and _safety_question_is_the_latest(ctx)
    ):
        # "灭了就好 谢谢刘书记" right after "请问现在大家都安全了吗" about their own fire, with no
        # danger of theirs still open: the answer to that question, before any other danger of
        # the building (day 23 S10). "孩子出来了 没事" with their child in the lift is that news.
        # "安全了" as the question asked, with last night's burst pipe of theirs still open: the
        # answer too, unless it names that danger (day 35 P03).
        answered = _thanks_as_rating(ctx, emergency_only=True)
        if answered is not None:
            return answered
    every_kind = ctx.community.policy.duplicates.kind_over_words
    if flows.tells_over(ctx.community, ctx.text, every_kind) and any(
        flows.says_over_of_its_hazard(ctx.community, t, ctx.text) for t in _open_dangers(ctx)
    ):
        # "孩子找到了 谢谢大家", "来电了 辛苦师傅们" after the building's flood: news for the open
        # emergency (reports handler)
        return None
    if words.says_safe(ctx.text) and _danger_told_since_rating_asked(ctx):
        # "安全了" from someone whose own fire smell was paged tonight, long after yesterday's
        # ticket asked for its rating: news of tonight's danger, never 满意 of yesterday's
        # (day 26 S98; reports handler).
        return None
    rated = _thanks_as_rating(ctx) if words.is_thanks(ctx.text) else None
    if rated is None and words.says_safe(ctx.text) and not _of_a_pet(ctx):
        return _thanks_as_rating(ctx, emergency_only=True)  # "安全了 孩子没事"
    return rated


def _of_a_pet(ctx: Context) -> bool:
    """ "早上好 猫咪自己回来了": news of a pet (pet_words), no answer to whether everyone is
    safe after last night's fight (day 54 R100)."""
    return any(w in ctx.text for w in ctx.community.policy.duplicates.pet_words)


def _safety_question_is_the_latest(ctx: Context) -> bool:
    """An emergency of the resident's waits for the answer to "是否已经安全", asked after they
    last told a danger of theirs still open, and the message names none of those dangers."""
    asked = [
        t.resolved_at
        for t in flows.tickets_waiting_for_rating(ctx.session, ctx.actor, ctx.room_id)
        if t.emergency and t.resolved_at is not None
    ]
    if not asked:
        return False
    dangers = [
        t
        for t in flows.my_open_tickets(ctx.session, ctx.actor)
        if t.state in states.ACTIVE and t.emergency
    ]
    if not dangers:
        return True
    told = [t.created_at for t in dangers]
    reported = flows.latest_report_at(ctx.session, ctx.actor, ctx.room_id)
    if reported is not None:
        told.append(reported)
    return max(asked) > max(told) and not _named_by_thanks(ctx, dangers)


def _danger_told_since_rating_asked(ctx: Context) -> bool:
    """The resident has an open emergency of their own reported after every ticket of theirs
    waiting for a rating was resolved."""
    dangers = [
        t
        for t in flows.my_open_tickets(ctx.session, ctx.actor)
        if t.state in states.ACTIVE and t.emergency
    ]
    if not dangers:
        return False
    waiting = flows.tickets_waiting_for_rating(ctx.session, ctx.actor, ctx.room_id)
    newest = max(t.created_at for t in dangers)
    return all(t.resolved_at is not None and t.resolved_at < newest for t in waiting)


def _open_dangers(ctx: Context) -> list[Ticket]:
    """The resident's open emergencies and those of the building of the group."""
    own = [
        t
        for t in flows.my_open_tickets(ctx.session, ctx.actor)
        if t.state in states.ACTIVE and t.emergency
    ]
    building = ctx.group.building if ctx.group is not None else None
    if building is None:
        return own
    return [
        *own,
        *(t for t in flows.open_emergencies_in(ctx.session, str(building)) if t not in own),
    ]


def _thanks_as_rating(
    ctx: Context, ticket_id: int | None = None, emergency_only: bool = False
) -> list[Notice] | None:
    """ "好了好了 谢谢" after a resolution: 满意 for the ticket it is for. `emergency_only`: an
    answer to "是否已经安全", for emergencies only. The ticket is the one its words name (the
    words it shares with the ticket, thanks_topics: "今天安静多了" → the noise ticket), and
    among several by the unit or room it names ("三单元的灯好了"); naming none or several,
    the one resolved in the last day when it is the only one (a ticket they follow only since
    their report was merged into it ranks below their own); else the resident is asked which.
    An emergency never takes a thanks naming another ticket."""
    waiting = flows.tickets_waiting_for_rating(ctx.session, ctx.actor, ctx.room_id)
    if emergency_only:
        waiting = [t for t in waiting if t.emergency]
    if ticket_id is not None:
        waiting = [t for t in waiting if t.id == ticket_id]
    in_hand = [t for t in flows.my_open_tickets(ctx.session, ctx.actor) if t not in waiting]
    named = _named_by_thanks(ctx, [*waiting, *in_hand])
    if named and not any(t in waiting for t in named):
        # "楼道灯亮了 谢谢" naming only a ticket still being handled rates none of those waiting:
        # news that it is fixed, for that ticket (reports handler: its group checks it); and
        # "救护车到了 谢谢邻居帮忙抬下去" is news of the live danger it names.
        if any(t.emergency or flows.says_over(ctx.community, t, ctx.text) for t in named):
            return None
        return [ctx.reply(messages.WELCOME)]
    chosen = [t for t in waiting if t in named] if named else waiting
    placed = duplicates.at_place_said(ctx.text, chosen) if len(chosen) > 1 else []
    if len(placed) == 1:
        chosen = named = placed  # "三单元的灯好了": the one of two lamp tickets in 3单元
    own = [t for t in chosen if not flows.followed_by_merge(ctx.session, t, ctx.actor, ctx.room_id)]
    if own and len(chosen) > 1:
        chosen = own  # a ticket followed only since staff merged their report in ranks below
    if named and len(chosen) == 1:
        return _rate_thanked(ctx, chosen[0])
    recent = [t for t in chosen if t.resolved_at and ctx.now - t.resolved_at <= THANKS_WINDOW]
    if not recent and not named:
        since = ctx.now - THANKS_WINDOW
        if emergency_only and flows.reported_emergency_since(ctx.session, ctx.actor, since):
            return [ctx.reply(messages.GLAD_SAFE)]  # "安全了 谢谢": never left unanswered
        return None  # plain thanks: chatter, stays silent
    rules = ctx.community.policy.duplicates
    told_kinds = duplicates.kinds_told_over(ctx.text, rules)
    if told_kinds & set(rules.lead_kinds) and not named:
        # "钥匙找到了 在保安亭 谢谢大家" the evening after their gas leak was closed: the end of
        # a search, no answer to "安全了吗" about another danger (day 57 R67)
        recent = [t for t in recent if not t.emergency or t.subcategory in told_kinds]
        if not recent:
            return None
    safe = emergency_only or ctx.community.words.says_safe(ctx.text)
    if not safe and any(not t.emergency for t in recent):
        # An emergency waits for "安全了", not for a thanks about another ticket.
        recent = [t for t in recent if not t.emergency]
    if safe and len(recent) > 1:
        # "安全了 谢谢陈姐" right after their night's fire was closed, yesterday's sparks closed
        # too: the question asked since their latest report, not one they wrote past (day 34 Q03).
        reported = flows.latest_report_at(ctx.session, ctx.actor, ctx.room_id)
        asked_since = [
            t
            for t in recent
            if reported is not None and t.resolved_at is not None and t.resolved_at > reported
        ]
        if len(asked_since) == 1:
            recent = asked_since
    if len(recent) == 1 and (safe or not recent[0].emergency or len(chosen) == 1):
        return _rate_thanked(ctx, recent[0])
    if len(recent) > 1 and ctx.community.words.rates_all(ctx.text):
        # "都安全了" with two dangers of theirs asked about (day 43 SR12): each of them
        return [n for t in recent for n in _rate_thanked(ctx, t)]
    latest_first = sorted(chosen, key=lambda t: (t.resolved_at or t.updated_at, t.id), reverse=True)
    return [ctx.reply(messages.which_thanks(latest_first))]


def _named_by_thanks(ctx: Context, tickets: list[Ticket]) -> list[Ticket]:
    """The tickets a thanks speaks of: by the one rule of the same problem ("楼道灯亮了" → the
    lamp ticket) and by thanks_topics ("今天安静多了" → the noise ticket)."""
    rules = ctx.community.policy.duplicates
    named = duplicates.said_of(ctx.text, tickets, rules)
    words = ctx.community.words
    by_topic = [t for t in tickets if t in named or words.thanks_name(ctx.text, t.text)]
    named = (
        by_topic
        or flows.naming_the_person(ctx.text, tickets)
        or flows.naming_its_subject(ctx.community.policy, ctx.text, tickets)
    )
    if named:
        return named
    # "补贴的事知道了 满意": the one ticket sharing a letter pair with its words (day 36 P07);
    # never an emergency, whose question "安全了吗" a pair answers not ("知道了 谢谢 满意" shares
    # 知道 with the gas smell "不知道从哪家飘出来的"; day 43 SR09)
    sharing = [
        t
        for t in tickets
        if not t.emergency and duplicates.letter_pairs_in(ctx.text, t.text, rules)
    ]
    return sharing if len(sharing) == 1 else []


def _rate_each(ctx: Context, tickets: list[Ticket], satisfied: bool, reason: str) -> list[Notice]:
    notices: list[Notice] = []
    for ticket in tickets:
        notices += flows.rate_ticket(
            ctx.session,
            ctx.community,
            ticket.id,
            ctx.actor,
            ctx.room_id,
            satisfied,
            reason,
            ctx.now,
            filler_chars=ctx.community.policy.duplicates.filler_chars,
        ).notices
    return notices


def _rate_thanked(ctx: Context, ticket: Ticket) -> list[Notice]:
    outcome = flows.rate_ticket(
        ctx.session,
        ctx.community,
        ticket.id,
        ctx.actor,
        ctx.room_id,
        True,
        "",
        ctx.now,
        from_thanks=True,
        thanked=any(w in ctx.text for w in ctx.community.words.thanks_words),
    )
    return outcome.notices
