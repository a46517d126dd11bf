#!/usr/bin/env python3
"""An independent reading of the calendar rules of docs/calendars.md, written in plain Python
(standard library only: json, datetime, zoneinfo) so that the conformance cases' expected values
do not come from the C# code they check.

It reads the same calendar documents as the library (docs/documents.md) and the two public
compilations of mainland China's holiday notices in ../shared/data directly (not the library's
data file), and walks the calendar date by date, the slow obvious way.

Usage:
  python3 tests/conformance/tools/oracle.py check [file.json ...]
      recomputes every case of the given conformance files (default: tests/conformance/*.json)
      and prints each case whose expected value differs from the oracle's.
"""
import datetime as dt
import glob
import json
import os
import re
import sys
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
SHARED_DATA = os.environ.get("SHARED_DATA", os.path.join(REPO, "..", "shared", "data"))

UTC = dt.timezone.utc
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ABBREVIATIONS = {d[:3]: d for d in DAYS}


class UnknownYear(Exception):
    pass


class ArgumentRejected(Exception):
    pass


# ---------------------------------------------------------------- holiday data

def load_cn_mainland():
    """Union of the two compilations: a date is off if either lists it off, worked if either lists it
    worked. Known years: those chinese-days covers (2004-2026)."""
    kinds, names = {}, {}
    cd = json.load(open(os.path.join(SHARED_DATA, "chinese-days", "chinese-days.json"), encoding="utf-8"))
    for date, value in cd["holidays"].items():
        kinds[dt.date.fromisoformat(date)] = "H"
        names[dt.date.fromisoformat(date)] = value.split(",")[0]
    for date in cd["workdays"]:
        kinds[dt.date.fromisoformat(date)] = "W"
    for path in glob.glob(os.path.join(SHARED_DATA, "holiday-cn", "[0-9]*.json")):
        for day in json.load(open(path, encoding="utf-8"))["days"]:
            date = dt.date.fromisoformat(day["date"])
            kind = "H" if day["isOffDay"] else "W"
            if kinds.get(date, kind) != kind:
                raise SystemExit(f"compilations disagree on {date}")
            kinds[date] = kind
    years = sorted({d.year for d in kinds})
    return {"first": years[0], "last": years[-1], "kinds": kinds, "names": names}


HOLIDAY_SETS = {}


def holiday_set(name):
    if name != "cn-mainland":
        raise ValueError(f"unknown holiday set {name}")
    if name not in HOLIDAY_SETS:
        HOLIDAY_SETS[name] = load_cn_mainland()
    return HOLIDAY_SETS[name]


# ---------------------------------------------------------------- calendar

def parse_time(text):
    h, m = text.split(":")
    return int(h), int(m)


def parse_interval(text):
    a, b = text.split("-")
    return parse_time(a), parse_time(b)


def expand_days(key):
    days = []
    for part in key.split(","):
        part = part.strip()
        if "-" in part:
            a, b = (ABBREVIATIONS.get(x.strip()[:3].title(), x.strip()) for x in part.split("-"))
            i = DAYS.index(a)
            while True:
                days.append(DAYS[i])
                if DAYS[i] == b:
                    break
                i = (i + 1) % 7
        else:
            days.append(ABBREVIATIONS.get(part[:3].title(), part))
    return days


LUNCH = [((9, 0), (12, 0)), ((13, 0), (18, 0))]


class Calendar:
    def __init__(self, doc):
        self.zone = ZoneInfo(doc["zone"])
        weekly = doc["weekly"]
        if weekly in ("24x7", "7x24"):
            self.weekly = {d: [((0, 0), (24, 0))] for d in DAYS}
        elif weekly == "5x8":
            self.weekly = {d: (LUNCH if i < 5 else []) for i, d in enumerate(DAYS)}
        else:
            self.weekly = {d: [] for d in DAYS}
            for key, intervals in weekly.items():
                for d in expand_days(key):
                    self.weekly[d] = [parse_interval(x) for x in intervals]
        self.sets = [self.read_set(n) for n in doc.get("holidaySets", [])]
        if "adjustedWorkingDayHours" in doc:
            self.adjusted = [parse_interval(x) for x in doc["adjustedWorkingDayHours"]]
        else:
            self.adjusted = next((self.weekly[d] for d in DAYS if self.weekly[d]), [])
        self.closures = {dt.date.fromisoformat(d) for d in doc.get("closures", [])}
        self.working_days = {dt.date.fromisoformat(d) for d in doc.get("workingDays", [])}
        self.special = {dt.date.fromisoformat(k): [parse_interval(x) for x in v]
                        for k, v in doc.get("specialHours", {}).items()}
        self.ordinary = doc.get("unknownYears", "error") == "ordinary"
        self.cache = {}

    @staticmethod
    def read_set(item):
        """An id, or {"id": ..., "years": {"2027": {"holidays": [...], "adjustedWorkingDays": [...]}}}."""
        if isinstance(item, str):
            return holiday_set(item)
        base = holiday_set(item["id"])
        extended = {"first": base["first"], "last": base["last"], "kinds": dict(base["kinds"])}
        for year, lists in sorted(item.get("years", {}).items()):
            year = int(year)
            assert year in (extended["first"] - 1, extended["last"] + 1), year
            extended["first"], extended["last"] = min(extended["first"], year), max(extended["last"], year)
            for key, kind in (("holidays", "H"), ("adjustedWorkingDays", "W")):
                for date in lists.get(key, []):
                    extended["kinds"][dt.date.fromisoformat(date)] = kind
        return extended

    # the local hours of a date: docs/calendars.md "How a date's hours are decided"
    def hours(self, date):
        if not 1 <= date.year <= 9998:
            raise ArgumentRejected(f"year {date.year}")
        hours = self.weekly[DAYS[date.weekday()]]
        for s in self.sets:
            if not s["first"] <= date.year <= s["last"]:
                if self.ordinary:
                    continue
                raise UnknownYear(date.year)
            kind = s["kinds"].get(date)
            if kind == "H":
                hours = []
            elif kind == "W" and date.weekday() >= 5:
                # a weekday listed as worked (2020-02-03) keeps its own hours
                hours = self.adjusted
        if date in self.closures:
            hours = []
        if date in self.working_days:
            hours = self.adjusted
        if date in self.special:
            hours = self.special[date]
        return hours

    def to_instant(self, date, hm):
        """Lenient: zoneinfo's fold=0 takes the earlier instant of an ambiguous time and, for a time in
        a gap, the offset before the gap, which moves it forward by the gap's length."""
        h, m = hm
        if h == 24:
            return self.day_start(date + dt.timedelta(days=1))
        local = dt.datetime(date.year, date.month, date.day, h, m, tzinfo=self.zone, fold=0)
        return local.astimezone(UTC)

    def day_start(self, date):
        # the first instant of the date; lenient mapping of 00:00 gives it for gaps and overlaps alike
        return dt.datetime(date.year, date.month, date.day, tzinfo=self.zone, fold=0).astimezone(UTC)

    def intervals(self, date):
        """The date's working intervals as UTC instants, clamped to the date and to the previous interval."""
        if date in self.cache:
            return self.cache[date]
        lo, hi = self.day_start(date), self.day_start(date + dt.timedelta(days=1))
        out = []
        floor = lo
        for a, b in self.hours(date):
            s = max(self.to_instant(date, a), floor)
            e = min(self.to_instant(date, b), hi)
            if e > s:
                out.append((s, e))
                floor = e
        self.cache[date] = out
        return out

    def local_date(self, instant):
        return instant.astimezone(self.zone).date()

    # ------------------------------------------------------------ operations

    def add_working_time(self, start, amount):
        if amount == dt.timedelta(0):
            return start
        if amount > dt.timedelta(0):
            date, left = self.local_date(start), amount
            while True:
                for s, e in self.intervals(date):
                    if e <= start:
                        continue
                    f = max(s, start)
                    if e - f >= left:
                        return f + left
                    left -= e - f
                date += dt.timedelta(days=1)
        date, left = self.local_date(start - dt.timedelta(microseconds=1)), -amount
        while True:
            for s, e in reversed(self.intervals(date)):
                if s >= start:
                    continue
                t = min(e, start)
                if t - s >= left:
                    return t - left
                left -= t - s
            date -= dt.timedelta(days=1)

    def working_time_between(self, start, end):
        if end < start:
            return -self.working_time_between(end, start)
        total = dt.timedelta(0)
        if end == start:
            return total
        date = self.local_date(start)
        last = self.local_date(end - dt.timedelta(microseconds=1))  # [start, end): end's own date only if it is inside
        while date <= last:
            for s, e in self.intervals(date):
                a, b = max(s, start), min(e, end)
                if b > a:
                    total += b - a
            date += dt.timedelta(days=1)
        return total

    def is_working_day(self, date):
        return bool(self.intervals(date))

    def add_working_days_date(self, date, n):
        step = 1 if n > 0 else -1
        while n != 0:
            date += dt.timedelta(days=step)
            if self.is_working_day(date):
                n -= step
        return date

    def add_working_days(self, start, n):
        date = self.local_date(start)
        if n == 0:
            while not self.is_working_day(date):
                date += dt.timedelta(days=1)
        else:
            date = self.add_working_days_date(date, n)
        return self.intervals(date)[-1][1]

    def is_working_time(self, instant):
        return any(s <= instant < e for s, e in self.intervals(self.local_date(instant)))

    def next_working_instant(self, instant):
        date = self.local_date(instant)
        while True:
            for s, e in self.intervals(date):
                if e > instant:
                    return max(s, instant)
            date += dt.timedelta(days=1)


# ---------------------------------------------------------------- values

def parse_instant(text):
    return dt.datetime.fromisoformat(text).astimezone(UTC)


DURATION = re.compile(r"^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def parse_duration(text):
    m = DURATION.match(text)
    if not m:
        raise ValueError(text)
    sign, d, h, mi, s = m.groups()
    value = dt.timedelta(days=int(d or 0), hours=int(h or 0), minutes=int(mi or 0), seconds=float(s or 0))
    return -value if sign else value


def format_duration(value):
    sign = "-" if value < dt.timedelta(0) else ""
    value = abs(value)
    seconds = value.days * 86400 + value.seconds
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    text = f"{sign}PT"
    if h:
        text += f"{h}H"
    if m:
        text += f"{m}M"
    if s or value.microseconds:
        text += f"{s}S" if not value.microseconds else f"{s}.{value.microseconds:06d}".rstrip("0") + "S"
    return text if text not in ("PT", "-PT") else "PT0S"


def format_instant(instant, zone):
    local = instant.astimezone(zone)
    return local.isoformat()


def run_case(calendar, case):
    """Returns the expected JSON value of a case, or ("error", kind)."""
    op = case["op"]
    try:
        if op == "addWorkingTime":
            r = calendar.add_working_time(parse_instant(case["start"]), parse_duration(case["amount"]))
            return format_instant(r, calendar.zone)
        if op == "addWorkingDays":
            if "T" not in case["start"]:
                r = calendar.add_working_days_date(dt.date.fromisoformat(case["start"]), case["days"])
                return r.isoformat()
            r = calendar.add_working_days(parse_instant(case["start"]), case["days"])
            return format_instant(r, calendar.zone)
        if op == "workingTimeBetween":
            return format_duration(calendar.working_time_between(parse_instant(case["start"]), parse_instant(case["end"])))
        if op == "isWorkingDay":
            return calendar.is_working_day(dt.date.fromisoformat(case["date"]))
        if op == "isWorkingTime":
            return calendar.is_working_time(parse_instant(case["instant"]))
        if op == "nextWorkingInstant":
            return format_instant(calendar.next_working_instant(parse_instant(case["start"])), calendar.zone)
    except UnknownYear:
        return ("error", "unknownYear")
    except ArgumentRejected:
        return ("error", "argument")
    raise ValueError(f"unknown op {op}")


def same(case, value):
    if isinstance(value, tuple):
        return case.get("expectedError") == value[1]
    expected = case.get("expected")
    if isinstance(value, bool) or expected is None:
        return expected == value
    if case["op"] == "workingTimeBetween":
        return parse_duration(expected) == parse_duration(value)
    if "T" in str(value):
        return parse_instant(expected) == parse_instant(value)
    return expected == value


def check(paths):
    bad = total = 0
    for path in paths:
        doc = json.load(open(path, encoding="utf-8"))
        if "calendar" not in doc:
            continue  # another kind of file (warranty, policy, schedule): its own oracle checks it
        calendar = Calendar(doc["calendar"])
        for i, case in enumerate(doc["cases"]):
            total += 1
            value = run_case(calendar, case)
            if not same(case, value):
                bad += 1
                print(f"{os.path.basename(path)}[{i}] {case.get('name')}: file says "
                      f"{case.get('expected', case.get('expectedError'))}, oracle says {value}")
    print(f"{total} cases, {bad} differ from the oracle")
    return bad


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "check":
        files = sys.argv[2:] or sorted(glob.glob(os.path.join(REPO, "tests", "conformance", "*.json")))
        sys.exit(1 if check(files) else 0)
    print(__doc__)
