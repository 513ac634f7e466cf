#!/usr/bin/env python3
"""Writes data/demonyms_en.tsv: English demonyms (`German`, `Syrians`) with
the ISO 3166-1 code of their country, from the `demonyms.eng` fields of
the npm package world-countries (mledoze/countries, ODbL-1.0).

    python3 scripts/build_demonyms_en.py PATH/TO/world-countries/countries.json > data/demonyms_en.tsv

A demonym that several countries share goes to the one that is
independent, when only one is (`American`: US, not MP); when none or
several are (`Congolese`, `Dominican`), it is left out. Demonyms ending in
`-an` or `-i` also get their plural (`Syrians`, `Iraqis`); the others
(`Chinese`, `British`, `Swiss`) have none of their own.
"""

import json
import sys
from collections import defaultdict


def plural(demonym):
    last = demonym.split()[-1]
    if last.endswith("an") or last.endswith("i"):
        return demonym + "s"
    return None


def main():
    countries = json.load(open(sys.argv[1], encoding="utf-8"))
    holders = defaultdict(set)
    for c in countries:
        forms = c.get("demonyms", {}).get("eng", {})
        for value in {forms.get("m", ""), forms.get("f", "")}:
            for demonym in value.split(", "):
                demonym = demonym.strip()
                if len(demonym) >= 4:
                    holders[demonym].add((c["cca2"], bool(c.get("independent"))))
    rows = {}
    for demonym, held in holders.items():
        independent = sorted(code for code, ind in held if ind)
        if len(held) == 1:
            code = next(iter(held))[0]
        elif len(independent) == 1:
            code = independent[0]
        else:
            continue
        rows[demonym] = code
        many = plural(demonym)
        if many and many not in holders:
            rows.setdefault(many, code)
    print("# English demonyms with the ISO 3166-1 code of their country: the")
    print("# demonyms.eng fields of world-countries 5.1.0 (npm; mledoze/countries,")
    print("# Mohammed Le Doze and contributors), ODbL-1.0")
    print("# (https://opendatacommons.org/licenses/odbl/1.0/); plurals of -an and -i")
    print("# forms added. Rebuilt by scripts/build_demonyms_en.sh.")
    print("# columns: demonym, kind (demonym), country code")
    for demonym in sorted(rows):
        print(f"{demonym}\tdemonym\t{rows[demonym]}")


if __name__ == "__main__":
    main()
