"""The words on screen: fields by their forms' labels, refusals that use them, counts."""

import pytest

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.labels import FIELD_LABELS, counted, describe_errors, field_label, yes_no


@pytest.mark.parametrize(
    ("field", "table", "label"),
    [
        ("text", "motion", "Motion"),
        ("text", "", "Motion"),
        ("seconder", "", "Seconder"),
        ("departed", "", "Left"),
        ("counts", "", "Vote counts"),
        ("partner_country", "", "Country"),
        ("no_expiry", "partnership", "No expiry"),
        ("motion_id", "resolution", "Adopted by motion"),
        ("body", "letter", "Body"),
        ("term_end", "", "Term ends"),
        ("some_new_column", "", "Some new column"),
    ],
)
def test_fields_are_named_as_their_forms_name_them(field, table, label):
    assert field_label(field, table) == label


def test_no_label_is_an_internal_name():
    for labels in FIELD_LABELS.values():
        for label in labels.values():
            assert "_" not in label, label
            assert label[:1].isupper(), label


def test_a_refusal_names_the_fields_by_their_labels():
    text = describe_errors({"text": "enter the motion's text", "seconder": "the mover cannot"})
    assert text == "Motion: enter the motion's text; Seconder: the mover cannot"
    assert describe_errors({"departed": "cannot be before the arrival"}) == (
        "Left: cannot be before the arrival"
    )


def test_the_services_refusal_says_the_labels_too():
    from sciapp.services.errors import ValidationError

    assert str(ValidationError({"counts": "no more than 9"})) == "Vote counts: no more than 9"
    assert str(ValidationError({"partner_country": "choose the partner's country"})) == (
        "Country: choose the partner's country"
    )
    assert "partner_country" in str(InvalidInputError({"partner_country": "x"}))  # the raw one


def test_counts_in_english():
    assert counted(0, "term") == "0 terms"
    assert counted(1, "term") == "1 term"
    assert counted(2, "term") == "2 terms"
    assert counted(1200, "entry", "entries") == "1,200 entries"
    assert (yes_no(True), yes_no(False)) == ("Yes", "No")
