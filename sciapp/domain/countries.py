"""ISO 3166 countries: pycountry holds the standard, CLDR (through babel) the names people use.

Users type "Russia", "South Korea" or "Tanzania"; ISO calls them "Russian Federation",
"Korea, Republic of" and "Tanzania, United Republic of". Both are accepted; the ISO alpha-2
code is what we store.
"""

from __future__ import annotations

from functools import lru_cache

from sciapp.domain.dates import babel_locale


@lru_cache(maxsize=1)
def _lookup_index() -> dict[str, str]:
    import pycountry
    from babel import Locale

    english = Locale.parse("en").territories
    index: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names: list[str | None] = [code, country.alpha_3, country.numeric, country.name]
        names += [getattr(country, a, None) for a in ("official_name", "common_name")]
        names.append(english.get(code))
        for name in names:
            if name:
                index.setdefault(name.casefold(), code)
    return index


@lru_cache(maxsize=1)
def _alpha_2() -> dict[str, str]:
    """The alpha-2 codes alone: pycountry's list, without CLDR's names (which take longer to
    load than a 20,000-row file takes to check). No name or other code is two letters, so
    the full index reads a code the same way."""
    import pycountry

    return {country.alpha_2.casefold(): country.alpha_2 for country in pycountry.countries}


@lru_cache(maxsize=4096)  # an imported register names the same few hundred countries again
def resolve_country(text: str) -> str | None:
    """The alpha-2 code for an alpha-2, alpha-3 or numeric code or an English name."""
    key = (text or "").strip().casefold()
    if len(key) == 2 and key in _alpha_2():
        return _alpha_2()[key]
    return _lookup_index().get(key) if key else None


@lru_cache(maxsize=4096)
def country_name(code: str, locale: str = "en_US") -> str:
    """The name of a country in the user's language ("Russia", "Russland"); the code if unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(babel_locale(locale)).territories
    except (UnknownLocaleError, ValueError):
        names = Locale.parse("en").territories
    if code in names:
        return names[code]
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


@lru_cache(maxsize=16)
def all_countries(locale: str = "en_US") -> tuple[tuple[str, str], ...]:
    """Every ISO 3166-1 country as (alpha-2 code, localized name), sorted by name."""
    import pycountry

    pairs = [(c.alpha_2, country_name(c.alpha_2, locale)) for c in pycountry.countries]
    return tuple(sorted(pairs, key=lambda pair: pair[1].casefold()))
