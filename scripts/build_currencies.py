#!/usr/bin/env python3
"""Writes data/currencies_cldr.tsv: the names, symbols and ISO 4217 codes of
every current currency, in Arabic and English, from Unicode CLDR.

Sources (Unicode-3.0 license), the npm packages of CLDR 48.2.0:
- cldr-core `supplemental/currencyData.json`: the currencies regions use
  now (no end date, legal tender), the current ISO 4217 list, and those
  they used before (`FRF`, `DEM`, `ESP`: for older text, with only the
  forms no current currency has);
- cldr-numbers-full `main/en/currencies.json` and `main/ar/currencies.json`:
  each currency's display name, its plural forms, its symbol.

data/currencies.tsv (curated: generic names such as دولار or riyal, minor
units, the symbols of several currencies) is read first and wins; this file
adds what it lacks (`دولار كندي`, `Canadian dollars`, `CA$`, `MNT`). Left
out: forms of more than two words (the lexicon matches a currency of one or
two words), narrow symbols two currencies share (`$` is also the Canadian
dollar's; `₡`, `₾` are kept), symbols with
no currency sign and no non-Latin letter (`R`, `Br`), codes that are English
words (data/english_words.tsv, and those data/currencies.tsv leaves out:
`ALL`, `TOP`, `CUP`, `PHP`), a one-word Arabic name with the nisba ending
`ي`, which is also an adjective of origin (`أفغاني`, the afghani, is also
"Afghan"), and any form
two currencies share. An Arabic name whose noun is feminine (`روبية`) also
gets its adjective in the feminine, as Arabic writes it (`روبية باكستانية`;
CLDR has `روبية باكستاني`). An Arabic name of a masculine noun and a nisba
adjective gets the dual, the plural and the accusative singular (after 11
to 99) that CLDR gives other currencies of the same noun (`دولار كندي`:
`دولاران كنديان`, `دولارات كندية`, `دولارًا كنديًا`, as CLDR writes the
Liberian dollar's).

Run:  cd /tmp && npm install cldr-core@48.2.0 cldr-numbers-full@48.2.0
      python3 scripts/build_currencies.py /tmp/node_modules data/english_words.tsv \\
        > data/currencies_cldr.tsv

Each line: a written form, a tab, its ISO 4217 code, a tab, 1 (a main unit).
"""
import json
import os
import sys
import unicodedata
from collections import Counter


def region_codes(node_modules):
    """The currencies regions use now (no end date, legal tender), and those
    they used before (an end date, legal tender then) and use no more."""
    path = os.path.join(node_modules, "cldr-core", "supplemental", "currencyData.json")
    data = json.load(open(path, encoding="utf-8"))["supplemental"]["currencyData"]
    current, ended = set(), set()
    for entries in data["region"].values():
        for entry in entries:
            for code, info in entry.items():
                if info.get("_tender", "true") == "false":
                    continue
                (ended if "_to" in info else current).add(code)
    return current, ended - current


def names(node_modules, locale):
    path = os.path.join(node_modules, "cldr-numbers-full", "main", locale, "currencies.json")
    return json.load(open(path, encoding="utf-8"))["main"][locale]["numbers"]["currencies"]


def english_words(path):
    words = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        words.add(line.split("\t")[0].strip().lower())
    return words


# The codes data/currencies.tsv leaves out as English words.
WORD_CODES = {"ALL", "TOP", "CUP", "MOP", "PEN", "PHP", "GEL", "SOS", "BAM"}


def is_arabic(form):
    return all("\u0600" <= c <= "\u06ff" for c in form.replace(" ", ""))


def is_nisba(form):
    """One Arabic word with the nisba ending, an adjective of origin too."""
    return is_arabic(form) and len(form.split()) == 1 and form.endswith("ي")


def feminine_agreement(form):
    """`روبية باكستاني` -> `روبية باكستانية`: a feminine noun's adjective."""
    words = form.split()
    if is_arabic(form) and len(words) == 2 and words[0].endswith("ة") and words[1].endswith("ي"):
        return f"{words[0]} {words[1]}ة"
    return None


# CLDR's Arabic plural categories that inflect a currency's name: the dual,
# the plural (3 to 10) and the accusative singular (11 to 99).
INFLECTED = ("two", "few", "many")


def inflections(ar):
    """What CLDR's Arabic names teach: for a noun and a category, its
    inflected form (`دينار`, few: `دينارات`), and for a category the ending
    a masculine nisba adjective takes (few: `ة`)."""
    nouns, endings = {}, {}
    for entry in ar.values():
        base = entry.get("displayName", "").split()
        if len(base) != 2 or not base[1].endswith("ي"):
            continue
        for key in INFLECTED:
            form = entry.get(f"displayName-count-{key}", "").split()
            if len(form) == 2 and form[1].startswith(base[1]) and form[1] != base[1]:
                nouns[(base[0], key)] = form[0]
                ending = form[1][len(base[1]):]
                endings.setdefault(key, Counter())[ending] += 1
    commonest = {key: counts.most_common(1)[0][0] for key, counts in endings.items()}
    return nouns, commonest


def inflected(name, nouns, endings):
    """`دولار كندي` -> `دولاران كنديان`, `دولارات كندية`, `دولارًا كنديًا`."""
    words = name.split()
    if len(words) != 2 or words[0].endswith("ة") or not words[1].endswith("ي"):
        return set()
    return {
        f"{nouns[(words[0], key)]} {words[1]}{endings[key]}"
        for key in INFLECTED
        if (words[0], key) in nouns and key in endings
    }


def has_sign_or_script(symbol):
    """A currency sign (`₹`, `CA$`) or a letter of a non-Latin script."""
    return any(
        unicodedata.category(c) == "Sc" or (c.isalpha() and not c.isascii())
        for c in symbol
    )


def words_of(form):
    return form.replace("-", " ").split()


def forms_of(code, en, ar, english, nouns, endings, symbol_keys=("symbol",), with_code=True):
    forms = inflected(ar.get(code, {}).get("displayName", ""), nouns, endings)
    for entry in (en.get(code, {}), ar.get(code, {})):
        for key, value in entry.items():
            if key.startswith("displayName"):
                forms.add(value)
            elif key in symbol_keys and value != code and has_sign_or_script(value):
                forms.add(value)
    if with_code and code.lower() not in english and code not in WORD_CODES:
        forms.add(code)
    forms |= {f for f in map(feminine_agreement, forms) if f}
    return {
        f.strip()
        for f in forms
        if f.strip() and len(words_of(f)) <= 2 and not is_nisba(f.strip())
    }


def main():
    node_modules, english_path = sys.argv[1], sys.argv[2]
    version = json.load(
        open(os.path.join(node_modules, "cldr-numbers-full", "package.json"), encoding="utf-8")
    )["version"]
    en, ar = names(node_modules, "en"), names(node_modules, "ar")
    nouns, endings = inflections(ar)
    english = english_words(english_path)
    current, ended = region_codes(node_modules)
    owners = {}
    for code in sorted(current):
        for form in forms_of(code, en, ar, english, nouns, endings):
            owners.setdefault(form, set()).add(code)

    def add_unowned(codes, latin=True, **kwargs):
        """The forms of `codes` that no currency added before has (without
        `latin`, no symbol with a Latin letter)."""
        found = {}
        for code in sorted(codes):
            for form in forms_of(code, en, ar, english, nouns, endings, **kwargs):
                symbol_with_latin = len(form) <= 4 and any(c.isascii() and c.isalpha() for c in form)
                if form not in owners and (latin or not symbol_with_latin):
                    found.setdefault(form, set()).add(code)
        owners.update(found)

    # Narrow symbols of signs and non-Latin letters (`₡`, `₾`, `₽`) where no
    # symbol is the same (`$` is the US dollar's symbol and many dollars'
    # narrow one); not those with Latin letters, which style guides use
    # otherwise (`C$`, the cordoba's, is the Canadian dollar in news).
    add_unowned(current, symbol_keys=("symbol-alt-narrow",), with_code=False, latin=False)
    # Currencies no region uses now, for older text (`French francs`,
    # `مارك ألماني`): their names and symbols that no current currency
    # has, not their codes (`BOP`, `ATS` are common abbreviations); not
    # those CLDR names with their years, an earlier issue of a currency of
    # the same name (`Turkish Lira (1922–2005)`, whose Arabic `ليرة تركي`
    # modern text writes for the lira of today).
    renamed = {c for c in ended if "(" in en.get(c, {}).get("displayName", "")}
    add_unowned(
        ended - renamed, symbol_keys=("symbol", "symbol-alt-narrow"), with_code=False, latin=False
    )
    out = sys.stdout
    out.write(
        f"# Current and former ISO 4217 currencies from Unicode CLDR {version} (npm"
        " cldr-core supplemental/currencyData.json; cldr-numbers-full main/en and"
        " main/ar currencies.json), Unicode-3.0 license.\n"
    )
    out.write(
        "# Built by scripts/build_currencies.py; do not edit by hand. Columns: form,"
        " ISO 4217 code, divisor (1: a main unit). data/currencies.tsv is read first"
        " and wins.\n"
    )
    for form in sorted(owners):
        codes = owners[form]
        if len(codes) == 1:
            out.write(f"{form}\t{next(iter(codes))}\t1\n")


if __name__ == "__main__":
    main()
