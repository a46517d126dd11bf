#!/usr/bin/env python3
"""An independent reading of docs/warranty.md, in plain Python (standard library only), so that the expected
values of tests/conformance/warranty-*.json do not come from the C# code they check.

It reads the same warranty documents, assets and claims as the library, the shipped rule sets as the JSON files they
are (src/ServiceCommitments/Documents/Warranty/RuleSets), and computes every window the slow, obvious way: a date
is a Python date, a period is added step by step, every candidate period is walked repair by repair. Deadlines that
count on a business calendar use oracle.py's calendar (itself an independent reading of docs/calendars.md).

Usage:
  python3 tests/conformance/tools/warranty_oracle.py check [file.json ...]
      recomputes every case of the given warranty conformance files (default: tests/conformance/warranty-*.json)
      and prints each case whose expected value differs from the oracle's.
"""
import datetime as dt
import glob
import json
import math
import os
import re
import sys

import oracle

RULE_SETS = os.path.join(oracle.REPO, "src", "ServiceCommitments", "Documents", "Warranty", "RuleSets")
UTC = dt.timezone.utc
LIFETIME = math.inf


class Rejected(Exception):
    """An input the library must reject: the error name is "argument"."""


# ---------------------------------------------------------------- dates and periods

PERIOD = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def parse_period(text):
    """An ISO period of years, months, weeks and days: (years, months, days), weeks counted as 7 days."""
    m = PERIOD.match(text)
    if not m or text == "P":
        raise ValueError(text)
    y, mo, w, d = (int(x or 0) for x in m.groups())
    return (y, mo, 7 * w + d)


def days_in_month(year, month):
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def add_period(day, period):
    """docs: 's + P counts a year as 12 months and adds the months in one step, then the weeks and days; a month step
    that lands on a day the month does not have lands on that month's last day'. Days are ordinals."""
    if day == LIFETIME:
        return LIFETIME
    years, months, days = period
    date = dt.date.fromordinal(day)
    y, m, d = date.year, date.month, date.day
    if years or months:
        index = y * 12 + (m - 1) + 12 * years + months
        y, m = divmod(index, 12)
        m += 1
        d = min(d, days_in_month(y, m)) if 1 <= y <= 9999 else d
    if not 1 <= y <= 9999:
        raise Rejected("a window beyond 9999-12-31")
    return dt.date(y, m, d).toordinal() + days


def ordinal(text):
    return dt.date.fromisoformat(text).toordinal()


def iso(day):
    if day == LIFETIME:
        return "lifetime"
    if day > dt.date.max.toordinal():
        raise Rejected("a window beyond 9999-12-31")
    return dt.date.fromordinal(day).isoformat()


# ---------------------------------------------------------------- assets and claims

class Asset:
    def __init__(self, doc):
        self.component = doc["component"]
        self.dates = {k: ordinal(v) for k, v in doc.get("dates", {}).items()}
        repairs = []
        for r in doc.get("repairs", []):
            date = ordinal(r["date"])
            returned = ordinal(r["returned"]) if "returned" in r else None
            if returned is not None and returned < date:
                raise Rejected("a repair returned before its date")
            if not r["problem"]:
                raise Rejected("a repair without a problem")
            repairs.append({"date": date, "problem": r["problem"], "days": (returned - date) if returned is not None else 0,
                            "outcome": r.get("outcome", "fixed"), "safety": r.get("safety", False)})
        self.repairs = sorted(repairs, key=lambda r: r["date"])  # sorted() is stable: one date keeps its order
        self.replacements = sorted(ordinal(x if isinstance(x, str) else x["date"]) for x in doc.get("replacements", []))
        self.transfers = sorted(ordinal(x) for x in doc.get("transfers", []))
        self.readings = {}
        for r in sorted(doc.get("readings", []), key=lambda r: r["date"]):
            if r["value"] < 0:
                raise Rejected("a negative reading")
            series = self.readings.setdefault(r["quantity"], [])
            if series and series[-1][0] < ordinal(r["date"]) and r["value"] < max(v for _, v in series):
                raise Rejected("a reading that goes back")
            series.append((ordinal(r["date"]), r["value"]))
        self.contracts = [(ordinal(c["from"]), ordinal(c["to"])) for c in doc.get("maintenanceContracts", [])]
        self.bid_price = doc.get("bidPrice")

    def reading(self, quantity, day):
        """The value of the latest reading of quantity dated on or before day; 0 without one."""
        value = 0
        for d, v in self.readings.get(quantity, []):
            if d <= day:
                value = v
        return value


class Claim:
    def __init__(self, doc, zone):
        self.at = oracle.parse_instant(doc["at"])
        self.day = self.at.astimezone(zone).date().toordinal()
        self.request = doc.get("request", "repair")
        self.problem = doc.get("problem")
        self.causes = doc.get("causes", [])
        if len(set(self.causes)) != len(self.causes):
            raise Rejected("a cause given twice")
        self.received = oracle.parse_instant(doc["received"]) if "received" in doc else None
        if self.received is not None and self.received < self.at:
            raise Rejected("received before the claim")
        self.repairable = doc.get("repairable", True)
        self.safety = doc.get("safety", False)
        self.magnetic_media = doc.get("magneticMedia", False)
        self.used_parts_agreed = doc.get("usedPartsAgreed", False)
        self.usage = doc.get("usage", {})


# ---------------------------------------------------------------- targets ("within N", docs/policies.md)

def due(target, start, calendar):
    """The deadline of a target counted from the instant start on a calendar (no pauses)."""
    if "cutOff" in target:
        h, m = (int(x) for x in target["cutOff"].split(":"))
        local = start.astimezone(calendar.zone)
        if (local.hour, local.minute, local.second, local.microsecond) >= (h, m, 0, 0):
            start = calendar.next_working_instant(calendar.day_start(local.date() + dt.timedelta(days=1)))
    if "elapsed" in target:
        return start + oracle.parse_duration(target["elapsed"])
    if "workingTime" in target:
        return calendar.add_working_time(start, oracle.parse_duration(target["workingTime"]))
    if "workingDays" in target:
        return calendar.add_working_days(start, target["workingDays"])
    date = calendar.local_date(start)
    if "calendarDays" in target:
        last = date + dt.timedelta(days=target["calendarDays"])
    else:
        last = dt.date.fromordinal(add_period(date.toordinal(), parse_period(target["period"])))
    if target.get("holidayRule") == "nextWorkingDay" and not calendar.is_working_day(last):
        return calendar.add_working_days(calendar.day_start(last), 1)
    return calendar.day_start(last + dt.timedelta(days=1))


def target_label(target):
    for key in ("elapsed", "workingTime", "workingDays", "calendarDays", "period"):
        if key in target:
            return key
    raise ValueError(target)


# ---------------------------------------------------------------- the policy

BUILT_IN = [
    ("disaster", ["fire", "flood", "wind", "lightning", "war", "powerFailure"], "notCovered"),
    ("misuse", ["negligence", "misuse", "misoperation", "maliciousUse"], "notCovered"),
    ("unqualifiedChange", ["movedByUnqualifiedPeople"], "notCovered"),
    ("unauthorisedModification", ["unauthorisedModification", "installationDeviation"], "notCovered"),
    ("inferiorMaterials", ["inferiorThirdPartyMaterials"], "notCovered"),
    ("thirdPartyEquipment", ["thirdPartyEquipment", "thirdPartySoftware"], "notCovered"),
    ("improperUse", ["improperUse", "accident", "alteration", "unsuitableEnvironment", "improperMaintenance"], "notCovered"),
    ("notCovered", ["unagreedPeripheral", "consumable", "humanDamage", "nonQualityFault"], "notCovered"),
    ("forceMajeure", ["forceMajeure"], "notCovered"),
    ("emergencyPartRepair", ["repairOfReplacedPart"], "notCovered"),
    ("outOfScope", ["outOfScope"], "outOfScope"),
]

KIND_OF_REQUEST = {"technicalSupport": "technicalSupport", "upgrade": "upgrades", "spareParts": "sparePartsSupply"}


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class Policy:
    def __init__(self, subject, file_calendars):
        doc = subject
        if isinstance(subject, str):
            doc = json.load(open(os.path.join(RULE_SETS, subject + ".json"), encoding="utf-8"))
        self.zone_id = doc["zone"]
        self.zone = oracle.ZoneInfo(doc["zone"])
        calendars = dict(file_calendars or {})
        calendars.update(doc.get("calendars", {}))
        self.calendars = {name: oracle.Calendar(c) for name, c in calendars.items()}
        self.always_open = oracle.Calendar({"zone": doc["zone"], "weekly": "24x7"})
        self.terms = doc.get("terms", [])
        built_in = doc.get("builtInExclusions", "all")
        kept = [e for e in BUILT_IN if built_in == "all" or (built_in != "none" and e[0] in built_in)]
        own = [(e["id"], e["causes"], e.get("consequence", "notCovered")) for e in doc.get("exclusions", [])]
        self.exclusions = kept + own
        self.repeat = as_list(doc.get("repeatFailure"))
        self.repair_time = as_list(doc.get("repairTime"))
        self.windows = {k: as_list(doc.get(k)) for k in ("returnWithoutReason", "returnOnFailure", "exchangeOnFailure")}
        self.replacement_on_request = doc.get("replacementOnRequest", False)
        self.exchange_when_unrepairable = doc.get("exchangeWhenUnrepairable", True)
        self.new_parts_only = doc.get("newPartsOnly", False)
        self.media_on_site = doc.get("magneticMediaOnSite", False)
        self.deadlines = dict(doc.get("remedyDeadlines", {}))
        if "repairTurnaround" in doc:
            self.deadlines["repair"] = doc["repairTurnaround"]
        self.paid = doc.get("paidService", {})

    def calendar(self, target):
        return self.calendars[target["calendar"]] if "calendar" in target else self.always_open

    def term(self, term_id):
        for t in self.terms:
            if t["id"] == term_id:
                return t
        raise Rejected(f"no term {term_id}")


def covers(term, component):
    names = term.get("covers")
    return not names or "wholeDelivery" in names or component in names


def start_of(start, asset):
    """docs, 'Several start events'."""
    if isinstance(start, str):
        return asset.dates.get(start)
    if "earliest" in start:
        found = [asset.dates[n] for n in start["earliest"] if n in asset.dates]
        return min(found) if found else None
    if not all(n in asset.dates for n in start["latest"]):
        return None
    return max(asset.dates[n] for n in start["latest"])


def coverage(term, asset, d, claim_usage=None, period_text=None):
    """docs, 'Adjustments, and the coverage on a date': a dict with status and, when there is one, the window."""
    s = start_of(term["from"], asset)
    if s is None:
        return {"status": "notStarted", "window": None}
    counts = term.get("fromTheDayOf", False)
    period_text = period_text or term["period"]
    period = None if period_text == "lifetime" else parse_period(period_text)
    extension = term.get("repairExtension")
    usage_limit = term.get("usage")
    quantity, limit = next(iter(usage_limit.items())) if usage_limit else (None, None)
    current = 0
    if quantity is not None:
        current = claim_usage if claim_usage is not None else asset.reading(quantity, d)

    def window(start, restarted):
        first = start if counts else start + 1
        last = LIFETIME if period is None else add_period(start, period) - (1 if counts else 0)
        added, extended, once = 0, False, False
        if last != LIFETIME:
            for r in asset.repairs:
                if not (first <= r["date"] <= d and r["date"] <= last):
                    continue
                if term.get("addRepairTime", False):
                    last += r["days"]
                    added += r["days"]
                if extension:
                    ext = parse_period(extension["period"])
                    if extension.get("mode", "extendOnce") == "extendOnce":
                        if not once:
                            last = add_period(last, ext)
                            once = extended = True
                    else:
                        candidate = add_period(r["date"], ext)
                        if candidate > last:
                            last = candidate
                            extended = True
        return {"start": start, "first": first, "last": last, "added": added, "extended": extended, "restarted": restarted}

    first0 = s if counts else s + 1
    candidates = [(window(s, False), 0)]
    if term.get("restartOnReplacement", True):
        for r in asset.replacements:
            if first0 <= r <= d:
                baseline = asset.reading(quantity, r) if quantity is not None else 0
                candidates.append((window(r, True), baseline))
    transferred = False
    if not term.get("transferable", True):
        before = [x for x in asset.transfers if x <= d]
        if before:
            transferred = True
            for w, _ in candidates:
                w["last"] = min(w["last"], min(before) - 1)

    def latest(ws):
        best = None
        for w in ws:  # the first one on a tie
            if best is None or w["last"] > best["last"]:
                best = w
        return best

    containing = [(w, b) for w, b in candidates if w["first"] <= d <= w["last"]]
    in_force = [w for w, b in containing if quantity is None or current - b <= limit]
    if in_force:
        return {"status": "inForce", "window": latest(in_force)}
    if transferred:
        nonempty = [w for w, _ in candidates if w["last"] >= w["first"]]
        return {"status": "transferred", "window": latest(nonempty) if nonempty else None}
    if containing:
        return {"status": "usageLimitReached", "window": latest([w for w, _ in containing])}
    best = latest([w for w, _ in candidates])
    return {"status": "notStarted" if best["first"] > d else "ended", "window": best}


RANK = {"inForce": 0, "usageLimitReached": 1, "ended": 2, "transferred": 3, "notStarted": 4}


def deciding(policy, kind, asset, d, claim=None):
    """docs, 'Deciding a claim', step 1: the best term of the kind covering the component, with its coverage."""
    best = None
    for term in policy.terms:
        if term.get("kind", "coverage") != kind or not covers(term, asset.component):
            continue
        usage = None
        if claim is not None and term.get("usage"):
            usage = claim.usage.get(next(iter(term["usage"])))
        c = coverage(term, asset, d, usage)
        key = (RANK[c["status"]], -(c["window"]["last"] if c["window"] else -math.inf))
        if best is None or key < best[0]:
            best = (key, term, c)
    return (best[1], best[2]) if best else (None, None)


STATUS_REASON = {"inForce": "termInForce", "notStarted": "notStarted", "ended": "periodEnded",
                 "usageLimitReached": "usageLimitReached", "transferred": "transferred"}


def assess(policy, asset, claim):
    d = claim.day
    known = {c for _, causes, _ in policy.exclusions for c in causes}
    for cause in claim.causes:
        if cause not in known:
            raise Rejected(f"unknown cause {cause}")
    for quantity, value in claim.usage.items():
        if value < asset.reading(quantity, d):
            raise Rejected("a claim reading that goes back")

    reasons = []
    kind = KIND_OF_REQUEST.get(claim.request, "coverage")
    term, cov = deciding(policy, kind, asset, d, claim)
    if term is None:
        reasons.append("noTerm")
    else:
        reasons.append(STATUS_REASON[cov["status"]])
        w = cov["window"]
        if w:
            if w["restarted"]:
                reasons.append("restartedByReplacement")
            if w["added"] > 0:
                reasons.append("repairTimeAddedBack")
            if w["extended"]:
                reasons.append("extendedAfterRepair")
    in_force = term is not None and cov["status"] == "inForce"

    def finish(outcome, remedy, exclusion=None):
        conditions = set()
        visit_fee = ceiling = None
        if remedy in ("repair", "replacement", "exchange"):
            if policy.new_parts_only:
                conditions.add("usedPartsAgreedInWriting" if claim.used_parts_agreed else "newParts")
            if policy.media_on_site and claim.magnetic_media:
                conditions.add("repairOnSite")
            if remedy != "repair":
                conditions.add("newUnit")
                conditions.add("sameBrandAndModel" if remedy == "replacement" else "sameModelOrEqualValue")
            if in_force and term.get("presumption"):
                start = cov["window"]["start"]
                counts = term.get("fromTheDayOf", False)
                first = start if counts else start + 1
                last = add_period(start, parse_period(term["presumption"])) - (1 if counts else 0)
                conditions.add("presumedAtDelivery" if first <= d <= last else "consumerMustProve")
        if remedy in ("paidService", "sparePartsSupply"):
            if policy.paid.get("partsAtCost"):
                conditions.add("partsAtCost")
            if policy.paid.get("notAboveBidPrice") and asset.bid_price is not None:
                conditions.add("notAboveBidPrice")
                ceiling = asset.bid_price
        if remedy == "paidService" and (policy.paid.get("visitFee") or 0) > 0:
            if any(a <= d <= b for a, b in asset.contracts):
                conditions.add("coveredByMaintenanceContract")
                visit_fee = 0
            else:
                conditions.add("perVisitFee")
                visit_fee = policy.paid["visitFee"]
        if outcome == "outOfScope":
            conditions.add("customerConsentRequired")

        if remedy in ("repair", "replacement", "exchange", "return", "technicalSupport", "upgrade"):
            shares = shares_on(term, asset, claim) if in_force else {"labour": 1, "parts": 1, "travel": 1}
        else:
            shares = {"labour": 0, "parts": 0, "travel": 0}
        due_at = None
        if remedy in policy.deadlines:
            target = policy.deadlines[remedy]
            if claim.received is not None:
                due_at = due(target, claim.received, policy.calendar(target))
                reasons.append("dueOnReceipt")
            else:
                reasons.append("dueNotYetKnown")
        w = cov["window"] if term is not None else None
        return {
            "decision": outcome,
            "remedy": remedy,
            "exclusion": exclusion,
            "chargeable": remedy in ("paidService", "sparePartsSupply", "none") or any(v < 1 for v in shares.values()),
            "term": term["id"] if term is not None else None,
            "coveredFrom": iso(w["first"]) if w else None,
            "coveredUntil": iso(w["last"]) if w else None,
            "due": oracle.format_instant(due_at, policy.zone) if due_at is not None else None,
            "reasons": list(reasons),
            "conditions": sorted(conditions),
            "shares": shares,
            "visitFee": visit_fee,
            "priceCeiling": ceiling,
        }

    # Step 2: exclusions.
    triggered = [(i, cons) for i, causes, cons in policy.exclusions if any(c in claim.causes for c in causes)]
    if triggered:
        for i, cons in triggered:
            reasons.append("excluded" if cons == "notCovered" else "outOfScope")
        not_covered = [i for i, cons in triggered if cons == "notCovered"]
        if not_covered:
            return finish("excluded", "paidService", not_covered[0])
        return finish("outOfScope", "paidService", triggered[0][0])

    # Step 3: windows.
    if claim.request in ("return", "exchange"):
        order = ["returnWithoutReason", "returnOnFailure"] if claim.request == "return" else ["exchangeOnFailure", "returnOnFailure"]
        for kind_name in order:
            for window in policy.windows[kind_name]:
                if within(policy, window, kind_name, asset, claim):
                    reasons.append(kind_name)
                    return finish("covered", claim.request)

    asks_for_unit = claim.request in ("return", "exchange", "replacement")
    not_granted = {"return": "returnPeriodOver", "exchange": "exchangePeriodOver", "replacement": "replacementNotAvailable"}

    # Steps 4 and 5.
    if not in_force:
        if asks_for_unit:
            reasons.append(not_granted[claim.request])
            return finish("expired", "paidService")
        outcome = "outOfScope" if term is None or cov["status"] == "notStarted" else "expired"
        if claim.request == "spareParts" and outcome == "expired":
            return finish("expired", "none")
        return finish(outcome, "paidService")

    # Step 6.
    if claim.request == "technicalSupport":
        return finish("covered", "technicalSupport")
    if claim.request == "upgrade":
        return finish("covered", "upgrade")
    if claim.request == "spareParts":
        return finish("covered", "sparePartsSupply")

    escalations = []  # (reason, remedy, allows return)
    unit = unit_repairs(asset, d, cov["window"]["first"])
    if policy.exchange_when_unrepairable:
        same = [r for r in unit if claim.problem is not None and r["problem"] == claim.problem]
        if not claim.repairable or (same and same[-1]["outcome"] == "impossible"):
            escalations.append(("unrepairable", "exchange", False))
    for rule in policy.repeat:
        first = rule_first(policy, rule, term, cov, asset, claim)
        if first is None:
            continue
        repairs = unit_repairs(asset, d, first)
        n = rule.get("repairs", 2)

        def matches(r):
            if rule.get("sameProblem", True) and (claim.problem is None or r["problem"] != claim.problem):
                return False
            if rule.get("safetyOnly", False) and not (r["safety"] and claim.safety):
                return False
            return True

        if rule.get("consecutive", True):
            applies = len(repairs) >= n and all(matches(r) for r in repairs[len(repairs) - n:])
        else:
            applies = sum(1 for r in repairs if matches(r)) >= n
        if applies:
            escalations.append(("repeatFailure", rule.get("remedy", "replacement"), rule.get("allowReturn", False)))
    for rule in policy.repair_time:
        first = rule_first(policy, rule, term, cov, asset, claim)
        if first is None:
            continue
        repairs = unit_repairs(asset, d, first)
        days = [r["days"] for r in repairs]
        measured = sum(days) if rule.get("cumulative", True) else max(days, default=0)
        if measured > rule["days"]:
            escalations.append(("repairTimeExceeded", rule.get("remedy", "exchange"), rule.get("allowReturn", False)))
    if policy.replacement_on_request and claim.request == "replacement":
        escalations.append(("replacementOnRequest", "replacement", False))
    for reason, _, _ in escalations:
        reasons.append(reason)

    if claim.request == "return" and any(allows for _, _, allows in escalations):
        return finish("covered", "return")
    if escalations:
        return finish("covered", escalations[0][1])
    if asks_for_unit:
        reasons.append(not_granted[claim.request])
        return finish("expired", "repair")
    return finish("covered", "repair")


def unit_repairs(asset, d, first):
    """The repairs of the current unit: after the last replacement on or before d, on or after first, on or before d."""
    replaced = max((r for r in asset.replacements if r <= d), default=None)
    return [r for r in asset.repairs if r["date"] <= d and (replaced is None or r["date"] > replaced) and r["date"] >= first]


def rule_first(policy, rule, term, cov, asset, claim):
    """The first covered day of the window of the rule's term on the claim's date, or None when it is not in force."""
    if "within" not in rule:
        return cov["window"]["first"]
    t = policy.term(rule["within"])
    if not covers(t, asset.component):
        return None
    usage = claim.usage.get(next(iter(t["usage"]))) if t.get("usage") else None
    c = coverage(t, asset, claim.day, usage)
    return c["window"]["first"] if c["status"] == "inForce" else None


def within(policy, window, kind_name, asset, claim):
    """docs, step 3: counted from 00:00 of the window's start date; the claim at or after that and before the deadline."""
    s = start_of(window["from"], asset)
    if s is None:
        return False
    if kind_name != "returnWithoutReason" and claim.problem is None:
        return False
    if window.get("problems") and claim.problem not in window["problems"]:
        return False
    if window.get("usage"):
        quantity, limit = next(iter(window["usage"].items()))
        usage = claim.usage[quantity] if quantity in claim.usage else asset.reading(quantity, claim.day)
        if usage > limit:
            return False
    calendar = policy.calendar(window)
    start = calendar.day_start(dt.date.fromordinal(s))
    target = {k: v for k, v in window.items() if k not in ("from", "problems", "usage")}
    return start <= claim.at < due(target, start, calendar)


def shares_on(term, asset, claim):
    """docs, 'Labour, parts and travel': the share inside its own window (counted like the term), 0 outside."""
    result = {}
    usage = claim.usage.get(next(iter(term["usage"]))) if term.get("usage") else None
    for cost in ("labour", "parts", "travel"):
        share = term.get("shares", {}).get(cost)
        if share is None:
            value, period = 1, term["period"]
        else:
            value, period = share["share"], share.get("period", term["period"])
        result[cost] = value if coverage(term, asset, claim.day, usage, period)["status"] == "inForce" else 0
    return result


# ---------------------------------------------------------------- cases

def run_case(policy, case):
    """The expected value of a case (every field the library reports), or ("error", name)."""
    op = case.get("op", "assess")
    try:
        if op == "assess":
            asset = Asset(case["asset"])
            claim = Claim(case["claim"], policy.zone)
            return assess(policy, asset, claim)
        asset = Asset(case["asset"])
        d = ordinal(case["on"])
        if op == "inForce":
            term = policy.term(case["term"])
            return covers(term, asset.component) and coverage(term, asset, d)["status"] == "inForce"
        if op == "coverage":
            if "term" in case:
                term = policy.term(case["term"])
                c = coverage(term, asset, d) if covers(term, asset.component) else None
            else:
                term, c = deciding(policy, "coverage", asset, d)
            if c is None:
                return {"status": "noTerm", "term": None, "from": None, "until": None}
            w = c["window"]
            return {"status": c["status"], "term": term["id"], "from": iso(w["first"]) if w else None,
                    "until": iso(w["last"]) if w else None}
    except oracle.UnknownYear:
        return ("error", "unknownYear")
    except Rejected:
        return ("error", "argument")
    raise ValueError(f"unknown op {op}")


def same_instant(a, b):
    return a is None and b is None or (a is not None and b is not None and oracle.parse_instant(a) == oracle.parse_instant(b))


def matches(case, value):
    """Whether the case's expected value agrees with the oracle's, field by field as the library compares them."""
    if isinstance(value, tuple):
        return case.get("expectedError") == value[1]
    if "expectedError" in case:
        return False
    expected = case["expected"]
    if not isinstance(expected, dict):
        return expected == value
    for key, want in expected.items():
        got = value.get(key)
        if key == "due":
            ok = same_instant(want, got)
        elif key == "reasons":
            ok = all(r in got for r in want)
        elif key == "conditions":
            ok = sorted(want) == sorted(got)
        elif key == "shares":
            ok = all(got[k] == v for k, v in want.items())
        else:
            ok = want == got
        if not ok:
            return False
    return True


def load(path):
    doc = json.load(open(path, encoding="utf-8"))
    return doc, Policy(doc["warranty"], doc.get("calendars"))


def check(paths):
    bad = total = 0
    for path in paths:
        doc, policy = load(path)
        for i, case in enumerate(doc["cases"]):
            total += 1
            value = run_case(policy, case)
            if not matches(case, value):
                bad += 1
                print(f"{os.path.basename(path)}[{i}] {case.get('name')}: file says "
                      f"{case.get('expected', case.get('expectedError'))}, oracle says {value}")
    print(f"{total} cases, {bad} differ from the oracle")
    return bad


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "check":
        files = sys.argv[2:] or sorted(glob.glob(os.path.join(oracle.REPO, "tests", "conformance", "warranty-*.json")))
        sys.exit(1 if check(files) else 0)
    print(__doc__)
