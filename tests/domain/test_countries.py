import pytest

from sciapp.domain.countries import all_countries, country_name, resolve_country


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("RU", "RU"),
        ("rus", "RU"),
        ("643", "RU"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("south korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("Tanzania", "TZ"),
        ("  Japan ", "JP"),
    ],
)
def test_resolves_codes_iso_names_and_common_names(text, code):
    assert resolve_country(text) == code


@pytest.mark.parametrize("text", ["", "Atlantis", "XX"])
def test_unknown_countries_resolve_to_none(text):
    assert resolve_country(text) is None


def test_names_follow_the_locale():
    assert country_name("RU") == "Russia"
    assert country_name("RU", "de_DE") == "Russland"
    assert country_name("JP", "ja_JP") == "日本"
    assert country_name("RU", "xx_invalid") == "Russia"
    assert country_name("QQ") == "QQ"


def test_all_countries_is_sorted_by_localized_name():
    countries = all_countries("en_US")
    assert len(countries) >= 249
    names = [name for _code, name in countries]
    assert names == sorted(names, key=str.casefold)
    assert ("KR", "South Korea") in countries


def test_a_two_letter_code_reads_as_the_full_index_reads_it():
    from sciapp.domain.countries import _alpha_2, _lookup_index

    index = _lookup_index()
    assert all(index[key] == code for key, code in _alpha_2().items())
    assert not any(len(key) == 2 and key not in _alpha_2() for key in index)
