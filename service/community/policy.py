"""Ticket policy from config/tickets.yaml: time limits, waits and emergency safety guidance."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from service.community.yaml_source import config_files, load_model
from service.holidays import is_working_day

_DURATION = re.compile(r"^\s*(\d+)\s*(m|h|d|wd)\s*$")


@dataclass(frozen=True)
class Duration:
    """Calendar time, or working days (Chinese public holidays and make-up workdays)."""

    amount: int
    unit: str  # m, h, d or wd

    @classmethod
    def parse(cls, text: str) -> Duration:
        match = _DURATION.match(text)
        if not match or int(match[1]) <= 0:
            raise ValueError(f"{text!r} is not a duration such as 15m, 2h, 3d or 1wd")
        return cls(int(match[1]), match[2])

    def span(self) -> timedelta:
        """Calendar length; working days have none (their length depends on the date)."""
        if self.unit == "wd":
            raise ValueError("a working-day duration has no fixed length")
        return _span(self.amount, self.unit)

    def after(self, start: datetime, zone: ZoneInfo, times: int = 1) -> datetime:
        if self.unit == "wd":
            return add_working_days(start, self.amount * times, zone)
        return start + self.span() * times


@cache
def _span(amount: int, unit: str) -> timedelta:
    return timedelta(minutes=amount * {"m": 1, "h": 60, "d": 1440}[unit])


def add_working_days(start: datetime, days: int, zone: ZoneInfo) -> datetime:
    """The same local time `days` working days later (from a day off: from the next workday)."""
    local = start.astimezone(zone)
    day = local.date()
    if not is_working_day(day):
        while not is_working_day(day):
            day += timedelta(days=1)
        local = datetime.combine(day, time(9, 0), zone)
    for _ in range(days):
        day += timedelta(days=1)
        while not is_working_day(day):
            day += timedelta(days=1)
    return datetime.combine(day, local.timetz())


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _duration(value: object) -> Duration:
    if isinstance(value, Duration):
        return value
    return Duration.parse(str(value))


class Match(_Strict):
    emergency: bool | None = None
    subcategories: tuple[str, ...] = ()


class TimeLimit(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    name: str
    match: Match | None = None
    claim: Duration
    resolve: Duration

    _parse = field_validator("claim", "resolve", mode="before")(lambda v: _duration(v))

    def applies(self, emergency: bool, subcategory: str | None) -> bool:
        if self.match is None:
            return True
        if self.match.emergency is not None and self.match.emergency != emergency:
            return False
        return not self.match.subcategories or subcategory in self.match.subcategories


class Guidance(_Strict):
    match: tuple[str, ...]
    text: str = Field(min_length=1)
    # Not this advice when one of these is in the message (保持病人平躺 to someone who cannot
    # get in: 敲门也不开).
    unless: tuple[str, ...] = ()
    # This advice only when one of these is in the message too: 被困 in a lift (按警铃, 不要扒门)
    # is not 被困 at home behind a locked door, nor in a car.
    needs: tuple[str, ...] = ()

    def fits(self, said: str, text: str) -> bool:
        """Its keyword is in ``said`` (the subcategory or the text), and the text holds one of
        its `needs` words, none of its `unless` words."""
        return (
            any(w in said for w in self.match)
            and not any(w in text for w in self.unless)
            and (not self.needs or any(w in text for w in self.needs))
        )


class DuplicateRules(_Strict):
    """Words for telling the same problem from a look-alike (service/tickets/duplicates.py)."""

    generic_words: frozenset[str] = frozenset()  # place and state words that prove nothing
    private_words: tuple[str, ...] = ()  # one household's matter (我家, 家里 …)
    shared_words: tuple[str, ...] = ()  # the whole building's, even told from home (我家也停水了)
    # "我也…", "我家也…": the report points at one already made; the bar is that of a resident
    # writing again (same category, a problem character in common).
    symptom_again_words: tuple[str, ...] = ()
    me_too_leads: tuple[str, ...] = ()
    me_too_words: tuple[str, ...] = ()
    # ... and within this many minutes of the latest report of its place and category
    # (problems, not questions), it joins that one even with no word in common.
    me_too_minutes: int = 180
    # A possible danger naming none, in a chat of no building: word of the danger of no building
    # told there within this many minutes (flows.join_live_emergency).
    owners_chat_join_minutes: int = 20
    # "+1 天天这样" under a neighbour's report: a second voice of it (flows.second_voice).
    plus_one_leads: tuple[str, ...] = ()
    # A person kept in or out by the problem (腿脚不好, 轮椅 …): a resident joining a ticket
    # with these words, not in its own text, is heard by its group in full (day 20 R12).
    stranded_words: tuple[str, ...] = ()
    emergency_join_minutes: int = 180
    # "补充一下 我家是2单元402" this soon after the resident's own ticket that did not say it:
    # the place goes on that ticket (flows.place_added_to_own_ticket).
    place_added_minutes: int = Field(default=120, ge=0)
    # ... telling nothing else: at most this many letters besides the place ("补充一下 我家是").
    place_only_chars: int = Field(default=8, ge=0)
    # A fire or a gas smell told again in its building within `spreading_join_minutes`: the
    # same danger, unless the place or the hazard differs (day 21 R15).
    spreading_kinds: tuple[str, ...] = ()
    spreading_join_minutes: int = 60
    me_too_categories: tuple[str, ...] = ("maintenance", "dispute")
    # One hazard several residents report (a gas smell, a sparking wire): a danger report of the
    # same families joins the open emergency of its place; of other families, never.
    hazard_families: tuple[tuple[str, ...], ...] = ()
    # Places of the whole compound, no building's own (the garage, a gate, the square), by row of
    # names for one place: a danger told there joins the open emergency of that place and hazard,
    # from whichever chat it is told (duplicates.shared_place_danger).
    shared_places: tuple[tuple[str, ...], ...] = ()
    # Places several buildings' residents see though one building may answer for them (the bike
    # shed between two buildings): a danger told there joins its open emergency as at a shared
    # place, while a repair there stays the chat's building's.
    danger_places: tuple[tuple[str, ...], ...] = ()
    # Words telling of another one ("又有个老太太摔倒了"): a danger of the kind of the
    # reporter's own live one is a new one, never more of it (flows.more_of_own_live_danger).
    another_one_words: tuple[str, ...] = ()
    # ... and the problems there that are the compound's, whichever chat tells them (a category
    # or a subcategory: a repair, a car blocking the garage's mouth), where a noise heard from
    # the square stays with the building that hears it (routing.fixed_at_compound_place).
    compound_kinds: tuple[str, ...] = ("maintenance",)
    # Words that name the same problem (停水 / 没水 / 来水): a keyword holding one stands for all.
    same_problem: tuple[tuple[str, ...], ...] = ()
    filler_chars: str = ""  # characters that link nothing (不, 了 …) when one resident writes again
    # A resident chasing their own open ticket ("怎么还没人来修啊"): added to it, not filed anew.
    chase_words: tuple[str, ...] = ()
    # ... answered at most once in this many minutes (per resident and ticket): a chase sooner
    # after their last words on it is kept on the ticket, and nobody is told again.
    chase_answer_minutes: int = Field(default=10, ge=0)
    # A resident asking after a problem ("后来怎么样了", "有人去看了吗", "好了吗"), or saying a
    # danger is over ("没味道了"): about an open ticket of theirs or of the building whose words
    # it names, it is added to that ticket (flows.chase_own_ticket); an emergency never pages.
    follow_up_words: tuple[str, ...] = ()
    # "还 …" (still): a danger still there, told again by its reporter, is the same one.
    ongoing_words: tuple[str, ...] = ()
    # A resident's news that an emergency of theirs is over ("孩子找到了", "警察把人带走了"):
    # added to it, no advice again, and its group asked to check and resolve it.
    over_words: tuple[str, ...] = ()
    # No one hurt ("人没事", "120说没大事"): over news as over_words are, and a fall or symptom
    # told with them (in its clause or after it) is over news, not worse (flows.tells_symptoms).
    unhurt_words: tuple[str, ...] = ()
    # By a ticket's subcategory, words a follow-up of that kind uses (走失: 找到; 打架: 警察;
    # 噪音: 吵): they name that ticket as its own words would (duplicates.follow_up_evidence).
    kind_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # What a missing person looks like or carries: kind words of `lead_kinds` too.
    looks_words: tuple[str, ...] = ()
    # By a ticket's subcategory, news that an emergency of that kind is over in its own words
    # (走失: 接回; 急病: 120拉走): over_words of that kind only, and its kind_words too.
    kind_over_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Over news holding one of these asks whether it is over ("到家了吗") or says the danger is
    # still there ("阀门关了 但味道还是很大"): no over news.
    not_over_words: tuple[str, ...] = ()
    # A resident's news that a problem still being handled (no emergency) is fixed or back
    # ("来水了", "电梯修好了"): a note on it, and its group asked to check and resolve it. Held
    # back by not_over_words, worse_words and still_broken_words as over news is.
    restored_words: tuple[str, ...] = ()
    # Words passed over when restored_words and still_broken_words are looked for: holding one,
    # they tell neither ("电话打通了": a call got through, not the pipe; "又试了一下": tried again,
    # not broken again).
    restored_neutral_words: tuple[str, ...] = ()
    # Opening a message, these bring another problem ("还有 楼道里的暖气管子在漏水"): it is never
    # added to the resident's earlier ticket as a follow-up.
    another_problem_words: tuple[str, ...] = ()
    # Things that look alike in words but are not one thing (路灯 outside, 楼道灯 inside): a
    # text naming a thing of one row is never the same problem as one naming another row's.
    distinct_things: tuple[tuple[str, ...], ...] = ()
    # Where the trouble comes from (晾的衣服, 水龙头): texts naming different rows are never the
    # same problem, even when they share a row of distinct_things (滴水).
    distinct_sources: tuple[tuple[str, ...], ...] = ()
    # A car word that may be said of any vehicle ("烧坏了两辆车", "是我家的车") names no car when
    # the other text speaks of two-wheelers (day 37 R52, day 39 R93).
    vague_car_words: tuple[str, ...] = ()
    two_wheeler_words: tuple[str, ...] = ()
    # A resident writing again about a ticket just resolved says the fix did not hold with one
    # of these ("还是关不上", "怎么又漏了"): that is 不满意. Without one it is a new question or
    # a new report, and gets its own answer.
    still_broken_words: tuple[str, ...] = ()
    # Words a question about a ticket holds besides its asking words that name no matter ("后来",
    # "现在"): "后来怎么样了" asks after one's own ticket, "那个烫着的孩子咋样了" after another's.
    asking_only_words: tuple[str, ...] = ()
    # A choice of two ("吃饺子还是汤圆": 还是 as "or"), a regular expression: never the fix failing.
    choice_or: str = ""
    # Words of an outage (停水, 没电): an outage and a report without one are never the same.
    outage_words: tuple[str, ...] = ()
    # A message about an emergency still open saying it is getting worse ("味道更大了"): the duty
    # staff are alerted again at once (flows.emergency_getting_worse).
    worse_words: tuple[str, ...] = ()
    # Symptoms of the person already in danger ("喘不上气"): worse news of the emergency they
    # name, told by its reporter or in its chat soon after (flows.emergency_getting_worse).
    symptom_words: tuple[str, ...] = ()
    # The one with the symptoms is alone ("心口疼得厉害 喘不上气 老头子住院了家里就我一个"): a later
    # clause of someone taken into care or help come is of somebody else, never over news.
    alone_words: tuple[str, ...] = ()
    # ... of an emergency of these subcategories, where a person is in danger (a fire is not).
    person_in_danger: tuple[str, ...] = ()
    # Dangers (keys) that are a ticket's own problem (its subcategories, values) grown worse:
    # water now running through the light fitting of the leak reported this afternoon, the old
    # man of the visit asked for now groaning behind his door. Told by its reporter, that ticket
    # becomes the emergency (flows.raises_own_ticket); any other danger is a page of its own.
    grows_from: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Emergencies where a witness's word is a lead for those searching (a missing person): it
    # reaches every group the alert reached, and the witness is thanked (flows.join_live_emergency).
    lead_kinds: tuple[str, ...] = ()
    # Someone seen ("我刚在东门看见了"): with the name or words of a search, a lead for it.
    sighting_words: tuple[str, ...] = ()
    # Pets: a lost pet is no lead of a missing person (flows.sighting_of_search).
    pet_words: tuple[str, ...] = ()
    # Someone told by what they wear ("有个穿红棉袄的"): a sighting only of a search that wore
    # the same (duplicates.wears_the_same).
    worn_sighting_words: tuple[str, ...] = ()
    # The person searched for named by what happened to them (走丢的, 你们找的);
    # `searched_pointers`: pointing at the one searched for, for a sighting read as a new missing
    # person.
    searched_words: tuple[str, ...] = ()
    searched_pointers: tuple[str, ...] = ()
    # After the searching family's surname, words naming one of them ("何家孩子", "林大爷")
    family_names: tuple[str, ...] = ("家",)
    # Letters of what a missing person wears: a shared letter pair holding one names the same
    # person (duplicates.search_told_again).
    looks_letters: str = ""
    colour_letters: str = ""
    # A doubled letter opening a clause before a found word ("豆豆找到了") is a pet's or a
    # child's pet name; these doubles are none (刚刚, 奶奶): flows.names_someone_else.
    not_pet_names: tuple[str, ...] = ()
    # Thanks or satisfaction with `restored_words` naming nothing: news of the writer's one open
    # ticket ("撒了盐好多了 满意👍").
    restored_thanks_words: tuple[str, ...] = ()
    # Asking for something new ("能不能让社区的人常去看看她"): no over news, whatever it tells.
    new_ask_words: tuple[str, ...] = ()
    # Words denying the worse word right after them ("不冒烟了" is no worse news).
    negation_words: tuple[str, ...] = ()
    # Words right after a worse word saying it is gone ("火星没了" is over news, not worse).
    gone_after_words: tuple[str, ...] = ()
    # A hurt already treated ("流血那个去医院包扎了", day 19 R60): these worse words of a harm
    # (`treated_harm_words`) are past news, not worse, when a `treated_words` word is there too.
    treated_words: tuple[str, ...] = ()
    treated_harm_words: tuple[str, ...] = ()
    # A symptom told with these in its clause is over ("头晕的老太太也缓过来了", day 22 R35).
    recovered_words: tuple[str, ...] = ()
    # News of the work on a ticket ("消防车到了 正在灭火"): something new told of it.
    progress_words: tuple[str, ...] = ()
    # Hearsay ("听说明天要停水"): the news after it is a rumour, no progress of a ticket (day 57c
    # R56: "说明天" of "听说明天" read as the other party's promise).
    hearsay_words: tuple[str, ...] = ()
    # Who the person in danger is, and their family, told by the one who paged it
    # (flows.more_of_own_live_danger).
    person_told_words: tuple[str, ...] = ()
    # No news heard ("一晚上没消息"): a question after the work, never the fix failing.
    no_news_words: tuple[str, ...] = ()
    # Opening a message, these add to what the resident told ("补充一下 …"): a follow-up.
    addition_words: tuple[str, ...] = ()
    # A resident pointing at what they asked or told before ("我刚才问的放假的事"): with one open
    # ticket of theirs, that ticket, whatever words the two share.
    own_pointer_words: tuple[str, ...] = ()
    # A neighbour saying they heard or saw it too ("我也听到了 喇叭一直在响"): a witness of the one
    # danger told minutes before in words it shares, from any chat.
    heard_too_words: tuple[str, ...] = ()
    # A witness at the scene of a live emergency ("我在外面跟他说着话呢", "下去帮她了"):
    # word of that emergency, joined to it and told to its group (flows.join_live_emergency).
    witness_words: tuple[str, ...] = ()
    # Help already called ("已经叫了救护车"): worse news told with it is not answered
    # "请立即拨打120" again.
    help_called_words: tuple[str, ...] = ()
    # Help already there ("救护车到了", "消防车到了 正在灭火"): no safety advice on the news.
    help_here_words: tuple[str, ...] = ()
    # Emergencies a bare "+1" / "我也是" cannot witness (a missing person): it joins none of them.
    bare_me_too_not_for: tuple[str, ...] = ()
    cry_words: tuple[str, ...] = ()  # the policy's cry_words, set when the policy is built


class QuietHours(_Strict):
    """Non-emergency reminders, escalations and digests wait for the end of the quiet hours."""

    start: time = time(22, 0)
    end: time = time(7, 0)

    def contains(self, moment: datetime, zone: ZoneInfo) -> bool:
        clock = moment.astimezone(zone).timetz().replace(tzinfo=None)
        if self.start <= self.end:
            return self.start <= clock < self.end
        return clock >= self.start or clock < self.end

    def ends_after(self, moment: datetime, zone: ZoneInfo) -> datetime:
        """The end of the quiet period that contains `moment` (or the next one)."""
        local = moment.astimezone(zone)
        end = datetime.combine(local.date(), self.end, zone)
        return end if end > local else end + timedelta(days=1)

    def started_before(self, moment: datetime, zone: ZoneInfo) -> datetime:
        """The start of the quiet period that contains `moment` (or the last one before it)."""
        local = moment.astimezone(zone)
        start = datetime.combine(local.date(), self.start, zone)
        return start if start <= local else start - timedelta(days=1)


Level = Literal["own", "next", "top"]


class EmergencyRepeat(_Strict):
    """Where an emergency past its time limit is said once more (its alert went to every group
    of its ladder already): the responsible group, the one above it, or the top one."""

    claim: Level = "top"
    resolve: Level = "own"


class TicketPolicy(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    time_limits: tuple[TimeLimit, ...] = Field(min_length=1)
    complex_resolve: Duration
    rating_wait: Duration
    place_wait: Duration
    duplicate_window: Duration
    digest_time: time
    digest_max_items: int = Field(default=15, ge=1)  # longer lists end with "另有 N 件"
    # Overdue messages (reminders, escalations) one group hears in a local day; emergencies
    # always go (service/tickets/escalation.py: within_daily_limit).
    overdue_alerts_per_day: int = Field(default=4, ge=1)
    came_back_days: int = Field(default=7, ge=0)  # flows.came_back
    came_back_words: tuple[str, ...] = ()
    emergency_repeat: EmergencyRepeat = EmergencyRepeat()
    safety_guidance: tuple[Guidance, ...] = Field(min_length=1)
    duplicates: DuplicateRules = DuplicateRules()
    cry_words: tuple[str, ...] = ()  # left out of emergency alert titles (救命, 快来人 …)
    # What is in danger or dangerous (空调外机, 小孩 …): an emergency's title keeps it.
    danger_subjects: tuple[str, ...] = ()
    # Curt or internal words in a staff closing: their clause is never told to residents.
    not_for_residents: tuple[str, ...] = ()
    staff_acknowledgements: tuple[str, ...] = ()
    # An answer's words of the resident in the third person ("让她打12345问"), as told to them.
    answer_to_resident: dict[str, str] = {}
    # Categories whose tickets need a building: only these ask "几号楼几单元" when none is said.
    place_needed: tuple[str, ...] = ("maintenance", "dispute", "care")
    quiet_hours: QuietHours = QuietHours()
    # `#12 非紧急` with neither the staff's words nor the message naming a request: the reading
    # kept for the emergency's kind (急病 → care·看护), never a guess of the word statistics.
    not_emergency_readings: dict[str, tuple[str, str]] = Field(default_factory=dict)
    # Seen message ids and sent outbox rows are deleted after this (service/housekeeping.py).
    retention: Duration = Duration(90, "d")

    _limits: dict[tuple[bool, str | None], TimeLimit] = PrivateAttr(default_factory=dict)

    _parse = field_validator(
        "complex_resolve",
        "rating_wait",
        "place_wait",
        "duplicate_window",
        "retention",
        mode="before",
    )(lambda v: _duration(v))

    @model_validator(mode="before")
    @classmethod
    def _cries_prove_no_duplicate(cls, data: Any) -> Any:
        """The cry words (one list in config) are also no evidence that two reports match."""
        if isinstance(data, dict) and data.get("cry_words"):
            duplicates = dict(data.get("duplicates") or {})
            duplicates.setdefault("cry_words", tuple(data["cry_words"]))
            data = {**data, "duplicates": duplicates}
        return data

    @field_validator("place_wait", "duplicate_window", "retention")
    @classmethod
    def _calendar_only(cls, value: Duration) -> Duration:
        if value.unit == "wd":
            raise ValueError("use minutes, hours or days here, not working days")
        return value

    @field_validator("time_limits")
    @classmethod
    def _default_last(cls, limits: tuple[TimeLimit, ...]) -> tuple[TimeLimit, ...]:
        if limits[-1].match is not None:
            raise ValueError("the last time limit must have no match (it is the default)")
        return limits

    def limit_for(self, emergency: bool, subcategory: str | None) -> TimeLimit:
        # Figures and sweeps ask this for every ticket; the answer depends on two fields only.
        key = (emergency, subcategory)
        limit = self._limits.get(key)
        if limit is None:
            limit = next(t for t in self.time_limits if t.applies(emergency, subcategory))
            self._limits[key] = limit
        return limit

    def guidance_for_witness(self, own: str, ticket_text: str, subcategory: str | None) -> str:
        """The advice for someone joining an emergency: the advice that needs words of their own
        situation when their words hold them ("楼道里都是烟 我们在六楼" on the kitchen fire below:
        stay in and seal the door, not "盖住油锅"; day 51 R65), else the ticket's."""
        for said in (subcategory or "", own):
            for g in self.safety_guidance:
                if g.needs and g.fits(said, own):
                    return g.text
        return self.guidance_for(ticket_text, subcategory)

    def guidance_for(self, text: str, subcategory: str | None = None) -> str:
        """The advice for the emergency's subcategory (走失: a child not home is told to call
        110, whatever words the message used), else the first whose keyword is in the text."""
        for said in (subcategory or "", text):
            for g in self.safety_guidance:
                if g.fits(said, text):
                    return g.text
        return next(g.text for g in self.safety_guidance if not g.match)


def load_policy(config_dir: Path) -> TicketPolicy:
    return load_model(config_files(config_dir, "tickets.yaml"), TicketPolicy)
