#!/usr/bin/env python3
"""An independent reading of the schedule rules of docs/inspections.md, in plain Python (standard
library only), so that the expected values of tests/conformance/schedule-*.json do not come from
the C# code they check. Working days come from oracle.py, the calendar oracle, which reads the
State Council's notices from two public compilations (never the library's data file).

It follows the page's numbered rules directly and walks dates one by one where that is simplest.
For fixed schedules it matches visits in two passes (in-window first, then nearest window); for
floating ones it goes occurrence by occurrence, as rule 9 describes.

Usage:
  python3 tests/conformance/tools/schedule_oracle.py check [file.json ...]
      recomputes every case of the given files (default: tests/conformance/schedule-*.json) and
      prints each case whose expected value differs from the oracle's.
"""
import calendar as pycal
import datetime as dt
import glob
import json
import math
import os
import sys
from decimal import Decimal, ROUND_DOWN

import oracle

D = dt.date
ONE = dt.timedelta(days=1)
MIN_DATE = D(1, 1, 1)
MAX_DATE = D(9998, 12, 31)
VERDICTS = ("pending", "onTime", "early", "late", "missed", "extra")


class Rejected(Exception):
    pass


# ------------------------------------------------------------------ dates

def add_months(date, months):
    """Rule 1: months added as NodaTime adds them; a missing day is the month's last day (clamped)."""
    index = date.year * 12 + (date.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = pycal.monthrange(year, month)[1]
    return D(year, month, min(date.day, last)), date.day > last


def parse_period(text):
    """ISO 8601 period of years, months, weeks, days -> (months, days)."""
    assert text.startswith("P") and "T" not in text, text
    months = days = 0
    number = ""
    for ch in text[1:]:
        if ch.isdigit():
            number += ch
            continue
        n = int(number)
        number = ""
        if ch == "Y":
            months += 12 * n
        elif ch == "M":
            months += n
        elif ch == "W":
            days += 7 * n
        elif ch == "D":
            days += n
        else:
            raise ValueError(text)
    return months, days


def plus_period(date, period):
    months, days = period
    date, _ = add_months(date, months)
    return date + dt.timedelta(days=days)


NAMED_STEPS = {"contractMonth": "P1M", "contractQuarter": "P3M", "contractYear": "P1Y"}
CALENDAR_STEPS = {"calendarMonth": 1, "calendarQuarter": 3, "calendarHalfYear": 6, "calendarYear": 12}


def calendar_period(date, months):
    first = ((date.month - 1) // months) * months + 1
    start = D(date.year, first, 1)
    end, _ = add_months(start, months)
    return start, end - ONE


class Grid:
    """Rule 7: calendar periods, or contract periods counted from the anchor (its day not counted)."""

    def __init__(self, text):
        if text in CALENDAR_STEPS:
            self.calendar, self.months = True, CALENDAR_STEPS[text]
        else:
            self.calendar = False
            self.length = parse_period(NAMED_STEPS.get(text, text))

    def boundary(self, anchor, k):
        months, days = self.length
        if months:
            return add_months(anchor, k * months)[0]
        return anchor + dt.timedelta(days=k * days)

    def period_of(self, date, anchor):
        if self.calendar:
            return calendar_period(date, self.months)
        k = 0
        while self.boundary(anchor, k) >= date:
            k -= 1
        while self.boundary(anchor, k + 1) < date:
            k += 1
        return self.boundary(anchor, k) + ONE, self.boundary(anchor, k + 1)


# ------------------------------------------------------------------ schedule

class Step:
    def __init__(self, text):
        if text in CALENDAR_STEPS:
            self.kind, self.months = "calendar", CALENDAR_STEPS[text]
        else:
            months, days = parse_period(NAMED_STEPS.get(text, text))
            assert (months == 0) != (days == 0), text
            self.kind = "months" if months else "days"
            self.months, self.days = months, days

    def raw(self, anchor, n):
        """(raw date of step n, clamped?)"""
        if self.kind == "days":
            return anchor + dt.timedelta(days=n * self.days), False
        if self.kind == "months":
            return add_months(anchor, n * self.months)
        start, _ = calendar_period(anchor + ONE, self.months)
        first_of_next, _ = add_months(start, n * self.months)
        return first_of_next - ONE, False


class Schedule:
    def __init__(self, doc, calendars):
        self.doc = doc
        self.anchor_event = doc["anchor"]
        if "every" in doc:
            self.phases = [(Step(doc["every"]), None)]
        else:
            self.phases = [(Step(p["every"]), parse_period(p["for"]) if "for" in p else None) for p in doc.get("phases", [])]
        self.once = parse_period(doc["once"]) if "once" in doc else None
        self.include_anchor = doc.get("includeAnchor", False)
        self.month_end = doc.get("monthEnd", "clamp")
        until = doc.get("until")
        self.until_period = parse_period(until) if until and until.startswith("P") else None
        self.until_date = D.fromisoformat(until) if until and not until.startswith("P") else None
        self.count = doc.get("count")
        align = doc.get("align", {})
        self.calendar = calendars[align["calendar"]] if "calendar" in align else None
        self.move = align.get("move", "none")
        self.align_grid = Grid(align.get("period", "calendarMonth"))
        self.early, self.late = self.read_tolerance(doc.get("tolerance"))
        shift = doc.get("shift", "fixed")
        self.shift = {"fixed": (0, 0), "floating": (1, 1)}.get(shift) if isinstance(shift, str) else \
            (Decimal(str(shift.get("early", 0))), Decimal(str(shift.get("late", 0))))
        self.notice = doc.get("notice")
        self.follow_ups = doc.get("followUps", [])
        self.quotas = doc.get("quotas", [])
        self.calendars = calendars

    @staticmethod
    def read_tolerance(tolerance):
        def allowance(value):
            if value is None:
                return ("none",)
            if value == "cycle":
                return ("cycle",)
            if isinstance(value, str):
                months, days = parse_period(value)
                assert months == 0
                return ("days", days)
            if "workingDays" in value:
                return ("working", value["workingDays"])
            cap = parse_period(value["max"])[1] if "max" in value else 0
            return ("share", Decimal(str(value["share"])), cap)
        if tolerance is None or tolerance == "exact":
            return ("none",), ("none",)
        if tolerance == "tenPercent":
            return ("share", Decimal("0.1"), 0), ("share", Decimal("0.1"), 0)
        if tolerance == "smrp":
            return ("none",), ("share", Decimal("0.2"), 28)
        return allowance(tolerance.get("early")), allowance(tolerance.get("late"))

    def is_working(self, date):
        return self.calendar.is_working_day(date)

    def working_days(self, date, n):
        return self.calendar.add_working_days_date(date, n) if n else date


class Plan:
    def __init__(self, schedule, anchor, within=None):
        self.s, self.anchor, self.within = schedule, anchor, within
        last = MAX_DATE
        if schedule.until_period:
            last = min(last, plus_period(anchor, schedule.until_period))
        if schedule.until_date:
            last = min(last, schedule.until_date)
        if within:
            last = min(last, within[1])
        self.last = last
        self.first = within[0] if within else MIN_DATE

    # rule 4
    def align(self, nominal):
        s = self.s
        if s.move == "none" or s.is_working(nominal):
            return nominal
        if s.move == "skip":
            return None
        previous = nominal - ONE
        while not s.is_working(previous):
            previous -= ONE
        following = nominal + ONE
        while not s.is_working(following):
            following += ONE
        if s.move == "nextWorkingDay":
            return following
        if s.move == "previousWorkingDay":
            return previous
        nearer = previous if (nominal - previous) <= (following - nominal) else following
        if s.move == "nearestWorkingDay":
            return nearer
        start, end = s.align_grid.period_of(nominal, self.anchor)
        inside = [d for d in (previous, following) if start <= d <= end]
        if len(inside) == 2:
            return nearer
        return inside[0] if inside else None

    # rule 11: a range stops at the first occurrence whose due date cannot fall in it
    def cannot_be_due_by(self, stop, nominal):
        if self.s.move in ("none", "nextWorkingDay", "skip"):
            return True
        first = stop + ONE
        while not self.s.is_working(first):
            first += ONE
        return first <= nominal

    # rule 5
    def side(self, allowance, due, interval, sign, cycle_start):
        kind = allowance[0]
        if kind == "none":
            return due
        if kind == "cycle":
            return min(cycle_start, due)
        if kind == "working":
            return self.s.working_days(due, sign * allowance[1])
        if kind == "days":
            days = allowance[1]
        else:
            days = int((allowance[1] * interval).to_integral_value(rounding=ROUND_DOWN))
            if allowance[2] and days > allowance[2]:
                days = allowance[2]
        return due + dt.timedelta(days=sign * days)

    def complete(self, number, phase, cycle_start, nominal, due, interval):
        s = self.s
        notice_by = due
        if s.notice:
            if "workingDays" in s.notice:
                notice_by = s.working_days(due, -s.notice["workingDays"])
            else:
                notice_by = due - dt.timedelta(days=s.notice["calendarDays"])
        return {"number": number, "phase": phase, "cycleStart": cycle_start, "nominal": nominal, "due": due,
                "earliest": self.side(s.early, due, interval, -1, cycle_start),
                "latest": self.side(s.late, due, interval, 1, cycle_start), "noticeBy": notice_by}

    def raws(self, rebase=None):
        """Rules 1-2: (number, phase, raw, clamped, cycle start, interval) in order, numbers counted.
        `rebase` is a list the caller may append a new base date to (floating schedules)."""
        s = self.s
        number = 0 if s.include_anchor else 1
        if not s.phases:
            if s.include_anchor:
                yield 0, 0, self.anchor, False, self.anchor, 0
            raw = plus_period(self.anchor, s.once)
            yield 1, 0, raw, False, self.anchor + ONE, (raw - self.anchor).days
            return
        anchor = self.anchor
        for index, (step, length) in enumerate(s.phases):
            end = plus_period(anchor, length) if length else MAX_DATE
            if index == 0 and s.include_anchor:
                first, _ = step.raw(anchor, 1)
                yield 0, 0, anchor, False, anchor, (first - anchor).days
                number = 1
            base, n, previous = anchor, 1, anchor
            while True:
                if rebase:
                    base, number = rebase.pop()
                    n, previous = 1, base
                raw, clamped = step.raw(base, n)
                if raw > end or raw.year > 9990:
                    break
                if step.kind == "calendar":
                    cycle = add_months(raw + ONE, -step.months)[0]
                    interval = (raw - cycle).days + 1
                else:
                    cycle = previous + ONE
                    interval = (raw - previous).days
                yield number, index, raw, clamped, cycle, interval
                previous = raw
                number += 1
                n += 1
            if not length:
                return
            anchor = end

    def occurrences(self, rebase=None, stop=None):
        s = self.s
        for number, phase, raw, clamped, cycle, interval in self.raws(rebase):
            if s.count is not None and number > s.count:
                return
            nominal = raw
            if clamped and s.month_end == "skip":
                continue
            if clamped and s.month_end == "forward":
                nominal = raw + ONE
            if nominal > self.last:
                return
            if nominal < self.first:
                continue
            if stop is not None and nominal > stop and self.cannot_be_due_by(stop, nominal):
                return
            due = self.align(nominal)
            if due is None:
                continue
            yield self.complete(number, phase, cycle, nominal, due, interval)

    def between(self, start, end):
        out = []
        for o in self.occurrences(stop=end):
            if o["due"] > end:
                break
            if end < MAX_DATE - dt.timedelta(days=400) and o["nominal"] > end + dt.timedelta(days=400):
                break
            if o["due"] >= start:
                out.append(o)
        return out

    def next_due(self, date):
        for o in self.occurrences():
            if o["due"] >= date:
                return o
            if o["nominal"] > date + dt.timedelta(days=4000):
                return None
        return None

    # rule 6
    def follow_up(self, duty, visit):
        calendar = self.s.calendars[duty["calendar"]] if "calendar" in duty else self.s.calendar
        if "workingDays" in duty:
            return calendar.add_working_days(calendar.day_start(visit), duty["workingDays"])
        if "calendarDays" in duty:
            last = visit + dt.timedelta(days=duty["calendarDays"])
        else:
            last = plus_period(visit, parse_period(duty["period"]))
        if duty.get("holidayRule") == "nextWorkingDay" and not calendar.is_working_day(last):
            return calendar.add_working_days(calendar.day_start(last), 1)
        return calendar.day_start(last + ONE)

    def entry(self, occurrence, verdict, visit, outside):
        e = {"occurrence": occurrence, "verdict": verdict, "visit": visit, "outside": outside, "followUps": {}}
        if visit is not None:
            e["followUps"] = {d["name"]: self.follow_up(d, visit) for d in self.s.follow_ups}
        return e

    # rule 8 (fixed) and rule 9 (floating)
    def assess(self, visits, as_of):
        visits = sorted(visits)
        if any(v > as_of for v in visits):
            raise Rejected("visit after asOf")
        if self.s.shift == (0, 0):
            return self.assess_fixed(visits, as_of)
        return self.assess_floating(visits, as_of)

    def reported(self, as_of, source):
        """The occurrences whose window opened by asOf, and the first one after them."""
        out = []
        for o in source:
            out.append(o)
            if o["earliest"] > as_of:
                break
        return out

    def assess_fixed(self, visits, as_of):
        occ = self.reported(as_of, self.occurrences())
        taken = [None] * len(occ)          # visit index per occurrence
        kind = [None] * len(occ)
        used = [False] * len(visits)
        for i, o in enumerate(occ):          # pass 1: inside the window
            for j, v in enumerate(visits):
                if not used[j] and o["earliest"] <= v <= o["latest"]:
                    taken[i], kind[i], used[j] = j, "onTime", True
                    break
        extras = []
        for j, v in enumerate(visits):        # pass 2: the nearer window
            if used[j]:
                continue
            b = next((i for i, o in enumerate(occ) if o["earliest"] > v), None)
            a = (b - 1 if b is not None else len(occ) - 1)
            a = a if a >= 0 else None
            da = max(0, (v - occ[a]["latest"]).days) if a is not None else math.inf
            db = (occ[b]["earliest"] - v).days if b is not None else math.inf
            chosen = a if da <= db else b
            if chosen is None:
                extras.append(j)
                continue
            if taken[chosen] is None:
                taken[chosen], used[j] = j, True
                kind[chosen] = "late" if v > occ[chosen]["latest"] else "early"
            elif kind[chosen] == "early" and v < occ[chosen]["earliest"]:
                extras.append(taken[chosen])     # a later early visit is nearer the window
                taken[chosen] = j
            else:
                extras.append(j)
        entries = []
        for i, o in enumerate(occ):
            if o["earliest"] > as_of and taken[i] is None:
                continue
            entries.append(self.verdict(o, taken[i], kind[i], visits, as_of))
        return entries, [self.entry(None, "extra", visits[j], 0) for j in sorted(extras)], self.next_open(entries, as_of)

    def verdict(self, o, j, kind, visits, as_of):
        if j is None:
            if o["latest"] >= as_of:
                return self.entry(o, "pending", None, 0)
            return self.entry(o, "missed", None, (as_of - o["latest"]).days)
        v = visits[j]
        outside = (o["earliest"] - v).days if kind == "early" else (v - o["latest"]).days if kind == "late" else 0
        return self.entry(o, kind, v, outside)

    def next_open(self, entries, as_of):
        for e in entries:
            if e["verdict"] == "pending":
                return e["occurrence"]
        last_number = max((e["occurrence"]["number"] for e in entries), default=-1)
        for o in self.occurrences():
            if o["number"] > last_number and o["latest"] >= as_of:
                return o
        return None

    def assess_floating(self, visits, as_of):
        early_factor, late_factor = self.s.shift
        used = [False] * len(visits)
        extras, entries = [], []
        rebase = []      # the generator re-anchors on a (base, next number) put here

        def shifted(o, v, factor):
            deviation = (v - o["nominal"]).days
            move = int((factor * deviation).to_integral_value(rounding=ROUND_DOWN)) if deviation >= 0 else \
                -int((factor * -deviation).to_integral_value(rounding=ROUND_DOWN))
            return o["nominal"] + dt.timedelta(days=move)

        gen = self.occurrences(rebase)
        previous, previous_entry = None, None
        current = next(gen, None)
        while current is not None:
            pending_visits = [j for j in range(len(visits)) if not used[j]]
            if current["earliest"] > as_of and not pending_visits:
                break
            early = None
            j = 0
            while j < len(visits):
                if used[j] or visits[j] >= current["earliest"]:
                    j += 1
                    continue
                v = visits[j]
                dp = max(0, (v - previous["latest"]).days) if previous else math.inf
                dc = (current["earliest"] - v).days
                if dp <= dc:
                    used[j] = True
                    if previous_entry is not None and previous_entry["verdict"] in ("pending", "missed") and v > previous["latest"]:
                        entries[-1] = self.entry(previous, "late", v, (v - previous["latest"]).days)
                        previous_entry = entries[-1]
                        if late_factor != 0 and self.s.phases and self.s.phases[current["phase"] if current["phase"] == previous["phase"] else previous["phase"]][0].kind != "calendar" and current["phase"] == previous["phase"]:
                            rebase.append((shifted(previous, v, Decimal(late_factor)), previous["number"] + 1))
                            current = next(gen, None)
                            if current is None:
                                break
                    else:
                        extras.append(j)
                else:
                    if early is not None:
                        extras.append(early)
                        used[early] = True
                    early = j
                j += 1
            if current is None:
                break
            if current["earliest"] > as_of and early is None:
                break
            inside = next((k for k in range(len(visits)) if not used[k] and current["earliest"] <= visits[k] <= current["latest"]), None)
            if inside is not None:
                used[inside] = True
                if early is not None:
                    used[early] = True
                    extras.append(early)
                entry = self.entry(current, "onTime", visits[inside], 0)
            elif early is not None:
                used[early] = True
                v = visits[early]
                entry = self.entry(current, "early", v, (current["earliest"] - v).days)
                if early_factor != 0 and self.s.phases and self.s.phases[current["phase"]][0].kind != "calendar":
                    rebase.append((shifted(current, v, Decimal(early_factor)), current["number"] + 1))
            else:
                open_ = current["latest"] >= as_of
                entry = self.entry(current, "pending" if open_ else "missed", None, 0 if open_ else (as_of - current["latest"]).days)
            entries.append(entry)
            previous, previous_entry = current, entry
            current = next(gen, None)
        for j in range(len(visits)):
            if used[j]:
                continue
            v = visits[j]
            if previous_entry is not None and previous_entry["verdict"] in ("pending", "missed") and v > previous["latest"]:
                entries[-1] = self.entry(previous, "late", v, (v - previous["latest"]).days)
                previous_entry = entries[-1]
            else:
                extras.append(j)
            used[j] = True
        nxt = None
        for e in entries:
            if e["verdict"] == "pending":
                nxt = e["occurrence"]
                break
        if nxt is None:
            last_number = max((e["occurrence"]["number"] for e in entries), default=-1)
            while current is not None:
                if current["number"] > last_number and current["latest"] >= as_of:
                    nxt = current
                    break
                current = next(gen, None)
        return entries, [self.entry(None, "extra", visits[j], 0) for j in sorted(extras)], nxt

    # rule 7
    def quotas(self, visits, as_of):
        out = []
        for index, q in enumerate(self.s.quotas):
            start_from = plus_period(self.anchor, parse_period(q.get("from", "P0D")))
            first = start_from + ONE
            last = plus_period(start_from, parse_period(q["for"])) if "for" in q else self.last
            last = min(last, self.last)
            if self.within:
                first = max(first, self.within[0])
            grid = Grid(q["per"])
            date = first
            while date <= last and date <= as_of:
                start, end = grid.period_of(date, self.anchor)
                lo, hi = max(start, first), min(end, last)
                count = sum(1 for v in visits if lo <= v <= hi)
                status = "met" if count >= q["atLeast"] else "short" if end < as_of else "open"
                out.append({"quota": index, "period": f"{start}/{end}", "visits": count, "required": q["atLeast"],
                            "status": status, "partial": start < first or end > last})
                date = end + ONE
        return out


# ------------------------------------------------------------------ cases

def load_calendars(doc):
    return {name: oracle.Calendar(c) for name, c in doc.get("calendars", {}).items()}


def make_plan(schedule, case):
    dates = {k: D.fromisoformat(v) for k, v in case["dates"].items()}
    if schedule.anchor_event not in dates:
        raise Rejected("anchor event missing")
    within = None
    if "within" in case:
        within = (D.fromisoformat(case["within"]["from"]), D.fromisoformat(case["within"]["to"]))
    return Plan(schedule, dates[schedule.anchor_event], within)


def iso(date):
    return date.isoformat()


def occurrence_json(o, fields):
    out = {}
    for f in fields:
        value = o[f]
        out[f] = iso(value) if isinstance(value, D) else value
    return out


def run_case(schedule, case, fields=None):
    """The expected JSON value of a case, or ("error", name). `fields` picks what occurrence and entry items show."""
    op = case["op"]
    try:
        if op == "occurrences":
            plan = make_plan(schedule, case)
            found = plan.between(D.fromisoformat(case["from"]), D.fromisoformat(case["to"]))
            if not fields:
                return [iso(o["due"]) for o in found]
            return [occurrence_json(o, fields) for o in found]
        if op == "compliance":
            plan = make_plan(schedule, case)
            entries, extras, _ = plan.assess([D.fromisoformat(v) for v in case["visits"]], D.fromisoformat(case["asOf"]))
            return [entry_json(e, fields, schedule) for e in entries + extras]
        if op == "nextDue":
            plan = make_plan(schedule, case)
            if "visits" in case:
                _, _, nxt = plan.assess([D.fromisoformat(v) for v in case["visits"]], D.fromisoformat(case["asOf"]))
            else:
                nxt = plan.next_due(D.fromisoformat(case["date"]))
            return iso(nxt["due"]) if nxt else None
        if op == "quotas":
            plan = make_plan(schedule, case)
            return plan.quotas([D.fromisoformat(v) for v in case["visits"]], D.fromisoformat(case["asOf"]))
        if op == "shareOnTime":
            plan = make_plan(schedule, case)
            entries, _, _ = plan.assess([D.fromisoformat(v) for v in case["visits"]], D.fromisoformat(case["asOf"]))
            grid = Grid(case["per"])
            out = []
            for e in entries:
                start, end = grid.period_of(e["occurrence"]["due"], plan.anchor)
                key = f"{start}/{end}"
                if not out or out[-1]["period"] != key:
                    out.append({"period": key, "onTime": 0, "decided": 0, "pending": 0})
                if e["verdict"] == "pending":
                    out[-1]["pending"] += 1
                else:
                    out[-1]["decided"] += 1
                    out[-1]["onTime"] += e["verdict"] == "onTime"
            return out
        if op == "cohorts":
            grid = Grid(case["per"])
            groups = {}
            for name, date in case["members"].items():
                start, end = grid.period_of(D.fromisoformat(date), None)
                groups.setdefault((start, end), []).append(name)
            out = []
            for (start, end), names in sorted(groups.items()):
                plan = Plan(schedule, end)
                last = D.fromisoformat(case["to"]) if "to" in case else plan.last
                out.append({"period": f"{start}/{end}", "members": names,
                            "due": [iso(o["due"]) for o in plan.between(end, last)]})
            return out
        if op == "followUp":
            plan = make_plan(schedule, case)
            duty = next(d for d in schedule.follow_ups if d["name"] == case["duty"])
            zone = schedule.calendar.zone if schedule.calendar else dt.timezone.utc
            return oracle.format_instant(plan.follow_up(duty, D.fromisoformat(case["visit"])), zone)
    except oracle.UnknownYear:
        return ("error", "unknownYear")
    except (Rejected, oracle.ArgumentRejected):
        return ("error", "argument")
    raise ValueError(f"unknown op {op}")


def entry_json(e, fields, schedule):
    out = {}
    o = e["occurrence"]
    if o is not None:
        out["due"] = iso(o["due"])
    out["verdict"] = e["verdict"]
    if e["visit"] is not None:
        out["visit"] = iso(e["visit"])
    for f in fields or ():
        if f == "daysFromDue" and o is not None:
            out[f] = (e["visit"] - o["due"]).days if e["visit"] is not None else 0
        elif f == "daysOutsideWindow" and o is not None:
            out[f] = e["outside"]
        elif f in ("earliest", "latest", "number") and o is not None:
            out[f] = iso(o[f]) if isinstance(o[f], D) else o[f]
        elif f == "followUps" and e["followUps"]:
            zone = schedule.calendar.zone if schedule.calendar else dt.timezone.utc
            out[f] = {k: oracle.format_instant(v, zone) for k, v in e["followUps"].items()}
    return out


# ------------------------------------------------------------------ check

def same(case, value):
    if isinstance(value, tuple):
        return case.get("expectedError") == value[1]
    if "expected" not in case:
        return False
    expected = case["expected"]
    op = case["op"]
    if op == "followUp":
        return oracle.parse_instant(expected) == oracle.parse_instant(value)
    if op in ("occurrences", "cohorts"):
        if len(expected) != len(value):
            return False
        return all(subset(e if isinstance(e, dict) else {"due": e}, v if isinstance(v, dict) else {"due": v}) for e, v in zip(expected, value))
    if op in ("compliance", "quotas", "shareOnTime"):
        key = "period" if op != "compliance" else "due"
        for e in expected:
            k = key if key in e else "visit"
            match = [v for v in value if v.get(k) == e[k] and (k != "visit" or "due" not in v) and v.get("quota", 0) == e.get("quota", 0)]
            if not match or not subset(e, match[0]):
                return False
        return True
    return expected == value


def subset(e, v):
    for k, x in e.items():
        if k in ("name", "note"):
            continue
        y = v.get(k)
        if k == "followUps":
            if set(x) != set(y or {}) or any(oracle.parse_instant(x[n]) != oracle.parse_instant(y[n]) for n in x):
                return False
        elif x != y:
            return False
    return True


def check(paths):
    bad = total = 0
    for path in paths:
        doc = json.load(open(path, encoding="utf-8"))
        schedule = Schedule(doc["schedule"], load_calendars(doc))
        for i, case in enumerate(doc["cases"]):
            total += 1
            fields = None
            if case["op"] in ("occurrences", "compliance") and "expected" in case:
                items = [x for x in case["expected"] if isinstance(x, dict)]
                fields = sorted({k for x in items for k in x} - {"due", "verdict", "visit"}) or None
                if case["op"] == "occurrences" and items:
                    fields = sorted({k for x in items for k in x})
            value = run_case(schedule, case, fields)
            if not same(case, value):
                bad += 1
                print(f"{os.path.basename(path)}[{i}] {case.get('name')}: file says "
                      f"{case.get('expected', case.get('expectedError'))}, oracle says {value}")
    print(f"{total} cases, {bad} differ from the oracle")
    return bad


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "check":
        files = sys.argv[2:] or sorted(glob.glob(os.path.join(oracle.REPO, "tests", "conformance", "schedule-*.json")))
        sys.exit(1 if check(files) else 0)
    print(__doc__)
