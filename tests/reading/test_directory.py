"""read_path / read_paths: dispatch by extension and sniffing, folder walks, stdin, failures."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventcoder import reading
from eventcoder.reading import READERS, read_path, read_paths
from eventcoder.schema import Document, Failure

REPORT = "TITLE: Students march in Tamale\nDATE: 2025-05-06\nLANG: en\n\nStudents marched in Tamale on Monday.\n"
PAGE = (
    "<!DOCTYPE html><html><head><title>Vigil in Kumasi</title></head><body><article>"
    "<p>Hundreds of people held a candlelit vigil in Kumasi on Sunday evening, organisers said.</p>"
    "</article></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Volta Wire</title>'
    "<item><title>Sit-in in Ho</title><description>Nurses staged a sit-in in Ho.</description></item>"
    "</channel></rss>"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def kinds(items) -> list[str]:
    return [type(i).__name__ for i in items]


@pytest.mark.parametrize(
    "name,content,title",
    [
        ("r.txt", REPORT, "Students march in Tamale"),
        ("r.TEXT", REPORT, "Students march in Tamale"),
        ("r.md", REPORT, "Students march in Tamale"),
        ("p.html", PAGE, "Vigil in Kumasi"),
        ("p.htm", PAGE, "Vigil in Kumasi"),
        ("f.rss", RSS, "Sit-in in Ho"),
        ("f.xml", RSS, "Sit-in in Ho"),
        ("p.unknown", PAGE, "Vigil in Kumasi"),  # named explicitly: sniffed as HTML
        ("r.log", REPORT, "Students march in Tamale"),  # sniffed: not HTML, so text
        ("f.dat", RSS, "Sit-in in Ho"),
    ],
)
def test_directory_dispatch_by_extension_or_sniffing(tmp_path, name, content, title):
    path = write(tmp_path / name, content)
    [doc] = read_path(path)
    assert isinstance(doc, Document)
    assert doc.title == title
    assert doc.origin.startswith(str(path))


def test_directory_jsonl_origins_carry_line_numbers(tmp_path):
    path = write(tmp_path / "batch.ndjson", json.dumps({"text": "A march in Wa."}) + "\n{bad\n")
    items = list(read_path(str(path)))
    assert [i.origin for i in items] == [f"{path}:1", f"{path}:2"]
    assert kinds(items) == ["Document", "Failure"]


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path):
    write(tmp_path / "b.txt", REPORT)
    write(tmp_path / "a" / "z.txt", REPORT)
    write(tmp_path / "a-b.txt", REPORT)
    write(tmp_path / "a" / "sub" / "c.html", PAGE)
    write(tmp_path / ".hidden.txt", REPORT)
    write(tmp_path / ".git" / "x.txt", REPORT)
    write(tmp_path / "notes.docx", b"PK\x03\x04 not ours")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    items = list(read_path(tmp_path))
    relative = [Path(i.origin).relative_to(tmp_path).as_posix() for i in items]
    assert relative == ["a/sub/c.html", "a/z.txt", "a-b.txt", "b.txt"]
    assert all(isinstance(i, Document) for i in items)


def test_directory_bad_files_become_failures_in_place(tmp_path):
    write(tmp_path / "1.txt", REPORT)
    write(tmp_path / "2.txt", b"")
    write(tmp_path / "3.txt", b"\x00\x01binary\x00")
    write(tmp_path / "4.txt", "x" * 500)
    write(tmp_path / "5.xml", '<?xml version="1.0"?><urlset></urlset>')
    write(tmp_path / "6.html", "<html><body></body></html>")
    write(tmp_path / "7.rss", "<rss><channel")
    write(tmp_path / "8.txt", REPORT)
    items = list(read_path(tmp_path, max_bytes=300))
    assert [getattr(i, "code", "doc") for i in items] == ["doc", "E202", "E201", "E203", "E209", "E206", "E208", "doc"]
    extensions = "txt txt txt txt xml html rss txt".split()
    assert [Path(i.origin).name for i in items] == [f"{n}.{e}" for n, e in enumerate(extensions, start=1)]


def test_directory_missing_path_is_a_failure(tmp_path):
    missing = tmp_path / "nope.txt"
    [failure] = read_path(missing)
    assert isinstance(failure, Failure)
    assert (failure.origin, failure.code) == (str(missing), "E204")


def test_directory_read_paths_keeps_order_and_goes_on(tmp_path):
    first = write(tmp_path / "x" / "1.txt", REPORT)
    second = write(tmp_path / "y.html", PAGE)
    items = list(read_paths([second, str(tmp_path / "gone"), first]))
    assert kinds(items) == ["Document", "Failure", "Document"]
    assert items[0].origin == str(second) and items[2].origin == str(first)


@pytest.mark.parametrize(
    "data,title",
    [(REPORT.encode(), "Students march in Tamale"), (PAGE.encode(), "Vigil in Kumasi"), (RSS.encode(), "Sit-in in Ho")],
)
def test_directory_stdin_is_sniffed(monkeypatch, data, title):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [doc] = read_path("-")
    assert doc.title == title
    assert doc.origin.startswith("<stdin>")


def test_directory_stdin_over_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 100)))
    [failure] = read_path("-", max_bytes=10)
    assert (failure.origin, failure.code) == ("<stdin>", "E203")


def test_directory_registry_accepts_new_readers(tmp_path, monkeypatch):
    def read_shout(stream, origin, options):
        yield Document(text=stream.read().decode().upper(), origin=origin)

    monkeypatch.setitem(READERS, "shout", read_shout)
    monkeypatch.setitem(reading.EXTENSIONS, ".shout", "shout")
    path = write(tmp_path / "a.shout", "protest in accra")
    [doc] = read_path(path)
    assert doc.text == "PROTEST IN ACCRA"
    assert set(READERS) >= {"text", "html", "jsonl", "feed"}


def test_directory_devset_header_fields_match_gold(shared_dir):
    gold = {}
    for raw in (shared_dir / "devset" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        gold[Path(record["file"]).name] = record
    items = list(read_path(shared_dir / "devset" / "reports"))
    assert len(items) == len(gold) == 89
    for doc in items:
        assert isinstance(doc, Document), doc
        expected = gold[Path(doc.origin).name]
        assert doc.title == expected["title"]
        assert doc.published.isoformat() == expected["published"]
        assert doc.lang == expected["lang"]
        assert doc.source == expected["source"]
        assert not doc.text.startswith(("TITLE:", "DATE:", "\n"))


def test_directory_os_error_is_a_failure(tmp_path):
    not_a_dir = write(tmp_path / "plain.txt", REPORT)
    [failure] = read_path(not_a_dir / "inside.txt")
    assert failure.code == "E210"
    assert "could not be read" in failure.message
