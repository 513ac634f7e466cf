#!/usr/bin/env python3
"""Writes data/weekends.tsv: the weekend days of the country of each zone.

Sources: Unicode CLDR 48.2.0 `supplemental/weekData.json` (npm package
`cldr-core`, Unicode-3.0 license), whose `weekendStart` and `weekendEnd`
give the first and last day of the weekend per territory (`001`, the
world, for the others); and the IANA time zone database's `zone.tab`
(public domain; Debian's `tzdata` 2025b-0+deb12u2 installs it as
/usr/share/zoneinfo/zone.tab), the country of each zone.

Run:  cd /tmp && npm pack cldr-core@48.2.0 && tar xzf cldr-core-48.2.0.tgz
      python3 scripts/build_weekends.py /tmp/package /usr/share/zoneinfo/zone.tab > data/weekends.tsv

Each line: a zone, its country (ISO 3166-1), the weekend's first and last
day (ISO weekday numbers, Monday 1 to Sunday 7; the same day for a
weekend of one).
"""
import json
import os
import sys

DAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}


def main():
    package, zone_tab = sys.argv[1], sys.argv[2]
    with open(os.path.join(package, "supplemental", "weekData.json"), encoding="utf-8") as f:
        week = json.load(f)["supplemental"]["weekData"]
    starts, ends = week["weekendStart"], week["weekendEnd"]
    print("# The weekend of the country of each IANA zone: Unicode CLDR 48.2.0 supplemental/weekData.json")
    print("# (npm cldr-core, weekendStart and weekendEnd; Unicode-3.0) and the tz database's zone.tab")
    print("# (Debian tzdata 2025b-0+deb12u2; public domain). Built by scripts/build_weekends.py; columns:")
    print("# zone, country, first and last day of the weekend (ISO weekday numbers, Monday 1 to Sunday 7).")
    rows = []
    with open(zone_tab, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            country, _, zone = line.rstrip("\n").split("\t")[:3]
            start = starts.get(country, starts["001"])
            end = ends.get(country, start if country in starts else ends["001"])
            rows.append((zone, country, DAYS[start], DAYS[end]))
    for zone, country, start, end in sorted(rows):
        print(f"{zone}\t{country}\t{start}\t{end}")


if __name__ == "__main__":
    main()
