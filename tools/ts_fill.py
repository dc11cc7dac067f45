#!/usr/bin/env python3
"""Fill translations into a .ts file from a JSON object (developer tool).

    .venv/bin/python tools/ts_fill.py app/resources/i18n/ebid_zh_CN.ts translations.json [--force]

Keys are English source texts, or ``"Context|source"`` to target one context. Only unfinished
entries are filled unless ``--force``, so one engineer's fill never overwrites another's.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, json_path: str, force: bool = False) -> None:
    table = json.loads(open(json_path, encoding="utf-8").read())
    tree = ET.parse(ts_path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.find("name").text or ""
        for message in context.iter("message"):
            source = message.find("source").text or ""
            text = table.get(f"{name}|{source}", table.get(source))
            translation = message.find("translation")
            if text is None or (translation.get("type") != "unfinished" and not force):
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, "r+", encoding="utf-8") as f:  # keep Qt's doctype line
        text = f.read().replace("?>\n<TS", "?>\n<!DOCTYPE TS>\n<TS", 1)
        f.seek(0), f.write(text), f.truncate()
    print(f"filled {filled} translations")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], force="--force" in sys.argv[3:])
