#!/usr/bin/env python3
"""Writes data/wordfreq_ar.tsv: Arabic word forms and their Zipf frequency.

Source: the `wordfreq` package (Robyn Speer et al., https://github.com/rspeer/wordfreq),
its "large" Arabic list. The word list data of wordfreq is licensed CC BY-SA 4.0,
so data/wordfreq_ar.tsv is too (see data/README.md).

Run:  python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1 \
      && /tmp/wf/bin/python scripts/build_wordfreq.py > data/wordfreq_ar.tsv

Kept: forms made only of Arabic letters (U+0621-U+064A, U+0671-U+06D3) with a
Zipf frequency of at least 2.5 (about one occurrence in 300 million words).
Each line: the form, a tab, the Zipf frequency times 100 as an integer.
"""
import math
import re
import sys

import wordfreq
from importlib.metadata import version

MIN_ZIPF = 2.5
ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")


def main():
    freqs = wordfreq.get_frequency_dict("ar", "large")
    out = sys.stdout
    out.write(f"# Arabic word frequencies from wordfreq {version('wordfreq')} (large_ar), CC BY-SA 4.0.\n")
    out.write("# Built by scripts/build_wordfreq.py; columns: form, Zipf frequency x 100.\n")
    rows = []
    for word, freq in freqs.items():
        zipf = math.log10(freq) + 9
        if zipf >= MIN_ZIPF and ARABIC_WORD.fullmatch(word):
            rows.append((word, round(zipf * 100)))
    rows.sort(key=lambda r: (-r[1], r[0]))
    for word, centi in rows:
        out.write(f"{word}\t{centi}\n")


if __name__ == "__main__":
    main()
