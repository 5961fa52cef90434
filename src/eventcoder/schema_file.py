"""Write the JSON Schema generated from schema.py to data/schema/records.schema.json.

Run after changing schema.py: `python -m eventcoder.schema_file` (tests check both files are current).
Also writes docs/schema.md in a source checkout.
"""
import json
from pathlib import Path

from .schema import json_schema, schema_markdown

TARGET = Path(__file__).resolve().parent / "data" / "schema" / "records.schema.json"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "schema.md"

if __name__ == "__main__":
    TARGET.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
    if DOCS.parent.is_dir():  # a source checkout: regenerate the docs page too
        DOCS.write_text(schema_markdown(), encoding="utf-8")
        print(f"wrote {DOCS}")
