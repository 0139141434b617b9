"""Staff replies on tickets (`#12 接单`, `#12 办完了 …`, `#12 转 物业` …) and the staff words
`待办`, `统计`, `工单 #12`; residents' `#12 撤销` and `#12 进度`.

The words come from config/commands.yaml; each verb there has one handler in VERB_HANDLERS.
Adding a command is a row in that table plus a function here."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from bot import commands
from bot.context import Context
from bot.handlers import corrections, wall
from service.community import Group
from service.community.policy import TicketPolicy
from service.community.rooms import unbound_groups
from service.dashboard.periods import previous_month
from service.errors import InvalidInput, NotFound, NotPermitted
from service.members import registration
from service.models import Ticket
from service.outbox import Notice
from service.textclean import without_leading
from service.tickets import duplicates, flows, messages, states, stats
from service.understanding.places import buildings_named, extract_place

BAD_REF_REPLY = "工单编号应为数字，例如：#12 已处理 换了灯泡"
STAFF_ONLY_REPLY = "抱歉，这条指令只对本群的工作人员开放。"

RESIDENT_WORDS = frozenset({"mine", "split"})
VerbHandler = Callable[[Context, int, str], list[Notice]]


# Events holding a resident's words on a ticket (flows._record).
_CLAUSE_END = re.compile(r"[\s,，.。!！?？;；:：、~～…]")
RESIDENT_WORDS_KINDS = frozenset({"resident_note", "follower_added"})


def _require_number(ticket_id: int | None) -> int:
    if ticket_id is None:
        raise InvalidInput("ticket reference is not a number", BAD_REF_REPLY)
    return ticket_id


def help_reply(ctx: Context, ticket_id: int, said: str) -> str:
    """An unknown word after `#12`: the closest commands of the asker's side (staff in staff
    groups, residents elsewhere), written out for this ticket."""
    staff = ctx.group is not None and ctx.group.takes_staff_commands
    kind = ctx.group.kind if ctx.group is not None else None
    rows = commands.grammar(ctx.community.words).suggestions(said, staff=staff, kind=kind)
    examples = "、".join(row.example.replace("{n}", str(ticket_id)) for row in rows)
    return f"没看懂“{said[:20]}”。您是不是想回复：{examples}"


def _answer(ctx: Context, ticket_id: int, said: str) -> list[Notice] | None:
    """ "#5 居住证带身份证和租房合同，到社区服务站一楼办": staff answer a resident's question
    (a ticket of answer_categories): the resident is told the answer and the ticket resolved.
    None when it is no such ticket, or the sentence says the answer is still to come."""
    words = ctx.community.words
    grammar = commands.grammar(words)
    if any(w in said for w in words.answer_later) or grammar.says_on_it(said):
        return None
    try:
        ticket = flows.get_ticket(ctx.session, ticket_id)
    except NotFound:
        return None
    asked = (
        ticket.category in words.answer_when_asked and words.resident_asked(ticket.text)
    ) or ticket.subcategory in words.answer_subcategories
    if not (ticket.category in words.answer_categories or asked):
        return None
    if ticket.state not in states.ACTIVE:
        return None
    if not flows.may_act(ctx.community, ticket, ctx.actor):
        return None
    notices = flows.resolve_ticket(
        ctx.session, ctx.community, ticket_id, ctx.actor, said.strip(), ctx.now, answer=True
    ).notices
    return confirmed_here(ctx, notices)


def _work_done(ctx: Context, ticket_id: int, said: str) -> list[Notice] | None:
    """ "#8 看过了 老人挺好 帮她买了药": on a care ticket the visit is the work, so a sentence
    that tells it as done resolves the ticket (work_done_by_category in config/commands.yaml).
    None when it is no such ticket or sentence, or the sender may not act on it."""
    try:
        ticket = flows.get_ticket(ctx.session, ticket_id)
    except NotFound:
        return None
    grammar = commands.grammar(ctx.community.words)
    if ticket.state not in states.ACTIVE or not grammar.tells_work_done(said, ticket.category):
        return None
    if not flows.may_act(ctx.community, ticket, ctx.actor):
        return None
    return confirmed_here(ctx, _resolve(ctx, ticket_id, said.strip()))


def _loose_work_done(ctx: Context) -> list[Notice] | None:
    """ "44号 陈奶奶我上午去看过了 人挺好的", "41号 合唱队每周三下午两点在活动室": a loose number
    naming the sender's ticket and a visit told as done (work_done_by_category) or the answer to
    a resident's question (answer_categories) closes it, as "#44 …" would."""
    for ticket_id, rest in commands.grammar(ctx.community.words).loose_refs(ctx.text):
        if rest and _theirs(ctx, ticket_id):
            answered = _answer(ctx, ticket_id, rest)
            return answered if answered is not None else _work_done(ctx, ticket_id, rest)
    return None


def _loose_note(ctx: Context) -> list[Notice] | None:
    """ "24号 刚去那边看了一眼": a loose number of the sender's active ticket and a sentence that
    neither claims, closes nor answers it is kept as a note on it, with a reply. Never silence."""
    for ticket_id, rest in commands.grammar(ctx.community.words).loose_refs(ctx.text):
        ticket = _existing(ctx, ticket_id) if rest else None
        if ticket is not None and ticket.state in states.ACTIVE and _theirs(ctx, ticket_id):
            return _kept_as_note(ctx, ticket_id, rest)
        if ticket is not None and ticket.state in states.ACTIVE and ctx.group is not None:
            # "43号 元旦照常清运 …" from the property office, of a building's ticket: told
            # whose it is, as "#43 …" is, never silence (day 64 S093, S097)
            flows.require_staff_of(ctx.community, ticket, ctx.actor)
    return None


def _on_it_said(ctx: Context, said: str) -> bool:
    """A staff sentence after a ticket's number telling someone is on it or will do the work
    at a time to come: a plan to go, a clear claim sign, or ending with what will be done."""
    grammar = commands.grammar(ctx.community.words)
    return (
        grammar.plans_to_go(said)
        or grammar.on_the_way(said)  # "34号 我过来 找物业拿备用钥匙" (day 58 S54)
        or grammar.says_on_it_unasked(said)
        or grammar.ends_going(said)  # "#25 我上班顺路去药店 拿了给林奶奶送过去" (day 56b)
        or (
            grammar.plans_later(said)
            and not said.rstrip().endswith(tuple(ctx.community.words.question_after))
        )
    )


def _claims_waiting(ctx: Context, ticket: Ticket, said: str) -> bool:
    """Words after a ticket's number that claim it when nobody has: someone on it or a plan
    (_on_it_said), not told as done, and not going again only to look ("1号 老人家说腿有点疼
    明天再去看看" tells of a visit made: a note; "#1 上门看过了 … 明天再来换" is work to come)."""
    again = ctx.community.words.claim_plan_again
    looks_again = any(f"{w}看" in said for w in again)
    grammar = commands.grammar(ctx.community.words)
    # News from the scene of an emergency nobody has claimed ("#9 人拉上来了 在等120"), not
    # asked: whoever tells it is there, on it (second look at day 64)
    at_the_scene = ticket.emergency and not grammar.asks(said) and grammar.still_to_come(said)
    return (
        ticket.state in (states.OPEN, states.REOPENED)
        and (_on_it_said(ctx, said) or at_the_scene)
        and not grammar.says_done(said)
        and not looks_again
    )


def _kept_as_note(ctx: Context, ticket_id: int, said: str) -> list[Notice] | None:
    """Staff write whole sentences after `#12` ("#12 燃气公司来了 已关总阀 阿婆没事"): nothing
    they say is lost. It is kept as a note (for those who may act on the ticket), and the reply
    says how to claim or close it. None when they may not act on it: then the usual help.
    Someone on it or a plan ("33号 已经报110了 我跟保安过去看看", "17号 今天保洁请假了 明天一早
    就清") on a ticket nobody has claimed claims it as well (day 58 S31, S52, S54)."""
    waiting = _existing(ctx, ticket_id)
    if waiting is not None and _claims_waiting(ctx, waiting, said):
        try:
            return confirmed_here(ctx, _on_it(ctx, ticket_id, said.strip()))
        except (InvalidInput, NotPermitted):
            return None
    try:
        outcome = flows.add_note(
            ctx.session, ctx.community, ticket_id, ctx.actor, said.strip(), ctx.now
        )
    except (InvalidInput, NotPermitted):
        return None
    # The street that pressed for it hears the answer ("#4 我已经跟物业说了 下午我亲自盯着";
    # street trial 8: 7 of 10 answers never reached it).
    street = ctx.community.street_group
    relayed = [n for n in outcome.notices if street is not None and n.group == street.name]
    ticket = outcome.ticket
    if ticket.state not in states.ACTIVE:
        reply = messages.noted_on_finished(ticket)
    elif ticket.emergency and ticket.claimed_by not in (None, ctx.actor.name):
        # "#6 我已经打了电梯公司电话 在往那边赶" on the emergency someone else holds: a note for
        # them, never a lesson in closing (day 57c S06, S20, S48)
        group = ctx.group.name if ctx.group is not None else None
        elsewhere = [n for n in outcome.notices if n.group not in (None, group)]
        return [ctx.reply(messages.noted(ticket, relayed=bool(relayed))), *elsewhere]
    elif _on_it_said(ctx, said):
        # a plan ("已安排保洁下午清运", "明早修") is plainly no closing: no lesson in closing
        reply = messages.noted(ticket, relayed=bool(relayed))
    else:
        reply = messages.kept_as_note(ticket_id, _how(ctx, "resolve", ticket), bool(relayed))
    return [ctx.reply(reply), *relayed]


def handle(ctx: Context) -> list[Notice] | None:
    staff_room = ctx.group is not None and ctx.group.takes_staff_commands
    merged = re.match(ctx.community.words.merge_said, commands.normalise(ctx.text))
    if staff_room and merged is not None:  # "2号工单跟1号是一回事"
        # "7号和38号是一回事": the newer goes into the older, which has the history (day 40 S05)
        older, newer = sorted((int(merged["a"]), int(merged["b"])))
        stays, goes = _merge_kept(ctx, older, newer)
        return confirmed_here(ctx, _merge(ctx, goes, f"#{stays}"))
    fixed = re.search(ctx.community.words.closing_moved, commands.normalise(ctx.text))
    if staff_room and fixed is not None:  # "写错了 刚才那个不是6 是18"
        outcome = flows.move_closing(
            ctx.session,
            ctx.community,
            int(fixed["wrong"]),
            int(fixed["right"]),
            ctx.actor,
            ctx.now,
        )
        return confirmed_here(ctx, outcome.notices)
    command = commands.parse(ctx.text, ctx.community.words)
    if command is None and staff_room:
        command = _ref_inside(ctx)
    if staff_room and isinstance(command, commands.Rating):
        closed = _closing_told_with_a_verdict(ctx, command)
        if closed is not None:
            return closed
    if (
        staff_room
        and isinstance(command, commands.TicketCommand | commands.UnknownTicketCommand)
        and command.ticket_id is not None
        and not (isinstance(command, commands.TicketCommand) and command.loose)
    ):
        moved = _transfer_said(ctx, command.ticket_id, command.said)
        if moved is not None:
            return moved
    if isinstance(command, commands.UnknownTicketCommand):
        grammar = commands.grammar(ctx.community.words)
        if (
            staff_room
            and command.ticket_id is not None
            and grammar.only_thanks_someone(command.said)
        ):
            return None  # "#5 好的 辛苦韩涛了": thanks among staff, nothing to do
        if command.ticket_id is not None and staff_room and command.said.strip():
            answered = _answer(ctx, command.ticket_id, command.said)
            if answered is not None:
                return answered
            visited = _work_done(ctx, command.ticket_id, command.said)
            if visited is not None:
                return visited
            planned = _existing(ctx, command.ticket_id)
            if planned is not None and _claims_waiting(ctx, planned, command.said):
                # "好的 #9 我们下午去找502当面谈": a plan to go, with its number, claims a ticket
                # nobody has claimed (day 19, S23), as the numberless plan does (day 18); so does
                # someone on it ("#42 师傅已经到了 …") or work planned for later ("#2 上楼找402
                # 谈过了 … 今晚就接一根管子"; day 53 S48, S76). On one in hand it is a note.
                _require_theirs(ctx, command.ticket_id)
                return confirmed_here(ctx, _on_it(ctx, command.ticket_id, command.said.strip()))
            kept = _kept_as_note(ctx, command.ticket_id, command.said)
            if kept is not None:
                return kept
        if command.ticket_id is not None and not staff_room and command.said.strip():
            passed_on = _residents_words_on_their_ticket(ctx, command.ticket_id)
            if passed_on is not None:
                return passed_on
            ticket = _existing(ctx, command.ticket_id)
            if ticket is not None and flows.may_act(ctx.community, ticket, ctx.actor):
                # "#20 笔墨纸都准备好了 人来就行" from the secretary in the owners' chat: where
                # staff answer, never resident commands offered (day 58b S52)
                how = f"#{ticket.id} 已处理 {' '.join(command.said.split())}"
                return [ctx.reply(messages.answer_in_work_group(ticket, how))]
        if command.ticket_id is not None:
            if staff_room:
                _require_theirs(ctx, command.ticket_id)  # another group's: say whose it is
            return [ctx.reply(help_reply(ctx, command.ticket_id, command.said))]
        # "#话题" in a resident group is a hashtag, not a command; staff get told how to write one.
        return [ctx.reply(BAD_REF_REPLY)] if staff_room else None
    if isinstance(command, commands.TicketCommand):
        if command.loose and not staff_room:
            return None  # "2号 已处理" means a ticket only in a staff group
        named = _existing(ctx, command.ticket_id) if command.loose else None
        if named is not None and staff_room and _theirs(ctx, named.id):
            # "3号 物业下午一块撒 我跟钱经理说好了 转物业": a hand-over said, never a closing
            # for its 说好了 (day 61 S38)
            moved = _transfer_said(ctx, named.id, command.argument)
            if moved is not None:
                return moved
        if named is not None and command.verb == "resolve":
            # "2号 已处理", "电表箱那个 2号 搞定了": that ticket, never the one in hand
            return _loose_closing(ctx, named, command.argument)
        if command.loose and command.sentence and not _theirs(ctx, command.ticket_id):
            # "20号 …已经送医院了": no ticket #20 of theirs, so 20号 is a day or a door.
            return _closing_without_number(ctx)
        if command.sentence and not staff_room:
            if ctx.community.words.is_thanks(command.argument):
                return None  # "#12 不漏了" from a resident: thanks, read as a rating later
            number = _require_number(command.ticket_id)
            return [ctx.reply(help_reply(ctx, number, command.argument))]
        if command.verb in RESIDENT_VERBS:
            return None
        pointed = _merged_pointer(ctx, command)
        if pointed is not None:
            return pointed
        if command.sentence and command.verb == "claim":
            notices = _on_it(ctx, _require_number(command.ticket_id), command.argument)
            return confirmed_here(ctx, notices)
        handler = VERB_HANDLERS.get(command.verb)
        if handler is None:  # a table row without code: say what we can do
            return [ctx.reply(help_reply(ctx, command.ticket_id or 0, command.verb))]
        notices = handler(ctx, _require_number(command.ticket_id), command.argument)
        return confirmed_here(ctx, notices)
    if isinstance(command, commands.WordCommand) and command.verb not in RESIDENT_WORDS:
        return _word(ctx, command)
    if command is None and staff_room:
        for ticket_id, rest in commands.grammar(ctx.community.words).loose_refs(ctx.text):
            # "31 暖气片我们这边处理不了 转物业": a loose number of theirs and a transfer said
            moved = _transfer_said(ctx, ticket_id, rest) if _theirs(ctx, ticket_id) else None
            if moved is not None:
                return moved
        for ticket_id, _ in commands.grammar(ctx.community.words).numbers_said(ctx.text):
            # ... or a number later in it ("电梯看了 主板烧了 我们修不了 2号转物业"; day 58b S05)
            said = commands.normalise(ctx.text)
            moved = _transfer_said(ctx, ticket_id, said) if _theirs(ctx, ticket_id) else None
            if moved is not None:
                return moved
        if re.search(ctx.community.words.several_tickets_pattern, ctx.text):
            # "夜班交接一下 昨晚几个紧急的都处理完了 白班的同事注意看下…": a handover speaks of
            # several tickets, so no numberless reading of one (day 58 S62)
            return None
        asked = _progress_asked_by_its_words(ctx)
        if asked is not None:
            return asked
        claimed = _answer_to_press(ctx)
        if claimed is None:
            claimed = _held_emergency_over(ctx)
        if claimed is None:
            claimed = _claim_without_number(ctx)
        if claimed is None:
            claimed = _loose_work_done(ctx)
        if claimed is None:
            claimed = _on_an_emergency(ctx)
        if claimed is None:
            claimed = _closing_without_number(ctx)
        if claimed is None:
            claimed = _over_in_hand(ctx)
        if claimed is None:
            claimed = _work_done_without_number(ctx)
        if claimed is None:
            claimed = _loose_note(ctx)
        return claimed if claimed is not None else _noted_by_content(ctx)
    return None


def _progress_asked_by_its_words(ctx: Context) -> list[Notice] | None:
    """ "2号楼配电箱打火那个现在啥情况了" in a staff group: a progress question (the words of the
    progress verb) naming no number is answered with the progress of the one ticket its words
    fit, as in the street's group (day 60 S25); one the sender may not see is told whose it is
    (flows.visible_ticket). None when it fits none (chat among staff stays chat)."""
    progress = ctx.community.words.verb("progress")
    said = commands.normalise(ctx.text)
    words = ctx.community.words
    # ... or asked pointing at it ("池塘那个孩子救上来没有"; day 64 S108)
    pointed = commands.grammar(words).asks(said) and any(
        p in said for p in words.result_note.pointer_endings
    )
    if progress is None or not (pointed or any(w in said for w in progress.words if len(w) > 1)):
        return None
    fitting = flows.tickets_its_words_fit(ctx.session, ctx.community, said, ctx.now)
    if not fitting or len(fitting) > FITTING_SHOWN:
        return None
    if len(fitting) > 1:
        # "4号楼漏水那个现在啥进展了" with the leak told twice: how each stands (day 61 S84)
        shown = sorted(fitting, key=lambda t: t.id)
        lines = [flows.ticket_progress(ctx.session, ctx.community, t.id, ctx.actor) for t in shown]
        return [ctx.reply("\n".join(lines))]
    return _progress(ctx, fitting[0].id, "")


# How many tickets a progress question fitting several alike is answered with.
FITTING_SHOWN = 3


def answers_a_press(ctx: Context) -> Ticket | None:
    """The one ticket of this staff group the street pressed for lately and nobody answered,
    when this numberless message tells someone on it ("收到 今天下午就上门 带热力公司师傅一起去",
    "好的 我四点就过去"; seventh street trial); else None."""
    group = ctx.group
    if group is None or not group.takes_staff_commands or group.kind == "street":
        return None
    grammar = commands.grammar(ctx.community.words)
    said = commands.normalise(ctx.text)
    opened = said.lstrip().startswith(ctx.community.words.street_push_answer_openers)
    if not opened and (
        grammar.says_done(said)
        or not (
            grammar.says_on_it(said)
            or grammar.plans_to_go(said)
            or grammar.plans_later(said)
            or grammar.ends_going(said)
        )
    ):
        return None
    hours = ctx.community.words.street_push_answer_hours
    since = ctx.now - timedelta(hours=hours)
    tickets = flows.pressed_here(ctx.session, ctx.community, group, since)
    # ... and an emergency this group was paged for (the grid's "收到 我现在就带人过去" after
    # the street pressed for the fall its group was paged for; street trial 11 XA1)
    tickets += [t for t in _alerted_emergencies(ctx, group) if t not in tickets]
    unanswered = flows.all_pressed_unanswered(ctx.community, tickets, ctx.now, hours)
    # the grid head's "收到 下午带物业去车库把线都清掉" with two of the grid's tickets pressed: the
    # one its problem words name, never a deadline both say (限今天下午清掉; street check 13 J008)
    filler = "".join(ctx.community.policy.duplicates.filler_chars)

    def told(t: Ticket) -> str:
        return " ".join([t.summary, *(t.keywords or ())])

    named = [t for t in unanswered if duplicates.shared_pairs(said, told(t), filler)]
    if not named:
        # "收到 灯泡已经买了 今天下午就去换" with the lamp pressed and a finding of snow filed:
        # the one whose problem shares a letter with it (灯; street check 14 J06)
        by_letter = [t for t in unanswered if duplicates.shared_letters(said, told(t), filler)]
        named = by_letter if len(by_letter) == 1 else []
    if len(unanswered) > 1:
        unanswered = named
    pressed = unanswered[0] if len(unanswered) == 1 else None
    pressed_at = flows.last_pressed_at(ctx.community, pressed) if pressed else None
    if (
        pressed_at is not None
        and pressed not in named
        and any(
            t.emergency and t.created_at > pressed_at
            for t in _waiting_to_claim(
                _claimable_here(ctx, group) + _alerted_emergencies(ctx, group)
            )
        )
    ):
        # "收到我来 我和保安一起出去找" five minutes after a missing man was paged here, the
        # heating pressed for yesterday: the page is what it answers (street trial 10)
        return None
    return pressed


def _answer_to_press(ctx: Context) -> list[Notice] | None:
    """A group's answer to the street's press with no number: kept on the pressed ticket (and
    claiming it when nobody has), so the street hears it."""
    pressed = answers_a_press(ctx)
    if pressed is None or ctx.group is None:
        return None
    if not registration.may_act_for(ctx.session, ctx.community, ctx.actor, [ctx.group]):
        return None
    said = commands.normalise(ctx.text).strip()
    if pressed.state not in states.ACTIVE:
        # "收到 周五前把6号楼全查一遍" to more work pressed for on a closed ticket: kept on it
        # and told to the street (street check 12 X44)
        noted = flows.add_note(ctx.session, ctx.community, pressed.id, ctx.actor, said, ctx.now)
        return confirmed_here(ctx, noted.notices)
    # (an emergency is closed in so many words only: "到了 … 已经关了总阀 物业在抽水" is someone
    # on it)
    grammar = commands.grammar(ctx.community.words)
    if not pressed.emergency and grammar.says_done(said) and not grammar.plans_later(said):
        # "收到 早上七点已经叫保洁清了 垃圾桶也冲洗过了": done already, a closing (the street
        # hears it as it hears every closing of what it pressed; street check 10c C06)
        done = without_leading(said, ctx.community.policy.staff_acknowledgements)
        return confirmed_here(ctx, _resolve(ctx, pressed.id, done))
    return confirmed_here(ctx, _on_it(ctx, pressed.id, said))


def _held_emergency_over(ctx: Context) -> list[Notice] | None:
    """ "总阀关了 不冒了 地上的水扫了撒了盐 管子明天让物业换" from the one holding the burst pipe:
    the one emergency in their hands its words name by its kind (kind_words: 总阀), told over
    (over_words, or its kind's kind_over_words), closes, whatever repair is planned and whatever
    waiting ticket the other words fit (day 61 S78 had claimed the reopened ice ticket). None
    otherwise."""
    group = ctx.group
    if group is None:
        return None
    said = commands.normalise(ctx.text).strip()
    held = [
        t
        for t in _own_active(ctx, group) + _alerted_emergencies(ctx, group)
        if t.emergency and t.claimed_by == ctx.actor.name and t.state != states.OPEN
    ]
    named = _of_its_kind(ctx, list(dict.fromkeys(held)), said)
    if len(named) != 1:
        return None
    rules = ctx.community.policy.duplicates
    over = any(w in said for w in rules.over_words) or _over_in_its_words(ctx, named[0], said)
    if not over or commands.grammar(ctx.community.words).asks(said):
        return None
    return confirmed_here(ctx, _resolve(ctx, named[0].id, said))


def _over_in_hand(ctx: Context) -> list[Notice] | None:
    """ "刘爷爷儿子在家陪着 老人膝盖擦破点皮 上了药 没事了" from the one who claimed the fall
    behind 刘爷爷's door: the one emergency they hold here, named by its words, is over
    (safe_in_hand_signs), and closes as "#31 …" would (day 45 S13). None otherwise."""
    group = ctx.group
    grammar = commands.grammar(ctx.community.words)
    if group is None or not grammar.says_safe_in_hand(ctx.text):
        return None
    held = [
        t
        for t in _own_active(ctx, group) + _alerted_emergencies(ctx, group)
        if t.emergency and t.claimed_by == ctx.actor.name and t.state != states.OPEN
    ]
    said = commands.normalise(ctx.text).strip()
    filler = "".join(ctx.community.policy.duplicates.filler_chars)
    of_its_kind = _of_its_kind(ctx, held, said)
    if len(held) > 1 and len(of_its_kind) == 1:
        # "是喝多了的 叫醒了 家属扶回家了" with a burst pipe in hand too: 喝多 is how the man
        # lying in the snow ends (kind_words), never the pipe (day 55 S084)
        held = of_its_kind
    if len(held) != 1:
        return None
    # Named by its words, or by how such a danger ends ("是喝多了的 叫醒了 家属扶回家了" of the man
    # lying in the snow; day 55 S084), never by a safe word alone ("我刚才崴了一下脚 没事了").
    named = duplicates.shared_pairs(said, _told_of(held[0]), filler)
    # ... or by how its own kind of danger ends ("人扶回家了 腿没事 家属在照顾" of the fall the
    # grid head went down to; street check 12b X04), never by a bare 没事 ("我刚才崴了一下脚
    # 没事了")
    rules = ctx.community.policy.duplicates
    bare = ctx.community.words.bare_safe_marks
    own_end = [
        w
        for w in rules.kind_over_words.get(held[0].subcategory or "", ())
        if w in said and w not in rules.over_words and not any(m in w for m in bare)
    ]
    # ... or by someone brought to safety ("孩子抱回屋了 他奶奶下楼倒垃圾了 没事" of the child on
    # the air-conditioner ledge; day 63 S51)
    brought = [
        w
        for w in ctx.community.words.safe_in_hand_signs
        if w in said and not any(m in w for m in bare)
    ]
    if not (named or held[0] in of_its_kind or own_end or brought):
        return None
    return confirmed_here(ctx, _resolve(ctx, held[0].id, said))


def _work_done_without_number(ctx: Context) -> list[Notice] | None:
    """ "刚去102看过了 老爷子烧退了 给他买了梨和感冒药": a visit or help told as done
    (work_done_by_category) with no number, naming one of the group's own open tickets of that
    kind by its flat or its words, resolves it, as "#11 …" would (day 29 S48). None when it
    names none or several, or the sender may not act for the group."""
    group = ctx.group
    if group is None or not registration.may_act_for(
        ctx.session, ctx.community, ctx.actor, [group]
    ):
        return None
    grammar = commands.grammar(ctx.community.words)
    said = commands.normalise(ctx.text)
    done = [t for t in _own_active(ctx, group) if grammar.tells_work_done(said, t.category)]
    named = duplicates.at_place_said(said, done) or _fitting(ctx, said, done)
    held = [t for t in done if t.claimed_by == ctx.actor.name]
    if not named and len(held) == 1:
        # "米买好了 送到黄奶奶家了 …" from the one who took the shopping for her, naming it by
        # nothing its resident wrote: the one such ticket in their hands (day 58b S26)
        named = held
    if len(named) != 1:
        return None
    return confirmed_here(ctx, _resolve(ctx, named[0].id, said.strip()))


# Letter pairs a numberless staff sentence shares with a ticket's words to be kept on it.
NOTE_PAIRS_NEEDED = 2


def _noted_by_content(ctx: Context) -> list[Notice] | None:
    """ "东门的冰铲了 撒了两袋融雪剂 又铺了草垫子": a staff sentence that neither claims, closes
    nor answers, naming by its words (NOTE_PAIRS_NEEDED letter pairs) exactly one of the
    group's own open tickets, is kept on it as a note, and the sender told how to close it:
    what staff say about a ticket is never lost in silence (day 29 S07). Naming several, it
    tells work done ("1单元门口坡道撒了融雪剂 铺了草垫子" with two ramp tickets open; day 40
    R56): the sender is asked which. None when it names none, or several without saying
    anything done (chat among staff stays chat)."""
    group = ctx.group
    said = commands.normalise(ctx.text).strip()
    if group is None or not said or said.startswith("#"):
        return None
    filler = "".join(ctx.community.policy.duplicates.filler_chars)
    # One pair is enough for a ticket in the sender's own hands ("楼道玻璃先用塑料布封上了 明天
    # 换玻璃" on the broken stair window they claimed; day 40 S70).
    # So is an emergency of a group below that the sender holds ("5号楼爆管那个 总阀关了 水停了
    # 已处理 明天热力公司来换管子" from the grid head who claimed it; day 54 S56).
    held = [t for t in _alerted_emergencies(ctx, group) if t.claimed_by == ctx.actor.name]
    named = [
        t
        for t in _own_active(ctx, group) + held
        if duplicates.shared_pairs(said, _told_of(t), filler)
        >= (1 if t.claimed_by == ctx.actor.name else NOTE_PAIRS_NEEDED)
    ]
    dangers_held = [
        t
        for t in dict.fromkeys(_own_active(ctx, group) + held)
        if t.emergency and t.claimed_by == ctx.actor.name
    ]
    of_its_kind = _of_its_kind(ctx, dangers_held, said)
    if len(of_its_kind) == 1:
        # "孩子妈妈联系上了 …孩子在我家吃着饺子呢 等她来接" from the one holding the child shut
        # out in the cold: the danger in hand named by its kind (kind_words), never the noise
        # ticket whose "孩子" it shares (day 61 S50)
        named = of_its_kind
    if not named:
        return None
    if not registration.may_act_for(ctx.session, ctx.community, ctx.actor, [group]):
        return None
    at_place = duplicates.at_place_said(said, named) or _rooms_written(said, named)
    if len(named) > 1 and len(at_place) == 1:
        named = at_place  # "暖气的我来 先去602看看": the flat names one of two (day 55 S004)
    if len(named) > 1:
        if not commands.grammar(ctx.community.words).tells_something_done(said):
            return None
        example = ctx.community.words.verb("resolve")
        how = example.example.replace("{n}", str(named[0].id)) if example else ""
        return [ctx.reply(messages.which_ticket(named, how))]
    grammar = commands.grammar(ctx.community.words)
    # A clear sign of someone on it, or an everyday 我来/我带 with the ticket's flat written or
    # going said last ("我来统计一下人数" under a choir ticket claims nothing; staff day 15).
    on_it = grammar.says_on_it_unasked(said) or (
        grammar.says_on_it(said) and (bool(at_place) or grammar.ends_going(said))
    )
    if (
        named[0].state in (states.OPEN, states.REOPENED)
        and on_it
        and (grammar.ends_going(said) or not grammar.says_done(said))
    ):
        # "暖气的我来 先去602看看", "张姐家水管冻了 我带上热风枪过去": its words name the one
        # ticket waiting here, so even an everyday 我来, 我带 is someone taking it (day 55 S004,
        # S007), with what they said kept.
        return confirmed_here(ctx, _on_it(ctx, named[0].id, said))
    over = grammar.says_done(said) or _over_in_its_words(ctx, named[0], said)
    if named[0].emergency and over and _may_act(ctx, named[0]):
        # "人救出来了 老太太没事 维保在修" from the duty officer, of the one lift emergency its
        # words name: the danger is over, whatever repair follows (street check 8b); so is
        # "煤气味那个找到了 …阀门关了 窗户都打开了", told in the words such a danger ends with
        # (kind_over_words; day 60 S10)
        return confirmed_here(ctx, _resolve(ctx, named[0].id, said))
    answered = None if grammar.asks(said) else _answer(ctx, named[0].id, said)
    if answered is not None:
        # "停水那几天的水费 问过自来水公司了 按表上实际用量收 不会多收": the answer to the one
        # question its words name, sent to the resident as "#3 …" would be (day 63 second look)
        return answered
    return _kept_as_note(ctx, named[0].id, said)


def _over_in_its_words(ctx: Context, ticket: Ticket, said: str) -> bool:
    """`said` tells the emergency's kind of danger over in words of that kind ("阀门关了" of a
    gas leak, "120拉走了" of someone taken ill: kind_over_words in config/tickets.yaml)."""
    rules = ctx.community.policy.duplicates
    told_over = duplicates.kinds_told_over(said, rules)
    return ticket.emergency and (ticket.subcategory or "") in told_over


def _may_act(ctx: Context, ticket: Ticket) -> bool:
    return flows.may_act(ctx.community, ticket, ctx.actor)


def _of_its_kind(ctx: Context, tickets: list[Ticket], said: str) -> list[Ticket]:
    """The emergencies among `tickets` that `said` names by how such a danger ends or is
    told (kind_words in config/tickets.yaml: 喝多 of a person lying out, 着火 of a fire)."""
    kinds = ctx.community.policy.duplicates.kind_words
    return [
        t
        for t in tickets
        if t.emergency and any(w in said for w in kinds.get(t.subcategory or "", ()))
    ]


def _rooms_written(said: str, tickets: list[Ticket]) -> list[Ticket]:
    """The tickets whose flat number a staff sentence writes as a number of its own ("先去602
    看看": staff write a flat with no 室 or unit, which extract_place does not take for one)."""
    return [t for t in tickets if t.room and re.search(rf"(?<!\d){re.escape(t.room)}(?!\d)", said)]


def _ref_inside(ctx: Context) -> commands.Command | None:
    """ "好的 #3 我们去找402", "配电房进水的 10号 我已经到现场了 接单": a staff sentence with the
    ticket number inside it, read as if the number came first. A loose `10号` counts only when
    that ticket is the sender's (else it may be a day or a door)."""
    found = commands.grammar(ctx.community.words).ref_inside(ctx.text)
    if found is None:
        return None
    command, loose = found
    if loose:
        number = getattr(command, "ticket_id", None)
        return command if _theirs(ctx, number) else None
    return command


def _require_theirs(ctx: Context, ticket_id: int) -> None:
    """Staff who wrote the number of a ticket they may not act on are told whose it is (the
    refusal of every ticket command, flows.require_staff_of), never offered its commands."""
    try:
        ticket = flows.get_ticket(ctx.session, ticket_id)
    except NotFound:
        raise flows.no_such_ticket(ticket_id) from None
    flows.require_staff_of(ctx.community, ticket, ctx.actor)


def _closing_told_with_a_verdict(ctx: Context, rating: commands.Rating) -> list[Notice] | None:
    """ "#8 已调解 和楼上沟通好了，小陈那边满意" in a staff group: the residents' 满意 is what
    the worker reports, the sentence says the work is done, so it closes the ticket in hand
    (never a rating: staff do not rate their own work)."""
    if rating.ticket_id is None or not commands.grammar(ctx.community.words).says_done(
        rating.reason
    ):
        return None
    try:
        ticket = flows.get_ticket(ctx.session, rating.ticket_id)
    except NotFound:
        return None
    if ticket.state not in states.ACTIVE or not flows.may_act(ctx.community, ticket, ctx.actor):
        return None
    return confirmed_here(ctx, _resolve(ctx, ticket.id, rating.reason))


def _residents_words_on_their_ticket(ctx: Context, ticket_id: int) -> list[Notice] | None:
    """ "#10 楼顶漏水怎么还没修好？" from the resident of open ticket #10 (reporter or
    follower): their words go on the ticket and to its group, and they are told its state, as
    when they chase it without the number. None when it is not one of theirs."""
    mine = [t for t in flows.my_open_tickets(ctx.session, ctx.actor) if t.id == ticket_id]
    if not mine or mine[0].state not in states.ACTIVE:
        return None
    report = flows.Report(ctx.text, ctx.actor, ctx.room_id, ctx.group)
    return flows.own_follow_up(ctx.session, mine[0], report, ctx.community, ctx.now).notices


def _transfer_said(ctx: Context, ticket_id: int, said: str) -> list[Notice] | None:
    """ "#33 楼顶防水层开裂了 我们弄不了 转物业": a transfer said inside a staff sentence, to a
    group the bot knows (flows.resolve_target), with the sentence as the reason. None when the
    sentence starts with a command word ("#12 转 物业" is that command) or names no group."""
    grammar = commands.grammar(ctx.community.words)
    if grammar.verb_at_start(said.lstrip()) is not None:
        return None
    targets = grammar.transfers_said(said)
    if not targets:
        return None
    try:
        ticket = flows.get_ticket(ctx.session, ticket_id)
    except NotFound:
        return None
    for words in targets:
        pronouns = ctx.community.words.transfer_pronouns
        pronoun = next((p for p in pronouns if words.startswith(p)), "")
        if pronoun and re.fullmatch(r"(?:处理|来|吧|了|管|负责)*", words[len(pronoun) :]):
            # "转给他们", "交给他们处理吧"; never "让他亲戚下午过来" (someone else's relative)
            words = _group_named_before(ctx, said, words) or words
        for end in range(len(words), 0, -1):  # "物业处理" names 物业
            try:
                group = flows.resolve_target(ctx.community, ticket, words[:end])
            except InvalidInput:
                continue
            reason = " ".join(said.split())
            notices = flows.transfer_ticket(
                ctx.session,
                ctx.community,
                ticket_id,
                ctx.actor,
                f"{group.name} {reason}",
                ctx.now,
                ask_community=True,
            ).notices
            return confirmed_here(ctx, notices)
    return None


def _group_named_before(ctx: Context, said: str, pronoun: str) -> str:
    """ "泵房是物业管的 转给他们": the words naming the one staff group said before the pronoun
    of a transfer ("物业"), else "" (none, or several: "他们" is then not guessed)."""
    before = said[: said.find(pronoun)]
    found = {
        (group.name, before[i:j])
        for i in range(len(before))
        for j in range(i + 2, min(len(before), i + 12) + 1)
        if not before[i:j].isdigit()  # "602" is a flat, never 2号楼
        and (group := ctx.community.find_group(before[i:j])) is not None
        and group.is_staff_group
    }
    names = {name for name, _ in found}
    return min((w for _, w in found), key=len) if len(names) == 1 else ""


def _theirs(ctx: Context, ticket_id: int | None) -> bool:
    """Ticket `ticket_id` exists and the sender may act on it (flows.may_act)."""
    if ticket_id is None:
        return False
    try:
        ticket = flows.get_ticket(ctx.session, ticket_id)
    except NotFound:
        return False
    return flows.may_act(ctx.community, ticket, ctx.actor)


def _merged_pointer(ctx: Context, command: commands.TicketCommand) -> list[Notice] | None:
    """ "#53 已处理 换了灯泡" when #53 was merged into #60: staff are told that #60 is the one to
    handle, with their own command written for #60. Never applied to #60 unasked."""
    row = ctx.community.words.verb(command.verb)
    ticket = _existing(ctx, command.ticket_id)
    if row is None or not row.staff or command.verb in ("merge", "unmerge") or ticket is None:
        return None
    into = flows.merged_end(ctx.session, ticket)
    if into is None:
        return None
    flows.require_staff_of(ctx.community, ticket, ctx.actor)
    said = " ".join((command.said or command.argument).split()) or row.words[0]
    return [ctx.reply(messages.merged_pointer(ticket, into, f"#{into.id} {said}"))]


def _existing(ctx: Context, ticket_id: int | None) -> Ticket | None:
    if ticket_id is None:
        return None
    try:
        return flows.get_ticket(ctx.session, ticket_id)
    except NotFound:
        return None


def _loose_closing(ctx: Context, ticket: Ticket, note: str) -> list[Notice]:
    """A closing with a loose number ("电表箱那个 44号搞定了", "2号 已处理"): that ticket, when
    the sender may act on it (else they are told whose it is). When its words speak of another
    ticket the sender has in this group and not of the numbered one ("电表箱" with #44 a lamp),
    they are asked which, never a guess."""
    flows.require_staff_of(ctx.community, ticket, ctx.actor)
    into = flows.merged_end(ctx.session, ticket)
    if into is not None:
        row = ctx.community.words.verb("resolve")
        how = (
            f"#{into.id} {note}"
            if note
            else row.example.replace("{n}", str(into.id))
            if row
            else ""
        )
        return [ctx.reply(messages.merged_pointer(ticket, into, how))]
    group = ctx.group
    filler = "".join(ctx.community.policy.duplicates.filler_chars)
    subject = commands.grammar(ctx.community.words).subject_said(note)
    pointed = ctx.community.words.points_at_ticket(ctx.text, ticket.id)
    grammar = commands.grammar(ctx.community.words)
    # "34号 开门进去了 老太太起夜摔了 人是清醒的 120拉走了" of the thud behind 王奶奶's door:
    # how a danger to someone ends fits any emergency (day 58 S55)
    safe = ticket.emergency and grammar.says_safe_now(note)
    if group is not None and not pointed and not safe and not _fits(note, subject, ticket, filler):
        others = [t for t in _own_active(ctx, group) if t.id != ticket.id]
        # ... spoken of another ticket's problem (its summary), not of a word its resident
        # also wrote ("老太太都不敢出门遛弯" of the street lamps)
        meant = [t for t in others if duplicates.shared_pairs(subject, t.summary or t.text, filler)]
        if len(meant) == 1:
            row = ctx.community.words.verb("resolve")
            how = row.example.replace("{n}", str(meant[0].id)) if row else ""
            return [ctx.reply(messages.which_of_two(ticket, meant[0], how))]
    return confirmed_here(ctx, _resolve(ctx, ticket.id, note))


def _fits(note: str, subject: str, ticket: Ticket, filler: str) -> bool:
    """The words of a closing fit the ticket it names: a pair of letters in a row, or a letter
    of what was done that is no filler ("人昨天就被消防接出来了" fits "电梯里有人被困 出不来")."""
    if duplicates.shared_pairs(note, ticket.text, filler):
        return True
    letters = {c for c in subject if c.isalpha() and c not in filler}
    return bool(letters & set(ticket.text))


def _closing_without_number(ctx: Context) -> list[Notice] | None:
    """A staff closing with no number ("老鼠药已经投放了 处理完了"): applied to the one ticket
    they have in hand in this group (claimed by them; else the group's one unclaimed ticket,
    or the one whose words it shares); with several, they are asked which. Never silence."""
    group = ctx.group
    if group is None:
        return None
    grammar = commands.grammar(ctx.community.words)
    note = grammar.closing_without_ref(ctx.text)
    news = grammar.unreferenced_update(ctx.text) if note is None else None
    result = grammar.result_without_ref(ctx.text) if note is None and news is None else None
    if note is None and news is None and result is None:
        return _news_pointed_at(ctx, group)
    named = [t for n, _ in grammar.numbers_said(ctx.text) if (t := _existing(ctx, n)) is not None]
    if len({t.id for t in named}) > 1:
        return [ctx.reply(_which_to_close(ctx, named, in_hand=False))]
    if named:  # "电表箱那个 44号搞定了": #44, never the one in hand
        return _loose_closing(ctx, named[0], note or commands.normalise(ctx.text))
    if not registration.may_act_for(ctx.session, ctx.community, ctx.actor, [group]):
        return None
    if result is not None:
        return _result_without_number(ctx, group, result)
    if note is None:
        return _news_without_number(ctx, group, news)
    active = _own_active(ctx, group)
    mine = [
        t
        for t in active + _alerted_emergencies(ctx, group)
        if t.claimed_by == ctx.actor.name and t.state != states.OPEN
    ]
    candidates = mine or _waiting_to_claim(active)
    filler = "".join(ctx.community.policy.duplicates.filler_chars)
    fitted = _fitted_closing(ctx, note, mine, _waiting_to_claim(active))
    if fitted is not None:
        return fitted
    of_its_kind = _of_its_kind(ctx, candidates, note)
    if len(candidates) > 1 and len(of_its_kind) == 1:
        # "人被警察抓走了 车主也都通知了 处理好了" with the car smashing and a blocked ditch in
        # hand: the words of how such a danger ends (kind_words) name it (day 43 S77)
        candidates = of_its_kind
    if len(candidates) > 1:
        scores = {t.id: duplicates.shared_pairs(note, t.text, filler) for t in candidates}
        best = max(scores.values())
        candidates = [t for t in candidates if scores[t.id] == best] if best else candidates
    if len(candidates) == 1:
        only = candidates[0]
        others = [t for t in active if t.id != only.id]
        subject = grammar.subject_left(note, filler)
        told = _told_of(only, staff_notes=True)
        shares = duplicates.shared_pairs(note, told, filler) or subject & set(told)
        # "派出所把人带走了 伤的那个送医院包扎了 已处理" from the one who holds the fight: how a
        # danger to people ends fits the emergency in their hands (street check 10c)
        safe = only in mine and only.emergency and grammar.says_safe_now(note)
        if shares or safe or not (others or subject):
            return confirmed_here(ctx, _resolve(ctx, only.id, note))
        if not others:
            # "电梯修好了 换了个继电器" with only the tree ticket in hand: it speaks of something
            # else, so it is asked about, never applied to the wrong ticket.
            return [ctx.reply(_which_to_close(ctx, [only], in_hand=True))]
        # "配电箱一根线烧了 电工来换好了" with a gas leak in hand and a wiring fire waiting: it
        # shares no words with the one in hand, so the group's open tickets are listed, never
        # a guess.
        return [ctx.reply(_which_to_close(ctx, candidates + others, in_hand=False))]
    return [ctx.reply(_which_to_close(ctx, candidates))]


def _fitted_closing(
    ctx: Context, note: str, mine: list[Ticket], waiting: list[Ticket]
) -> list[Notice] | None:
    """ "电梯修好了 门能关上了", "3单元电梯修好了" with several tickets in hand: the one ticket
    its words fit (the place it names, then letter pairs, then single letters that are no
    filler, as _result_without_number reads them) among the sender's and those waiting. One of
    the sender's is closed; one waiting for someone to claim it, or several that fit alike, are
    asked about (listed), closing none. None when its words fit none: the caller decides."""
    pool = mine + [t for t in waiting if t not in mine]
    if len(pool) < 2:
        return None
    told_over = [t for t in pool if _over_in_its_words(ctx, t, note)]
    if len(told_over) > 1:
        told_over = _of_its_kind(ctx, told_over, note)
    if len(told_over) == 1 and told_over[0] in mine:
        # "老人醒了 是隔壁小区的 120拉走了 家属也联系上了" with the heat-stroke and a scooter
        # complaint ("…差点撞到我家老人") in hand: 120拉走 ends the one emergency, whatever
        # words the other shares (day 60 S28)
        return confirmed_here(ctx, _resolve(ctx, told_over[0].id, note))
    at_place = duplicates.at_place_said(note, pool)
    place = extract_place(note)
    said_place = place.unit is not None or place.room is not None
    filler = "".join(ctx.community.policy.duplicates.filler_chars)
    letters = commands.grammar(ctx.community.words).subject_left(note, filler)
    fits = at_place if said_place else pool
    told = {t.id: _told_of(t, staff_notes=True) for t in fits}
    scores = {
        t.id: (duplicates.shared_pairs(note, told[t.id], filler), len(letters & set(told[t.id])))
        for t in fits
    }
    best = max(scores.values(), default=(0, 0))
    if not fits or not (best[0] or at_place):
        return None
    found = [t for t in fits if scores[t.id] == best]
    if len(found) == 1 and found[0] in mine:
        return confirmed_here(ctx, _resolve(ctx, found[0].id, note))
    if (
        len(found) == 1
        and not mine
        and best[0]
        and not any(scores[t.id][0] for t in fits if t is not found[0])
    ):
        # "电梯修好了 是18楼的按钮接触不良" with nothing in hand and two waiting, the lift that
        # stops short of 18楼 and a knocking at night: the one whose words it shares, and no
        # other's, is the one closed (day 39 S84).
        return confirmed_here(ctx, _resolve(ctx, found[0].id, note))
    matter = _matter_pointed_at(ctx, note)
    if (
        len(found) == 1
        and matter
        and duplicates.shared_pairs(matter, told[found[0].id], filler)
        and not any(duplicates.shared_pairs(matter, _told_of(t), filler) for t in mine)
    ):
        # "路灯那个换了灯泡 弄好了" with the lift in hand and the 路灯 ticket waiting: the
        # matter it points at names the waiting one alone and none in hand, so it is the one
        # closed (day 20, S54). Words that only overlap ("垃圾桶那边已经处理好了") are asked about.
        return confirmed_here(ctx, _resolve(ctx, found[0].id, note))
    alike = [t for t in fits if t in found or scores[t.id][0]]
    if len(alike) == 1:  # one waiting ticket fits: asked, with those in hand
        alike = sorted(alike + [t for t in mine if t not in alike], key=lambda t: t.id)
    return [ctx.reply(_which_to_close(ctx, alike, in_hand=False))]


def _news_pointed_at(ctx: Context, group: Group) -> list[Notice] | None:
    """ "健身器材那个 漫步机拆下来送去焊了 先拉了警戒线": progress with no number, pointing at a
    matter ("X那个", "X的事") that names one of the group's open tickets, is a note on it and
    the sender is told which (day 24 S48, S121); naming several, they are asked which. None when
    it points at nothing of the group's (chatter stays silent)."""
    matter = _matter_pointed_at(ctx, ctx.text)
    if not matter or ctx.text.lstrip().startswith(("#", "＃")):
        return None
    if not registration.may_act_for(ctx.session, ctx.community, ctx.actor, [group]):
        return None
    filler = "".join(ctx.community.policy.duplicates.filler_chars)
    named = [
        t for t in _own_active(ctx, group) if duplicates.shared_pairs(matter, _told_of(t), filler)
    ]
    of_its_kind = _of_its_kind(ctx, named, matter)
    if len(named) > 1 and len(of_its_kind) == 1:
        # "3号楼着火那个我也到了 在帮忙疏散楼上的老人": 3号楼 names every ticket of the
        # building, 着火 the one fire (day 55 S076)
        named = of_its_kind
    if len(named) > 1:
        example = ctx.community.words.verb("note")
        how = example.example.replace("{n}", str(named[0].id)) if example else ""
        return [ctx.reply(messages.which_ticket(named, how))]
    if not named:
        return None
    said = commands.normalise(ctx.text).strip()
    only = named[0]
    grammar = commands.grammar(ctx.community.words)
    if (
        only.emergency
        and only.claimed_by == ctx.actor.name
        and only.state != states.OPEN
        and (grammar.says_safe_in_hand(said) or _over_in_its_words(ctx, only, said))
    ):
        # "车库那个是电瓶车充电线烧了 插头拔了 灭了 没事了" from the one holding the garage
        # smoke: over, closed as "#29 …" would be (day 58c S48); so is "煤气味那个找到了 …阀门关了
        # 窗户都打开了" from the one holding the gas leak (day 60 S10)
        return confirmed_here(ctx, _resolve(ctx, only.id, said))
    noted = flows.add_note(ctx.session, ctx.community, only.id, ctx.actor, said, ctx.now)
    return [ctx.reply(messages.progress_noted(noted.ticket))]


def _matter_pointed_at(ctx: Context, said: str) -> str:
    """The matter a staff sentence points at before a pointer ending ("路灯那个换了灯泡" →
    路灯, "扶手的事" → 扶手: result_note.pointer_endings), else ""."""
    said = commands.normalise(said)
    pointers = ctx.community.words.result_note.pointer_endings
    ends = [(at, len(e)) for e in pointers if (at := said.find(e)) > 0]
    if not ends:
        return ""
    # "刚才那个暖气的事": 那个 there only points on to 暖气; the matter is what stands between
    # the last two pointers of the first one's clause (day 32 S82: not "刚才", which any
    # ticket's words may hold).
    first = min(at for at, _ in ends)
    clause_end = _CLAUSE_END.search(said, first)
    last = clause_end.start() if clause_end else len(said)
    inside = sorted((at, at + n) for at, n in ends if at < last)
    end = inside[-1][0]
    start = max((stop for _, stop in inside[:-1] if stop <= end), default=0)
    return said[start:end]


def _told_of(ticket: Ticket, staff_notes: bool = False) -> str:
    """A ticket's words, its kind and what residents added to it since ("好像是从电井
    里出来的"): a closing may name it by any (day 19, S77: "电井里一个插线板短路烧了"; day 29
    S53: "停车那个" of a 停车 dispute told as "你家那车…堵在单元门口"). A closing may also name it
    by what staff noted on it (`staff_notes`: "窗户也关上了 弄好了" after "是楼道窗户没关", day 32
    S80); staff chat naming a ticket is a note of it by its residents' words only. The summary
    is there too: it holds the words as read ("煤气味" of a resident's "煤汽味"; day 60 S10)."""
    kinds = RESIDENT_WORDS_KINDS | {"note"} if staff_notes else RESIDENT_WORDS_KINDS
    added = [e.note for e in ticket.events if e.kind in kinds and e.note]
    return " ".join([ticket.text, ticket.summary, ticket.subcategory or "", *added])


def _which_to_close(ctx: Context, candidates: list[Ticket], in_hand: bool = True) -> str:
    """Asked when a closing with no number could be about several tickets, or none."""
    how = _how(ctx, "resolve", candidates[0] if candidates else None)
    if not candidates:
        return f"请写明是哪张工单，格式：{how}"
    if len(candidates) == 1:
        only = candidates[0]
        return (
            f"您说的是工单 #{only.id}（{messages.title(only)}）吗？看不出是同一件事，没有办结。"
            f"如果是，请回复：{how}；如果不是，请写明工单编号。"
        )
    numbers = "、".join(f"#{t.id}" for t in candidates[:6])
    whose = "您手上有几张工单" if in_hand else "本组有几张工单未办结"
    return f"{whose}（{numbers}），请问办结的是哪一张？请回复，例如：{how}"


def _result_without_number(ctx: Context, group: Group, said: str) -> list[Notice] | None:
    """ "下水道通了", "热乎了": a closing told as the state things are in now, with no number.
    It closes the ticket in hand in this group (claimed by the sender, or unclaimed) whose words
    it shares most (letter pairs, then single letters that are no filler: 热 of "暖气不热"); with
    a tie they are asked which; sharing nothing with any, it is chatter and stays silent."""
    filler = set(ctx.community.policy.duplicates.filler_chars)
    letters = {c for c in said if c.isalpha()} - filler
    todo = flows.group_todo(ctx.session, ctx.community, group)
    in_hand = [
        t
        for t in todo
        if t.assigned_group == group.name
        and (t.state == states.OPEN or t.claimed_by == ctx.actor.name)
    ]
    scores = {
        t.id: (duplicates.shared_pairs(said, t.text, "".join(filler)), len(letters & set(t.text)))
        for t in in_hand
    }
    best = max(scores.values(), default=(0, 0))
    if not best[1]:
        return None
    found = [t for t in in_hand if scores[t.id] == best]
    if len(found) == 1:
        return confirmed_here(ctx, _resolve(ctx, found[0].id, said))
    return [ctx.reply(_which_to_close(ctx, found))]


def _own_active(ctx: Context, group: Group) -> list[Ticket]:
    """The group's own active tickets (not those only alerted or escalated to it): what a claim
    or a closing with no number may mean."""
    todo = flows.group_todo(ctx.session, ctx.community, group)
    return [t for t in todo if t.assigned_group == group.name]


def _claimable_here(ctx: Context, group: Group) -> list[Ticket]:
    """What a claim with no number may mean: the group's own active tickets; in the street
    office's group, which has none of its own, what the ladder brought there ("幸福里那个老人的
    我来处理")."""
    if group.kind == "street":
        return flows.group_todo(ctx.session, ctx.community, group)
    own = _own_active(ctx, group)
    compound = ctx.community.compound_group
    if group.kind == "community" and compound is not group:
        # the community's only grid holds what happens at no building (东门的道闸); the
        # community's people above it take it as they did before it went there
        below = flows.group_todo(ctx.session, ctx.community, compound)
        own += [t for t in below if t.assigned_group == compound.name and t.building is None]
    return own


def _alerted_emergencies(ctx: Context, group: Group) -> list[Ticket]:
    """The emergencies of other groups this group was alerted to or that were escalated to it:
    what the duty officer in the community group means by "收到 我马上下楼看看配电箱那个" when the
    group has nothing of its own waiting (day 26 S96, S97)."""
    todo = flows.group_todo(ctx.session, ctx.community, group)
    return [t for t in todo if t.emergency and t.assigned_group != group.name]


def _waiting_to_claim(tickets: list[Ticket]) -> list[Ticket]:
    """Waiting for someone to take it: new, or reopened after a resident's 不满意."""
    return [t for t in tickets if t.state in (states.OPEN, states.REOPENED)]


def _claim_without_number(ctx: Context) -> list[Notice] | None:
    """ "我去看看", "我来处理" with no number (claim_without_ref in config/commands.yaml), from
    someone who may act for the group: the group's one ticket waiting to be claimed (the rule
    of a closing with no number) is claimed, and the group is told which; with several, they
    are listed and the sender asked which; with none, told so. Never a guess."""
    group = ctx.group
    if group is None:
        return None
    grammar = commands.grammar(ctx.community.words)
    bare = ctx.community.words.claims_without_ref(ctx.text)
    # "扶手那个我们明天上午去焊": going to do it at a time to come is someone on it too
    strong = (
        grammar.says_on_it_unasked(ctx.text)
        or grammar.plans_to_go(ctx.text)
        # "收到 我去找" minutes after a search was paged (day 63 S75)
        or grammar.going_now(ctx.text)
    )
    # "我马上过去 已经打119了": help called on the way is no work done (day 63 S02)
    done = grammar.says_done(grammar.without_help_called(ctx.text))
    if not bare and (not (strong or grammar.says_on_it(ctx.text)) or done):
        return None
    if not registration.may_act_for(ctx.session, ctx.community, ctx.actor, [group]):
        return None
    own = _for_number_called(ctx, _waiting_to_claim(_claimable_here(ctx, group)))
    alerted = _for_number_called(ctx, _waiting_to_claim(_alerted_emergencies(ctx, group)))
    waiting = own or alerted
    numbered = {n for n, _ in grammar.loose_refs(ctx.text)}
    if numbered:
        # "18号 去看望了 …明天师傅来换窗扣": the number said is the ticket meant, never another
        # its words fit (day 37 S27 had claimed #39)
        waiting = [t for t in own + alerted if t.id in numbered]
        if len(waiting) != 1:
            return None
        rest = dict(grammar.loose_refs(ctx.text)).get(waiting[0].id, "")
        return _claimed_and_named(ctx, waiting[0], said=rest.strip())
    if not bare:
        # "收到 我马上下楼看看喝醉那个", "电梯的事我来跟": someone on it, with words of the
        # tickets they mean; "我去吃个饭" (a general word of chat) names none and claims nothing.
        # Words may name an emergency alerted here as well as the group's own (day 33 S86: the
        # duty officer's "…砸车那个" had claimed the owners' chat's lost child).
        waiting = own + [t for t in alerted if t not in own]
        named = _named_by(ctx, waiting, strong)
        if not named and strong:
            # "收到 我出去找": the one danger of its kind waiting (kind_words of a search)
            named = _of_its_kind(ctx, waiting, commands.normalise(ctx.text))
            named = named if len(named) == 1 else []
        if not named and strong:
            # "收到 我马上下楼看看" minutes after a report: the group's one just reported
            minutes = ctx.community.words.claim_without_ref.recent_minutes
            since = ctx.now - timedelta(minutes=minutes)
            recent = [t for t in waiting if t.created_at >= since]
            named = recent if len(recent) == 1 else []
        waiting = named
        if not waiting:
            return None
    if len(waiting) == 1:
        return _claimed_and_named(ctx, waiting[0])
    how = _how(ctx, "claim", waiting[0] if waiting else None)
    return [ctx.reply(messages.which_to_claim(waiting, how))]


# The emergency numbers staff say they called (110, 119, 120), not inside a longer number.
_EMERGENCY_NUMBER = re.compile(r"(?<!\d)(110|119|120)(?!\d)")


def _for_number_called(ctx: Context, tickets: list[Ticket]) -> list[Ticket]:
    """With an emergency number in the staff sentence ("收到 已经打了119"), the emergencies whose
    safety advice tells residents to call it (火情: 119, 急病: 120) or names no number (a lift):
    the danger it is for, never last night's fall (day 35 S86). All of them when it names no
    number."""
    called = _EMERGENCY_NUMBER.findall(ctx.text)
    if not called:
        return tickets
    policy = ctx.community.policy
    found = [t for t in tickets if t.emergency and _first_number(policy, t) in called]
    if found:
        return found
    # ... else an emergency whose advice names no number (a lift: its alarm bell), when the
    # sentence names it by its words ("金茂电梯里关着孩子那个 我来处理 已经打了119"; street check
    # 11b S17), never one it does not ("1号楼门口躺着那个人 120我打了" is no word of the lift)
    said = commands.normalise(ctx.text)
    return [
        t
        for t in tickets
        if t.emergency and _first_number(policy, t) is None and _fitting(ctx, said, [t])
    ]


def _first_number(policy: TicketPolicy, ticket: Ticket) -> str | None:
    """The number the emergency's advice tells residents to call first (请立即拨打119; the
    general "必要时拨打110、119或120" names 110 first)."""
    found = _EMERGENCY_NUMBER.search(policy.guidance_for(ticket.text, ticket.subcategory))
    return found[1] if found else None


def _named_by(ctx: Context, waiting: list[Ticket], strong: bool) -> list[Ticket]:
    """The waiting tickets a numberless claim names. With a clear sign of someone on it
    (`strong`), by the words of the whole sentence; with a general word of chat alone (我去,
    我来), only by the matter it points at before a pointer ending ("电梯的事我来跟", "暖气那个
    我去问问"): "我去吃个饭", "我来统计一下人数" name nothing, whatever a ticket says. The
    words name a ticket by the letter pairs they share, else by the same-problem words thanks
    use ("停水的事" for 没水), else when all the matter's letters are in its words ("狗的事")."""
    said = commands.normalise(ctx.text)
    words = ctx.community.words
    matter = _matter_pointed_at(ctx, said)
    if strong and matter:
        # "车位那个我去看看 找保安查下车牌": the matter pointed at names the parking ticket, never
        # the garage flood whose 地下车库 the rest of the sentence happens to share (下车; street
        # check 11b)
        pointed = _fitting(ctx, matter, waiting)
        if len(pointed) == 1:
            return pointed
    whole = said
    if not strong:
        said = matter
    if not said:
        return []
    fit = _fitting(ctx, said, waiting)
    if len(fit) > 1 and said != whole:
        # "暖气的我来 先去602看看": the matter fits two; the rest of the sentence tells which
        fit = _fitting(ctx, whole, fit) or fit
    if not fit:
        fit = duplicates.said_of(said, waiting, ctx.community.policy.duplicates)
    if fit or not matter:
        return fit
    for word in sorted(words.claim_signs, key=len, reverse=True):
        matter = matter.replace(word, "、")
    filler = ctx.community.policy.duplicates.filler_chars
    letters = {c for c in matter if c.isalpha() and c not in filler}
    return [t for t in waiting if letters and letters <= set(_told_of(t))]


def _claimed_and_named(
    ctx: Context, ticket: Ticket, note: str = "", said: str = ""
) -> list[Notice]:
    """A claim with no number applied to `ticket`: claimed (the staff's words kept as a note),
    and the group told which ticket it was; the residents hear what was said after a loose
    number (`said`: "1号 我现在就上楼去敲门看看陈奶奶"; day 59 S05)."""
    reopened = ticket.state == states.REOPENED
    if note:
        flows.add_note(ctx.session, ctx.community, ticket.id, ctx.actor, note, ctx.now)
    notices = flows.claim_ticket(
        ctx.session, ctx.community, ticket.id, ctx.actor, ctx.now, said=said
    )
    said = messages.claimed_without_number(ticket, reopened)
    return confirmed_here(
        ctx,
        [replace(n, text=said) if n.group == ticket.assigned_group else n for n in notices.notices],
    )


def _on_an_emergency(ctx: Context) -> list[Notice] | None:
    """ "好的 马上到", "我这就下楼去看", "我在现场了" with no number, in a group whose one emergency
    nobody has claimed yet: the worker is on that emergency, so it is claimed (and never
    escalated as 超时未接单 while someone is there). Not with several waiting or none, nor
    when the sentence says it is done (a closing), nor from someone who may not act for the
    group."""
    group = ctx.group
    grammar = commands.grammar(ctx.community.words)
    if group is None or grammar.says_done(ctx.text):
        return None
    if not registration.may_act_for(ctx.session, ctx.community, ctx.actor, [group]):
        return None
    if not grammar.says_on_it(ctx.text):
        # "北门打架的我已经报110了", "煤气那个…抢修电话 …我也往2号楼去" of the one someone else
        # holds: help called or on the way, a note on it (day 57c S32, S43); chatter reads no
        # ticket
        called = _EMERGENCY_NUMBER.search(ctx.text) or any(
            w in ctx.text for w in ctx.community.words.done_clause.steps
        )
        if group.kind == "street" or not (called or grammar.on_the_way(ctx.text)):
            return None
        named = _held_named(ctx, group)
        return _noted_on_held(ctx, group, named) if named is not None else None
    held_named = _held_named(ctx, group) if group.kind != "street" else None
    waiting = [t for t in _waiting_to_claim(_own_active(ctx, group)) if t.emergency]
    waiting = _for_number_called(
        ctx, waiting or _waiting_to_claim(_alerted_emergencies(ctx, group))
    )
    if waiting and not grammar.says_on_it_unasked(ctx.text):
        return None
    if held_named is not None:
        # "1号楼门口躺着那个人 120我打了 我也往那边去" on the one someone else holds, with
        # others waiting: a note on it (day 57b S41, S45)
        waiting = []
    if not waiting and group.kind != "street":
        # "我带两个人去菜市场和东门那边找" while the duty officer holds the one search of the
        # group: another worker on it, a note on that emergency (day 57 S39)
        held = [t for t in flows.group_todo(ctx.session, ctx.community, group) if t.emergency]
        searching = ctx.community.policy.duplicates.lead_kinds
        # ... the one its words name, or a search ("找"); never the gas leak for a plan to see
        # the noisy neighbour tonight (street check 9b X06)
        if held_named is not None:
            held = [held_named]
        else:
            held = [
                t
                for t in held
                if _fitting(ctx, ctx.text, [t]) or (t.subcategory in searching and "找" in ctx.text)
            ]
        if len(held) != 1:
            return None
        return _noted_on_held(ctx, group, held[0])
    if len(waiting) != 1:
        return None
    matter = _matter_pointed_at(ctx, ctx.text)
    if matter and not _fitting(ctx, matter, waiting):
        # "烧烤那个我去看看": it points at another matter, never the gas leak waiting (day 60 S51)
        return None
    return _claimed_and_named(ctx, waiting[0], commands.normalise(ctx.text))


def _noted_on_held(ctx: Context, group: Group, ticket: Ticket) -> list[Notice]:
    """A worker's words kept on an emergency another holds; the group holding it hears them
    (who else is on the way, who called 120)."""
    said = commands.normalise(ctx.text).strip()
    noted = flows.add_note(ctx.session, ctx.community, ticket.id, ctx.actor, said, ctx.now)
    elsewhere = [n for n in noted.notices if n.group not in (None, group.name)]
    return [ctx.reply(messages.progress_noted(noted.ticket)), *elsewhere]


def _held_named(ctx: Context, group: Group) -> Ticket | None:
    """The one emergency of the group's 待办 the words name, when someone else holds it."""
    emergencies = [t for t in flows.group_todo(ctx.session, ctx.community, group) if t.emergency]
    named = _named_by(ctx, emergencies, strong=True)
    if len(named) != 1 or named[0].state != states.CLAIMED:
        return None
    return named[0] if named[0].claimed_by != ctx.actor.name else None


def _fitting(ctx: Context, said: str, tickets: list[Ticket]) -> list[Ticket]:
    """The tickets whose words a numberless staff sentence shares most (letter pairs, once the
    claim and closing words are out); none when it shares none."""
    filler = "".join(ctx.community.policy.duplicates.filler_chars)
    grammar = commands.grammar(ctx.community.words)
    words = ctx.community.words
    for word in sorted(words.claim_signs + words.claim_names_no_ticket, key=len, reverse=True):
        said = said.replace(word, "、")
    if not grammar.subject_left(said, filler):
        return []
    scores = {t.id: duplicates.shared_pairs(said, _told_of(t), filler) for t in tickets}
    if not any(scores.values()):
        # one hazard in other words ("摔倒那个我去" of "一个老头滑倒了": hazard_families; post-fix
        # check of day 63), an emergency's only
        rules = ctx.community.policy.duplicates
        hazards = duplicates.hazard_families(said, rules)
        scores = {
            t.id: len(hazards & duplicates.hazard_families(_told_of(t), rules))
            for t in tickets
            if t.emergency
        }
    best = max(scores.values(), default=0)
    return [t for t in tickets if best and scores.get(t.id) == best]


def _news_without_number(ctx: Context, group: Group, kind: str | None) -> list[Notice] | None:
    """Staff news that names no ticket ("20号 …已经送医院了 人没事", "18号 灯已经换了"): a person
    safe now closes the group's one open emergency; otherwise the group's open tickets are
    listed and they are asked which one. Never silence."""
    if kind is None:
        return None
    todo = messages.emergencies_first(flows.group_todo(ctx.session, ctx.community, group))
    if not todo and commands.grammar(ctx.community.words).plans_later(ctx.text):
        # "3号楼楼道灯的事 我下午陪刘志强一起去" in the grid's group, which holds no ticket: a
        # plan, no news to place (street trial 8, D036)
        return None
    emergencies = [t for t in todo if t.emergency]
    # "人扶回家了 家属接走了": the one ticket the sender claimed here, else the one emergency.
    mine = [t for t in todo if t.claimed_by == ctx.actor.name and t.state != states.OPEN]
    in_hand = mine if len(mine) == 1 else emergencies
    held_dangers = [t for t in mine if t.emergency]
    if kind == "safe" and len(mine) > 1 and len(held_dangers) == 1:
        # "老太太已经送医院了" from someone holding the cries for help and a stair lamp: a person
        # safe now is news of the one danger they hold (day 54 S64)
        in_hand = held_dangers
    said = commands.normalise(ctx.text)
    named = buildings_named(said)
    if len(in_hand) > 1 and named:
        # "4号楼电梯困人的 维保把人放出来了 人没事" from the duty officer with four dangers open:
        # the building it names, then the one told over in its own kind's words, closes
        # (day 61 S56); naming no building ("3楼那个已经送医院了"), it is asked about
        in_building = [t for t in in_hand if t.building in named] or in_hand
        told_over = [t for t in in_building if _over_in_its_words(ctx, t, said)]
        if len(told_over) > 1:
            told_over = _of_its_kind(ctx, told_over, said)
        if len(told_over) == 1 and _may_act(ctx, told_over[0]):
            return confirmed_here(ctx, _resolve(ctx, told_over[0].id, said))
    if kind == "safe" and len(in_hand) > 1:
        # "燃气公司把总阀关了 … 可以回家了" with a fall and a gas leak open: the one its words
        # name (day 29 S92).
        in_hand = _fitting(ctx, commands.normalise(ctx.text), in_hand) or in_hand
    grammar = commands.grammar(ctx.community.words)
    safe = grammar.says_safe_in_hand(ctx.text) or grammar.says_safe_now(ctx.text)
    if (kind == "safe" or (safe and held_dangers == in_hand)) and len(in_hand) == 1:
        # ... and "供电所看过了 是接头老化 已经换了 没事了" from the one holding the one danger
        # (street check 12b S52)
        note = commands.normalise(ctx.text)
        return confirmed_here(ctx, _resolve(ctx, in_hand[0].id, note))
    how = _how(ctx, "resolve", todo[0] if todo else None)
    return [ctx.reply(messages.which_ticket(todo, how))]


# With no ticket to name, an example names none: a number there was taken for a real ticket
# (street trial 7: "金茂 #12" that did not exist, "幸福里 #12" long closed).
NUMBER_PLACEHOLDER = "编号"


def _how(ctx: Context, verb: str, ticket: Ticket | None) -> str:
    """How to say `verb` of the ticket (the staff word's example), or with 编号 for none."""
    row = ctx.community.words.verb(verb)
    if row is None:
        return ""
    return row.example.replace("{n}", str(ticket.id) if ticket else NUMBER_PLACEHOLDER)


def confirmed_here(ctx: Context, notices: list[Notice]) -> list[Notice]:
    """Whoever typed a command sees its confirmation where they typed it: when the flow only
    told the responsible group (another room), the same words are also said here."""
    here = ctx.group.name if ctx.group is not None else None
    if any(n.room_id == ctx.room_id or (here and n.group == here) for n in notices):
        return notices
    for notice in notices:
        group = ctx.community.group(notice.group) if notice.group else None
        if group is not None and group.is_staff_group:
            return [*notices, ctx.reply(notice.text)]
    return notices


# -- one function per verb of config/commands.yaml ---------------------------------------


def _offer_reopen(ctx: Context, ticket_id: int) -> list[Notice] | None:
    """ "#2 我去看看", "#14 收回 我们再盯一盯" on a ticket waiting for the resident's rating: the
    reply offers to reopen it (day 23 S135), never only "不能收回". None for any other state."""
    ticket = flows.get_ticket(ctx.session, ticket_id)
    reopen = ctx.community.words.verb("reopen")
    if ticket.state != states.RESOLVED or reopen is None:
        return None
    flows.require_staff_of(ctx.community, ticket, ctx.actor)
    how = reopen.example.replace("{n}", str(ticket_id))
    return [ctx.reply(messages.resolved_offer_reopen(ticket_id, how))]


def _claim(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    offered = _offer_reopen(ctx, ticket_id)
    if offered is not None:
        return offered
    ticket = _existing(ctx, ticket_id)
    if arg and ticket is not None and ticket.state == states.CLAIMED:
        # "#40 收到 家属在路上了" on a ticket someone already has: news kept as a note, never
        # "无需重复操作" with the words lost (day 25 S03).
        return _note(ctx, ticket_id, arg)
    if arg:
        flows.add_note(ctx.session, ctx.community, ticket_id, ctx.actor, arg, ctx.now)
    return flows.claim_ticket(
        ctx.session, ctx.community, ticket_id, ctx.actor, ctx.now, said=arg
    ).notices


def _reopen(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    """Staff reopen a resolved ticket and take it themselves."""
    flows.reopen_by_staff(ctx.session, ctx.community, ticket_id, ctx.actor, arg, ctx.now)
    return flows.claim_ticket(ctx.session, ctx.community, ticket_id, ctx.actor, ctx.now).notices


def _on_it(ctx: Context, ticket_id: int, sentence: str) -> list[Notice]:
    """A staff sentence saying someone is on it: kept as a note, and the ticket claimed when
    nobody has claimed it yet."""
    noted = flows.add_note(ctx.session, ctx.community, ticket_id, ctx.actor, sentence, ctx.now)
    if noted.ticket.state in (states.OPEN, states.REOPENED):
        return flows.claim_ticket(
            ctx.session, ctx.community, ticket_id, ctx.actor, ctx.now, said=sentence
        ).notices
    return noted.notices


def _resolve(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    """A staff closing: the result kept and told is what was done, without the ticket's
    number or the bare closing words (commands.Grammar.result_note)."""
    ticket = _existing(ctx, ticket_id)
    text = ticket.text if ticket is not None else ""
    note = commands.grammar(ctx.community.words).result_note(arg, ticket_id, text)
    if (
        ticket is not None
        and ticket.emergency
        and ticket.state == states.RESOLVED
        and note
        and note != ticket.resolution_note
        and flows.resolved_by(ticket) != ctx.actor.name
    ):
        # an emergency closed by someone else's words a while ago ("120和开锁师傅都叫了"):
        # what happened since is told again (day 57 S20, day 57b S14)
        return flows.outcome_told_again(
            ctx.session, ctx.community, ticket_id, ctx.actor, note, ctx.now
        ).notices
    return flows.resolve_ticket(
        ctx.session, ctx.community, ticket_id, ctx.actor, note, ctx.now
    ).notices


def _transfer(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    if not arg:
        raise InvalidInput("transfer without a target", "请写明转给谁，例如：#12 转 物业")
    try:
        return flows.transfer_ticket(
            ctx.session, ctx.community, ticket_id, ctx.actor, arg, ctx.now, ask_community=True
        ).notices
    except InvalidInput:
        # "31号 路灯是物业管的 转给物业了": the group named after the transfer word, the
        # sentence its reason (day 59 S55)
        said = _transfer_said(ctx, ticket_id, arg)
        if said is None:
            raise
        return said


def _note(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    return flows.add_note(ctx.session, ctx.community, ticket_id, ctx.actor, arg, ctx.now).notices


def _merge_kept(ctx: Context, older: int, newer: int) -> tuple[int, int]:
    """Which of two tickets said to be one stays, and which goes into it: the older, unless
    only the newer was handed on to another group, which is doing the work ("18号跟20号是一回事"
    just after "#20 …转物业": #18 goes into #20 with 物业, never #20 back out of 物业's hands;
    day 46 T11)."""
    old, new = _existing(ctx, older), _existing(ctx, newer)
    if (
        old is not None
        and new is not None
        and new.assigned_group != old.assigned_group
        and old.assigned_group in flows.senders(new)
        and not flows.senders(old)
    ):
        return newer, older
    return older, newer


def _merge(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    into = commands.merge_target(arg)
    if into is None:
        raise InvalidInput(
            "merge without a target number", "请写明合并到哪张工单，例如：#12 重复 #10"
        )
    return flows.merge_ticket(
        ctx.session, ctx.community, ticket_id, into, ctx.actor, ctx.now
    ).notices


def _unmerge(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    """ "#28 不是重复 何奶奶家是另一根管子 我去看看": the merge undone; a sentence saying the
    sender is on it also takes the ticket, as it would on any open ticket."""
    claiming = bool(arg) and commands.grammar(ctx.community.words).says_on_it(arg)
    notices = flows.unmerge_ticket(
        ctx.session, ctx.community, ticket_id, ctx.actor, arg, ctx.now, claiming=claiming
    )
    if claiming:
        return notices.notices + _on_it(ctx, ticket_id, arg)
    return notices.notices


def _not_responsible(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    return flows.mark_not_responsible(
        ctx.session, ctx.community, ticket_id, ctx.actor, arg, ctx.now
    ).notices


def _complex(ctx: Context, ticket_id: int, _arg: str) -> list[Notice]:
    return flows.mark_complex(ctx.session, ctx.community, ticket_id, ctx.actor, ctx.now).notices


def _cancel(ctx: Context, ticket_id: int, _arg: str) -> list[Notice]:
    return flows.cancel_ticket(
        ctx.session, ctx.community, ticket_id, ctx.actor, ctx.room_id, ctx.now
    ).notices


def _take_back(ctx: Context, ticket_id: int, arg: str) -> list[Notice]:
    offered = _offer_reopen(ctx, ticket_id)
    if offered is not None:
        return offered
    notices = flows.take_back(ctx.session, ctx.community, ticket_id, ctx.actor, ctx.now).notices
    said = arg.strip()
    if said and _on_it_said(ctx, said):
        # "#2 收回 我今晚先给刘奶奶送个电暖器过去": taken back and taken on, the plan told
        # (day 57c S36: left 待受理, and reported late while he was on it)
        # (residents hear who has it, not that it came back first)
        notices = [n for n in notices if n.room_id is None] + _on_it(ctx, ticket_id, said)
    return notices


def _progress(ctx: Context, ticket_id: int, _arg: str) -> list[Notice]:
    return [ctx.reply(flows.ticket_progress(ctx.session, ctx.community, ticket_id, ctx.actor))]


VERB_HANDLERS: dict[str, VerbHandler] = {
    "claim": _claim,
    "resolve": _resolve,
    "transfer": _transfer,
    "note": _note,
    "merge": _merge,
    "unmerge": _unmerge,
    "not_responsible": _not_responsible,
    "complex": _complex,
    "take_back": _take_back,
    "reopen": _reopen,
    "cancel": _cancel,
    "progress": _progress,
    **corrections.VERB_HANDLERS,  # 改类, 非紧急, 紧急, 非诉求 (issue #10)
    **wall.VERB_HANDLERS,  # 点赞, 不公示 (issue #15)
}
# Verbs answered by later handlers: ratings (resident_commands) and 不是同一件事 (reports,
# which can read the resident's words again).
RESIDENT_VERBS = frozenset({"satisfied", "unsatisfied", "split"})


def _word(ctx: Context, command: commands.WordCommand) -> list[Notice]:
    if command.verb == "progress":
        ticket_id = _require_number(command.ticket_id)
        return _progress(ctx, ticket_id, "")
    if command.verb == "detail":
        ticket_id = _require_number(command.ticket_id)
        text = flows.ticket_timeline(ctx.session, ctx.community, ticket_id, ctx.actor)
        return [ctx.reply(text)]
    group = ctx.group
    if group is None or not group.takes_staff_commands:
        raise NotPermitted(f"{ctx.actor.id} used staff word {command.verb}", STAFF_ONLY_REPLY)
    if not registration.may_act_for(ctx.session, ctx.community, ctx.actor, [group]):
        raise NotPermitted(f"{ctx.actor.id} is not staff of {group.name}", STAFF_ONLY_REPLY)
    if command.verb == "todo":
        tickets = flows.group_todo(ctx.session, ctx.community, group)
        unbound = unbound_groups(ctx.session, ctx.community, staff_only=True)
        active, late = flows.late_below(ctx.session, ctx.community, group, tickets, ctx.now)
        below = messages.todo_below(active, late, ctx.community.policy.digest_max_items)
        return [ctx.reply(messages.todo(group.name, tickets, ctx.now, unbound, below))]
    scope = _scope_of(ctx)
    start, end = stats.month_of(ctx.now, ctx.community)
    which = "本月"
    if command.verb == "stats_last_month":
        start, end, which = previous_month(start), start, "上月"
    if command.verb == "stats_year":
        start, which = start.replace(month=1), f"{start.year}年"
    figures = stats.compute_figures(ctx.session, ctx.community, start, end, scope, ctx.now)
    title = f"{which}统计（{scope.label(ctx.community)}）"
    return [ctx.reply(stats.format_figures(figures, title))]


def _scope_of(ctx: Context) -> stats.Scope:
    group = ctx.group
    if group is not None and group.kind == "party" and group.building is not None:
        return stats.Scope("building", group.building)
    if group is not None and group.kind == "grid" and group.grid is not None:
        return stats.Scope("grid", group.grid)
    return stats.Scope("community")
