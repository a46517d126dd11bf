#!/usr/bin/env python3
"""Writes tests/conformance/schedule-*.json (all but schedule-formats-example.json, which is the shared
formats page's example as written) from the case lists below, computing every `expected` value with
schedule_oracle.py, an independent Python reading of docs/inspections.md, never with the C# library.
Seeded, so the files are reproducible:

  python3 tests/conformance/tools/generate_schedules.py
  python3 tests/conformance/tools/schedule_oracle.py check
"""
import datetime as dt
import json
import os
import random

import oracle
import schedule_oracle as so

OUT = os.path.join(oracle.REPO, "tests", "conformance")
OFFICE = {"zone": "Asia/Shanghai", "weekly": {"Monday-Friday": ["09:00-12:00", "13:00-18:00"]}, "holidaySets": ["cn-mainland"]}
CALENDARS = {"office": OFFICE}
D = dt.date


class File:
    def __init__(self, name, description, schedule, calendars=CALENDARS):
        self.name, self.description = name, description
        self.doc = {"description": description, "calendars": calendars, "schedule": schedule, "cases": []}
        self.schedule = so.Schedule(schedule, so.load_calendars(self.doc))

    def add(self, ref, name, op, fields=None, **inputs):
        case = {"name": name}
        if ref:
            case["ref"] = ref
        case["op"] = op
        case.update(inputs)
        value = so.run_case(self.schedule, case, fields)
        if isinstance(value, tuple):
            case["expectedError"] = value[1]
        else:
            case["expected"] = value
        self.doc["cases"].append(case)
        return value

    def occurrences(self, ref, name, dates, start, end, fields=None, **extra):
        return self.add(ref, name, "occurrences", fields, dates=dates, **{"from": start, "to": end}, **extra)

    def compliance(self, ref, name, dates, visits, as_of, fields=("daysFromDue", "daysOutsideWindow"), **extra):
        return self.add(ref, name, "compliance", list(fields), dates=dates, visits=visits, asOf=as_of, **extra)

    def write(self):
        path = os.path.join(OUT, self.name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        return len(self.doc["cases"])


def acc(date):
    return {"acceptance": date}


def main():
    rng = random.Random(20241001)
    files = []

    # D4.1 quarterly inspection with a signed report
    f = File("schedule-d4-1-quarterly-report.json",
             "D4.1: one on-site inspection every (contract) quarter with a report signed by the customer, filed within 5 working days; "
             "due dates on holidays move to the next working day; three years from acceptance.",
             {"anchor": "acceptance", "every": "contractQuarter", "until": "P3Y",
              "align": {"calendar": "office", "move": "nextWorkingDay"},
              "tolerance": {"early": "P7D", "late": "P7D"},
              "followUps": [{"name": "signedReport", "workingDays": 5}]})
    for anchor in ["2023-07-01", "2023-07-07", "2023-10-31", "2024-01-01", "2024-02-10", "2024-03-31", "2024-07-01"]:
        f.occurrences("D4.1", f"quarters from {anchor}", acc(anchor), "2023-01-01", "2026-12-31",
                      fields=["due", "nominal", "number"])
    f.compliance("D4.1", "quarterly visits with the report deadline after each", acc("2024-07-01"),
                 ["2024-09-25", "2024-12-30", "2025-04-15"], "2025-06-30",
                 fields=("daysFromDue", "daysOutsideWindow", "followUps"))
    f.add("D4.1", "report after a visit before National Day", "followUp", duty="signedReport", dates=acc("2024-07-01"), visit="2024-09-27")
    f.add("D4.1", "report after a visit before the Spring Festival", "followUp", duty="signedReport", dates=acc("2024-07-01"), visit="2025-01-24")
    f.add("D4.1", "next due after 2024-10-01", "nextDue", dates=acc("2024-07-01"), date="2024-10-01")
    f.add("D4.1", "a year the holiday data does not know", "occurrences", dates=acc("2026-06-01"), **{"from": "2026-06-01", "to": "2027-12-31"})
    files.append(f)

    # D4.2 one inspection a year
    f = File("schedule-d4-2-yearly.json",
             "D4.2: one inspection a year from acceptance, for five years; a due date that is not a working day moves to the nearest working day "
             "(a tie goes to the earlier).",
             {"anchor": "acceptance", "every": "P1Y", "until": "P5Y",
              "align": {"calendar": "office", "move": "nearestWorkingDay"}})
    for anchor in ["2019-10-01", "2020-01-25", "2020-02-29", "2021-02-12", "2021-05-03", "2022-01-31", "2022-10-05"]:
        f.occurrences("D4.2", f"yearly from {anchor}", acc(anchor), "2019-01-01", "2026-12-31", fields=["due", "nominal"])
    f.add("D4.2", "next due on the day itself", "nextDue", dates=acc("2021-05-03"), date="2023-05-04")
    files.append(f)

    # D4.3 four inspections a year, as quotas
    f = File("schedule-d4-3-four-a-year.json",
             "D4.3: four on-site inspections a year, checked as quotas on the visits themselves: per calendar year and per contract year.",
             {"anchor": "acceptance", "until": "P2Y",
              "quotas": [{"atLeast": 4, "per": "calendarYear"}, {"atLeast": 4, "per": "contractYear"}]})
    visits = ["2024-04-10", "2024-06-28", "2024-09-30", "2024-12-20", "2025-03-14", "2025-08-01", "2025-11-11"]
    f.add("D4.3", "four a year, checked at the end of 2025", "quotas", dates=acc("2024-03-20"), visits=visits, asOf="2025-12-31")
    f.add("D4.3", "mid-2025: the contract year is open, the calendar year 2024 is met", "quotas", dates=acc("2024-03-20"), visits=visits[:5], asOf="2025-07-01")
    f.add("D4.3", "three visits in the first contract year", "quotas", dates=acc("2024-03-20"), visits=["2024-05-01", "2024-08-01", "2025-01-10"], asOf="2025-04-01")
    files.append(f)

    # D4.4 phases + quotas
    d44 = {"anchor": "acceptance", "phases": [{"every": "P1M", "for": "P3M"}, {"every": "P3M"}], "until": "P12M",
           "align": {"calendar": "office", "move": "nextWorkingDay"}, "tolerance": {"early": "P7D", "late": "P7D"},
           "quotas": [{"atLeast": 1, "per": "contractMonth", "for": "P3M"}, {"atLeast": 1, "per": "contractQuarter", "from": "P3M"}]}
    f = File("schedule-d4-4-phases.json",
             "D4.4: at least one routine visit a month for the first three months after acceptance, then one a quarter, within 12 months; "
             "the nominal dates and the quotas are checked apart.", d44)
    for anchor in ["2024-03-20", "2024-01-31", "2024-08-31", "2024-09-01", "2023-12-31", "2025-01-01"]:
        f.occurrences("D4.4", f"phases from {anchor}", acc(anchor), "2023-01-01", "2026-12-31", fields=["due", "nominal", "phase", "number"])
    f.compliance("D4.4", "visits around the holidays of 2024", acc("2024-03-20"),
                 ["2024-04-17", "2024-06-01", "2024-06-03", "2024-09-14", "2024-12-31"], "2025-01-15")
    f.compliance("D4.4", "an extra visit in a window already met", acc("2024-03-20"),
                 ["2024-04-20", "2024-04-24", "2024-05-20"], "2024-05-31")
    f.add("D4.4", "monthly quota for three months, then quarterly", "quotas", dates=acc("2024-03-20"),
          visits=["2024-04-17", "2024-06-01", "2024-06-03", "2024-09-14", "2024-12-31"], asOf="2025-01-15")
    f.add("D4.4", "share on time per calendar quarter", "shareOnTime", dates=acc("2024-03-20"), per="calendarQuarter",
          visits=["2024-04-17", "2024-06-01", "2024-06-18", "2024-09-14", "2024-12-31"], asOf="2025-01-15")
    f.add("D4.4", "next due with a missed visit and an open window", "nextDue", dates=acc("2024-03-20"),
          visits=["2024-04-22"], asOf="2024-06-24")
    files.append(f)

    # D4.5 within the warranty period
    f = File("schedule-d4-5-warranty.json",
             "D4.5: inspections within the warranty period: a quarterly schedule bounded by its own 12 months, and by a warranty window "
             "given with the case (as the warranty capability will give it).",
             {"anchor": "acceptance", "every": "P3M", "until": "P12M", "align": {"calendar": "office", "move": "previousWorkingDay"}})
    f.occurrences("D4.5", "12 months from acceptance, last day included", acc("2024-01-31"), "2024-01-01", "2026-12-31", fields=["due", "nominal"])
    f.occurrences("D4.5", "a warranty window shorter than the schedule", acc("2024-01-31"), "2024-01-01", "2026-12-31",
                  fields=["due", "nominal"], within={"from": "2024-02-01", "to": "2024-10-31"})
    f.occurrences("D4.5", "a warranty window that starts later", acc("2024-03-20"), "2024-01-01", "2026-12-31",
                  fields=["due", "nominal"], within={"from": "2024-07-01", "to": "2025-06-30"})
    f.add("D4.5", "no occurrence after the warranty", "nextDue", dates=acc("2024-01-31"), date="2025-02-01")
    f.add(None, "the anchor event is missing", "occurrences", dates={"commissioning": "2024-01-31"}, **{"from": "2024-01-01", "to": "2024-12-31"})
    files.append(f)

    # D4.6 cohorts: monthly phone check-ins for what was commissioned that month
    f = File("schedule-d4-6-cohorts.json",
             "D4.6: every month, a phone check-in for the equipment commissioned or accepted that month, due by the month's last working day.",
             {"anchor": "commissioning", "once": "P0D", "align": {"calendar": "office", "move": "previousWorkingDay"}})
    members = {"T-001": "2024-01-15", "T-002": "2024-01-31", "T-003": "2024-02-05", "T-004": "2024-03-30",
               "T-005": "2024-06-03", "T-006": "2024-06-30", "T-007": "2024-09-30", "T-008": "2024-12-02"}
    f.add("D4.6", "cohorts by calendar month", "cohorts", per="calendarMonth", members=members)
    f.add("D4.6", "cohorts by calendar quarter", "cohorts", per="calendarQuarter", members=members)
    f.occurrences("D4.6", "a single check-in at a month end on a holiday", {"commissioning": "2024-09-30"}, "2024-09-01", "2024-10-31")
    files.append(f)
    f = File("schedule-d4-6-quarterly-all.json",
             "D4.6: a phone check-in every calendar quarter for all accepted equipment, any time in the quarter (early allowance: the whole "
             "cycle), due on the quarter's last working day.",
             {"anchor": "acceptance", "every": "calendarQuarter", "until": "P2Y",
              "align": {"calendar": "office", "move": "nearestWorkingDayInPeriod", "period": "calendarQuarter"},
              "tolerance": {"early": "cycle"}})
    f.occurrences("D4.6", "calendar quarters from mid-quarter", acc("2024-02-20"), "2024-01-01", "2026-12-31",
                  fields=["due", "nominal", "earliest", "latest"])
    f.compliance("D4.6", "one call in each quarter, one after the quarter", acc("2024-02-20"),
                 ["2024-02-21", "2024-05-06", "2024-10-08", "2024-12-31"], "2025-01-31")
    files.append(f)

    # D4.7 satisfaction survey each calendar quarter, statistics report
    f = File("schedule-d4-7-survey.json",
             "D4.7: a satisfaction survey every calendar quarter, due by the quarter's end (the previous working day when it is not one), "
             "on time any day of the quarter; share on time per quarter and per half-year.",
             {"anchor": "acceptance", "every": "calendarQuarter", "until": "P3Y",
              "align": {"calendar": "office", "move": "previousWorkingDay"}, "tolerance": {"early": "cycle"}})
    f.occurrences("D4.7", "quarter ends 2024-2026", acc("2023-12-31"), "2024-01-01", "2026-12-31", fields=["due", "nominal", "earliest"])
    survey_visits = ["2024-03-28", "2024-07-03", "2024-09-27", "2024-12-31", "2025-03-31", "2025-06-30"]
    f.compliance("D4.7", "surveys, one late", acc("2023-12-31"), survey_visits, "2025-10-10")
    f.add("D4.7", "share on time per quarter", "shareOnTime", dates=acc("2023-12-31"), per="calendarQuarter", visits=survey_visits, asOf="2025-10-10")
    f.add("D4.7", "share on time per half-year", "shareOnTime", dates=acc("2023-12-31"), per="calendarHalfYear", visits=survey_visits, asOf="2025-10-10")
    files.append(f)

    # D4.8 notice before an inspection
    f = File("schedule-d4-8-notice.json",
             "D4.8: the customer is notified before each monthly inspection: the plan is sent 3 working days before the due date.",
             {"anchor": "acceptance", "every": "P1M", "until": "P2Y", "align": {"calendar": "office", "move": "nextWorkingDay"},
              "notice": {"workingDays": 3}})
    for anchor in ["2024-01-08", "2024-02-18", "2024-04-07", "2024-09-29", "2024-10-10"]:
        f.occurrences("D4.8", f"notice days from {anchor}", acc(anchor), "2024-01-01", "2025-12-31", fields=["due", "noticeBy"])
    files.append(f)

    # D4.9 signed report
    f = File("schedule-d4-9-signed-report.json",
             "D4.9: after each inspection, the checklist ends in a report signed by the customer and filed within 5 working days "
             "(and a copy within 7 calendar days, moved past a last day that is not a working day).",
             {"anchor": "acceptance", "every": "P6M", "until": "P3Y", "align": {"calendar": "office", "move": "nextWorkingDay"},
              "tolerance": "tenPercent",
              "followUps": [{"name": "signedReport", "workingDays": 5},
                            {"name": "copy", "calendarDays": 7, "holidayRule": "nextWorkingDay"}]})
    for visit in ["2024-02-08", "2024-04-30", "2024-09-13", "2024-09-30", "2025-01-27", "2025-09-30", "2025-12-31"]:
        f.add("D4.9", f"signed report after {visit}", "followUp", duty="signedReport", dates=acc("2024-01-01"), visit=visit)
        f.add("D4.9", f"copy after {visit}", "followUp", duty="copy", dates=acc("2024-01-01"), visit=visit)
    f.compliance("D4.9", "half-yearly visits with both deadlines", acc("2024-01-01"), ["2024-06-25", "2025-01-20"], "2025-03-01",
                 fields=("daysFromDue", "followUps"))
    files.append(f)

    # D4.10 notice of a change of the support phone number
    f = File("schedule-d4-10-phone-change.json",
             "D4.10: a change of the support phone number is announced in writing at least 3 days before the change.",
             {"anchor": "phoneChange", "once": "P0D", "notice": {"calendarDays": 3}})
    for change in ["2024-10-01", "2024-03-01", "2025-01-02"]:
        f.occurrences("D4.10", f"announce a change on {change}", {"phoneChange": change}, "2024-01-01", "2025-12-31", fields=["due", "noticeBy"])
    files.append(f)

    # D4.11 training 3 days after commissioning
    f = File("schedule-d4-11-training.json",
             "D4.11: training 3 days after commissioning, on the next working day when that is not one.",
             {"anchor": "commissioning", "once": "P3D", "align": {"calendar": "office", "move": "nextWorkingDay"},
              "tolerance": {"late": {"workingDays": 2}}})
    for commissioning in ["2024-09-26", "2024-09-28", "2024-02-07", "2024-04-01", "2025-01-24", "2025-05-28"]:
        f.occurrences("D4.11", f"training after commissioning on {commissioning}", {"commissioning": commissioning}, "2024-01-01", "2025-12-31",
                      fields=["due", "nominal", "latest"])
    f.compliance("D4.11", "training two working days late is still on time", {"commissioning": "2024-09-26"}, ["2024-10-09"], "2024-10-31")
    files.append(f)

    # Floating and shift factors, catch-up
    f = File("schedule-floating.json",
             "Floating schedules (SAP shift factors of 100 %): an early or late visit re-anchors the rest of the phase; "
             "a visit inside the window moves nothing; missed cycles never leave the next due date in the past.",
             {"anchor": "acceptance", "every": "P1M", "until": "P2Y", "tolerance": {"early": "P3D", "late": "P3D"}, "shift": "floating"})
    f.compliance("D4.1", "a late visit moves the next due date", acc("2024-01-10"), ["2024-02-10", "2024-03-25", "2024-04-25"], "2024-05-31")
    f.compliance("D4.1", "an early visit moves the next due date", acc("2024-01-10"), ["2024-02-01", "2024-03-01"], "2024-04-30")
    f.compliance("D4.1", "on-time visits move nothing", acc("2024-01-10"), ["2024-02-12", "2024-03-08", "2024-04-10"], "2024-05-31")
    f.add("D4.1", "catch-up after five missed cycles", "nextDue", dates=acc("2024-01-10"), visits=["2024-02-10"], asOf="2024-08-01")
    f.add("D4.1", "catch-up after a late visit", "nextDue", dates=acc("2024-01-10"), visits=["2024-03-25"], asOf="2024-03-26")
    files.append(f)
    f = File("schedule-shift-half.json",
             "SAP-style shift factors between fixed and floating: half of a late deviation, none of an early one.",
             {"anchor": "acceptance", "every": "P1M", "until": "P1Y", "tolerance": {"early": "P2D", "late": "P2D"}, "shift": {"early": 0, "late": 0.5}})
    f.compliance(None, "half of a 15-day delay", acc("2024-01-10"), ["2024-02-25", "2024-03-01", "2024-04-18"], "2024-05-31")
    files.append(f)

    # Month-end rules
    for rule in ["clamp", "skip", "forward"]:
        f = File(f"schedule-month-end-{rule}.json",
                 f"Monthly from a month's end with the month-end rule {rule}.",
                 {"anchor": "acceptance", "every": "P1M", "count": 12, "monthEnd": rule})
        for anchor in ["2024-01-31", "2023-01-31", "2024-01-30", "2024-03-31"]:
            f.occurrences(None, f"from {anchor}", acc(anchor), "2023-01-01", "2025-12-31", fields=["due", "number"])
        files.append(f)

    # On-time rules from maintenance practice
    f = File("schedule-smrp.json",
             "The SMRP grace period: on time up to 20 % of the interval after the due date, at most 28 days; nothing before it.",
             {"anchor": "acceptance", "phases": [{"every": "P1M", "for": "P6M"}, {"every": "P6M"}], "until": "P3Y", "tolerance": "smrp"})
    f.occurrences(None, "windows of monthly and half-yearly visits", acc("2024-01-31"), "2024-01-01", "2026-12-31", fields=["due", "earliest", "latest"])
    f.compliance(None, "visits judged by the SMRP grace", acc("2024-01-31"), ["2024-02-28", "2024-04-05", "2024-04-30", "2024-08-20", "2025-02-10"], "2025-03-31")
    files.append(f)
    f = File("schedule-ten-percent.json",
             "Within 10 % of the interval either side, weekly and quarterly.",
             {"anchor": "acceptance", "phases": [{"every": "P2W", "for": "P2M"}, {"every": "P3M"}], "until": "P1Y", "tolerance": "tenPercent",
              "align": {"calendar": "office", "move": "nearestWorkingDay"}})
    f.occurrences(None, "fortnightly then quarterly windows", acc("2024-09-16"), "2024-01-01", "2025-12-31", fields=["due", "nominal", "earliest", "latest"])
    f.compliance(None, "10 % either side", acc("2024-09-16"), ["2024-09-29", "2024-10-16", "2024-10-31", "2025-03-04"], "2025-03-31")
    files.append(f)

    # Alignment moves, with adjusted working days
    for move in ["previousWorkingDay", "nearestWorkingDayInPeriod", "skip"]:
        f = File(f"schedule-align-{move}.json",
                 f"Weekly and monthly due dates across the holidays of 2024-2025 with the move {move}.",
                 {"anchor": "acceptance", "phases": [{"every": "P7D", "for": "P2M"}, {"every": "P1M"}], "until": "P2Y",
                  "align": {"calendar": "office", "move": move}})
        for anchor in ["2024-01-27", "2024-04-04", "2024-09-13", "2024-12-31", "2025-01-04"]:
            f.occurrences(None, f"from {anchor}", acc(anchor), "2024-01-01", "2026-12-31", fields=["due", "nominal", "number"])
        files.append(f)

    # Seeded random: quarterly, monthly and weekly schedules from random anchors, with compliance of random visits
    f = File("schedule-random.json",
             "Seeded random cases (seed 20241001): monthly for 3 months then quarterly, next working day, ±7 days, from random anchors "
             "in 2021-2024, with random visits.", dict(d44, until="P2Y"))
    for i in range(40):
        anchor = D(2021, 1, 1) + dt.timedelta(days=rng.randrange(0, 4 * 365))
        f.occurrences("D4.4", f"random anchor {i}", acc(anchor.isoformat()), "2021-01-01", "2026-12-31", fields=["due", "nominal"])
        visits = sorted({(anchor + dt.timedelta(days=rng.randrange(1, 700))).isoformat() for _ in range(rng.randrange(2, 9))})
        as_of = (anchor + dt.timedelta(days=rng.randrange(200, 730))).isoformat()
        visits = [v for v in visits if v <= as_of]
        f.compliance("D4.4", f"random visits {i}", acc(anchor.isoformat()), visits, as_of)
    files.append(f)

    total = 0
    for f in files:
        n = f.write()
        total += n
        print(f"{f.name}: {n} cases")
    print(f"{total} cases")


if __name__ == "__main__":
    main()
