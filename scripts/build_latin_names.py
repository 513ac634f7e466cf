#!/usr/bin/env python3
"""Writes data/latin_names.tsv: how Arabic text spells English-language given
names and surnames (`دونالد`, `ريتشارد`, `جونسون`), a tagger feature beside
data/person_names.tsv, whose Wikidata names are those of the Arab world.

Method: each name of the 1990 US Census lists is spelled in Arabic letters by
the usual correspondences of news transliteration (`ch` as `تش` or `ش`, `th`
as `ث` or `ت`, `o` as `و`, an initial `e` as `إ`...; at most one short vowel
left unwritten, a final `e` silent). A spelling is kept only when Arabic text
uses it and it is no Arabic word:

  * it is a word of wordfreq's Arabic list (data/wordfreq_ar.tsv, Zipf 2.5 to
    5.0) of at least four letters;
  * the Arabic spell-checker does not know it, written with a hamza on any
    one of its letters or with a final alef maqsura or teh marbuta (Debian's
    hunspell-ar: `مركز`, `اريد`, `اليك`, `رايك` go);
  * it is no place of data/gazetteer.tsv, no stop word of data/stopwords.tsv,
    and no spelling of a common English word of data/english_words.tsv that
    is no listed name (an English loanword: `ماوس` is mouse, `فايروس`
    virus; `ترامب` stays, Trump being a Census surname).

Sources: the Census lists (public domain) as packaged in the PyPI package
names 0.3.0 (MIT): dist.male.first and dist.female.first (the 1,000 most
common of each), dist.all.last (the 20,000 most common); the Arabic
dictionary of Debian's hunspell-ar 3.2-1.2 (only read as a filter: nothing of
it is written out); data/wordfreq_ar.tsv (wordfreq 3.1.1, CC BY-SA 4.0).

Run: scripts/build_latin_names.sh (downloads the packages under target/).
Each row: the Arabic spelling, a tab, `given` or `surname`, a tab, a count of
10 (the person-name feature's middle bucket, the same for every row), a tab,
the Census names it spells (for review; the tagger reads three columns).
"""
import os
import subprocess
import sys

TOP_GIVEN = 1000
TOP_SURNAMES = 20000
MIN_ZIPF_X100 = 250
MAX_ZIPF_X100 = 500
MIN_LETTERS = 4
COUNT = 10
VOWELS = "aeiouy"

# Latin letters and digraphs, longest first where they overlap, with the
# Arabic letters each is written with.
SPELLINGS = [
    ("sch", ["ش"]), ("tch", ["تش"]), ("ch", ["تش", "ش", "ك"]), ("sh", ["ش"]),
    ("th", ["ث", "ت"]), ("ph", ["ف"]), ("ck", ["ك"]), ("gh", ["غ", ""]),
    ("qu", ["كو", "ك"]), ("wh", ["و"]), ("kn", ["ن"]),
    ("ee", ["ي"]), ("oo", ["و"]), ("ea", ["ي"]), ("ai", ["اي", "ي"]),
    ("ay", ["اي", "ي"]), ("ey", ["ي", "اي"]), ("ie", ["ي"]), ("ou", ["و", "او"]),
    ("au", ["و", "او"]), ("oe", ["و"]), ("ei", ["اي", "ي"]), ("ue", ["و"]),
    ("b", ["ب"]), ("c", ["ك", "س"]), ("d", ["د"]), ("f", ["ف"]), ("g", ["غ", "ج"]),
    ("h", ["ه", ""]), ("j", ["ج"]), ("k", ["ك"]), ("l", ["ل"]), ("m", ["م"]),
    ("n", ["ن"]), ("p", ["ب"]), ("q", ["ك"]), ("r", ["ر"]), ("s", ["س", "ز"]),
    ("t", ["ت", "ط"]), ("v", ["ف", "ڤ"]), ("w", ["و"]), ("x", ["كس"]), ("z", ["ز"]),
    ("a", ["ا", ""]), ("e", ["ي", ""]), ("i", ["ي", "اي", ""]), ("o", ["و", ""]),
    ("u", ["و", "ا"]), ("y", ["ي", "اي"]),
]
INITIAL_VOWEL = {"a": ["ا", "أ", "آ"], "e": ["إ", "ا", "أ"], "i": ["إ", "ا"],
                 "o": ["أو", "او", "أ"], "u": ["أ", "يو", "او"]}
MAX_SPELLINGS = 5000


def fold(word):
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه")):
        word = word.replace(a, b)
    return word


def first_column(path):
    return {fold(line.split("\t")[0].strip()) for line in open(path, encoding="utf-8")
            if line.strip() and not line.startswith("#")}


class Speller:
    """Arabic spellings of Latin names, restricted to words of `known`."""

    def __init__(self, known):
        self.known = known
        self.prefixes = {w[:i] for w in known for i in range(1, len(w) + 1)}

    def spellings(self, name):
        letters = ""
        for ch in name.lower():
            if not ch.isalpha() or not ch.isascii():
                return set()
            if letters and letters[-1] == ch and ch not in VOWELS:
                continue  # a doubled consonant is written once
            letters += ch
        found = set()
        self._extend(letters, 0, "", 0, found)
        return found

    def _extend(self, s, i, written, unwritten, found):
        if unwritten > 1 or len(found) > MAX_SPELLINGS:
            return
        if written and written not in self.prefixes:
            return
        if i == len(s):
            if written in self.known:
                found.add(written)
            return
        if i == 0 and s[0] in INITIAL_VOWEL:
            for arabic in INITIAL_VOWEL[s[0]]:
                self._extend(s, 1, arabic, unwritten, found)
            return
        for latin, options in SPELLINGS:
            if not s.startswith(latin, i):
                continue
            end = i + len(latin)
            final_e = latin == "e" and end == len(s)
            for arabic in options:
                if final_e and arabic:
                    continue  # a final e is silent
                if latin == "h" and not arabic and i == 0:
                    continue
                vowel_left_out = not arabic and latin in VOWELS and not final_e
                self._extend(s, end, written + arabic, unwritten + vowel_left_out, found)


def census(path, top):
    names = []
    for line in open(path, encoding="ascii"):
        fields = line.split()
        if len(fields) == 4 and int(fields[3]) <= top:
            names.append(fields[0])
    return names


def hamza_and_final_variants(word):
    """`word` with one of its letters written with a hamza (`رايك`: `رأيك`),
    and with a final yeh or heh as alef maqsura or teh marbuta: the folds
    wordfreq's forms may have been written with."""
    variants = {word}
    for i, letter in enumerate(word):
        for hamza in {"ا": "أإآ", "ي": "ئ", "و": "ؤ"}.get(letter, ""):
            variants.add(word[:i] + hamza + word[i + 1:])
    if word.endswith("ي"):
        variants |= {v[:-1] + "ى" for v in list(variants)}
    if word.endswith("ه"):
        variants |= {v[:-1] + "ة" for v in list(variants)}
    return variants


def arabic_words(candidates, dictionary):
    """The candidates the spell-checker knows under one of their variants."""
    variants = sorted({v for w in candidates for v in hamza_and_final_variants(w)})
    unknown = set(subprocess.run(["hunspell", "-d", dictionary, "-l"], input="\n".join(variants),
                                 capture_output=True, text=True, check=True).stdout.split())
    known = set(variants) - unknown
    return {w for w in candidates if hamza_and_final_variants(w) & known}


def main():
    names_dir, dictionary, data = sys.argv[1], sys.argv[2], sys.argv[3]
    zipf = {}
    for line in open(os.path.join(data, "wordfreq_ar.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        word, z = line.rstrip("\n").split("\t")
        if MIN_ZIPF_X100 <= int(z) < MAX_ZIPF_X100 and len(word) >= MIN_LETTERS:
            zipf[word] = int(z)
    speller = Speller(set(zipf))
    excluded = (first_column(os.path.join(data, "gazetteer.tsv"))
                | {fold(line.rstrip("\n").split("\t")[-1])
                   for line in open(os.path.join(data, "stopwords.tsv"), encoding="utf-8")
                   if not line.startswith("#") and line.strip()})
    lists = [("given", census(os.path.join(names_dir, f), TOP_GIVEN))
             for f in ("dist.male.first", "dist.female.first")]
    lists.append(("surname", census(os.path.join(names_dir, "dist.all.last"), TOP_SURNAMES)))
    listed = {name.lower() for _, names in lists for name in names}
    for line in open(os.path.join(data, "english_words.tsv"), encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if not line.startswith("#") and fields[1:2] == ["common"] and fields[0] not in listed:
            excluded |= speller.spellings(fields[0])
    rows = {}
    for role, names in lists:
        for name in names:
            for arabic in speller.spellings(name):
                if fold(arabic) not in excluded:
                    rows.setdefault((arabic, role), []).append(name.capitalize())
    words = arabic_words({w for w, _ in rows}, dictionary)
    print("# How Arabic text spells English given names and surnames (spelling, role,")
    print("# count: 10 for all, the Census names spelled). US Census 1990 name lists")
    print("# (public domain, via the PyPI package names 0.3.0), spelled in Arabic letters")
    print("# and kept when wordfreq's Arabic list has the spelling (CC BY-SA 4.0) and")
    print("# Debian's hunspell-ar does not. Built by scripts/build_latin_names.sh.")
    for (arabic, role), names in sorted(rows.items(), key=lambda r: (r[0][1], -zipf[r[0][0]], r[0][0])):
        if arabic not in words:
            print(f"{arabic}\t{role}\t{COUNT}\t{' '.join(dict.fromkeys(names))}")


if __name__ == "__main__":
    main()
