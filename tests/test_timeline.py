"""Timeline selection (kg/timeline.py) and ``kg timeline``: filters, order, uncertain dates.

One store holds the two Wilson seeds, the bundled curated examples and two hand-made
records (``fixtures/timeline/small.yaml``: a Soviet "end of May-the beginning of June"
date and a season); a small in-memory store holds an event in which an organization
takes part (``fixtures/timeline/organization.trig``), which no reader makes yet.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.backend import GraphStore, open_store
from kg.cli import cli
from kg.errors import UsageError
from kg.ingest import ingest
from kg.store import KnowledgeGraph
from kg.timeline import (
    Labelled,
    TimelineAgent,
    TimelineDocument,
    TimelineEntry,
    TimelineFilter,
    resolve_entity,
    select_timeline,
)

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "timeline"
BASE = "https://w3id.org/dipkg/"
EVENT = BASE + "event/"

KUDRYAVTSEV_CASTRO = EVENT + "wilson-a4d663e4f3"
ALEKSEYEV_CASTRO = EVENT + "wilson-177830"
UNCERTAIN = EVENT + "curated-timeline-uncertain"
SEASON = EVENT + "curated-timeline-season"
RUSK_MENSHIKOV = EVENT + "curated-rusk-menshikov-1961-02-03"
VIENNA = EVENT + "curated-vienna-summit-1961"
VIENNA_4_JUNE = EVENT + "curated-vienna-1961-06-04-soviet-embassy"
MIKOYAN_VISIT = EVENT + "curated-mikoyan-mission-cuba-1962"
ALEKSEEV_TELEGRAM = EVENT + "curated-alekseev-telegram-1962-11-04"
MIKOYAN_CASTRO = EVENT + "curated-mikoyan-castro-1962-11-04"
RUSK_KOSYGIN = EVENT + "curated-rusk-kosygin-1967-06-22"
JOHNSON_KOSYGIN = EVENT + "curated-johnson-kosygin-1967-06-23"
GLASSBORO = EVENT + "curated-glassboro-summit-1967"

ALL_IN_ORDER = [
    RUSK_MENSHIKOV,
    KUDRYAVTSEV_CASTRO,
    UNCERTAIN,
    VIENNA,
    VIENNA_4_JUNE,
    SEASON,
    MIKOYAN_VISIT,
    ALEKSEEV_TELEGRAM,
    MIKOYAN_CASTRO,
    ALEKSEYEV_CASTRO,
    RUSK_KOSYGIN,
    JOHNSON_KOSYGIN,
    GLASSBORO,
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("timeline") / "kg"
    report = ingest(path, [ROOT / "data" / "wilson", ROOT / "data" / "curated", FIXTURES])
    assert report.ok, [str(p) for p in report.data_problems]
    return str(path)


@pytest.fixture(scope="module")
def graph(store_path: str) -> Iterator[GraphStore]:
    with open_store(store_path) as store:
        yield store


@pytest.fixture(scope="module")
def organization_graph() -> KnowledgeGraph:
    store = KnowledgeGraph.in_memory()
    store.add_quads(ox.parse(path=FIXTURES / "organization.trig", format=ox.RdfFormat.TRIG))
    return store


def events(graph: GraphStore, **selection: object) -> list[str]:
    return [e.event for e in select_timeline(graph, TimelineFilter(**selection))]  # type: ignore[arg-type]


def test_everything_in_date_order(graph: GraphStore) -> None:
    entries = select_timeline(graph)
    assert [e.event for e in entries] == ALL_IN_ORDER
    keys = [(e.earliest, e.latest, e.label) for e in entries]
    assert keys == sorted(keys)


def test_the_kudryavtsev_castro_entry_is_complete(graph: GraphStore) -> None:
    (entry,) = select_timeline(graph, TimelineFilter(date_from="1961-05-19", date_to="1961-05-19"))
    assert entry == TimelineEntry(
        event=KUDRYAVTSEV_CASTRO,
        label="Conversation between Sergei Kudryavtsev and Fidel Castro, 19 May 1961",
        earliest=dt.date(1961, 5, 19),
        latest=dt.date(1961, 5, 19),
        edtf="1961-05-19",
        precision="day",
        event_type="conversation",
        places=(Labelled(BASE + "place/havana", "Havana"),),
        topics=entry.topics,
        participants=(
            TimelineAgent(
                BASE + "person/kudryavtsev-sergei-mikhailovich",
                "Sergei Kudryavtsev",
                "person",
                ("reporter",),
            ),
            TimelineAgent(
                BASE + "person/castro-ruz-fidel", "Fidel Castro", "person", ("interlocutor",)
            ),
        ),
        documents=(
            TimelineDocument(
                iri=BASE + "document/wilson-a4d663e4f3",
                title="From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with "
                "Prime Minister of the Republic of Cuba Fidel Castro Ruz, 19 May 1961'",
                archival_reference="AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38",
                archive="Archive of Foreign Policy of the Russian Federation",
                created="1961-06-09",
                document_type="record-of-conversation",
                source_format="wilson-text",
            ),
        ),
    )
    assert BASE + "topic/oas-sanctions" in {t.iri for t in entry.topics}
    assert [t.label for t in entry.topics] == sorted(t.label for t in entry.topics)
    assert entry.display_date == "19 May 1961"
    assert not entry.uncertain
    assert "AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38" in entry.citation


def test_uncertain_dates_are_kept_as_recorded(graph: GraphStore) -> None:
    by_iri = {e.event: e for e in select_timeline(graph)}
    soviet = by_iri[UNCERTAIN]
    assert (soviet.earliest, soviet.latest) == (dt.date(1961, 5, 21), dt.date(1961, 6, 10))
    assert soviet.edtf == "1961-05-21?/1961-06-10?"
    assert soviet.wording == "end of May-the beginning of June 1961"
    assert soviet.display_date == "end of May-the beginning of June 1961"
    assert soviet.uncertain
    season = by_iri[SEASON]
    assert (season.earliest, season.latest, season.precision) == (
        dt.date(1962, 3, 1),
        dt.date(1962, 5, 31),
        "season",
    )
    assert season.display_date == "spring 1962"
    month = by_iri[MIKOYAN_VISIT]
    assert (month.precision, month.wording, month.uncertain) == ("month", "November 1962", True)


def test_person_by_name_iri_and_any_of_several(graph: GraphStore) -> None:
    castro = [
        KUDRYAVTSEV_CASTRO,
        MIKOYAN_VISIT,
        ALEKSEEV_TELEGRAM,
        MIKOYAN_CASTRO,
        ALEKSEYEV_CASTRO,
    ]
    assert events(graph, persons=("Fidel Castro",)) == castro
    assert events(graph, persons=(BASE + "person/castro-ruz-fidel",)) == castro
    assert events(graph, persons=("Kosygin", "Sergei Kudryavtsev")) == [
        KUDRYAVTSEV_CASTRO,
        UNCERTAIN,
        RUSK_KOSYGIN,
        JOHNSON_KOSYGIN,
        GLASSBORO,
    ]


def test_filters_combine(graph: GraphStore) -> None:
    assert events(graph, persons=("Fidel Castro",), date_from="1963") == [ALEKSEYEV_CASTRO]
    assert events(graph, persons=("Dean Rusk",), places=("Vienna",)) == [VIENNA, VIENNA_4_JUNE]


def test_place(graph: GraphStore) -> None:
    assert events(graph, places=("Havana",)) == [
        KUDRYAVTSEV_CASTRO,
        UNCERTAIN,
        MIKOYAN_VISIT,
        ALEKSEEV_TELEGRAM,
        MIKOYAN_CASTRO,
    ]


def test_topic_includes_narrower_topics(graph: GraphStore) -> None:
    # oas-sanctions (the 1961 seed) and trade-embargo (the uncertain record) are narrower
    # than economic-sanctions
    assert events(graph, topics=("economic-sanctions",)) == [KUDRYAVTSEV_CASTRO, UNCERTAIN]
    assert events(graph, topics=("OAS sanctions",)) == [KUDRYAVTSEV_CASTRO]


def test_source(graph: GraphStore) -> None:
    assert events(graph, sources=("wilson",)) == [KUDRYAVTSEV_CASTRO, ALEKSEYEV_CASTRO]
    assert events(graph, sources=("curated-csv",)) == [
        RUSK_MENSHIKOV,
        RUSK_KOSYGIN,
        JOHNSON_KOSYGIN,
    ]
    with pytest.raises(UsageError, match="unknown source 'archive'"):
        select_timeline(graph, TimelineFilter(sources=("archive",)))


def test_event_type(graph: GraphStore) -> None:
    assert events(graph, event_types=("visit",)) == [MIKOYAN_VISIT]
    assert events(graph, event_types=("meeting",)) == [
        VIENNA,
        VIENNA_4_JUNE,
        SEASON,
        JOHNSON_KOSYGIN,
        GLASSBORO,
    ]
    with pytest.raises(UsageError) as caught:
        select_timeline(graph, TimelineFilter(event_types=("picnic",)))
    assert "conversation" in caught.value.hint


def test_dates_filter_by_overlap(graph: GraphStore) -> None:
    # the uncertain 21 May-10 June span and the two-day Vienna summit reach into 1-3 June
    assert events(graph, date_from="1961-06-01", date_to="1961-06-03") == [UNCERTAIN, VIENNA]
    # "November 1962" overlaps the second half of the month; the 4 November talks do not
    assert events(graph, date_from="1962-11-15", date_to="1962-11") == [MIKOYAN_VISIT]
    assert events(graph, date_from="1967-06-24") == [GLASSBORO]
    assert events(graph, date_to="1961") == ALL_IN_ORDER[:5]
    assert events(graph, date_from="1970") == []


def test_bad_selections_are_usage_errors(graph: GraphStore) -> None:
    with pytest.raises(UsageError, match="names several") as caught:
        select_timeline(graph, TimelineFilter(persons=("Castro",)))
    assert BASE + "person/castro-ruz-raul" in caught.value.message
    with pytest.raises(UsageError, match="no person in the graph is named 'Nobody'"):
        select_timeline(graph, TimelineFilter(persons=("Nobody",)))
    with pytest.raises(UsageError, match="not a date"):
        select_timeline(graph, TimelineFilter(date_from="May 1961"))
    with pytest.raises(UsageError, match="is after"):
        select_timeline(graph, TimelineFilter(date_from="1962", date_to="1961"))


def test_organization(organization_graph: KnowledgeGraph) -> None:
    oas = BASE + "organization/oas"
    assert resolve_entity(organization_graph, "organization", "OAS") == oas
    (entry,) = select_timeline(organization_graph, TimelineFilter(organizations=("OAS",)))
    assert [(a.label, a.kind) for a in entry.participants] == [
        ("Dean Rusk", "person"),
        ("Organization of American States", "organization"),
    ]
    assert entry.display_date == "22–31 January 1962"
    assert entry.citation == (
        '"Final Act of the Eighth Meeting of Consultation", OAS Official Records, OEA/Ser.C/II.8'
    )
    with pytest.raises(UsageError, match="no organization"):
        select_timeline(organization_graph, TimelineFilter(organizations=("Dean Rusk",)))


def test_describe_selection() -> None:
    selection = TimelineFilter(
        persons=("Fidel Castro",), topics=(BASE + "topic/x",), date_to="1962"
    )
    assert selection.describe() == "person: Fidel Castro; topic: x; to 1962"


# --- kg timeline --------------------------------------------------------------------------


def run(store: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--store", store, "timeline", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_table(store_path: str) -> None:
    code, out, err = run(store_path, "--person", "Fidel Castro", "--to", "1961")
    assert code == 0, err
    assert out.splitlines()[:4] == [
        "1961-05-19             "
        "Conversation between Sergei Kudryavtsev and Fidel Castro, 19 May 1961",
        "  participants: Sergei Kudryavtsev (reporter), Fidel Castro (interlocutor)",
        "  place: Havana",
        "  source: \"From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with Prime "
        "Minister of the Republic of Cuba Fidel Castro Ruz, 19 May 1961'\", AVP RF, F. 0104. "
        "Op. 17, P. 118, D. 4, ll. 33-38, Archive of Foreign Policy of the Russian Federation",
    ]
    assert err == ""


def test_cli_json_and_tsv(store_path: str) -> None:
    code, out, _ = run(store_path, "--place", "Havana", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["selection"] == {"places": ["Havana"]}
    assert data["count"] == 5
    uncertain = data["events"][1]
    assert (uncertain["earliest"], uncertain["latest"], uncertain["uncertain"]) == (
        "1961-05-21",
        "1961-06-10",
        True,
    )
    assert data["events"][0]["documents"][0]["citation"].endswith(
        "AVP RF, F. 0104. Op. 17, P. 118, D. 4, ll. 33-38, "
        "Archive of Foreign Policy of the Russian Federation"
    )
    code, out, _ = run(store_path, "--source", "wilson", "--format", "tsv")
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0][:5] == ["event", "label", "edtf", "earliest", "latest"]
    assert [r[0] for r in rows[1:]] == [KUDRYAVTSEV_CASTRO, ALEKSEYEV_CASTRO]


def test_cli_errors_and_empty_selection(store_path: str) -> None:
    code, out, err = run(store_path, "--person", "Castro")
    assert code == 2
    assert out == ""
    assert "Error: 'Castro' names several" in err
    assert "Hint: Give one of these IRIs to --person." in err
    code, out, err = run(store_path, "--from", "1990")
    assert (code, out) == (0, "")
    assert "No events match the selection (from 1990)" in err


def test_readme_timeline_example_is_real(store_path: str) -> None:
    """The README's ``kg timeline`` block is what kg prints for the two seed records."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pattern = r'\$ kg --store /tmp/seeds timeline --person "Fidel Castro"\n(.*?)```'
    block = re.search(pattern, readme, flags=re.DOTALL)
    assert block is not None
    # this store also holds curated records: --source wilson leaves the seeds' events
    code, out, _ = run(store_path, "--person", "Fidel Castro", "--source", "wilson")
    assert code == 0
    assert out == block.group(1)
