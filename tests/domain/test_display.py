"""Values as the forms show them; records as the history names them."""

import pytest

from sciapp.domain.display import choice_label, display_value, record_name, record_phrase


@pytest.mark.parametrize(
    ("table", "field", "value", "shown"),
    [
        ("partnership", "kind", "sister_city", "Sister city"),
        ("partnership", "partner_country", "RU", "Russia"),
        ("partnership", "no_expiry", True, "Yes"),
        ("member", "voting", 0, "No"),
        ("partnership", "status", "suspended", "Suspended"),
        ("partnership", "established", "1994", "1994"),
        ("member", "term_end", "2027-06-30", "Jun 30, 2027"),
        ("meeting", "start_time", "19:00", "7:00\u00a0PM"),
        ("meeting", "kind", "regular", "Regular"),
        ("motion", "method", "roll_call", "Roll call"),
        ("attendance", "presence", "excused", "Excused"),
        ("resolution", "motion_id", None, "—"),
        ("letter", "to", '["City Hall", "Lansing"]', "City Hall; Lansing"),
        ("partnership", "notes", "as typed", "as typed"),
    ],
)
def test_values_are_shown_as_the_forms_show_them(table, field, value, shown):
    assert display_value(table, field, value) == shown


def test_a_reference_is_shown_by_the_name_of_what_it_refers_to():
    names = {("motion", "1"): "Suspend the tie"}
    assert display_value("resolution", "motion_id", 1, names=names) == "Suspend the tie"
    assert display_value("resolution", "motion_id", 7) == "adopted by motion no. 7"


def test_choice_labels_and_unknown_values():
    assert choice_label("partnership", "kind", "friendship_city") == "Friendship city"
    assert choice_label("partnership", "kind", "nonsense") is None
    assert choice_label("partnership", "notes", "x") is None


def test_records_are_named_in_words():
    assert record_phrase("partnership", "Otsu") == "partnership Otsu"
    assert record_phrase("meeting", "2022-03-14") == "meeting of Mar 14, 2022"
    assert record_phrase("attendance", "", "Grace Mensah") == "attendance of Grace Mensah"
    assert record_phrase("seal", "Resolution 2022-01") == "seal of Resolution 2022-01"
    assert record_phrase("resolution", "2022-01") == "resolution 2022-01"
    assert record_phrase("motion", "x" * 80).endswith("…”")
    assert record_name("letter", "2022-03-10") == "Mar 10, 2022"
