"""``kg export`` timeline formats, each read back with its standard reader.

Every format made from the bundled seeds must show the conversation of Kudryavtsev and
Castro of 19 May 1961 with its citation, and keep uncertain dates uncertain (the
"end of May-the beginning of June 1961" record of ``fixtures/timeline/small.yaml``).
TimelineJS output is also validated against the shipped JSON Schema and opened in the
real TimelineJS3 library in headless Chromium.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import matplotlib.image
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export import timelinejs
from kg.export.table import KG_COLUMNS, TIMELINEJS_COLUMNS
from kg.ingest import ingest

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "timeline"
TIMELINEJS_DIST = (
    Path(__file__).parent / "browser" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
)
CITATION = "AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38"
LABEL = "Conversation between Sergei Kudryavtsev and Fidel Castro, 19 May 1961"
EVENT = "https://w3id.org/dipkg/event/wilson-a4d663e4f3"
WORDING = "end of May-the beginning of June 1961"
COUNT = 13  # wilson seeds (2) + curated examples (9) + fixtures/timeline (2)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("exports") / "kg"
    report = ingest(path, [ROOT / "data" / "wilson", ROOT / "data" / "curated", FIXTURES])
    assert report.ok
    return str(path)


def export(store: str, fmt: str, *args: str) -> tuple[int, bytes, str]:
    """Run ``kg export`` and return exit code, stdout bytes and stderr."""
    result = CliRunner().invoke(cli, ["--store", store, "export", fmt, *args])
    return result.exit_code, result.stdout_bytes, result.stderr


def export_file(store: str, fmt: str, folder: Path, *args: str) -> bytes:
    target = folder / f"timeline.{fmt}"
    code, out, err = export(store, fmt, "-o", str(target), *args)
    assert code == 0, err
    assert out == b""
    assert f"written to {target}" in err
    return target.read_bytes()


# --- TimelineJS ---------------------------------------------------------------------------


def test_timelinejs_validates_and_shows_the_1961_conversation(store: str, tmp_path: Path) -> None:
    data = json.loads(export_file(store, "timelinejs", tmp_path))
    jsonschema.validate(data, timelinejs.schema())
    assert data["title"]["text"]["headline"] == "Timeline: all events"
    assert len(data["events"]) == COUNT
    slides = {s["unique_id"]: s for s in data["events"]}
    assert len(slides) == COUNT
    slide = slides["wilson-a4d663e4f3"]
    assert slide["start_date"] == {"year": 1961, "month": 5, "day": 19}
    assert "end_date" not in slide
    assert "display_date" not in slide
    assert slide["text"]["headline"] == LABEL
    assert slide["group"] == "Conversation"
    assert CITATION in slide["text"]["text"]
    assert "Fidel Castro (interlocutor)" in slide["text"]["text"]
    assert 'href="https://w3id.org/dipkg/document/wilson-a4d663e4f3"' in slide["text"]["text"]


def test_timelinejs_uncertain_dates_span_their_bounds(store: str, tmp_path: Path) -> None:
    data = json.loads(export_file(store, "timelinejs", tmp_path, "--person", "Raúl Castro"))
    slide = next(s for s in data["events"] if s["unique_id"] == "curated-timeline-uncertain")
    assert slide["start_date"] == {"year": 1961, "month": 5, "day": 21}
    assert slide["end_date"] == {"year": 1961, "month": 6, "day": 10}
    assert slide["display_date"] == WORDING
    assert "EDTF 1961-05-21?/1961-06-10?" in slide["text"]["text"]
    assert data["title"]["text"]["headline"] == "Timeline: person: Raúl Castro"


def test_timelinejs_escapes_html_and_is_deterministic(store: str, tmp_path: Path) -> None:
    first = export_file(store, "timelinejs", tmp_path, "--title", "<Cuba> & co")
    assert json.loads(first)["title"]["text"]["headline"] == "&lt;Cuba&gt; &amp; co"
    assert export_file(store, "timelinejs", tmp_path, "--title", "<Cuba> & co") == first
    text = json.loads(first)["events"][0]["text"]["text"]
    assert "&quot;Rusk and Menshikov on U.S.-Soviet relations&quot;" in text


def test_timelinejs_schema_rejects_what_timelinejs_cannot_read() -> None:
    schema = timelinejs.schema()
    bad_month = {"events": [{"start_date": {"year": 1961, "month": 13}, "text": {}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad_month, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": {}}, schema)


def test_timelinejs_warns_on_many_events(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timelinejs, "WARN_EVENTS", 5)
    code, _, err = export(store, "timelinejs", "-o", str(tmp_path / "t.json"))
    assert code == 0
    assert f"Warning: {COUNT} events; TimelineJS gets slow" in err


# --- CSV ----------------------------------------------------------------------------------


def test_csv_kg_layout(store: str) -> None:
    code, out, err = export(store, "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
    assert tuple(rows[0]) == KG_COLUMNS
    assert len(rows) == COUNT
    row = next(r for r in rows if r["event"] == EVENT)
    assert row["label"] == LABEL
    assert (row["edtf"], row["earliest"], row["latest"], row["precision"]) == (
        "1961-05-19",
        "1961-05-19",
        "1961-05-19",
        "day",
    )
    assert row["participants"] == "Sergei Kudryavtsev (reporter); Fidel Castro (interlocutor)"
    assert row["place"] == "Havana"
    assert "OAS sanctions; " in row["topics"]
    assert row["document"] == "https://w3id.org/dipkg/document/wilson-a4d663e4f3"
    assert CITATION in row["citation"]
    assert row["url"] == ""
    uncertain = next(r for r in rows if r["wording"] == WORDING)
    assert (uncertain["earliest"], uncertain["latest"], uncertain["edtf"]) == (
        "1961-05-21",
        "1961-06-10",
        "1961-05-21?/1961-06-10?",
    )


def test_csv_timelinejs_layout(store: str, tmp_path: Path) -> None:
    data = export_file(store, "csv", tmp_path, "--layout", "timelinejs", "--from", "1961-05")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert tuple(rows[0]) == TIMELINEJS_COLUMNS
    assert rows[0]["Type"] == "title"
    row = next(r for r in rows if r["Headline"] == LABEL)
    assert (row["Year"], row["Month"], row["Day"], row["End Year"]) == ("1961", "5", "19", "")
    assert CITATION in row["Text"]
    uncertain = next(r for r in rows if r["Display Date"] == WORDING)
    assert (uncertain["End Year"], uncertain["End Month"], uncertain["End Day"]) == (
        "1961",
        "6",
        "10",
    )


# --- iCalendar ----------------------------------------------------------------------------


def events_of(data: bytes) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_ics_all_day_events_with_citation(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = export_file(store, "ics", tmp_path)
    assert b"DTSTART;VALUE=DATE:19610519\r\nDTEND;VALUE=DATE:19610520\r\n" in data
    events = events_of(data)
    assert len(events) == COUNT
    event = events[EVENT]
    assert event.decoded("DTSTART") == dt.date(1961, 5, 19)
    assert event.decoded("DTEND") == dt.date(1961, 5, 20)
    assert str(event["SUMMARY"]) == LABEL
    assert str(event["LOCATION"]) == "Havana"
    description = str(event["DESCRIPTION"])
    assert "Date: 19 May 1961." in description
    assert "Participants: Sergei Kudryavtsev (reporter); Fidel Castro (interlocutor)" in description
    assert CITATION in description
    assert str(event["URL"]) == "https://w3id.org/dipkg/document/wilson-a4d663e4f3"
    # DTSTAMP: the day after the last event (Glassboro, 25 June 1967)
    assert event.decoded("DTSTAMP") == dt.datetime(1967, 6, 26, tzinfo=dt.timezone.utc)
    assert export_file(store, "ics", tmp_path) == data


def test_ics_uncertain_span(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    code, out, _ = export(store, "ics", "--place", "Havana", "--to", "1961")
    assert code == 0
    events = events_of(out)
    assert len(events) == 2
    event = events["https://w3id.org/dipkg/event/curated-timeline-uncertain"]
    assert event.decoded("DTSTART") == dt.date(1961, 5, 21)
    assert event.decoded("DTEND") == dt.date(1961, 6, 11)
    description = str(event["DESCRIPTION"])
    assert f"Date uncertain: recorded as '{WORDING}'" in description
    assert "(EDTF 1961-05-21?/1961-06-10?)" in description
    assert event.decoded("DTSTAMP") == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_chronology(store: str) -> None:
    code, out, err = export(store, "md", "--person", "Fidel Castro")
    assert code == 0, err
    lines = out.decode("utf-8").splitlines()
    assert lines[0] == "# Timeline: person: Fidel Castro"
    assert [line for line in lines if line.startswith("## ")] == ["## 1961", "## 1962", "## 1963"]
    item = next(line for line in lines if line.startswith("- **19 May 1961**"))
    link = f"[{LABEL}](<https://w3id.org/dipkg/document/wilson-a4d663e4f3>)"
    assert link in item
    assert "Participants: Sergei Kudryavtsev (reporter), Fidel Castro (interlocutor)" in item
    assert "Place: Havana." in item
    note = item.rsplit("[^", 1)[1].rstrip("]")
    footnote = next(line for line in lines if line.startswith(f"[^{note}]: "))
    assert CITATION in footnote
    visit = next(line for line in lines if "Visit of Anastas Mikoyan" in line)
    assert visit.startswith("- **November 1962 (1962-11-01 – 1962-11-30)**")


# --- charts -------------------------------------------------------------------------------


def test_png_chart(store: str, tmp_path: Path) -> None:
    data = export_file(store, "png", tmp_path)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = matplotlib.image.imread(tmp_path / "timeline.png")
    height, width, channels = image.shape
    assert width == 1100
    assert height > 300
    assert channels in (3, 4)
    assert export_file(store, "png", tmp_path) == data
    code, out, err = export(store, "png")
    assert (code, out) == (2, b"")
    assert "png is an image and needs a file" in err


SVG = "{http://www.w3.org/2000/svg}"


def test_svg_chart_lanes_tooltips_and_links(store: str, tmp_path: Path) -> None:
    data = export_file(store, "svg", tmp_path, "--person", "Fidel Castro")
    root = ET.fromstring(data)
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    assert {"Timeline: person: Fidel Castro", "Fidel Castro", "Anastas Mikoyan"} <= texts
    titles = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    tooltip = next(t for t in titles if t.startswith("19 May 1961: " + LABEL))
    assert CITATION in tooltip
    links = {a.get("{http://www.w3.org/1999/xlink}href") for a in root.iter(f"{SVG}a")}
    assert "https://w3id.org/dipkg/document/wilson-a4d663e4f3" in links
    assert export_file(store, "svg", tmp_path, "--person", "Fidel Castro") == data
    topics = ET.fromstring(export(store, "svg", "--lanes", "topic")[1])
    lanes = {"".join(t.itertext()).strip() for t in topics.iter(f"{SVG}text")}
    assert {"Soviet-American relations", "others"} <= lanes


# --- all formats --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["timelinejs", "csv", "ics", "md", "svg", "png"])
def test_empty_selection_gives_an_empty_valid_file(store: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"empty.{fmt}"
    code, _, err = export(store, fmt, "--from", "1990", "-o", str(target))
    assert code == 0
    assert "No events match the selection (from 1990); writing an empty timeline." in err
    data = target.read_bytes()
    if fmt == "timelinejs":
        document = json.loads(data)
        jsonschema.validate(document, timelinejs.schema())
        assert document["events"] == []
    elif fmt == "csv":
        assert list(csv.reader(io.StringIO(data.decode()))) == [list(KG_COLUMNS)]
    elif fmt == "ics":
        assert events_of(data) == {}
    elif fmt == "md":
        assert data.decode().startswith("# Timeline: from 1990\n\nno events.")
    elif fmt == "svg":
        assert ET.fromstring(data).tag == f"{SVG}svg"
    else:
        assert matplotlib.image.imread(target).ndim == 3


def test_usage_errors(store: str, tmp_path: Path) -> None:
    code, _, err = export(store, "md", "--layout", "timelinejs")
    assert code == 2
    assert "--layout applies to csv only" in err
    code, _, err = export(store, "csv", "--person", "Nobody")
    assert code == 2
    assert "no person in the graph is named 'Nobody'" in err
    code, _, err = export(store, "md", "-o", str(tmp_path / "missing" / "t.md"))
    assert code == 1
    assert "cannot write" in err


# --- TimelineJS3 in a real browser --------------------------------------------------------


def timelinejs_page(data: dict[str, Any]) -> str:
    """A page that builds the timeline with the npm package, nothing fetched from the web.

    English is built into TimelineJS (no locale file); ``font: null`` keeps it from
    loading its web-font CSS; the data is inlined, so no request leaves ``file://``.
    """
    css = (TIMELINEJS_DIST / "css" / "timeline.css").as_uri()
    script = (TIMELINEJS_DIST / "js" / "timeline.js").as_uri()
    options = {
        "script_path": (TIMELINEJS_DIST / "js").as_uri() + "/",
        "font": None,
        "theme": None,
        "language": "en",
        "ga_property_id": None,
    }
    payload = json.dumps(data).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="{css}">
<script src="{script}"></script></head>
<body><div id="timeline" style="width: 1000px; height: 650px"></div>
<script>window.kgTimeline = new TL.Timeline("timeline", {payload}, {json.dumps(options)});</script>
</body></html>"""


def test_timelinejs_export_renders_in_timelinejs3(store: str, tmp_path: Path, browser: Any) -> None:
    if not (TIMELINEJS_DIST / "js" / "timeline.js").exists():
        pytest.skip("TimelineJS3 is not installed (npm ci --prefix tests/browser)")
    data = json.loads(export_file(store, "timelinejs", tmp_path))
    page_file = tmp_path / "timeline.html"
    page_file.write_text(timelinejs_page(data), encoding="utf-8")
    page = browser.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))

    def guard(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    try:
        page.goto(page_file.as_uri())
        page.wait_for_function(f"document.querySelectorAll('.tl-slide').length >= {COUNT + 1}")
        assert page.locator(".tl-slide").count() == COUNT + 1  # title slide + one per event
        page.evaluate("window.kgTimeline.goToId('wilson-a4d663e4f3')")
        slide = page.locator("#wilson-a4d663e4f3")
        slide.wait_for()
        text = slide.inner_text()
        assert LABEL in text
        assert CITATION in text
        assert page.locator(".tl-timemarker").count() == COUNT
    finally:
        page.close()
    assert outside == []
    assert problems == []


def test_html_goes_to_a_file_or_stdout(store: str, tmp_path: Path) -> None:
    """The CLI side of ``kg export html`` (the page itself is tested in test_html_timeline)."""
    data = export_file(store, "html", tmp_path, "--person", "Fidel Castro")
    code, out, _ = export(store, "html", "--person", "Fidel Castro")
    assert code == 0
    assert out == data
    assert data.startswith(b"<!DOCTYPE html>")
    assert LABEL.encode() in data


def test_timelinejs_slide_ids_stay_unique() -> None:
    from kg.timeline import Timeline, TimelineEntry, TimelineFilter

    day = dt.date(1961, 1, 1)
    entries = [TimelineEntry(f"https://e/event/{name}", "x", day, day) for name in ("a b", "a-b")]
    document = timelinejs.timelinejs_document(Timeline(TimelineFilter(), entries))
    assert [s["unique_id"] for s in document["events"]] == ["a-b", "a-b-2"]
