#!/usr/bin/env python3
"""Check the test notice texts against the shipped holiday data.

Reads tests/ServiceCommitments.Tests/ReferenceData/notices/YYYY.txt (and YYYY-supplement.txt),
pulls the H/W dates out of their numbered item lines with a deliberately simple regex
approach (good enough for these files, not a parser), checks every (星期X)/(周X) against
the calendar and every 共N天 against its range, and compares the result with
src/ServiceCommitments/Calendars/Data/cn-mainland.tsv from 2007-12-29 to 2026-12-31.
Standard library only. Exit status 1 on any difference not listed in TSV_ONLY below.
"""
import datetime as dt, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTICES = ROOT / "tests/ServiceCommitments.Tests/ReferenceData/notices"
TSV = ROOT / "src/ServiceCommitments/Calendars/Data/cn-mainland.tsv"
FIRST, LAST = "2007-12-29", "2026-12-31"
# Weekend days the TSV lists as H between two days off of one item ("X放假，Y补休"): inside the block, as the
# library's notice reader reads them (docs/calendars.md); this script's simple regexes do not fill them in.
# (The 2019 "与周末连休" weekends were dropped from the TSV: the notice does not name them.)
TSV_ONLY = {"2014-04-06", "2015-06-21"}

HALF = str.maketrans("（）：，；—－", "():,;--")
DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(\([^)]*\))?")
WEEKDAY = re.compile(r"(?:星期|周)([一二三四五六日天])")
CHECKED = [0]  # weekday annotations checked
WD = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6}

def items(text):
    """Numbered item paragraphs (a line starting with 一、 etc. plus its continuation lines),
    and any paragraph with 调休放假，共 (the unnumbered 2015 supplement)."""
    out, cur = [], None
    for line in text.translate(HALF).splitlines() + [""]:
        line = line.strip()
        if re.match(r"[一二三四五六七八九]、", line) or "调休放假,共" in line:
            if cur: out.append(cur)
            cur = line
        elif line and cur is not None and not re.search(r"[。)]$", cur):
            cur += line                      # heading on its own line: "一、元旦:" / next line
        elif line and cur is not None and DATE.match(line):
            cur += line                      # a 上班 sentence broken onto the next line
        else:
            if cur: out.append(cur)
            cur = None
    return out

def parse(path, year, errors):
    hol, work, ext = set(), set(), []
    for item in items(path.read_text(encoding="utf-8")):
        dates, month, marked = [], None, []
        def token(m):
            nonlocal month
            y, mo, d, paren = m.group(1), m.group(2), m.group(3), m.group(4) or ""
            month = int(mo) if mo else month
            yy = int(y) if y else (year - 1 if month == 12 and "元旦" in item else year)
            day = dt.date(yy, month, int(d))
            w = WEEKDAY.search(paren)
            CHECKED[0] += bool(w)
            if w and WD[w.group(1)] != day.weekday():
                errors.append(f"{path.name}: {m.group(0)} is a {day:%A}")
            dates.append(day)
            return f"<{len(dates) - 1}>"
        s = DATE.sub(token, item)
        for a, b, n in re.findall(r"<(\d+)>[至-]<(\d+)>(?:调休)?放假(?:公休|调休)?,?共?(\d*)", s):
            first, last = dates[int(a)], dates[int(b)]
            span = [first + dt.timedelta(i) for i in range((last - first).days + 1)]
            hol.update(span)
            if n and int(n) != len(span):
                errors.append(f"{path.name}: {first}..{last} says 共{n}天, is {len(span)}")
        for a in re.findall(r"<(\d+)>(?:放假|补休|调休)", s):
            hol.add(dates[int(a)])
        for run in re.findall(r"((?:<\d+>、?)+)(?:起正常)?上班", s):
            work.update(d for d in (dates[int(i)] for i in re.findall(r"\d+", run)) if d.weekday() >= 5)
        for a in re.findall(r"延长\d{4}年春节假期至<(\d+)>", s):
            ext.append(dates[int(a)])
    return hol, work, ext

def main():
    errors, H, W = [], set(), set()
    for year in range(2008, 2027):
        hol, work, _ = parse(NOTICES / f"{year}.txt", year, errors)
        sup = NOTICES / f"{year}-supplement.txt"
        if sup.exists():
            shol, swork, ext = parse(sup, year, errors)
            for end in ext:                  # extend the Spring Festival block that ends before `end`
                d = max(x for x in hol if x < end and x.month <= 2)
                while d < end:
                    d += dt.timedelta(1); shol.add(d)
            hol |= shol; work = (work - shol) | swork
        print(f"{year}: {len(hol):2} H, {len(work):2} W" + (" (with supplement)" if sup.exists() else ""))
        H |= hol; W |= work
    H = {d.isoformat() for d in H}; W = {d.isoformat() for d in W}
    tsv_h, tsv_w = set(), set()
    for line in TSV.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if re.match(r"\d{4}-\d\d-\d\d$", f[0]) and FIRST <= f[0] <= LAST:
            (tsv_h if f[1] == "H" else tsv_w).add(f[0])
    H = {d for d in H if FIRST <= d <= LAST}; W = {d for d in W if FIRST <= d <= LAST}
    for name, got, want in (("H", H, tsv_h), ("W", W, tsv_w)):
        for d in sorted(got - want): errors.append(f"{name} {d}: in the texts, not in the TSV")
        for d in sorted(want - got):
            if name == "H" and d in TSV_ONLY:
                print(f"note: H {d} ({dt.date.fromisoformat(d):%a}) is a weekend day between two named days off, inside their block")
            else: errors.append(f"{name} {d}: in the TSV, not in the texts")
    print(f"{CHECKED[0]} weekday annotations checked against the calendar")
    print(f"texts: {len(H)} H, {len(W)} W; TSV {FIRST}..{LAST}: {len(tsv_h)} H, {len(tsv_w)} W")
    for e in errors: print("ERROR", e)
    print("FAIL" if errors else "OK")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
