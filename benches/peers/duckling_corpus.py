#!/usr/bin/env python3
"""Converts Duckling's test corpora of one language to the JSON lines that
`lisan eval duckling --corpus FILE` reads (the format of
`../shared/eval/extract/duckling_ar_dev.jsonl`).

Duckling (https://github.com/facebook/duckling, BSD licence) keeps, per
dimension and language, a `Duckling/<Dimension>/<LANG>/Corpus.hs` of
`examples (VALUE) [ "text", ... ]` blocks and, for some dimensions, a
`negativeCorpus` of texts that must yield nothing. Its test context is the
reference time 2013-02-12 04:30 at UTC-2, which `lisan eval duckling` uses.

Nothing of Duckling is kept in this repository: point the script at a
checkout of it.

    python3 benches/peers/duckling_corpus.py ~/src/duckling EN > /tmp/duckling_en.jsonl
    target/release/lisan eval duckling --corpus /tmp/duckling_en.jsonl

Values are converted as the shared Arabic file has them: numbers and
ordinals as `{"type": "value", "value": N}`, durations with their unit,
money and quantities as `{"type": "simple"|"between"|"under"|"above",
"args": "..."}`, times as ISO-8601 at UTC-2 with their grain, intervals
with `from` and `to` (an open interval has only one of them). Examples of
a corpus that needs options Lisan has no counterpart for (Duckling's
`latentCorpus`) are left out.
"""

import json
import re
import sys
from pathlib import Path

DIMENSIONS = [
    "AmountOfMoney",
    "Distance",
    "Duration",
    "Numeral",
    "Ordinal",
    "PhoneNumber",
    "Quantity",
    "Temperature",
    "Time",
    "Volume",
]
ZONE = "-02:00"


def without_comments(source):
    """The source without `--` line comments (outside strings) and without
    the examples of the latent corpus."""
    lines = []
    for line in source.splitlines():
        if line.lstrip().startswith("--"):
            continue
        lines.append(line)
    text = "\n".join(lines)
    latent = text.find("latentCorpus =")
    if latent >= 0:
        end = text.find("\nallExamples", latent)
        text = text[:latent] + (text[end:] if end >= 0 else "")
    return text


def haskell_string(text, i):
    """The Haskell string literal starting at `text[i] == '"'`: its value
    and the index after it."""
    assert text[i] == '"'
    out = []
    i += 1
    while text[i] != '"':
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = text[i + 1]
        if n == "x":
            m = re.match(r"[0-9a-fA-F]+", text[i + 2 :])
            out.append(chr(int(m.group(0), 16)))
            i += 2 + len(m.group(0))
        elif n == "&":
            i += 2
        elif n.isdigit():
            m = re.match(r"[0-9]+", text[i + 1 :])
            out.append(chr(int(m.group(0))))
            i += 1 + len(m.group(0))
        else:
            out.append({"n": "\n", "t": "\t"}.get(n, n))
            i += 2
    return "".join(out), i + 1


def string_list(text, i):
    """The strings of the list starting at `text[i] == '['`, and the index
    after its `]`."""
    assert text[i] == "["
    strings = []
    i += 1
    while True:
        c = text[i]
        if c == '"':
            s, i = haskell_string(text, i)
            strings.append(s)
        elif c == "]":
            return strings, i + 1
        else:
            i += 1


def balanced(text, i):
    """The parenthesised expression starting at `text[i] == '('` (without
    its outer parentheses) and the index after it."""
    depth = 0
    start = i
    while True:
        c = text[i]
        if c == '"':
            _, i = haskell_string(text, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
        i += 1


def number(expr):
    return float(expr.strip().strip("()").replace(" ", ""))


def instant(parts):
    y, mo, d, h, mi, s = (int(p) for p in parts)
    return f"{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.000{ZONE}"


def time_value(expr):
    # A year before the common era is negative (`in 2014 B.C.`).
    tuples = re.findall(r"\(\s*(-?\d+(?:\s*,\s*\d+){5})\s*\)", expr)
    stamps = [instant(re.split(r"\s*,\s*", t)) for t in tuples]
    grain = re.findall(r"\)\s*([A-Z][a-z]+)", expr)[-1].lower()
    holiday = re.search(r'"([^"]*)"\s*$', expr)
    if expr.startswith("datetimeOpenInterval"):
        side = "to" if " Before " in f" {expr} " else "from"
        value = {"type": "interval", side: stamps[0], "grain": grain}
    elif expr.startswith("datetimeInterval"):
        value = {"type": "interval", "from": stamps[0], "to": stamps[1], "grain": grain}
    else:
        value = {"type": "value", "value": stamps[0], "grain": grain}
    if holiday:
        value["holiday"] = holiday.group(1)
    return value


def value_of(expr):
    """Duckling's value expression as the JSON the evaluator reads."""
    head, _, rest = expr.partition(" ")
    if head == "NumeralValue":
        return {"type": "value", "value": number(rest)}
    if head == "OrdinalData":
        return {"type": "value", "value": int(number(rest))}
    if head == "DurationData":
        amount, unit = rest.rsplit(" ", 1)
        return {"type": "value", "value": number(amount), "unit": unit.lower()}
    if head in ("simple", "between", "under", "above"):
        return {"type": head, "args": rest}
    if head.startswith("datetime"):
        return time_value(expr)
    if head == "PhoneNumberValue":
        return {"type": "value", "value": json.loads(rest)}
    return None


def rows(dimension, path):
    text = without_comments(path.read_text(encoding="utf-8"))
    file = str(path).split("Duckling/", 1)[-1]
    file = "Duckling/" + file
    negative = re.search(r"negativeCorpus\s*=.*?examples\s*=\s*(\[)", text, re.S)
    if negative:
        texts, _ = string_list(text, negative.start(1))
        for t in texts:
            yield {"dim": dimension, "file": file, "value_expr": None, "value": None,
                   "text": t, "negative": True}
    for m in re.finditer(r"examples\s*\(", text):
        expr, after = balanced(text, m.end() - 1)
        expr = " ".join(expr.split())
        bracket = text.index("[", after)
        texts, _ = string_list(text, bracket)
        value = value_of(expr)
        if value is None:
            continue
        for t in texts:
            yield {"dim": dimension, "file": file, "value_expr": expr, "value": value,
                   "text": t, "negative": False}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: duckling_corpus.py DUCKLING_CHECKOUT LANG (e.g. EN)")
    root, lang = Path(sys.argv[1]), sys.argv[2].upper()
    count = 0
    for dimension in DIMENSIONS:
        path = root / "Duckling" / dimension / lang / "Corpus.hs"
        if not path.exists():
            continue
        for row in rows(dimension, path):
            print(json.dumps(row, ensure_ascii=False))
            count += 1
    print(f"{count} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
