#!/usr/bin/env python3
"""Builds src/ServiceCommitments/Calendars/Data/cn-mainland.tsv from the two public
compilations of the State Council's holiday notices in ../shared/data.

Rule (docs/calendars.md, "Where the data comes from"): a date is a statutory holiday if
either compilation lists it as a day off, and an adjusted working day if either lists it
as a working day. The sources never disagree about whether a date is worked; they differ
only on whether a weekend day inside a holiday block is listed. We list what the notice
names: every day of a 放假 range, each day named 放假 or 补休, and a Saturday or Sunday
between two such days of one item (4月5日放假,4月7日补休: the 6th too); a weekend merely
next to a day off (X放假,与周末连休) is not named, so WEEKEND_NOT_NAMED drops the weekend
days chinese-days adds there in 2019, and NAMED_BETWEEN adds the one Sunday between two
named days that neither compilation lists (2015-06-21). The notice texts written from the
published facts (tests/ServiceCommitments.Tests/ReferenceData/notices) give exactly this
data, which HolidayNoticeDataTests checks. A date is filed under its own calendar year,
not the notice year.

Usage: python3 tools/holiday-data/build_cn_mainland.py [path/to/shared/data]
"""
import datetime
import glob
import json
import os
import sys

FIRST_YEAR, LAST_YEAR = 2004, 2026
ENGLISH = {
    "元旦": "New Year's Day", "春节": "Spring Festival", "清明": "Tomb-sweeping Day",
    "劳动节": "Labour Day", "端午": "Dragon Boat Festival", "中秋": "Mid-autumn Festival",
    "国庆节": "National Day",
    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日": "Anti-Fascist 70th Day",
}
# 2019's 清明, 端午 and 中秋 items read "X放假，与周末连休": the weekend is not announced as a holiday.
WEEKEND_NOT_NAMED = {"2019-04-06", "2019-04-07", "2019-06-08", "2019-06-09", "2019-09-14", "2019-09-15"}
# 2015's 端午 item reads "6月20日放假，6月22日（星期一）补休": the Sunday between is inside the block.
NAMED_BETWEEN = {"2015-06-21": ("H", "Dragon Boat Festival", "端午")}
# 2009's 中秋 fell on 3 October, one of National Day's own statutory days: the notice names it 国庆节法定节假日, and
# the law keeps National Day's name wherever the two coincide (as the compilations do for 2020-10-01).
RENAMED = {"2009-10-03": ("H", "National Day", "国庆节")}
CHINESE = {"端午节": "端午", "清明节": "清明", "中秋节": "中秋",
           "抗日战争暨世界反法西斯战争胜利70周年纪念日": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "data")

    days = {}  # date -> (kind, english, chinese)
    conflicts = []

    def put(date, kind, english, chinese):
        previous = days.get(date)
        if previous and previous[0] != kind:
            conflicts.append((date, previous[0], kind))
        if not previous or previous[1] is None:
            days[date] = (kind, english, chinese)

    cd = json.load(open(os.path.join(data, "chinese-days", "chinese-days.json"), encoding="utf-8"))
    for key, kind in (("holidays", "H"), ("workdays", "W")):
        for date, value in cd[key].items():
            english, chinese = value.split(",")[:2]
            put(date, kind, english, chinese)

    for path in sorted(glob.glob(os.path.join(data, "holiday-cn", "[0-9]*.json"))):
        for day in json.load(open(path, encoding="utf-8"))["days"]:
            date, kind = day["date"], "H" if day["isOffDay"] else "W"
            if date not in days:
                chinese = CHINESE.get(day["name"], day["name"])
                put(date, kind, ENGLISH.get(chinese), chinese)
            else:
                put(date, kind, days[date][1], days[date][2])

    for date in WEEKEND_NOT_NAMED:
        days.pop(date, None)
    days.update(NAMED_BETWEEN)
    days.update(RENAMED)

    if conflicts:
        sys.exit(f"the compilations disagree on whether these dates are worked: {conflicts}")

    out = os.path.join(repo, "src", "ServiceCommitments", "Calendars", "Data", "cn-mainland.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Mainland China statutory holidays (H) and adjusted working days (W, 调休上班).\n")
        f.write("# Built by tools/holiday-data/build_cn_mainland.py from the State Council's yearly notices\n")
        f.write("# as compiled by holiday-cn and chinese-days (both MIT). Columns: date, kind, English, 中文.\n")
        f.write(f"years\t{FIRST_YEAR}\t{LAST_YEAR}\n")
        for date in sorted(days):
            y = int(date[:4])
            if not FIRST_YEAR <= y <= LAST_YEAR:
                sys.exit(f"{date} lies outside the known years {FIRST_YEAR}-{LAST_YEAR}")
            kind, english, chinese = days[date]
            weekday = datetime.date.fromisoformat(date).weekday()
            if kind == "W" and weekday < 5:
                continue  # a weekday "working day" (2020-02-03 after the extended Spring Festival) changes nothing
            f.write(f"{date}\t{kind}\t{english}\t{chinese}\n")
    print(f"wrote {out}: {len(days)} dates")


if __name__ == "__main__":
    main()
