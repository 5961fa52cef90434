"""GDELT TSV, UCDP CSV and PLOVER JSONL exports, and the crosswalk tables behind them (all 25 sub-event types)."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import pytest

from eventcoder.export import export
from eventcoder.export.crosswalk import cameo, columns, country_codes, family, plover_quad, subtype_interop
from eventcoder.export.gdelt_tsv import global_event_id, write_gdelt_tsv
from eventcoder.export.plover_jsonl import write_plover_jsonl
from eventcoder.export.rows import Report, Row
from eventcoder.export.ucdp_csv import UcdpStats, date_span, priogrid_gid, sides, write_ucdp_csv
from eventcoder.mappings import apply_codes
from eventcoder.schema import SUB_EVENT_TYPES, SUB_TO_TYPE, Document, Event, Evidence, disorder_type

#: GDELT's QuadClass of each CAMEO root code (shared/codebook.md §7.3), typed out independently of cameo.tsv
ROOT_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3,
             "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}
#: PLOVER types by quad (codebook §7.4)
PLOVER_QUAD = {"AGREE": 1, "RETREAT": 2, "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


@pytest.fixture
def doc():
    return Document(text="Gunmen killed seven people in Mogadishu on Thursday, police said.", title="Seven killed",
                    source="Meridian Wire", url="https://meridian.example/a1", published=dt.date(2025, 3, 14),
                    ingested_at=dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.timezone.utc))


def make_event(doc, sub_event_type="Attack", **fields):
    base = dict(event_id="d001-e1", doc_id=doc.doc_id, event_date=dt.date(2025, 3, 13), time_precision=1,
                event_type=SUB_TO_TYPE[sub_event_type], sub_event_type=sub_event_type,
                disorder_type=disorder_type(sub_event_type), actor1="Unidentified Armed Group (Somalia)", inter1=3,
                actor2="Civilians (Somalia)", inter2=7, interaction="37", country="Somalia", iso3="SOM",
                admin1="Banadir", location="Mogadishu", latitude=2.0469, longitude=45.3182, geo_precision=1,
                fatalities=7, injured=2, source_chain=["Meridian Wire", "Police Forces of Somalia"],
                certainty="reported", evidence=[Evidence("fatalities", 14, 19, "seven"),
                                                Evidence("location", 30, 39, "Mogadishu")])
    base.update(fields)
    return apply_codes(Event(**base))


def tsv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


# ------------------------------------------------------------------ crosswalk tables: every sub-event type


@pytest.mark.parametrize("sub_event_type", SUB_EVENT_TYPES)
def test_crosswalk_covers_every_sub_event_type(sub_event_type):
    event = apply_codes(Event(sub_event_type=sub_event_type, event_type=SUB_TO_TYPE[sub_event_type]))
    code = cameo(event.cameo_code)
    assert code is not None and code.code == event.cameo_code
    assert code.quad_class == ROOT_QUAD[code.root_code]
    assert -10.0 <= code.goldstein <= 10.0
    assert plover_quad(event.plover_type) == PLOVER_QUAD[event.plover_type]
    assert family(sub_event_type) in {"battle", "remote", "civilians", "demonstration", "strategic"}
    assert subtype_interop(sub_event_type).plover_roles in {"all-source", "source-recipient"}


@pytest.mark.parametrize("sub_event_type", SUB_EVENT_TYPES)
def test_every_sub_event_type_exports_to_gdelt_and_plover(doc, sub_event_type):
    event = make_event(doc, sub_event_type)
    fh = io.StringIO()
    write_gdelt_tsv([event], fh)
    (row,) = tsv_rows(fh.getvalue())
    assert row["EventCode"] == event.cameo_code and row["EventRootCode"] == event.cameo_code[:2]
    assert row["QuadClass"] == str(ROOT_QUAD[event.cameo_code[:2]])
    fh = io.StringIO()
    write_plover_jsonl([event], fh)
    record = json.loads(fh.getvalue())
    assert record["event"] == event.plover_type and record["acled"]["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("family_name, members", [
    ("battle", ("Armed clash", "Government regains territory", "Non-state actor overtakes territory")),
    ("demonstration", ("Peaceful protest", "Violent demonstration", "Excessive force against protesters")),
    ("civilians", ("Attack", "Sexual violence", "Abduction/forced disappearance")),
])
def test_crosswalk_families(family_name, members):
    assert {family(m) for m in members} == {family_name}


@pytest.mark.parametrize("iso3, name, numeric, fips, region", [
    ("SOM", None, 706, "SO", "Eastern Africa"), (None, "Iraq", 368, "IZ", "Middle East"),
    ("NGA", None, 566, "NI", "Western Africa"), ("MEX", None, 484, "MX", "Central America"),
    ("UKR", None, 804, "UP", "Europe"), ("COD", None, 180, "CG", "Middle Africa"),
])
def test_crosswalk_country_codes(iso3, name, numeric, fips, region):
    codes = country_codes(iso3, name)
    assert (codes.iso_numeric, codes.fips, codes.acled_region) == (numeric, fips, region)


# ------------------------------------------------------------------ GDELT


def test_gdelt_has_the_61_fields_in_order(doc):
    fh = io.StringIO()
    assert write_gdelt_tsv([make_event(doc)], fh, {doc.doc_id: doc}) == 1
    header = fh.getvalue().splitlines()[0].split("\t")
    assert len(header) == 61 == len(columns("gdelt-tsv"))
    assert header[:5] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    assert header[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                             "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"]


def test_gdelt_row_values(doc):
    fh = io.StringIO()
    write_gdelt_tsv([make_event(doc, "Suicide bomb", actor1="Al Shabaab", inter1=2,
                                actor2="Police Forces of Somalia (2022-)", inter2=1)], fh, {doc.doc_id: doc})
    (row,) = tsv_rows(fh.getvalue())
    assert row["GlobalEventID"] == str(global_event_id("d001-e1"))
    assert (row["Day"], row["MonthYear"], row["Year"]) == ("20250313", "202503", "2025")
    assert row["FractionDate"] == "2025.2822"  # (3 * 30 + 13) / 365
    assert row["EventCode"] == "1831" and row["EventBaseCode"] == "183" and row["EventRootCode"] == "18"
    assert row["GoldsteinScale"] == "-10.0" and row["QuadClass"] == "4"
    assert row["Actor1Code"] == "REB" and row["Actor1Type1Code"] == "REB"
    assert row["Actor2Code"] == "SOMCOP" and row["Actor2CountryCode"] == "SOM"
    assert row["ActionGeo_CountryCode"] == "SO" and row["ActionGeo_Type"] == "4"
    assert row["ActionGeo_FullName"] == "Mogadishu, Banadir, Somalia"
    assert row["DATEADDED"] == "20250314093000" and row["SOURCEURL"] == "https://meridian.example/a1"
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    assert row["AvgTone"] == "" and row["Actor1Geo_Type"] == ""


def test_gdelt_counts_come_from_the_incident(doc):
    reports = (Report("a-e1", "a", "Meridian Wire"), Report("b-e1", "b", "Horn Observer"),
               Report("b-e2", "b", "Horn Observer"))
    fh = io.StringIO()
    write_gdelt_tsv([Row(make_event(doc), doc, reports)], fh)
    (row,) = tsv_rows(fh.getvalue())
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "2", "2")


def test_gdelt_keeps_leading_zeros_and_flattens_tabs(doc):
    fh = io.StringIO()
    write_gdelt_tsv([make_event(doc, "Agreement", actor1="Government of\tSomalia")], fh)
    (row,) = tsv_rows(fh.getvalue())
    assert row["EventCode"] == "057" and row["EventRootCode"] == "05"
    assert row["Actor1Name"] == "Government of Somalia"
    assert len(fh.getvalue().splitlines()[1].split("\t")) == 61


# ------------------------------------------------------------------ UCDP


def test_ucdp_state_based_event_puts_the_government_on_side_a(doc):
    event = make_event(doc, "Armed clash", actor1="Al Shabaab", inter1=2,
                       actor2="Military Forces of Somalia (2022-)", inter2=1, fatalities=5,
                       fatalities_low=5, fatalities_high=9, time_precision=2, geo_precision=3)
    fh = io.StringIO()
    assert write_ucdp_csv([event], fh, {doc.doc_id: doc}) == 1
    (row,) = csv.DictReader(io.StringIO(fh.getvalue()))
    assert list(row) == list(columns("ucdp-csv"))
    assert row["type_of_violence"] == "1"
    assert (row["side_a"], row["side_b"]) == ("Government of Somalia", "Al Shabaab")
    assert (row["best"], row["low"], row["high"]) == ("5", "5", "9")
    assert (row["where_prec"], row["date_prec"]) == ("4", "3")
    assert (row["date_start"], row["date_end"]) == ("2025-03-10", "2025-03-16")
    assert row["source_article"] == 'Meridian Wire, 2025-03-14, "Seven killed"'
    assert row["source_original"] == "Police Forces of Somalia"
    assert row["region"] == "Africa" and row["geom_wkt"] == "POINT (45.3182 2.0469)"


def test_ucdp_one_sided_violence_and_scope(doc):
    one_sided = make_event(doc, "Attack")
    no_deaths = make_event(doc, "Attack", event_id="d001-e2", fatalities=0)
    protest = make_event(doc, "Peaceful protest", event_id="d001-e3", fatalities=0)
    stats = UcdpStats()
    fh = io.StringIO()
    assert write_ucdp_csv([one_sided, no_deaths, protest], fh, stats=stats) == 1
    assert (stats.written, stats.skipped) == (1, 2)
    (row,) = csv.DictReader(io.StringIO(fh.getvalue()))
    assert row["type_of_violence"] == "3" and row["side_b"] == "Civilians"
    assert row["side_a"] == "Unidentified Armed Group (Somalia)"


@pytest.mark.parametrize("inter1, inter2, violence, expected", [
    (1, 2, 1, ("Government of Somalia", "Al Shabaab")),
    (2, 1, 1, ("Government of Somalia", "Al Shabaab")),
    (2, 4, 2, ("Al Shabaab", "Hawiye Clan Militia (Somalia)")),
])
def test_ucdp_sides(doc, inter1, inter2, violence, expected):
    names = {1: "Military Forces of Somalia (2022-)", 2: "Al Shabaab", 4: "Hawiye Clan Militia (Somalia)"}
    event = make_event(doc, "Armed clash", actor1=names[inter1], inter1=inter1, actor2=names[inter2], inter2=inter2)
    assert sides(event, violence) == expected


@pytest.mark.parametrize("lat, lon, gid", [(-89.9, -179.9, 1), (-89.9, 179.9, 720), (-89.4, -179.9, 721),
                                           (0.1, 0.1, 180 * 720 + 360 + 1), (89.9, 179.9, 259200)])
def test_priogrid_gid(lat, lon, gid):
    assert priogrid_gid(lat, lon) == gid


@pytest.mark.parametrize("precision, start, end", [
    (1, "2025-02-13", "2025-02-13"), (2, "2025-02-10", "2025-02-16"), (3, "2025-02-01", "2025-02-28")])
def test_ucdp_date_span(precision, start, end):
    first, last = date_span(dt.date(2025, 2, 13), precision)
    assert (first.isoformat(), last.isoformat()) == (start, end)


# ------------------------------------------------------------------ PLOVER


def test_plover_one_sided_event_has_source_and_recipient(doc):
    fh = io.StringIO()
    write_plover_jsonl([make_event(doc, assoc_actor_2="Women (Somalia)")], fh, {doc.doc_id: doc})
    record = json.loads(fh.getvalue())
    assert list(record) == list(columns("plover-jsonl"))
    assert record["event"] == "ASSAULT" and record["mode"] == "firearms" and record["quad_code"] == 4
    assert record["source"] == ["Unidentified Armed Group (Somalia)"]
    assert record["recipient"] == ["Civilians (Somalia)", "Women (Somalia)"]
    assert record["dead"] == 7 and record["injured"] == 2 and record["date"] == "2025-03-13"
    assert record["event_loc"]["lat"] == 2.0469 and record["event_loc"]["iso3"] == "SOM"
    assert record["publisher"] == "Meridian Wire" and record["url"] == "https://meridian.example/a1"
    assert record["text"] == "seven … Mogadishu"
    assert record["evidence"][0] == {"event_id": "d001-e1", "doc_id": doc.doc_id, "field": "fatalities",
                                     "start": 14, "end": 19, "text": "seven"}


def test_plover_two_sided_violence_puts_every_party_in_source(doc):
    fh = io.StringIO()
    write_plover_jsonl([make_event(doc, "Armed clash", actor1="Al Shabaab", inter1=2,
                                   actor2="Military Forces of Somalia (2022-)", inter2=1)], fh)
    record = json.loads(fh.getvalue())
    assert record["source"] == ["Al Shabaab", "Military Forces of Somalia (2022-)"] and record["recipient"] == []
    assert record["context"] == ["military"] and record["source_country"] == "SOM"


def test_plover_incident_carries_every_report_evidence(doc):
    first = make_event(doc)
    second = dataclasses.replace(first, event_id="d002-e1", doc_id="d002",
                                 evidence=[Evidence("actor1", 0, 6, "Gunmen")])
    canonical = dataclasses.replace(first, event_id="inc-1", doc_id="", evidence=[])
    row = Row(canonical, None, (Report("d001-e1", doc.doc_id, "Meridian Wire"), Report("d002-e1", "d002", "Horn")),
              (first, second), {"incident_id": "inc-1"})
    fh = io.StringIO()
    write_plover_jsonl([row], fh)
    record = json.loads(fh.getvalue())
    assert record["id"] == "inc-1" and record["n_articles"] == 2
    assert [e["event_id"] for e in record["evidence"]] == ["d001-e1", "d001-e1", "d002-e1"]


def test_registry_names_every_format(doc):
    for fmt in ("acled-csv", "csv", "gdelt-tsv", "ucdp-csv", "plover-jsonl", "geojson", "jsonl"):
        assert export([make_event(doc)], fmt, io.StringIO(newline="")) == 1, fmt


# ------------------------------------------------------------------ the data files themselves

ACLED_REGIONS = {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
                 "South Asia", "Southeast Asia", "Middle East", "Europe", "Caucasus and Central Asia",
                 "Central America", "South America", "Caribbean", "East Asia", "North America", "Oceania",
                 "Antarctica"}


def test_countries_interop_covers_every_country_with_acled_regions():
    from eventcoder.countries import all_countries
    from eventcoder.resources import load_tsv

    rows = load_tsv("mappings/countries_interop.tsv")
    assert sorted(r["iso3"] for r in rows) == sorted(c.iso3 for c in all_countries())
    assert {r["acled_region"] for r in rows} == ACLED_REGIONS
    assert {r["ucdp_region"] for r in rows} <= {"Africa", "Americas", "Asia", "Europe", "Middle East", ""}
    fips = [r["fips"] for r in rows if r["fips"]]
    assert len(fips) == len(set(fips)) and all(len(f) == 2 for f in fips)
    for c in all_countries():
        assert country_codes(c.iso3).iso_numeric is not None, c.name


@pytest.mark.parametrize("fmt, count", [("acled-csv", 31), ("gdelt-tsv", 61), ("ucdp-csv", 36), ("plover-jsonl", 21)])
def test_export_columns_are_documented_and_unique(fmt, count):
    from eventcoder.export.crosswalk import column_docs

    docs = column_docs(fmt)
    assert len(docs) == count == len({c for c, _ in docs}) and all(meaning for _, meaning in docs)
