#!/usr/bin/env python3
"""Writes data/english_words.tsv: common English words that are not names, and
English given names, for typing capitalized runs of English text (src/core/ner/rules.rs).

Sources:
  wordfreq 3.1.1 (Robyn Speer et al.), its "large" English list; word list data
    CC BY-SA 4.0, so data/english_words.tsv is too (see data/README.md).
  The 1990 US Census given-name and surname lists (public domain), as packaged
    in the PyPI package names 0.3.0 (MIT): names/dist.{male,female}.first and
    names/dist.all.last.
  SCOWL's American English word list (Kevin Atkinson), as Debian's package
    wamerican 2020.12.07-2 installs it (/usr/share/dict/american-english): its
    lower-case entries are the words a dictionary lists as common words
    (`obama`, frequent in news, is only there as `Obama`).

Run:  python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1 \
      && pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names \
      && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names \
      && apt-get download wamerican=2020.12.07-2 && dpkg-deb -x wamerican_*.deb /tmp/wam \
      && /tmp/wf/bin/python scripts/build_english_words.py /tmp/names/names-0.3.0/names \
         /tmp/wam/usr/share/dict/american-english > data/english_words.tsv

Rows (word, role), lower case:
  common  a word of ASCII letters with a Zipf frequency of at least 4.0 (about
          once in 100,000 words), listed in lower case by SCOWL, that is neither
          a Census given name nor one of the 1,000 most common Census surnames
          (`reserve`, `nations`; not `smith`, `may`, `hill`, `obama`)
  surname a word that would be common but is one of those surnames and no given
          name (`white`, `house`, `brown`): a capitalized run made only of such
          words and common ones is an institution or a place (`White House`),
          not a person
  given   a Census given name (male or female list)
"""
import math
import os
import sys
from importlib.metadata import version

import wordfreq

MIN_ZIPF = 4.0
TOP_SURNAMES = 1000


def census(path, top=None):
    names = set()
    for line in open(path, encoding="ascii"):
        fields = line.split()
        if len(fields) == 4 and (top is None or int(fields[3]) <= top):
            names.add(fields[0].lower())
    return names


def main():
    names_dir, dictionary = sys.argv[1], sys.argv[2]
    lower_case_entries = {line.strip() for line in open(dictionary, encoding="utf-8")
                          if line.strip().islower()}
    given = census(os.path.join(names_dir, "dist.male.first")) | census(
        os.path.join(names_dir, "dist.female.first"))
    surnames = census(os.path.join(names_dir, "dist.all.last"), TOP_SURNAMES)
    common = set()
    surname_words = set()
    for word, freq in wordfreq.get_frequency_dict("en", "large").items():
        if (math.log10(freq) + 9 >= MIN_ZIPF and word.isascii() and word.isalpha()
                and word in lower_case_entries and word not in given):
            (surname_words if word in surnames else common).add(word)
    out = sys.stdout
    out.write(f"# English words from wordfreq {version('wordfreq')} (large_en, CC BY-SA 4.0) and the 1990 US\n")
    out.write("# Census name lists (public domain, PyPI names 0.3.0). Built by scripts/build_english_words.py;\n")
    out.write("# Common words are also lower-case entries of SCOWL's American English list (Debian wamerican\n")
    out.write("# 2020.12.07-2), Copyright 2000-2011 by Kevin Atkinson: permission to use, copy, modify,\n")
    out.write("# distribute and sell it is granted without fee with this notice (see data/README.md).\n")
    out.write("# columns: word, role (common: a frequent word that is no name; surname: a frequent word\n")
    out.write("# that is also a common surname; given: a given name).\n")
    for word in sorted(common):
        out.write(f"{word}\tcommon\n")
    for word in sorted(surname_words):
        out.write(f"{word}\tsurname\n")
    for word in sorted(given):
        out.write(f"{word}\tgiven\n")


if __name__ == "__main__":
    main()
