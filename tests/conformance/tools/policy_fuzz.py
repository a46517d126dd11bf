#!/usr/bin/env python3
"""Writes random policy conformance files (random calendars, levels, targets with every amount and option, random
tickets with events, pauses and level changes, random asOf values, some compliance reports) with the expected values
of policy_oracle.py, into a folder, for running the library against the oracle at scale:

  python3 tests/conformance/tools/policy_fuzz.py /tmp/policy-fuzz 40 [seed]
  SERVICECOMMITMENTS_CONFORMANCE_DIR=/tmp/policy-fuzz dotnet test --filter "FullyQualifiedName~Conformance"

About one file in ten holds a deliberately invalid policy (a cycle between milestones, or two rows that match one
ticket equally); its cases expect `argument`. Milestones whose value docs/policies.md does not decide for a ticket
(policy_oracle.Unspecified) are left out of that case's `expected`, and properties it does not decide (nextAlert of
a met milestone with alerts ahead, an alert exactly at asOf) are left out of that milestone's.
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
        t["workingDays"] = rng.choice([1, 1, 2, 2, 3, 5, 10])
    elif kind == "calendarDays":
        t["calendarDays"] = rng.choice([1, 2, 3, 7, 10])
    else:
        t["period"] = rng.choice(["P15D", "P15D", "P7D", "P1M", "P3M", "P2W", "P1Y"])
    if kind != "elapsed" and rng.random() < 0.6:
        t["calendar"] = rng.choice(sorted(c for c in calendars if c != "always") + ["always"])
    if kind in ("calendarDays", "period") and rng.random() < 0.5:
        t["holidayRule"] = rng.choice(["nextWorkingDay", "nextWorkingDay", "none"])
    if kind in ("workingTime", "workingDays") and rng.random() < 0.2:
        t["cutOff"] = rng.choice(["16:00", "17:30", "12:00"])
    if rng.random() < 0.1:
        t["ignorePauses"] = True
    if rng.random() < 0.4:
        warnings = []
        for _ in range(rng.choice((1, 1, 2))):
            if rng.random() < 0.5:
                warnings.append({"share": rng.choice([0.25, 0.5, 0.6, 0.75, 0.8, 0.9, 0.95])})
            else:
                warnings.append({"before": oracle.format_duration(po.dt.timedelta(minutes=rng.choice([5, 15, 30, 60,
                                                                                                    120, 240])))})
        t["warnings"] = warnings
    return t


def random_policy(rng, calendars):
    levels, n = random_levels(rng)
    count = rng.randint(2, 6)
    names = rng.sample(BUILT_IN, count - 1) + [rng.choice(["notifyHeads", "serviceReport", "departmentOpinion",
                                                          "hardwareConfirmed"])]
    rng.shuffle(names)
    targets = []
    for i, m in enumerate(names):
        earlier = names[:i]
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
    if rng.random() < 0.6:
        policy["calendar"] = rng.choice(sorted(calendars))
    for t in targets:
        # a target that needs a calendar and names none uses the policy's; without one, it names the office
        if "calendar" not in t and "calendar" not in policy and any(k in t for k in po.AMOUNTS[1:]):
            t["calendar"] = "office"
    policy["targets"] = targets
    if rng.random() < 0.4:
        policy["confirmedEventsOnly"] = rng.random() < 0.7
    if rng.random() < 0.4:
        policy["levelChange"] = rng.choice(["retroactive", "fromChange"])
    return policy


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
    else:
        m = rng.choice(milestones)
        targets.append({"milestone": m, "where": {"channel": "phone"}, "elapsed": "PT2H"})
        targets.append({"milestone": m, "where": {"region": "Beijing"}, "elapsed": "PT4H"})


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
                while len(tickets) < size:
                    t, a = random_ticket(rng, policy, attributes, WINDOWS[:6], zone)
                    tickets.append(t)
                    as_of = max(as_of or a, a, key=po.parse_instant)
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
