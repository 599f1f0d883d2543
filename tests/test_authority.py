"""kg.authority: reading the authority graph and the name indexes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Graph

from kg.authority import Authority, Entity, Position, family_keys, label_key, variant_key
from kg.errors import SourceError

FIXTURE = Path(__file__).parent / "fixtures" / "authority_small.ttl"
BASE = "https://w3id.org/dipkg/"


@pytest.fixture(scope="module")
def authority() -> Authority:
    return Authority.load([FIXTURE], BASE)


def test_counts_and_ignored_subjects(authority: Authority) -> None:
    kinds = [e.kind for e in authority]
    assert kinds.count("person") == len(authority.persons()) == 12
    assert kinds.count("organization") == len(authority.organizations()) == 3
    assert kinds.count("place") == len(authority.places()) == 18
    assert len(authority) == 33
    # positions, topics and IRIs outside the base are not entities
    assert authority.get("person", "castro-ruz-fidel/position/1") is None
    assert all(e.slug != "x" for e in authority)
    assert authority.get("topic", "sanctions") is None


def test_person_fields(authority: Authority) -> None:
    fidel = authority.get("person", "castro-ruz-fidel")
    assert fidel is not None
    assert fidel.label == "Fidel Castro"
    assert set(fidel.alt_labels) == {"Fidel Castro Ruz", "Castro Ruz, Fidel"}
    assert fidel.hidden_labels == ("Fidel",)
    assert (fidel.given_name, fidel.family_name, fidel.country) == ("Fidel", "Castro", "cuba")
    assert fidel.positions == (
        Position("Prime Minister of Cuba", dt.date(1959, 2, 16), dt.date(1976, 12, 2)),
    )


def test_place_fields(authority: Authority) -> None:
    havana = authority.get("place", "havana")
    assert havana is not None
    assert (havana.contained_in, havana.country, havana.place_type) == ("cuba", "cuba", "city")
    assert "La Habana" in havana.alt_labels
    cuba = authority.get("place", "cuba")
    assert cuba is not None and set(cuba.hidden_labels) == {"Cuban", "Cubans"}


@pytest.mark.parametrize(
    ("text", "kind", "slugs"),
    [
        ("fidel castro ruz", None, ["castro-ruz-fidel"]),
        ("CASTRO RUZ, FIDEL", "person", ["castro-ruz-fidel"]),
        ("OAS", "organization", ["oas"]),
        ("OAS", "place", []),
        ("Santiago", "place", ["santiago-de-chile", "santiago-de-cuba"]),
        ("Gomulka, Wladyslaw", None, ["gomulka-wladyslaw"]),
    ],
)
def test_by_label(authority: Authority, text: str, kind: str | None, slugs: list[str]) -> None:
    assert sorted(e.slug for e in authority.by_label(text, kind)) == slugs


@pytest.mark.parametrize(
    ("name", "slugs"),
    [
        ("Castro", ["castro-ruz-fidel", "castro-ruz-raul"]),
        ("ALEKSEYEV", ["alekseyev-aleksandr-ivanovich"]),
        ("Alekseev", ["alekseyev-aleksandr-ivanovich"]),  # transliteration variant
        ("Gomulka", ["gomulka-wladyslaw"]),  # diacritics
        ("Sukarno", ["sukarno"]),  # mononym without foaf:familyName
        ("Fidel", []),  # a given name is not a family name
    ],
)
def test_by_family_name(authority: Authority, name: str, slugs: list[str]) -> None:
    assert sorted(e.slug for e in authority.by_family_name(name)) == slugs


def test_by_hidden_label(authority: Authority) -> None:
    assert [e.slug for e in authority.by_hidden_label("Chinese", "place")] == ["china"]
    assert [e.slug for e in authority.by_hidden_label("wieslaw")] == ["gomulka-wladyslaw"]
    assert len(authority.by_hidden_label("Raul", "person")) == 2
    assert authority.by_hidden_label("Cuban", "person") == ()


def test_relative_iris_resolve_against_another_base(tmp_path: Path) -> None:
    base = "https://example.org/kg/"
    authority = Authority.load([FIXTURE], base)
    assert authority.get("place", "cuba") is not None
    assert authority.get("person", "castro-ruz-fidel").country == "cuba"  # type: ignore[union-attr]


def test_dates_written_as_years_become_bounds() -> None:
    turtle = """
    @prefix dip: <https://w3id.org/dipkg/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <person/x-y> rdfs:label "Y X"@en ; dip:heldPosition <person/x-y/position/1> .
    <person/x-y/position/1> rdfs:label "Envoy"@en ;
        dip:earliestDate "1962"^^xsd:gYear ; dip:latestDate "1964-02" .
    """
    graph = Graph().parse(data=turtle, format="turtle", publicID=BASE)
    person = Authority.from_graph(graph, BASE).get("person", "x-y")
    assert person is not None
    assert person.positions == (Position("Envoy", dt.date(1962, 1, 1), dt.date(1964, 2, 29)),)


def test_unreadable_files_raise_source_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<person/x> rdfs:label .", encoding="utf-8")
    with pytest.raises(SourceError, match=r"broken\.ttl"):
        Authority.load([broken], BASE)
    with pytest.raises(SourceError, match=r"missing\.ttl"):
        Authority.load([tmp_path / "missing.ttl"], BASE)


def test_position_covers() -> None:
    position = Position("Ambassador", dt.date(1962, 6, 1), dt.date(1968, 1, 31))
    assert position.covers(dt.date(1963, 2, 16))
    assert not position.covers(dt.date(1961, 5, 19))
    assert Position("Ambassador").covers(dt.date(1900, 1, 1))


def test_built_from_entities_and_memo() -> None:
    entity = Entity("person", "de-gaulle-charles", "Charles de Gaulle", family_name="de Gaulle")
    authority = Authority([entity, entity])
    assert len(authority) == 1
    assert family_keys(entity) == {"de gaulle", "gaulle"}
    assert authority.by_family_name("De Gaulle") == (entity,)
    calls: list[str] = []

    def factory(value: str) -> str:
        calls.append(value)
        return value

    first = authority.memo("k", lambda: factory("value"))
    second = authority.memo("k", lambda: factory("other"))
    assert (first, second, calls) == ("value", "value", ["value"])


def test_keys() -> None:
    assert label_key("  Raúl   CASTRO ") == "raul castro"
    assert variant_key("Khrushchev") == variant_key("Hrushchev")
    assert variant_key("Kosygin") == variant_key("Kossygin")


def test_name_prefixes_are_no_family_name_keys() -> None:
    laurent = Entity("person", "st-laurent-louis", "Louis St. Laurent", family_name="St. Laurent")
    bride = Entity("person", "mac-bride-sean", "Seán Mac Bride", family_name="Mac Bride")
    assert family_keys(laurent) == {"st laurent"}
    assert family_keys(bride) == {"mac bride"}
    assert Authority([laurent, bride]).by_family_name("St") == ()
