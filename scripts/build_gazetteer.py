#!/usr/bin/env python3
"""Writes data/gazetteer.tsv: place names and demonyms for named-entity recognition.

Sources (Unicode CLDR JSON packages on npm, Unicode-3.0 license):
  cldr-localenames-full  main/{ar,en}/territories.json  territory names (countries, regions)
  cldr-dates-full        main/{ar,en}/timeZoneNames.json exemplar-city names of the time zones

English exemplar cities: CLDR's en locale lists only the names that differ from
the time zone id; for the others, UTS #35 (Part 4, "Using Time Zone Names")
says the exemplar city is the last field of the id with underscores as spaces
(Europe/Paris -> Paris, America/New_York -> New York). Those names are added
for every zone the ar locale names, except the ones that are first more often
a person's name in English: a given name or surname among the 500 most common
of the 1990 US Census lists (public domain; as packaged in the PyPI package
names 0.3.0, MIT), e.g. Davis, Stanley, Regina, Santiago, Dawson.

Run (from the repository root; installs the packages under target/):
  bash scripts/build_gazetteer.sh
which runs: npm install cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0 in target/cldr,
pip download names==0.3.0 there, then this script with that node_modules folder and
the names package's data folder as its arguments.

Columns: name, kind, code.
  kind country   CLDR territory with an ISO 3166 code (code = the code)
  kind region    CLDR territory with a UN M49 numeric code (continents, sub-regions)
  kind city      CLDR exemplar city (code = the time zone id)
  kind demonym   an Arabic nisba adjective derived from a country's Arabic name
                 (code = the country's code), by this rule: drop the article
                 ال, then a final ية or يا loses its last letter (السعودية -> سعودي,
                 سوريا -> سوري), another final ا or ة
                 is dropped and ي added (فرنسا -> فرنسي), else ي is added
                 (مصر -> مصري); the masculine, the feminine (+ة), each with and
                 without the article, and the plurals +ون/+ين with the article.
                 Only single-word names are derived, and a form is kept only
                 when the wordfreq list (data/wordfreq_ar.tsv) has its
                 article-masculine or article-feminine form, so no invented word
                 gets in.
English demonyms are not derived (English has no regular rule).
"""
import json
import os
import sys

ALT_OK = ("", "-alt-short", "-alt-variant")


def territories(root, locale):
    path = os.path.join(root, "cldr-localenames-full", "main", locale, "territories.json")
    data = json.load(open(path, encoding="utf-8"))
    names = data["main"][locale]["localeDisplayNames"]["territories"]
    for key, name in names.items():
        code, _, alt = key.partition("-alt-")
        alt = f"-alt-{alt}" if alt else ""
        if alt not in ALT_OK or code in ("ZZ", "EZ", "UN", "QO"):
            continue
        kind = "region" if code.isdigit() else "country"
        yield name, kind, code


def cities(root, locale):
    path = os.path.join(root, "cldr-dates-full", "main", locale, "timeZoneNames.json")
    data = json.load(open(path, encoding="utf-8"))
    zones = data["main"][locale]["dates"]["timeZoneNames"]["zone"]

    def walk(node, prefix):
        for key, value in node.items():
            if not isinstance(value, dict):
                continue
            zone = f"{prefix}/{key}" if prefix else key
            if "exemplarCity" in value:
                if not zone.startswith("Etc"):
                    yield value["exemplarCity"], "city", zone
            else:
                yield from walk(value, zone)

    yield from walk(zones, "")


def zone_city(zone):
    """UTS #35's exemplar city of a zone id the locale does not name."""
    return zone.rsplit("/", 1)[1].replace("_", " ")


def common_person_names(names_dir, top=500):
    """Given names and surnames among the `top` most common of the US Census lists."""
    found = set()
    for file in ("dist.male.first", "dist.female.first", "dist.all.last"):
        for line in open(os.path.join(names_dir, file), encoding="ascii"):
            fields = line.split()
            if len(fields) == 4 and int(fields[3]) <= top:
                found.add(fields[0].title())
    return found


def english_fallback_cities(root, names_dir):
    """English names of the zones ar names and en leaves to the fallback."""
    named = {zone for _, _, zone in cities(root, "en")}
    people = common_person_names(names_dir)
    for _, _, zone in cities(root, "ar"):
        city = zone_city(zone)
        if zone not in named and city not in people:
            yield city, "city", zone


def nisba(name):
    stem = name[2:] if name.startswith("ال") else name
    if " " in stem or len(stem) < 3:
        return None
    if stem.endswith("ية") or stem.endswith("يا"):
        return stem[:-1]
    if stem[-1] in "اة":
        return stem[:-1] + "ي"
    return stem + "ي"


def known_words(path):
    words = set()
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            words.add(line.split("\t")[0])
    return words


def version(root, package):
    return json.load(open(os.path.join(root, package, "package.json")))["version"]


def main():
    root, names_dir = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    known = known_words(os.path.join(here, "..", "data", "wordfreq_ar.tsv"))
    rows = set()
    for locale in ("ar", "en"):
        rows.update(territories(root, locale))
        rows.update(cities(root, locale))
    rows.update(english_fallback_cities(root, names_dir))
    for name, kind, code in list(rows):
        if kind != "country" or not any("\u0600" <= c <= "\u06ff" for c in name):
            continue
        masc = nisba(name)
        if not masc or ("ال" + masc not in known and "ال" + masc + "ة" not in known):
            continue
        for form in (masc, masc + "ة", "ال" + masc, "ال" + masc + "ة", "ال" + masc + "ون", "ال" + masc + "ين"):
            rows.add((form, "demonym", code))
    out = sys.stdout
    out.write("# Gazetteer for named entities: name, kind (country, region, city, demonym), code.\n")
    out.write(f"# Unicode CLDR via npm cldr-localenames-full {version(root, 'cldr-localenames-full')} "
              f"(territories) and cldr-dates-full {version(root, 'cldr-dates-full')} (exemplar cities), "
              "locales ar and en; Unicode-3.0 license.\n")
    out.write("# English exemplar cities the en locale leaves to UTS #35's fallback (the zone id's last field), "
              "less the 500 most common US Census given names and surnames (public domain, PyPI names 0.3.0).\n")
    out.write("# Demonyms derived from the Arabic country names by the rule in scripts/build_gazetteer.py.\n")
    out.write("# Built by scripts/build_gazetteer.sh; do not edit by hand.\n")
    for name, kind, code in sorted(rows):
        out.write(f"{name}\t{kind}\t{code}\n")


if __name__ == "__main__":
    main()
