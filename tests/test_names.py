"""kg.extract.names: cleaning personal names and resolving them in document context."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.authority import Authority
from kg.extract.names import NameResolver, PersonName, clean_person_name, name_bounds

FIXTURE = Path(__file__).parent / "fixtures" / "authority_small.ttl"
BASE = "https://w3id.org/dipkg/"


@pytest.fixture(scope="module")
def authority() -> Authority:
    return Authority.load([FIXTURE], BASE)


@pytest.fixture
def resolver(authority: Authority) -> NameResolver:
    return NameResolver(authority)


@pytest.mark.parametrize(
    ("text", "given", "family", "display"),
    [
        # inverted names and initials
        ("Darusenkov, O. T.", "O. T.", "Darusenkov", "O. T. Darusenkov"),
        ("Darusenkov O.T.", "O. T.", "Darusenkov", "O. T. Darusenkov"),
        ("A.I. Alekseyev", "A. I.", "Alekseyev", "A. I. Alekseyev"),
        ("A. I. ALEKSEYEV", "A. I.", "Alekseyev", "A. I. Alekseyev"),
        ("S.M. Kudryavtsev", "S. M.", "Kudryavtsev", "S. M. Kudryavtsev"),
        ("Yu.V. Andropov", "Yu. V.", "Andropov", "Yu. V. Andropov"),
        ("Castro Ruz, Fidel", "Fidel", "Castro Ruz", "Fidel Castro Ruz"),
        ("Kennedy, John F.", "John F.", "Kennedy", "John F. Kennedy"),
        # capitals, particles, possessives
        ("Fidel CASTRO RUZ", "Fidel Castro", "Ruz", "Fidel Castro Ruz"),
        ("Charles DE GAULLE", "Charles", "de Gaulle", "Charles de Gaulle"),
        ("O'NEILL", "", "O'Neill", "O'Neill"),
        ("Kennedy's", "", "Kennedy", "Kennedy"),
        ("Castro’s", "", "Castro", "Castro"),
        # titles and honorifics
        ("Comrade Zhang", "", "Zhang", "Zhang"),
        ("Cde. Gomułka", "", "Gomułka", "Gomułka"),
        ("Com. Novotný", "", "Novotný", "Novotný"),
        ("Tovarishch Kosygin", "", "Kosygin", "Kosygin"),
        ("Premier Khrushchev", "", "Khrushchev", "Khrushchev"),
        ("Prime Minister Nehru", "", "Nehru", "Nehru"),
        ("Ambassador Olivares", "", "Olivares", "Olivares"),
        ("CC Secretary Suslov", "", "Suslov", "Suslov"),
        ("First Secretary of the CC of the PUWP Gomułka", "", "Gomułka", "Gomułka"),
        ("Mr. Rusk", "", "Rusk", "Rusk"),
        ("Mrs. Gandhi", "", "Gandhi", "Gandhi"),
        ("Dr. Castro", "", "Castro", "Castro"),
        ("General de Gaulle", "", "de Gaulle", "de Gaulle"),
        ("Marshal Tito", "", "Tito", "Tito"),
        ("President Kennedy", "", "Kennedy", "Kennedy"),
        ("Chairman Liu Shaoqi", "Liu", "Shaoqi", "Liu Shaoqi"),
        ("Minister of Foreign Affairs Raul Roa", "Raul", "Roa", "Raul Roa"),
        ("Foreign Minister Gromyko", "", "Gromyko", "Gromyko"),
        ("the Secretary Rusk", "", "Rusk", "Rusk"),
        ("Señor Roa", "", "Roa", "Roa"),
        ("Herr Ulbricht", "", "Ulbricht", "Ulbricht"),
        ("Sen. Fulbright", "", "Fulbright", "Fulbright"),
        ("Soviet Ambassador in Cuba Alekseyev", "", "Alekseyev", "Alekseyev"),
        ("Prime Minister of India Nehru", "", "Nehru", "Nehru"),
        ("Secretary of State Dean Rusk", "Dean", "Rusk", "Dean Rusk"),
        (
            "Prime Minister of the Republic of Cuba Fidel Castro Ruz",
            "Fidel Castro",
            "Ruz",
            "Fidel Castro Ruz",
        ),
        (
            "Chairman of the Council of Ministers of the USSR N. S. Khrushchev",
            "N. S.",
            "Khrushchev",
            "N. S. Khrushchev",
        ),
        (
            "USSR AMBASSADOR IN THE REPUBLIC OF CUBA (A. ALEKSEYEV)",
            "A.",
            "Alekseyev",
            "A. Alekseyev",
        ),
        ("PRIME MINISTER OF CUBA FIDEL CASTRO", "Fidel", "Castro", "Fidel Castro"),
        # titles after the name; names that only look like titles
        ("Fidel Castro, Prime Minister of Cuba", "Fidel", "Castro", "Fidel Castro"),
        ("Fidel Castro Ruz Prime Minister", "Fidel Castro", "Ruz", "Fidel Castro Ruz"),
        ("Martin Luther King Jr.", "Martin Luther", "King", "Martin Luther King"),
        ("Amartya Sen", "Amartya", "Sen", "Amartya Sen"),
        ("Maurice Bishop", "Maurice", "Bishop", "Maurice Bishop"),
        ("King Hussein", "", "Hussein", "Hussein"),
    ],
)
def test_clean_person_name(text: str, given: str, family: str, display: str) -> None:
    name = clean_person_name(text)
    assert (name.given, name.family, name.display) == (given, family, display)


def test_clean_person_name_keeps_title_and_initials() -> None:
    assert clean_person_name("Minister of Foreign Affairs Raul Roa") == PersonName(
        "Raul", "Roa", ("R",), "Raul Roa", "Minister of Foreign Affairs"
    )
    assert clean_person_name("Yu.V. Andropov").initials == ("Yu", "V")
    assert clean_person_name("   ").family == ""
    assert clean_person_name("The Secretary") == PersonName("", "", (), "", "The Secretary")


def test_name_bounds_leaves_a_name() -> None:
    assert name_bounds(["Ambassador"]) == (0, 1)
    assert name_bounds(["Comrade", "Wiesław"]) == (1, 2)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Fidel Castro Ruz", "Fidel CASTRO", "F. Castro", "Castro", "Fidel", "Castro's"],
        ["Raúl Castro", "R. Castro", "Raul CASTRO RUZ"],
        [
            "A. I. ALEKSEYEV",
            "A.I. Alekseyev",
            "Alekseyev, A. I.",
            "Alekseev",
            "Ambassador Alekseyev",
        ],
        ["Gomułka", "Gomulka", "W. Gomulka", "Comrade Wiesław", "Gomułka, Władysław"],
        ["S.M. Kudryavtsev", "Kudryavtsev S. M.", "Sergei Kudriavtsev"],
    ],
)
def test_spellings_of_one_person_resolve_to_one_slug(
    authority: Authority, spellings: list[str]
) -> None:
    resolver = NameResolver(authority)
    results = [resolver.person(s) for s in spellings]
    assert {r.status for r in results} == {"resolved"}, results
    assert len({r.slug for r in results}) == 1


def test_castro_after_fidel_is_fidel(resolver: NameResolver) -> None:
    assert resolver.person("Fidel CASTRO RUZ").slug == "castro-ruz-fidel"
    assert resolver.person("Castro").slug == "castro-ruz-fidel"
    assert [e.slug for e in resolver.seen_persons()] == ["castro-ruz-fidel"]


def test_raul_resolves_to_raul(resolver: NameResolver) -> None:
    assert resolver.person("Raúl Castro").slug == "castro-ruz-raul"
    assert resolver.person("R. Castro").slug == "castro-ruz-raul"


def test_bare_surname_without_context_is_ambiguous(resolver: NameResolver) -> None:
    result = resolver.person("Castro")
    assert result.status == "ambiguous"
    assert result.entity is None
    assert sorted(e.slug for e in result.candidates) == ["castro-ruz-fidel", "castro-ruz-raul"]
    assert result.slug == "castro"


def test_bare_surname_after_both_castros_is_ambiguous(resolver: NameResolver) -> None:
    resolver.person("Fidel Castro")
    resolver.person("Raúl Castro")
    assert resolver.person("Castro").status == "ambiguous"


def test_role_and_date_disambiguate(authority: Authority) -> None:
    resolver = NameResolver(authority, date=dt.date(1961, 5, 19))
    result = resolver.person("Castro", role="Prime Minister of the Republic of Cuba")
    assert (result.status, result.slug) == ("resolved", "castro-ruz-fidel")
    # the role can come with the name itself
    fresh = NameResolver(authority, date=dt.date(1961, 5, 19))
    assert fresh.person("Prime Minister Castro").slug == "castro-ruz-fidel"


def test_country_alone_does_not_separate_two_cubans(authority: Authority) -> None:
    resolver = NameResolver(authority, country="cuba")
    assert resolver.person("Castro").status == "ambiguous"


def test_date_outside_every_position_gives_no_evidence(authority: Authority) -> None:
    resolver = NameResolver(authority, date=dt.date(1950, 1, 1))
    assert resolver.person("Castro", role="Chief").status == "ambiguous"


def test_hidden_given_name_only_when_unique(resolver: NameResolver) -> None:
    assert resolver.person("Fidel").slug == "castro-ruz-fidel"
    assert resolver.person("Comrade Wiesław").slug == "gomulka-wladyslaw"
    result = resolver.person("Raúl")  # Raúl Castro and Raúl Leoni
    assert result.status == "ambiguous"
    assert len(result.candidates) == 2


def test_surname_shared_with_a_new_person_is_ambiguous(resolver: NameResolver) -> None:
    assert resolver.person("Robert F. Kennedy").status == "new"
    result = resolver.person("Kennedy")
    assert (result.status, [e.slug for e in result.candidates]) == (
        "ambiguous",
        ["kennedy-john-f"],
    )


def test_an_office_alone_is_not_a_person(resolver: NameResolver) -> None:
    result = resolver.person("The President")
    assert (result.status, result.entity, result.slug) == ("ambiguous", None, "the-president")


def test_incompatible_given_name_is_a_new_person(resolver: NameResolver) -> None:
    result = resolver.person("Robert Kennedy")
    assert (result.status, result.slug, result.entity) == ("new", "kennedy-robert", None)


def test_new_person_spellings_share_a_minted_slug(resolver: NameResolver) -> None:
    first = resolver.person("Darusenkov, O. T.")
    assert (first.status, first.slug, first.display) == (
        "new",
        "darusenkov-o-t",
        "O. T. Darusenkov",
    )
    assert resolver.person("O. T. Darusenkov").slug == "darusenkov-o-t"
    assert resolver.person("DARUSENKOV").slug == "darusenkov-o-t"
    assert resolver.person("Oleg T. Darusenkov").slug == "darusenkov-o-t"
    assert resolver.person("B. Darusenkov").slug == "darusenkov-b"
    assert resolver.new_persons() == {
        "darusenkov-o-t": "Oleg T. Darusenkov",
        "darusenkov-b": "B. Darusenkov",
    }
    assert resolver.person("Darusenkov").status == "ambiguous"  # two Darusenkovs now


def test_minted_slugs_are_stable_across_documents(authority: Authority) -> None:
    one, two = NameResolver(authority), NameResolver(authority)
    assert one.person("S. P. Ivanov").slug == two.person("S.P. IVANOV").slug == "ivanov-s-p"
    assert one.person("Darusenkov, O. T.").slug == "darusenkov-o-t"
    assert two.person("O. T. Darusenkov").slug == "darusenkov-o-t"
    assert one.person("Minister of Foreign Affairs Raul Roa").slug == "roa-raul"


def test_organizations_and_places(authority: Authority) -> None:
    resolver = NameResolver(authority)
    assert resolver.organization("the OAS").slug == "oas"
    assert resolver.organization("Organization of American States").status == "resolved"
    assert resolver.place("Republic of Cuba").slug == "cuba"
    assert resolver.place("Cuban").status == "new"  # demonyms only in running text
    assert resolver.place("Santiago").status == "ambiguous"
    in_cuba = NameResolver(authority, country="cuba")
    assert in_cuba.place("Santiago").slug == "santiago-de-cuba"
    unknown = resolver.organization("Warsaw Pact")
    assert (unknown.status, unknown.slug) == ("new", "warsaw-pact")
