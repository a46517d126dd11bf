#!/usr/bin/env python3
"""Writes the policy conformance files tests/conformance/policy-*.json from the cases listed below. Every `expected`
value is computed by policy_oracle.py (an independent Python reading of docs/policies.md, with oracle.py's calendar
arithmetic), never by the C# library. Many hand-written cases also carry values worked out by hand from the rules
(`expect=`); the generator stops if the oracle disagrees with them. Random cases are seeded, so the files are
reproducible:

  python3 tests/conformance/tools/generate_policy.py
  python3 tests/conformance/tools/policy_oracle.py check
"""
import datetime as dt
import json
import os
import random

import oracle
import policy_oracle as po

OUT = os.path.join(oracle.REPO, "tests", "conformance")
SHANGHAI = po.SHANGHAI

OFFICE = {"zone": "Asia/Shanghai", "weekly": "5x8", "holidaySets": ["cn-mainland"]}
ALWAYS = {"zone": "Asia/Shanghai", "weekly": "24x7"}
NIGHT = {"zone": "Asia/Shanghai", "weekly": {"Monday-Sunday": ["00:00-06:00", "20:00-24:00"]}, "holidaySets": ["cn-mainland"]}

# Windows of dates around mainland China's holidays and adjusted working days (调休), for random tickets.
HOLIDAY_WINDOWS = [
    ("2024-01-29", "2024-02-21"),  # Spring Festival 2024 (10-17 Feb), adjusted Sundays 4 and 18 Feb
    ("2024-03-30", "2024-04-09"),  # Qingming 2024 (4-6 Apr), adjusted Sunday 7 Apr
    ("2024-04-25", "2024-05-13"),  # Labour Day 2024 (1-5 May), adjusted 28 Apr and Saturday 11 May
    ("2024-09-12", "2024-10-14"),  # Mid-autumn and National Day 2024, adjusted 14 Sep, 29 Sep, 12 Oct
    ("2024-12-27", "2025-01-03"),  # New Year 2025
    ("2025-01-22", "2025-02-10"),  # Spring Festival 2025 (28 Jan-4 Feb), adjusted 26 Jan and 8 Feb
    ("2025-09-25", "2025-10-13"),  # National Day and Mid-autumn 2025 (1-8 Oct), adjusted 28 Sep and 11 Oct
    ("2024-06-03", "2024-06-14"),  # an ordinary fortnight with Dragon Boat (10 Jun)
]


def L(text, zone=SHANGHAI):
    """'2024-02-09 16:00' (local time in `zone`) as an ISO 8601 instant with its offset."""
    date, _, time = text.partition(" ")
    time, _, fraction = (time or "00:00").partition(".")  # '16:30:00.000001': a stamp to the microsecond
    parts = [int(x) for x in time.split(":")]
    while len(parts) < 3:
        parts.append(0)
    y, m, d = (int(x) for x in date.split("-"))
    micro = int(fraction.ljust(6, "0")) if fraction else 0
    return dt.datetime(y, m, d, *parts, micro, tzinfo=zone).isoformat()


def ticket(reported, level, attributes=None, events=(), pauses=(), changes=(), zone=SHANGHAI, **extra):
    """events: (milestone, at) or (milestone, at, confirmed); pauses: (from, to or None[, reason])."""
    t = {"reported": L(reported, zone), "level": level}
    t.update(extra)
    if attributes:
        t["attributes"] = attributes
    if events:
        t["events"] = []
        for e in events:
            item = {"milestone": e[0], "at": L(e[1], zone)}
            if len(e) > 2:
                item["confirmed"] = e[2]
            t["events"].append(item)
    if pauses:
        t["pauses"] = []
        for p in pauses:
            item = {"from": L(p[0], zone)}
            if p[1] is not None:
                item["to"] = L(p[1], zone)
            if len(p) > 2:
                item["reason"] = p[2]
            t["pauses"].append(item)
    if changes:
        t["levelChanges"] = [{"at": L(a, zone), "level": lv} for a, lv in changes]
    return t


class PolicyFile:
    def __init__(self, name, description, calendars, policy, zone=SHANGHAI):
        self.name, self.description, self.calendars, self.policy_doc = name, description, calendars, policy
        self.zone = zone
        self.policy = po.load_policy({"policy": policy, "calendars": calendars})
        self.cases = []

    @property
    def valid(self):
        return not isinstance(self.policy, tuple)

    def evaluate(self, ref, name, t, as_of, milestones=None, expect=None):
        """A case whose expected values are the oracle's for `milestones` (default: every milestone of the policy).
        `expect` holds values worked out by hand: the oracle must agree with them."""
        case = {"name": name, "ref": ref, "op": "evaluate", "ticket": t, "asOf": as_of}
        names = milestones or (self.policy.milestones if self.valid else [])
        probe = dict(case, expected={m: {} for m in names})
        value = po.run_case(self.policy, probe)
        if isinstance(value, tuple):
            raise AssertionError(f"{self.name} {name}: unexpected error {value}")
        if expect:
            for m, props in expect.items():
                for k, v in props.items():
                    if k not in value[m] or not po.same_value(k, v, value[m][k]):
                        raise AssertionError(f"{self.name} {name}: {m}.{k} by hand {v}, oracle {value[m].get(k)}")
        case["expected"] = value
        self.cases.append(case)
        return value

    def error(self, ref, name, t, as_of, error="argument"):
        case = {"name": name, "ref": ref, "op": "evaluate", "ticket": t, "asOf": as_of, "expectedError": error}
        value = po.run_case(self.policy, dict(case, expected={}))
        if value != ("error", error):
            raise AssertionError(f"{self.name} {name}: expected error {error}, oracle says {value}")
        self.cases.append(case)

    def compliance(self, ref, name, tickets, as_of, period, zone=None, expect=None):
        case = {"name": name, "ref": ref, "op": "compliance", "tickets": tickets, "asOf": as_of, "period": period}
        if zone is not None:
            case["zone"] = zone
        rows = po.run_case(self.policy, case)
        if isinstance(rows, tuple):
            raise AssertionError(f"{self.name} {name}: unexpected error {rows}")
        if expect:
            found = {(r["level"], r["milestone"], r["period"]): r for r in rows}
            for row in expect:
                got = found[(row["level"], row["milestone"], row["period"])]
                for k, v in row.items():
                    if not po.same_value(k, v, got[k]):
                        raise AssertionError(f"{self.name} {name}: row {row} {k}: oracle {got[k]}")
        case["expected"] = rows
        self.cases.append(case)
        return rows

    def compliance_error(self, ref, name, tickets, as_of, period, zone=None, error="unknownYear"):
        case = {"name": name, "ref": ref, "op": "compliance", "tickets": tickets, "asOf": as_of, "period": period}
        if zone is not None:
            case["zone"] = zone
        value = po.run_case(self.policy, case)
        if value != ("error", error):
            raise AssertionError(f"{self.name} {name}: expected error {error}, oracle says {value}")
        case["expectedError"] = error
        self.cases.append(case)

    def random_cases(self, seed, count, attributes, ref, windows=HOLIDAY_WINDOWS, label="random"):
        rng = random.Random(seed)
        made = tries = 0
        while made < count:
            tries += 1
            assert tries < count * 20, "random tickets keep hitting unspecified points"
            t, as_of = random_ticket(rng, self.policy, attributes, windows, self.zone)
            try:
                value = po.run_case(self.policy, {"op": "evaluate", "ticket": t, "asOf": as_of,
                                                  "expected": {m: {} for m in self.policy.milestones}})
            except po.Unspecified:
                continue
            if isinstance(value, tuple):
                continue
            level = po.Ticket(t, self.policy).level
            r = ref(t, level) if callable(ref) else ref
            self.cases.append({"name": f"{label} #{made}: {describe(t, as_of)}", "ref": r, "op": "evaluate",
                               "ticket": t, "asOf": as_of, "expected": value})
            made += 1

    def write(self):
        lines = ["{", f'  "description": {dumps(self.description)},']
        lines.append('  "calendars": {')
        lines.append(",\n".join(f"    {dumps(k)}: {dumps(v)}" for k, v in self.calendars.items()))
        lines.append("  },")
        lines.append('  "policy": {')
        parts = []
        for k, v in self.policy_doc.items():
            if k == "targets":
                parts.append('    "targets": [\n' + ",\n".join(f"      {dumps(t)}" for t in v) + "\n    ]")
            else:
                parts.append(f"    {dumps(k)}: {dumps(v)}")
        lines.append(",\n".join(parts))
        lines.append("  },")
        lines.append('  "cases": [')
        lines.append(",\n".join("    " + dumps(c) for c in self.cases))
        lines.append("  ]")
        lines.append("}")
        with open(os.path.join(OUT, self.name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        return len(self.cases)


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def describe(t, as_of):
    bits = [f"level {t['level']} reported {t['reported'][:16].replace('T', ' ')}"]
    if t.get("attributes"):
        bits.append(", ".join(f"{k}={v}" for k, v in t["attributes"].items()))
    if t.get("events"):
        bits.append(f"{len(t['events'])} events")
    if t.get("pauses"):
        bits.append(f"{len(t['pauses'])} pauses")
    if t.get("levelChanges"):
        bits.append("a level change")
    return "; ".join(bits) + f"; as of {as_of[:16].replace('T', ' ')}"


# ---------------------------------------------------------------- random tickets (also used by policy_fuzz.py)

def topological(policy):
    order, seen = [], set()

    def visit(m):
        if m in seen:
            return
        seen.add(m)
        for t in policy.targets:
            if t.milestone == m:
                for d in sorted(t.dependencies()):
                    visit(d)
        order.append(m)

    for m in policy.milestones:
        visit(m)
    return order


def random_local(rng, windows, zone):
    a, b = rng.choice(windows)
    lo, hi = dt.date.fromisoformat(a).toordinal(), dt.date.fromisoformat(b).toordinal()
    date = dt.date.fromordinal(rng.randint(lo, hi))
    if rng.random() < 0.4:
        hh, mm = rng.choice(((8, 59), (9, 0), (11, 30), (12, 0), (12, 30), (13, 0), (15, 59), (16, 0), (16, 30),
                             (17, 59), (18, 0), (22, 0), (23, 30), (0, 0)))
    else:
        hh, mm = rng.randint(0, 23), rng.randrange(0, 60, 5)
    return dt.datetime(date.year, date.month, date.day, hh, mm, tzinfo=zone)


def minutes(rng, short=180, long=4320):
    return dt.timedelta(minutes=rng.randint(0, short) if rng.random() < 0.6 else rng.randint(0, long))


def random_ticket(rng, policy, attributes, windows, zone=SHANGHAI):
    """A random ticket for `policy` and an asOf, as JSON values. attributes: name -> possible values."""
    fmt = lambda t: t.astimezone(zone).isoformat()  # noqa: E731
    reported = random_local(rng, windows, zone)
    level = rng.choice(sorted(policy.levels))
    names = policy.levels[level]
    t = {"reported": fmt(reported), "level": rng.choice(names) if names and rng.random() < 0.3 else level}
    attrs = {k: rng.choice(v) for k, v in attributes.items() if rng.random() < 0.92}
    if attrs:
        t["attributes"] = attrs
    events, at = [], {}
    for m in topological(policy):
        deps = sorted({d for x in policy.targets if x.milestone == m for d in x.dependencies()})
        anchor = max([reported] + [at[d] for d in deps if d in at])
        if rng.random() < 0.65:
            when = anchor + minutes(rng)
            at[m] = when
            e = {"milestone": m, "at": fmt(when)}
            if rng.random() < 0.25:
                e["confirmed"] = rng.random() < 0.5
            events.append(e)
            if rng.random() < 0.08:
                events.append({"milestone": m, "at": fmt(when + minutes(rng, 60, 600))})
    if events:
        t["events"] = events
    pauses = []
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3))):
        a = reported + minutes(rng, 600, 4000)
        p = {"from": fmt(a)}
        if rng.random() < 0.85:
            p["to"] = fmt(a + dt.timedelta(minutes=rng.randint(5, 1500)))
        pauses.append(p)
    if pauses:
        t["pauses"] = sorted(pauses, key=lambda p: p["from"])
    if rng.random() < 0.15:
        t["levelChanges"] = [{"at": fmt(reported + dt.timedelta(minutes=rng.randint(5, 900))),
                              "level": rng.choice(sorted(policy.levels))}]
    as_of = reported + (minutes(rng, 600, 10000) if rng.random() < 0.85 else dt.timedelta(days=rng.randint(5, 30)))
    # Boundaries: asOf exactly at a deadline, an event exactly at its deadline.
    if rng.random() < 0.3:
        try:
            ev = po.Evaluation(policy, po.Ticket(t, policy), as_of)
            dues = []
            for m in policy.milestones:
                try:
                    r = ev.result(m)
                except po.Unspecified:
                    continue
                if r["due"] is not None:
                    dues.append((m, r["due"]))
            if dues:
                m, due = rng.choice(dues)
                if rng.random() < 0.5:
                    as_of = due
                else:
                    t.setdefault("events", []).insert(0, {"milestone": m, "at": fmt(due)})
                    t["events"] = [e for e in t["events"] if e["milestone"] != m or e["at"] == fmt(due)]
                    as_of = max(as_of, due)
        except (po.UnknownYear, po.ArgumentRejected):
            pass
    return t, fmt(as_of)


# ---------------------------------------------------------------- the files

def d2_tables():
    f = PolicyFile(
        "policy-d2-tables.json",
        "The fault-level tables D2.1-D2.3 of the after-sales templates on a 7x24 clock, with the office calendar for "
        "'repaired within 2 working days'. 立即响应 (an immediate first response) is taken as 15 minutes. D2.1's "
        "'all indicators normal within 6 h' counts from the report; 'service back within 2 h after arrival' from the "
        "on-site event. Levels are the default ones (一级/A/P1 to 四级/D/P4).",
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "always",
         "targets": [
             {"milestone": "firstResponse", "levels": [1, 2], "elapsed": "PT15M", "warnings": [{"share": 0.8}],
              "note": "立即响应, taken as 15 minutes"},
             {"milestone": "onSite", "levels": [1], "elapsed": "PT1H", "warnings": [{"before": "PT15M"}]},
             {"milestone": "onSite", "levels": [2], "elapsed": "PT2H"},
             {"milestone": "restored", "levels": [1], "from": "onSite", "elapsed": "PT2H", "warnings": [{"share": 0.5}]},
             {"milestone": "restored", "levels": [2], "elapsed": "PT4H"},
             {"milestone": "recovered", "levels": [1], "elapsed": "PT6H"},
             {"milestone": "recovered", "levels": ["二级"], "elapsed": "P1D"},
             {"milestone": "remoteSupport", "levels": [3, 4], "elapsed": "PT30M"},
             {"milestone": "repairPlan", "levels": ["C", "D"], "elapsed": "PT6H"},
             {"milestone": "resolved", "levels": [3, 4], "workingDays": 2, "calendar": "office",
              "warnings": [{"before": "PT2H"}]}]})
    na = {"status": "notApplicable", "due": None}
    # D2.1 on the first day of Spring Festival 2024: elapsed targets ignore holidays.
    f.evaluate("D2.1", "level 1 at 02:00 on the first day of Spring Festival: responded, on site, restoring after arrival",
               ticket("2024-02-10 02:00", 1, events=[("firstResponse", "2024-02-10 02:12"), ("onSite", "2024-02-10 02:55")]),
               L("2024-02-10 04:00"),
               expect={"firstResponse": {"status": "met", "due": L("2024-02-10 02:15"), "warnings": [L("2024-02-10 02:12")],
                                         "nextAlert": None, "overdueBy": "PT0S", "remaining": "PT0S"},
                       "onSite": {"status": "met", "due": L("2024-02-10 03:00"), "warnings": [L("2024-02-10 02:45")]},
                       "restored": {"status": "pending", "due": L("2024-02-10 04:55"), "remaining": "PT55M",
                                    "warnings": [L("2024-02-10 03:55")], "nextAlert": L("2024-02-10 04:55")},
                       "recovered": {"status": "pending", "due": L("2024-02-10 08:00"), "remaining": "PT4H",
                                     "warnings": [], "nextAlert": L("2024-02-10 08:00")},
                       "remoteSupport": na, "repairPlan": na, "resolved": na})
    f.evaluate("D2.1", "restored counts from arrival: before anyone is on site it is waiting, with no deadline",
               ticket("2024-02-10 02:00", "一级", events=[("firstResponse", "2024-02-10 02:05")]), L("2024-02-10 02:40"),
               expect={"restored": {"status": "waiting", "due": None, "nextAlert": None},
                       "onSite": {"status": "pending", "remaining": "PT20M", "nextAlert": L("2024-02-10 02:45"),
                                  "warnings": [L("2024-02-10 02:45")]}})
    f.evaluate("D2.1", "a late arrival is breached by 20 minutes; restored 2 h after it, exactly at its deadline, is met",
               ticket("2024-02-10 02:00", "A", events=[("onSite", "2024-02-10 03:20"), ("restored", "2024-02-10 05:20")]),
               L("2024-02-10 06:00"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT20M", "remaining": "PT0S"},
                       "restored": {"status": "met", "due": L("2024-02-10 05:20"), "overdueBy": "PT0S"},
                       "firstResponse": {"status": "breached", "overdueBy": "PT3H45M"},
                       "recovered": {"status": "pending", "remaining": "PT2H"}})
    f.evaluate("D2.1", "asOf exactly at the on-site deadline with nobody there: still pending, nothing remaining",
               ticket("2024-02-10 02:00", "P1", events=[("firstResponse", "2024-02-10 02:10")]), L("2024-02-10 03:00"),
               expect={"onSite": {"status": "pending", "remaining": "PT0S", "overdueBy": "PT0S"}})
    f.evaluate("D2.1", "one second after the on-site deadline with nobody there: breached by one second",
               ticket("2024-02-10 02:00", 1), L("2024-02-10 03:00:01"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT1S", "nextAlert": None},
                       "restored": {"status": "waiting"}})
    f.evaluate("D2.1", "an event after asOf is not yet known: on site still pending",
               ticket("2024-02-10 02:00", 1, events=[("onSite", "2024-02-10 02:58")]), L("2024-02-10 02:50"),
               expect={"onSite": {"status": "pending", "remaining": "PT10M", "nextAlert": L("2024-02-10 03:00")},
                       "restored": {"status": "waiting"}})
    f.evaluate("D2.1", "an event exactly at asOf counts",
               ticket("2024-02-10 02:00", 1, events=[("onSite", "2024-02-10 02:50")]), L("2024-02-10 02:50"),
               expect={"onSite": {"status": "met"}, "restored": {"status": "pending", "due": L("2024-02-10 04:50")}})
    f.evaluate("D2.1", "restored recorded without any on-site event: restored still waits for arrival",
               ticket("2024-02-10 02:00", 1, events=[("restored", "2024-02-10 03:30")]), L("2024-02-10 04:00"),
               expect={"restored": {"status": "waiting", "due": None}, "onSite": {"status": "breached", "overdueBy": "PT1H"}})
    f.evaluate("D2.1", "the first of two on-site events counts",
               ticket("2024-10-01 23:30", 1, events=[("onSite", "2024-10-02 00:20"), ("onSite", "2024-10-02 01:00"),
                                                     ("restored", "2024-10-02 02:25")]), L("2024-10-02 03:00"),
               expect={"onSite": {"status": "met"}, "restored": {"status": "breached", "due": L("2024-10-02 02:20"),
                                                                  "overdueBy": "PT5M"}})
    f.evaluate("D2.1", "all indicators normal at 6 h counts from the report across midnight of National Day",
               ticket("2024-09-30 21:00", 1, events=[("onSite", "2024-09-30 21:40"), ("restored", "2024-09-30 23:10"),
                                                     ("recovered", "2024-10-01 03:00")]), L("2024-10-01 09:00"),
               expect={"recovered": {"status": "met", "due": L("2024-10-01 03:00")},
                       "restored": {"status": "met", "due": L("2024-09-30 23:40")}})
    # D2.2
    f.evaluate("D2.2", "level 2 on National Day evening: on site in time, restored 15 minutes late, recovery pending",
               ticket("2024-10-01 21:30", 2, events=[("firstResponse", "2024-10-01 21:40"), ("onSite", "2024-10-01 23:10"),
                                                     ("restored", "2024-10-02 01:45")]), L("2024-10-02 09:00"),
               expect={"onSite": {"status": "met", "due": L("2024-10-01 23:30")},
                       "restored": {"status": "breached", "due": L("2024-10-02 01:30"), "overdueBy": "PT15M"},
                       "recovered": {"status": "pending", "due": L("2024-10-02 21:30"), "remaining": "PT12H30M",
                                     "nextAlert": L("2024-10-02 21:30")},
                       "firstResponse": {"status": "met", "warnings": [L("2024-10-01 21:42")]},
                       "remoteSupport": na, "resolved": na})
    f.evaluate("D2.2", "level B: restored counts from the report, not from arrival",
               ticket("2024-02-16 10:00", "B", events=[("onSite", "2024-02-16 11:59"), ("restored", "2024-02-16 14:00")]),
               L("2024-02-16 14:30"),
               expect={"restored": {"status": "met", "due": L("2024-02-16 14:00")}, "onSite": {"status": "met"}})
    f.evaluate("D2.2", "level 二级: all normal within 1 day (P1D) over the Spring Festival eve",
               ticket("2024-02-09 18:00", "二级"), L("2024-02-10 17:59"),
               expect={"recovered": {"status": "pending", "due": L("2024-02-10 18:00"), "remaining": "PT1M"},
                       "restored": {"status": "breached", "overdueBy": "PT19H59M"},
                       "firstResponse": {"status": "breached"}})
    f.evaluate("D2.2", "level P2: first response 1 second late",
               ticket("2025-01-28 08:00", "P2", events=[("firstResponse", "2025-01-28 08:15:01")]), L("2025-01-28 08:30"),
               expect={"firstResponse": {"status": "breached", "overdueBy": "PT1S"}})
    # D2.3 on the office calendar.
    f.evaluate("D2.3", "level 3 on the eve of Spring Festival 2024: repaired by the 2nd working day after, the "
               "adjusted Sunday 18 February counting",
               ticket("2024-02-09 16:00", 3, events=[("remoteSupport", "2024-02-09 16:20")]), L("2024-02-18 10:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-02-19 18:00"), "remaining": "PT32H",
                                    "warnings": [L("2024-02-19 16:00")], "nextAlert": L("2024-02-19 16:00")},
                       "remoteSupport": {"status": "met", "due": L("2024-02-09 16:30")},
                       "repairPlan": {"status": "breached", "due": L("2024-02-09 22:00")},
                       "onSite": na, "restored": na, "firstResponse": na})
    f.evaluate("D2.3", "level 3 on Friday 27 September 2024: the adjusted Sunday 29 September is the first working day",
               ticket("2024-09-27 10:00", "三级", events=[("repairPlan", "2024-09-27 15:00")]), L("2024-09-29 12:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-09-30 18:00")},
                       "repairPlan": {"status": "met", "due": L("2024-09-27 16:00")}})
    f.evaluate("D2.3", "level 4 on the eve of National Day 2024: repaired exactly at the close of 9 October is met",
               ticket("2024-09-30 10:00", 4, events=[("resolved", "2024-10-09 18:00")]), L("2024-10-10 09:00"),
               expect={"resolved": {"status": "met", "due": L("2024-10-09 18:00"), "warnings": [L("2024-10-09 16:00")]}})
    f.evaluate("D2.3", "level 4 on the eve of National Day 2024: one minute after the close of 9 October is breached",
               ticket("2024-09-30 10:00", "D", events=[("resolved", "2024-10-09 18:01")]), L("2024-10-10 09:00"),
               expect={"resolved": {"status": "breached", "overdueBy": "PT1M"}})
    f.evaluate("D2.3", "level 3 on Friday 11 October 2024: the adjusted Saturday 12 October counts",
               ticket("2024-10-11 15:00", 3), L("2024-10-12 16:30"),
               expect={"resolved": {"status": "pending", "due": L("2024-10-14 18:00"), "nextAlert": L("2024-10-14 16:00")}})
    f.evaluate("D2.3", "level 3 reported on a Saturday night: the start date is never counted",
               ticket("2024-03-02 23:00", 3), L("2024-03-05 16:30"),
               expect={"resolved": {"status": "pending", "due": L("2024-03-05 18:00"), "remaining": "PT1H30M",
                                    "nextAlert": L("2024-03-05 18:00")}})
    f.evaluate("D2.3", "level 四级 reported on the eve of Spring Festival 2025: 2 working days run to 6 February",
               ticket("2025-01-27 11:00", "四级"), L("2025-02-07 09:00"),
               expect={"resolved": {"status": "breached", "due": L("2025-02-06 18:00"), "overdueBy": "PT15H"}})
    f.evaluate("D2.3", "level 3 before Spring Festival 2025: the adjusted Sunday 26 January counts",
               ticket("2025-01-24 09:30", 3, events=[("resolved", "2025-01-26 17:00")]), L("2025-01-26 17:00"),
               expect={"resolved": {"status": "met", "due": L("2025-01-27 18:00")}})
    f.error("D2.1", "a ticket at level 5, which the policy does not have", ticket("2024-02-10 02:00", 5), L("2024-02-10 04:00"))
    f.error("D2.1", "a ticket at level 'E', a name the policy does not have", ticket("2024-02-10 02:00", "E"),
            L("2024-02-10 04:00"))
    f.random_cases(2101, 40, {}, lambda t, lv: {1: "D2.1", 2: "D2.2"}.get(lv, "D2.3"))
    return f


def regions():
    f = PolicyFile(
        "policy-regions.json",
        "On-site targets by region (D1.13, D2.4, D2.5): Beijing 2 h and all other regions 24 h for levels 1-2, "
        "Beijing 4 h and other regions 48 h for levels 3-4. A target whose `where` matches beats the one without.",
        {"always": ALWAYS},
        {"calendar": "always",
         "targets": [
             {"milestone": "onSite", "levels": [1, 2], "where": {"region": "Beijing"}, "elapsed": "PT2H"},
             {"milestone": "onSite", "levels": [1, 2], "elapsed": "PT24H"},
             {"milestone": "onSite", "levels": [3, 4], "where": {"region": "Beijing"}, "elapsed": "PT4H",
              "warnings": [{"share": 0.75}]},
             {"milestone": "onSite", "levels": [3, 4], "elapsed": "PT48H", "warnings": [{"before": "PT6H"}]}]})
    f.evaluate("D2.4", "level 1 in Beijing: 2 hours", ticket("2024-06-03 23:00", 1, {"region": "Beijing"},
               events=[("onSite", "2024-06-04 00:40")]), L("2024-06-04 01:00"),
               expect={"onSite": {"status": "met", "due": L("2024-06-04 01:00")}})
    f.evaluate("D2.4", "level 2 in Beijing: 2 hours, arrived 1 minute late", ticket("2024-06-03 23:00", 2, {"region": "Beijing"},
               events=[("onSite", "2024-06-04 01:01")]), L("2024-06-04 02:00"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT1M"}})
    f.evaluate("D1.13", "level 1 in Shanghai: all other regions, 24 hours",
               ticket("2024-06-03 23:00", 1, {"region": "Shanghai"}), L("2024-06-04 01:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-04 23:00"), "remaining": "PT22H"}})
    f.evaluate("D1.13", "level 1 without a region attribute: all other regions",
               ticket("2024-06-03 23:00", 1), L("2024-06-05 00:00"),
               expect={"onSite": {"status": "breached", "due": L("2024-06-04 23:00"), "overdueBy": "PT1H"}})
    f.evaluate("D1.13", "attribute values are compared exactly: 'beijing' is not 'Beijing'",
               ticket("2024-06-03 23:00", 1, {"region": "beijing"}), L("2024-06-04 01:00"),
               expect={"onSite": {"due": L("2024-06-04 23:00")}})
    f.evaluate("D1.13", "other attributes of the ticket do not matter",
               ticket("2024-06-03 23:00", 2, {"region": "Beijing", "district": "Haidian", "channel": "phone"}),
               L("2024-06-04 00:00"), expect={"onSite": {"due": L("2024-06-04 01:00")}})
    f.evaluate("D2.5", "level 3 in Beijing: 4 hours, warned at 75%", ticket("2024-10-01 08:00", 3, {"region": "Beijing"}),
               L("2024-10-01 10:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-10-01 12:00"), "warnings": [L("2024-10-01 11:00")],
                                  "nextAlert": L("2024-10-01 11:00"), "remaining": "PT2H"}})
    f.evaluate("D2.5", "level 4 in Beijing: the 75% warning has passed, the deadline is next",
               ticket("2024-10-01 08:00", 4, {"region": "Beijing"}), L("2024-10-01 11:30"),
               expect={"onSite": {"status": "pending", "nextAlert": L("2024-10-01 12:00")}})
    f.evaluate("D2.5", "level 3 in Hebei: 48 hours, warned 6 hours before",
               ticket("2024-09-30 17:00", 3, {"region": "Hebei"}), L("2024-10-02 10:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-10-02 17:00"), "warnings": [L("2024-10-02 11:00")],
                                  "nextAlert": L("2024-10-02 11:00")}})
    f.evaluate("D2.5", "level 4 in Hebei: on site after 47 hours, met",
               ticket("2024-09-30 17:00", 4, {"region": "Hebei"}, events=[("onSite", "2024-10-02 16:00")]),
               L("2024-10-03 10:00"), expect={"onSite": {"status": "met", "due": L("2024-10-02 17:00")}})
    f.evaluate("D2.5", "level 4 with no region: on site after 49 hours, breached by one hour",
               ticket("2024-09-30 17:00", 4, events=[("onSite", "2024-10-02 18:00")]), L("2024-10-03 10:00"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT1H"}})
    f.evaluate("D2.4", "level 3 in Beijing upgraded to level 1: the 2-hour row applies from the report (retroactive)",
               ticket("2024-06-03 09:00", 3, {"region": "Beijing"}, changes=[("2024-06-03 10:30", 1)]), L("2024-06-03 11:30"),
               expect={"onSite": {"status": "breached", "due": L("2024-06-03 11:00"), "overdueBy": "PT30M"}})
    f.evaluate("D2.5", "level 1 in Beijing downgraded to level 3 before asOf: the 4-hour row applies",
               ticket("2024-06-03 09:00", 1, {"region": "Beijing"}, changes=[("2024-06-03 09:30", 3)]), L("2024-06-03 11:30"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-03 13:00")}})
    f.evaluate("D2.4", "a downgrade after asOf is not yet in force",
               ticket("2024-06-03 09:00", 1, {"region": "Beijing"}, changes=[("2024-06-03 12:00", 3)]), L("2024-06-03 11:30"),
               expect={"onSite": {"status": "breached", "due": L("2024-06-03 11:00")}})
    region = lambda t, lv: ("D2.4" if lv <= 2 else "D2.5") if t.get("attributes", {}).get("region") == "Beijing" else "D1.13"  # noqa: E731
    f.random_cases(2401, 30, {"region": ["Beijing", "Beijing", "Shanghai", "Hebei", "Guangdong"]}, region)
    return f


def city_urgency():
    f = PolicyFile(
        "policy-city-urgency.json",
        "市内4小时,市外8小时;紧急情况2小时 (D1.12): in the city 4 h, outside it 8 h, an emergency 2 h wherever it is. "
        "The emergency row names two attributes, so it beats the rows naming one; a `where` value that is an array "
        "matches any of its strings.",
        {"always": ALWAYS},
        {"calendar": "always",
         "targets": [
             {"milestone": "onSite", "where": {"area": "city"}, "elapsed": "PT4H"},
             {"milestone": "onSite", "where": {"area": "outside"}, "elapsed": "PT8H", "warnings": [{"share": 0.5}]},
             {"milestone": "onSite", "where": {"area": ["city", "outside"], "urgent": "yes"}, "elapsed": "PT2H"}]})
    f.evaluate("D1.12", "in the city: 4 hours", ticket("2024-04-03 20:00", 3, {"area": "city"}), L("2024-04-04 00:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-04-04 00:00"), "remaining": "PT0S"}})
    f.evaluate("D1.12", "outside the city: 8 hours, half-way warning", ticket("2024-04-03 20:00", 3, {"area": "outside"}),
               L("2024-04-03 23:00"),
               expect={"onSite": {"due": L("2024-04-04 04:00"), "warnings": [L("2024-04-04 00:00")],
                                  "nextAlert": L("2024-04-04 00:00")}})
    f.evaluate("D1.12", "an emergency in the city: 2 hours, the more specific row wins",
               ticket("2024-04-03 20:00", 1, {"area": "city", "urgent": "yes"}, events=[("onSite", "2024-04-03 22:30")]),
               L("2024-04-04 00:00"), expect={"onSite": {"status": "breached", "due": L("2024-04-03 22:00"),
                                                         "overdueBy": "PT30M"}})
    f.evaluate("D1.12", "an emergency outside the city: 2 hours (the array matches 'outside')",
               ticket("2024-04-03 20:00", 2, {"area": "outside", "urgent": "yes"}, events=[("onSite", "2024-04-03 21:59")]),
               L("2024-04-04 00:00"), expect={"onSite": {"status": "met", "due": L("2024-04-03 22:00")}})
    f.evaluate("D1.12", "not urgent in the city: 4 hours",
               ticket("2024-04-03 20:00", 1, {"area": "city", "urgent": "no"}), L("2024-04-04 00:30"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT30M"}})
    f.evaluate("D1.12", "urgent but with no area: no row matches, notApplicable",
               ticket("2024-04-03 20:00", 1, {"urgent": "yes"}), L("2024-04-04 00:30"),
               expect={"onSite": {"status": "notApplicable", "due": None, "nextAlert": None}})
    f.evaluate("D1.12", "an area the policy does not name: notApplicable",
               ticket("2024-04-03 20:00", 1, {"area": "abroad", "urgent": "yes"}), L("2024-04-04 00:30"),
               expect={"onSite": {"status": "notApplicable"}})
    f.random_cases(1201, 15, {"area": ["city", "outside", "city", "outside", "island"], "urgent": ["yes", "no"]}, "D1.12")
    return f


def distance():
    f = PolicyFile(
        "policy-distance.json",
        "根据故障现场距离当地办事处远近不同,确定不同的现场响应时间 (D1.14): on-site targets by the distance band from the "
        "nearest office; beyond 300 km, 2 working days on the office calendar.",
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "office",
         "targets": [
             {"milestone": "onSite", "where": {"distance": "0-50km"}, "elapsed": "PT2H"},
             {"milestone": "onSite", "where": {"distance": ["50-100km"]}, "elapsed": "PT4H"},
             {"milestone": "onSite", "where": {"distance": ["100-200km", "200-300km"]}, "workingTime": "PT8H"},
             {"milestone": "onSite", "workingDays": 2, "warnings": [{"before": "PT4H"}]}]})
    f.evaluate("D1.14", "within 50 km: 2 hours on the wall clock, even on National Day",
               ticket("2024-10-03 10:00", 2, {"distance": "0-50km"}, events=[("onSite", "2024-10-03 11:45")]),
               L("2024-10-03 13:00"), expect={"onSite": {"status": "met", "due": L("2024-10-03 12:00")}})
    f.evaluate("D1.14", "50-100 km: 4 hours", ticket("2024-10-03 10:00", 2, {"distance": "50-100km"}),
               L("2024-10-03 13:00"), expect={"onSite": {"status": "pending", "due": L("2024-10-03 14:00"), "remaining": "PT1H"}})
    f.evaluate("D1.14", "100-200 km: 8 working hours from the eve of National Day 2024 run to 8 October",
               ticket("2024-09-30 14:00", 2, {"distance": "100-200km"}), L("2024-10-05 12:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-10-08 14:00"), "remaining": "PT74H"}})
    f.evaluate("D1.14", "200-300 km: 8 working hours skip the lunch break",
               ticket("2024-06-04 11:00", 3, {"distance": "200-300km"}), L("2024-06-05 12:00"),
               expect={"onSite": {"status": "breached", "due": L("2024-06-05 11:00"),
                                  "overdueBy": "PT1H"}})
    f.evaluate("D1.14", "beyond 300 km (no band row): 2 working days over Dragon Boat (10 June 2024), warned 4 "
               "working hours before the close",
               ticket("2024-06-06 16:00", 3, {"distance": "300-500km"}), L("2024-06-11 10:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-11 18:00"), "warnings": [L("2024-06-11 14:00")],
                                  "nextAlert": L("2024-06-11 14:00")}})
    f.evaluate("D1.14", "no distance recorded: the 2-working-day row",
               ticket("2024-02-08 10:00", 1), L("2024-02-18 09:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-02-18 18:00")}})
    f.random_cases(1401, 15, {"distance": ["0-50km", "50-100km", "100-200km", "200-300km", "300-500km"]}, "D1.14")
    return f


def levels_d2_6_9():
    levels = [{"level": 1, "names": ["一级", "A", "P1"], "description": "系统瘫痪 system paralysis"},
              {"level": 2, "names": ["二级", "B", "P2"], "description": "无法正常工作 cannot work normally"},
              {"level": 3, "names": ["三级", "C", "P3"], "description": "局部异常 local abnormality"},
              {"level": 4, "names": ["四级", "D", "P4"], "description": "出现事件但暂时不影响运行 no impact yet"}]
    f = PolicyFile(
        "policy-levels-d2-6-9.json",
        "D2.6-D2.9: every level gets a first response within 30 minutes; on site within 24 h (level 1), 36 h "
        "(levels 2 and 3) or 48 h (level 4). Levels are named in the policy and written by name in targets and tickets.",
        {"always": ALWAYS},
        {"levels": levels, "calendar": "always",
         "targets": [
             {"milestone": "firstResponse", "elapsed": "PT30M", "warnings": [{"share": 0.5}, {"before": "PT5M"}]},
             {"milestone": "onSite", "levels": ["一级"], "elapsed": "PT24H", "warnings": [{"share": 0.75}]},
             {"milestone": "onSite", "levels": ["二级", 3], "elapsed": "PT36H"},
             {"milestone": "onSite", "levels": ["P4"], "elapsed": "PT48H"}]})
    f.evaluate("D2.6", "level 1: first response exactly at 30 minutes is met",
               ticket("2024-02-17 23:50", 1, events=[("firstResponse", "2024-02-18 00:20")]), L("2024-02-18 00:20"),
               expect={"firstResponse": {"status": "met", "due": L("2024-02-18 00:20"),
                                         "warnings": [L("2024-02-18 00:05"), L("2024-02-18 00:15")]},
                       "onSite": {"status": "pending", "due": L("2024-02-18 23:50"), "warnings": [L("2024-02-18 17:50")],
                                  "nextAlert": L("2024-02-18 17:50")}})
    f.evaluate("D2.6", "level 一级: first response 1 second late",
               ticket("2024-02-17 23:50", "一级", events=[("firstResponse", "2024-02-18 00:20:01")]), L("2024-02-18 01:00"),
               expect={"firstResponse": {"status": "breached", "overdueBy": "PT1S"}})
    f.evaluate("D2.6", "level A: between the two warnings, the next alert is the second",
               ticket("2024-05-01 09:00", "A"), L("2024-05-01 09:20"),
               expect={"firstResponse": {"status": "pending", "remaining": "PT10M", "nextAlert": L("2024-05-01 09:25")}})
    f.evaluate("D2.6", "level P1: on site within 24 h across Labour Day",
               ticket("2024-05-01 09:00", "P1", events=[("firstResponse", "2024-05-01 09:10"), ("onSite", "2024-05-02 09:00")]),
               L("2024-05-02 10:00"), expect={"onSite": {"status": "met", "due": L("2024-05-02 09:00")}})
    f.evaluate("D2.7", "level 2: on site within 36 h",
               ticket("2024-05-01 09:00", 2, events=[("onSite", "2024-05-02 21:30")]), L("2024-05-03 00:00"),
               expect={"onSite": {"status": "breached", "due": L("2024-05-02 21:00"), "overdueBy": "PT30M"}})
    f.evaluate("D2.7", "level 二级: on site pending, no warnings on this row",
               ticket("2024-05-01 09:00", "二级"), L("2024-05-01 10:00"),
               expect={"onSite": {"status": "pending", "warnings": [], "nextAlert": L("2024-05-02 21:00")},
                       "firstResponse": {"status": "breached", "overdueBy": "PT30M"}})
    f.evaluate("D2.8", "level 3: on site within 36 h, the same row as level 2",
               ticket("2024-09-13 18:00", 3, events=[("firstResponse", "2024-09-13 18:29")]), L("2024-09-15 06:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-09-15 06:00"), "remaining": "PT0S"}})
    f.evaluate("D2.8", "level C: on site after 37 h",
               ticket("2024-09-13 18:00", "C"), L("2024-09-15 07:00"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT1H"}})
    f.evaluate("D2.9", "level 4: on site within 48 h",
               ticket("2024-09-13 18:00", 4, events=[("onSite", "2024-09-15 17:00")]), L("2024-09-16 00:00"),
               expect={"onSite": {"status": "met", "due": L("2024-09-15 18:00")}})
    f.evaluate("D2.9", "level D: first response warnings at 50% and 5 minutes before",
               ticket("2024-09-13 18:00", "D"), L("2024-09-13 18:00"),
               expect={"firstResponse": {"status": "pending", "warnings": [L("2024-09-13 18:15"), L("2024-09-13 18:25")],
                                         "nextAlert": L("2024-09-13 18:15"), "remaining": "PT30M"},
                       "onSite": {"remaining": "PT48H"}})
    f.evaluate("D2.9", "level 四级 upgraded to 一级 (retroactive): on site within 24 h of the report",
               ticket("2024-09-13 18:00", "四级", changes=[("2024-09-14 12:00", "一级")]), L("2024-09-14 20:00"),
               expect={"onSite": {"status": "breached", "due": L("2024-09-14 18:00"), "overdueBy": "PT2H"}})
    f.error("D2.6", "level 5 is not a level of this policy", ticket("2024-09-13 18:00", 5), L("2024-09-14 20:00"))
    f.error("D2.6", "a level change to 'P5', a name the policy does not have",
            ticket("2024-09-13 18:00", 1, changes=[("2024-09-13 19:00", "P5")]), L("2024-09-14 20:00"))
    f.random_cases(2601, 30, {}, lambda t, lv: f"D2.{5 + lv}")
    return f


def escalation():
    f = PolicyFile(
        "policy-escalation.json",
        "The escalation ladder of a level-1 fault (D2.13): within 15 min notify the centre head, product manager and "
        "duty manager; within 30 min an emergency team; within 1 h remote expert access or lab reproduction; within "
        "2 h an expert group; after the fix, observe on site 2 days and then hand over a signed service report (2 "
        "calendar days after restoring, moved past holidays and rest days by the holiday rule). Other levels have "
        "no ladder.",
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "always",
         "targets": [
             {"milestone": "notifyHeads", "levels": [1], "elapsed": "PT15M", "warnings": [{"share": 0.6}]},
             {"milestone": "emergencyTeam", "levels": [1], "elapsed": "PT30M", "warnings": [{"before": "PT10M"}]},
             {"milestone": "expertAccess", "levels": [1], "elapsed": "PT1H"},
             {"milestone": "expertGroup", "levels": [1], "elapsed": "PT2H"},
             {"milestone": "restored", "levels": [1], "elapsed": "PT4H"},
             {"milestone": "serviceReport", "levels": [1], "from": "restored", "calendarDays": 2, "calendar": "office",
              "holidayRule": "nextWorkingDay"}]})
    na = {"status": "notApplicable", "due": None}
    f.evaluate("D2.13", "the ladder 40 minutes into a level-1 fault: two rungs met, one missed, two pending",
               ticket("2024-06-12 14:00", 1, events=[("notifyHeads", "2024-06-12 14:09"), ("emergencyTeam", "2024-06-12 14:35")]),
               L("2024-06-12 14:40"),
               expect={"notifyHeads": {"status": "met", "due": L("2024-06-12 14:15"), "warnings": [L("2024-06-12 14:09")]},
                       "emergencyTeam": {"status": "breached", "overdueBy": "PT5M", "warnings": [L("2024-06-12 14:20")]},
                       "expertAccess": {"status": "pending", "remaining": "PT20M", "nextAlert": L("2024-06-12 15:00")},
                       "expertGroup": {"status": "pending", "remaining": "PT1H20M"},
                       "serviceReport": {"status": "waiting", "due": None}})
    f.evaluate("D2.13", "nobody notified at 14:10: the 60% warning fired at 14:09, the deadline is next",
               ticket("2024-06-12 14:00", 1), L("2024-06-12 14:10"),
               expect={"notifyHeads": {"status": "pending", "nextAlert": L("2024-06-12 14:15")},
                       "emergencyTeam": {"nextAlert": L("2024-06-12 14:20")}})
    f.evaluate("D2.13", "restored Sunday 29 September 2024: the report's last day 1 October is National Day, so it "
               "is due at the close of 8 October",
               ticket("2024-09-29 08:00", 1, events=[("restored", "2024-09-29 11:00")]), L("2024-10-02 10:00"),
               expect={"serviceReport": {"status": "pending", "due": L("2024-10-08 18:00")}})
    f.evaluate("D2.13", "restored Monday 3 June 2024: the report is due 24:00 of Wednesday 5 June",
               ticket("2024-06-03 08:00", 1, events=[("restored", "2024-06-03 10:00"), ("serviceReport", "2024-06-05 23:59")]),
               L("2024-06-06 09:00"),
               expect={"serviceReport": {"status": "met", "due": L("2024-06-06 00:00")}})
    f.evaluate("D2.13", "restored Thursday 6 June 2024: the last day is a Saturday, moved to the close of Tuesday 11 "
               "June (Monday 10 June is Dragon Boat)",
               ticket("2024-06-06 08:00", 1, events=[("restored", "2024-06-06 09:30")]), L("2024-06-11 18:00"),
               expect={"serviceReport": {"status": "pending", "due": L("2024-06-11 18:00"), "remaining": "PT0S"}})
    f.evaluate("D2.13", "restored Friday 2 February 2024: the last day is the adjusted working Sunday 4 February, "
               "so it stays at 24:00",
               ticket("2024-02-02 08:00", 1, events=[("restored", "2024-02-02 11:00")]), L("2024-02-05 00:00:01"),
               expect={"serviceReport": {"status": "breached", "due": L("2024-02-05 00:00"), "overdueBy": "PT1S"}})
    f.evaluate("D2.13", "a level-2 fault has no ladder",
               ticket("2024-06-12 14:00", 2), L("2024-06-12 18:00"),
               expect={"notifyHeads": na, "emergencyTeam": na, "expertAccess": na, "expertGroup": na,
                       "restored": na, "serviceReport": na})
    f.random_cases(2131, 25, {}, "D2.13", windows=HOLIDAY_WINDOWS)
    return f


def channels():
    f = PolicyFile(
        "policy-channels.json",
        "Support channels escalate phone -> remote -> on site (D2.14), each with its own table per level: the phone "
        "is answered, remote support counts from the answer, an engineer on site counts from remote support. Levels 3-4 "
        "count remote support in working hours and on-site in working days on the office calendar.",
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "office",
         "targets": [
             {"milestone": "answered", "levels": [1, 2], "elapsed": "PT10M"},
             {"milestone": "answered", "levels": [3, 4], "elapsed": "PT30M"},
             {"milestone": "remoteSupport", "levels": [1, 2], "from": "answered", "elapsed": "PT1H"},
             {"milestone": "remoteSupport", "levels": [3, 4], "from": "answered", "workingTime": "PT4H",
              "warnings": [{"before": "PT1H"}]},
             {"milestone": "onSite", "levels": [1, 2], "from": "remoteSupport", "elapsed": "PT4H"},
             {"milestone": "onSite", "levels": [3, 4], "from": "remoteSupport", "workingDays": 1}]})
    f.evaluate("D2.14", "level 1 at night: answered, remote in 1 h after the answer, on site 4 h after remote support",
               ticket("2024-02-11 01:00", 1, events=[("answered", "2024-02-11 01:08"), ("remoteSupport", "2024-02-11 02:00")]),
               L("2024-02-11 03:00"),
               expect={"answered": {"status": "met", "due": L("2024-02-11 01:10")},
                       "remoteSupport": {"status": "met", "due": L("2024-02-11 02:08")},
                       "onSite": {"status": "pending", "due": L("2024-02-11 06:00"), "remaining": "PT3H"}})
    f.evaluate("D2.14", "level 1 not yet answered: remote support and on site are waiting",
               ticket("2024-02-11 01:00", 1), L("2024-02-11 01:05"),
               expect={"remoteSupport": {"status": "waiting", "due": None}, "onSite": {"status": "waiting", "due": None}})
    f.evaluate("D2.14", "level 3 answered at 17:00 on the eve of Spring Festival 2024: 4 working hours of remote "
               "support run to the adjusted Sunday 18 February",
               ticket("2024-02-09 16:40", 3, events=[("answered", "2024-02-09 17:00")]), L("2024-02-12 10:00"),
               expect={"answered": {"status": "met"},
                       "remoteSupport": {"status": "pending", "due": L("2024-02-18 12:00"),
                                         "warnings": [L("2024-02-18 11:00")], "nextAlert": L("2024-02-18 11:00")},
                       "onSite": {"status": "waiting"}})
    f.evaluate("D2.14", "level 4: remote support at 11:30 on Friday 11 October 2024, on site by the close of the "
               "adjusted Saturday 12 October",
               ticket("2024-10-11 09:00", 4, events=[("answered", "2024-10-11 09:20"), ("remoteSupport", "2024-10-11 11:30"),
                                                     ("onSite", "2024-10-12 17:00")]), L("2024-10-14 09:00"),
               expect={"remoteSupport": {"status": "met", "due": L("2024-10-11 14:20")},
                       "onSite": {"status": "met", "due": L("2024-10-12 18:00")}})
    f.evaluate("D2.14", "level 3 answered during lunch: working time starts at 13:00",
               ticket("2024-06-04 11:55", 3, events=[("answered", "2024-06-04 12:10")]), L("2024-06-04 13:30"),
               expect={"remoteSupport": {"status": "pending", "due": L("2024-06-04 17:00"), "nextAlert": L("2024-06-04 16:00")}})
    f.evaluate("D2.14", "level 2: answered late still starts the remote clock at the answer",
               ticket("2024-06-04 11:55", 2, events=[("answered", "2024-06-04 12:20"), ("remoteSupport", "2024-06-04 13:30")]),
               L("2024-06-04 13:30"),
               expect={"answered": {"status": "breached", "overdueBy": "PT15M"},
                       "remoteSupport": {"status": "breached", "due": L("2024-06-04 13:20"), "overdueBy": "PT10M"},
                       "onSite": {"status": "pending", "due": L("2024-06-04 17:30")}})
    f.random_cases(2141, 25, {}, "D2.14")
    return f


def fallback():
    f = PolicyFile(
        "policy-fallback.json",
        "Conditional targets (D2.10, D2.11). A hardware fault: on site in 24 h, solved in 28 h, else parts are "
        "replaced, due at the solving deadline itself (`from: resolved.due`, PT0S: the edge docs/policies.md "
        "mentions, where the row applies only once that deadline has passed, so a replacement can be met only "
        "exactly at it; the page's own example gives it 24 h); "
        "service back 4 h after arrival and all indicators normal 4 h after that deadline (`restored.due`). A "
        "quality fault: first response in 4 h, resolved in 24 h, else a backup unit not below the original within "
        "12 h of the resolving deadline.",
        {"always": ALWAYS},
        {"calendar": "always",
         "targets": [
             {"milestone": "onSite", "where": {"faultType": "hardware"}, "elapsed": "PT24H"},
             {"milestone": "resolved", "where": {"faultType": "hardware"}, "elapsed": "PT28H", "warnings": [{"before": "PT4H"}]},
             {"milestone": "replacement", "where": {"faultType": "hardware"}, "ifBreached": "resolved",
              "from": "resolved.due", "elapsed": "PT0S"},
             {"milestone": "restored", "where": {"faultType": "hardware"}, "from": "onSite", "elapsed": "PT4H"},
             {"milestone": "recovered", "where": {"faultType": "hardware"}, "from": "restored.due", "elapsed": "PT4H"},
             {"milestone": "firstResponse", "where": {"faultType": "quality"}, "elapsed": "PT4H"},
             {"milestone": "resolved", "where": {"faultType": "quality"}, "elapsed": "PT24H"},
             {"milestone": "replacement", "where": {"faultType": "quality"}, "ifBreached": "resolved",
              "from": "resolved.due", "elapsed": "PT12H", "warnings": [{"share": 0.5}]}]})
    hw, q = {"faultType": "hardware"}, {"faultType": "quality"}
    na = {"status": "notApplicable", "due": None}
    f.evaluate("D2.10", "hardware solved within 28 h: no replacement is due",
               ticket("2024-04-03 09:00", 2, hw, events=[("onSite", "2024-04-03 20:00"), ("resolved", "2024-04-04 12:00")]),
               L("2024-04-05 09:00"),
               expect={"resolved": {"status": "met", "due": L("2024-04-04 13:00")}, "replacement": na,
                       "restored": {"status": "breached", "due": L("2024-04-04 00:00")},
                       "recovered": {"status": "breached", "due": L("2024-04-04 04:00")}})
    f.evaluate("D2.10", "hardware not yet solved, deadline ahead: the replacement waits",
               ticket("2024-04-03 09:00", 2, hw), L("2024-04-04 10:00"),
               expect={"resolved": {"status": "pending", "warnings": [L("2024-04-04 09:00")], "nextAlert": L("2024-04-04 13:00")},
                       "replacement": {"status": "waiting", "due": None},
                       "restored": {"status": "waiting"}, "recovered": {"status": "waiting", "due": None}})
    f.evaluate("D2.10", "hardware unsolved at asOf exactly 28 h: still pending, the replacement still waits",
               ticket("2024-04-03 09:00", 2, hw), L("2024-04-04 13:00"),
               expect={"resolved": {"status": "pending", "remaining": "PT0S"}, "replacement": {"status": "waiting"}})
    f.evaluate("D2.10", "hardware unsolved after 28 h: the replacement applies, due at the solving deadline, and is "
               "breached as soon as it applies",
               ticket("2024-04-03 09:00", 2, hw), L("2024-04-04 13:30"),
               expect={"resolved": {"status": "breached", "overdueBy": "PT30M"},
                       "replacement": {"status": "breached", "due": L("2024-04-04 13:00"), "overdueBy": "PT30M"}})
    f.evaluate("D2.10", "hardware solved late: the replacement applies; parts replaced exactly at the solving "
               "deadline meet it",
               ticket("2024-04-03 09:00", 2, hw, events=[("replacement", "2024-04-04 13:00"), ("resolved", "2024-04-04 15:00")]),
               L("2024-04-04 16:00"),
               expect={"resolved": {"status": "breached", "overdueBy": "PT2H"},
                       "replacement": {"status": "met", "due": L("2024-04-04 13:00")}})
    f.evaluate("D2.10", "hardware: a pause moves the solving deadline and with it the replacement's",
               ticket("2024-04-03 09:00", 2, hw, pauses=[("2024-04-03 12:00", "2024-04-03 15:00", "no access to the site")]),
               L("2024-04-04 17:00"),
               expect={"resolved": {"status": "breached", "due": L("2024-04-04 16:00"), "overdueBy": "PT1H"},
                       "replacement": {"status": "breached", "due": L("2024-04-04 16:00")}})
    f.evaluate("D2.10", "hardware: all indicators normal counts from the restoring deadline, not the restoring event",
               ticket("2024-04-03 09:00", 1, hw, events=[("onSite", "2024-04-03 11:00"), ("restored", "2024-04-03 12:00")]),
               L("2024-04-03 16:00"),
               expect={"restored": {"status": "met", "due": L("2024-04-03 15:00")},
                       "recovered": {"status": "pending", "due": L("2024-04-03 19:00"), "remaining": "PT3H"}})
    f.evaluate("D2.11", "quality fault resolved within 24 h: no backup unit",
               ticket("2025-01-27 18:00", 3, q, events=[("firstResponse", "2025-01-27 21:00"), ("resolved", "2025-01-28 17:00")]),
               L("2025-01-29 09:00"),
               expect={"firstResponse": {"status": "met"}, "resolved": {"status": "met"}, "replacement": na,
                       "onSite": na, "restored": na, "recovered": na})
    f.evaluate("D2.11", "quality fault unresolved after 24 h: a backup unit within 12 h of that deadline",
               ticket("2025-01-27 18:00", 3, q), L("2025-01-29 00:30"),
               expect={"resolved": {"status": "breached", "overdueBy": "PT6H30M"},
                       "replacement": {"status": "pending", "due": L("2025-01-29 06:00"), "remaining": "PT5H30M",
                                       "warnings": [L("2025-01-29 00:00")], "nextAlert": L("2025-01-29 06:00")}})
    f.evaluate("D2.11", "quality fault: backup unit delivered in time",
               ticket("2025-01-27 18:00", 3, q, events=[("replacement", "2025-01-29 05:00")]), L("2025-01-29 08:00"),
               expect={"replacement": {"status": "met", "due": L("2025-01-29 06:00")}})
    f.evaluate("D2.11", "quality fault: backup unit late, and the fault resolved even later",
               ticket("2025-01-27 18:00", 3, q, events=[("replacement", "2025-01-29 07:00"), ("resolved", "2025-01-29 09:00")]),
               L("2025-01-29 10:00"),
               expect={"replacement": {"status": "breached", "overdueBy": "PT1H"},
                       "resolved": {"status": "breached", "overdueBy": "PT15H"}})
    f.evaluate("D2.11", "quality fault: resolving deadline passed, then the fault resolved before asOf: the backup "
               "unit still applies",
               ticket("2025-01-27 18:00", 3, q, events=[("resolved", "2025-01-28 20:00")]), L("2025-01-28 21:00"),
               expect={"resolved": {"status": "breached", "overdueBy": "PT2H"},
                       "replacement": {"status": "pending", "due": L("2025-01-29 06:00")}})
    f.random_cases(2102, 30, {"faultType": ["hardware", "quality"]},
                   lambda t, lv: "D2.10" if t.get("attributes", {}).get("faultType") == "hardware" else "D2.11")
    return f


def clock():
    f = PolicyFile(
        "policy-clock.json",
        "Pauses (D2.20) on every kind of clock, confirmation off (an unconfirmed event counts, D2.21's default) and "
        "retroactive level changes. Levels 1-2 count elapsed time, levels 3-4 working time on the office calendar; "
        "'resolved' counts working days, 'repairPlan' calendar days (wall clock), 'accepted' ignores pauses.",
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "office",
         "targets": [
             {"milestone": "firstResponse", "elapsed": "PT30M"},
             {"milestone": "accepted", "elapsed": "PT1H", "ignorePauses": True},
             {"milestone": "onSite", "levels": [1, 2], "elapsed": "PT4H", "warnings": [{"share": 0.75}]},
             {"milestone": "onSite", "levels": [3, 4], "workingTime": "PT8H", "warnings": [{"before": "PT1H"}]},
             {"milestone": "resolved", "workingDays": 2},
             {"milestone": "repairPlan", "calendarDays": 3}],
         "confirmedEventsOnly": False,
         "levelChange": "retroactive"})
    f.evaluate("D2.20", "a 2-hour pause moves an elapsed deadline by 2 hours; 'accepted' ignores pauses",
               ticket("2024-06-04 10:00", 1, pauses=[("2024-06-04 10:30", "2024-06-04 12:30", "waiting for the customer's approval")]),
               L("2024-06-04 13:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-04 16:00"), "remaining": "PT3H",
                                  "warnings": [L("2024-06-04 15:00")], "nextAlert": L("2024-06-04 15:00")},
                       "firstResponse": {"status": "breached", "due": L("2024-06-04 10:30"), "overdueBy": "PT2H30M"},
                       "accepted": {"status": "breached", "due": L("2024-06-04 11:00"), "overdueBy": "PT2H"}})
    f.evaluate("D2.20", "a pause that has not ended (no 'to') lasts until asOf: at 13:00",
               ticket("2024-06-04 10:00", 2, pauses=[("2024-06-04 11:00", None, "no access to the machine room")]),
               L("2024-06-04 13:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-04 16:00"), "remaining": "PT3H"}})
    f.evaluate("D2.20", "the same open pause at 15:00: the deadline has moved with asOf",
               ticket("2024-06-04 10:00", 2, pauses=[("2024-06-04 11:00", None)]), L("2024-06-04 15:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-04 18:00"), "remaining": "PT3H",
                                  "warnings": [L("2024-06-04 17:00")]}})
    f.evaluate("D2.20", "a pause whose end is after asOf counts only up to asOf",
               ticket("2024-06-04 10:00", 2, pauses=[("2024-06-04 11:00", "2024-06-04 20:00")]), L("2024-06-04 12:00"),
               expect={"onSite": {"due": L("2024-06-04 15:00")}})
    f.evaluate("D2.20", "a pause that begins after asOf does not count yet",
               ticket("2024-06-04 10:00", 2, pauses=[("2024-06-04 12:30", "2024-06-04 20:00")]), L("2024-06-04 12:00"),
               expect={"onSite": {"due": L("2024-06-04 14:00"), "nextAlert": L("2024-06-04 13:00")}})
    f.evaluate("D2.20", "a pause after the on-site event does not move its deadline",
               ticket("2024-06-04 10:00", 1, events=[("onSite", "2024-06-04 13:00")],
                      pauses=[("2024-06-04 13:30", "2024-06-04 18:00")]), L("2024-06-04 19:00"),
               expect={"onSite": {"status": "met", "due": L("2024-06-04 14:00")}})
    f.evaluate("D2.20", "a pause is cut at the milestone's event: only the hour before arrival counts",
               ticket("2024-06-04 10:00", 1, events=[("onSite", "2024-06-04 14:30")],
                      pauses=[("2024-06-04 13:30", "2024-06-04 18:00")]), L("2024-06-04 19:00"),
               expect={"onSite": {"status": "met", "due": L("2024-06-04 15:00")}})
    f.evaluate("D2.20", "a pause beginning exactly at the event does not count",
               ticket("2024-06-04 10:00", 1, events=[("onSite", "2024-06-04 14:30")],
                      pauses=[("2024-06-04 14:30", "2024-06-04 18:00")]), L("2024-06-04 19:00"),
               expect={"onSite": {"status": "breached", "due": L("2024-06-04 14:00"), "overdueBy": "PT30M"}})
    f.evaluate("D2.20", "overlapping pauses count once: 10:30-12:30 and 11:30-13:00 remove 2 h 30 min from on site; "
               "the first response's 30 minutes were used up as the first pause began",
               ticket("2024-06-04 10:00", 1, pauses=[("2024-06-04 10:30", "2024-06-04 12:30"),
                                                     ("2024-06-04 11:30", "2024-06-04 13:00")]), L("2024-06-04 13:30"),
               expect={"onSite": {"due": L("2024-06-04 16:30")}, "firstResponse": {"due": L("2024-06-04 10:30")}})
    f.evaluate("D2.20", "a pause inside another counts once",
               ticket("2024-06-04 10:00", 1, pauses=[("2024-06-04 10:30", "2024-06-04 12:30"),
                                                     ("2024-06-04 11:00", "2024-06-04 11:30")]), L("2024-06-04 13:30"),
               expect={"onSite": {"due": L("2024-06-04 16:00")}})
    f.evaluate("D2.20", "two separate pauses add up; the warning at 75% moves with them",
               ticket("2024-06-04 10:00", 1, pauses=[("2024-06-04 10:30", "2024-06-04 11:00"),
                                                     ("2024-06-04 12:00", "2024-06-04 13:00")]), L("2024-06-04 13:30"),
               expect={"onSite": {"due": L("2024-06-04 15:30"), "warnings": [L("2024-06-04 14:30")]}})
    f.evaluate("D2.20", "a pause over lunch on a working-time target removes only the working hour in it; the "
               "warning one working hour before is the earliest instant with 7 working hours counted: Monday's close",
               ticket("2024-03-04 09:00", 3, pauses=[("2024-03-04 11:30", "2024-03-04 13:30")]), L("2024-03-04 17:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-03-05 10:00"), "warnings": [L("2024-03-04 18:00")],
                                  "nextAlert": L("2024-03-04 18:00")}})
    f.evaluate("D2.20", "a pause entirely outside working hours does not move a working-time deadline",
               ticket("2024-03-04 15:00", 4, pauses=[("2024-03-04 19:00", "2024-03-05 08:30")]), L("2024-03-05 09:00"),
               expect={"onSite": {"due": L("2024-03-05 15:00")}, "firstResponse": {"due": L("2024-03-04 15:30")}})
    f.evaluate("D2.20", "the same night pause moves an elapsed deadline by its whole length",
               ticket("2024-03-04 15:00", 2, pauses=[("2024-03-04 16:00", "2024-03-05 08:30")]), L("2024-03-05 09:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-03-05 11:30")}})
    f.evaluate("D2.20", "a 1-hour pause on a 2-working-day target: the deadline leaves the close of business",
               ticket("2024-03-04 10:00", 3, pauses=[("2024-03-04 14:00", "2024-03-04 15:00")]), L("2024-03-06 12:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-03-07 10:00")}})
    f.evaluate("D2.20", "a 1-hour pause before National Day on a 2-working-day target: the extra hour is on 8 October",
               ticket("2024-09-27 10:00", 3, pauses=[("2024-09-27 14:00", "2024-09-27 15:00")]), L("2024-10-01 12:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-10-08 10:00")}})
    f.evaluate("D2.20", "a pause on a calendar-day target counts wall-clock time: 24:00 moves by 5 hours",
               ticket("2024-06-04 10:00", 3, pauses=[("2024-06-05 20:00", "2024-06-06 01:00")]), L("2024-06-07 12:00"),
               expect={"repairPlan": {"status": "pending", "due": L("2024-06-08 05:00")}})
    f.evaluate("D2.20", "pause over the whole Spring Festival on a working-time target moves nothing",
               ticket("2024-02-09 14:00", 4, pauses=[("2024-02-09 18:00", "2024-02-18 09:00", "the customer's site is closed")]),
               L("2024-02-18 10:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-02-18 14:00")}})
    f.evaluate("D2.20", "pause during Spring Festival on an elapsed target moves it by the whole pause",
               ticket("2024-02-09 20:00", 1, pauses=[("2024-02-09 21:00", "2024-02-17 21:00")]), L("2024-02-17 22:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-02-18 00:00"), "remaining": "PT2H"}})
    f.evaluate("D2.20", "ignorePauses: 'accepted' is met only by the clock that never stops",
               ticket("2024-06-04 10:00", 1, events=[("accepted", "2024-06-04 11:10")],
                      pauses=[("2024-06-04 10:05", "2024-06-04 11:00")]), L("2024-06-04 11:30"),
               expect={"accepted": {"status": "breached", "due": L("2024-06-04 11:00"), "overdueBy": "PT10M"},
                "firstResponse": {"status": "breached", "due": L("2024-06-04 11:25"), "overdueBy": "PT5M"}})
    f.evaluate("D2.21", "confirmation is off in this policy: an unconfirmed event counts",
               ticket("2024-06-04 10:00", 1, events=[("firstResponse", "2024-06-04 10:20", False)]), L("2024-06-04 11:00"),
               expect={"firstResponse": {"status": "met"}})
    f.evaluate("D2.1", "retroactive: a level-3 ticket upgraded to level 1 counts the elapsed 4 h from the report",
               ticket("2024-03-04 09:00", 3, changes=[("2024-03-04 11:00", 1)]), L("2024-03-04 12:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-03-04 13:00"), "remaining": "PT1H"}})
    f.evaluate("D2.1", "retroactive: before the upgrade the level-3 working-time row applied",
               ticket("2024-03-04 09:00", 3, changes=[("2024-03-04 11:00", 1)]), L("2024-03-04 10:59"),
               expect={"onSite": {"status": "pending", "due": L("2024-03-04 18:00")}})
    f.evaluate("D2.1", "retroactive: an upgrade after the old deadline finds the new one breached",
               ticket("2024-03-04 09:00", 4, changes=[("2024-03-04 15:00", 2)]), L("2024-03-04 15:00"),
               expect={"onSite": {"status": "breached", "due": L("2024-03-04 13:00"), "overdueBy": "PT2H"}})
    f.evaluate("D2.3", "retroactive: a downgrade from level 1 to 3 counts 8 working hours from the report",
               ticket("2024-03-04 09:00", 1, changes=[("2024-03-04 09:30", 3)], events=[("onSite", "2024-03-04 15:00")]),
               L("2024-03-04 16:00"),
               expect={"onSite": {"status": "met", "due": L("2024-03-04 18:00")}})
    f.evaluate("D2.1", "two level changes: the last one at or before asOf counts",
               ticket("2024-03-04 09:00", 4, changes=[("2024-03-04 09:10", 2), ("2024-03-04 09:20", 3)]),
               L("2024-03-04 09:30"), expect={"onSite": {"due": L("2024-03-04 18:00")}})
    f.error("D2.20", "a pause that ends before it begins is rejected",
            ticket("2024-06-04 10:00", 1, pauses=[("2024-06-04 12:00", "2024-06-04 11:00")]), L("2024-06-04 13:00"))
    f.error("D2.20", "a level change to level 7 is rejected",
            ticket("2024-06-04 10:00", 1, changes=[("2024-06-04 12:00", 7)]), L("2024-06-04 13:00"))
    f.random_cases(2201, 40, {}, "D2.20")
    return f


def from_change():
    f = PolicyFile(
        "policy-from-change.json",
        "levelChange fromChange with the D2.6-D2.9 rows and restoring after arrival (D2.1): after a change of level, "
        "targets that count from the report count from the last change at or before asOf; targets that count from "
        "a milestone are unchanged.",
        {"always": ALWAYS},
        {"calendar": "always", "levelChange": "fromChange",
         "targets": [
             {"milestone": "firstResponse", "elapsed": "PT30M"},
             {"milestone": "onSite", "levels": [1], "elapsed": "PT24H"},
             {"milestone": "onSite", "levels": [2, 3], "elapsed": "PT36H"},
             {"milestone": "onSite", "levels": [4], "elapsed": "PT48H", "warnings": [{"share": 0.5}]},
             {"milestone": "restored", "levels": [1, 2], "from": "onSite", "elapsed": "PT4H"}]})
    f.evaluate("D2.6", "no change: counted from the report",
               ticket("2024-09-30 10:00", 1), L("2024-09-30 11:00"),
               expect={"onSite": {"due": L("2024-10-01 10:00")}, "firstResponse": {"status": "breached"}})
    f.evaluate("D2.6", "upgraded from level 4 to level 1: 24 h counted from the change",
               ticket("2024-09-30 10:00", 4, changes=[("2024-10-01 08:00", 1)]), L("2024-10-01 12:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-10-02 08:00"), "remaining": "PT20H"},
                       "firstResponse": {"status": "breached", "due": L("2024-10-01 08:30"), "overdueBy": "PT3H30M"}})
    f.evaluate("D2.6", "upgraded: a first response given before the change still meets the target counted from it",
               ticket("2024-09-30 10:00", 4, events=[("firstResponse", "2024-09-30 10:10")],
                      changes=[("2024-10-01 08:00", 1)]), L("2024-10-01 12:00"),
               expect={"firstResponse": {"status": "met", "due": L("2024-10-01 08:30")}})
    f.evaluate("D2.6", "upgraded: restored still counts from arrival, which is unchanged",
               ticket("2024-09-30 10:00", 4, events=[("onSite", "2024-10-01 09:00")], changes=[("2024-10-01 08:00", 1)]),
               L("2024-10-01 12:00"),
               expect={"onSite": {"status": "met"}, "restored": {"status": "pending", "due": L("2024-10-01 13:00")}})
    f.evaluate("D2.9", "before the change is in force: level 4, 48 h from the report, warned at half-time",
               ticket("2024-09-30 10:00", 4, changes=[("2024-10-01 08:00", 1)]), L("2024-10-01 07:59"),
               expect={"onSite": {"status": "pending", "due": L("2024-10-02 10:00"), "warnings": [L("2024-10-01 10:00")],
                                  "nextAlert": L("2024-10-01 10:00")},
                       "restored": {"status": "notApplicable"}})
    f.evaluate("D2.7", "downgraded from level 1 to level 2: 36 h from the change",
               ticket("2024-02-09 22:00", 1, changes=[("2024-02-10 02:00", 2)]), L("2024-02-10 03:00"),
               expect={"onSite": {"due": L("2024-02-11 14:00")}})
    f.evaluate("D2.8", "two changes: counted from the last at or before asOf",
               ticket("2024-02-09 22:00", 1, changes=[("2024-02-10 02:00", 2), ("2024-02-10 06:00", 3)]),
               L("2024-02-10 07:00"), expect={"onSite": {"due": L("2024-02-11 18:00")},
                                              "restored": {"status": "notApplicable"}})
    f.evaluate("D2.8", "two changes, the second after asOf: counted from the first",
               ticket("2024-02-09 22:00", 1, changes=[("2024-02-10 02:00", 2), ("2024-02-10 06:00", 3)]),
               L("2024-02-10 05:00"), expect={"onSite": {"due": L("2024-02-11 14:00")}, "restored": {"status": "waiting"}})
    f.evaluate("D2.6", "upgrade from 2 to 1 after a late arrival under level 2: on site met against the new clock",
               ticket("2024-05-01 08:00", 2, events=[("onSite", "2024-05-02 10:00")], changes=[("2024-05-02 12:00", 1)]),
               L("2024-05-02 13:00"),
               expect={"onSite": {"status": "met", "due": L("2024-05-03 12:00")}})
    f.random_cases(2661, 25, {}, lambda t, lv: f"D2.{5 + lv}")
    return f


def confirmed():
    f = PolicyFile(
        "policy-confirmed.json",
        "Only records the customer confirmed count (D2.21, 无客户确认视作无效记录; D1.11, both sides confirm the start "
        "and the end of the service): `confirmedEventsOnly: true`. `confirmed` defaults to true.",
        {"always": ALWAYS},
        {"calendar": "always", "confirmedEventsOnly": True,
         "targets": [
             {"milestone": "onSite", "elapsed": "PT4H"},
             {"milestone": "restored", "from": "onSite", "elapsed": "PT2H"},
             {"milestone": "resolved", "elapsed": "PT24H", "warnings": [{"share": 0.9}]}]})
    f.evaluate("D2.21", "an unconfirmed arrival is not evidence: on site pending, restored waiting",
               ticket("2024-10-04 09:00", 2, events=[("onSite", "2024-10-04 10:00", False)]), L("2024-10-04 11:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-10-04 13:00")}, "restored": {"status": "waiting"}})
    f.evaluate("D2.21", "an unconfirmed arrival, and the deadline has passed: breached",
               ticket("2024-10-04 09:00", 2, events=[("onSite", "2024-10-04 10:00", False)]), L("2024-10-04 13:30"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT30M"}})
    f.evaluate("D2.21", "the first confirmed arrival counts, after an unconfirmed one",
               ticket("2024-10-04 09:00", 2, events=[("onSite", "2024-10-04 10:00", False), ("onSite", "2024-10-04 12:00", True)]),
               L("2024-10-04 13:30"),
               expect={"onSite": {"status": "met"}, "restored": {"status": "pending", "due": L("2024-10-04 14:00")}})
    f.evaluate("D2.21", "a late confirmed arrival after an early unconfirmed one is breached",
               ticket("2024-10-04 09:00", 2, events=[("onSite", "2024-10-04 10:00", False), ("onSite", "2024-10-04 13:10")]),
               L("2024-10-04 13:30"),
               expect={"onSite": {"status": "breached", "overdueBy": "PT10M"}, "restored": {"due": L("2024-10-04 15:10")}})
    f.evaluate("D2.21", "an unconfirmed resolution does not stop the clock, and pauses after it still count",
               ticket("2024-10-04 09:00", 2, events=[("resolved", "2024-10-04 20:00", False)],
                      pauses=[("2024-10-04 21:00", "2024-10-04 23:00")]), L("2024-10-05 09:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-10-05 11:00"), "warnings": [L("2024-10-05 08:36")],
                                    "nextAlert": L("2024-10-05 11:00")}})
    f.evaluate("D1.11", "start and end confirmed by both sides: on site and resolved are met",
               ticket("2024-10-04 09:00", 2, events=[("onSite", "2024-10-04 11:00", True), ("restored", "2024-10-04 12:30", True),
                                                     ("resolved", "2024-10-04 18:00", True)]), L("2024-10-05 09:00"),
               expect={"onSite": {"status": "met"}, "restored": {"status": "met", "due": L("2024-10-04 13:00")},
                       "resolved": {"status": "met", "due": L("2024-10-05 09:00")}})
    f.evaluate("D1.11", "the end of service recorded but not confirmed: resolved is breached at asOf",
               ticket("2024-10-04 09:00", 2, events=[("onSite", "2024-10-04 11:00"), ("resolved", "2024-10-04 18:00", False)]),
               L("2024-10-05 10:00"),
               expect={"resolved": {"status": "breached", "overdueBy": "PT1H"}})
    f.evaluate("D1.11", "confirmed defaults to true",
               ticket("2024-10-04 09:00", 2, events=[("onSite", "2024-10-04 11:00")]), L("2024-10-04 11:30"),
               expect={"onSite": {"status": "met"}, "restored": {"status": "pending", "due": L("2024-10-04 13:00")}})
    f.random_cases(2211, 20, {}, "D2.21")
    return f


def complaints():
    f = PolicyFile(
        "policy-complaints.json",
        "Complaints (D2.19, D1.9): a first reply within 2 h; the department's opinion within 2 working hours; the "
        "investigation result by the 2nd working day (D1.8); resolved to the customer's satisfaction within half a "
        "month (P15D), a last day that is not a working day moving to the close of the next working day (PRC Civil "
        "Code art. 203); a satisfaction survey a month after the complaint (P1M).",
        {"office": OFFICE, "always": ALWAYS},
        {"calendar": "office",
         "targets": [
             {"milestone": "firstResponse", "elapsed": "PT2H"},
             {"milestone": "departmentOpinion", "workingTime": "PT2H"},
             {"milestone": "investigationResult", "workingDays": 2, "warnings": [{"before": "PT3H"}]},
             {"milestone": "resolved", "period": "P15D", "holidayRule": "nextWorkingDay", "warnings": [{"share": 0.5}]},
             {"milestone": "satisfactionSurvey", "period": "P1M", "holidayRule": "none"}]})
    f.evaluate("D1.9", "half a month from 10 September 2024 ends at 24:00 of Wednesday 25 September",
               ticket("2024-09-10 10:00", 3), L("2024-09-20 10:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-09-26 00:00")}})
    f.evaluate("D1.9", "half a month from 20 September 2024 ends on National Day: moved to the close of 8 October",
               ticket("2024-09-20 10:00", 3), L("2024-10-01 10:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-10-08 18:00")}})
    f.evaluate("D1.9", "half a month from 26 January 2024 ends in Spring Festival: moved to the adjusted Sunday 18 February",
               ticket("2024-01-26 15:00", 2, events=[("resolved", "2024-02-18 17:00")]), L("2024-02-19 09:00"),
               expect={"resolved": {"status": "met", "due": L("2024-02-18 18:00")}})
    f.evaluate("D1.9", "half a month from 15 March 2024 ends on a Saturday: moved to Monday's close",
               ticket("2024-03-15 09:00", 4, events=[("resolved", "2024-04-01 18:30")]), L("2024-04-02 09:00"),
               expect={"resolved": {"status": "breached", "due": L("2024-04-01 18:00"), "overdueBy": "PT30M"}})
    f.evaluate("D1.9", "half a month from 13 January 2025 ends in Spring Festival 2025: moved to 5 February",
               ticket("2025-01-13 11:00", 3), L("2025-02-05 18:00"),
               expect={"resolved": {"status": "pending", "due": L("2025-02-05 18:00"), "remaining": "PT0S"}})
    f.evaluate("D1.9", "half a month from 29 January 2024 ends on 13 February, in Spring Festival: moved to the "
               "close of the adjusted working Sunday 18 February",
               ticket("2024-01-29 09:00", 3), L("2024-02-10 09:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-02-18 18:00")}})
    f.evaluate("D1.9", "half a month ending on a working day stays at 24:00; the half-way warning is on the wall clock",
               ticket("2024-06-03 12:00", 3), L("2024-06-05 09:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-06-19 00:00"),
                                    "warnings": [L("2024-06-11 06:00")], "nextAlert": L("2024-06-11 06:00")}})
    f.evaluate("D1.9", "a pause moves the half-month deadline by its wall-clock length",
               ticket("2024-06-03 12:00", 3, pauses=[("2024-06-05 09:00", "2024-06-07 09:00", "waiting for the customer's records")]),
               L("2024-06-18 12:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-06-21 00:00")}})
    f.evaluate("D1.9", "a pause on a deadline moved by the holiday rule: applied after the rule",
               ticket("2024-09-20 10:00", 3, pauses=[("2024-09-23 10:00", "2024-09-23 12:00")]), L("2024-10-08 10:00"),
               expect={"resolved": {"status": "pending", "due": L("2024-10-08 20:00")}})
    f.evaluate("D2.19", "a complaint at 10:30 Monday: reply within 2 h, opinion within 2 working hours over lunch",
               ticket("2024-06-03 10:30", 3, events=[("firstResponse", "2024-06-03 12:20"), ("departmentOpinion", "2024-06-03 13:40")]),
               L("2024-06-03 14:00"),
               expect={"firstResponse": {"status": "met", "due": L("2024-06-03 12:30")},
                "departmentOpinion": {"status": "breached", "due": L("2024-06-03 13:30"), "overdueBy": "PT10M"}})
    f.evaluate("D2.19", "a complaint on the evening before Qingming 2024: the opinion is due on the adjusted "
               "working Sunday 7 April",
               ticket("2024-04-03 19:00", 3), L("2024-04-07 10:00"),
               expect={"departmentOpinion": {"status": "pending", "due": L("2024-04-07 11:00")},
                       "investigationResult": {"status": "pending", "due": L("2024-04-08 18:00"),
                                               "warnings": [L("2024-04-08 15:00")]}})
    f.evaluate("D1.8", "investigation result by the 2nd working day, from a Friday",
               ticket("2024-03-01 15:00", 3, events=[("investigationResult", "2024-03-05 17:59")]), L("2024-03-06 09:00"),
               expect={"investigationResult": {"status": "met", "due": L("2024-03-05 18:00")}})
    f.evaluate("D2.19", "investigation result before Labour Day 2024: the adjusted Saturday 11 May is not reached",
               ticket("2024-04-30 16:00", 3), L("2024-05-07 12:00"),
               expect={"investigationResult": {"status": "pending", "due": L("2024-05-07 18:00"), "nextAlert": L("2024-05-07 15:00")}})
    f.evaluate("D2.19", "investigation result on Friday 10 May 2024: the adjusted Saturday 11 May is the first working day",
               ticket("2024-05-10 09:00", 3), L("2024-05-13 09:00"),
               expect={"investigationResult": {"status": "pending", "due": L("2024-05-13 18:00"), "remaining": "PT9H"}})
    f.evaluate("D1.9", "a month after 31 January 2024 ends on 29 February (leap year), at 24:00",
               ticket("2024-01-31 10:00", 3), L("2024-02-29 23:00"),
               expect={"satisfactionSurvey": {"status": "pending", "due": L("2024-03-01 00:00"), "remaining": "PT1H"}})
    f.evaluate("D1.9", "a month after 31 January 2025 ends on 28 February",
               ticket("2025-01-31 10:00", 3), L("2025-03-01 00:00:01"),
               expect={"satisfactionSurvey": {"status": "breached", "due": L("2025-03-01 00:00"), "overdueBy": "PT1S"}})
    f.evaluate("D1.9", "a month after 1 September 2024 ends on National Day, with no holiday rule: 24:00 of 1 October",
               ticket("2024-09-01 10:00", 3, events=[("satisfactionSurvey", "2024-10-01 23:00")]), L("2024-10-02 10:00"),
               expect={"satisfactionSurvey": {"status": "met", "due": L("2024-10-02 00:00")}})
    f.random_cases(2191, 30, {}, lambda t, lv: "D2.19" if lv % 2 else "D1.9")
    return f


def working_calendar():
    f = PolicyFile(
        "policy-working-calendar.json",
        "Targets on the office calendar with a 16:00 cut-off (a report at or after 16:00 counts from the opening of "
        "the next working day), calendar days with and without the holiday rule (D1.6, D1.7), on mainland China "
        "holidays and adjusted working days. Repair plan within 6 working hours and repaired within 2 working days "
        "(D2.3).",
        {"office": OFFICE},
        {"calendar": "office",
         "targets": [
             {"milestone": "repairPlan", "workingTime": "PT6H", "cutOff": "16:00", "warnings": [{"share": 0.5}]},
             {"milestone": "resolved", "workingDays": 2, "cutOff": "16:00"},
             {"milestone": "faultReport", "calendarDays": 3, "holidayRule": "nextWorkingDay"},
             {"milestone": "replacement", "calendarDays": 7}]})
    f.evaluate("D2.3", "before the cut-off on Friday 9 February 2024: counted from the report",
               ticket("2024-02-09 15:59", 3), L("2024-02-10 12:00"),
               expect={"repairPlan": {"due": L("2024-02-18 13:59"), "warnings": [L("2024-02-18 09:59")]},
                       "resolved": {"due": L("2024-02-19 18:00")}})
    f.evaluate("D2.3", "exactly at the 16:00 cut-off on Friday 9 February 2024: counted from 09:00 of the adjusted "
               "Sunday 18 February",
               ticket("2024-02-09 16:00", 3), L("2024-02-10 12:00"),
               expect={"repairPlan": {"due": L("2024-02-18 16:00"), "warnings": [L("2024-02-18 12:00")]},
                       "resolved": {"due": L("2024-02-20 18:00")}})
    f.evaluate("D2.3", "after the cut-off on Friday 27 September 2024: counted from the adjusted Sunday 29 September",
               ticket("2024-09-27 17:30", 3, events=[("repairPlan", "2024-09-29 15:00")]), L("2024-09-30 12:00"),
               expect={"repairPlan": {"status": "met", "due": L("2024-09-29 16:00")},
                       "resolved": {"status": "pending", "due": L("2024-10-08 18:00")}})
    f.evaluate("D2.3", "after the cut-off on 30 September 2024: counted from 8 October",
               ticket("2024-09-30 16:30", 4), L("2024-10-09 12:00"),
               expect={"repairPlan": {"status": "breached", "due": L("2024-10-08 16:00")},
                       "resolved": {"status": "pending", "due": L("2024-10-10 18:00")}})
    f.evaluate("D2.3", "a Saturday morning report before the cut-off is unchanged: the working clock starts Monday",
               ticket("2024-03-02 10:00", 3), L("2024-03-04 09:00"),
               expect={"repairPlan": {"due": L("2024-03-04 16:00")}, "resolved": {"due": L("2024-03-05 18:00")}})
    f.evaluate("D2.3", "a Saturday evening report after the cut-off counts from Monday's opening, so Monday is the "
               "uncounted start date",
               ticket("2024-03-02 17:00", 3), L("2024-03-04 09:00"),
               expect={"repairPlan": {"due": L("2024-03-04 16:00")}, "resolved": {"due": L("2024-03-06 18:00")}})
    f.evaluate("D2.3", "after the cut-off on the eve of the adjusted Saturday 12 October 2024",
               ticket("2024-10-11 16:45", 3), L("2024-10-12 09:00"),
               expect={"repairPlan": {"due": L("2024-10-12 16:00")}, "resolved": {"due": L("2024-10-15 18:00")}})
    f.evaluate("D1.6", "3 calendar days from Monday 3 June 2024: 24:00 of Thursday",
               ticket("2024-06-03 10:00", 3), L("2024-06-06 23:59"),
               expect={"faultReport": {"status": "pending", "due": L("2024-06-07 00:00"), "remaining": "PT1M"}})
    f.evaluate("D1.6", "3 calendar days from Thursday 6 June 2024 end on Sunday: moved past Dragon Boat to the close "
               "of Tuesday 11 June",
               ticket("2024-06-06 10:00", 3), L("2024-06-10 10:00"),
               expect={"faultReport": {"status": "pending", "due": L("2024-06-11 18:00")}})
    f.evaluate("D1.6", "3 calendar days from 1 February 2024 end on the adjusted Sunday 4 February: 24:00",
               ticket("2024-02-01 10:00", 3, events=[("faultReport", "2024-02-04 23:00")]), L("2024-02-05 10:00"),
               expect={"faultReport": {"status": "met", "due": L("2024-02-05 00:00")}})
    f.evaluate("D1.6", "3 calendar days from 28 September 2025 end on National Day: moved to the close of 9 October",
               ticket("2025-09-28 10:00", 3), L("2025-10-08 10:00"),
               expect={"faultReport": {"status": "pending", "due": L("2025-10-09 18:00")}})
    f.evaluate("D1.7", "7 natural days from 30 September 2024 end at 24:00 of 7 October, holiday or not",
               ticket("2024-09-30 23:30", 3), L("2024-10-08 00:00"),
               expect={"replacement": {"status": "pending", "due": L("2024-10-08 00:00"), "remaining": "PT0S"}})
    f.evaluate("D1.7", "7 natural days: one second later is breached",
               ticket("2024-09-30 23:30", 3), L("2024-10-08 00:00:01"),
               expect={"replacement": {"status": "breached", "overdueBy": "PT1S"}})
    f.random_cases(2031, 30, {}, lambda t, lv: "D2.3")
    return f


def contact():
    f = PolicyFile(
        "policy-contact.json",
        "Contact promises: the hotline answered within 1 min and an engineer answering or calling back within "
        "10 min (D2.17), an emergency reaction within 10 min for level 1, accept-or-decline within 1 h (D2.18); "
        "under warranty an engineer calls within 5 min, a solution within 1 h, on site within 12 h (D2.12). Every "
        "clock starts when the report is received, not when it is accepted (D1.10).",
        {"always": ALWAYS},
        {"calendar": "always",
         "targets": [
             {"milestone": "answered", "elapsed": "PT1M", "warnings": [{"before": "PT20S"}]},
             {"milestone": "firstResponse", "where": {"contract": "warranty"}, "elapsed": "PT5M"},
             {"milestone": "firstResponse", "elapsed": "PT10M"},
             {"milestone": "emergencyReaction", "levels": [1], "elapsed": "PT10M"},
             {"milestone": "accepted", "elapsed": "PT1H", "warnings": [{"share": 0.5}, {"share": 0.9}]},
             {"milestone": "repairPlan", "where": {"contract": "warranty"}, "elapsed": "PT1H"},
             {"milestone": "onSite", "where": {"contract": "warranty"}, "elapsed": "PT12H"}]})
    w = {"contract": "warranty"}
    f.evaluate("D2.17", "hotline answered in 50 seconds", ticket("2024-10-01 09:00", 3, events=[("answered", "2024-10-01 09:00:50")]),
               L("2024-10-01 09:05"),
               expect={"answered": {"status": "met", "due": L("2024-10-01 09:01"), "warnings": [L("2024-10-01 09:00:40")]}})
    f.evaluate("D2.17", "hotline: 30 seconds in, the next alert is the 20-second warning",
               ticket("2024-10-01 09:00", 3), L("2024-10-01 09:00:30"),
               expect={"answered": {"status": "pending", "remaining": "PT30S", "nextAlert": L("2024-10-01 09:00:40")}})
    f.evaluate("D2.17", "engineer calls back within 10 minutes without a warranty contract",
               ticket("2024-10-01 09:00", 3, events=[("firstResponse", "2024-10-01 09:09")]), L("2024-10-01 09:30"),
               expect={"firstResponse": {"status": "met", "due": L("2024-10-01 09:10")},
                       "onSite": {"status": "notApplicable", "due": None},
                       "repairPlan": {"status": "notApplicable"}})
    f.evaluate("D2.17", "level 1 emergency reaction within 10 minutes, missed",
               ticket("2024-10-01 09:00", 1, events=[("emergencyReaction", "2024-10-01 09:12")]), L("2024-10-01 09:30"),
               expect={"emergencyReaction": {"status": "breached", "overdueBy": "PT2M"}})
    f.evaluate("D2.17", "a level-2 fault has no emergency reaction target",
               ticket("2024-10-01 09:00", 2), L("2024-10-01 09:30"),
               expect={"emergencyReaction": {"status": "notApplicable"}})
    f.evaluate("D2.12", "under warranty the engineer calls within 5 minutes: 9 minutes is late",
               ticket("2024-10-01 09:00", 3, w, events=[("firstResponse", "2024-10-01 09:09")]), L("2024-10-01 09:30"),
               expect={"firstResponse": {"status": "breached", "due": L("2024-10-01 09:05"), "overdueBy": "PT4M"},
                       "repairPlan": {"status": "pending", "due": L("2024-10-01 10:00")},
                       "onSite": {"status": "pending", "due": L("2024-10-01 21:00")}})
    f.evaluate("D2.12", "under warranty: solution within 1 h and on site within 12 h, both met",
               ticket("2024-12-31 20:00", 2, w, events=[("firstResponse", "2024-12-31 20:03"), ("repairPlan", "2024-12-31 20:45"),
                                                        ("onSite", "2025-01-01 07:30")]), L("2025-01-01 09:00"),
               expect={"firstResponse": {"status": "met"}, "repairPlan": {"status": "met"},
                       "onSite": {"status": "met", "due": L("2025-01-01 08:00")}})
    f.evaluate("D2.18", "accept or decline within 1 hour, warned at 30 and 54 minutes",
               ticket("2024-10-01 09:00", 3), L("2024-10-01 09:40"),
               expect={"accepted": {"status": "pending", "warnings": [L("2024-10-01 09:30"), L("2024-10-01 09:54")],
                                    "nextAlert": L("2024-10-01 09:54"), "remaining": "PT20M"}})
    f.evaluate("D2.18", "accepted after 61 minutes is breached",
               ticket("2024-10-01 09:00", 3, events=[("accepted", "2024-10-01 10:01")]), L("2024-10-01 11:00"),
               expect={"accepted": {"status": "breached", "overdueBy": "PT1M"}})
    f.evaluate("D1.10", "the on-site clock starts at the report, not at the acceptance 50 minutes later",
               ticket("2024-10-01 09:00", 2, w, events=[("accepted", "2024-10-01 09:50"), ("onSite", "2024-10-01 21:30")]),
               L("2024-10-01 22:00"),
               expect={"accepted": {"status": "met"}, "onSite": {"status": "breached", "due": L("2024-10-01 21:00"),
                                                                  "overdueBy": "PT30M"}})
    f.evaluate("D1.10", "a report received at 23:58 on 31 December: the clock starts then, not at the next day's acceptance",
               ticket("2024-12-31 23:58", 3, w, events=[("accepted", "2025-01-01 00:30")]), L("2025-01-01 00:30"),
               expect={"firstResponse": {"status": "breached", "due": L("2025-01-01 00:03"), "overdueBy": "PT27M"},
                       "accepted": {"status": "met"}})
    f.evaluate("D2.18", "accepted exactly 1 hour after the report is met",
               ticket("2024-02-10 00:30", 1, events=[("accepted", "2024-02-10 01:30")]), L("2024-02-10 01:30"),
               expect={"accepted": {"status": "met", "due": L("2024-02-10 01:30"),
                                    "warnings": [L("2024-02-10 01:00"), L("2024-02-10 01:24")]}})
    f.evaluate("D2.18", "not accepted one second after the hour: breached by one second",
               ticket("2024-02-10 00:30", 1), L("2024-02-10 01:30:01"),
               expect={"accepted": {"status": "breached", "overdueBy": "PT1S", "nextAlert": None},
                       "emergencyReaction": {"status": "breached", "overdueBy": "PT50M1S"}})
    f.evaluate("D1.10", "received at 17:55, accepted at 18:40: answered, called back and accepted all count from 17:55",
               ticket("2024-06-07 17:55", 2, events=[("answered", "2024-06-07 17:55:30"), ("accepted", "2024-06-07 18:40"),
                                                     ("firstResponse", "2024-06-07 18:10")]), L("2024-06-07 19:00"),
               expect={"answered": {"status": "met"}, "accepted": {"status": "met", "due": L("2024-06-07 18:55")},
                       "firstResponse": {"status": "breached", "due": L("2024-06-07 18:05"), "overdueBy": "PT5M"}})
    f.evaluate("D1.10", "an acceptance that never comes does not hold the on-site clock back",
               ticket("2024-06-07 17:55", 2, w), L("2024-06-08 06:00"),
               expect={"accepted": {"status": "breached", "overdueBy": "PT11H5M"},
                       "onSite": {"status": "breached", "due": L("2024-06-08 05:55"), "overdueBy": "PT5M"}})
    f.evaluate("D1.10", "under warranty, accepted late: the solution's hour still counts from the report",
               ticket("2024-06-07 17:55", 3, w, events=[("accepted", "2024-06-07 18:30"), ("repairPlan", "2024-06-07 19:00")]),
               L("2024-06-07 19:30"),
               expect={"repairPlan": {"status": "breached", "due": L("2024-06-07 18:55"), "overdueBy": "PT5M"}})

    def contact_ref(t, lv):
        if t.get("attributes", {}).get("contract") == "warranty":
            return "D2.12"
        if any(e["milestone"] == "accepted" for e in t.get("events", [])):
            return "D2.18"
        return "D2.17"

    f.random_cases(2171, 30, {"contract": ["warranty", "none", "warranty"]}, contact_ref)
    return f


def reports():
    f = PolicyFile(
        "policy-reports.json",
        "Reports after the fact: an incident report within 48 h after service is restored (D2.15; levels 3-4: 2 "
        "working days), and a fault detection report within 8 h of confirming a hardware fault (D2.16). Confirming a "
        "hardware fault is itself given 24 h here so that the report's anchor is a milestone of the policy.",
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "always",
         "targets": [
             {"milestone": "restored", "levels": [1, 2], "elapsed": "PT4H"},
             {"milestone": "restored", "levels": [3, 4], "elapsed": "PT24H"},
             {"milestone": "incidentReport", "levels": [1, 2], "from": "restored", "elapsed": "PT48H",
              "warnings": [{"before": "PT4H"}]},
             {"milestone": "incidentReport", "levels": [3, 4], "from": "restored", "workingDays": 2, "calendar": "office"},
             {"milestone": "hardwareConfirmed", "where": {"faultType": "hardware"}, "elapsed": "PT24H"},
             {"milestone": "faultReport", "where": {"faultType": "hardware"}, "from": "hardwareConfirmed",
              "elapsed": "PT8H"}]})
    hw = {"faultType": "hardware"}
    f.evaluate("D2.15", "incident report 48 h after restoring, not after the report",
               ticket("2024-09-29 20:00", 1, events=[("restored", "2024-09-29 23:30")]), L("2024-10-01 12:00"),
               expect={"incidentReport": {"status": "pending", "due": L("2024-10-01 23:30"),
                                          "warnings": [L("2024-10-01 19:30")], "nextAlert": L("2024-10-01 19:30")},
                       "restored": {"status": "met"}})
    f.evaluate("D2.15", "incident report waits while service is not restored",
               ticket("2024-09-29 20:00", 1), L("2024-10-01 12:00"),
               expect={"incidentReport": {"status": "waiting", "due": None, "nextAlert": None},
                       "restored": {"status": "breached", "overdueBy": "PT36H"}})
    f.evaluate("D2.15", "incident report handed over exactly 48 h after restoring is met",
               ticket("2024-09-29 20:00", 2, events=[("restored", "2024-09-30 01:00"), ("incidentReport", "2024-10-02 01:00")]),
               L("2024-10-02 01:00"),
               expect={"incidentReport": {"status": "met", "due": L("2024-10-02 01:00")},
                       "restored": {"status": "breached", "overdueBy": "PT1H"}})
    f.evaluate("D2.15", "a pause while the report is being written moves its deadline",
               ticket("2024-09-29 20:00", 2, events=[("restored", "2024-09-29 23:00")],
                      pauses=[("2024-09-30 09:00", "2024-09-30 21:00", "the customer reviews the draft")]),
               L("2024-10-02 12:00"),
               expect={"incidentReport": {"status": "breached", "due": L("2024-10-02 11:00"), "overdueBy": "PT1H"}})
    f.evaluate("D2.15", "level 3: incident report within 2 working days of restoring on 30 September 2024",
               ticket("2024-09-29 20:00", 3, events=[("restored", "2024-09-30 15:00")]), L("2024-10-08 12:00"),
               expect={"incidentReport": {"status": "pending", "due": L("2024-10-09 18:00")}})
    f.evaluate("D2.16", "fault detection report 8 h after the hardware fault is confirmed",
               ticket("2025-01-27 10:00", 3, hw, events=[("hardwareConfirmed", "2025-01-27 16:00"),
                                                         ("faultReport", "2025-01-28 00:30")]), L("2025-01-28 09:00"),
               expect={"faultReport": {"status": "breached", "due": L("2025-01-28 00:00"), "overdueBy": "PT30M"},
                       "hardwareConfirmed": {"status": "met"}})
    f.evaluate("D2.16", "not yet confirmed as hardware: the detection report waits",
               ticket("2025-01-27 10:00", 3, hw), L("2025-01-27 12:00"),
               expect={"faultReport": {"status": "waiting"}, "hardwareConfirmed": {"status": "pending", "remaining": "PT22H"}})
    f.evaluate("D2.16", "not a hardware fault: no detection report",
               ticket("2025-01-27 10:00", 3, {"faultType": "software"}), L("2025-01-27 12:00"),
               expect={"faultReport": {"status": "notApplicable"}, "hardwareConfirmed": {"status": "notApplicable"}})
    f.random_cases(2151, 25, {"faultType": ["hardware", "software"]},
                   lambda t, lv: "D2.16" if t.get("attributes", {}).get("faultType") == "hardware" and lv > 2 else "D2.15")
    return f


def berlin():
    zone = oracle.ZoneInfo("Europe/Berlin")
    B = lambda text: L(text, zone)  # noqa: E731
    T = lambda *a, **k: ticket(*a, zone=zone, **k)  # noqa: E731
    f = PolicyFile(
        "policy-berlin.json",
        "A support centre outside China: Europe/Berlin, Monday-Friday 08:00-12:00 and 13:00-17:00, no holiday set. "
        "Local dates, 24:00 and the close of business are Berlin's; calendar days across the change to summer time "
        "(31 March 2024) end at local midnight.",
        {"berlin-office": {"zone": "Europe/Berlin", "weekly": {"Monday-Friday": ["08:00-12:00", "13:00-17:00"]}}},
        {"calendar": "berlin-office",
         "targets": [
             {"milestone": "firstResponse", "workingTime": "PT2H", "warnings": [{"before": "PT30M"}]},
             {"milestone": "onSite", "workingDays": 1},
             {"milestone": "resolved", "calendarDays": 3, "holidayRule": "nextWorkingDay"},
             {"milestone": "answered", "elapsed": "PT1H"}]}, zone=zone)
    f.evaluate("D2.3", "Friday 16:00 in Berlin: two working hours run to Monday 09:00",
               T("2024-03-29 16:00", 3), B("2024-04-01 08:45"),
               expect={"firstResponse": {"status": "pending", "due": B("2024-04-01 09:00"), "remaining": "PT15M",
                                         "warnings": [B("2024-04-01 08:30")], "nextAlert": B("2024-04-01 09:00")},
                       "onSite": {"due": B("2024-04-01 17:00")}})
    f.evaluate("D1.6", "3 calendar days from Friday 29 March 2024 end on a Monday, at local midnight after the change "
               "to summer time",
               T("2024-03-29 16:00", 3), B("2024-04-01 08:45"),
               expect={"resolved": {"status": "pending", "due": B("2024-04-02 00:00")},
                       "answered": {"status": "breached", "due": B("2024-03-29 17:00")}})
    f.evaluate("D1.6", "3 calendar days from Wednesday end on a Saturday: moved to Monday's close in Berlin",
               T("2024-03-27 10:00", 3), B("2024-03-30 10:00"),
               expect={"resolved": {"status": "pending", "due": B("2024-04-01 17:00")}})
    f.evaluate("D1.6", "a pause across the night of the clock change removes its real length (one hour less)",
               T("2024-03-27 10:00", 3, pauses=[("2024-03-30 22:00", "2024-03-31 06:00")]), B("2024-04-01 10:00"),
               expect={"resolved": {"status": "pending", "due": B("2024-04-02 00:00")}})
    f.evaluate("D2.3", "a lunch-time report counts from 13:00 Berlin time",
               T("2024-06-04 12:15", 3, events=[("firstResponse", "2024-06-04 15:00")]), B("2024-06-04 16:00"),
               expect={"firstResponse": {"status": "met", "due": B("2024-06-04 15:00")}})
    f.evaluate("D2.3", "China's National Day is an ordinary working day in this calendar",
               T("2024-09-30 10:00", 3), B("2024-10-01 10:00"),
               expect={"onSite": {"status": "pending", "due": B("2024-10-01 17:00")}})
    f.random_cases(4901, 20, {}, "D2.3", windows=[("2024-03-20", "2024-04-05"), ("2024-10-20", "2024-11-05"),
                                                  ("2024-06-01", "2024-06-20")])
    return f


def unknown_year():
    f = PolicyFile(
        "policy-unknown-year.json",
        "A deadline that needs holiday data the calendar lacks fails with unknownYear (cn-mainland knows 2004-2026).",
        {"office": OFFICE},
        {"calendar": "office", "targets": [{"milestone": "resolved", "workingDays": 2}]})
    f.evaluate("D1.5", "2 working days from 21 December 2026 stay in the known years",
               ticket("2026-12-21 10:00", 3), L("2026-12-22 10:00"),
               expect={"resolved": {"status": "pending", "due": L("2026-12-23 18:00")}})
    f.error("D1.5", "2 working days from 30 December 2026 need 2027", ticket("2026-12-30 10:00", 3), L("2026-12-30 12:00"),
            error="unknownYear")
    f.error("D1.5", "met before the end of 2026, but the deadline still needs 2027",
            ticket("2026-12-30 10:00", 3, events=[("resolved", "2026-12-30 15:00")]), L("2026-12-31 12:00"),
            error="unknownYear")
    return f


def compliance():
    f = PolicyFile(
        "policy-compliance.json",
        "Compliance per level, milestone and period (D2.22, the quarterly statistics report): counts by status, the "
        "share met and the nearest-rank median and 90th percentile of the time to the milestone, by month and by "
        "quarter of the report in Shanghai (or another zone).",
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "always",
         "targets": [
             {"milestone": "firstResponse", "elapsed": "PT30M"},
             {"milestone": "onSite", "levels": [1], "elapsed": "PT4H"},
             {"milestone": "onSite", "levels": [2], "elapsed": "PT24H"},
             {"milestone": "restored", "levels": [1, 2], "from": "onSite", "elapsed": "PT2H"},
             {"milestone": "resolved", "levels": [3, 4], "workingDays": 2, "calendar": "office"}]})
    tickets = [
        # March 2024 (Q1), level 1
        ticket("2024-03-04 09:00", 1, events=[("firstResponse", "2024-03-04 09:10"), ("onSite", "2024-03-04 11:00"),
                                              ("restored", "2024-03-04 12:30")], id="T1"),
        ticket("2024-03-11 22:00", 1, events=[("firstResponse", "2024-03-11 22:40"), ("onSite", "2024-03-12 03:00"),
                                              ("restored", "2024-03-12 04:00")], id="T2"),
        ticket("2024-03-20 14:00", "一级", events=[("firstResponse", "2024-03-20 14:20"), ("onSite", "2024-03-20 16:00")], id="T3"),
        ticket("2024-03-31 23:30", 1, events=[("firstResponse", "2024-03-31 23:45")], id="T4"),
        # April-June 2024 (Q2), level 1
        ticket("2024-04-04 10:00", 1, events=[("firstResponse", "2024-04-04 10:05"), ("onSite", "2024-04-04 13:00"),
                                              ("restored", "2024-04-04 16:00")], id="T5"),
        ticket("2024-05-01 08:00", 1, events=[("firstResponse", "2024-05-01 08:30"), ("onSite", "2024-05-01 12:00"),
                                              ("restored", "2024-05-01 13:00")], id="T6"),
        ticket("2024-06-28 17:00", 1, id="T7"),
        # level 2 in Q1 and Q2
        ticket("2024-02-09 18:00", 2, events=[("firstResponse", "2024-02-09 18:15"), ("onSite", "2024-02-10 10:00"),
                                              ("restored", "2024-02-10 11:00")], id="T8"),
        ticket("2024-02-15 09:00", "B", events=[("firstResponse", "2024-02-15 10:00"), ("onSite", "2024-02-16 12:00")], id="T9"),
        ticket("2024-05-20 09:00", 2, events=[("firstResponse", "2024-05-20 09:29")], id="T10"),
        # levels 3 and 4 in Q2, with working days
        ticket("2024-04-30 16:00", 3, events=[("firstResponse", "2024-04-30 16:10"), ("resolved", "2024-05-07 17:00")], id="T11"),
        ticket("2024-05-10 09:00", 3, events=[("firstResponse", "2024-05-10 09:20"), ("resolved", "2024-05-13 19:00")], id="T12"),
        ticket("2024-06-07 11:00", 3, events=[("firstResponse", "2024-06-07 11:40")], id="T13"),
        ticket("2024-06-26 11:00", 4, id="T14"),
        # a level-3 ticket upgraded to level 1 (the level in force at asOf counts)
        ticket("2024-03-15 09:00", 3, events=[("firstResponse", "2024-03-15 09:05"), ("onSite", "2024-03-15 12:00"),
                                              ("restored", "2024-03-15 13:00")], changes=[("2024-03-15 10:00", 1)], id="T15"),
    ]
    as_of = L("2024-06-30 12:00")
    f.compliance("D2.22", "by quarter: Q1 and Q2 2024 per level and milestone", tickets, as_of, "quarter", "Asia/Shanghai",
                 expect=[{"level": 1, "milestone": "firstResponse", "period": "2024-Q1", "count": 5, "met": 4, "breached": 1,
                          "pending": 0, "waiting": 0, "shareMet": 0.8, "median": "PT15M", "p90": "PT40M"},
                         {"level": 1, "milestone": "onSite", "period": "2024-Q1", "count": 5, "met": 3, "breached": 2,
                          "median": "PT2H", "p90": "PT5H"},
                         {"level": 1, "milestone": "restored", "period": "2024-Q1", "count": 5, "met": 3, "breached": 1,
                          "waiting": 1, "shareMet": 0.75, "median": "PT1H", "p90": "PT1H30M"},
                         {"level": 1, "milestone": "onSite", "period": "2024-Q2", "count": 3, "met": 2, "breached": 1,
                          "pending": 0, "median": "PT3H", "p90": "PT4H"},
                         {"level": 1, "milestone": "restored", "period": "2024-Q2", "count": 3, "met": 1, "breached": 1,
                          "waiting": 1},
                         {"level": 3, "milestone": "resolved", "period": "2024-Q2", "count": 3, "met": 1, "breached": 2,
                          "pending": 0, "median": "PT82H", "p90": "PT169H"},
                         {"level": 4, "milestone": "resolved", "period": "2024-Q2", "count": 1, "met": 0, "breached": 1,
                          "pending": 0, "shareMet": 0.0, "median": None, "p90": None}])
    f.compliance("D2.22", "by month, in Shanghai", tickets, as_of, "month", "Asia/Shanghai",
                 expect=[{"level": 1, "milestone": "firstResponse", "period": "2024-03", "count": 5, "met": 4},
                         {"level": 1, "milestone": "firstResponse", "period": "2024-06", "count": 1, "met": 0,
                          "breached": 1, "shareMet": 0.0, "median": None},
                         {"level": 2, "milestone": "onSite", "period": "2024-02", "count": 2, "met": 1, "breached": 1,
                          "median": "PT16H", "p90": "PT27H"}])
    f.compliance("D2.22", "by month in UTC: the report at 23:30 on 31 March Shanghai time is in March UTC too; one "
                 "at 2024-04-04 10:00 stays in April", tickets, as_of, "month", "UTC",
                 expect=[{"level": 1, "milestone": "firstResponse", "period": "2024-03", "count": 5}])
    f.compliance("D2.22", "the default zone is that of the policy's calendar (Shanghai)", tickets, as_of, "quarter",
                 expect=[{"level": 1, "milestone": "firstResponse", "period": "2024-Q1", "count": 5}])
    f.compliance("D2.22", "as of 31 March 2024 12:00: later tickets and events are not yet known",
                 [t for t in tickets if t["reported"] < L("2024-03-31 12:00")], L("2024-03-31 12:00"), "quarter",
                 "Asia/Shanghai",
                 expect=[{"level": 1, "milestone": "firstResponse", "period": "2024-Q1", "count": 4, "met": 3}])
    f.compliance("D2.22", "as of 15 March 10:30, the upgraded ticket counts at level 1 and is pending on site",
                 tickets[:2] + [tickets[14]], L("2024-03-15 10:30"), "month", "Asia/Shanghai",
                 expect=[{"level": 1, "milestone": "onSite", "period": "2024-03", "count": 3, "met": 1, "pending": 1,
                          "breached": 1, "median": "PT2H", "p90": "PT5H"},
                         {"level": 1, "milestone": "restored", "period": "2024-03", "count": 3, "met": 2, "breached": 0,
                          "waiting": 1, "shareMet": 1.0}])
    # A larger seeded set.
    rng = random.Random(22022)
    for n, (period, zone, count) in enumerate((("quarter", "Asia/Shanghai", 60), ("month", "Asia/Shanghai", 60),
                                               ("quarter", "UTC", 40), ("month", "Asia/Shanghai", 120))):
        many = []
        last = "2024-12-20" if n != 3 else "2024-10-01"
        while len(many) < count:
            t, _ = random_ticket(rng, f.policy, {}, [("2024-01-01", last), ("2024-03-25", "2024-04-05"),
                                                     ("2024-09-25", "2024-10-01")])
            t.pop("levelChanges", None) if rng.random() < 0.5 else None
            try:
                po.compliance(f.policy, [po.Ticket(t, f.policy)], po.parse_instant(L("2025-01-15 12:00")), period, po.UTC)
            except po.Unspecified:
                continue
            many.append(t)
        f.compliance("D2.22", f"seeded set #{n}: {count} tickets of 2024 by {period} in {zone}", many,
                     L("2025-01-15 12:00") if n != 3 else L("2024-10-03 12:00"), period, zone)
    return f


def decided():
    f = PolicyFile(
        "policy-decided.json",
        "The points docs/policies.md decided after the first oracle asked: a declared event-only milestone "
        "(hardwareConfirmed, D2.16); working days 0 (the same working day, after the close the next one's); a period "
        "of several units (years, then months, then days); shares rounded to the nearest tick, halves away from zero; "
        "a cut-off on a start that is a milestone's event, on the target's own calendar (an elapsed target); "
        "references to a milestone that is notApplicable for the ticket (from its event, from its .due, ifBreached); "
        "the next alert only for pending milestones, an alert exactly at asOf included; warnings [] without a "
        "deadline; events and level changes by time whatever their order in the list; unknownYear from a milestone "
        "the case does not name; compliance leaving out tickets reported after asOf, timing from the start before "
        "the cut-off, negative times as they are.",
        {"always": ALWAYS, "office": OFFICE, "night": NIGHT},
        {"calendar": "always",
         "milestones": ["hardwareConfirmed"],
         "targets": [
             {"milestone": "firstResponse", "elapsed": "PT10M", "warnings": [{"share": 0.1234567891}, {"share": 0.33333333333}]},
             {"milestone": "onSite", "levels": [1, 2], "elapsed": "PT4H", "warnings": [{"share": 0.75}]},
             {"milestone": "restored", "from": "onSite", "elapsed": "PT2H", "warnings": [{"before": "PT30M"}]},
             {"milestone": "recovered", "from": "onSite.due", "elapsed": "PT6H"},
             {"milestone": "replacement", "ifBreached": "onSite", "elapsed": "PT48H"},
             {"milestone": "repairPlan", "from": "onSite", "elapsed": "PT4H", "cutOff": "17:00", "calendar": "office",
              "note": "a plan within 4 hours of arrival; arrivals at or after 17:00 count from the next working day's opening"},
             {"milestone": "resolved", "levels": [1, 2, 3], "workingDays": 1, "calendar": "office",
              "warnings": [{"share": 0.25}, {"share": 0.75}]},
             {"milestone": "resolved", "levels": [4], "workingDays": 0, "calendar": "office", "warnings": [{"before": "PT2H"}],
              "note": "当日处理: the same working day"},
             {"milestone": "callback", "levels": [4], "workingDays": 0, "cutOff": "16:00", "calendar": "office",
              "note": "当日回访: the same working day, the next one for reports at or after 16:00"},
             {"milestone": "nightCheck", "levels": [4], "workingDays": 0, "calendar": "night",
              "warnings": [{"share": 0.5}], "note": "a night shift whose day closes at 24:00"},
             {"milestone": "faultReport", "from": "hardwareConfirmed", "elapsed": "PT8H",
              "note": "D2.16: a fault detection report within 8 hours of confirming a hardware fault"},
             {"milestone": "warrantyReview", "period": "P1Y1M", "holidayRule": "nextWorkingDay", "calendar": "office"},
             {"milestone": "satisfactionSurvey", "period": "P1M15D", "calendar": "office"}]})
    na = {"status": "notApplicable", "due": None, "warnings": [], "nextAlert": None}
    waiting = {"status": "waiting", "due": None, "warnings": [], "nextAlert": None}
    hw = "hardwareConfirmed"

    # A declared milestone: rows count from its events; it has no target, so it is notApplicable itself.
    f.evaluate("D2.16", "declared milestone: the detection report counts 8 h from confirming the hardware fault on the "
               "adjusted working Sunday 29 September 2024",
               ticket("2024-09-29 10:00", 3, events=[(hw, "2024-09-29 15:00")]), L("2024-09-29 20:00"),
               milestones=["faultReport", hw],
               expect={"faultReport": {"status": "pending", "due": L("2024-09-29 23:00"), "remaining": "PT3H",
                                       "warnings": [], "nextAlert": L("2024-09-29 23:00")},
                       hw: na})
    f.evaluate("D2.16", "declared milestone not yet confirmed: the detection report waits, without warnings or alerts",
               ticket("2024-09-29 10:00", 3), L("2024-09-30 20:00"), milestones=["faultReport", hw],
               expect={"faultReport": waiting, hw: na})
    f.evaluate("D2.16", "declared milestone confirmed twice, listed out of order: the earlier confirmation counts",
               ticket("2024-09-29 10:00", 3, events=[(hw, "2024-09-29 16:00"), (hw, "2024-09-29 15:00"),
                                                     ("faultReport", "2024-09-29 23:30")]), L("2024-09-30 09:00"),
               milestones=["faultReport"],
               expect={"faultReport": {"status": "breached", "due": L("2024-09-29 23:00"), "overdueBy": "PT30M",
                                       "nextAlert": None}})
    f.evaluate("D2.16", "declared milestone confirmed after asOf: not yet known, the report waits",
               ticket("2024-09-29 10:00", 3, events=[(hw, "2024-09-29 15:00")]), L("2024-09-29 14:59"),
               milestones=["faultReport"], expect={"faultReport": waiting})

    # Working days 0: the same working day.
    wd0 = lambda reported, as_of, due, warning, **k: f.evaluate(  # noqa: E731
        "D2.3", k.pop("name"), ticket(reported, 4, **k), L(as_of), milestones=["resolved"],
        expect={"resolved": {"due": L(due), "warnings": [L(warning)]}})
    wd0("2024-06-03 10:00", "2024-06-03 10:00", "2024-06-03 18:00", "2024-06-03 16:00",
        name="working days 0 from Monday 10:00: Monday's close, warned 2 working hours before")
    wd0("2024-06-03 12:30", "2024-06-03 17:00", "2024-06-03 18:00", "2024-06-03 16:00",
        name="working days 0 from the lunch break: the same day's close")
    f.evaluate("D2.3", "working days 0 from exactly 18:00: the start is not after the close, so the deadline is the "
               "start itself, and the warning (never before the start) and the deadline are both due now",
               ticket("2024-06-03 18:00", 4), L("2024-06-03 18:00"), milestones=["resolved"],
               expect={"resolved": {"status": "pending", "due": L("2024-06-03 18:00"), "remaining": "PT0S",
                                    "warnings": [L("2024-06-03 18:00")], "nextAlert": L("2024-06-03 18:00")}})
    wd0("2024-06-03 18:00:01", "2024-06-03 19:00", "2024-06-04 18:00", "2024-06-04 16:00",
        name="working days 0 from one second after the close: Tuesday's close")
    wd0("2024-06-07 19:00", "2024-06-08 10:00", "2024-06-11 18:00", "2024-06-11 16:00",
        name="working days 0 from Friday evening before Dragon Boat (10 June 2024): Tuesday 11 June's close")
    wd0("2024-09-30 18:30", "2024-10-05 10:00", "2024-10-08 18:00", "2024-10-08 16:00",
        name="working days 0 from the evening before National Day 2024: 8 October's close")
    wd0("2024-10-12 10:00", "2024-10-12 10:00", "2024-10-12 18:00", "2024-10-12 16:00",
        name="working days 0 on the adjusted working Saturday 12 October 2024: that day's close")
    wd0("2024-10-03 10:00", "2024-10-03 10:00", "2024-10-08 18:00", "2024-10-08 16:00",
        name="working days 0 from a National Day holiday: the next working day's close")
    wd0("2024-02-04 20:00", "2024-02-05 09:00", "2024-02-05 18:00", "2024-02-05 16:00",
        name="working days 0 from the evening of the adjusted working Sunday 4 February 2024: Monday's close")
    wd0("2024-02-10 08:00", "2024-02-17 08:00", "2024-02-18 18:00", "2024-02-18 16:00",
        name="working days 0 from Spring Festival 2024: the adjusted working Sunday 18 February")
    f.evaluate("D2.20", "working days 0 with a one-hour pause: the deadline leaves the close for Tuesday 10:00",
               ticket("2024-06-03 15:00", 4, pauses=[("2024-06-03 16:00", "2024-06-03 17:00")]), L("2024-06-03 17:30"),
               milestones=["resolved"],
               expect={"resolved": {"status": "pending", "due": L("2024-06-04 10:00"), "warnings": [L("2024-06-03 16:00")],
                                    "nextAlert": L("2024-06-04 10:00")}})
    f.evaluate("D2.3", "working days 0 with a 16:00 cut-off: a report at 15:00 is due at the same day's close, one at "
               "17:00 counts from Tuesday's opening and is due at Tuesday's close",
               ticket("2024-06-03 15:00", 4), L("2024-06-03 15:00"), milestones=["callback"],
               expect={"callback": {"due": L("2024-06-03 18:00")}})
    f.evaluate("D2.3", "working days 0 with a 16:00 cut-off, reported at 17:00: Tuesday's close",
               ticket("2024-06-03 17:00", 4), L("2024-06-03 17:00"), milestones=["callback"],
               expect={"callback": {"due": L("2024-06-04 18:00")}})
    f.evaluate("D2.3", "working days 0 with a 16:00 cut-off, reported at 16:30 before National Day 2024: 8 October's close",
               ticket("2024-09-30 16:30", 4), L("2024-10-01 10:00"), milestones=["callback", "resolved"],
               expect={"callback": {"due": L("2024-10-08 18:00")}, "resolved": {"due": L("2024-09-30 18:00")}})
    for reported, due, warning, why in (("2024-06-03 23:00", "2024-06-04 00:00", "2024-06-03 23:30", "in the evening shift"),
                                        ("2024-06-04 06:00", "2024-06-05 00:00", "2024-06-04 22:00",
                                         "at the end of the morning shift (the day closes at 24:00)"),
                                        ("2024-06-04 12:00", "2024-06-05 00:00", "2024-06-04 22:00", "between the shifts"),
                                        ("2024-06-04 00:00", "2024-06-05 00:00", "2024-06-04 05:00", "at midnight")):
        f.evaluate("D2.3", f"working days 0 on a night calendar, reported {why}: the same day's close at 24:00",
                   ticket(reported, 4), L(reported), milestones=["nightCheck"],
                   expect={"nightCheck": {"status": "pending", "due": L(due), "warnings": [L(warning)]}})
    f.evaluate("D2.3", "working days 0, resolved exactly at the close: met, no next alert",
               ticket("2024-06-03 15:00", 4, events=[("resolved", "2024-06-03 18:00")]), L("2024-06-03 18:00"),
               milestones=["resolved"], expect={"resolved": {"status": "met", "due": L("2024-06-03 18:00"), "nextAlert": None}})

    # Periods of several units: years, then months, then days.
    f.evaluate("D1.9", "P1Y1M from 29 February 2024: 28 February 2025, then 28 March (not 13 months: 29 March, a "
               "Saturday); P1M15D: 29 March, then 13 April (days first would give 15 April)",
               ticket("2024-02-29 10:00", 3), L("2024-03-10 10:00"), milestones=["warrantyReview", "satisfactionSurvey"],
               expect={"warrantyReview": {"status": "pending", "due": L("2025-03-29 00:00")},
                       "satisfactionSurvey": {"status": "pending", "due": L("2024-04-14 00:00"),
                                              "nextAlert": L("2024-04-14 00:00")}})
    f.evaluate("D1.9", "P1M15D from 30 January 2024: 29 February, then 15 March (days first: 14 March)",
               ticket("2024-01-30 10:00", 3, events=[("satisfactionSurvey", "2024-03-15 12:00")]), L("2024-03-16 10:00"),
               milestones=["satisfactionSurvey", "warrantyReview"],
               expect={"satisfactionSurvey": {"status": "met", "due": L("2024-03-16 00:00"), "nextAlert": None},
                       "warrantyReview": {"due": L("2025-03-01 00:00")}})
    f.evaluate("D1.9", "P1Y1M from 1 September 2024 ends on National Day 2025: moved to the close of 9 October 2025",
               ticket("2024-09-01 10:00", 3), L("2025-10-01 10:00"), milestones=["warrantyReview"],
               expect={"warrantyReview": {"status": "pending", "due": L("2025-10-09 18:00")}})
    f.evaluate("D1.9", "P1Y1M from 29 December 2023 ends in Spring Festival 2025 (29 January): moved to 5 February",
               ticket("2023-12-29 10:00", 3), L("2025-02-05 18:00:01"), milestones=["warrantyReview"],
               expect={"warrantyReview": {"status": "breached", "due": L("2025-02-05 18:00"), "overdueBy": "PT1S"}})
    f.error("D1.5", "unknownYear from a milestone the case does not name: P1Y1M from 15 December 2025 needs 2027's "
            "holidays for the holiday rule", ticket("2025-12-15 10:00", 3, events=[("firstResponse", "2025-12-15 10:05")]),
            L("2025-12-15 11:00"), error="unknownYear")

    # Shares rounded to the nearest tick.
    f.evaluate("D2.6", "shares of 10 minutes: 0.1234567891 is 74.07407346 s, rounded to the tick 74.0740735 s; "
               "0.33333333333 is 199.9999999998 s, rounded to 200 s",
               ticket("2024-06-03 09:00", 3), L("2024-06-03 09:01"), milestones=["firstResponse"],
               expect={"firstResponse": {"status": "pending", "warnings": ["2024-06-03T09:01:14.0740735+08:00",
                                                                          L("2024-06-03 09:03:20")],
                                         "nextAlert": "2024-06-03T09:01:14.0740735+08:00"}})
    f.evaluate("D2.6", "after the first rounded warning the next alert is the second",
               ticket("2024-06-03 09:00", 3), L("2024-06-03 09:01:15"), milestones=["firstResponse"],
               expect={"firstResponse": {"nextAlert": L("2024-06-03 09:03:20")}})
    f.evaluate("D2.3", "a report stamped to the microsecond before National Day: 1 working day is 9h29m59.999999s; a "
               "quarter is 8549.99999975 s, half a tick, rounded away from zero to 8549.9999998 s; three quarters "
               "are 25649.99999925 s, rounded to 25649.9999993 s (to even would give ...92)",
               ticket("2024-09-30 16:30:00.000001", 3), L("2024-10-08 09:00"), milestones=["resolved"],
               expect={"resolved": {"status": "pending", "due": L("2024-10-08 18:00"),
                                    "warnings": ["2024-10-08T09:52:30.0000008+08:00", "2024-10-08T15:37:30.0000003+08:00"],
                                    "nextAlert": "2024-10-08T09:52:30.0000008+08:00"}})

    # The cut-off on a milestone's event, on the target's calendar (office), for an elapsed target.
    f.evaluate("D2.3", "arrival at 16:30 on Friday 27 September 2024, before the 17:00 cut-off: the plan is due 4 h later",
               ticket("2024-09-27 15:00", 1, events=[("onSite", "2024-09-27 16:30")]), L("2024-09-27 17:00"),
               milestones=["repairPlan", "onSite"],
               expect={"repairPlan": {"status": "pending", "due": L("2024-09-27 20:30")},
                       "onSite": {"status": "met", "nextAlert": None}})
    f.evaluate("D2.3", "arrival at 17:30 on Friday 27 September 2024: counted from 09:00 of the adjusted working Sunday "
               "29 September",
               ticket("2024-09-27 15:00", 1, events=[("onSite", "2024-09-27 17:30")]), L("2024-09-28 12:00"),
               milestones=["repairPlan", "restored"],
               expect={"repairPlan": {"status": "pending", "due": L("2024-09-29 13:00"), "remaining": "PT25H"},
                       "restored": {"status": "breached", "due": L("2024-09-27 19:30")}})
    f.evaluate("D2.3", "arrival exactly at the 17:00 cut-off on 30 September 2024: counted from 8 October",
               ticket("2024-09-30 14:00", 2, events=[("onSite", "2024-09-30 17:00")]), L("2024-10-08 12:00"),
               milestones=["repairPlan"],
               expect={"repairPlan": {"status": "pending", "due": L("2024-10-08 13:00"), "nextAlert": L("2024-10-08 13:00")}})
    f.evaluate("D2.3", "arrival on a Saturday afternoon before the cut-off: unchanged, even on a rest day",
               ticket("2024-06-08 14:00", 2, events=[("onSite", "2024-06-08 16:00")]), L("2024-06-08 17:00"),
               milestones=["repairPlan"], expect={"repairPlan": {"due": L("2024-06-08 20:00")}})

    # References to a milestone that is notApplicable for the ticket (onSite has no row for levels 3 and 4).
    f.evaluate("D2.10", "level 3 without an arrival: restored and the plan (from onSite's event) wait; recovered (from "
               "onSite.due) and replacement (ifBreached onSite) do not apply",
               ticket("2024-10-11 10:00", 3), L("2024-10-11 20:00"),
               milestones=["onSite", "restored", "repairPlan", "recovered", "replacement"],
               expect={"onSite": na, "restored": waiting, "repairPlan": waiting, "recovered": na, "replacement": na})
    f.evaluate("D2.10", "level 3 with an arrival recorded at 18:00 on Friday 11 October 2024: restored counts from it; the "
               "plan after the cut-off from the adjusted working Saturday 12 October",
               ticket("2024-10-11 10:00", 3, events=[("onSite", "2024-10-11 18:00")]), L("2024-10-11 19:40"),
               milestones=["onSite", "restored", "repairPlan", "recovered", "replacement"],
               expect={"onSite": na,
                       "restored": {"status": "pending", "due": L("2024-10-11 20:00"), "warnings": [L("2024-10-11 19:30")],
                                    "nextAlert": L("2024-10-11 20:00")},
                       "repairPlan": {"status": "pending", "due": L("2024-10-12 13:00")},
                       "recovered": na, "replacement": na})
    f.evaluate("D2.10", "level 1 arriving late: the replacement applies (48 h from the report), recovered counts from "
               "the arrival deadline",
               ticket("2024-10-11 10:00", 1, events=[("onSite", "2024-10-11 14:30")]), L("2024-10-11 15:00"),
               milestones=["onSite", "recovered", "replacement"],
               expect={"onSite": {"status": "breached", "overdueBy": "PT30M", "nextAlert": None},
                       "recovered": {"status": "pending", "due": L("2024-10-11 20:00")},
                       "replacement": {"status": "pending", "due": L("2024-10-13 10:00")}})
    f.evaluate("D2.10", "level 2 arriving in time: no replacement",
               ticket("2024-10-11 10:00", 2, events=[("onSite", "2024-10-11 13:00")]), L("2024-10-11 15:00"),
               milestones=["replacement", "recovered"],
               expect={"replacement": na, "recovered": {"status": "pending", "due": L("2024-10-11 20:00")}})

    # The next alert.
    f.evaluate("D2.1", "the 75% warning exactly at asOf is the next alert (due now)",
               ticket("2024-06-03 10:00", 1), L("2024-06-03 13:00"), milestones=["onSite"],
               expect={"onSite": {"status": "pending", "warnings": [L("2024-06-03 13:00")], "nextAlert": L("2024-06-03 13:00")}})
    f.evaluate("D2.1", "the deadline exactly at asOf is the next alert",
               ticket("2024-06-03 10:00", 1), L("2024-06-03 14:00"), milestones=["onSite"],
               expect={"onSite": {"status": "pending", "remaining": "PT0S", "nextAlert": L("2024-06-03 14:00")}})
    f.evaluate("D2.1", "met early: no next alert though the warning and the deadline are still ahead",
               ticket("2024-06-03 10:00", 1, events=[("onSite", "2024-06-03 10:30"), ("firstResponse", "2024-06-03 10:01")]),
               L("2024-06-03 10:40"), milestones=["onSite", "firstResponse", "restored"],
               expect={"onSite": {"status": "met", "warnings": [L("2024-06-03 13:00")], "nextAlert": None},
                       "firstResponse": {"status": "met", "nextAlert": None},
                       "restored": {"status": "pending", "warnings": [L("2024-06-03 12:00")],
                                    "nextAlert": L("2024-06-03 12:00")}})

    # Level changes count by time, events by time.
    f.evaluate("D2.1", "level changes listed out of order: the 10:00 change to level 3 is in force at 11:00",
               ticket("2024-06-03 09:00", 4, changes=[("2024-06-03 12:00", 1), ("2024-06-03 10:00", 3)]),
               L("2024-06-03 11:00"), milestones=["onSite", "resolved"],
               expect={"onSite": na, "resolved": {"due": L("2024-06-04 18:00")}})
    f.evaluate("D2.1", "level changes listed out of order: at 13:00 the 12:00 change to level 1 is the last by time",
               ticket("2024-06-03 09:00", 4, changes=[("2024-06-03 12:00", 1), ("2024-06-03 10:00", 3)]),
               L("2024-06-03 13:00"), milestones=["onSite"],
               expect={"onSite": {"status": "pending", "due": L("2024-06-03 13:00"), "remaining": "PT0S"}})
    f.evaluate("D2.1", "arrival events listed out of order: the earlier one counts for restoring",
               ticket("2024-06-03 09:00", 1, events=[("onSite", "2024-06-03 11:30"), ("onSite", "2024-06-03 10:45")]),
               L("2024-06-03 12:00"), milestones=["restored"],
               expect={"restored": {"status": "pending", "due": L("2024-06-03 12:45")}})

    # Compliance: later tickets left out, the time from the start before the cut-off, negative times.
    tickets = [
        ticket("2024-09-27 15:00", 1, events=[("firstResponse", "2024-09-27 15:05"), ("onSite", "2024-09-27 17:30"),
                                              ("restored", "2024-09-27 19:00"), ("repairPlan", "2024-09-29 10:00")], id="C1"),
        ticket("2024-09-30 14:00", 1, events=[("firstResponse", "2024-09-30 14:20"), ("onSite", "2024-09-30 16:00"),
                                              ("restored", "2024-09-30 15:30"), ("repairPlan", "2024-09-30 19:00")], id="C2"),
        ticket("2024-09-12 09:00", 2, events=[("firstResponse", "2024-09-12 09:08"), ("onSite", "2024-09-12 12:00"),
                                              ("restored", "2024-09-12 13:00")], id="C3"),
        ticket("2024-09-20 10:00", 3, events=[("firstResponse", "2024-09-20 10:09"), ("onSite", "2024-09-20 11:00"),
                                              (hw, "2024-09-20 12:00"), ("faultReport", "2024-09-20 19:00"),
                                              ("resolved", "2024-09-23 17:00")], id="C4"),
        ticket("2024-10-09 10:00", 1, events=[("firstResponse", "2024-10-09 10:01")], id="C5 (after asOf)"),
        ticket("2024-12-20 10:00", 3, events=[("firstResponse", "2024-12-20 10:01")], id="C6 (after asOf)"),
    ]
    as_of = L("2024-10-08 12:00")
    f.compliance("D2.22", "compliance by quarter: tickets reported after asOf are left out; the plan's time runs from the arrival before the cut-off moved it; a restoring "
                 "recorded before the arrival counts as a negative time", tickets, as_of, "quarter", "Asia/Shanghai",
                 expect=[{"level": 1, "milestone": "firstResponse", "period": "2024-Q3", "count": 2, "met": 1,
                          "breached": 1, "median": "PT5M", "p90": "PT20M"},
                         {"level": 1, "milestone": "repairPlan", "period": "2024-Q3", "count": 2, "met": 2,
                          "breached": 0, "median": "PT3H", "p90": "PT40H30M"},
                         {"level": 1, "milestone": "restored", "period": "2024-Q3", "count": 2, "met": 2,
                          "breached": 0, "median": "-PT30M", "p90": "PT1H30M"},
                         {"level": 3, "milestone": "restored", "period": "2024-Q3", "count": 1, "met": 0,
                          "breached": 1, "median": None},
                         {"level": 3, "milestone": "faultReport", "period": "2024-Q3", "count": 1, "met": 1,
                          "median": "PT7H"},
                         {"level": 1, "milestone": "warrantyReview", "period": "2024-Q3", "count": 2, "pending": 2,
                          "shareMet": None, "median": None}])
    rows = {(r["level"], r["milestone"]) for r in f.cases[-1]["expected"]}
    assert (3, "onSite") not in rows and (3, hw) not in rows and (3, "replacement") not in rows, rows
    f.compliance("D2.22", "compliance by month: the same tickets, all reported in September", tickets, as_of, "month",
                 "Asia/Shanghai",
                 expect=[{"level": 1, "milestone": "repairPlan", "period": "2024-09", "count": 2},
                         {"level": 2, "milestone": "onSite", "period": "2024-09", "count": 1, "met": 1,
                          "median": "PT3H"}])
    f.compliance_error("D1.5", "compliance fails with unknownYear when a ticket's deadline needs 2027 (P1Y1M from 20 "
                       "December 2025 with the holiday rule)", tickets + [ticket("2025-12-20 10:00", 3, id="C7")],
                       L("2025-12-21 12:00"), "quarter", "Asia/Shanghai")
    f.random_cases(9101, 30, {}, "D2.3", windows=HOLIDAY_WINDOWS, label="random")
    return f


def decided_levels():
    f = PolicyFile(
        "policy-decided-levels.json",
        "A policy's explicit levels replace the standard ones entirely: level 1 is named 紧急/Critical, level 2 has no "
        "names, level 3 is 一般; 一级, P1, B, 二级 and 四级 are no levels of this policy. Under levelChange fromChange, "
        "level changes count by time whatever their order in the list.",
        {"always": ALWAYS, "office": OFFICE},
        {"levels": [{"level": 1, "names": ["紧急", "Critical"], "description": "system down"},
                    {"level": 2, "description": "no names"},
                    {"level": 3, "names": ["一般"]}],
         "calendar": "always", "levelChange": "fromChange",
         "targets": [
             {"milestone": "onSite", "levels": ["紧急"], "elapsed": "PT2H"},
             {"milestone": "onSite", "levels": [2], "elapsed": "PT4H"},
             {"milestone": "onSite", "levels": ["一般"], "workingTime": "PT8H", "calendar": "office"}]})
    f.evaluate("D2.6", "level 紧急: 2 hours", ticket("2024-06-03 09:00", "紧急"), L("2024-06-03 10:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-03 11:00")}})
    f.evaluate("D2.6", "level Critical: the same level", ticket("2024-06-03 09:00", "Critical"), L("2024-06-03 10:00"),
               expect={"onSite": {"due": L("2024-06-03 11:00")}})
    f.evaluate("D2.7", "level 2 by number: 4 hours", ticket("2024-06-03 09:00", 2), L("2024-06-03 10:00"),
               expect={"onSite": {"due": L("2024-06-03 13:00")}})
    f.evaluate("D2.8", "level 一般: 8 working hours over Dragon Boat 2024", ticket("2024-06-07 14:00", "一般"),
               L("2024-06-07 15:00"), expect={"onSite": {"due": L("2024-06-11 14:00")}})
    for name in ("二级", "B", "P2"):
        f.error("D2.7", f"level {name}: a standard name, but level 2 of this policy has no names",
                ticket("2024-06-03 09:00", name), L("2024-06-03 10:00"))
    f.error("D2.6", "level 一级: the standard name of level 1, replaced by 紧急 and Critical",
            ticket("2024-06-03 09:00", "一级"), L("2024-06-03 10:00"))
    f.error("D2.9", "level 4: the policy has three levels", ticket("2024-06-03 09:00", 4), L("2024-06-03 10:00"))
    f.error("D2.8", "a change to 三级, a standard name this policy does not have",
            ticket("2024-06-03 09:00", 2, changes=[("2024-06-03 09:30", "三级")]), L("2024-06-03 10:00"))
    changes = [("2024-06-03 12:00", "紧急"), ("2024-06-03 10:00", "一般")]
    f.evaluate("D2.6", "changes listed out of order, at 13:00: the 12:00 change to 紧急 is the last by time, 2 hours "
               "from it", ticket("2024-06-03 09:00", 2, changes=changes), L("2024-06-03 13:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-03 14:00"), "remaining": "PT1H"}})
    f.evaluate("D2.8", "changes listed out of order, at 11:00: the 10:00 change to 一般 is in force, 8 working hours "
               "from 10:00", ticket("2024-06-03 09:00", 2, changes=changes), L("2024-06-03 11:00"),
               expect={"onSite": {"status": "pending", "due": L("2024-06-04 10:00")}})
    f.evaluate("D2.7", "changes listed out of order, at 09:30: none in force yet, level 2 from the report",
               ticket("2024-06-03 09:00", 2, changes=changes), L("2024-06-03 09:30"),
               expect={"onSite": {"due": L("2024-06-03 13:00")}})
    return f


PHRASE_TABLE = [
    # milestone, levels, from, (Chinese, English), extra properties
    ("firstResponse", [1, 2], None, ("30分钟", "within 30 minutes"), {"warnings": [{"share": 0.5}]}),
    ("onSite", [1], None, ("2小时内", "2 hours"), {}),
    ("onSite", [2], None, ("4小时内", "PT4H"), {}),
    ("restored", [1], "onSite", ("1小时30分钟内", "PT1H30M"), {}),
    ("restored", [2], "onSite", ("半小时", "half an hour"), {}),
    ("recovered", [1], None, ("7×24×4", "4 hours"), {}),
    ("recovered", [2], None, ("二十四小时以内", "24 hours"), {}),
    ("remoteSupport", [3, 4], None, ("4个工作小时内", "4 business hours"), {"warnings": [{"before": "PT1H"}]}),
    ("repairPlan", [3, 4], None, ("8个工作小时内", "within 8 working hours"), {}),
    ("resolved", [3, 4], None, ("2个工作日内", "within 2 working days"), {}),
    ("investigationResult", [3, 4], None, ("第二个工作日内", "by the end of the 2nd working day"), {}),
    ("incidentReport", [3, 4], "resolved", ("1个工作日内", "1 business days"), {}),
    ("faultReport", None, None, ("3个日历天内(最后一日为非工作日的顺延至其后第一个工作日下班时)(16:00以后报告的自下一个工作日起算)",
                                 "within 3 calendar days, moved to the close of the next working day when the last day "
                                 "is not a working day, counted from the next working day when reported at or after "
                                 "16:00"), {}),
    ("replacement", None, None, ("七个自然日", "7 natural days"), {}),
    ("observationEnd", [1, 2], "restored", ("3个日历天", "3 calendar days"), {}),
    ("serviceReport", [1, 2], "restored", ("5天内", "5 days"), {}),
    ("complaintResolved", None, None, ("半个月", "half a month"), {}),
    ("complaintReply", None, None, ("15日内", "within a period of 15 days"), {}),
    ("followUp", None, None, ("2周", "P14D"), {}),
    ("satisfactionSurvey", None, None, ("12个月", "12 months"), {}),
    ("warrantyEnd", None, None, ("1年6个月内", "1 year 6 months"), {}),
    ("renewal", None, None, ("3年", "P3Y"), {}),
]


def phrases(language):
    zh = language == "zh"
    targets = []
    for milestone, levels, source, (cn, en), extra in PHRASE_TABLE:
        t = {"milestone": milestone}
        if levels:
            t["levels"] = levels
        if source:
            t["from"] = source
        t["within"] = cn if zh else en
        t.update(extra)
        targets.append(t)
    f = PolicyFile(
        f"policy-phrases-{language}.json",
        ("Targets written as commitments write them (\"within\"), in " + ("Chinese" if zh else "English") + ": the "
         "forms docs/policies.md lists, with elapsed time, working hours, working days, calendar days, half a month, "
         "periods of days, weeks, months and years, and the holiday rule and the cut-off written into the phrase. "
         "policy-phrases-" + ("en" if zh else "zh") + ".json holds the same table in the other language and the same "
         "cases, with the same expected values."),
        {"always": ALWAYS, "office": OFFICE},
        {"calendar": "office", "targets": targets})
    day1 = ["firstResponse", "onSite", "restored", "recovered", "observationEnd", "serviceReport"]
    f.evaluate("D2.1", "level 1 before National Day 2024: 30 minutes, 2 hours, 1.5 hours after arrival, 7×24×4",
               ticket("2024-09-30 16:30", 1, events=[("firstResponse", "2024-09-30 16:40"), ("onSite", "2024-09-30 18:00"),
                                                     ("restored", "2024-09-30 19:45")]), L("2024-09-30 20:00"),
               milestones=day1,
               expect={"firstResponse": {"status": "met", "due": L("2024-09-30 17:00"), "warnings": [L("2024-09-30 16:45")]},
                       "onSite": {"status": "met", "due": L("2024-09-30 18:30")},
                       "restored": {"status": "breached", "due": L("2024-09-30 19:30"), "overdueBy": "PT15M"},
                       "recovered": {"status": "pending", "due": L("2024-09-30 20:30")},
                       "observationEnd": {"status": "pending", "due": L("2024-10-04 00:00")},
                       "serviceReport": {"status": "pending", "due": L("2024-10-06 00:00")}})
    f.evaluate("D2.2", "level 2: 4 hours on site, half an hour to restore after arrival, 24 hours to recover",
               ticket("2024-02-09 22:00", 2, events=[("onSite", "2024-02-10 01:00")]), L("2024-02-10 01:20"),
               milestones=day1,
               expect={"onSite": {"status": "met", "due": L("2024-02-10 02:00")},
                       "restored": {"status": "pending", "due": L("2024-02-10 01:30"), "remaining": "PT10M"},
                       "recovered": {"status": "pending", "due": L("2024-02-10 22:00")},
                       "observationEnd": {"status": "waiting"}})
    office = ["remoteSupport", "repairPlan", "resolved", "investigationResult", "incidentReport", "faultReport",
              "replacement", "complaintResolved", "complaintReply", "followUp", "satisfactionSurvey", "warrantyEnd",
              "renewal"]
    f.evaluate("D2.3", "level 3 at 16:30 before National Day 2024: working hours and days run to 8 and 9 October; the "
               "fault report's cut-off moves its start to 8 October",
               ticket("2024-09-30 16:30", 3), L("2024-10-05 10:00"), milestones=office,
               expect={"remoteSupport": {"status": "pending", "due": L("2024-10-08 11:30"), "warnings": [L("2024-10-08 10:30")]},
                       "repairPlan": {"due": L("2024-10-08 16:30")},
                       "resolved": {"due": L("2024-10-09 18:00")},
                       "investigationResult": {"due": L("2024-10-09 18:00")},
                       "incidentReport": {"status": "waiting"},
                       "faultReport": {"due": L("2024-10-12 00:00")},
                       "replacement": {"status": "pending", "due": L("2024-10-08 00:00")},
                       "complaintResolved": {"due": L("2024-10-16 00:00")},
                       "complaintReply": {"due": L("2024-10-16 00:00")},
                       "followUp": {"due": L("2024-10-15 00:00")},
                       "satisfactionSurvey": {"due": L("2025-10-01 00:00")},
                       "warrantyEnd": {"due": L("2026-03-31 00:00")},
                       "renewal": {"due": L("2027-10-01 00:00")}})
    f.evaluate("D2.15", "level 4 resolved on the adjusted working Saturday 12 October 2024: the incident report by the "
               "close of the next working day",
               ticket("2024-10-11 10:00", 4, events=[("resolved", "2024-10-12 11:00")]), L("2024-10-12 12:00"),
               milestones=["resolved", "incidentReport"],
               expect={"resolved": {"status": "met", "due": L("2024-10-14 18:00")},
                       "incidentReport": {"status": "pending", "due": L("2024-10-14 18:00")}})
    f.evaluate("D1.6", "3 calendar days from Saturday 28 September 2024 end on National Day: moved to 8 October's close",
               ticket("2024-09-28 10:00", 3), L("2024-10-01 10:00"), milestones=["faultReport"],
               expect={"faultReport": {"status": "pending", "due": L("2024-10-08 18:00")}})
    f.evaluate("D1.6", "3 calendar days from Saturday 25 January 2025 at 15:00 (before the cut-off) end on 28 January, "
               "the eve of Spring Festival 2025: moved to 5 February's close",
               ticket("2025-01-25 15:00", 3), L("2025-01-29 10:00"), milestones=["faultReport"],
               expect={"faultReport": {"status": "pending", "due": L("2025-02-05 18:00")}})
    f.evaluate("D1.6", "3 calendar days from Friday 27 September 2024 at 16:00 (the cut-off): counted from the opening "
               "of the adjusted Sunday 29 September, ending on National Day: moved to 8 October's close",
               ticket("2024-09-27 16:00", 3), L("2024-09-30 10:00"), milestones=["faultReport"],
               expect={"faultReport": {"status": "pending", "due": L("2024-10-08 18:00")}})
    f.evaluate("D1.9", "half a month, 15日 and P14D (2周) from 31 January 2025; 12 months to 31 January 2026; 1 year 6 "
               "months to 31 July 2026; 3 years to 31 January 2028",
               ticket("2025-01-31 10:00", 3), L("2025-02-14 10:00"),
               milestones=["complaintResolved", "complaintReply", "followUp", "satisfactionSurvey", "warrantyEnd", "renewal"],
               expect={"complaintResolved": {"due": L("2025-02-16 00:00")}, "complaintReply": {"due": L("2025-02-16 00:00")},
                       "followUp": {"due": L("2025-02-15 00:00")}, "satisfactionSurvey": {"due": L("2026-02-01 00:00")},
                       "warrantyEnd": {"due": L("2026-08-01 00:00")}, "renewal": {"due": L("2028-02-01 00:00")}})
    f.evaluate("D1.9", "1 year 6 months from 31 August 2024: 28 February 2026 (years, then months)",
               ticket("2024-08-31 10:00", 3), L("2025-01-01 10:00"), milestones=["warrantyEnd"],
               expect={"warrantyEnd": {"due": L("2026-03-01 00:00")}})
    f.error("D2.7", "level 5 is not a level of this policy", ticket("2024-06-03 09:00", 5), L("2024-06-03 10:00"))
    f.random_cases(9201, 20, {}, lambda t, lv: {1: "D2.1", 2: "D2.2"}.get(lv, "D2.3"))
    return f


def invalid_decided_files():
    out = []
    out.append(invalid(
        "policy-invalid-undeclared.json",
        "An invalid policy: the detection report counts from 'hardwareConfirmd', a misspelling of the declared "
        "milestone 'hardwareConfirmed', which no row targets either. A name a row counts from must have a target or "
        "be declared in 'milestones', so the policy is rejected and every case expects argument.",
        {"calendar": "always", "milestones": ["hardwareConfirmed"], "targets": [
            {"milestone": "onSite", "elapsed": "PT4H"},
            {"milestone": "faultReport", "from": "hardwareConfirmd", "elapsed": "PT8H"}]},
        "D2.16",
        [("a ticket with the confirmation", ticket("2024-06-03 09:00", 3, events=[("hardwareConfirmed", "2024-06-03 10:00")]),
          L("2024-06-03 11:00")),
         ("a ticket with an event of the misspelt name", ticket("2024-06-03 09:00", 3,
                                                                 events=[("hardwareConfirmd", "2024-06-03 10:00")]),
          L("2024-06-03 11:00"))]))
    out.append(invalid(
        "policy-invalid-undeclared-breach.json",
        "An invalid policy: a replacement conditional on the breach of 'repaired', which no row targets and the "
        "policy does not declare. Every case expects argument.",
        {"calendar": "always", "targets": [
            {"milestone": "resolved", "elapsed": "PT24H"},
            {"milestone": "replacement", "ifBreached": "repaired", "from": "resolved.due", "elapsed": "PT24H"}]},
        "D2.11",
        [("any ticket", ticket("2024-06-03 09:00", 2), L("2024-06-05 11:00"))]))
    out.append(invalid(
        "policy-invalid-level-name.json",
        "An invalid policy: its explicit levels have no names, so the standard name 一级 in a row names no level. "
        "Every case expects argument.",
        {"levels": [{"level": 1}, {"level": 2}], "calendar": "always", "targets": [
            {"milestone": "onSite", "levels": ["一级"], "elapsed": "PT2H"},
            {"milestone": "onSite", "levels": [2], "elapsed": "PT4H"}]},
        "D2.6",
        [("a level-1 ticket", ticket("2024-06-03 09:00", 1), L("2024-06-03 10:00"))]))
    out.append(invalid(
        "policy-invalid-cutoff-without-calendar.json",
        "An invalid policy: an elapsed target with a cut-off and no calendar, in a policy without a default calendar. "
        "The cut-off needs the next working day, so the target needs a calendar. Every case expects argument.",
        {"targets": [{"milestone": "firstResponse", "elapsed": "PT2H", "cutOff": "16:00"}]},
        "D2.3",
        [("a ticket before the cut-off", ticket("2024-06-03 09:00", 3), L("2024-06-03 10:00"))]))
    out.append(invalid(
        "policy-invalid-two-amounts.json",
        "An invalid policy: a row with a phrase and an amount (\"within\": \"2小时内\" and \"elapsed\": \"PT2H\"). A phrase "
        "is an alternative to the amount properties and a row has exactly one amount. Every case expects argument.",
        {"calendar": "always", "targets": [{"milestone": "onSite", "within": "2小时内", "elapsed": "PT2H"}]},
        "D2.1",
        [("any ticket", ticket("2024-06-03 09:00", 1), L("2024-06-03 10:00"))]))
    out.append(invalid(
        "policy-invalid-phrase-holiday-working-days.json",
        "An invalid policy: a working-day phrase that carries the holiday rule (2个工作日内(最后一日为非工作日的顺延至"
        "其后第一个工作日下班时)); the rule is for calendar days and periods only. Every case expects argument.",
        {"calendar": "office", "targets": [
            {"milestone": "resolved", "within": "2个工作日内(最后一日为非工作日的顺延至其后第一个工作日下班时)"}]},
        "D2.3",
        [("any ticket", ticket("2024-06-03 09:00", 3), L("2024-06-03 10:00"))]))
    for suffix, phrase, why in (
            ("asap", "尽快", "尽快 (as soon as possible) sets no deadline"),
            ("half-day", "半天", "半天 could be half a working day or twelve hours"),
            ("service-hours", "7×24", "7×24 alone is service hours (a calendar's weekly 24x7), not a deadline"),
            ("two-clocks", "2 hours and 3 working days", "two clocks in one phrase"),
            ("negative", "-2 hours", "a negative amount")):
        out.append(invalid(
            f"policy-invalid-phrase-{suffix}.json",
            f"An invalid policy: a row written \"within\": \"{phrase}\", a phrase docs/policies.md refuses ({why}). "
            "Every case expects argument.",
            {"calendar": "office", "targets": [
                {"milestone": "firstResponse", "within": "30分钟"},
                {"milestone": "resolved", "within": phrase}]},
            "D2.3",
            [("any ticket", ticket("2024-06-03 09:00", 3), L("2024-06-03 10:00"))]))
    return out


def invalid(name, description, policy, ref, tickets):
    f = PolicyFile(name, description, {"always": ALWAYS, "office": OFFICE}, policy)
    assert not f.valid, name
    for label, t, as_of in tickets:
        f.error(ref, label, t, as_of)
    return f


def invalid_files():
    out = []
    out.append(invalid(
        "policy-invalid-cycle.json",
        "An invalid policy: 'restored' counts from 'onSite' and 'onSite' from 'restored', a cycle between milestones. "
        "The policy is rejected, so every case expects argument.",
        {"calendar": "always", "targets": [
            {"milestone": "onSite", "levels": [1], "from": "restored", "elapsed": "PT1H"},
            {"milestone": "restored", "levels": [1], "from": "onSite", "elapsed": "PT2H"}]},
        "D2.1",
        [("any level-1 ticket", ticket("2024-06-03 09:00", 1), L("2024-06-03 10:00")),
         ("a level-2 ticket, which no row names", ticket("2024-06-03 09:00", 2), L("2024-06-03 10:00")),
         ("a ticket with both events", ticket("2024-06-03 09:00", 1, events=[("onSite", "2024-06-03 09:30"),
                                                                             ("restored", "2024-06-03 10:00")]),
          L("2024-06-03 11:00"))]))
    out.append(invalid(
        "policy-invalid-cycle-due.json",
        "An invalid policy: a longer cycle through a deadline and a condition ('resolved' from 'replacement.due', "
        "'replacement' only if 'recovered' is breached, 'recovered' from 'resolved'). Every case expects argument.",
        {"calendar": "always", "targets": [
            {"milestone": "resolved", "from": "replacement.due", "elapsed": "PT4H"},
            {"milestone": "replacement", "ifBreached": "recovered", "elapsed": "PT24H"},
            {"milestone": "recovered", "from": "resolved", "elapsed": "PT2H"}]},
        "D2.10",
        [("any ticket", ticket("2024-06-03 09:00", 3), L("2024-06-03 10:00")),
         ("a ticket with events", ticket("2024-06-03 09:00", 1, events=[("resolved", "2024-06-03 09:30")]),
          L("2024-06-03 11:00"))]))
    out.append(invalid(
        "policy-invalid-ambiguous.json",
        "An invalid policy: two on-site rows name one attribute each (region Beijing, channel phone), so a phone call "
        "from Beijing matches both equally. Every case expects argument, even tickets that would match only one.",
        {"calendar": "always", "targets": [
            {"milestone": "onSite", "levels": [1, 2], "where": {"region": "Beijing"}, "elapsed": "PT2H"},
            {"milestone": "onSite", "levels": [2, 3], "where": {"channel": "phone"}, "elapsed": "PT4H"},
            {"milestone": "onSite", "elapsed": "PT24H"}]},
        "D1.13",
        [("a phone call from Beijing", ticket("2024-06-03 09:00", 2, {"region": "Beijing", "channel": "phone"}),
          L("2024-06-03 10:00")),
         ("a ticket from Shanghai", ticket("2024-06-03 09:00", 1, {"region": "Shanghai"}), L("2024-06-03 10:00"))]))
    out.append(invalid(
        "policy-invalid-overlapping-levels.json",
        "An invalid policy: two rows without `where` for one milestone whose levels overlap (level 2 is in both). "
        "Every case expects argument.",
        {"calendar": "always", "targets": [
            {"milestone": "onSite", "levels": [1, 2], "elapsed": "PT24H"},
            {"milestone": "onSite", "levels": [2, 3], "elapsed": "PT36H"},
            {"milestone": "onSite", "levels": [4], "elapsed": "PT48H"}]},
        "D2.7",
        [("a level-2 ticket", ticket("2024-06-03 09:00", 2), L("2024-06-03 10:00")),
         ("a level-4 ticket", ticket("2024-06-03 09:00", 4), L("2024-06-03 10:00"))]))
    out.append(invalid(
        "policy-invalid-array-overlap.json",
        "An invalid policy: `where` arrays that share a value (Beijing) for one milestone and overlapping levels. "
        "Every case expects argument.",
        {"calendar": "always", "targets": [
            {"milestone": "onSite", "where": {"region": ["Beijing", "Tianjin"]}, "elapsed": "PT2H"},
            {"milestone": "onSite", "where": {"region": ["Hebei", "Beijing"]}, "elapsed": "PT8H"},
            {"milestone": "onSite", "elapsed": "PT24H"}]},
        "D1.13",
        [("a ticket from Tianjin", ticket("2024-06-03 09:00", 1, {"region": "Tianjin"}), L("2024-06-03 10:00"))]))
    return out


def main():
    files = [d2_tables(), regions(), city_urgency(), distance(), levels_d2_6_9(), escalation(), channels(), fallback(),
             clock(), from_change(), confirmed(), complaints(), working_calendar(), contact(), reports(), berlin(),
             unknown_year(), compliance(), *invalid_files(), decided(), decided_levels(), phrases("zh"), phrases("en"),
             *invalid_decided_files()]
    zh, en = (next(f for f in files if f.name == f"policy-phrases-{x}.json") for x in ("zh", "en"))
    assert zh.cases == en.cases, "the Chinese and the English phrases of one table give different answers"
    total = 0
    refs = {}
    for f in files:
        n = f.write()
        total += n
        print(f"{f.name}: {n} cases")
        for c in f.cases:
            refs[c["ref"]] = refs.get(c["ref"], 0) + 1
    required = ["D1.9", "D1.10", "D1.11", "D1.12", "D1.13", "D1.14"] + [f"D2.{i}" for i in range(1, 23)]
    missing = [r for r in required if r not in refs]
    assert not missing, missing
    print(f"{total} cases")
    print("per ref: " + ", ".join(f"{r} {refs[r]}" for r in sorted(refs, key=lambda r: (r[:2], int(r.split('.')[1])))))


if __name__ == "__main__":
    main()
