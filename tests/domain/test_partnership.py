import pytest

from sciapp.domain.dates import PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.partnership import Kind, PartnershipDraft, identity_key, parse_partnership


def draft(**changes):
    base = {"kind": "sister", "partner_city": "Otsu", "partner_country": "Japan"}
    return PartnershipDraft(**{**base, **changes})


def errors_of(d):
    with pytest.raises(InvalidInputError) as info:
        parse_partnership(d)
    return info.value.errors


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("sister", Kind.SISTER),
        ("Sister City", Kind.SISTER),
        ("SISTER_CITY", Kind.SISTER),
        ("friendship", Kind.FRIENDSHIP),
        ("Friendship-City", Kind.FRIENDSHIP),
    ],
)
def test_kind_accepts_common_spellings(text, kind):
    assert Kind.parse(text) is kind


def test_kind_labels():
    assert Kind.SISTER.label == "Sister city"
    assert Kind.FRIENDSHIP.label == "Friendship city"


def test_a_valid_draft_is_cleaned_and_typed():
    data = parse_partnership(
        draft(
            partner_city="  St.   Petersburg ",
            partner_city_native="Санкт-Петербург",
            partner_country="Russia",
            established="1994",
            no_expiry=False,
            expires="2029-12",
            notes="  note \n",
        )
    )
    assert data.partner_city == "St. Petersburg"
    assert data.partner_country == "RU"
    assert data.established == PartialDate(1994)
    assert data.expires == PartialDate(2029, 12)
    assert data.notes == "note"


def test_no_expiry_ignores_the_end_date():
    assert parse_partnership(draft(no_expiry=True, expires="rubbish")).expires is None


def test_every_bad_field_is_named_at_once():
    errors = errors_of(
        PartnershipDraft(
            kind="twin", partner_city=" ", partner_country="Atlantis", established="68"
        )
    )
    assert errors == {
        "partner_city": "enter the partner city",
        "kind": "use sister or friendship",
        "partner_country": "no country called 'Atlantis'",
        "established": "use YYYY, YYYY-MM or YYYY-MM-DD",
    }


def test_missing_country_and_bad_dates():
    errors = errors_of(draft(partner_country="", established="2022-02-30"))
    assert errors["partner_country"] == "choose the partner's country"
    assert (
        errors["established"]
        == "day 30 does not exist in 2022-02 (use YYYY, YYYY-MM or YYYY-MM-DD)"
    )


def test_expiry_rules():
    assert "tick No expiry" in errors_of(draft(no_expiry=False))["expires"]
    errors = errors_of(draft(no_expiry=False, established="2000", expires="1999"))
    assert errors["expires"] == "must not be before the established date"
    assert "use YYYY" in errors_of(draft(no_expiry=False, expires="soon"))["expires"]


def test_length_limits():
    assert "at most 200 characters" in errors_of(draft(partner_region="x" * 201))["partner_region"]
    assert "at most 20,000 characters" in errors_of(draft(notes="x" * 20_001))["notes"]
    assert len(errors_of(draft(partner_country="Z" * 10_000))["partner_country"]) < 100


def test_control_characters_are_refused_with_the_field_named():
    errors = errors_of(draft(partner_city="Ot\x00su", partner_city_native="\x1b[2J大津市"))
    assert errors == {
        "partner_city": "must not contain control characters (found U+0000)",
        "partner_city_native": "must not contain control characters (found U+001B)",
    }
    assert "notes" in errors_of(draft(notes="bell \x07"))
    assert parse_partnership(draft(notes="line one\r\n\tline two")).notes == (
        "line one\r\n\tline two"
    )


def test_zero_width_characters_cannot_make_an_invisible_duplicate():
    plain = parse_partnership(draft())
    hidden = parse_partnership(draft(partner_city="Ot\u200bsu\ufeff"))
    assert hidden.partner_city == "Otsu"
    assert hidden.identity() == plain.identity()


def test_identity_ignores_case_and_spacing():
    a = parse_partnership(draft(local_jurisdiction="Lansing,  Michigan"))
    b = parse_partnership(draft(partner_city="OTSU", local_jurisdiction="lansing, michigan"))
    assert a.identity() == b.identity()
    assert identity_key("sister_city", "Otsu", "JP", "") != a.identity()
