#!/usr/bin/env python3
"""Writes the conformance files of tests/conformance from the case lists below, computing every
`expected` value with oracle.py (an independent Python reading of docs/calendars.md), never with
the C# library. Seeded, so the files are reproducible:

  python3 tests/conformance/tools/generate.py      # rewrites tests/conformance/*.json (not design-examples.json)
  python3 tests/conformance/tools/oracle.py check  # recomputes every file's cases
"""
import datetime as dt
import json
import os
import random

import oracle

OUT = os.path.join(oracle.REPO, "tests", "conformance")
SHANGHAI_OFFICE = {"zone": "Asia/Shanghai",
                   "weekly": {"Monday-Friday": ["09:00-12:00", "13:00-18:00"]},
                   "holidaySets": ["cn-mainland"]}
D = dt.date
CN = oracle.holiday_set("cn-mainland")


def at(date, hh, mm=0, ss=0, offset="+08:00"):
    return f"{date.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}{offset}"


def dur(minutes):
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    h, m = divmod(minutes, 60)
    text = "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")
    return sign + (text if text != "PT" else "PT0S")


class File:
    def __init__(self, name, description, calendar):
        self.name, self.description, self.calendar = name, description, calendar
        self.oracle = oracle.Calendar(calendar)
        self.cases = []

    def add(self, ref, name, op, **inputs):
        case = {"name": name}
        if ref:
            case["ref"] = ref
        case["op"] = op
        case.update(inputs)
        value = oracle.run_case(self.oracle, case)
        if isinstance(value, tuple):
            case["expectedError"] = value[1]
        else:
            case["expected"] = value
        self.cases.append(case)
        return value

    def time(self, ref, name, start, amount):
        return self.add(ref, name, "addWorkingTime", start=start, amount=amount)

    def days(self, ref, name, start, days):
        return self.add(ref, name, "addWorkingDays", start=start, days=days)

    def between(self, ref, name, start, end):
        return self.add(ref, name, "workingTimeBetween", start=start, end=end)

    def write(self):
        doc = {"description": self.description, "calendar": self.calendar, "cases": self.cases}
        with open(os.path.join(OUT, self.name), "w", encoding="utf-8", newline="\n") as f:
            f.write("{\n")
            f.write(f'  "description": {json.dumps(self.description, ensure_ascii=False)},\n')
            f.write(f'  "calendar": {json.dumps(self.calendar, ensure_ascii=False)},\n')
            f.write('  "cases": [\n')
            f.write(",\n".join("    " + json.dumps(c, ensure_ascii=False) for c in self.cases))
            f.write("\n  ]\n}\n")
        print(f"{self.name}: {len(self.cases)} cases")
        return len(self.cases)


def blocks(year):
    """The year's runs of consecutive holiday dates that are at least three days long."""
    dates = sorted(d for d, k in CN["kinds"].items() if k == "H" and d.year == year)
    runs, run = [], []
    for d in dates:
        if run and d - run[-1] != dt.timedelta(days=1):
            runs.append(run)
            run = []
        run.append(d)
    runs.append(run)
    return [r for r in runs if len(r) >= 3]


def adjacent_working(cal, date, step):
    date += dt.timedelta(days=step)
    while not cal.is_working_day(date):
        date += dt.timedelta(days=step)
    return date


def shanghai_office():
    f = File("shanghai-office.json",
             "The Shanghai office calendar of docs/calendars.md (Monday-Friday 09:00-12:00 and 13:00-18:00, mainland "
             "China holidays and adjusted working days): every holiday block of three days or more from 2004 to 2026, "
             "lunch breaks, exact boundaries, negative amounts, year ends and years the holiday data does not know.",
             SHANGHAI_OFFICE)
    cal = f.oracle
    # Every multi-day holiday block of every known year.
    for year in range(2004, 2027):
        for block in blocks(year):
            first, last = block[0], block[-1]
            label = f"{CN['names'].get(first, 'Holiday')} {year} ({first.isoformat()} to {last.isoformat()})"
            before = adjacent_working(cal, first, -1)
            after = adjacent_working(cal, last, +1)
            f.time("D1.3", f"{label}: 16:00 on the last working day before + 4 working hours", at(before, 16), "PT4H")
            f.days("D1.5", f"{label}: 2 working days from the last working day before", at(before, 10), 2)
            f.between("D1.3", f"{label}: working time from the day before to the day after", at(before, 10), at(after, 10))
            f.time("D1.3", f"{label}: 10:00 on the first working day after - 4 working hours", at(after, 10), "-PT4H")
            f.add("D1.5", f"{label}: its first day is not a working day", "isWorkingDay", date=first.isoformat())
            worked = sorted(d for d, k in CN["kinds"].items() if k == "W" and abs((d - first).days) <= 10 and d.weekday() >= 5)
            for w in worked[:1]:
                f.add("D1.5", f"{label}: adjusted working {w.strftime('%A')} {w.isoformat()} is a working day",
                      "isWorkingDay", date=w.isoformat())
                f.days("D1.5", f"{label}: 1 working day from the day before the adjusted working day {w.isoformat()}",
                       at(w - dt.timedelta(days=1), 15), 1)

    mon = D(2024, 3, 4)
    fri = D(2024, 3, 1)
    f.time("D1.3", "lunch is skipped: 11:00 + 2h", at(mon, 11), "PT2H")
    f.time("D1.3", "a deadline on a closing time stays there: 11:00 + 1h is 12:00, not 13:00", at(mon, 11), "PT1H")
    f.time("D1.3", "a deadline on the evening close stays there: 17:00 + 1h is 18:00", at(mon, 17), "PT1H")
    f.time("D1.3", "a start during lunch counts from 13:00", at(mon, 12, 30), "PT30M")
    f.time("D1.3", "a start exactly at 12:00 counts from 13:00", at(mon, 12), "PT1H")
    f.time("D1.3", "a start at 18:00 counts from 09:00 the next morning", at(mon, 18), "PT1H")
    f.time("D1.3", "a start before opening counts from 09:00", at(mon, 7, 15), "PT3H")
    f.time("D1.3", "Friday 17:30 + 1h goes over the weekend", at(fri, 17, 30), "PT1H")
    f.time("D1.3", "one second before lunch + 1 second is 12:00", at(mon, 11, 59, 59), "PT1S")
    f.time("D1.3", "one second before lunch + 2 seconds is 13:00:01", at(mon, 11, 59, 59), "PT2S")
    f.time("D1.3", "exactly one working day: 09:00 + 8h is 18:00", at(mon, 9), "PT8H")
    f.time("D1.3", "8h from 09:00:01 ends 09:00:01 the next day", at(mon, 9, 0, 1), "PT8H")
    f.time("D1.3", "zero amount returns the start, even at night", at(mon, 20), "PT0S")
    f.time("D1.3", "going back: 10:00 - 1h is 09:00, the opening, not the previous evening", at(mon, 10), "-PT1H")
    f.time("D1.3", "going back: 14:00 - 1h is 13:00", at(mon, 14), "-PT1H")
    f.time("D1.3", "going back across lunch: 13:30 - 1h is 11:30", at(mon, 13, 30), "-PT1H")
    f.time("D1.3", "going back from 13:00 counts from 12:00", at(mon, 13), "-PT1H")
    f.time("D1.3", "going back from lunch counts from 12:00", at(mon, 12, 30), "-PT30M")
    f.time("D1.3", "going back from 09:00 Monday reaches Friday", at(mon, 9), "-PT1H")
    f.time("D1.3", "going back from Sunday evening counts from Friday 18:00", at(D(2024, 3, 3), 20), "-PT2H")
    f.time("D1.3", "half an hour of seconds", at(mon, 11, 45), "PT1800S")
    f.time("D1.3", "fractions of a second are kept", "2024-03-04T11:59:59.75+08:00", "PT0.5S")
    f.time("D1.3", "a start given in UTC is the same instant", "2024-03-04T01:00:00Z", "PT4H")
    f.time("D1.3", "a start given at another offset is the same instant", "2024-03-04T05:00:00+04:00", "PT4H")
    f.time("D1.3", "a working year: 2000 working hours from 2024-01-02", at(D(2024, 1, 2), 9), "PT2000H")
    f.time("D1.3", "many years back: -10000 working hours from 2024-06-03", at(D(2024, 6, 3), 9), "-PT10000H")
    f.time("D1.3", "a week of working time over National Day 2025 and Mid-autumn", at(D(2025, 9, 30), 11), "PT40H")

    f.between("D1.3", "a morning: 09:00 to 12:00", at(mon, 9), at(mon, 12))
    f.between("D1.3", "lunch counts nothing: 12:00 to 13:00", at(mon, 12), at(mon, 13))
    f.between("D1.3", "11:30 to 13:30 is one hour", at(mon, 11, 30), at(mon, 13, 30))
    f.between("D1.3", "negative when end is before start", at(mon, 13, 30), at(mon, 11, 30))
    f.between("D1.3", "the same instant is zero", at(mon, 10), at(mon, 10))
    f.between("D1.3", "a weekend is zero", at(D(2024, 3, 2), 9), at(D(2024, 3, 3), 18))
    f.between("D1.3", "Friday 17:00 to Monday 10:00 is two hours", at(fri, 17), at(mon, 10))
    f.between("D1.3", "the whole of 2024", at(D(2024, 1, 1), 0), at(D(2025, 1, 1), 0))
    f.between("D1.3", "the whole of 2025", at(D(2025, 1, 1), 0), at(D(2026, 1, 1), 0))
    f.between("D1.3", "the whole of 2026", at(D(2026, 1, 1), 0), at(D(2027, 1, 1), 0))
    f.between("D1.3", "2004 to 2026, backwards", at(D(2026, 12, 31), 23), at(D(2004, 1, 1), 0))

    f.days("D1.5", "the time of day does not matter: 08:00 on 30 September 2024 + 2", at(D(2024, 9, 30), 8), 2)
    f.days("D1.5", "a start after close + 1 still counts from the next date", at(D(2024, 3, 4), 20), 1)
    f.days("D1.5", "Friday 2024-10-11 + 1 is the adjusted working Saturday", at(D(2024, 10, 11), 10), 1)
    f.days("D1.8", "by the end of the second working day, from a Friday", at(fri, 15), 2)
    f.days("D1.5", "zero on a working day is its own close of business", at(mon, 10), 0)
    f.days("D1.5", "zero on a Saturday is Monday's close of business", at(D(2024, 3, 2), 10), 0)
    f.days("D1.5", "zero on National Day 2024 is 8 October's close", at(D(2024, 10, 1), 10), 0)
    f.days("D1.5", "minus one from Monday is Friday's close of business", at(mon, 10), -1)
    f.days("D1.5", "minus two from 8 October 2024 skip National Day back to 29 September (adjusted working Sunday)",
           at(D(2024, 10, 8), 10), -2)
    f.days("D1.5", "250 working days from 2024-01-02", at(D(2024, 1, 2), 10), 250)
    f.days("D1.5", "-250 working days from 2025-12-31", at(D(2025, 12, 31), 10), -250)
    f.days("D1.5", "date form: 30 September 2024 + 2", D(2024, 9, 30).isoformat(), 2)
    f.days("D1.5", "date form: zero returns the date, even a holiday", D(2024, 10, 1).isoformat(), 0)
    f.days("D1.5", "date form: the Saturday before the adjusted working Sunday of Spring Festival 2024 + 1",
           D(2024, 2, 3).isoformat(), 1)
    f.days("D1.5", "date form: 19 February 2024 - 1 is the adjusted working Sunday 18 February",
           D(2024, 2, 19).isoformat(), -1)
    f.days("D1.5", "date form: 2026-01-05 - 3", D(2026, 1, 5).isoformat(), -3)

    for hh, mm, ss in ((9, 0, 0), (8, 59, 59), (11, 59, 59), (12, 0, 0), (13, 0, 0), (17, 59, 59), (18, 0, 0)):
        f.add("D1.3", f"is {hh:02d}:{mm:02d}:{ss:02d} on a Monday working time", "isWorkingTime", instant=at(mon, hh, mm, ss))
    f.add("D1.5", "is 10:00 on Sunday 2024-02-04 (adjusted working day) working time", "isWorkingTime",
          instant=at(D(2024, 2, 4), 10))
    f.add("D1.5", "is 10:00 on National Day working time", "isWorkingTime", instant=at(D(2024, 10, 1), 10))
    for start, name in ((at(mon, 10), "working time rolls to itself"), (at(mon, 12), "lunch rolls to 13:00"),
                        (at(mon, 18), "18:00 rolls to the next morning"), (at(fri, 18), "Friday evening rolls to Monday"),
                        (at(D(2024, 9, 30), 18, 30), "the eve of National Day 2024 rolls past the holiday"),
                        (at(D(2024, 2, 9), 12, 0, 1), "Friday of Spring Festival 2024, lunch")):
        f.add("D1.5", name, "nextWorkingInstant", start=start)
    for date in (D(2024, 2, 10), D(2024, 9, 29), D(2024, 10, 12), D(2025, 1, 26), D(2025, 2, 8), D(2025, 9, 28),
                 D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10),
                 D(2015, 9, 3), D(2008, 5, 4), D(2020, 1, 31), D(2020, 2, 2), D(2020, 2, 3)):
        f.add("D1.5", f"is {date.strftime('%A')} {date.isoformat()} a working day", "isWorkingDay", date=date.isoformat())

    # Year ends and years the data does not know (design rule 9).
    f.time("D1.3", "New Year 2025: 2024-12-31 17:00 + 2h", at(D(2024, 12, 31), 17), "PT2H")
    f.time("D1.3", "New Year 2026: 2026-01-04 (adjusted working Sunday) 10:00 - 3h", at(D(2026, 1, 4), 10), "-PT3H")
    f.time("D1.3", "the last known hours: 2026-12-31 10:00 + 2h", at(D(2026, 12, 31), 10), "PT2H")
    f.time("D1.3", "landing on 2026's last close stays in 2026", at(D(2026, 12, 31), 17), "PT1H")
    f.time("D1.3", "past the last known year: 2026-12-31 17:00 + 2h needs 2027", at(D(2026, 12, 31), 17), "PT2H")
    f.time("D1.3", "before the first known year: 2004-01-02 10:00 - 8h needs 2003", at(D(2004, 1, 2), 10), "-PT8H")
    f.days("D1.5", "2026-12-30 + 2 working days needs 2027", at(D(2026, 12, 30), 10), 2)
    f.days("D1.5", "2026-12-30 + 1 working day stays in 2026", at(D(2026, 12, 30), 10), 1)
    f.days("D1.5", "date form: 2004-01-05 - 5 needs 2003", D(2004, 1, 5).isoformat(), -5)
    f.days("D1.5", "the uncounted start date's year is not needed: 2003-12-31 + 1", at(D(2003, 12, 31), 10), 1)
    f.days("D1.5", "date form: 2003-12-31 + 1 does not read 2003", D(2003, 12, 31).isoformat(), 1)
    f.days("D1.5", "counting back from 2027-01-01 00:00 does not read 2027", at(D(2027, 1, 1), 0), -1)
    f.days("D1.5", "counting back from 2027-01-02 reads 2027-01-01", at(D(2027, 1, 2), 0), -1)
    f.days("D1.5", "zero working days reads the start's own date, here in 2027", at(D(2027, 1, 1), 10), 0)
    f.days("D1.5", "date form: zero returns the date without reading it", "2027-06-01", 0)
    f.time("D1.3", "zero working time returns the start without reading its year", at(D(2027, 6, 1), 10), "PT0S")
    f.time("D1.3", "going back from 2027-01-01 00:00 reads only 2026", at(D(2027, 1, 1), 0), "-PT1H")
    f.between("D1.3", "a range ending at 2027-01-01 00:00 reads only 2026", at(D(2026, 12, 31), 10), at(D(2027, 1, 1), 0))
    f.between("D1.3", "the same range reversed", at(D(2027, 1, 1), 0), at(D(2026, 12, 31), 10))
    f.add("D1.5", "rolling forward from 2003-12-31 evening reads 2003", "nextWorkingInstant", start=at(D(2003, 12, 31), 20))
    f.between("D1.3", "2026-12-31 to 2027-01-05 needs 2027", at(D(2026, 12, 31), 10), at(D(2027, 1, 5), 10))
    f.add("D1.5", "is 2027-01-04 a working day: not yet published", "isWorkingDay", date="2027-01-04")
    f.add("D1.5", "is 2003-12-31 a working day: before the data", "isWorkingDay", date="2003-12-31")
    f.add("D1.5", "working time in 2027 is not known", "isWorkingTime", instant=at(D(2027, 3, 1), 10))
    f.add("D1.5", "rolling forward into 2027 is not known", "nextWorkingInstant", start=at(D(2026, 12, 31), 18))

    # Seeded random cases over every known year.
    rng = random.Random(20041)
    lo, hi = D(2004, 1, 8).toordinal(), D(2026, 12, 20).toordinal()
    for i in range(80):
        date = D.fromordinal(rng.randint(lo, hi))
        start = at(date, rng.randint(0, 23), rng.choice((0, 0, 15, 30, 59)), rng.choice((0, 0, 0, 1, 30)))
        kind = i % 4
        if kind == 0:
            f.time("D1.3", f"random #{i}: working time forward", start, dur(rng.randint(1, 60 * 60)))
        elif kind == 1:
            f.time("D1.3", f"random #{i}: working time backward", start, dur(-rng.randint(1, 60 * 60)))
        elif kind == 2:
            f.days("D1.5", f"random #{i}: working days", start, rng.choice((1, 2, 3, 5, 10, -1, -2, -5)))
        else:
            end = date + dt.timedelta(days=rng.randint(-15, 40))
            end = D.fromordinal(max(lo, min(hi, end.toordinal())))
            f.between("D1.3", f"random #{i}: working time between", start, at(end, rng.randint(0, 23), rng.choice((0, 30, 45))))
    return f


def ordinary_years():
    cal = dict(SHANGHAI_OFFICE)
    cal["unknownYears"] = "ordinary"
    cal["closures"] = ["2027-01-04"]
    f = File("shanghai-unknown-years-ordinary.json",
             "The Shanghai office calendar opted into treating years the holiday data does not know (before 2004, "
             "after 2026) as ordinary weeks (design rule 9); the calendar's own closures still apply.", cal)
    f.time("D1.3", "2026-12-31 17:00 + 2h: Friday 1 January 2027 is an ordinary working day", at(D(2026, 12, 31), 17), "PT2H")
    f.time("D1.3", "2026-12-31 17:00 + 10h reaches the own closure on Monday 4 January 2027", at(D(2026, 12, 31), 17), "PT10H")
    f.days("D1.5", "2026-12-30 + 3 working days", at(D(2026, 12, 30), 10), 3)
    f.days("D1.5", "2004-01-05 - 3 working days reaches 2003", at(D(2004, 1, 5), 10), -3)
    f.between("D1.3", "the whole of 2027 as ordinary weeks", at(D(2027, 1, 1), 0), at(D(2028, 1, 1), 0))
    f.between("D1.3", "the whole of 2003 as ordinary weeks", at(D(2003, 1, 1), 0), at(D(2004, 1, 1), 0))
    f.add("D1.5", "2027-10-01 is an ordinary Friday", "isWorkingDay", date="2027-10-01")
    f.add("D1.5", "the own closure 2027-01-04", "isWorkingDay", date="2027-01-04")
    f.add("D1.5", "2024-10-01 is still a holiday", "isWorkingDay", date="2024-10-01")
    f.add("D1.3", "2003-10-01 10:00 counts as working time", "isWorkingTime", instant=at(D(2003, 10, 1), 10))
    f.add("D1.3", "2026-12-31 18:00 rolls to 2027-01-01 09:00", "nextWorkingInstant", start=at(D(2026, 12, 31), 18))
    f.time("D1.3", "far future: 2030-06-03 + 100h", at(D(2030, 6, 3), 9), "PT100H")
    f.time("D1.3", "far past: 1990-06-04 - 100h", at(D(1990, 6, 4), 9), "-PT100H")
    f.days("D1.5", "date form across the data's end", D(2026, 12, 25).isoformat(), 10)
    return f


def always_open():
    f = File("shanghai-always-open.json",
             "A 7x24 calendar in Shanghai (D1.1): every hour of every day, holidays included. Working time is elapsed "
             "time (D1.4, D1.2) and working days are calendar days ending at 24:00 (D1.6, D1.7).",
             {"zone": "Asia/Shanghai", "weekly": "24x7"})
    f.time("D1.4", "respond within 30 minutes", at(D(2024, 9, 30), 16, 30), "PT30M")
    f.time("D1.4", "reply within 2 hours, at night", at(D(2024, 10, 1), 23, 15), "PT2H")
    f.time("D1.2", "7x24x4: on site within 4 hours on National Day", at(D(2024, 10, 1), 22), "PT4H")
    f.time("D1.1", "24 hours over Spring Festival eve", at(D(2024, 2, 9), 18), "PT24H")
    f.time("D1.4", "backwards: 30 minutes before midnight", at(D(2025, 1, 1), 0), "-PT30M")
    f.time("D1.1", "a year of hours", at(D(2024, 1, 1), 0), "PT8784H")
    f.time("D1.1", "zero", at(D(2024, 1, 1), 3), "PT0S")
    f.days("D1.6", "within 3 calendar days: 24:00 of the third day", at(D(2024, 9, 30), 16, 30), 3)
    f.days("D1.7", "7 natural days for a return", at(D(2024, 12, 28), 9), 7)
    f.days("D1.6", "minus 1 calendar day", at(D(2024, 3, 1), 10), -1)
    f.days("D1.6", "zero: 24:00 of the start's own date", at(D(2024, 3, 1), 10), 0)
    f.days("D1.6", "date form: 2024-02-28 + 2 crosses the leap day", D(2024, 2, 28).isoformat(), 2)
    f.between("D1.1", "elapsed time across National Day", at(D(2024, 9, 30), 10), at(D(2024, 10, 8), 10))
    f.between("D1.1", "negative elapsed time", at(D(2024, 10, 8), 10), at(D(2024, 9, 30), 10))
    f.add("D1.1", "National Day is a working day on 7x24", "isWorkingDay", date="2024-10-01")
    f.add("D1.1", "3am on New Year's Day is working time", "isWorkingTime", instant=at(D(2025, 1, 1), 3))
    f.add("D1.1", "any instant rolls to itself", "nextWorkingInstant", start=at(D(2025, 1, 1), 3, 7, 9))
    f.time("D1.1", "no holiday data, no unknown years: 2050", at(D(2050, 1, 1), 0), "PT25H")
    f.add(None, "the end of the supported range is an argument error", "addWorkingTime",
          start="9998-12-31T23:00:00Z", amount="PT2H")
    return f


def five_by_eight():
    f = File("shanghai-five-by-eight.json",
             "The ready-made 5x8 week (D1.3): Monday-Friday 09:00-12:00 and 13:00-18:00, closed on mainland China "
             "holidays.", {"zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"]})
    f.time("D1.3", "8 working hours from Friday 14:00", at(D(2024, 3, 1), 14), "PT8H")
    f.time("D1.3", "8 working hours from the eve of Labour Day 2025", at(D(2025, 4, 30), 14), "PT8H")
    f.days("D1.5", "2 working days from the eve of Labour Day 2025", at(D(2025, 4, 30), 14), 2)
    f.days("D1.8", "by the second working day after Dragon Boat 2025", at(D(2025, 5, 30), 14), 2)
    f.between("D1.3", "a working week", at(D(2025, 3, 3), 0), at(D(2025, 3, 10), 0))
    f.add("D1.3", "Saturday is not a working day", "isWorkingDay", date="2025-03-08")
    f.add("D1.5", "adjusted working Sunday 2025-04-27 is a working day", "isWorkingDay", date="2025-04-27")
    return f


def new_york():
    f = File("new-york-dst.json",
             "America/New_York with night hours on Sundays (00:30-04:00) and office hours on weekdays, across both "
             "2024 transitions: 10 March (02:00 does not exist) and 3 November (01:00-02:00 happens twice). Local times "
             "map with the lenient resolver (design rule 10).",
             {"zone": "America/New_York",
              "weekly": {"Monday-Friday": ["09:00-17:00"], "Sunday": ["00:30-04:00"], "Saturday": ["22:00-24:00"]}})
    spring, fall = D(2024, 3, 10), D(2024, 11, 3)
    for day, label in ((spring, "spring forward"), (fall, "fall back")):
        sat = day - dt.timedelta(days=1)
        f.between(None, f"{label}: Sunday's night hours", at(day, 0, offset="-05:00" if day == spring else "-04:00"),
                  at(day, 12, offset="-04:00" if day == spring else "-05:00"))
        f.between(None, f"{label}: Saturday 22:00 to Sunday noon", at(sat, 22, offset="-05:00" if day == spring else "-04:00"),
                  at(day, 12, offset="-04:00" if day == spring else "-05:00"))
        f.time(None, f"{label}: Saturday 23:00 + 3h", at(sat, 23, offset="-05:00" if day == spring else "-04:00"), "PT3H")
        f.time(None, f"{label}: Saturday 23:30 + 4h", at(sat, 23, 30, offset="-05:00" if day == spring else "-04:00"), "PT4H")
        f.time(None, f"{label}: Monday 10:00 - 8h reaches back into Sunday night",
               at(day + dt.timedelta(days=1), 10, offset="-04:00" if day == spring else "-05:00"), "-PT8H")
        f.days(None, f"{label}: Friday + 2 working days", at(day - dt.timedelta(days=2), 10,
                                                             offset="-05:00" if day == spring else "-04:00"), 2)
    f.add(None, "spring forward: 03:30 EDT is working time", "isWorkingTime", instant="2024-03-10T03:30:00-04:00")
    f.add(None, "fall back: the second 01:30 (EST) is working time", "isWorkingTime", instant="2024-11-03T01:30:00-05:00")
    f.add(None, "spring forward: 04:00 EDT is not working time", "isWorkingTime", instant="2024-03-10T04:00:00-04:00")
    f.add(None, "spring forward: 00:10 rolls to 00:30", "nextWorkingInstant", start="2024-03-10T00:10:00-05:00")
    f.time(None, "summer: Friday 16:00 + 2h reaches Saturday night", "2024-07-12T16:00:00-04:00", "PT2H")
    f.between(None, "a whole year with both transitions", "2024-01-01T00:00:00-05:00", "2025-01-01T00:00:00-05:00")
    return f


def new_york_24x7():
    f = File("new-york-24x7-dst.json",
             "A 7x24 calendar in America/New_York: a day lasts 23 hours on 2024-03-10 and 25 on 2024-11-03; calendar "
             "days end at local midnight.", {"zone": "America/New_York", "weekly": "24x7"})
    f.between("D1.1", "2024-03-10 lasts 23 hours", "2024-03-10T00:00:00-05:00", "2024-03-11T00:00:00-04:00")
    f.between("D1.1", "2024-11-03 lasts 25 hours", "2024-11-03T00:00:00-04:00", "2024-11-04T00:00:00-05:00")
    f.time("D1.4", "01:30 EST + 2h across the spring gap", "2024-03-10T01:30:00-05:00", "PT2H")
    f.time("D1.4", "00:30 EDT + 2h across the fall overlap", "2024-11-03T00:30:00-04:00", "PT2H")
    f.days("D1.6", "1 calendar day from Saturday 2024-03-09 ends at local midnight", "2024-03-09T12:00:00-05:00", 1)
    f.days("D1.6", "1 calendar day from Saturday 2024-11-02 ends at local midnight", "2024-11-02T12:00:00-04:00", 1)
    f.days("D1.6", "3 calendar days back from 2024-11-05", "2024-11-05T12:00:00-05:00", -3)
    return f


def berlin():
    f = File("berlin-shifts-dst.json",
             "Europe/Berlin with a night shift split at midnight (Monday-Sunday 00:00-06:00 and 22:00-24:00) across the "
             "2024 transitions (31 March 02:00 -> 03:00, 27 October 03:00 -> 02:00).",
             {"zone": "Europe/Berlin", "weekly": {"Monday-Sunday": ["00:00-06:00", "22:00-24:00"]}})
    f.between(None, "the night of 30-31 March 2024", "2024-03-30T22:00:00+01:00", "2024-03-31T06:00:00+02:00")
    f.between(None, "the night of 26-27 October 2024", "2024-10-26T22:00:00+02:00", "2024-10-27T06:00:00+01:00")
    f.time(None, "a shift's 8 hours from 22:00 on 30 March", "2024-03-30T22:00:00+01:00", "PT8H")
    f.time(None, "a shift's 8 hours from 22:00 on 26 October", "2024-10-26T22:00:00+02:00", "PT8H")
    f.time(None, "backwards from 06:00 on 27 October, 7 hours", "2024-10-27T06:00:00+01:00", "-PT7H")
    f.time(None, "an ordinary night: 23:00 + 3h", "2024-06-01T23:00:00+02:00", "PT3H")
    f.time(None, "06:00 + 1h waits for 22:00", "2024-06-01T06:00:00+02:00", "PT1H")
    f.days(None, "close of business is 24:00: 1 working day", "2024-06-01T12:00:00+02:00", 1)
    f.days(None, "close of business before the spring change", "2024-03-29T12:00:00+01:00", 2)
    f.add(None, "02:30 on 27 October (first pass) is working time", "isWorkingTime", instant="2024-10-27T02:30:00+02:00")
    f.add(None, "12:00 rolls to 22:00", "nextWorkingInstant", start="2024-03-31T12:00:00+02:00")
    return f


def lord_howe():
    f = File("lord-howe-dst.json",
             "Australia/Lord_Howe, whose clocks move by 30 minutes: back from 02:00 to 01:30 on 2024-04-07, forward "
             "from 02:00 to 02:30 on 2024-10-06. Every day 01:00-03:00 and 09:00-17:00.",
             {"zone": "Australia/Lord_Howe", "weekly": {"Mon-Sun": ["01:00-03:00", "09:00-17:00"]}})
    f.between(None, "early hours on 2024-04-07 last 2.5 hours", "2024-04-07T00:00:00+11:00", "2024-04-07T06:00:00+10:30")
    f.between(None, "early hours on 2024-10-06 last 1.5 hours", "2024-10-06T00:00:00+10:30", "2024-10-06T06:00:00+11:00")
    f.time(None, "01:00 + 2h on 2024-04-07", "2024-04-07T01:00:00+11:00", "PT2H")
    f.time(None, "01:00 + 2h on 2024-10-06", "2024-10-06T01:00:00+10:30", "PT2H")
    f.between(None, "the whole of 2024", "2024-01-01T00:00:00+11:00", "2025-01-01T00:00:00+11:00")
    f.days(None, "2 working days from 2024-04-05", "2024-04-05T10:00:00+11:00", 2)
    return f


def overrides():
    cal = {"zone": "Asia/Shanghai",
           "weekly": {"Monday-Friday": ["09:00-12:00", "13:00-18:00"], "Saturday": ["09:00-12:00"]},
           "holidaySets": ["cn-mainland"],
           "adjustedWorkingDayHours": ["10:00-16:00"],
           "closures": ["2024-03-08", "2024-12-31"],
           "workingDays": ["2024-03-10", "2024-10-05"],
           "specialHours": {"2024-03-11": ["09:00-12:00"], "2024-02-09": ["09:00-11:00"], "2024-03-12": []}}
    f = File("shanghai-customer-overrides.json",
             "A customer's calendar layered on the shared mainland China holidays: Saturday mornings, adjusted working "
             "days and the customer's own working days at 10:00-16:00, two own closures, an own working day on a "
             "holiday, half days and a closed date (specialHours).", cal)
    f.add("D1.5", "own closure Friday 2024-03-08", "isWorkingDay", date="2024-03-08")
    f.add("D1.5", "own working Sunday 2024-03-10", "isWorkingDay", date="2024-03-10")
    f.add("D1.5", "own working day on National Day 2024-10-05", "isWorkingDay", date="2024-10-05")
    f.add("D1.5", "special hours close 2024-03-12", "isWorkingDay", date="2024-03-12")
    f.add("D1.5", "Saturday 2024-03-02 has morning hours", "isWorkingDay", date="2024-03-02")
    f.add("D1.5", "holiday Saturday 2024-10-05 was opened by the customer, holiday Sunday 2024-10-06 was not",
          "isWorkingDay", date="2024-10-06")
    f.time("D1.3", "Thursday 17:00 + 2h skips the closure, uses Saturday morning", at(D(2024, 3, 7), 17), "PT2H")
    f.time("D1.3", "Saturday 11:00 + 2h reaches the own working Sunday at 10:00-16:00", at(D(2024, 3, 9), 11), "PT2H")
    f.time("D1.3", "Sunday 15:00 + 4h: a half day Monday 09:00-12:00", at(D(2024, 3, 10), 15), "PT4H")
    f.time("D1.3", "Monday 11:00 + 2h skips the closed Tuesday", at(D(2024, 3, 11), 11), "PT2H")
    f.time("D1.3", "Spring Festival 2024 half day on Friday 9 February: 10:00 + 2h", at(D(2024, 2, 9), 10), "PT2H")
    f.time("D1.3", "adjusted working Sunday 2024-02-04 has 10:00-16:00", at(D(2024, 2, 4), 9), "PT1H")
    f.time("D1.3", "adjusted working Sunday 2024-02-18 backwards from 11:00", at(D(2024, 2, 18), 11), "-PT2H")
    f.days("D1.5", "Thursday + 1 working day is Saturday's close 12:00", at(D(2024, 3, 7), 10), 1)
    f.days("D1.5", "Thursday + 2 working days is the own working Sunday's close 16:00", at(D(2024, 3, 7), 10), 2)
    f.days("D1.5", "30 September 2024 + 1 working day is the own working day 5 October", at(D(2024, 9, 30), 10), 1)
    f.days("D1.5", "2024-12-30 + 1 skips the own closure and New Year", at(D(2024, 12, 30), 10), 1)
    f.between("D1.3", "the week of the overrides", at(D(2024, 3, 4), 0), at(D(2024, 3, 18), 0))
    f.between("D1.3", "Spring Festival 2024 with the half day", at(D(2024, 2, 1), 0), at(D(2024, 2, 20), 0))
    f.add("D1.3", "Saturday 12:00 rolls to the own working Sunday 10:00", "nextWorkingInstant", start=at(D(2024, 3, 9), 12))
    f.add("D1.3", "11:00 on the half day 2024-02-09 is not working time", "isWorkingTime", instant=at(D(2024, 2, 9), 11))
    return f


def midnight():
    f = File("shanghai-night-shifts.json",
             "Hours ending at 24:00 (Monday-Friday 00:00-06:00 and 18:00-24:00) with mainland China holidays: working "
             "time runs through midnight, and close of business is 24:00, the start of the next date.",
             {"zone": "Asia/Shanghai", "weekly": {"Monday-Friday": ["00:00-06:00", "18:00-24:00"]},
              "holidaySets": ["cn-mainland"]})
    mon = D(2024, 3, 4)
    f.time(None, "Monday 23:00 + 2h runs through midnight", at(mon, 23), "PT2H")
    f.time(None, "Monday 23:00 + 1h ends at 24:00, which is Tuesday 00:00", at(mon, 23), "PT1H")
    f.time(None, "Tuesday 01:00 - 2h runs back through midnight", at(D(2024, 3, 5), 1), "-PT2H")
    f.time(None, "Friday 23:00 + 2h skips the weekend", at(D(2024, 3, 1), 23), "PT2H")
    f.time(None, "Monday 00:00 - 1h: the weekend has no hours", at(mon, 0), "-PT1H")
    f.days(None, "1 working day from Monday ends at 24:00 Tuesday", at(mon, 10), 1)
    f.days(None, "2 working days from Thursday before National Day 2024", at(D(2024, 9, 26), 10), 2)
    f.between(None, "a night across midnight", at(mon, 18), at(D(2024, 3, 5), 6))
    f.between(None, "a week", at(mon, 0), at(D(2024, 3, 11), 0))
    f.add(None, "Monday 23:59:59 is working time", "isWorkingTime", instant=at(mon, 23, 59, 59))
    f.add(None, "Saturday 00:00 is not working time", "isWorkingTime", instant=at(D(2024, 3, 2), 0))
    f.add(None, "Monday 06:00 rolls to 18:00", "nextWorkingInstant", start=at(mon, 6))
    return f


def added_year():
    cal = {"zone": "Asia/Shanghai", "weekly": {"Monday-Friday": ["09:00-12:00", "13:00-18:00"]},
           "holidaySets": [{"id": "cn-mainland", "years": {"2027": {
               # A made-up 2027 for the test (the real notice was not out when this was written): New Year,
               # a Spring Festival block with two adjusted working weekend days, National Day.
               "holidays": ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                            "2027-02-10", "2027-02-11", "2027-10-01", "2027-10-04", "2027-10-05", "2027-10-06",
                            "2027-10-07"],
               "adjustedWorkingDays": ["2027-01-31", "2027-02-20", "2027-10-09"]}}}]}
    f = File("shanghai-added-year.json",
             "A year added to the shipped holiday set inside the document (holidaySets entry with \"years\"), as a "
             "user does when the State Council publishes the next year's notice. The 2027 dates are invented for the "
             "test; 2028 stays unknown.", cal)
    f.time("D1.3", "2026-12-31 17:00 + 2h: 1 January 2027 is the added holiday", at(D(2026, 12, 31), 17), "PT2H")
    f.add("D1.5", "the added adjusted working Sunday 2027-01-31", "isWorkingDay", date="2027-01-31")
    f.days("D1.5", "2 working days from Thursday 2027-02-04 skip the added Spring Festival", at(D(2027, 2, 4), 10), 2)
    f.between("D1.3", "the whole of 2027 with the added year", at(D(2027, 1, 1), 0), at(D(2028, 1, 1), 0))
    f.days("D1.5", "2027-09-30 + 2 reaches the added adjusted working Saturday", at(D(2027, 9, 30), 10), 2)
    f.time("D1.3", "2027-12-31 17:00 + 2h needs 2028, still unknown", at(D(2027, 12, 31), 17), "PT2H")
    f.days("D1.5", "the shipped years are unchanged: 30 September 2024 + 2", at(D(2024, 9, 30), 10), 2)
    return f


def main():
    total = 0
    for make in (shanghai_office, ordinary_years, always_open, five_by_eight, new_york, new_york_24x7, berlin,
                 lord_howe, overrides, midnight, added_year):
        total += make().write()
    print(f"{total} cases")


if __name__ == "__main__":
    main()
