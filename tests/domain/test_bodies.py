import datetime as dt

import pytest

from sciapp.domain.bodies import (
    BodyKind,
    Office,
    Profile,
    QuorumRule,
    Term,
    check_term,
    roster,
)
from sciapp.domain.errors import InvalidInputError

D = dt.date


def test_quorum_is_a_majority_of_members_in_office_by_default():
    assert QuorumRule().required(seats=9, voting_in_office=8) == 5
    assert QuorumRule().required(seats=9, voting_in_office=9) == 5
    assert QuorumRule().required(seats=9, voting_in_office=6) == 4
    assert QuorumRule(count_seats=True).required(seats=9, voting_in_office=6) == 5
    assert QuorumRule(fixed=3).required(seats=9, voting_in_office=8) == 3
    assert QuorumRule().describe() == "a majority of members in office"
    assert QuorumRule(count_seats=True).describe() == "a majority of the seats"
    assert QuorumRule(fixed=3).describe() == "a fixed quorum of 3"


def test_one_persons_terms_may_not_overlap():
    first = Term("Ana Ruiz", D(2020, 7, 1), D(2023, 6, 30), seat=1)
    check_term(Term("Ana Ruiz", D(2023, 7, 1), D(2026, 6, 30), seat=1), [first], 9)
    with pytest.raises(InvalidInputError) as info:
        check_term(Term("ana  ruiz", D(2023, 1, 1), None, seat=2), [first], 9)
    assert "overlaps Ana Ruiz's term" in info.value.errors["term_start"]


def test_a_seat_is_not_held_twice_at_once():
    holder = Term("Ana Ruiz", D(2020, 7, 1), None, seat=3)
    with pytest.raises(InvalidInputError) as info:
        check_term(Term("Bo Lee", D(2024, 1, 1), D(2025, 1, 1), seat=3), [holder], 9)
    assert info.value.errors == {"seat": "seat 3 is held by Ana Ruiz at that time"}
    check_term(Term("Bo Lee", D(2024, 1, 1), None, seat=4), [holder], 9)
    check_term(Term("Cy Fox", D(2024, 1, 1), None), [holder], 9)  # no seat number


def test_term_field_errors():
    with pytest.raises(InvalidInputError) as info:
        check_term(Term(" ", D(2024, 1, 1), D(2023, 1, 1), seat=10), [], 9)
    assert info.value.errors == {
        "name": "enter the member's name",
        "term_end": "the term cannot end before it starts",
        "seat": "the body has seats 1 to 9",
    }


def test_roster_counts_vacancies_and_terms_ending_within_90_days():
    today = D(2026, 11, 22)
    terms = [
        Term("A", D(2020, 1, 1), D(2027, 1, 15)),
        Term("B", D(2020, 1, 1), D(2028, 1, 1)),
        Term("C", D(2020, 1, 1), D(2026, 1, 1)),  # ended
        Term("D", D(2020, 1, 1), None, voting=False),
        Term("E", D(2020, 1, 1), D(2026, 12, 1)),
    ]
    result = roster(terms, seats=5, on=today)
    assert (result.in_office, result.voting_in_office, result.vacancies) == (4, 3, 2)
    assert [t.person for t in result.ending_soon] == ["E", "A"]


def test_labels():
    assert BodyKind.COUNCIL.label == "City council"
    assert Profile.MICHIGAN.label == "Michigan (OMA)"
    assert Office.VICE_CHAIR.label == "Vice chair"
