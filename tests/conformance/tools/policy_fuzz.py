#!/usr/bin/env python3
"""Writes random policy conformance files (random calendars, levels, targets with every amount and option, random
tickets with events, pauses and level changes, random asOf values, some compliance reports) with the expected values
of policy_oracle.py, into a folder, for running the library against the oracle at scale:

  python3 tests/conformance/tools/policy_fuzz.py /tmp/policy-fuzz 40 [seed]
  SERVICECOMMITMENTS_CONFORMANCE_DIR=/tmp/policy-fuzz dotnet test --filter "FullyQualifiedName~Conformance"

About one file in ten holds a deliberately invalid policy (a cycle between milestones, two rows that match one
ticket equally, or a row counting from a milestone neither targeted nor declared); its cases expect `argument`.
Policies also declare event-only milestones that rows count from, use working days 0, periods of several units,
shares that need rounding to the tick, cut-offs on every kind of target and on milestone starts, and targets written
as phrases ("within") in Chinese and English; tickets list events and level changes out of order and are sometimes
stamped to the microsecond; compliance reports include tickets reported after asOf. The few points
docs/policies.md still leaves open (policy_oracle.Unspecified: a target both waiting and notApplicable, two level
changes at one instant) are left out of that case's `expected`.
"""
import json
import os
import random
import sys

import oracle
import policy_oracle as po
from generate_policy import random_ticket

ZONES = ["Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Europe/Berlin", "UTC", "America/New_York"]
BUILT_IN = ["answered", "accepted", "firstResponse", "remoteSupport", "onSite", "repairPlan", "restored", "recovered",
            "resolved", "faultReport", "incidentReport", "replacement"]
REGIONS = ["Beijing", "Shanghai", "Hebei", "Tianjin", "Guangdong", "Sichuan"]
# Dates in years the cn-mainland data knows, well away from its end, around holidays and in ordinary weeks.
WINDOWS = [("2023-01-15", "2023-02-05"), ("2023-09-25", "2023-10-12"), ("2024-02-01", "2024-02-20"),
           ("2024-04-01", "2024-04-10"), ("2024-04-26", "2024-05-12"), ("2024-09-12", "2024-10-14"),
           ("2025-01-20", "2025-02-10"), ("2025-05-28", "2025-06-05"), ("2025-09-26", "2025-10-12"),
           ("2024-06-03", "2024-06-28"), ("2025-03-03", "2025-03-28")]


def random_weekly(rng):
    if rng.random() < 0.5:
        return "5x8"
    days = rng.choice(["Monday-Friday", "Monday-Saturday", "Monday-Sunday"])
    hours = rng.choice([["08:30-12:00", "13:30-17:30"], ["09:00-18:00"], ["08:00-12:00", "14:00-20:00"],
                        ["00:00-06:00", "18:00-24:00"], ["09:00-12:00", "13:00-16:00", "17:00-21:00"]])
    return {days: hours}


def random_calendars(rng):
    cals = {"always": {"zone": rng.choice(ZONES), "weekly": "24x7"}}
    office = {"zone": rng.choice(["Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Europe/Berlin"]),
              "weekly": random_weekly(rng)}
    if office["zone"] == "Asia/Shanghai" or rng.random() < 0.3:
        office["holidaySets"] = ["cn-mainland"]
    if rng.random() < 0.3:
        office["closures"] = ["2024-06-05", "2025-03-12"]
    cals["office"] = office
    if rng.random() < 0.4:
        cals["night"] = {"zone": "Asia/Shanghai", "weekly": {"Monday-Sunday": ["00:00-06:00", "20:00-24:00"]},
                         "holidaySets": ["cn-mainland"]}
    return cals


def random_levels(rng):
    if rng.random() < 0.5:
        return None, 4
    n = rng.randint(2, 5)
    levels = []
    for i in range(1, n + 1):
        lv = {"level": i}
        if rng.random() < 0.7:
            lv["names"] = [f"L{i}", f"P{i}"] if rng.random() < 0.5 else [f"{'一二三四五'[i - 1]}级"]
        levels.append(lv)
    return levels, n


def random_amount(rng, calendars):
    kind = rng.choice(["elapsed", "elapsed", "workingTime", "workingTime", "workingDays", "calendarDays", "period"])
    t = {}
    if kind == "elapsed":
        t["elapsed"] = oracle.format_duration(po.dt.timedelta(minutes=rng.choice([5, 10, 15, 30, 60, 90, 120, 240, 480,
                                                                                    720, 1440, 1680, 2160, 2880])))
    elif kind == "workingTime":
        t["workingTime"] = oracle.format_duration(po.dt.timedelta(minutes=rng.choice([30, 60, 120, 240, 360, 480, 600,
                                                                                        960, 1440])))
    elif kind == "workingDays":
        t["workingDays"] = rng.choice([0, 1, 1, 2, 2, 3, 5, 10])
    elif kind == "calendarDays":
        t["calendarDays"] = rng.choice([1, 2, 3, 7, 10])
    else:
        t["period"] = rng.choice(["P15D", "P15D", "P7D", "P1M", "P3M", "P2W", "P1Y", "P1Y1M", "P1M15D", "P2M10D"])
    if kind != "elapsed" and rng.random() < 0.6:
        t["calendar"] = rng.choice(sorted(c for c in calendars if c != "always") + ["always"])
    if kind in ("calendarDays", "period") and rng.random() < 0.5:
        t["holidayRule"] = rng.choice(["nextWorkingDay", "nextWorkingDay", "none"])
    if rng.random() < 0.2:
        # a cut-off on any kind of target (an elapsed one then needs a calendar)
        t["cutOff"] = rng.choice(["16:00", "17:30", "12:00", "00:30"])
        if kind == "elapsed":
            t["calendar"] = rng.choice(sorted(calendars))
    if rng.random() < 0.1:
        t["ignorePauses"] = True
    if rng.random() < 0.4:
        warnings = []
        for _ in range(rng.choice((1, 1, 2))):
            if rng.random() < 0.5:
                warnings.append({"share": rng.choice([0.25, 0.5, 0.6, 0.75, 0.8, 0.9, 0.95, 0.3, 0.7, 0.1234567891,
                                                      0.33333333333, 0.125, 0.375])})
            else:
                warnings.append({"before": oracle.format_duration(po.dt.timedelta(minutes=rng.choice([5, 15, 30, 60,
                                                                                                    120, 240])))})
        t["warnings"] = warnings
    if rng.random() < 0.3:
        as_phrase(rng, t)
    return t


CN_NUMERALS = "零一二三四五六七八九"


def chinese(n):
    if n < 10:
        return CN_NUMERALS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else CN_NUMERALS[tens]) + "十" + (CN_NUMERALS[units] if units else "")


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def as_phrase(rng, t):
    """Writes the target's amount (and sometimes its holiday rule and cut-off) as a phrase in the forms
    docs/policies.md lists, when it has one."""
    zh = rng.random() < 0.5
    num = (lambda n: chinese(n) if rng.random() < 0.3 else str(n)) if zh else str  # noqa: E731
    phrase = None
    if "elapsed" in t or "workingTime" in t:
        minutes = int(oracle.parse_duration(t.get("elapsed") or t.get("workingTime")).total_seconds() // 60)
        h, m = divmod(minutes, 60)
        if "workingTime" in t:
            if m == 0 and h >= 2:
                phrase = f"{num(h)}个工作小时内" if zh else rng.choice([f"{h} business hours", f"within {h} working hours"])
        elif m == 0 and h >= 2:
            phrase = rng.choice([f"{num(h)}小时内", f"{num(h)}小时以内", f"7×24×{h}"]) if zh else \
                rng.choice([f"{h} hours", f"within {h} hours", t["elapsed"]])
        elif h == 0 and m >= 2:
            phrase = rng.choice([f"{num(m)}分钟", f"{num(m)}分钟内"]) if zh else f"within {m} minutes"
        elif h >= 1 and m:
            phrase = f"{num(h)}小时{num(m)}分钟内" if zh else t["elapsed"]
        if minutes == 30:
            phrase = "半小时" if zh else "half an hour"
    elif "workingDays" in t and t["workingDays"] >= 2:
        n = t["workingDays"]
        phrase = rng.choice([f"{num(n)}个工作日内", f"第{chinese(n)}个工作日内"]) if zh else \
            rng.choice([f"within {n} working days", f"{n} business days", f"by the end of the {ordinal(n)} working day"])
    elif "calendarDays" in t and t["calendarDays"] >= 2:
        n = t["calendarDays"]
        phrase = rng.choice([f"{num(n)}个日历天", f"{num(n)}个自然日", f"{num(n)}天内"]) if zh else \
            rng.choice([f"{n} calendar days", f"{n} natural days", f"{n} days"])
    elif "period" in t:
        period = t["period"]
        if period == "P15D":
            phrase = rng.choice(["半个月", "15日内"]) if zh else rng.choice(["half a month", "within a period of 15 days"])
        elif period in ("P1M", "P3M") and zh:
            phrase = f"{num(int(period[1:-1]))}个月"
        elif period == "P3M":
            phrase = "3 months"
        elif period == "P1Y1M":
            phrase = "1年1个月内" if zh else "P1Y1M"
        else:
            phrase = period
    if phrase is None:
        return
    for kind in po.AMOUNTS:
        t.pop(kind, None)
    if phrase.startswith("P"):
        t["within"] = phrase  # ISO 8601: the options stay properties
        return
    if "holidayRule" in t and rng.random() < 0.6:
        if t.pop("holidayRule") == "nextWorkingDay":
            phrase += po.CN_HOLIDAY if zh else po.EN_HOLIDAY
    if "cutOff" in t and rng.random() < 0.6:
        cut = t.pop("cutOff")
        phrase += f"({cut}以后报告的自下一个工作日起算)" if zh else \
            f", counted from the next working day when reported at or after {cut}"
    t["within"] = phrase


def random_policy(rng, calendars):
    levels, n = random_levels(rng)
    count = rng.randint(2, 6)
    names = rng.sample(BUILT_IN, count - 1) + [rng.choice(["notifyHeads", "serviceReport", "departmentOpinion",
                                                          "hardwareConfirmed"])]
    rng.shuffle(names)
    targets = []
    declared = rng.sample(["customerApproval", "partsArrived"], rng.randint(1, 2)) if rng.random() < 0.3 else []
    for i, m in enumerate(names):
        # rows may count from milestones that have rows (all of a milestone's rows may have been left out) or that
        # the policy declares
        earlier = [x for x in names[:i] if any(t["milestone"] == x for t in targets)] + declared
        # Rows of one milestone never clash: rows without `where` split the levels into disjoint groups; rows with
        # one attribute use disjoint sets of regions; at most one row names two attributes.
        groups = [None] if rng.random() < 0.5 else split_levels(rng, n)
        rows = [dict(levels=g) for g in groups if g is None or rng.random() < 0.85]
        if rng.random() < 0.35:
            pool = REGIONS[:]
            rng.shuffle(pool)
            for k in range(rng.randint(1, 2)):
                values = pool[k * 2:k * 2 + rng.randint(1, 2)]
                rows.append(dict(levels=None, where={"region": values[0] if len(values) == 1 else values}))
            if rng.random() < 0.4:
                rows.append(dict(levels=None, where={"region": pool[:3], "urgent": "yes"}))
        for row in rows:
            t = {"milestone": m}
            if row.get("levels") is not None:
                t["levels"] = [level_name(rng, levels, x) for x in row["levels"]]
            if row.get("where"):
                t["where"] = row["where"]
            t.update(random_amount(rng, calendars))
            if earlier and rng.random() < 0.3:
                source = rng.choice(earlier)
                t["from"] = source + ".due" if rng.random() < 0.3 else source
            if earlier and rng.random() < 0.1:
                t["ifBreached"] = rng.choice(earlier)
            targets.append(t)
    policy = {}
    if levels is not None:
        policy["levels"] = levels
    if declared:
        policy["milestones"] = declared
    if rng.random() < 0.6:
        policy["calendar"] = rng.choice(sorted(calendars))
    for t in targets:
        # a target that needs a calendar and names none uses the policy's; without one, it names the office
        if "calendar" not in t and "calendar" not in policy and needs_calendar(t):
            t["calendar"] = "office"
    policy["targets"] = targets
    if rng.random() < 0.4:
        policy["confirmedEventsOnly"] = rng.random() < 0.7
    if rng.random() < 0.4:
        policy["levelChange"] = rng.choice(["retroactive", "fromChange"])
    return policy


def needs_calendar(t):
    if "within" in t:
        kind, _, _, cut_off = po.parse_within(t["within"])
        return kind != "elapsed" or cut_off is not None or "cutOff" in t
    return any(k in t for k in po.AMOUNTS[1:]) or "cutOff" in t


def split_levels(rng, n):
    levels = list(range(1, n + 1))
    cuts = sorted(rng.sample(range(1, n), rng.randint(0, n - 1))) if n > 1 else []
    groups, last = [], 0
    for c in cuts + [n]:
        groups.append(levels[last:c])
        last = c
    return groups


def level_name(rng, levels, x):
    if levels is None:
        return rng.choice([x, x, po.STANDARD_LEVELS[x - 1][1][rng.randrange(3)]])
    names = levels[x - 1].get("names")
    return rng.choice(names) if names and rng.random() < 0.4 else x


def break_policy(rng, policy):
    """Makes a valid policy invalid: a cycle between two milestones, or two rows that match one ticket equally."""
    targets = policy["targets"]
    milestones = list(dict.fromkeys(t["milestone"] for t in targets))
    if len(milestones) >= 2 and rng.random() < 0.5:
        a, b = rng.sample(milestones, 2)
        targets.append({"milestone": a, "from": b, "elapsed": "PT1H", "levels": [1]})
        targets.append({"milestone": b, "from": a, "elapsed": "PT1H", "levels": [1]})
        # both new rows also clash with any row of a and b for level 1; either way the policy is rejected
    elif rng.random() < 0.6:
        m = rng.choice(milestones)
        targets.append({"milestone": m, "where": {"channel": "phone"}, "elapsed": "PT2H"})
        targets.append({"milestone": m, "where": {"region": "Beijing"}, "elapsed": "PT4H"})
    else:
        # a misspelt milestone to count from: neither targeted nor declared
        source = rng.choice(milestones)
        targets.append({"milestone": "misspeltFrom", "from": source[:-1] + rng.choice([".due", ""]), "elapsed": "PT1H"})


def shake(rng, t, policy, zone):
    """What random_ticket does not do: events listed out of order, level changes out of order, a report stamped to
    the microsecond."""
    if len(t.get("events", [])) > 1 and rng.random() < 0.25:
        rng.shuffle(t["events"])
    if rng.random() < 0.12:
        reported = po.parse_instant(t["reported"])
        a, b = sorted(rng.sample(range(5, 900, 5), 2))
        t["levelChanges"] = [{"at": (reported + po.dt.timedelta(minutes=m)).astimezone(zone).isoformat(),
                              "level": rng.choice(sorted(policy.levels))} for m in (b, a)]
    if rng.random() < 0.08:
        reported = po.parse_instant(t["reported"]) + po.dt.timedelta(microseconds=rng.randint(1, 999999))
        t["reported"] = reported.astimezone(zone).isoformat()


def at_a_warning(rng, policy, t, as_of, zone):
    """asOf moved to one of the ticket's warning instants (an alert exactly at asOf is due now)."""
    try:
        ev = po.Evaluation(policy, po.Ticket(t, policy), po.parse_instant(as_of))
        instants = []
        for m in policy.milestones:
            try:
                instants += [w for w in ev.result(m)["warnings"] if not isinstance(w, po.Fine)]
            except po.Unspecified:
                pass
    except (po.UnknownYear, po.ArgumentRejected, po.Unspecified):
        return as_of
    return rng.choice(instants).astimezone(zone).isoformat() if instants else as_of


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    total = written = 0
    attributes = {"region": REGIONS + ["Xinjiang"], "urgent": ["yes", "no"]}
    for n in range(count):
        calendars = random_calendars(rng)
        policy_doc = random_policy(rng, calendars)
        invalid = rng.random() < 0.1
        if invalid:
            break_policy(rng, policy_doc)
        try:
            policy = po.load_policy({"policy": policy_doc, "calendars": calendars})
        except po.Unspecified:
            continue
        if invalid != isinstance(policy, tuple):
            raise AssertionError(f"file {n}: meant to be {'invalid' if invalid else 'valid'}: {policy_doc}")
        zone = po.file_zone(policy) if not invalid else po.SHANGHAI
        cases = []
        for i in range(30):
            if invalid:
                t = {"reported": "2024-06-03T09:00:00+08:00", "level": 1, "attributes": {"region": "Beijing",
                                                                                        "channel": "phone"}}
                cases.append({"name": f"invalid policy #{i}", "op": "evaluate", "ticket": t,
                              "asOf": "2024-06-03T12:00:00+08:00", "expectedError": "argument"})
                if i >= 2:
                    break
                continue
            t, as_of = random_ticket(rng, policy, attributes, WINDOWS, zone)
            shake(rng, t, policy, zone)
            if rng.random() < 0.12:
                as_of = at_a_warning(rng, policy, t, as_of, zone)
            case = {"name": f"fuzz {seed}-{n}-{i}", "op": "evaluate", "ticket": t, "asOf": as_of}
            value = po.run_case(policy, dict(case, expected={m: {} for m in policy.milestones}), drop_unspecified=True)
            if isinstance(value, tuple):
                case["expectedError"] = value[1]
            elif not value:
                continue
            else:
                case["expected"] = value
            cases.append(case)
        if not invalid:
            for i in range(2):
                tickets = []
                as_of = None
                period = rng.choice(["month", "quarter"])
                size = rng.randint(5, 40)
                dates = []
                while len(tickets) < size:
                    t, a = random_ticket(rng, policy, attributes, WINDOWS[:6], zone)
                    shake(rng, t, policy, zone)
                    tickets.append(t)
                    dates.append(a)
                    as_of = max(as_of or a, a, key=po.parse_instant)
                if rng.random() < 0.5:
                    # an earlier asOf: the tickets reported after it are left out
                    as_of = rng.choice(dates)
                case = {"name": f"fuzz {seed}-{n} compliance {i}", "op": "compliance", "tickets": tickets,
                        "asOf": as_of, "period": period, "zone": rng.choice(["Asia/Shanghai", "UTC"])}
                try:
                    value = po.run_case(policy, case)
                except po.Unspecified:
                    continue
                if isinstance(value, tuple):
                    case["expectedError"] = value[1]
                else:
                    case["expected"] = value
                cases.append(case)
        total += len(cases)
        written += 1
        with open(os.path.join(folder, f"policy-fuzz-{seed}-{n}.json"), "w", encoding="utf-8") as f:
            json.dump({"calendars": calendars, "policy": policy_doc, "cases": cases}, f, ensure_ascii=False, indent=1)
    print(f"{written} files, {total} cases")


if __name__ == "__main__":
    main()
