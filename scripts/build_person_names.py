#!/usr/bin/env python3
"""Writes data/person_names.tsv: Arabic-script given names and surnames.

Source: the name index `names.sqlite3` shipped in the PyPI package
`arabic-name-romanizer` 0.2.0 (UNICEF, MIT license), table `units`: one row
per name word with its role (given name or surname) and how many people carry
it. Only the rows whose source is Wikidata are kept (labels and properties of
people from Wikidata, CC0 1.0); single words only, met at least MIN_COUNT
times. Keys are the package's folded forms (alef forms to ا, ى to ي, ة to ه),
which is how the tagger folds words too.

Run: scripts/build_person_names.sh (downloads the wheel into target/).
Each line: the folded name, a tab, `given` or `surname`, a tab, the count.
"""
import sqlite3
import sys

MIN_COUNT = 2


def main(db_path):
    con = sqlite3.connect(db_path)
    rows = con.execute(
        """select arabic_key, role, sum(count) as n from units
           where source = 'wikidata' and role in ('given', 'surname')
             and arabic_key not like '% %'
           group by arabic_key, role having n >= ?
           order by role, n desc, arabic_key""",
        (MIN_COUNT,),
    ).fetchall()
    out = sys.stdout
    out.write("# Arabic-script given names and surnames (name, role, people), single words met\n")
    out.write(f"# at least {MIN_COUNT} times. Source: Wikidata (CC0 1.0) person labels, via the\n")
    out.write("# names.sqlite3 index of the PyPI package arabic-name-romanizer 0.2.0 (UNICEF, MIT).\n")
    out.write("# Built by scripts/build_person_names.sh; see data/README.md.\n")
    for key, role, n in rows:
        out.write(f"{key}\t{role}\t{n}\n")


if __name__ == "__main__":
    main(sys.argv[1])
