#!/usr/bin/env python3
"""An independent reading of the fault-level policy rules of docs/policies.md, in plain Python (standard library
only), so that the expected values of the policy conformance files do not come from the C# code they check.

Calendar arithmetic (working hours, holidays, adjusted working days, zones) is oracle.py's, which reads the public
holiday compilations in ../shared/data directly. Everything about policies is read from docs/policies.md alone and
computed the slow obvious way: a deadline with pauses is found by walking the clock's counted intervals (the
calendar's working intervals, or the wall clock, with the pauses cut out) one after the other until the amount is
used up.

Where docs/policies.md does not decide a question, the oracle raises Unspecified; generators then leave that point
out of the files instead of guessing. The points the first version of this oracle found undecided (event-only
milestones, working days 0 after the close, periods of several units, share rounding, the cut-off on milestone starts,
references to notApplicable milestones, the next alert, warnings without a deadline, compliance over later tickets,
cut-off starts and negative times, the order of events and level changes, the phrases) are decided in
docs/policies.md now and computed here; the few left are listed at Unspecified's raises.

Usage:
  python3 tests/conformance/tools/policy_oracle.py check [--walk] [file.json ...]
      recomputes every case of the given policy files (default: tests/conformance/policy-*.json) and prints each
      value that differs from the oracle's. --walk also finds every deadline and warning a second time by stepping
      through time a minute (or a second) at a time, and stops if the two walks disagree.
"""
import datetime as dt
import glob
import json
import os
import re
import sys
from fractions import Fraction

import oracle
from oracle import UTC, ArgumentRejected, UnknownYear, format_duration, parse_duration, parse_instant

REPO = oracle.REPO
FAR = dt.datetime(9000, 1, 1, tzinfo=UTC)
ZERO = dt.timedelta(0)
DAY = dt.timedelta(days=1)
SHANGHAI = oracle.ZoneInfo("Asia/Shanghai")

AMOUNTS = ("elapsed", "workingTime", "workingDays", "calendarDays", "period")
STANDARD_LEVELS = [(1, ["一级", "A", "P1"]), (2, ["二级", "B", "P2"]), (3, ["三级", "C", "P3"]), (4, ["四级", "D", "P4"])]
TARGET_PROPERTIES = {"milestone", "levels", "where", "calendar", "holidayRule", "cutOff", "from", "ifBreached",
                     "ignorePauses", "warnings", "within", *AMOUNTS}
POLICY_PROPERTIES = {"levels", "calendar", "milestones", "targets", "confirmedEventsOnly", "levelChange"}
TICKET_PROPERTIES = {"id", "reported", "level", "attributes", "events", "pauses", "levelChanges"}


class Unspecified(Exception):
    """docs/policies.md does not say what happens here."""


def is_note(name):
    return name in ("note", "notes", "description", "comment") or name.startswith(("$", "_", "x-"))


def check_names(obj, allowed, where):
    if not isinstance(obj, dict):
        raise ArgumentRejected(f"{where}: expected an object")
    for name in obj:
        if name not in allowed and not is_note(name):
            raise ArgumentRejected(f"{where}: unknown property {name}")


# ---------------------------------------------------------------- values

PERIOD = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def parse_period(text):
    m = PERIOD.match(text)
    if not m or text == "P":
        raise ArgumentRejected(f"period {text}")
    y, mo, w, d = (int(x or 0) for x in m.groups())
    return y, mo, w, d


def add_months(date, months):
    y, m = divmod(date.month - 1 + months, 12)
    y, m = date.year + y, m + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - DAY).day
    return dt.date(y, m, min(date.day, last))


def add_period(date, period):
    """The start's date plus a period: years first, then months, then days (weeks are 7 days), as docs/policies.md
    says (P1Y1M from 2024-01-31: 2025-01-31, then 2025-02-28). Each step clamps to the month's last day."""
    y, mo, w, d = period
    date = add_months(date, 12 * y)
    date = add_months(date, mo)
    return date + dt.timedelta(days=7 * w + d)


class Fine:
    """An instant with a tenth of a microsecond (ticks) that datetime cannot hold: `t` (whole microseconds) plus `k`
    ticks, 0 < k < 10. Only a warning at a share of an amount lands between microseconds."""

    def __init__(self, t, k):
        self.t, self.k = t, k

    def __repr__(self):
        return f"Fine({self.t.isoformat()}, {self.k})"


def tick_key(t):
    """Orders datetimes and Fine instants together."""
    return (t.t, t.k) if isinstance(t, Fine) else (t, 0)


def instant_text(t, zone):
    if isinstance(t, Fine):
        local = t.t.astimezone(zone)
        text = local.replace(microsecond=0).isoformat()
        return f"{text[:19]}.{local.microsecond:06d}{t.k}{text[19:]}"
    return t.astimezone(zone).isoformat()


def parse_instant_ticks(text):
    """An instant with up to 7 fractional digits, as (datetime to the microsecond, extra ticks)."""
    m = re.match(r"^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?([^\d].*)$", text)
    if not m:
        raise ValueError(f"instant {text}")
    frac = (m.group(2) or "").ljust(7, "0")
    return parse_instant(f"{m.group(1)}.{frac[:6]}{m.group(3)}"), int(frac[6])


def parse_time_of_day(text):
    m = re.match(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$", text)
    if not m:
        raise ArgumentRejected(f"time of day {text}")
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if h > 23 or mi > 59 or s > 59:
        raise ArgumentRejected(f"time of day {text}")
    return dt.time(h, mi, s)


# ---------------------------------------------------------------- phrases (docs/policies.md, "Phrases")

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
N = r"(\d+|[零一二三四五六七八九十]+)"
CN_CUT_OFF = re.compile(r"^(.*)\((\d{1,2}:\d{2})以后报告的自下一个工作日起算\)$")
CN_HOLIDAY = "(最后一日为非工作日的顺延至其后第一个工作日下班时)"
EN_CUT_OFF = re.compile(r"^(.*), counted from the next working day when reported at or after (\d{1,2}:\d{2})$")
EN_HOLIDAY = ", moved to the close of the next working day when the last day is not a working day"


def number(text):
    """An amount written in Arabic digits or Chinese numerals up to 99 (七, 十五, 二十四)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        if "十" in units or (tens and tens not in CN_DIGITS) or (units and units not in CN_DIGITS):
            raise ArgumentRejected(f"number {text}")
        return 10 * (CN_DIGITS[tens] if tens else 1) + (CN_DIGITS[units] if units else 0)
    if len(text) == 1 and text in CN_DIGITS:
        return CN_DIGITS[text]
    raise ArgumentRejected(f"number {text}")


def minutes_of(hours, mins=0):
    return dt.timedelta(hours=hours, minutes=mins)


def phrase_core(core):
    """The amount of a phrase without its options, as (kind, value)."""
    def full(pattern):
        return re.fullmatch(pattern, core)

    # ISO 8601: PT... is elapsed time, P...Y/M/W/D a period.
    if core.startswith("PT"):
        try:
            return "elapsed", parse_duration(core)
        except ValueError:
            raise ArgumentRejected(f"phrase {core}")
    if PERIOD.match(core) and core != "P":
        return "period", parse_period(core)
    # Chinese: an optional 内 or 以内 at the end.
    cn = re.sub(r"(以内|内)$", "", core)
    if cn == "半小时":
        return "elapsed", minutes_of(0, 30)
    if m := re.fullmatch(rf"{N}小时(?:{N}分钟)?", cn):
        return "elapsed", minutes_of(number(m.group(1)), number(m.group(2)) if m.group(2) else 0)
    if m := re.fullmatch(rf"{N}分钟", cn):
        return "elapsed", minutes_of(0, number(m.group(1)))
    if m := re.fullmatch(rf"7×24×{N}", cn):
        return "elapsed", minutes_of(number(m.group(1)))
    if m := re.fullmatch(rf"{N}个工作小时", cn):
        return "workingTime", minutes_of(number(m.group(1)))
    if m := re.fullmatch(rf"第?{N}个工作日", cn):
        return "workingDays", number(m.group(1))
    if m := re.fullmatch(rf"{N}(?:个日历天|个自然日|天)", cn):
        return "calendarDays", number(m.group(1))
    if cn == "半个月":
        return "period", (0, 0, 0, 15)
    if m := re.fullmatch(rf"{N}日", cn):
        return "period", (0, 0, 0, number(m.group(1)))
    if m := re.fullmatch(rf"{N}周", cn):
        return "period", (0, 0, number(m.group(1)), 0)
    if m := re.fullmatch(rf"{N}个月", cn):
        return "period", (0, number(m.group(1)), 0, 0)
    if m := re.fullmatch(rf"{N}年(?:{N}个月)?", cn):
        return "period", (number(m.group(1)), number(m.group(2)) if m.group(2) else 0, 0, 0)
    # English: an optional "within " in front.
    en = core[len("within "):] if core.startswith("within ") else core
    if en == "half an hour":
        return "elapsed", minutes_of(0, 30)
    if m := re.fullmatch(r"(\d+) hours?(?: (\d+) minutes?)?", en):
        return "elapsed", minutes_of(int(m.group(1)), int(m.group(2) or 0))
    if m := re.fullmatch(r"(\d+) minutes?", en):
        return "elapsed", minutes_of(0, int(m.group(1)))
    if m := re.fullmatch(r"(\d+) (?:business|working) hours?", en):
        return "workingTime", minutes_of(int(m.group(1)))
    if m := re.fullmatch(r"(\d+) (?:business|working) days?", en):
        return "workingDays", int(m.group(1))
    if en is core and (m := re.fullmatch(r"by the end of the (\d+)(?:st|nd|rd|th) working day", en)):
        return "workingDays", int(m.group(1))
    if m := re.fullmatch(r"(\d+) (?:calendar |natural )?days?", en):
        return "calendarDays", int(m.group(1))
    if en == "half a month":
        return "period", (0, 0, 0, 15)
    if m := re.fullmatch(r"a period of (\d+) days?", en):
        return "period", (0, 0, 0, int(m.group(1)))
    if m := re.fullmatch(r"(\d+) weeks?", en):
        return "period", (0, 0, int(m.group(1)), 0)
    if m := re.fullmatch(r"(\d+) months?", en):
        return "period", (0, int(m.group(1)), 0, 0)
    if m := re.fullmatch(r"(\d+) years?(?: (\d+) months?)?", en):
        return "period", (int(m.group(1)), int(m.group(2) or 0), 0, 0)
    raise ArgumentRejected(f"phrase {core}")


def parse_within(text):
    """A target written as commitments write it: (kind, value, holiday rule or None, cut-off or None). Only the forms
    docs/policies.md lists (with any amount in place of its examples'); anything else is refused (argument)."""
    if not isinstance(text, str) or not text:
        raise ArgumentRejected("within")
    core, holiday, cut_off = text, None, None
    for pattern, marker in ((CN_CUT_OFF, CN_HOLIDAY), (EN_CUT_OFF, EN_HOLIDAY)):
        if m := pattern.match(core):
            core, cut_off = m.group(1), parse_time_of_day(m.group(2))
        if core.endswith(marker):
            core, holiday = core[:-len(marker)], "nextWorkingDay"
    kind, value = phrase_core(core)
    if holiday and kind not in ("calendarDays", "period"):
        raise ArgumentRejected(f"phrase {text}: the holiday rule is for calendar days and periods only")
    return kind, value, holiday, cut_off


def text_instant(t, zone=SHANGHAI):
    return None if t is None else instant_text(t, zone)


# ---------------------------------------------------------------- the policy document

class Target:
    def __init__(self, doc, policy, path):
        check_names(doc, TARGET_PROPERTIES, path)
        self.path = path
        self.milestone = doc.get("milestone")
        if not isinstance(self.milestone, str) or not self.milestone:
            raise ArgumentRejected(f"{path}.milestone")
        amounts = [k for k in (*AMOUNTS, "within") if k in doc]
        if len(amounts) != 1:
            raise ArgumentRejected(f"{path}: exactly one amount, found {amounts}")
        phrase_holiday = phrase_cut_off = None
        if amounts[0] == "within":
            # A phrase is an alternative to the amount properties; it may carry the holiday rule and a cut-off.
            kind, self.value, phrase_holiday, phrase_cut_off = parse_within(doc["within"])
            self.kind = kind
            if (phrase_holiday and "holidayRule" in doc) or (phrase_cut_off and "cutOff" in doc):
                raise Unspecified(f"{path}: a holiday rule or cut-off both in the phrase and as a property")
            value = None
        else:
            self.kind = kind = amounts[0]
            value = doc[kind]
        if value is None:
            pass
        elif kind in ("elapsed", "workingTime"):
            self.value = parse_duration(value)
            if self.value < ZERO:
                raise ArgumentRejected(f"{path}.{kind}: negative")
        elif kind in ("workingDays", "calendarDays"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ArgumentRejected(f"{path}.{kind}")
            self.value = value
        else:
            self.value = parse_period(value)
        self.levels = None
        if "levels" in doc:
            self.levels = {policy.level_of(x, f"{path}.levels") for x in doc["levels"]}
        self.where = {}
        for name, v in doc.get("where", {}).items():
            values = [v] if isinstance(v, str) else v
            if not values or not all(isinstance(x, str) for x in values):
                raise ArgumentRejected(f"{path}.where.{name}")
            self.where[name] = set(values)
        self.holiday_rule = phrase_holiday or doc.get("holidayRule", "none")
        if self.holiday_rule not in ("none", "nextWorkingDay"):
            raise ArgumentRejected(f"{path}.holidayRule")
        if self.holiday_rule == "nextWorkingDay" and kind not in ("calendarDays", "period"):
            raise ArgumentRejected(f"{path}.holidayRule: calendar days and periods only")
        self.cut_off = phrase_cut_off or (parse_time_of_day(doc["cutOff"]) if "cutOff" in doc else None)
        name = doc.get("calendar", policy.default_calendar)
        if "calendar" in doc and name not in policy.calendars:
            raise ArgumentRejected(f"{path}.calendar: unknown calendar {name}")
        needs = kind != "elapsed" or self.cut_off is not None
        if needs and name is None:
            raise ArgumentRejected(f"{path}: a {kind} target needs a calendar")
        self.calendar = policy.calendars[name] if needs else None
        if kind == "elapsed" and "calendar" in doc:
            self.calendar = policy.calendars[name]
        # The clock a target counts (pauses, warnings): working time for working-time and working-day targets,
        # wall-clock time otherwise.
        self.clock = self.calendar if kind in ("workingTime", "workingDays") else None
        source = doc.get("from", "reported")
        if not isinstance(source, str) or not source:
            raise ArgumentRejected(f"{path}.from")
        if source == "reported":
            self.source = ("reported", None)
        elif source.endswith(".due"):
            self.source = ("due", source[:-4])
        else:
            self.source = ("event", source)
        self.if_breached = doc.get("ifBreached")
        self.ignore_pauses = doc.get("ignorePauses", False)
        if not isinstance(self.ignore_pauses, bool):
            raise ArgumentRejected(f"{path}.ignorePauses")
        self.warnings = []
        for i, w in enumerate(doc.get("warnings", [])):
            check_names(w, {"share", "before"}, f"{path}.warnings[{i}]")
            if len(w) != 1:
                raise ArgumentRejected(f"{path}.warnings[{i}]: share or before")
            if "share" in w:
                share = Fraction(str(w["share"]))
                if not 0 < share < 1:
                    raise ArgumentRejected(f"{path}.warnings[{i}].share")
                self.warnings.append(("share", share))
            else:
                before = parse_duration(w["before"])
                if before <= ZERO:
                    raise ArgumentRejected(f"{path}.warnings[{i}].before")
                self.warnings.append(("before", before))

    def dependencies(self):
        out = set()
        if self.source[0] != "reported":
            out.add(self.source[1])
        if self.if_breached:
            out.add(self.if_breached)
        return out

    def matches(self, level, attributes):
        if self.levels is not None and level not in self.levels:
            return False
        return all(attributes.get(k) in v for k, v in self.where.items())


class Policy:
    def __init__(self, doc, calendars):
        check_names(doc, POLICY_PROPERTIES, "$.policy")
        self.calendars = {}
        for name, cal in (calendars or {}).items():
            try:
                self.calendars[name] = oracle.Calendar(cal)
            except (KeyError, ValueError) as e:
                raise ArgumentRejected(f"calendar {name}: {e}")
        levels = doc.get("levels")
        if levels is None:
            self.levels = {n: list(names) for n, names in STANDARD_LEVELS}
            self.explicit_levels = False
        else:
            self.levels = {}
            for i, lv in enumerate(levels):
                check_names(lv, {"level", "names", "description"}, f"$.policy.levels[{i}]")
                self.levels[lv["level"]] = list(lv.get("names", []))
            if sorted(self.levels) != list(range(1, len(levels) + 1)):
                raise ArgumentRejected("levels are numbered 1 to N without gaps")
            self.explicit_levels = True
        self.names = {}
        for n, names in self.levels.items():
            for name in names:
                if name in self.names:
                    raise ArgumentRejected(f"level name {name} given twice")
                self.names[name] = n
        self.default_calendar = doc.get("calendar")
        if self.default_calendar is not None and self.default_calendar not in self.calendars:
            raise ArgumentRejected(f"$.policy.calendar: unknown calendar {self.default_calendar}")
        self.targets = [Target(t, self, f"$.policy.targets[{i}]") for i, t in enumerate(doc.get("targets", []))]
        self.milestones = []
        for t in self.targets:
            if t.milestone not in self.milestones:
                self.milestones.append(t.milestone)
        # Milestones with events but no target of their own, that rows may count from (D2.16).
        declared = doc.get("milestones", [])
        if not isinstance(declared, list) or not all(isinstance(m, str) and m for m in declared):
            raise ArgumentRejected("$.policy.milestones: an array of milestone names")
        if len(set(declared)) != len(declared):
            raise Unspecified("a milestone declared twice")
        if any(m in self.milestones for m in declared):
            raise Unspecified("a declared milestone that also has a target")
        self.declared = list(declared)
        self.confirmed_only = doc.get("confirmedEventsOnly", False)
        self.level_change = doc.get("levelChange", "retroactive")
        if self.level_change not in ("retroactive", "fromChange"):
            raise ArgumentRejected("$.policy.levelChange")
        self.validate()

    def level_of(self, value, where):
        if isinstance(value, bool):
            raise ArgumentRejected(where)
        if isinstance(value, int):
            if value in self.levels:
                return value
            raise ArgumentRejected(f"{where}: the policy has no level {value}")
        if isinstance(value, str) and value in self.names:
            return self.names[value]
        raise ArgumentRejected(f"{where}: the policy has no level named {value}")

    def validate(self):
        # A milestone that a row counts from or depends on must have a target or be declared in "milestones": a
        # name that is neither is an error, so a misspelt `from` never waits silently.
        for t in self.targets:
            for m in t.dependencies():
                if m not in self.milestones and m not in self.declared:
                    raise ArgumentRejected(f"{t.path} depends on {m}, which has no target and is not declared")
        # Cycles between milestones (through from, x.due and ifBreached) are rejected.
        graph = {m: set() for m in self.milestones}
        for t in self.targets:
            graph[t.milestone] |= t.dependencies()
        state = {}

        def visit(m):
            if state.get(m) == 1:
                raise ArgumentRejected(f"a cycle between milestones through {m}")
            if state.get(m) == 2:
                return
            state[m] = 1
            for d in graph.get(m, ()):
                visit(d)
            state[m] = 2

        for m in self.milestones:
            visit(m)
        # Two targets that could both match one ticket and name as many attributes are rejected.
        for i, a in enumerate(self.targets):
            for b in self.targets[i + 1:]:
                if a.milestone != b.milestone or len(a.where) != len(b.where):
                    continue
                levels_a = a.levels if a.levels is not None else set(self.levels)
                levels_b = b.levels if b.levels is not None else set(self.levels)
                if not levels_a & levels_b:
                    continue
                contradict = any(k in b.where and not (a.where[k] & b.where[k]) for k in a.where)
                if not contradict:
                    raise ArgumentRejected(f"{a.path} and {b.path} both match one ticket")


# ---------------------------------------------------------------- tickets

class Ticket:
    def __init__(self, doc, policy):
        check_names(doc, TICKET_PROPERTIES, "ticket")
        self.reported = parse_instant(doc["reported"])
        self.level = policy.level_of(doc["level"], "ticket.level")
        self.attributes = dict(doc.get("attributes", {}))
        self.events = []
        for e in doc.get("events", []):
            check_names(e, {"milestone", "at", "confirmed"}, "ticket.events")
            self.events.append((e["milestone"], parse_instant(e["at"]), e.get("confirmed", True)))
        self.pauses = []
        for p in doc.get("pauses", []):
            check_names(p, {"from", "to", "reason"}, "ticket.pauses")
            a = parse_instant(p["from"])
            b = parse_instant(p["to"]) if p.get("to") is not None else None
            if b is not None and b < a:
                raise ArgumentRejected("a pause that ends before it begins")
            self.pauses.append((a, b))
        self.changes = []
        for c in doc.get("levelChanges", []):
            check_names(c, {"at", "level"}, "ticket.levelChanges")
            self.changes.append((parse_instant(c["at"]), policy.level_of(c["level"], "ticket.levelChanges.level")))
        # Level changes count by time, whatever their order in the list.
        self.changes.sort(key=lambda c: c[0])
        for (a, la), (b, lb) in zip(self.changes, self.changes[1:]):
            if a == b and la != lb:
                # Events at one instant keep the list's order; for two levels at one instant the docs say nothing.
                raise Unspecified("two level changes to different levels at one instant")


# ---------------------------------------------------------------- clocks

def counted_intervals(clock, start, pauses):
    """The intervals a clock counts from `start` on, in order: the calendar's working intervals (or the whole wall
    clock when `clock` is None), with the pauses cut out."""
    def base():
        if clock is None:
            yield start, FAR
            return
        date = clock.local_date(start)
        while True:
            for s, e in clock.intervals(date):
                if e > start:
                    yield max(s, start), e
            date += DAY

    for s, e in base():
        for a, b in pauses:
            if b <= s or a >= e:
                continue
            if a > s:
                yield s, a
            s = max(s, b)
            if s >= e:
                break
        if e > s:
            yield s, e


def advance(clock, start, amount, pauses):
    """The earliest instant T by which the clock, stopped during the pauses, has counted `amount` since `start`."""
    if amount <= ZERO:
        return start
    left = amount
    for s, e in counted_intervals(clock, start, pauses):
        if e - s >= left:
            found = s + left
            break
        left -= e - s
    if WALK and amount <= WALK_LIMIT:
        walked = walk(clock, start, amount, pauses)
        assert walked in (None, found), f"interval walk {found}, minute walk {walked}"
    return found


def advance_ticks(clock, start, ticks, pauses):
    """advance() for an amount in ticks (100 ns). Counted time between two whole microseconds lies within one counted
    interval (their ends are whole microseconds), so a fraction of a microsecond is that much before the next one."""
    micro, k = divmod(ticks, 10)
    if k == 0:
        return advance(clock, start, dt.timedelta(microseconds=micro), pauses)
    after = advance(clock, start, dt.timedelta(microseconds=micro + 1), pauses)
    return Fine(after - dt.timedelta(microseconds=1), k)


WALK = False                       # `check --walk`: verify every deadline by stepping through time
WALK_LIMIT = dt.timedelta(days=40)


def walk(clock, start, amount, pauses):
    """advance() again, the slowest way: step a minute (or a second) at a time, counting each step that is working
    time and not paused. None for starts, pauses or amounts with fractions of a second (a warning at a share of the
    amount, a report stamped to the microsecond), which are not walked."""
    instants = [start] + [x for p in pauses for x in p]
    if all(x.second == 0 and x.microsecond == 0 for x in instants) and amount % dt.timedelta(minutes=1) == ZERO:
        step = dt.timedelta(minutes=1)
    elif all(x.microsecond == 0 for x in instants) and amount % dt.timedelta(seconds=1) == ZERO:
        step = dt.timedelta(seconds=1)
    else:
        return None
    t, counted = start, ZERO
    while counted < amount:
        if (clock is None or clock.is_working_time(t)) and not any(a <= t < b for a, b in pauses):
            counted += step
        t += step
    return t


def measure(clock, start, end):
    if clock is None:
        return end - start
    return clock.working_time_between(start, end)


def merge(intervals):
    out = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# ---------------------------------------------------------------- evaluation

class Evaluation:
    """One ticket as of one instant."""

    def __init__(self, policy, ticket, as_of):
        self.policy, self.ticket, self.as_of = policy, ticket, as_of
        changes = [c for c in ticket.changes if c[0] <= as_of]
        self.level = changes[-1][1] if changes else ticket.level
        self.reported_start = ticket.reported
        if policy.level_change == "fromChange" and changes:
            self.reported_start = changes[-1][0]
        self.memo = {}

    def event(self, milestone):
        times = [at for m, at, confirmed in self.ticket.events
                 if m == milestone and at <= self.as_of and (confirmed or not self.policy.confirmed_only)]
        return min(times) if times else None

    def target(self, milestone):
        found = [t for t in self.policy.targets
                 if t.milestone == milestone and t.matches(self.level, self.ticket.attributes)]
        if not found:
            return None
        best = max(len(t.where) for t in found)
        found = [t for t in found if len(t.where) == best]
        assert len(found) == 1, "the policy's validation lets two rows match"
        return found[0]

    def pauses(self, target, event):
        if target.ignore_pauses:
            return []
        out = []
        for a, b in self.ticket.pauses:
            if a > self.as_of:
                continue
            end = self.as_of if b is None or b > self.as_of else b
            if event is not None:
                if a >= event:
                    continue
                end = min(end, event)
            if end > a:
                out.append((a, end))
        return merge(out)

    def result(self, milestone):
        if milestone in self.memo:
            value = self.memo[milestone]
            if isinstance(value, Exception):
                raise value
            return value
        try:
            value = self.compute(milestone)  # the policy's validation rules out cycles, so this recursion ends
        except Unspecified as e:
            self.memo[milestone] = e
            raise
        self.memo[milestone] = value
        return value

    def compute(self, milestone):
        r = {"status": None, "due": None, "start": None, "origin": None, "event": self.event(milestone),
             "warnings": []}
        target = self.target(milestone)
        if target is None:
            r["status"] = "notApplicable"
            return self.finish(r)
        # What holds the target back: "waiting" (no start yet) or "notApplicable" (it does not apply).
        holds = set()
        if target.if_breached:
            other = self.result(target.if_breached)["status"]
            # pending or waiting: waiting; met: notApplicable; notApplicable: notApplicable too; breached: applies
            holds.add({"pending": "waiting", "waiting": "waiting", "met": "notApplicable",
                       "notApplicable": "notApplicable", "breached": None}[other])
        kind, name = target.source
        start = None
        if kind == "reported":
            start = self.reported_start
        elif kind == "event":
            # A milestone's event counts whether or not that milestone has a target for this ticket.
            start = self.event(name)
            if start is None:
                holds.add("waiting")
        else:
            other = self.result(name)
            if other["status"] == "notApplicable":
                holds.add("notApplicable")
            elif other["due"] is None:
                holds.add("waiting")
            else:
                start = other["due"]
        holds.discard(None)
        if len(holds) > 1:
            # One condition says waiting, another notApplicable (an ifBreached on one milestone and a `from` on
            # another, or both on a notApplicable milestone without events): the docs give no precedence.
            raise Unspecified(f"{milestone}: both waiting and notApplicable")
        if holds:
            r["status"] = holds.pop()
            return self.finish(r)
        # Compliance's time to the milestone runs from the start before any cut-off moves it (and may be negative).
        r["origin"] = start
        if target.cut_off is not None:
            # The cut-off applies to whatever the target counts from, on the target's calendar.
            cal = target.calendar
            local = start.astimezone(cal.zone)
            if local.time().replace(tzinfo=None) >= target.cut_off:
                date = local.date() + DAY
                while not cal.is_working_day(date):
                    date += DAY
                start = cal.intervals(date)[0][0]
        r["start"] = start
        plain = self.unpaused_deadline(target, start)
        amount = measure(target.clock, start, plain)
        assert amount >= ZERO, "a deadline before its start"
        pauses = self.pauses(target, r["event"])
        due = advance(target.clock, start, amount, pauses)
        r["due"] = due
        event = r["event"]
        if event is not None:
            r["status"] = "met" if event <= due else "breached"
        else:
            r["status"] = "breached" if self.as_of > due else "pending"
        warnings = []
        for kind_w, value in target.warnings:
            if kind_w == "share":
                # the share of what the clock counts up to the deadline, rounded to the nearest tick (100 ns),
                # halves away from zero
                ticks = Fraction(amount // dt.timedelta(microseconds=1) * 10) * value
                warnings.append(advance_ticks(target.clock, start, int(ticks + Fraction(1, 2)), pauses))
            else:
                warnings.append(advance(target.clock, start, amount - value, pauses))
        r["warnings"] = warnings
        return self.finish(r)

    def unpaused_deadline(self, target, start):
        v, cal = target.value, target.calendar
        if target.kind == "elapsed":
            return start + v
        if target.kind == "workingTime":
            return cal.add_working_time(start, v)
        if target.kind == "workingDays":
            if v == 0:
                # the same working day: the start's date's close when it is a working day and the start is not
                # after that close, else the next working day's close
                date = cal.local_date(start)
                if cal.is_working_day(date) and start <= cal.intervals(date)[-1][1]:
                    return cal.intervals(date)[-1][1]
                date += DAY
                while not cal.is_working_day(date):
                    date += DAY
                return cal.intervals(date)[-1][1]
            return cal.add_working_days(start, v)
        first = cal.local_date(start)
        if target.kind == "calendarDays":
            # 0 days: 24:00 of the 0th day after the start's date, the start's date itself, by the same rule
            last = first + dt.timedelta(days=v)
        else:
            last = add_period(first, v)
        if target.holiday_rule == "nextWorkingDay" and not cal.is_working_day(last):
            date = last + DAY
            while not cal.is_working_day(date):
                date += DAY
            return cal.intervals(date)[-1][1]
        return cal.day_start(last + DAY)

    def finish(self, r):
        status, due, as_of = r["status"], r["due"], self.as_of
        r["overdueBy"] = ZERO
        r["remaining"] = ZERO
        if status == "breached":
            r["overdueBy"] = (r["event"] or as_of) - due
        if status == "pending":
            r["remaining"] = due - as_of
        # Warnings for any milestone with a deadline (none without one); the next alert for a pending milestone
        # only: the earliest of its warnings and its deadline at or after asOf.
        r["nextAlert"] = None
        if status == "pending":
            alerts = [t for t in r["warnings"] + [due] if tick_key(t) >= tick_key(as_of)]
            r["nextAlert"] = min(alerts, key=tick_key)
        return r


def evaluate(policy, ticket, as_of, milestones=None, drop_unspecified=False):
    """The results of the named milestones (default: every milestone of the policy). A milestone the rules do not
    decide raises Unspecified, or is left out with drop_unspecified."""
    ev = Evaluation(policy, ticket, as_of)
    names = list(milestones) if milestones is not None else list(policy.milestones)
    # Every milestone of the policy is evaluated: a deadline that needs a year the holiday data lacks fails the whole
    # evaluation, named milestones or not.
    results = {}
    for m in policy.milestones:
        try:
            ev.result(m)
        except Unspecified:
            pass
    for m in names:
        try:
            results[m] = ev.result(m)
        except Unspecified:
            if not drop_unspecified:
                raise
    return ev, results


def expected_json(r, zone=SHANGHAI, keys=("status", "due", "overdueBy", "remaining", "warnings", "nextAlert")):
    out = {}
    for k in keys:
        v = r[k]
        if k in ("due", "nextAlert"):
            out[k] = text_instant(v, zone)
        elif k in ("overdueBy", "remaining"):
            out[k] = format_duration(v)
        elif k == "warnings":
            out[k] = [text_instant(t, zone) for t in v]
        else:
            out[k] = v
    return out


# ---------------------------------------------------------------- compliance

def period_key(instant, zone, period):
    local = instant.astimezone(zone)
    if period == "month":
        return f"{local.year:04d}-{local.month:02d}"
    if period == "quarter":
        return f"{local.year:04d}-Q{(local.month - 1) // 3 + 1}"
    raise ArgumentRejected(f"period {period}")


def nearest_rank(values, p):
    if not values:
        return None
    values = sorted(values)
    rank = -(-p * len(values) // 100)  # ceil(p/100 * n)
    return values[max(rank, 1) - 1]


def compliance(policy, tickets, as_of, period, zone):
    groups = {}
    for ticket in tickets:
        if ticket.reported > as_of:
            continue  # not yet reported: left out
        ev = Evaluation(policy, ticket, as_of)
        key = period_key(ticket.reported, zone, period)
        for m in policy.milestones:
            r = ev.result(m)
            if r["status"] == "notApplicable":
                continue
            g = groups.setdefault((ev.level, m, key), {"count": 0, "met": 0, "breached": 0, "pending": 0,
                                                      "waiting": 0, "times": []})
            g["count"] += 1
            g[r["status"]] += 1
            if r["status"] in ("met", "breached") and r["event"] is not None:
                # from the target's start before any cut-off moves it; an event before it gives a negative time
                g["times"].append(r["event"] - r["origin"])
    rows = []
    for (level, m, key), g in sorted(groups.items(), key=lambda kv: (kv[0][2], kv[0][0], policy.milestones.index(kv[0][1]))):
        decided = g["met"] + g["breached"]
        median, p90 = nearest_rank(g["times"], 50), nearest_rank(g["times"], 90)
        rows.append({"level": level, "milestone": m, "period": key, "count": g["count"], "met": g["met"],
                     "breached": g["breached"], "pending": g["pending"], "waiting": g["waiting"],
                     "shareMet": (g["met"] / decided) if decided else None,
                     "median": format_duration(median) if median is not None else None,
                     "p90": format_duration(p90) if p90 is not None else None})
    return rows


# ---------------------------------------------------------------- conformance files

def load_policy(doc):
    """The file's policy, or ("error", name) when the policy itself is rejected."""
    try:
        return Policy(doc["policy"], doc.get("calendars"))
    except ArgumentRejected:
        return ("error", "argument")


def file_zone(policy):
    if policy.default_calendar is not None:
        return policy.calendars[policy.default_calendar].zone
    return SHANGHAI


def run_case(policy, case, drop_unspecified=False):
    """The expected JSON value of a case (for evaluate: every milestone named in the case's own `expected`, or every
    milestone of the policy when it has none), or ("error", name). With drop_unspecified, milestones the rules do not
    decide are left out instead of raising Unspecified."""
    if isinstance(policy, tuple):
        return policy
    op = case.get("op", "evaluate")
    try:
        as_of = parse_instant(case["asOf"])
        if op == "evaluate":
            ticket = Ticket(case["ticket"], policy)
            names = list(case["expected"]) if isinstance(case.get("expected"), dict) else None
            _, results = evaluate(policy, ticket, as_of, names, drop_unspecified)
            zone = file_zone(policy)
            return {m: expected_json(r, zone) for m, r in results.items()}
        if op == "compliance":
            tickets = [Ticket(t, policy) for t in case["tickets"]]
            if "zone" in case:
                zone = oracle.ZoneInfo(case["zone"])
            elif policy.default_calendar is not None:
                zone = policy.calendars[policy.default_calendar].zone
            else:
                zone = UTC
            return compliance(policy, tickets, as_of, case["period"], zone)
    except UnknownYear:
        return ("error", "unknownYear")
    except ArgumentRejected:
        return ("error", "argument")
    raise ValueError(f"unknown op {op}")


def same_value(key, a, b):
    if a is None or b is None:
        return a is None and b is None
    if key in ("due", "nextAlert"):
        return parse_instant_ticks(a) == parse_instant_ticks(b)
    if key in ("overdueBy", "remaining", "median", "p90"):
        return parse_duration(a) == parse_duration(b)
    if key == "warnings":
        return len(a) == len(b) and all(parse_instant_ticks(x) == parse_instant_ticks(y) for x, y in zip(a, b))
    if key == "shareMet":
        return abs(a - b) < 1e-12
    return a == b


def differences(case, value):
    """Human-readable differences between a case's expected answer and the oracle's."""
    if isinstance(value, tuple):
        if case.get("expectedError") != value[1]:
            return [f"file says {case.get('expected', case.get('expectedError'))}, oracle says error {value[1]}"]
        return []
    if "expectedError" in case:
        return [f"file expects error {case['expectedError']}, oracle says {value}"]
    out = []
    if case.get("op", "evaluate") == "evaluate":
        for m, props in case["expected"].items():
            got = value[m]
            for k, v in props.items():
                if k not in got:
                    out.append(f"{m}.{k}: file says {v}; docs/policies.md does not decide it")
                elif not same_value(k, v, got[k]):
                    out.append(f"{m}.{k}: file says {v}, oracle says {got[k]}")
        return out
    rows = {(r["level"], r["milestone"], r["period"]): r for r in value}
    for row in case["expected"]:
        key = (row["level"], row["milestone"], row["period"])
        if key not in rows:
            out.append(f"row {key}: the oracle has no such row")
            continue
        for k, v in row.items():
            if not same_value(k, v, rows[key][k]):
                out.append(f"row {key} {k}: file says {v}, oracle says {rows[key][k]}")
    return out


def check(paths):
    bad = total = 0
    for path in paths:
        doc = json.load(open(path, encoding="utf-8"))
        if "policy" not in doc:
            continue
        try:
            policy = load_policy(doc)
        except Unspecified as e:
            print(f"{os.path.basename(path)}: the policy uses a point docs/policies.md does not decide: {e}")
            bad += 1
            continue
        for i, case in enumerate(doc["cases"]):
            total += 1
            try:
                value = run_case(policy, case)
                diffs = differences(case, value)
            except Unspecified as e:
                diffs = [f"docs/policies.md does not decide this case: {e}"]
            if diffs:
                bad += 1
                for d in diffs:
                    print(f"{os.path.basename(path)}[{i}] {case.get('name')}: {d}")
    print(f"{total} cases, {bad} differ from the oracle")
    return bad


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "check":
        args = sys.argv[2:]
        if "--walk" in args:
            args.remove("--walk")
            WALK = True
        files = args or sorted(glob.glob(os.path.join(REPO, "tests", "conformance", "policy-*.json")))
        sys.exit(1 if check(files) else 0)
    print(__doc__)
