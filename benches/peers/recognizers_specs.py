"""Lisan scored on the test specs of Microsoft Recognizers-Text in one
language (`Specs/DateTime/Arabic/*.json`, `Specs/Number/Arabic/*.json`,
`Specs/NumberWithUnit/Arabic/*.json` of a checkout of
https://github.com/microsoft/Recognizers-Text, MIT license; or the same
folders of `English`). An independent check of extraction; the specs are
not stored in this repository and CI does not run this script. Older specs
give no position for a result: its text's first place in the input is
taken.

    python recognizers_specs.py LISAN_BINARY SPECS_DIR [--show-misses]

SPECS_DIR holds the JSON files (any of the names below; others are skipped).
Every case goes through one `lisan batch` run, its `ReferenceDateTime` sent
as the line's `reference_time` (the naive time read as UTC, as Recognizers
reads it as local time) and `time_zone` UTC.

For each expected result of a case:
* detected: an entity of the file's kinds overlaps the expected span;
* exact: one of those has the expected text (both trimmed).
A case with no expected result counts as a negative: passed when no entity
of the file's kinds is found. Values are not compared: the specs resolve
ambiguous expressions with conventions of their own (both the past and the
future occurrence, `في ثلاثة أيام` as "in three days" where Arabic news
means "within three days"), and many are machine-translated from English.
"""

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

TIME = {"ENTITY_TYPE_DATE_TIME", "ENTITY_TYPE_DURATION", "ENTITY_TYPE_RECURRENCE"}
KINDS = {
    "NumberModel.json": {"ENTITY_TYPE_NUMBER"},
    "OrdinalModel.json": {"ENTITY_TYPE_ORDINAL"},
    "PercentModel.json": {"ENTITY_TYPE_PERCENT"},
    "CurrencyModel.json": {"ENTITY_TYPE_MONEY"},
}
DATETIME_FILES = [
    "DateExtractor.json", "DateParser.json", "DatePeriodExtractor.json",
    "DatePeriodParser.json", "DateTimeExtractor.json", "DateTimeModel.json",
    "DateTimeParser.json", "DateTimePeriodExtractor.json",
    "DateTimePeriodParser.json", "DurationExtractor.json", "DurationParser.json",
    "HolidayExtractor.json", "HolidayParser.json", "MergedExtractor.json",
    "SetExtractor.json", "TimeExtractor.json", "TimeParser.json",
    "TimePeriodExtractor.json", "TimePeriodParser.json",
]


def kinds_of(name):
    return KINDS.get(name, TIME if name in DATETIME_FILES else None)


def expected_span(case, result):
    """The expected result's span as UTF-8 byte offsets into the input."""
    text = case["Input"]
    # Older specs give no position: the first place the text is found.
    start = result.get("Start", max(text.lower().find(result["Text"].lower()), 0))
    if "Length" in result:
        end = start + result["Length"]
    elif "End" in result:
        end = result["End"] + 1
    else:
        end = start + len(result["Text"])
    return len(text[:start].encode()), len(text[:end].encode())


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    lisan, specs = sys.argv[1], sys.argv[2]
    show = "--show-misses" in sys.argv
    cases = []
    for name in sorted(os.listdir(specs)):
        if kinds_of(name) is None:
            continue
        with open(os.path.join(specs, name), encoding="utf-8") as f:
            for index, case in enumerate(json.load(f)):
                cases.append((name, index, case))
    with tempfile.TemporaryDirectory() as tmp:
        source, results = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
        with open(source, "w", encoding="utf-8") as f:
            for name, index, case in cases:
                reference = case.get("Context", {}).get("ReferenceDateTime", "2016-11-07T00:00:00")
                line = {"id": f"{name}:{index}", "text": case["Input"],
                        "reference_time": reference[:19] + "Z", "time_zone": "UTC"}
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        subprocess.run([lisan, "batch", "--input", source, "--output", results],
                       check=True, capture_output=True)
        with open(results, encoding="utf-8") as f:
            answers = {a["id"]: a for a in map(json.loads, f)}
    counts = {}
    for name, index, case in cases:
        count = counts.setdefault(name, Counter())
        answer = answers[f"{name}:{index}"]
        if "analysis" not in answer:
            count["errors"] += 1
            continue
        wanted = kinds_of(name)
        found = [e for e in answer["analysis"]["extraction"].get("entities", []) if e["type"] in wanted]
        expected = case.get("Results", [])
        if not expected:
            count["negatives"] += 1
            count["negatives passed"] += not found
            continue
        for result in expected:
            start, end = expected_span(case, result)
            overlapping = [e for e in found if e["span"].get("start", 0) < end and e["span"]["end"] > start]
            count["expected"] += 1
            count["detected"] += bool(overlapping)
            count["exact"] += any(e["text"].strip() == result["Text"].strip() for e in overlapping)
            if show and not overlapping:
                print(f"miss\t{name}\t{case['Input']}\t{result['Text']}", file=sys.stderr)
    total = Counter()
    print(f"{'file':32} {'expected':>8} {'detected':>8} {'exact':>6} {'negatives':>9} {'passed':>6}")
    for name, count in counts.items():
        total.update(count)
        print(f"{name:32} {count['expected']:8} {count['detected']:8} {count['exact']:6} "
              f"{count['negatives']:9} {count['negatives passed']:6}")
    print(f"{'all':32} {total['expected']:8} {total['detected']:8} {total['exact']:6} "
          f"{total['negatives']:9} {total['negatives passed']:6}")
    if total["errors"]:
        print(f"errors: {total['errors']}")


if __name__ == "__main__":
    main()
