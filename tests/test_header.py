"""kg.extract.header: the title and heading grammar, on a table of varied titles."""

from __future__ import annotations

import pytest

from kg.concepts import DocumentType
from kg.extract.header import (
    TitleParts,
    classify_document_type,
    is_organization,
    parse_person,
    parse_title,
    split_name_and_role,
    split_people,
)
from kg.sources.wilson import NamedRole

N = NamedRole

TITLES: list[tuple[str, TitleParts]] = [
    (
        "From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with Prime Minister of "
        "the Republic of Cuba Fidel Castro Ruz, 19 May 1961'",
        TitleParts(
            "Record of a Conversation",
            "S.M. Kudryavtsev",
            None,
            [N("Fidel Castro Ruz", "Prime Minister of the Republic of Cuba")],
            "19 May 1961",
        ),
    ),
    (
        "From the Journal of A.I. Alekseyev, 'Record of a Conversation with Fidel Castro Ruz, "
        "Prime Minister of the Republic of Cuba, 16 February 1963'",
        TitleParts(
            "Record of a Conversation",
            "A.I. Alekseyev",
            None,
            [N("Fidel Castro Ruz", "Prime Minister of the Republic of Cuba")],
            "16 February 1963",
        ),
    ),
    (
        "Record of Conversation between Mao Zedong and Kim Il Sung",
        TitleParts(
            "Record of Conversation", None, None, [N("Mao Zedong"), N("Kim Il Sung")], between=True
        ),
    ),
    (
        "Memorandum of Conversation between Soviet Ambassador A. Puzanov and Kim Il Sung, "
        "12 March 1958",
        TitleParts(
            "Memorandum of Conversation",
            None,
            None,
            [N("A. Puzanov", "Soviet Ambassador"), N("Kim Il Sung")],
            "12 March 1958",
            between=True,
        ),
    ),
    (
        "From the Diary of P.F. Yudin, 'Record of a Conversation with Mao Zedong, 31 March 1958'",
        TitleParts(
            "Record of a Conversation", "P.F. Yudin", None, [N("Mao Zedong")], "31 March 1958"
        ),
    ),
    (
        "From the Diary of Soviet Ambassador to the DPRK A.M. Puzanov, 'Record of a Conversation "
        "with Premier Kim Il Sung and Minister of Foreign Affairs Nam Il, 28 March 1960'",
        TitleParts(
            "Record of a Conversation",
            "A.M. Puzanov",
            "Soviet Ambassador to the DPRK",
            [N("Kim Il Sung", "Premier"), N("Nam Il", "Minister of Foreign Affairs")],
            "28 March 1960",
        ),
    ),
    (
        "From the Diary of V.S. Tolstikov, 2 March 1966",
        TitleParts("Diary", "V.S. Tolstikov", None, [], "2 March 1966"),
    ),
    (
        "Telegram from the Hungarian Embassy in Pyongyang to the Hungarian Foreign Ministry",
        TitleParts(
            "Telegram",
            None,
            None,
            [],
            None,
            "Hungarian Foreign Ministry",
            issuer="Hungarian Embassy in Pyongyang",
        ),
    ),
    (
        "Telegram from Soviet Ambassador to Cuba A. Alekseyev to the USSR Foreign Ministry, "
        "12 March 1963",
        TitleParts(
            "Telegram",
            "A. Alekseyev",
            "Soviet Ambassador to Cuba",
            [],
            "12 March 1963",
            "USSR Foreign Ministry",
        ),
    ),
    (
        "Letter from Nikita Khrushchev to Fidel Castro",
        TitleParts("Letter", "Nikita Khrushchev", None, [], None, "Fidel Castro"),
    ),
    (
        "Minutes of Conversation between Mao Zedong and Kim Il Sung (Excerpt)",
        TitleParts(
            "Minutes of Conversation", None, None, [N("Mao Zedong"), N("Kim Il Sung")], between=True
        ),
    ),
    (
        "Record of a Conversation of Soviet Ambassador to the DRV L. Sokolov with Premier Pham "
        "Van Dong, 2 March 1960",
        TitleParts(
            "Record of a Conversation",
            "L. Sokolov",
            "Soviet Ambassador to the DRV",
            [N("Pham Van Dong", "Premier")],
            "2 March 1960",
        ),
    ),
    (
        "Record of a Conversation with Prime Minister Zhou Enlai and Foreign Minister Chen Yi",
        TitleParts(
            "Record of a Conversation",
            None,
            None,
            [N("Zhou Enlai", "Prime Minister"), N("Chen Yi", "Foreign Minister")],
        ),
    ),
    (
        "Cable from Ambassador Zhang Wenjin to the Foreign Ministry, 'Conversation with Kim Il "
        "Sung'",
        TitleParts(
            "Cable",
            "Zhang Wenjin",
            "Ambassador",
            [N("Kim Il Sung")],
            None,
            "Foreign Ministry",
        ),
    ),
    (
        "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry",
        TitleParts(
            "Report",
            None,
            None,
            [],
            None,
            "Hungarian Foreign Ministry",
            issuer="Embassy of Hungary in North Korea",
        ),
    ),
    (
        "Memorandum of Conversation, Khrushchev and Kennedy",
        TitleParts("Memorandum of Conversation", None, None, [N("Khrushchev"), N("Kennedy")]),
    ),
    (
        "Notes on a Conversation with Todor Zhivkov on 5 June 1962",
        TitleParts("Notes on a Conversation", None, None, [N("Todor Zhivkov")], "5 June 1962"),
    ),
    (
        "Record of Conversation between Polish Ambassador to the DRV Jerzy Siedlecki and First "
        "Secretary of the Vietnam Workers' Party Le Duan, 3 December 1965",
        TitleParts(
            "Record of Conversation",
            None,
            None,
            [
                N("Jerzy Siedlecki", "Polish Ambassador to the DRV"),
                N("Le Duan", "First Secretary of the Vietnam Workers' Party"),
            ],
            "3 December 1965",
            between=True,
        ),
    ),
    (
        "Memorandum of Conversation between Chargé d'Affaires of the GDR in the DRV Hans "
        "Müller and Deputy Foreign Minister Hoang Van Tien, June 4, 1964",
        TitleParts(
            "Memorandum of Conversation",
            None,
            None,
            [
                N("Hans Müller", "Chargé d'Affaires of the GDR in the DRV"),
                N("Hoang Van Tien", "Deputy Foreign Minister"),
            ],
            "June 4, 1964",
            between=True,
        ),
    ),
    (
        "Letter from Walter Ulbricht to the CC CPSU",
        TitleParts("Letter", "Walter Ulbricht", None, [], None, "CC CPSU"),
    ),
    (
        "Telegram from the Soviet Embassy in Beijing to the Ministry of Foreign Affairs of the "
        "USSR, 'Conversation with Chen Yi', 3 May 1959",
        TitleParts(
            "Telegram",
            None,
            None,
            [N("Chen Yi")],
            "3 May 1959",
            "Ministry of Foreign Affairs of the USSR",
            issuer="Soviet Embassy in Beijing",
        ),
    ),
    (
        "Report, Hungarian Legation in Havana, 'Conversation with Ernesto Guevara, President of "
        "the National Bank of Cuba', December 9, 1960",
        TitleParts(
            "Report",
            None,
            None,
            [N("Ernesto Guevara", "President of the National Bank of Cuba")],
            "December 9, 1960",
            issuer="Hungarian Legation in Havana",
        ),
    ),
    (
        "From the Journal of V.I. Kochemasov, 'Record of Conversation between Ambassador V.I. "
        "Kochemasov and General Secretary E. Honecker, 4 September 1987'",
        TitleParts(
            "Record of Conversation",
            "V.I. Kochemasov",
            None,
            [N("E. Honecker", "General Secretary")],
            "4 September 1987",
            between=True,
        ),
    ),
    ("Khrushchev's Speech at the Plenum", TitleParts()),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t[:50] for t, _ in TITLES])
def test_parse_title(title: str, expected: TitleParts) -> None:
    assert parse_title(title) == expected


def test_parse_title_ignores_markdown_and_quotes() -> None:
    plain = parse_title("Record of a Conversation with Kim Il Sung, 12 March 1963")
    assert parse_title('**"Record of a Conversation with Kim Il Sung,\n12 March 1963"**') == plain


ROLES: list[tuple[str, NamedRole]] = [
    (
        "Prime Minister of the Republic of Cuba Fidel Castro Ruz",
        N("Fidel Castro Ruz", "Prime Minister of the Republic of Cuba"),
    ),
    (
        "Fidel Castro Ruz, Prime Minister of the Republic of Cuba",
        N("Fidel Castro Ruz", "Prime Minister of the Republic of Cuba"),
    ),
    (
        "Fidel CASTRO RUZ Prime Minister of the Republic of Cuba",
        N("Fidel CASTRO RUZ", "Prime Minister of the Republic of Cuba"),
    ),
    ("the Chairman of the PRC Mao Zedong", N("Mao Zedong", "Chairman of the PRC")),
    ("Comrade Kim Il Sung", N("Kim Il Sung")),
    (
        "Ambassador of Hungary to the USSR J. Kiss",
        N("J. Kiss", "Ambassador of Hungary to the USSR"),
    ),
    ("Minister of Foreign Affairs Chen Yi", N("Chen Yi", "Minister of Foreign Affairs")),
    ("Hungarian Ambassador Ferenc Münnich", N("Ferenc Münnich", "Hungarian Ambassador")),
    ("Czechoslovak Ambassador Jan Koucky", N("Jan Koucky", "Czechoslovak Ambassador")),
    ("Soviet Ambassador S.V. Chervonenko", N("S.V. Chervonenko", "Soviet Ambassador")),
    (
        "First Secretary of the CC CPSU N.S. Khrushchev",
        N("N.S. Khrushchev", "First Secretary of the CC CPSU"),
    ),
    (
        "Chargé d'Affaires of the GDR in the DRV Hans Müller",
        N("Hans Müller", "Chargé d'Affaires of the GDR in the DRV"),
    ),
    (
        "Secretary General of the United Nations U Thant",
        N("U Thant", "Secretary General of the United Nations"),
    ),
    (
        "Minister of Foreign Affairs of the Hungarian People's Republic János Péter",
        N("János Péter", "Minister of Foreign Affairs of the Hungarian People's Republic"),
    ),
    (
        "Deputy Head of the Department of Socialist Countries of the Ministry of Foreign Affairs "
        "of Hungary István Sebes",
        N(
            "István Sebes",
            "Deputy Head of the Department of Socialist Countries of the Ministry of Foreign "
            "Affairs of Hungary",
        ),
    ),
    (
        "Chairman of the Council of Ministers of the USSR A.N. Kosygin",
        N("A.N. Kosygin", "Chairman of the Council of Ministers of the USSR"),
    ),
    ("Premier of the DRV PHAM VAN DONG", N("PHAM VAN DONG", "Premier of the DRV")),
    ("Minister of Heavy Industry Wang Heshou", N("Wang Heshou", "Minister of Heavy Industry")),
    ("Zhou Enlai (Premier of the PRC)", N("Zhou Enlai", "Premier of the PRC")),
    ("General Vo Nguyen Giap", N("Vo Nguyen Giap", "General")),
    (
        "Marshal of the Soviet Union R. Ya. Malinovsky",
        N("R. Ya. Malinovsky", "Marshal of the Soviet Union"),
    ),
    ("Kim Il Sung", N("Kim Il Sung")),
    ("the Hungarian Embassy in Pyongyang", N("Hungarian Embassy in Pyongyang")),
    (
        "head of the Department of the USSR and Eastern Europe Kang Liming",
        N("Kang Liming", "head of the Department of the USSR and Eastern Europe"),
    ),
    ("Ambassador of North Korea Ri Sin-pal", N("Ri Sin-pal", "Ambassador of North Korea")),
    (
        "Minister-Counsellor of the Embassy A. P. Zverev",
        N("A. P. Zverev", "Minister-Counsellor of the Embassy"),
    ),
    (
        "Member of the Politburo, Secretary of the CC SED H. Axen",
        N("H. Axen", "Member of the Politburo, Secretary of the CC SED"),
    ),
    (
        "the group leader of the Soviet town-planning specialists V. I. Baranov",
        N("V. I. Baranov", "leader of the Soviet town-planning specialists"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLES, ids=[t[:40] for t, _ in ROLES])
def test_split_name_and_role(text: str, expected: NamedRole) -> None:
    assert split_name_and_role(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Soviet Embassy in Beijing", True),
        ("Embassy of Hungary in Hanoi", True),
        ("USSR Ministry of Foreign Affairs", True),
        ("CC CPSU", True),
        ("Central Committee of the Polish United Workers' Party", True),
        ("Minister of Foreign Affairs", False),  # an office stands for its holder
        ("Foreign Minister János Péter", False),
        ("Ernesto Guevara", False),
    ],
)
def test_is_organization(text: str, expected: bool) -> None:
    assert is_organization(text) is expected


def test_an_office_alone_has_no_name() -> None:
    assert parse_person("Minister of Foreign Affairs") == (None, "Minister of Foreign Affairs")
    assert parse_person("Hungarian Ambassador") == (None, "Hungarian Ambassador")
    assert parse_person("the Hungarian Embassy in Pyongyang") == (None, None)


PEOPLE: list[tuple[str, list[NamedRole]]] = [
    (
        "Prime Minister Zhou Enlai and Foreign Minister Chen Yi",
        [N("Zhou Enlai", "Prime Minister"), N("Chen Yi", "Foreign Minister")],
    ),
    (
        "Zhou Enlai, Premier of the State Council, and Foreign Minister Chen Yi",
        [N("Zhou Enlai", "Premier of the State Council"), N("Chen Yi", "Foreign Minister")],
    ),
    (
        "Kim Il Sung, Chairman of the Cabinet of Ministers of the DPRK, and Pak Seong-cheol, "
        "Minister of Foreign Affairs",
        [
            N("Kim Il Sung", "Chairman of the Cabinet of Ministers of the DPRK"),
            N("Pak Seong-cheol", "Minister of Foreign Affairs"),
        ],
    ),
    (
        "Chairman of the Council of Ministers and Minister of Foreign Affairs of the DRV Pham Van "
        "Dong",
        [
            N(
                "Pham Van Dong",
                "Chairman of the Council of Ministers and Minister of Foreign Affairs of the DRV",
            )
        ],
    ),
    (
        "Vice Premier and Minister of Foreign Affairs Chen Yi",
        [N("Chen Yi", "Vice Premier and Minister of Foreign Affairs")],
    ),
    (
        "Minister of Foreign Affairs and Trade Ri Ju-yon",
        [N("Ri Ju-yon", "Minister of Foreign Affairs and Trade")],
    ),
    (
        "Mao Zedong, Liu Shaoqi, Zhou Enlai and others",
        [N("Mao Zedong"), N("Liu Shaoqi"), N("Zhou Enlai")],
    ),
    (
        "Comrade Kim Il Sung, Comrade Rolf Kessler (Second Secretary, interpreter)",
        [N("Kim Il Sung"), N("Rolf Kessler", "Second Secretary interpreter")],
    ),
    (
        "Premier of the Cabinet of Ministers of the DPRK KIM IL SUNG and Minister of Foreign "
        "Affairs NAM IL",
        [
            N("KIM IL SUNG", "Premier of the Cabinet of Ministers of the DPRK"),
            N("NAM IL", "Minister of Foreign Affairs"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE, ids=[t[:40] for t, _ in PEOPLE])
def test_split_people(text: str, expected: list[NamedRole]) -> None:
    assert split_people(text) == expected


DOCUMENT_TYPES: list[tuple[str, str | None]] = [
    (
        "From the Journal of S.M. Kudryavtsev, 'Record of a Conversation with X'",
        "record-of-conversation",
    ),
    (
        "From the Diary of P.F. Yudin, 'Record of a Conversation with Mao Zedong'",
        "record-of-conversation",
    ),
    ("From the Diary of V.S. Tolstikov, 2 March 1966", "diary-entry"),
    ("MEMORANDUM OF CONVERSATION", "memorandum-of-conversation"),
    ("Memorandum of Conversation between Khrushchev and Kennedy", "memorandum-of-conversation"),
    ("Minutes of Conversation between Mao Zedong and Kim Il Sung", "minutes"),
    ("Conversation between Mao Zedong and Ho Chi Minh", "record-of-conversation"),
    ("Notes on a Conversation with Todor Zhivkov", "record-of-conversation"),
    ("Ciphered Telegram from Beijing", "telegram"),
    ("Cable from the Chinese Embassy in Hanoi, 'Conversation with Pham Van Dong'", "telegram"),
    ("Letter from Nikita Khrushchev to Fidel Castro", "letter"),
    ("Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry", "report"),
    ("Memorandum from the Chinese Foreign Ministry", "memorandum"),
    ("Editorial Note", "editorial-note"),
    ("National Intelligence Estimate 11-4-63", "intelligence-estimate"),
    ("Speech by Zhou Enlai", "other"),
    ("Khrushchev and Mao", None),
]


@pytest.mark.parametrize(("text", "slug"), DOCUMENT_TYPES, ids=[t[:40] for t, _ in DOCUMENT_TYPES])
def test_classify_document_type(text: str, slug: str | None) -> None:
    assert classify_document_type(text) == slug
    if slug is not None:
        assert DocumentType(slug)  # always a slug of the closed vocabulary
