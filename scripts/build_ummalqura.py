#!/usr/bin/env python3
"""Writes data/ummalqura.tsv: the months of the Umm al-Qura calendar.

Source: the `hijridate` package (Mohammed Alshehri, https://github.com/dralshehri/hijridate),
MIT license, its table `hijridate.ummalqura.MONTH_STARTS`: the first day of every
month from 1 Muharram 1343 AH to the end of 1500 AH, as day numbers, taken
from the Umm al-Qura calendar of Saudi Arabia as published by the King Abdulaziz City
for Science and Technology.

Run:  python3 -m venv /tmp/uq && /tmp/uq/bin/pip install hijridate==2.6.0 \
      && /tmp/uq/bin/python scripts/build_ummalqura.py > data/ummalqura.tsv

Each line: the Hijri year, a tab, the Gregorian date of its 1 Muharram, a tab, the
lengths of its twelve months (29 or 30) separated by spaces.
"""
import sys
from importlib.metadata import version

from hijridate import Hijri, ummalqura


def main():
    starts = ummalqura.MONTH_STARTS
    first_year = ummalqura.HIJRI_RANGE[0][0]
    out = sys.stdout
    out.write(f"# Umm al-Qura calendar months, from hijridate {version('hijridate')}"
              " (ummalqura.MONTH_STARTS), MIT license.\n")
    out.write("# Built by scripts/build_ummalqura.py; columns: Hijri year, Gregorian date of"
              " 1 Muharram, the twelve month lengths.\n")
    years = (len(starts) - 1) // 12
    for y in range(years):
        months = starts[12 * y: 12 * y + 13]
        first = Hijri(first_year + y, 1, 1).to_gregorian()
        lengths = " ".join(str(b - a) for a, b in zip(months, months[1:]))
        out.write(f"{first_year + y}\t{first.isoformat()}\t{lengths}\n")


if __name__ == "__main__":
    main()
