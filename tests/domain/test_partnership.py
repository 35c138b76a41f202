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
    assert "under 200" in errors_of(draft(partner_region="x" * 201))["partner_region"]
    assert "under 20000" in errors_of(draft(notes="x" * 20_001))["notes"]


def test_identity_ignores_case_and_spacing():
    a = parse_partnership(draft(local_jurisdiction="Lansing,  Michigan"))
    b = parse_partnership(draft(partner_city="OTSU", local_jurisdiction="lansing, michigan"))
    assert a.identity() == b.identity()
    assert identity_key("sister_city", "Otsu", "JP", "") != a.identity()
