#!/usr/bin/env python3
"""Derive crates/core/data/states.json from UN OCHA's Countries & Territories Taxonomy CSV.

Usage: scripts/gen-states.py PATH/TO/countries-territories-taxonomy.csv > crates/core/data/states.json

Keeps the 193 Member States (`Appears in DGACM list` = Y) and the two observer States (VAT, PSE),
with their UNTERM short names in the six official languages.
"""
import csv, json, sys

OBSERVERS = {"VAT", "PSE"}
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
out = []
for r in rows:
    iso = r["ISO 3166-1 Alpha 3-Codes"].strip()
    member = r["Appears in DGACM list"].strip() == "Y"
    if not (member or iso in OBSERVERS):
        continue
    names = {k: r[f"{col} Short"].strip() for k, col in
             [("en", "English"), ("fr", "French"), ("es", "Spanish"), ("ru", "Russian"), ("zh", "Chinese"), ("ar", "Arabic")]}
    for k, col in [("en", "English"), ("fr", "French"), ("es", "Spanish"), ("ru", "Russian"), ("zh", "Chinese"), ("ar", "Arabic")]:
        if not names[k]:
            names[k] = r[f"M49 {col}"].strip()
    missing = [k for k, v in names.items() if not v]
    if missing:
        sys.exit(f"{iso}: no name in {missing}")
    out.append({"iso3": iso, "status": "member" if member else "observer", "names": names,
                "formal_en": r["English Formal"].strip() or None})
out.sort(key=lambda s: s["iso3"])
members = sum(1 for s in out if s["status"] == "member")
observers = len(out) - members
if (members, observers) != (193, 2):
    sys.exit(f"expected 193 members and 2 observers, got {members} and {observers}")
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
