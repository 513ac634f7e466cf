#!/usr/bin/env python3
"""Writes data/calling_codes.tsv: the country calling codes of ITU-T E.164.

Source: the metadata of libphonenumber-js (Nikolay Kuchumov, MIT license,
https://gitlab.com/catamphetamine/libphonenumber-js), which is generated from
Google's libphonenumber (Apache-2.0) `PhoneNumberMetadata.xml`; its field
`country_calling_codes` maps each calling code to the ISO 3166-1 regions that
use it, the main one first.

Run:  cd /tmp && npm pack libphonenumber-js@1.13.16 && tar xzf libphonenumber-js-1.13.16.tgz
      python3 scripts/build_calling_codes.py /tmp/package > data/calling_codes.tsv

Each line: a calling code, a tab, its regions separated by spaces.
"""
import json
import os
import sys


def main():
    package = sys.argv[1]
    meta = json.load(open(os.path.join(package, "metadata.min.json")))
    version = json.load(open(os.path.join(package, "package.json")))["version"]
    out = sys.stdout
    out.write(f"# ITU-T E.164 country calling codes, from libphonenumber-js {version}"
              " (metadata.min.json, country_calling_codes), MIT license.\n")
    out.write("# Built by scripts/build_calling_codes.py; columns: calling code, regions"
              " (ISO 3166-1, the main one first).\n")
    for code, regions in sorted(meta["country_calling_codes"].items(), key=lambda kv: int(kv[0])):
        out.write(f"{code}\t{' '.join(regions)}\n")


if __name__ == "__main__":
    main()
