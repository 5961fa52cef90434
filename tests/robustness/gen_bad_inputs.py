"""Generate a corpus of bad, hostile and mutated inputs mixed with good reports (issue 19).

Nothing here is committed as data: the corpus is written at test or benchmark time.

    python tests/robustness/gen_bad_inputs.py OUT_DIR --units 10000

Each *unit* is what the readers turn into exactly one Document or one Failure: a file (text,
HTML, feed without entries...), a JSONL line, or a feed entry. `generate` returns a `Manifest`:
for every unit its origin (as the readers name it) and what must become of it:

* ``good``: a usable report: it must be coded and stored as a document;
* ``bad``: no usable text: it must be a stored failure with a code and a message;
* ``either``: a mutated or pathological input: a stored document or a stored failure, but
  never lost and never a crash.

`SECRET` is written only in a file beside the corpus that hostile feeds and pages reference as
an external entity: it must never appear in a stored document.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.synthetic import report

GOOD, BAD, EITHER = "good", "bad", "either"
SECRET = "TOP-SECRET-7f3a91-never-read-me"

#: Junk inserted into otherwise good reports: none of it may cost the report.
JUNK = [
    "\u202eevil\u202c", "\u200b\u200c\u200d\ufeff", "Z\u0351\u0352\u0353\u0354\u0355a\u0356\u0357lgo",
    "'; DROP TABLE documents; --", "%s %n {0} {event_id} $(rm -rf /)", "<script>alert(1)</script>",
    "\x07\x08\x1b[31m", "🔥💣🚀" * 3, "9" * 400 + " people were killed", "-" + "8" * 60 + " wounded",
    "1e400 fatalities", "NaN Infinity -0", "مقتل خمسة أشخاص في هجوم", "שלום עולם", "в Сирии погибли",
    "\ufffd\ufffe", "A" * 5000,
]
#: Right-to-left and mixed-script reports (good: they must be coded, with or without events).
MIXED_SCRIPTS = [
    "قتل مسلحون خمسة قرويين في غوساو بولاية زمفارا يوم الاثنين، حسبما قالت الشرطة. Report {i}.",
    "Gunmen killed five villagers in Gusau (غوساو) on Monday; \u202bالشرطة قالت\u202c police said. Report {i}.",
    "Des hommes armés ont tué cinq villageois à Gusau lundi, selon la police. 報告 {i} отчёт.",
    "Боевики убили пять жителей деревни под Гусау в понедельник, сообщила полиция. Report {i}.",
]
LAUGHS = ("<!DOCTYPE rss [<!ENTITY a \"lol\">" + "".join(
    f"<!ENTITY {chr(98 + k)} \"{('&' + chr(97 + k) + ';') * 10}\">" for k in range(9)) + "]>")


@dataclass
class Manifest:
    """What must become of every unit, by origin; and how many of each category were written."""

    units: dict[str, str] = field(default_factory=dict)
    categories: Counter = field(default_factory=Counter)
    folder: str = ""

    def add(self, origin: str, expect: str, category: str) -> None:
        self.units[origin] = expect
        self.categories[category] += 1

    def counts(self) -> Counter:
        return Counter(self.units.values())


def _good_text(i: int) -> str:
    return report(i, seed=19)["text"]


def _record(i: int, **override) -> dict:
    record = report(i, seed=19)
    record.update(override)
    return record


def mutate(text: str, rng: random.Random, rounds: int = 3) -> str:
    """`text` with random edits: flipped characters, deletions, repeats, inserted junk or unicode."""
    for _ in range(rounds):
        if not text:
            break
        a = rng.randrange(len(text))
        b = min(len(text), a + rng.randint(1, 40))
        op = rng.randrange(6)
        if op == 0:
            text = text[:a] + chr(rng.randint(0x20, 0x2FFF)) + text[a + 1:]
        elif op == 1:
            text = text[:a] + text[b:]
        elif op == 2:
            text = text[:b] + text[a:b] * rng.randint(2, 30) + text[b:]
        elif op == 3:
            text = text[:a] + rng.choice(JUNK) + text[a:]
        elif op == 4:
            text = text[:a] + "".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 8))
                                      ).encode("utf-8", "replace").decode("utf-8", "replace") + text[a:]
        else:
            text = text[:a]
    return text


def _bad_jsonl_lines(i: int, rng: random.Random) -> list[tuple[bytes, str, str]]:
    """(raw line, expectation, category) for broken lines and lines with wrong types."""
    good = _record(i)
    return [
        (b'{"text": "Gunmen killed', BAD, "jsonl_broken"),
        (b"[1, 2, 3]", BAD, "jsonl_not_object"),
        (json.dumps({"title": "no text"}).encode(), BAD, "jsonl_no_text"),
        (json.dumps({"text": rng.choice([42, None, [1], {"a": 1}, True, 1e300])}).encode(), BAD, "jsonl_text_type"),
        (json.dumps({"text": "   \n\t "}).encode(), BAD, "jsonl_blank_text"),
        (b'{"text": "a\x00b"}', BAD, "jsonl_nul_byte"),
        (b'{"text": "caf\xe9 \xff\xfe"}', BAD, "jsonl_invalid_utf8"),
        (b"[" * 50_000, BAD, "jsonl_deep_nesting"),
        (b'{"text": 1' + b"0" * 5000 + b"}", BAD, "jsonl_gigantic_number"),
        (json.dumps({**good, "title": rng.choice([5, ["x"], {"t": 1}, 1e308])}).encode(), GOOD, "jsonl_wrong_title"),
        (json.dumps({**good, "published": rng.choice(["sometime", "2025-13-45", "99999-01-01", "0001-01-01",
                                                       12345, "3025-01-01"])}).encode(), GOOD, "jsonl_bad_date"),
        (json.dumps({**good, "lang": rng.choice(["english", 7, "x" * 300])}).encode(), GOOD, "jsonl_bad_lang"),
        (json.dumps({**good, "text": good["text"].replace("killed", "killed \u0000 \ud800")}).encode(),
         GOOD, "jsonl_nul_escape_surrogate"),
    ]


def _jsonl(folder: Path, name: str, lines: list[tuple[bytes, str, str]], manifest: Manifest) -> None:
    path = folder / name
    with open(path, "wb") as fh:
        for number, (raw, expect, category) in enumerate(lines, start=1):
            fh.write(raw.replace(b"\n", b" ") + b"\n")
            manifest.add(f"{path}:{number}", expect, category)


def _file(path: Path, data: bytes, expect: str, category: str, manifest: Manifest) -> None:
    path.write_bytes(data)
    manifest.add(str(path), expect, category)


def _feed(items: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>Hostile Wire</title>'
            f"{items}</channel></rss>").encode()


def _item(text: str) -> str:
    return f"<item><title>Story</title><description>{text}</description></item>"


def _files(folder: Path, start: int, rng: random.Random, manifest: Manifest, big: bool) -> int:
    """One of each file kind; RETURNS the next report index."""
    i = start
    huge = 50_000_000 if big else 5_100_000
    files = [
        ("empty.txt", b"", BAD), ("whitespace.txt", b"  \n\t\r\n   \n", BAD),
        ("binary.txt", bytes(rng.randrange(256) for _ in range(4096)), BAD),
        ("nul.txt", _good_text(i).encode()[:30] + b"\x00\x00" + b"rest", BAD),
        ("controls.txt", bytes(rng.choice(range(1, 9)) for _ in range(2000)), BAD),
        ("single_line_50mb.txt", b"killed " * (huge // 7 + 1), BAD),
        ("header_only.txt", b"TITLE: t\nDATE: 2025-01-01\n\n", BAD),
        ("not_a_feed.xml", b'<?xml version="1.0"?><catalog><book>x</book></catalog>', BAD),
        ("script_only.html", b"<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>",
         BAD),
        ("feed_no_entries.xml", _feed(""), BAD),
        ("feed_garbage.rss", b"<rss><channel><<<>>>&&&" + bytes(rng.randrange(256) for _ in range(500)), BAD),
    ]
    for name, data, expect in files:
        _file(folder / name, data, expect, name.rsplit(".", 1)[0], manifest)
    for encoding in ("cp1252", "latin-1", "utf-16", "utf-8-sig", "utf-32"):
        text = _good_text(i).replace("villagers", "villagers (café owners)")
        _file(folder / f"legacy_{encoding}.txt", text.encode(encoding), GOOD, f"encoding_{encoding}", manifest)
        i += 1
    _file(folder / "legacy_koi8r.txt", ("Боевики убили пять человек в Гусау. Отчёт %d." % i).encode("koi8-r"),
          EITHER, "encoding_koi8r", manifest)
    _file(folder / "legacy_shiftjis.txt", ("武装集団が村人5人を殺害した。報告%d" % i).encode("shift_jis"),
          EITHER, "encoding_shiftjis", manifest)
    i += 1
    _file(folder / "invalid_utf8.txt", _good_text(i).encode() + b" \xff\xfe\xc3\x28 end", EITHER,
          "invalid_utf8", manifest)
    i += 1
    depth = 100_000 if big else 5_000
    nested = "<div>" * depth + f"<p>{_good_text(i)}</p>" + "</div>" * depth
    _file(folder / "deeply_nested.html", f"<html><body>{nested}</body></html>".encode(), EITHER,
          "html_deeply_nested", manifest)
    i += 1
    paragraphs = "".join(f"<p>{_good_text(i)} Paragraph {k} of filler text about nothing.</p>"
                         for k in range(45_000 if big else 2_000))
    _file(folder / "huge.html", f"<html><body><article>{paragraphs}</article></body></html>".encode()[:4_900_000],
          EITHER, "html_huge", manifest)
    i += 1
    _file(folder / "repeated.txt", ("Gunmen killed five people in Gusau on Monday. " * (80_000 if big else 4_000)
                                    ).encode(), EITHER, "repeated_text", manifest)
    # hostile feeds: their entries are units (the feed is read whatever its DOCTYPE says)
    secret = folder.with_name(folder.name + "-secret.txt")  # outside the corpus: never read as a report
    secret.write_text(SECRET, encoding="utf-8")
    hostile = {
        "feed_billion_laughs.xml": _feed(_item(f"&j; {_good_text(i)}"), LAUGHS),
        "feed_external_entity.xml": _feed(_item(f"&xxe; {_good_text(i + 1)}"),
                                          f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'),
        "feed_quadratic.xml": _feed(_item("&big;" * 2000 + _good_text(i + 2)),
                                    f'<!DOCTYPE rss [<!ENTITY big "{"x" * 50_000}">]>'),
        "feed_external_dtd.xml": _feed(_item(_good_text(i + 3)),
                                       f'<!DOCTYPE rss SYSTEM "file://{secret}">'),
    }
    for name, data in hostile.items():
        (folder / name).write_bytes(data)
        manifest.add(f"{folder / name}#entry1", EITHER, name.rsplit(".", 1)[0])
    i += 4
    html_entities = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body><article><p>&xxe; '
                     f"{_good_text(i)}</p></article></body></html>")
    _file(folder / "html_external_entity.html", html_entities.encode(), EITHER, "html_external_entity", manifest)
    i += 1
    count = 200 if big else 20
    entries = "".join(_item(mutate(_good_text(i + k), rng) or "x") for k in range(count))
    (folder / "feed_many_entries.xml").write_bytes(_feed(entries))
    for k in range(count):
        manifest.add(f"{folder / 'feed_many_entries.xml'}#entry{k + 1}", EITHER, "feed_mutated_entry")
    return i + count


def generate(folder: Path, units: int = 10_000, seed: int = 19, big: bool = True) -> Manifest:
    """Write about `units` inputs under `folder` (made if missing); RETURNS the Manifest.

    big (bool): the 50 MB line, 100,000-deep HTML and 4.9 MB pages (False: smaller versions
        that still cross the limits, for CI).
    """
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    manifest = Manifest(folder=str(folder))
    i = _files(folder, 1_000_000, rng, manifest, big)
    lines: list[tuple[bytes, str, str]] = []
    n = 0
    while len(manifest.units) + len(lines) < units:
        kind = n % 10
        n += 1
        i += 1
        if kind < 2:
            lines.append((json.dumps(_record(i)).encode(), GOOD, "good_report"))
        elif kind == 2:
            text = _good_text(i)
            cut = rng.randrange(len(text))
            lines.append((json.dumps(_record(i, text=text[:cut] + " " + rng.choice(JUNK) + " " + text[cut:])).encode(),
                          GOOD, "good_with_junk"))
        elif kind == 3:
            lines.append((json.dumps(_record(i, text=rng.choice(MIXED_SCRIPTS).format(i=i))).encode(),
                          GOOD, "rtl_mixed_scripts"))
        elif kind < 7:
            text = mutate(_good_text(i), rng, rounds=rng.randint(1, 6))
            lines.append((json.dumps(_record(i, text=text), ensure_ascii=rng.random() < 0.5).encode(),
                          EITHER, "mutated_report"))
        else:
            bad = _bad_jsonl_lines(i, rng)
            lines.append(bad[rng.randrange(len(bad))])
    if big:
        lines.append((json.dumps(_record(i + 1, text="x " * 25_000_000)).encode(), BAD, "jsonl_50mb_line"))
    for part in range(0, len(lines), 500):
        _jsonl(folder, f"reports-{part // 500:03d}.jsonl", lines[part:part + 500], manifest)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--small", action="store_true", help="no 50 MB files (CI)")
    args = parser.parse_args(argv)
    manifest = generate(args.folder, args.units, big=not args.small)
    (args.folder / "manifest.json").write_text(json.dumps(manifest.units, indent=0), encoding="utf-8")
    print(f"{len(manifest.units)} units in {args.folder}: {dict(manifest.counts())}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
