"""The passages a document prints in a language of its own: each partner city's name in its
own script (partnership.partner_city_native), in its country's language (CLDR's official
languages, through babel: Санкт-Петербург ru, 大津市 ja). A tagged PDF marks each with
its /Lang, so a screen reader says it in that language, not in English."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.services.reports.sources import ReportSources


def native_names(session: Session) -> tuple[tuple[str, str], ...]:
    """(name in its own script, BCP 47 language) for every partner city that has one."""
    from babel.languages import get_official_languages
    from sqlalchemy import select

    from sciapp.storage.models import Partnership

    rows = session.execute(
        select(Partnership.partner_city_native, Partnership.partner_country)
        .where(Partnership.partner_city_native != "")
        .distinct()
    )
    found: dict[str, str] = {}
    for native, country in rows:
        languages = get_official_languages(country.upper(), de_facto=True) if country else ()
        if languages and native.strip():
            found.setdefault(native.strip(), languages[0].replace("_", "-"))
    return tuple(sorted(found.items()))


def passages(workspace: ReportSources) -> tuple[tuple[str, str], ...]:
    with workspace.db.session() as session:
        return native_names(session)
