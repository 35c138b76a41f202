"""parse_columns agrees with parse_partnership: a row it vouches for gets exactly the values
parse_partnership gives, and every row parse_partnership refuses is one it doubts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.partnership import PartnershipDraft, parse_partnership
from sciapp.domain.partnership_columns import parse_columns
from sciapp.domain.text import already_clean_names, already_clean_texts, clean_name, clean_text

FIELDS = ("kind", "partner_city", "partner_country", "local_jurisdiction",
          "partner_city_native", "established", "notes")  # fmt: skip
SAMPLES = {
    "kind": ["sister", "Sister City", "friendship", "twin", "", " sister "],
    "partner_city": ["Otsu", "Kraków", " Graz", "St.  Petersburg", "", "Bad\x07Bell", "x" * 201],
    "partner_country": ["JP", "Japan", "jpn", "Atlantis", "", " pl "],
    "local_jurisdiction": ["", "Lansing", "East\tLansing", "Ot\u200bsu"],
    "partner_city_native": ["", "大津市", "Санкт-Петербург", "e\u0301"],
    "established": ["", "1968", "1968-05", "1968-13", "68", "2022-02-30"],
    "notes": ["", "note", "two\nlines", "bell\x07", "n" * 20_001, "  padded  "],
}
rows = st.lists(st.fixed_dictionaries({f: st.sampled_from(SAMPLES[f]) for f in FIELDS}))


@settings(max_examples=200, deadline=None)
@given(rows)
def test_a_row_vouched_for_is_parsed_as_parse_partnership_parses_it(drafts):
    texts = {f: [d[f] for d in drafts] for f in FIELDS}
    values, doubtful = parse_columns(texts, len(drafts))
    for index, raw in enumerate(drafts):
        try:
            data = parse_partnership(PartnershipDraft(**raw, no_expiry=True))
        except InvalidInputError:
            assert index in doubtful, raw
            continue
        if index in doubtful:
            continue  # allowed: parse_partnership judges it and finds nothing
        for name, column in values.items():
            assert column[index] == getattr(data, name), (name, raw)


def test_absent_columns_are_empty_in_every_row():
    values, doubtful = parse_columns({"kind": ["sister"], "partner_city": ["Otsu"],
                                      "partner_country": ["JP"]}, 1)  # fmt: skip
    assert doubtful == set()
    assert values["notes"] == [""]
    assert values["partner_region"] == [""]
    assert values["established"] == [None]


@given(st.lists(st.text(max_size=12)))
def test_already_clean_means_clean_name_changes_nothing(texts):
    if already_clean_names(texts, 10):
        assert [clean_name(t, 10) for t in texts] == texts


@given(st.lists(st.text(max_size=12)))
def test_already_clean_texts_means_clean_text_accepts_each(texts):
    if already_clean_texts(texts, 10):
        assert [clean_text(t, 10) for t in texts] == texts
    assert already_clean_names([])
    assert already_clean_texts([])
    assert not already_clean_names(["a", "b\nc"])  # a break inside a value
    assert not already_clean_texts(["\x07"])
