"""Microsoft Recognizers-Text (Python, `recognizers-text-suite`) scored on a
corpus in Duckling's format, with the pass rule of `lisan eval duckling`
(src/eval/duckling.rs). Run by `benches/peers/recognizers.sh`, not by CI.

    python recognizers.py CORPUS.jsonl [--culture en-us] [--lisan-table FILE]
                                       [--show-failures]

Pass rule, as in Lisan's harness
--------------------------------
Reference time 2013-02-12 04:30 at UTC-2 (given to Recognizers as the naive
local time 2013-02-12 04:30; all its answers are naive local times and are
compared with the expected value's local wall time at -02:00).
* A positive row passes when the models that answer its dimension return
  exactly one match, that match covers the whole (trimmed) text, and its
  resolution has the expected value.
* A negative row passes when those models return nothing at all.

Which models answer a dimension (Recognizers has one model per kind; a user
calls the one they need, so only that model runs: a lenient choice, since
Lisan must return exactly one entity over all its kinds, e.g. no stray
Number inside "10 dollars", while Recognizers' number model is not asked):
  Numeral, Numeral_AR_EG -> number      Ordinal -> ordinal
  AmountOfMoney -> currency             Quantity, Distance, Volume -> dimension
  Temperature -> temperature            Duration, Time -> datetimeV2
  PhoneNumber -> phone_number           Email -> email   Url -> url
For Duration only `datetimeV2.duration` matches count, for Time every
datetimeV2 match except durations.

Value mapping
-------------
* Numeral, Ordinal: the resolution's "value" parsed as a number, equal
  within 1e-9 (relative).
* AmountOfMoney: amount equal and the currency agrees. The currency is
  `isoCurrency` when Recognizers gives one, else its unit name: "Dollar" is
  USD (like Duckling's `Dollar`), "Cent" a hundredth of USD, "Pound" GBP or
  EGP (Lisan accepts the same two for Duckling's `Pound`). Duckling's
  `under`/`above` bounds and ranges have no Recognizers counterpart: such
  rows fail (strict, but Recognizers cannot say them).
* Quantity, Distance, Volume: both sides converted to a base unit (g, m, l)
  with one table below and compared; a unit we do not know fails. A row
  that expects a product ("3 ounces of gold") fails: Recognizers has none
  (Lisan is held to the same).
* Temperature: same unit (C/Celsius, F/Fahrenheit, Degree) and amount.
* Duration: the timex (P3Y, PT2H, P2W...) gives amount and unit, compared
  with the expected ones; lenient: equal seconds (Recognizers' "value",
  with a 365-day year and 30-day month) also pass.
* PhoneNumber: digits compared (Unicode digits folded). An expected
  "(+cc) national" wants a match starting with "+" whose digits are cc and
  the national number without leading zeros; a national number wants the
  same digits without "+"; an extension's digits follow the number's.
* Time. Recognizers' grain is read from the timex: YYYY year, YYYY-MM
  month, YYYY-Www week, dates day, THH hour, THH:MM minute, THH:MM:SS and
  PRESENT_REF second. A point (date, datetime, time) passes when its grain
  and local wall time equal the expected ones; a "time" without a date is
  put on the reference day, or (lenient) the next day. A daterange of one
  week, month or year (timex 2013-W07, 2013-03, 2013) passes for the
  expected value of that grain at its start. A range (daterange, timerange,
  datetimerange) passes for an expected interval when its start equals
  `from` and its grain the expected one, and its end equals `to` or
  (lenient: Recognizers ends "5 to 7 March" on the 7th, Duckling on the 8th)
  `to` less one unit of the grain. Lenient: Recognizers gives past and
  future readings of "Monday" or "July 23"; the row passes if any reading
  matches (Duckling and Lisan must commit to one).
* Span: strict by default (the match must cover the whole text, as for
  Lisan). `--lenient-span` also accepts a match that leaves out only a
  leading "at", "on", "in", "the" or "from" (Recognizers leaves these out
  on purpose); reported as a separate column.
"""

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata

from recognizers_text import Culture  # noqa: F401  (import check)
import recognizers_suite as rs

REFERENCE = dt.datetime(2013, 2, 12, 4, 30, 0)

MODELS = {
    "Numeral": rs.recognize_number,
    "Numeral_AR_EG": rs.recognize_number,
    "Ordinal": rs.recognize_ordinal,
    "AmountOfMoney": rs.recognize_currency,
    "Quantity": rs.recognize_dimension,
    "Distance": rs.recognize_dimension,
    "Volume": rs.recognize_dimension,
    "Temperature": rs.recognize_temperature,
    "Duration": rs.recognize_datetime,
    "Time": rs.recognize_datetime,
    "PhoneNumber": rs.recognize_phone_number,
    "Email": rs.recognize_email,
    "Url": rs.recognize_url,
}

# Base-unit factors (grams, metres, litres), for Duckling's names and
# Recognizers' names alike.
FACTORS = {
    "Gram": 1.0, "Kilogram": 1000.0, "Milligram": 0.001,
    "Ounce": 28.349523125, "Pound": 453.59237, "Ton": 1e6, "Tonne": 1e6,
    "Metre": 1.0, "Meter": 1.0, "Kilometre": 1000.0, "Kilometer": 1000.0,
    "Centimetre": 0.01, "Centimeter": 0.01, "Millimetre": 0.001,
    "Millimeter": 0.001, "Mile": 1609.344, "Foot": 0.3048, "Inch": 0.0254,
    "Yard": 0.9144,
    "Litre": 1.0, "Liter": 1.0, "Millilitre": 0.001, "Milliliter": 0.001,
    "Hectolitre": 100.0, "Gallon": 3.785411784, "Cup": 0.2365882365,
}
# Which base a unit measures, so 2 kg never equals 2000 m.
BASE = {u: ("g" if u in ("Gram", "Kilogram", "Milligram", "Ounce", "Pound", "Ton", "Tonne")
            else "l" if u in ("Litre", "Liter", "Millilitre", "Milliliter", "Hectolitre", "Gallon", "Cup")
            else "m") for u in FACTORS}

TEMPERATURE = {"Celsius": "C", "Fahrenheit": "F", "Degree": "Degree", "Kelvin": "K"}

DURATION_UNIT = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day",
                 ("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second"}
SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
           "month": 30 * 86400, "year": 365 * 86400}

CURRENCY_BY_UNIT = {"Dollar": {"USD"}, "Pound": {"GBP", "EGP"}, "Euro": {"EUR"}}

LEADING = re.compile(r"^(?:\s*(?:at|on|in|the|from)\b)*\s*$", re.IGNORECASE)


def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def simple_args(expected):
    """Duckling's "Dollar 10", "Gram 2 Nothing", "Degree (-2)",
    "Ounce 3 (Just \"x\")", "Dollar (10, 20)": name, number, product, max."""
    args = expected.get("args") if isinstance(expected, dict) else None
    if not args or " " not in args:
        return None
    name, rest = args.split(" ", 1)
    rest = rest.strip()
    if rest.startswith("("):
        inner, tail = rest[1:].split(")", 1)
        tail = tail.strip()
    else:
        inner, _, tail = rest.partition(" ")
    parts = [p.strip() for p in inner.split(",")]
    value = num(parts[0])
    high = num(parts[1]) if len(parts) > 1 else None
    m = re.match(r'^\(Just "(.*)"\)$', tail)
    return name, value, (m.group(1) if m else None), high


# ---- per dimension ---------------------------------------------------------

def money_ok(res, expected):
    a = simple_args(expected)
    if a is None or a[1] is None:
        return False
    name, value, _, high = a
    if high is not None or expected.get("type") in ("under", "above"):
        return False
    amount = num(res.get("value"))
    if amount is None:
        return False
    unit = res.get("unit") or ""
    codes = {res["isoCurrency"]} if res.get("isoCurrency") else CURRENCY_BY_UNIT.get(unit, set())
    if unit == "Cent":
        codes, amount = {"USD"}, amount / 100.0
    if name == "Dollar":
        want_codes, want = {"USD"}, value
    elif name == "Cent":
        want_codes, want = {"USD"}, value / 100.0
    elif name == "Pound":
        want_codes, want = {"GBP", "EGP"}, value
    else:
        want_codes, want = {name}, value
    return bool(codes & want_codes) and close(amount, want)


def quantity_ok(res, expected):
    a = simple_args(expected)
    if a is None or a[1] is None:
        return False
    name, value, product, _ = a
    unit, amount = res.get("unit"), num(res.get("value"))
    if product is not None or amount is None or name not in FACTORS or unit not in FACTORS:
        return False
    return BASE[name] == BASE[unit] and close(amount * FACTORS[unit], value * FACTORS[name])


def temperature_ok(res, expected):
    a = simple_args(expected)
    if a is None or a[1] is None:
        return False
    name, value, _, _ = a
    return TEMPERATURE.get(name) == res.get("unit") and num(res.get("value")) is not None \
        and close(num(res.get("value")), value)


def digits(s):
    return "".join(str(unicodedata.digit(c)) for c in s if unicodedata.digit(c, None) is not None)


def phone_ok(res, expected):
    want = expected.get("value")
    if not isinstance(want, str):
        return False
    got = res.get("value") or ""
    number, _, ext = want.partition(" ext ")
    m = re.match(r"^\(\+(\d+)\) (\d+)$", number)
    if m:
        return got.strip().startswith("+") and digits(got) == m.group(1) + m.group(2).lstrip("0") + ext
    return not got.strip().startswith("+") and digits(got) == number + ext


def duration_ok(value, expected):
    want, unit = num(expected.get("value")), expected.get("unit")
    if want is None or unit not in SECONDS:
        return False
    m = re.match(r"^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$", value.get("timex", ""))
    if m and DURATION_UNIT.get((m.group(1), m.group(3))) == unit and close(float(m.group(2)), want):
        return True
    secs = num(value.get("value"))
    return secs is not None and close(secs, want * SECONDS[unit])


# ---- time ------------------------------------------------------------------

def grain_of(timex):
    timex = timex.strip("()").split(",")[0]
    if timex == "PRESENT_REF":
        return "second"
    if "T" in timex:
        clock = timex.split("T", 1)[1]
        if not re.match(r"^\d", clock):
            return None  # TMO, TEV... parts of the day
        return {1: "hour", 2: "minute", 3: "second"}[len(clock.split(":"))]
    if re.match(r"^(\d{4}|XXXX)-W\d\d$", timex):
        return "week"
    if re.match(r"^(\d{4}|XXXX)-\d\d$", timex):
        return "month"
    if re.match(r"^\d{4}$", timex):
        return "year"
    return "day"


STEP = {"second": dt.timedelta(seconds=1), "minute": dt.timedelta(minutes=1),
        "hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1), "week": dt.timedelta(weeks=1)}


def less_one(t, grain):
    if grain in STEP:
        return t - STEP[grain]
    if grain == "month":
        return t.replace(year=t.year - (t.month == 1), month=12 if t.month == 1 else t.month - 1)
    return t.replace(year=t.year - 1)


def parse_local(s):
    """Recognizers' "2013-02-12", "2013-02-12 04:30:00" or "04:30:00" as
    naive local datetimes (a bare time: on the reference day and the next)."""
    if not s:
        return []
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return [dt.datetime.strptime(s, fmt)]
        except ValueError:
            pass
    try:
        t = dt.datetime.strptime(s, "%H:%M:%S").time()
    except ValueError:
        return []
    day = dt.datetime.combine(REFERENCE.date(), t)
    return [day, day + dt.timedelta(days=1)]


def want_local(s):
    # "2013-02-12T04:30:00.000-02:00": the wall time at its own offset is
    # what Recognizers gives; convert other offsets to -02:00 first.
    t = dt.datetime.fromisoformat(s.replace(".000", ""))
    return t.astimezone(dt.timezone(dt.timedelta(hours=-2))).replace(tzinfo=None)


def time_ok(value, expected):
    g = expected.get("grain")
    kind, timex = value.get("type", ""), value.get("timex", "")
    grain = grain_of(timex)
    if grain != g:
        return False
    if expected.get("type") == "value" or "value" in expected:
        if "value" not in expected:
            return False
        want = want_local(expected["value"])
        if kind in ("date", "datetime", "time"):
            return want in parse_local(value.get("value"))
        if kind == "daterange" and grain in ("week", "month", "year"):
            return want in parse_local(value.get("start"))
        return False
    if "from" in expected and "to" in expected and kind.endswith("range"):
        start, end = parse_local(value.get("start")), parse_local(value.get("end"))
        frm, to = want_local(expected["from"]), want_local(expected["to"])
        if kind == "timerange":  # both ends on the same day
            pairs = list(zip(start, end))
        else:
            pairs = [(s, e) for s in start for e in end]
        return any(s == frm and (e == to or e == less_one(to, g)) for s, e in pairs)
    return False


# ---- a row -------------------------------------------------------------------

def matches_for(dim, text, culture):
    model = MODELS.get(dim)
    if model is None:
        return None
    kwargs = {"reference": REFERENCE} if model is rs.recognize_datetime else {}
    found = model(text, culture, **kwargs)
    if dim == "Duration":
        found = [m for m in found if m.type_name == "datetimeV2.duration"]
    elif dim == "Time":
        found = [m for m in found if m.type_name != "datetimeV2.duration"]
    return found


def value_ok(dim, m, expected):
    res = m.resolution or {}
    if dim in ("Numeral", "Numeral_AR_EG", "Ordinal"):
        v, w = num(res.get("value")), num(expected.get("value"))
        return v is not None and w is not None and close(v, w)
    if dim == "AmountOfMoney":
        return money_ok(res, expected)
    if dim in ("Quantity", "Distance", "Volume"):
        return quantity_ok(res, expected)
    if dim == "Temperature":
        return temperature_ok(res, expected)
    if dim == "PhoneNumber":
        return phone_ok(res, expected)
    if dim == "Duration":
        return any(duration_ok(v, expected) for v in res.get("values", []))
    if dim == "Time":
        return any(time_ok(v, expected) for v in res.get("values", []))
    if dim in ("Email", "Url"):
        return res.get("value") == expected.get("value")
    return False


def covers(m, text, lenient):
    start, end = m.start, m.end + 1  # Recognizers' end is inclusive
    if start == 0 and end == len(text):
        return True
    return lenient and text[end:].strip() == "" and bool(LEADING.match(text[:start]))


def score(rows, culture, lenient, failed):
    scores = {}
    for row in rows:
        dim, text = row.get("dim", "?"), (row.get("text") or "").strip()
        found = matches_for(dim, text, culture)
        if row.get("negative"):
            passed = found is not None and not found
        else:
            passed = (found is not None and len(found) == 1 and covers(found[0], text, lenient)
                      and value_ok(dim, found[0], row.get("value") or {}))
        if not passed and failed is not None:
            got = [(m.type_name, m.text, m.resolution) for m in (found or [])]
            failed(f"{dim}\t{text}\t{json.dumps(row.get('value'), ensure_ascii=False)}\t"
                   f"{json.dumps(got, ensure_ascii=False, default=str)}")
        p, t = scores.get(dim, (0, 0))
        scores[dim] = (p + int(passed), t + 1)
    return scores


def parse_lisan(path):
    """`lisan eval duckling` output: "DIM  P / T  R%" a line."""
    scores = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\S+)\s+(\d+)\s*/\s*(\d+)", line)
            if m and m.group(1) != "all":
                scores[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return scores


def cell(s):
    if s is None:
        return "-"
    p, t = s
    return f"{p:>3} / {t:<3} {100.0 * p / max(t, 1):5.1f}%"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--culture", default="en-us")
    ap.add_argument("--lisan-table", help="output of `lisan eval duckling` on the same corpus")
    ap.add_argument("--show-failures", action="store_true",
                    help="print Recognizers' failing rows (strict span) to standard error")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    with open(a.corpus, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    fail = (lambda s: print(s, file=sys.stderr)) if a.show_failures else None
    strict = score(rows, a.culture, False, fail)
    lenient = score(rows, a.culture, True, None)
    lisan = parse_lisan(a.lisan_table) if a.lisan_table else {}
    dims = sorted(set(strict) | set(lisan))
    total = lambda s: (sum(p for p, _ in s.values()), sum(t for _, t in s.values())) if s else None
    head = ["dimension", "Lisan", f"Recognizers ({a.culture})", "Recognizers, lenient span"]
    body = [[d, cell(lisan.get(d)), cell(strict.get(d)), cell(lenient.get(d))] for d in dims]
    body.append(["all", cell(total(lisan)), cell(total(strict)), cell(total(lenient))])
    if a.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(["---"] + ["---:"] * 3) + "|")
        for r in body:
            print("| " + " | ".join(" ".join(c.split()) for c in r) + " |")
    else:
        w = [max(len(r[i]) for r in [head] + body) for i in range(4)]
        for r in [head] + body:
            print("  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)))


if __name__ == "__main__":
    main()
