import datetime as dt

import pytest

from sciapp.domain.clauses import (
    bare,
    copies,
    day_phrase,
    meeting_phrase,
    operative,
    ordinal,
    preamble,
    punctuate,
)


@pytest.mark.parametrize(
    ("typed", "mark", "printed"),
    [
        ("the war inflicted suffering on the Ukrainian people;", ";", "on the Ukrainian people;"),
        ("a declaration of peace;.", ";", "a declaration of peace;"),
        ("sent to the Committee..", ".", "sent to the Committee."),
        ("sent to the Committee", ".", "sent to the Committee."),
        ("the people of both cities; and", ";", "the people of both cities;"),
        ("the people of both cities, and ", "; and", "the people of both cities; and"),
        ("the people of both cities ;  ", ".", "the people of both cities."),
        ("it was grand", ";", "it was grand;"),  # "and" inside a word stays
        ("bread and", ";", "bread and;"),  # no punctuation before it: part of the clause
        ("funded by the U.S.", ".", "funded by the U.S."),
        ("funded by the U.S.", ";", "funded by the U.S.;"),
        ("on Main St..", ";", "on Main St.;"),
        ('known as the "Peace Day."', ";", 'known as the "Peace Day";'),
        ('known as the "Peace Day";', ".", 'known as the "Peace Day".'),
        ("(see Exhibit A).", ";", "(see Exhibit A);"),
        ("pasted\nfrom a\n\nPDF  page;", ";", "pasted from a PDF page;"),
    ],
)
def test_a_clause_ends_with_its_mark_exactly_once(typed, mark, printed):
    assert punctuate(typed, mark).endswith(printed)
    assert punctuate(punctuate(typed, mark), mark) == punctuate(typed, mark)


def test_bare_of_nothing_but_punctuation_or_quotes():
    assert bare(" ;. ") == ""
    assert bare('"";') == '""'


def test_preamble_clauses_open_with_whereas_and_chain_with_and():
    clauses = preamble(
        [
            "Russia invaded Ukraine;",
            "Whereas, the cities have been partners since 1994; and",
            "WHEREAS the people are friends",
            "CONDEMNING the invasion & its suffering;;",
            "DEEPLY CONCERNED by the war.",
            "NATO met;",
        ]
    )
    assert [c.plain for c in clauses] == [
        "WHEREAS, Russia invaded Ukraine; and",
        "WHEREAS, the cities have been partners since 1994; and",
        "WHEREAS, the people are friends; and",
        "CONDEMNING the invasion & its suffering; and",
        "DEEPLY CONCERNED by the war; and",
        "WHEREAS, NATO met;",  # an acronym is not an opener
    ]
    assert clauses[3].opener == "CONDEMNING"
    assert clauses[0].opener == "WHEREAS"


def test_operative_clauses_are_opened_once_and_end_with_one_period():
    clauses = operative(
        [
            "the relationship is suspended;",
            "that the Clerk shall notify the partner city..",
            "BE IT FURTHER RESOLVED, that contacts stay open.",
            "now therefore be it resolved by the Council that this is odd",
            "Resolved, that it takes effect at once",
        ],
        "Lansing City Council",
    )
    assert [c.plain for c in clauses] == [
        "NOW, THEREFORE, BE IT RESOLVED by the Lansing City Council that the relationship is "
        "suspended.",
        "BE IT FURTHER RESOLVED that the Clerk shall notify the partner city.",
        "BE IT FURTHER RESOLVED that contacts stay open.",
        "NOW, THEREFORE, BE IT RESOLVED by the Council that this is odd.",
        "RESOLVED that it takes effect at once.",
    ]


def test_sections_are_numbered_once_and_capitalised():
    clauses = operative(["the tie is suspended;", "SECTION 2. the Clerk notifies."], "C", True)
    assert [c.plain for c in clauses] == [
        "SECTION 1. The tie is suspended.",
        "SECTION 2. The Clerk notifies.",
    ]


def test_copies_are_a_list_ending_with_and_and_a_period():
    clause, listed = copies(
        ["the Mayor of St. Petersburg;", "the Embassy", " ", "Sister Cities International."],
        "City Clerk",
    )
    assert clause.plain == (
        "BE IT FURTHER RESOLVED that the City Clerk send copies of this resolution to:"
    )
    assert listed == (
        "the Mayor of St. Petersburg;",
        "the Embassy; and",
        "Sister Cities International.",
    )
    clause, listed = copies(["the Mayor"], "", section=3)
    assert clause.plain == "SECTION 3. The City Clerk shall send copies of this resolution to:"
    assert listed == ("the Mayor.",)
    assert copies([], "Secretary")[1] == ()


def test_the_certificate_names_the_meeting():
    day = dt.date(2022, 3, 14)
    assert day_phrase(day) == "the 14th day of March, 2022"
    assert meeting_phrase("regular", day) == (
        "at a regular meeting held on the 14th day of March, 2022"
    )
    assert meeting_phrase("emergency", day).startswith("at an emergency meeting held on")
    assert meeting_phrase("work session", day).startswith("at a work session held on")
    assert meeting_phrase("", day).startswith("at a meeting held on")
    assert meeting_phrase("regular", None) == ""


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
        "101st",
        "111th",
    ]
