#!/usr/bin/env python3
"""Writes tests/conformance/warranty-*.json from the case lists below, computing every `expected` value with
warranty_oracle.py (an independent Python reading of docs/warranty.md), never with the C# library. The random cases
are seeded, so the files are reproducible:

  python3 tests/conformance/tools/generate_warranty.py        # rewrites tests/conformance/warranty-*.json
  python3 tests/conformance/tools/warranty_oracle.py check    # recomputes every warranty file's cases
"""
import json
import os
import random

import oracle
import warranty_oracle as wo

OUT = os.path.join(oracle.REPO, "tests", "conformance")
OFFICE = {"zone": "Asia/Shanghai", "weekly": {"Monday-Friday": ["09:00-12:00", "13:00-18:00"]}, "holidaySets": ["cn-mainland"]}


class File:
    def __init__(self, name, description, warranty, calendars=None):
        self.name, self.description, self.warranty, self.calendars = name, description, warranty, calendars
        self.policy = wo.Policy(warranty, calendars)
        self.cases = []

    def add(self, ref, name, op, fields=None, **inputs):
        """Adds a case whose expected value the oracle computes; `fields` picks which fields of a result to expect."""
        case = {"name": name}
        if ref:
            case["ref"] = ref
        case["op"] = op
        case.update(inputs)
        value = wo.run_case(self.policy, case)
        if isinstance(value, tuple):
            case["expectedError"] = value[1]
        elif isinstance(value, dict):
            case["expected"] = {k: v for k, v in value.items() if fields is None or k in fields}
        else:
            case["expected"] = value
        self.cases.append(case)
        return value

    def assess(self, ref, name, asset, claim, fields=None):
        return self.add(ref, name, "assess", fields, asset=asset, claim=claim)

    def in_force(self, ref, name, term, asset, on):
        return self.add(ref, name, "inForce", term=term, asset=asset, on=on)

    def coverage(self, ref, name, asset, on, term=None):
        inputs = {"asset": asset, "on": on}
        if term is not None:
            inputs["term"] = term
        return self.add(ref, name, "coverage", **inputs)

    def write(self):
        with open(os.path.join(OUT, self.name), "w", encoding="utf-8", newline="\n") as f:
            f.write("{\n")
            f.write(f'  "description": {json.dumps(self.description, ensure_ascii=False)},\n')
            f.write(f'  "warranty": {json.dumps(self.warranty, ensure_ascii=False)},\n')
            if self.calendars:
                f.write(f'  "calendars": {json.dumps(self.calendars, ensure_ascii=False)},\n')
            f.write('  "cases": [\n')
            f.write(",\n".join("    " + json.dumps(c, ensure_ascii=False) for c in self.cases))
            f.write("\n  ]\n}\n")
        print(f"{self.name}: {len(self.cases)} cases")
        return self.cases


def at(date, time="10:00"):
    return f"{date}T{time}:00+08:00"


def claim(date, time="10:00", **fields):
    c = {"at": at(date, time)}
    c.update(fields)
    return c


def asset(component="hardware", **fields):
    a = {"component": component}
    a.update(fields)
    return a


# ---------------------------------------------------------------- the commitment catalogue

CATALOGUE = {
    "zone": "Asia/Shanghai",
    "terms": [
        {"id": "terminal", "covers": ["hardware"], "period": "P12M", "from": "acceptanceSigned", "ref": "D3.1"},
        {"id": "backEnd", "covers": ["software"], "period": "P1Y", "from": "acceptance", "ref": "D3.2"},
        {"id": "delivery", "covers": ["wholeDelivery"], "period": "P3Y", "from": "acceptance", "fromTheDayOf": True, "ref": "D3.3"},
        {"id": "equipment", "covers": ["equipment"], "period": "P2Y", "from": "acceptance", "fromTheDayOf": True, "ref": "D3.3"},
        {"id": "early", "covers": ["camera"], "period": "P1Y", "from": {"earliest": ["acceptance", "firstUse"]}, "ref": "D3.4"},
        {"id": "purchase", "covers": ["appliance"], "period": "P1Y", "from": "purchase", "ref": "D3.5"},
        {"id": "support", "kind": "technicalSupport", "period": "P3Y", "from": "delivery", "ref": "D3.6"},
        {"id": "upgrades", "kind": "upgrades", "period": "P3Y", "from": "delivery", "ref": "D3.6"},
        {"id": "spareParts", "kind": "sparePartsSupply", "period": "P10Y", "from": "purchase", "ref": "D3.7"},
    ],
    "repeatFailure": {"repairs": 2},
    "returnWithoutReason": {"period": "P7D", "from": "received"},
    "repairTurnaround": {"elapsed": "PT72H"},
    "paidService": {"visitFee": 300, "partsAtCost": True, "notAboveBidPrice": True},
    "newPartsOnly": True,
    "magneticMediaOnSite": True,
}

EXCLUSION_CAUSES = [
    ("D3.16", ["fire", "flood", "wind", "lightning", "war", "powerFailure"]),
    ("D3.17", ["negligence", "misuse", "misoperation", "maliciousUse"]),
    ("D3.18", ["movedByUnqualifiedPeople"]),
    ("D3.19", ["unauthorisedModification", "installationDeviation"]),
    ("D3.20", ["inferiorThirdPartyMaterials"]),
    ("D3.21", ["thirdPartyEquipment", "thirdPartySoftware"]),
    ("D3.22", ["improperUse", "accident", "alteration", "unsuitableEnvironment", "improperMaintenance"]),
    ("D3.23", ["unagreedPeripheral", "consumable", "humanDamage", "nonQualityFault"]),
    ("D3.24", ["forceMajeure"]),
    ("D3.25", ["repairOfReplacedPart"]),
    ("D3.26", ["outOfScope"]),
]


def catalogue():
    f = File("warranty-catalogue.json",
             "The warranty rows of the commitment catalogue (D3.1-D3.26) as one contract: terms per component class, "
             "paid service after the warranty, escalations, the 7-day return, the 72-hour repair turnaround, the "
             "conditions of a repair and every exclusion clause. Expected values from tools/warranty_oracle.py.",
             CATALOGUE)
    signed = asset("hardware", dates={"acceptanceSigned": "2024-05-20", "acceptance": "2024-05-20"}, bidPrice=12800)
    only_terminal = asset("hardware", dates={"acceptanceSigned": "2024-05-20"}, bidPrice=12800)

    # D3.1: 12 months from the day after the certificate is signed.
    for date, name in [("2024-05-20", "the signing day itself is not covered"), ("2024-05-21", "the first covered day"),
                       ("2025-05-20", "the last covered day"), ("2025-05-21", "the day after: paid service")]:
        f.assess("D3.1", f"terminal, {name}", only_terminal, claim(date, problem="E-42"))
    f.assess("D3.1", "formats.md example", asset("hardware", dates={"acceptanceSigned": "2024-05-20"},
                                                 repairs=[{"date": "2024-11-04", "problem": "E-42"}], replacements=[]),
             claim("2025-05-20", "09:00", request="repair", problem="E-42", causes=[]))
    f.in_force("D3.1", "in force on the last day", "terminal", only_terminal, "2025-05-20")
    f.in_force("D3.1", "not in force the day after", "terminal", only_terminal, "2025-05-21")
    f.coverage("D3.1", "the window", only_terminal, "2024-06-01", "terminal")
    f.assess("D3.1", "the whole-delivery term outlasts the terminal term", signed, claim("2026-01-05", problem="E-1"))
    f.coverage("D3.1", "leap year: signed on 29 February", asset("hardware", dates={"acceptanceSigned": "2024-02-29"}), "2025-02-28", "terminal")
    f.coverage("D3.1", "leap year: the day after the window", asset("hardware", dates={"acceptanceSigned": "2024-02-29"}), "2025-03-01", "terminal")

    # D3.2: back-end software, 1 year.
    software = asset("software", dates={"acceptance": "2023-02-28"})
    f.coverage("D3.2", "software: 1 year, month end", software, "2024-02-28", "backEnd")
    f.in_force("D3.2", "software: the day after", "backEnd", software, "2024-02-29")
    f.assess("D3.2", "software claim in the 4th year: the whole-delivery term", software, claim("2025-06-01", problem="S-1"))

    # D3.3: the whole delivery, 3 years from the day of acceptance; 2 years for equipment in another template.
    leap = asset("server", dates={"acceptance": "2024-02-29"})
    f.coverage("D3.3", "whole delivery, from the day of acceptance", leap, "2024-02-29")
    f.coverage("D3.3", "whole delivery, the last day (2027 has no 29 February)", leap, "2027-02-27")
    f.coverage("D3.3", "whole delivery, ended", leap, "2027-02-28")
    equipment = asset("equipment", dates={"acceptance": "2024-08-31"})
    f.coverage("D3.3", "equipment: 2 years from the day of acceptance", equipment, "2026-08-30", "equipment")
    f.assess("D3.3", "equipment: the whole-delivery term still covers it", equipment, claim("2026-09-01", problem="X"))

    # D3.4: from acceptance or first use, whichever comes first.
    f.coverage("D3.4", "first use before acceptance", asset("camera", dates={"acceptance": "2024-06-30", "firstUse": "2024-06-15"}), "2025-06-15", "early")
    f.coverage("D3.4", "first use before acceptance: the day after", asset("camera", dates={"acceptance": "2024-06-30", "firstUse": "2024-06-15"}), "2025-06-16", "early")
    f.coverage("D3.4", "accepted, not yet used", asset("camera", dates={"acceptance": "2024-06-30"}), "2025-06-30", "early")
    f.coverage("D3.4", "neither date yet", asset("camera", dates={"delivery": "2024-06-01"}), "2024-07-01", "early")

    # D3.5: one year from purchase, paid maintenance for life afterwards.
    appliance = asset("appliance", dates={"purchase": "2024-01-31"}, bidPrice=5000)
    f.assess("D3.5", "within the year", appliance, claim("2025-01-31", problem="A-1"))
    f.assess("D3.5", "after the year: lifetime paid maintenance", appliance, claim("2025-02-01", problem="A-1"))
    f.assess("D3.5", "ten years on: still paid maintenance", appliance, claim("2034-02-01", problem="A-1"))

    # D3.6: free support and upgrades for 3 years from delivery.
    delivered = asset("software", dates={"delivery": "2023-12-31", "acceptance": "2024-01-15"}, bidPrice=80000)
    f.assess("D3.6", "support on the last day", delivered, claim("2026-12-31", request="technicalSupport"))
    f.assess("D3.6", "support after 3 years: paid", delivered, claim("2027-01-01", request="technicalSupport"))
    f.assess("D3.6", "upgrade within 3 years", delivered, claim("2025-06-01", request="upgrade"))
    f.assess("D3.6", "upgrade before delivery: out of scope", asset("software", dates={"delivery": "2024-03-01"}), claim("2024-02-01", request="upgrade"))

    # D3.7: spare parts supplied for 10 years from purchase.
    parts = asset("hardware", dates={"purchase": "2016-02-29"}, bidPrice=3000)
    f.assess("D3.7", "spare parts in the 10th year", parts, claim("2026-02-28", request="spareParts"))
    f.assess("D3.7", "spare parts after 10 years: nothing owed", parts, claim("2026-03-01", request="spareParts"))
    f.coverage("D3.7", "the supply term", parts, "2026-02-28", "spareParts")

    # D3.8 and D3.9: paid service after the warranty.
    f.assess("D3.8", "parts at cost, never above the bid price", signed, claim("2027-06-01", problem="E-1"))
    f.assess("D3.8", "paid upgrade after 3 years: never above the bid price", delivered, claim("2027-03-01", request="upgrade"))
    f.assess("D3.8", "no bid price: no ceiling", asset("hardware", dates={"acceptanceSigned": "2020-01-01"}), claim("2024-06-01", problem="E-1"))
    contract = dict(signed, maintenanceContracts=[{"from": "2027-05-20", "to": "2028-05-19"}])
    f.assess("D3.9", "a per-visit fee after the warranty", signed, claim("2027-06-01", problem="E-1"))
    f.assess("D3.9", "a maintenance contract covers it: no visit fee", contract, claim("2027-06-01", problem="E-1"))
    f.assess("D3.9", "the maintenance contract's last day", contract, claim("2028-05-19", problem="E-1"))
    f.assess("D3.9", "after the maintenance contract", contract, claim("2028-05-20", problem="E-1"))

    # D3.10: two repairs in a row of the same problem, still unusable: a new device of the same brand and model.
    twice = dict(only_terminal, repairs=[{"date": "2024-11-04", "problem": "E-42"}, {"date": "2025-01-08", "problem": "E-42"}])
    f.assess("D3.10", "third failure of E-42: replacement", twice, claim("2025-03-03", problem="E-42"))
    f.assess("D3.10", "another problem: repair", twice, claim("2025-03-03", problem="E-17"))
    f.assess("D3.10", "once is not enough", dict(only_terminal, repairs=[{"date": "2024-11-04", "problem": "E-42"}]), claim("2025-03-03", problem="E-42"))
    broken = dict(only_terminal, repairs=[{"date": "2024-11-04", "problem": "E-42"}, {"date": "2024-12-01", "problem": "E-17"},
                                          {"date": "2025-01-08", "problem": "E-42"}])
    f.assess("D3.10", "not in a row: repair", broken, claim("2025-03-03", problem="E-42"))
    f.assess("D3.10", "after the warranty: paid service", twice, claim("2025-05-21", problem="E-42"))

    # D3.11: a replacement is new and its warranty starts again.
    replaced = dict(twice, replacements=["2025-03-10"])
    f.assess("D3.11", "after the replacement: the window starts again", replaced, claim("2025-06-01", problem="E-42"))
    f.coverage("D3.11", "restarted window", replaced, "2026-03-10", "terminal")
    f.coverage("D3.11", "restarted window: the day after", replaced, "2026-03-11", "terminal")
    f.in_force("D3.11", "old window would have ended", "terminal", replaced, "2025-12-01")
    f.coverage("D3.11", "on the replacement's own day", dict(only_terminal, replacements=["2025-08-01"]), "2025-08-01", "terminal")

    # D3.12: 7 natural days after receipt: return without reason, unless there is human damage.
    received = asset("phone", dates={"received": "2024-09-28", "purchase": "2024-09-27"})
    f.assess("D3.12", "return on the 7th day, over National Day", received, claim("2024-10-05", "23:59", request="return"))
    f.assess("D3.12", "return on the 8th day: expired", received, claim("2024-10-06", "00:00", request="return"))
    f.assess("D3.12", "return with human damage: excluded", received, claim("2024-10-01", request="return", causes=["humanDamage"]))
    f.assess("D3.12", "return within 7 days, phone covered by the whole-delivery term", dict(received, dates={"received": "2024-09-28", "acceptance": "2024-09-28"}),
             claim("2024-10-02", request="return"))

    # D3.13: cannot be repaired within the warranty: exchange.
    f.assess("D3.13", "the claim says it cannot be repaired", only_terminal, claim("2024-12-01", problem="E-9", repairable=False))
    f.assess("D3.13", "the last repair could not fix it", dict(only_terminal, repairs=[{"date": "2024-11-01", "problem": "E-9", "outcome": "impossible"}]),
             claim("2024-12-01", problem="E-9"))
    f.assess("D3.13", "unrepairable after the warranty: paid service", only_terminal, claim("2025-06-01", problem="E-9", repairable=False))

    # D3.14: repair turnaround 72 hours after the product is received.
    f.assess("D3.14", "due 72 h after receipt", only_terminal, claim("2024-12-31", "09:00", problem="E-1", received=at("2024-12-31", "16:30")))
    f.assess("D3.14", "not yet received: no due", only_terminal, claim("2024-12-31", "09:00", problem="E-1"))
    f.assess("D3.14", "received on 27 February: 72 h cross the month end (2025 has no 29 February)", only_terminal, claim("2025-02-27", problem="E-1", received="2025-02-27T20:00:00+08:00"))

    # D3.15: new parts unless agreed in writing; magnetic media repaired on site.
    f.assess("D3.15", "new parts", only_terminal, claim("2024-12-01", problem="E-1"))
    f.assess("D3.15", "used parts agreed in writing", only_terminal, claim("2024-12-01", problem="E-1", usedPartsAgreed=True))
    f.assess("D3.15", "magnetic media on site", only_terminal, claim("2024-12-01", problem="E-1", magneticMedia=True))

    # D3.16-D3.26: every cause of every exclusion.
    for ref, causes in EXCLUSION_CAUSES:
        for cause in causes:
            f.assess(ref, f"cause {cause}", only_terminal, claim("2024-12-01", problem="E-1", causes=[cause]))
    f.assess("D3.16", "excluded after the warranty too", only_terminal, claim("2025-06-01", problem="E-1", causes=["flood"]))
    f.assess("D3.26", "out of scope and a disaster: the disaster decides", only_terminal, claim("2024-12-01", causes=["outOfScope", "lightning"]))
    f.assess("D3.26", "no term covers the component: out of scope", asset("vehicle", dates={"purchase": "2024-01-01"}), claim("2024-06-01", problem="E-1"))
    f.assess(None, "an unknown cause is rejected", only_terminal, claim("2024-12-01", causes=["meteor"]))
    f.in_force(None, "an unknown term is rejected", "nope", only_terminal, "2024-12-01")
    return f.write()


# ---------------------------------------------------------------- periods and adjustments

def periods():
    warranty = {
        "zone": "Asia/Shanghai",
        "terms": [
            {"id": "months", "covers": ["m"], "period": "P1M", "from": "start"},
            {"id": "monthsDayOf", "covers": ["md"], "period": "P1M", "from": "start", "fromTheDayOf": True},
            {"id": "mixed", "covers": ["x"], "period": "P1Y1M", "from": "start"},
            {"id": "thirteen", "covers": ["x"], "period": "P13M", "from": "start"},
            {"id": "weeks", "covers": ["w"], "period": "P2W", "from": "start"},
            {"id": "sanbao", "covers": ["tv"], "period": "P1Y", "from": "invoice", "addRepairTime": True},
            {"id": "legal", "covers": ["legal"], "period": "P2Y", "from": "delivery", "repairExtension": {"period": "P12M"}},
            {"id": "each", "covers": ["each"], "period": "P1Y", "from": "delivery", "repairExtension": {"period": "P90D", "mode": "fromEachRepair"}},
            {"id": "owner", "covers": ["owner"], "period": "P1Y", "from": "purchase", "transferable": False},
            {"id": "car", "covers": ["car"], "period": "P2Y", "usage": {"km": 50000}, "from": {"latest": ["invoice", "delivery"]}},
            {"id": "noRestart", "covers": ["fixed"], "period": "P1Y", "from": "purchase", "restartOnReplacement": False},
            {"id": "forever", "covers": ["forever"], "period": "lifetime", "from": "purchase"},
            {"id": "shares", "covers": ["shared"], "period": "P3Y", "from": "acceptance",
             "shares": {"labour": {"share": 1, "period": "P1Y"}, "travel": {"share": 0.5, "period": "P6M"}}},
            {"id": "presumed", "covers": ["goods"], "period": "P2Y", "from": "delivery", "presumption": "P1Y"},
        ],
        "builtInExclusions": "none",
    }
    f = File("warranty-periods.json",
             "Rule 5 at month ends and in leap years, several start events, and every adjustment: time in repair "
             "added back, extension after repair, restart on replacement, an owner change, usage limits, shares and the "
             "presumption. Expected values from tools/warranty_oracle.py.", warranty)
    for start in ["2024-01-31", "2023-01-31", "2024-03-31", "2024-02-29", "2023-12-31", "2100-01-31"]:
        f.coverage("D3.1", f"1 month from {start}", asset("m", dates={"start": start}), start)
        f.coverage("D3.3", f"1 month from the day of {start}", asset("md", dates={"start": start}), start)
    f.coverage("D3.5", "P1Y1M from a leap day is 13 months: covered through 29 March, the corresponding day", asset("x", dates={"start": "2024-02-29"}), "2025-03-29", "mixed")
    f.coverage("D3.5", "P13M from a leap day", asset("x", dates={"start": "2024-02-29"}), "2025-03-29", "thirteen")
    f.coverage(None, "two weeks", asset("w", dates={"start": "2024-02-20"}), "2024-03-05")
    tv = asset("tv", dates={"invoice": "2024-01-01"}, repairs=[{"date": "2024-03-01", "problem": "A", "returned": "2024-03-11"},
                                                               {"date": "2024-12-31", "problem": "B", "returned": "2025-01-04"},
                                                               {"date": "2025-01-05", "problem": "C", "returned": "2025-01-15"}])
    for on in ["2024-06-01", "2025-01-01", "2025-01-10", "2025-01-25", "2025-01-26"]:
        f.coverage("D3.5", f"time in repair added back, on {on}", tv, on)
    legal = asset("legal", dates={"delivery": "2024-03-10"}, repairs=[{"date": "2025-06-01", "problem": "A"}, {"date": "2026-12-01", "problem": "B"}])
    for on in ["2025-05-31", "2026-03-11", "2027-03-10", "2027-03-11"]:
        f.coverage(None, f"extended once by 12 months, on {on}", legal, on)
    each = asset("each", dates={"delivery": "2024-01-01"}, repairs=[{"date": "2024-12-20", "problem": "A"}, {"date": "2025-03-15", "problem": "B"}])
    for on in ["2025-01-01", "2025-03-20", "2025-06-13", "2025-06-14"]:
        f.coverage(None, f"90 days from each repair, on {on}", each, on)
    owned = asset("owner", dates={"purchase": "2024-01-01"}, transfers=["2024-09-01"])
    for on in ["2024-08-31", "2024-09-01"]:
        f.coverage(None, f"does not follow a new owner, on {on}", owned, on)
    f.coverage(None, "sold before it started", asset("owner", dates={"purchase": "2024-06-01"}, transfers=["2024-06-01"]), "2024-07-01")
    car = asset("car", dates={"invoice": "2024-01-10", "delivery": "2024-01-15"},
                readings=[{"date": "2024-12-01", "quantity": "km", "value": 50000}, {"date": "2025-02-01", "quantity": "km", "value": 50001}])
    for on in ["2024-01-15", "2024-01-16", "2025-01-31", "2025-02-01"]:
        f.coverage(None, f"2 years or 50,000 km, on {on}", car, on)
    f.coverage(None, "not delivered yet: the latest of invoice and delivery", asset("car", dates={"invoice": "2024-01-10"}), "2024-02-01")
    restarted_car = dict(car, replacements=["2024-12-15"])
    f.coverage("D3.11", "usage counts again from the replacement", restarted_car, "2025-02-01")
    fixed = asset("fixed", dates={"purchase": "2024-01-01"}, replacements=["2024-12-01"])
    f.coverage("D3.11", "a term that does not restart", fixed, "2025-01-02")
    repaired_then_replaced = asset("tv", dates={"invoice": "2024-01-01"}, repairs=[{"date": "2024-01-10", "problem": "A", "returned": "2024-03-10"}],
                                   replacements=["2024-02-01"])
    f.coverage("D3.11", "a replacement never shortens coverage", repaired_then_replaced, "2025-02-15")
    f.coverage("D3.5", "lifetime", asset("forever", dates={"purchase": "2020-01-01"}), "2090-01-01")
    shared = asset("shared", dates={"acceptance": "2024-01-10"})
    for date in ["2024-06-01", "2024-08-01", "2025-06-01"]:
        f.assess(None, f"labour, parts and travel shares on {date}", shared, claim(date, problem="E"))
    goods = asset("goods", dates={"delivery": "2024-03-10"})
    for date in ["2025-03-10", "2025-03-11"]:
        f.assess(None, f"presumption on {date}", goods, claim(date, problem="E"))
    return f.write()


# ---------------------------------------------------------------- deadlines on a calendar

def deadlines():
    warranty = {
        "zone": "Asia/Shanghai",
        "terms": [{"id": "t", "period": "P10Y", "from": "purchase"}],
        "repeatFailure": {"repairs": 2},
        "repairTime": {"days": 30},
        "returnWithoutReason": {"calendarDays": 7, "from": "received", "holidayRule": "nextWorkingDay", "calendar": "office"},
        "remedyDeadlines": {
            "repair": {"workingDays": 2, "calendar": "office"},
            "replacement": {"workingTime": "PT16H", "calendar": "office"},
            "exchange": {"period": "P15D", "holidayRule": "nextWorkingDay", "calendar": "office"},
            "return": {"calendarDays": 7, "calendar": "office", "cutOff": "16:00"},
        },
    }
    f = File("warranty-deadlines.json",
             "Remedy deadlines that count on a business calendar (Asia/Shanghai 5x8 with cn-mainland holidays and "
             "adjusted working days): repairs across Spring Festival and National Day, working time, the holiday rule, "
             "a cut-off, and a year the holiday data does not know. Expected values from tools/warranty_oracle.py.",
             warranty, {"office": OFFICE})
    bought = asset("hardware", dates={"purchase": "2024-01-01"})
    for received in ["2024-02-08T17:00:00+08:00", "2024-02-09T10:00:00+08:00", "2024-02-04T09:00:00+08:00",
                     "2024-09-29T14:00:00+08:00", "2024-09-30T17:59:00+08:00", "2024-10-12T08:00:00+08:00",
                     "2025-01-26T10:00:00+08:00", "2025-09-28T10:00:00+08:00", "2026-02-14T10:00:00+08:00"]:
        f.assess("D3.14", f"repair in 2 working days from {received}", bought, claim(received[:10], "07:00", problem="E", received=received))
    twice = dict(bought, repairs=[{"date": "2024-01-05", "problem": "E"}, {"date": "2024-01-20", "problem": "E"}])
    for received in ["2024-02-08T15:00:00+08:00", "2024-09-30T16:00:00+08:00"]:
        f.assess("D3.10", f"replacement in 16 working hours from {received}", twice, claim(received[:10], "07:00", problem="E", received=received))
    long = dict(bought, repairs=[{"date": "2024-03-01", "problem": "A", "returned": "2024-04-05"}])
    for received in ["2024-09-15T10:00:00+08:00", "2025-01-14T10:00:00+08:00"]:
        f.assess("D3.13", f"exchange in 15 days with the holiday rule from {received}", long, claim(received[:10], "07:00", problem="B", received=received))
    for date in ["2024-09-23", "2024-09-24", "2025-01-22"]:
        r = {"received": date}
        f.assess("D3.12", f"return window of 7 days from {date}, moved past a holiday", asset("phone", dates=r), claim(date, request="return"))
        end = {"2024-09-23": "2024-09-30", "2024-09-24": "2024-10-08", "2025-01-22": "2025-02-05"}[date]
        f.assess("D3.12", f"return on its last day ({end})", asset("phone", dates=r), claim(end, "17:59", request="return",
                                                                                             received=at(end, "18:00")))
        f.assess("D3.12", f"return after its close of business ({end})", asset("phone", dates=r), claim(end, "18:00", request="return"))
    f.assess("D3.14", "a deadline in a year the holiday data does not know", bought, claim("2030-06-03", problem="E", received=at("2030-06-03", "11:00")))
    return f.write()


# ---------------------------------------------------------------- statutory rule sets

def rule_sets():
    files = []
    f = File("warranty-cn-sanbao-1995.json",
             "The shipped rule set cn-sanbao-1995 (部分商品修理更换退货责任规定, 1995): arts. 8-11 and 14. "
             "Expected values from tools/warranty_oracle.py.", "cn-sanbao-1995")
    tv = asset("tv", dates={"purchase": "2024-03-01", "invoice": "2024-03-01"})
    for request, date in [("return", "2024-03-08"), ("return", "2024-03-09"), ("exchange", "2024-03-08"), ("exchange", "2024-03-16"),
                          ("exchange", "2024-03-17"), ("repair", "2025-03-01"), ("repair", "2025-03-02"), ("return", "2024-03-01")]:
        f.assess("D3.12", f"{request} on {date}", tv, claim(date, "20:00", request=request, problem="picture"))
    repaired = dict(tv, repairs=[{"date": "2024-06-01", "problem": "picture", "returned": "2024-06-21"},
                                 {"date": "2024-09-01", "problem": "sound", "returned": "2024-09-11"}])
    f.assess("D3.10", "two repairs still failing: return", repaired, claim("2024-12-01", request="return", problem="picture"))
    f.assess("D3.10", "two repairs still failing: exchange", repaired, claim("2024-12-01", request="exchange", problem="power"))
    f.assess("D3.10", "two repairs still failing: a repair request gets an exchange", repaired, claim("2024-12-01", problem="power"))
    f.coverage("D3.5", "30 days in repair added back", repaired, "2025-03-31")
    f.coverage("D3.5", "30 days in repair added back: the day after", repaired, "2025-04-01")
    exchanged = dict(repaired, replacements=["2024-12-05"])
    f.coverage("D3.11", "period restarts after the exchange", exchanged, "2025-12-05")
    f.assess("D3.11", "after the exchange the repairs count again from zero", exchanged, claim("2025-06-01", problem="picture"))
    f.assess("D3.16", "lightning is excluded", tv, claim("2024-05-01", problem="picture", causes=["lightning"]))
    files.append(f.write())

    f = File("warranty-cn-consumer-returns.json",
             "The shipped rule set cn-consumer-returns (消费者权益保护法 arts. 24-25): returns within 7 days of receipt "
             "and the refund within 7 days. Expected values from tools/warranty_oracle.py.", "cn-consumer-returns")
    phone = asset("phone", dates={"received": "2024-06-01"})
    for date, problem in [("2024-06-08", None), ("2024-06-09", None), ("2024-06-08", "screen"), ("2024-06-01", None)]:
        c = claim(date, "23:00", request="return")
        if problem:
            c["problem"] = problem
        f.assess("D3.12", f"return on {date}{' with a fault' if problem else ''}", phone, c)
    f.assess("D3.12", "return with human damage", phone, claim("2024-06-03", request="return", causes=["humanDamage"]))
    f.assess("D3.12", "refund within 7 days of the returned goods, over National Day", asset("phone", dates={"received": "2024-09-28"}),
             claim("2024-10-01", request="return", received=at("2024-10-03", "15:00")))
    f.assess("D3.26", "a repair: no warranty term", phone, claim("2024-06-03", problem="screen"))
    files.append(f.write())

    f = File("warranty-cn-household-car-2021.json",
             "The shipped rule set cn-household-car-2021 (SAMR order no. 43): 包修期 3 years or 60,000 km, 三包有效期 2 "
             "years or 50,000 km, the 7-day and 60-day windows, and art. 24's exchange or return. Expected values from "
             "tools/warranty_oracle.py.", "cn-household-car-2021")
    car = asset("vehicle", dates={"invoice": "2024-01-10", "delivery": "2024-01-15"})
    for request, problem, km, date in [("return", "engine", 300, "2024-01-22"), ("return", "engine", 300, "2024-01-23"),
                                       ("exchange", "tractionBattery", 100, "2024-01-16"), ("return", "radio", 100, "2024-01-16"),
                                       ("exchange", "brakeFailure", 2900, "2024-03-15"), ("exchange", "brakeFailure", 3000, "2024-03-15"),
                                       ("exchange", "brakeFailure", 3001, "2024-03-15"), ("return", "tractionBatteryFire", 1200, "2024-03-16"),
                                       ("repair", "radio", 55000, "2025-06-01"), ("repair", "radio", 60000, "2025-06-01"),
                                       ("repair", "radio", 60001, "2025-06-01"), ("repair", "radio", 20000, "2027-01-15"),
                                       ("repair", "radio", 20000, "2027-01-16")]:
        f.assess("D3.12" if request == "return" else "D3.13", f"{request} {problem} at {km} km on {date}", car,
                 claim(date, "12:00", request=request, problem=problem, usage={"km": km}))
    f.assess(None, "a car invoiced but not delivered", asset("vehicle", dates={"invoice": "2024-01-10"}), claim("2024-01-20", problem="radio"))
    for repairs, problem, safety, km, name in [
        ([("brakes", True), ("steering", True)], "airbag", True, 9000, "two safety repairs and a new safety fault"),
        ([("brakes", True), ("steering", True)], "airbag", False, 9000, "two safety repairs and an ordinary fault"),
        ([("e", False)] * 4, "e", False, 9000, "the same problem repaired 4 times, a fifth failure"),
        ([("e", False)] * 3, "e", False, 9000, "the same problem repaired 3 times"),
        ([("e", False)] * 4, "e", False, 50001, "4 repairs but 三包有效期 over by km"),
    ]:
        history = [{"date": f"2024-0{3 + i}-01", "problem": p, "returned": f"2024-0{3 + i}-02", "safety": s} for i, (p, s) in enumerate(repairs)]
        for request in ("repair", "return"):
            f.assess("D3.10", f"{name} ({request})", dict(car, repairs=history),
                     claim("2024-08-01", request=request, problem=problem, safety=safety, usage={"km": km}))
    for days, name in [(("2024-03-20", "2024-05-13"), "31 days in repair in total"), (("2024-03-20", "2024-05-12"), "30 days in repair in total")]:
        history = [{"date": "2024-03-01", "problem": "a", "returned": days[0]}, {"date": "2024-05-01", "problem": "b", "returned": days[1]}]
        f.assess("D3.13", name, dict(car, repairs=history), claim("2024-08-01", request="return", problem="c", usage={"km": 9000}))
    files.append(f.write())

    f = File("warranty-eu-2019-771.json",
             "The shipped rule set eu-2019-771 (Directive (EU) 2019/771): 2 years from delivery, the 1-year presumption, "
             "repair or replacement, and the 12-month extension after a repair. Expected values from "
             "tools/warranty_oracle.py.", "eu-2019-771")
    goods = asset("hardware", dates={"delivery": "2024-03-10"})
    for request, date, repair in [("repair", "2025-03-10", None), ("repair", "2025-03-11", None), ("replacement", "2025-06-01", None),
                                  ("exchange", "2025-06-01", None), ("repair", "2026-03-10", None), ("repair", "2026-03-11", None),
                                  ("repair", "2027-03-10", "2025-09-01"), ("repair", "2027-03-11", "2025-09-01"),
                                  ("return", "2024-03-12", None)]:
        a = dict(goods, repairs=[{"date": repair, "problem": "A"}]) if repair else goods
        f.assess("D3.13" if request != "repair" else "D3.5", f"{request} on {date}{' after a repair' if repair else ''}", a,
                 claim(date, request=request, problem="B"))
    f.in_force("D3.11", "a replacement restarts the legal guarantee", "legalGuarantee", dict(goods, replacements=["2025-12-01"]), "2027-11-30")
    files.append(f.write())
    return files


# ---------------------------------------------------------------- seeded random cases

def random_cases(seed=20250303, count=160):
    warranty = {
        "zone": "Asia/Shanghai",
        "terms": [
            {"id": "hw", "covers": ["hardware"], "period": "P12M", "from": "acceptanceSigned", "addRepairTime": True},
            {"id": "all", "covers": ["wholeDelivery"], "period": "P2Y6M", "from": {"earliest": ["acceptance", "firstUse"]}, "fromTheDayOf": True,
             "repairExtension": {"period": "P3M", "mode": "fromEachRepair"}, "transferable": False},
            {"id": "km", "covers": ["vehicle"], "period": "P3Y", "usage": {"km": 60000}, "from": {"latest": ["invoice", "delivery"]},
             "repairExtension": {"period": "P6M"}},
            {"id": "support", "kind": "technicalSupport", "period": "P2Y", "from": "delivery"},
        ],
        "exclusions": [{"id": "water", "causes": ["liquid"], "consequence": "notCovered"}],
        "repeatFailure": [{"repairs": 2}, {"repairs": 3, "consecutive": False, "sameProblem": False, "remedy": "exchange", "allowReturn": True}],
        "repairTime": {"days": 25, "cumulative": False, "allowReturn": True},
        "returnWithoutReason": {"period": "P7D", "from": "received"},
        "returnOnFailure": {"period": "P15D", "from": "purchase"},
        "exchangeOnFailure": {"period": "P1M", "from": "purchase"},
        "repairTurnaround": {"elapsed": "PT48H"},
        "remedyDeadlines": {"exchange": {"calendarDays": 10}},
        "paidService": {"visitFee": 200, "partsAtCost": True, "notAboveBidPrice": True},
        "newPartsOnly": True,
    }
    f = File("warranty-random.json",
             "Seeded random assets (dates, repairs, replacements, readings, owner changes, contracts) and claims against "
             "one policy with every kind of term, rule and window; every expected value from tools/warranty_oracle.py.",
             warranty)
    rng = random.Random(seed)
    import datetime as dt
    base = dt.date(2023, 1, 1).toordinal()

    def day(lo, hi):
        return dt.date.fromordinal(base + rng.randint(lo, hi)).isoformat()

    components = ["hardware", "software", "vehicle", "sensor"]
    problems = ["A", "B", "C"]
    causes = ["", "", "", "", "fire", "liquid", "outOfScope", "consumable"]
    for i in range(count):
        component = rng.choice(components)
        dates = {}
        for name in ("acceptanceSigned", "acceptance", "firstUse", "invoice", "delivery", "purchase", "received"):
            if rng.random() < 0.7:
                dates[name] = day(0, 700)
        repairs = []
        for _ in range(rng.randint(0, 4)):
            start = base + rng.randint(0, 1100)
            r = {"date": dt.date.fromordinal(start).isoformat(), "problem": rng.choice(problems)}
            if rng.random() < 0.6:
                r["returned"] = dt.date.fromordinal(start + rng.randint(0, 40)).isoformat()
            if rng.random() < 0.15:
                r["outcome"] = rng.choice(["notFixed", "impossible"])
            repairs.append(r)
        a = {"component": component, "dates": dates, "repairs": repairs}
        if rng.random() < 0.3:
            a["replacements"] = [day(100, 1100)]
        if rng.random() < 0.2:
            a["transfers"] = [day(200, 1100)]
        if component == "vehicle":
            km, readings = 0, []
            for d in sorted(base + rng.randint(0, 1200) for _ in range(rng.randint(0, 3))):
                km += rng.randint(0, 40000)
                readings.append({"date": dt.date.fromordinal(d).isoformat(), "quantity": "km", "value": km})
            a["readings"] = readings
        if rng.random() < 0.3:
            a["maintenanceContracts"] = [{"from": day(300, 700), "to": day(800, 1400)}]
        if rng.random() < 0.5:
            a["bidPrice"] = rng.randint(1, 100) * 100
        claim_day = base + rng.randint(0, 1500)
        c = {"at": f"{dt.date.fromordinal(claim_day).isoformat()}T{rng.randint(0, 23):02d}:{rng.choice(['00', '30', '59'])}:00+08:00",
             "request": rng.choice(["repair", "repair", "repair", "return", "exchange", "replacement", "technicalSupport"])}
        if rng.random() < 0.85:
            c["problem"] = rng.choice(problems)
        cause = rng.choice(causes)
        if cause:
            c["causes"] = [cause]
        if rng.random() < 0.4:
            c["received"] = f"{dt.date.fromordinal(claim_day + rng.randint(0, 3)).isoformat()}T{rng.randint(0, 23):02d}:00:00+08:00"
            if c["received"] < c["at"]:
                c["received"] = c["at"]
        if rng.random() < 0.1:
            c["repairable"] = False
        f.assess(None, f"random #{i}", a, c)
    for i in range(40):
        a = {"component": rng.choice(components), "dates": {"acceptanceSigned": day(0, 500), "acceptance": day(0, 500), "invoice": day(0, 500)},
             "repairs": [{"date": day(0, 900), "problem": "A", "returned": day(900, 950)}], "replacements": [day(300, 1000)]}
        f.coverage(None, f"random coverage #{i}", a, day(0, 1500))
    return f.write()


def main():
    cases = catalogue() + periods() + deadlines() + [c for f in rule_sets() for c in f] + random_cases()
    refs = {}
    for case in cases:
        if "ref" in case:
            refs[case["ref"]] = refs.get(case["ref"], 0) + 1
    missing = [f"D3.{i}" for i in range(1, 27) if f"D3.{i}" not in refs]
    print("cases per ref:", ", ".join(f"{k} {v}" for k, v in sorted(refs.items(), key=lambda p: int(p[0].split('.')[1]))))
    print(f"{len(cases)} cases in all")
    if missing:
        raise SystemExit(f"no case names {', '.join(missing)}")


if __name__ == "__main__":
    main()
