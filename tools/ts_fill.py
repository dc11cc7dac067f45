#!/usr/bin/env python3
"""Fill translations into a .ts file from a JSON object {source: translation} (developer tool).

    .venv/bin/python tools/ts_fill.py resources/i18n/ebid_zh_CN.ts translations.json
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, json_path: str) -> None:
    table = json.loads(open(json_path, encoding="utf-8").read())
    tree = ET.parse(ts_path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        if source in table:
            translation = message.find("translation")
            translation.text = table[source]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, "r+", encoding="utf-8") as f:  # keep Qt's doctype line
        text = f.read().replace("?>\n<TS", "?>\n<!DOCTYPE TS>\n<TS", 1)
        f.seek(0), f.write(text), f.truncate()
    print(f"filled {filled} translations")


if __name__ == "__main__":
    main(*sys.argv[1:3])
