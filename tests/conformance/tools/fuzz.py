#!/usr/bin/env python3
"""Writes random conformance files (random zones, weekly hours, overrides and cases, expected values from
oracle.py) into a folder, for running the library against the oracle at scale:

  python3 tests/conformance/tools/fuzz.py /tmp/fuzz 40 [seed]
  SERVICECOMMITMENTS_CONFORMANCE_DIR=/tmp/fuzz dotnet test --filter "FullyQualifiedName~Conformance"
"""
import datetime as dt
import json
import os
import random
import sys

import oracle

# Not Africa/Casablanca: its rules changed between tzdb 2025b (this machine's zoneinfo, which the oracle reads) and
# 2026d (embedded in NodaTime 3.3.4): Morocco stays at +00 from 2026 in the latter. A zone whose rules differ between
# the two databases tests the data, not the library.
ZONES = ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "UTC", "America/Santiago",
         "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "Europe/London"]
DAYS = oracle.DAYS


def random_hours(rng):
    count = rng.choice((1, 1, 2, 2, 3, 4))
    points = sorted(rng.sample(range(0, 24 * 4 + 1), count * 2))
    out = []
    for i in range(count):
        a, b = points[2 * i], points[2 * i + 1]
        out.append(f"{a // 4:02d}:{a % 4 * 15:02d}-{b // 4:02d}:{b % 4 * 15:02d}")
    return out


def random_calendar(rng):
    weekly = {}
    for d in DAYS:
        if rng.random() < 0.65:
            weekly[d] = random_hours(rng)
    if not weekly:
        weekly["Wednesday"] = random_hours(rng)
    cal = {"zone": rng.choice(ZONES), "weekly": weekly}
    if rng.random() < 0.6:
        cal["holidaySets"] = ["cn-mainland"]
        if rng.random() < 0.5:
            cal["unknownYears"] = "ordinary"
    if rng.random() < 0.3:
        cal["adjustedWorkingDayHours"] = random_hours(rng)
    dates = rng.sample(range(dt.date(2023, 1, 1).toordinal(), dt.date(2025, 12, 31).toordinal()), 12)
    dates = [dt.date.fromordinal(x).isoformat() for x in dates]
    if rng.random() < 0.5:
        cal["closures"] = dates[0:3]
    if rng.random() < 0.5:
        cal["workingDays"] = dates[3:6]
    if rng.random() < 0.5:
        cal["specialHours"] = {d: (random_hours(rng) if rng.random() < 0.8 else []) for d in dates[6:9]}
    return cal


def instant(rng, cal):
    if rng.random() < 0.3:
        # near the ends of the holiday data, where unknown years begin
        edge = rng.choice((dt.datetime(2004, 1, 1, tzinfo=oracle.UTC), dt.datetime(2027, 1, 1, tzinfo=oracle.UTC)))
        lo, hi = edge - dt.timedelta(days=20), edge + dt.timedelta(days=20)
    else:
        lo, hi = dt.datetime(2022, 12, 1, tzinfo=oracle.UTC), dt.datetime(2026, 1, 31, tzinfo=oracle.UTC)
    if rng.random() < 0.4:
        # near a boundary of a working interval
        date = dt.date.fromordinal(rng.randint(lo.date().toordinal(), hi.date().toordinal()))
        try:
            spans = cal.intervals(date)
        except oracle.UnknownYear:
            spans = []
        if spans:
            s, e = rng.choice(spans)
            t = rng.choice((s, e)) + dt.timedelta(seconds=rng.choice((-1, 0, 0, 0, 1)))
            return t
    seconds = rng.randint(0, int((hi - lo).total_seconds()))
    return lo + dt.timedelta(seconds=seconds)


def text(t, zone):
    return t.astimezone(zone).isoformat()


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    total = 0
    for n in range(count):
        doc = random_calendar(rng)
        try:
            cal = oracle.Calendar(doc)
            cal.intervals(dt.date(2024, 1, 1))
        except Exception:
            continue
        if not any(cal.weekly[d] for d in DAYS):
            continue
        cases = []
        for i in range(40):
            op = rng.choice(("addWorkingTime", "addWorkingTime", "addWorkingDays", "addWorkingDaysDate",
                             "workingTimeBetween", "isWorkingTime", "nextWorkingInstant", "isWorkingDay"))
            s = instant(rng, cal)
            if op == "addWorkingTime":
                case = {"op": op, "start": text(s, cal.zone),
                        "amount": oracle.format_duration(dt.timedelta(minutes=rng.randint(-3000, 3000)))}
            elif op == "addWorkingDays":
                case = {"op": op, "start": text(s, cal.zone), "days": rng.randint(-12, 12)}
            elif op == "addWorkingDaysDate":
                case = {"op": "addWorkingDays", "start": s.date().isoformat(), "days": rng.randint(-12, 12)}
            elif op == "workingTimeBetween":
                case = {"op": op, "start": text(s, cal.zone), "end": text(instant(rng, cal), cal.zone)}
            elif op == "isWorkingTime":
                case = {"op": op, "instant": text(s, cal.zone)}
            elif op == "nextWorkingInstant":
                case = {"op": op, "start": text(s, cal.zone)}
            else:
                case = {"op": op, "date": s.date().isoformat()}
            value = oracle.run_case(cal, case)
            if isinstance(value, tuple):
                case["expectedError"] = value[1]
            else:
                case["expected"] = value
            cases.append(case)
        total += len(cases)
        with open(os.path.join(folder, f"fuzz-{seed}-{n}.json"), "w", encoding="utf-8") as f:
            json.dump({"calendar": doc, "cases": cases}, f, ensure_ascii=False, indent=1)
    print(f"{total} cases")


if __name__ == "__main__":
    main()
