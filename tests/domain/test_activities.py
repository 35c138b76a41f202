"""Activities' vocabulary and money: whole cents, never floats."""

import pytest

from sciapp.domain.activities import (
    ActivityKind,
    ContactRole,
    GiftDirection,
    ParticipantRole,
    amount_text,
    chaperone_problem,
    money_text,
    parse_amount,
    parse_currency,
    spending_problem,
)


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("1,250", 125_000),
        ("1250.5", 125_050),
        ("$80.00", 8_000),
        (" .75 ", 75),
        ("0", 0),
        ("", None),
        ("$", None),
        ("1,234,567.89", 123_456_789),
    ],
)
def test_amounts_as_typed_become_cents(typed, cents):
    assert parse_amount(typed) == cents


@pytest.mark.parametrize("typed", ["-5", "1.234", "12,34", "ten", "1e5", ".", "99999999999999"])
def test_what_is_not_an_amount_is_refused_with_the_message(typed):
    with pytest.raises(ValueError, match="amount"):
        parse_amount(typed)


def test_money_is_shown_with_its_sign_or_its_code():
    assert money_text(125_000) == "$1,250.00"
    assert money_text(3_000_000, "JPY") == "¥30,000.00"
    assert money_text(505, "CHF") == "5.05 CHF"
    assert money_text(None) == "—"
    assert amount_text(None) == ""
    assert amount_text(7) == "0.07"


def test_currency_codes():
    assert parse_currency(" usd ") == "USD"
    with pytest.raises(ValueError, match="three-letter"):
        parse_currency("dollars")


def test_spending_over_budget_is_a_warning():
    assert spending_problem(100_00, 125_50) == "25.50 over budget"
    assert spending_problem(100_00, 100_00) == ""
    assert spending_problem(None, 5) == ""


def test_only_a_student_has_a_chaperone_and_it_is_one():
    student, chaperone = ParticipantRole.STUDENT, ParticipantRole.CHAPERONE
    assert chaperone_problem(student, chaperone) == ""
    assert chaperone_problem(student, None) == ""
    assert "only a student" in chaperone_problem(chaperone, chaperone)
    assert "as a chaperone" in chaperone_problem(student, ParticipantRole.HOST_FAMILY)


def test_every_choice_has_a_label():
    for choices in (ActivityKind, ParticipantRole, GiftDirection, ContactRole):
        labels = [choice.label for choice in choices]
        assert all(labels)
        assert len(set(labels)) == len(labels)
    assert ParticipantRole.HOST_FAMILY.label == "Host family"
    assert ActivityKind.OFFICIAL_DELEGATION_IN.label == "Official delegation (incoming)"


def test_cents_from_elsewhere_are_checked_too():
    from sciapp.domain.activities import MAX_CENTS, check_cents

    assert check_cents(0) == 0
    with pytest.raises(ValueError, match="negative"):
        check_cents(-1)
    with pytest.raises(ValueError, match="too large"):
        check_cents(MAX_CENTS + 1)
