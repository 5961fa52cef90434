"""Write the JSON Schema generated from schema.py to data/schema/records.schema.json.

Run after changing schema.py: `python -m eventcoder.schema_file` (tests check the file is current).
"""
import json
from pathlib import Path

from .schema import json_schema

TARGET = Path(__file__).resolve().parent / "data" / "schema" / "records.schema.json"

if __name__ == "__main__":
    TARGET.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
