"""`sciapp partnerships laws`: the state laws on partner countries the app ships, as a clerk
reads them (domain/partner_country_laws.py); no register is opened."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def show_laws(_parser: argparse.ArgumentParser, _args: argparse.Namespace) -> int:
    from sciapp.domain.countries import country_name
    from sciapp.domain.formats import formal_date
    from sciapp.domain.partner_country_laws import LAWS, state_label

    for law in LAWS:
        names = sorted(country_name(code) for code in law.countries)
        lines = [
            f"{state_label(law.state)}: {law.name}",
            f"  In force: {formal_date(law.effective)}",
            f"  Bars: {', '.join(act.gerund for act in law.barred)} a tie ({law.citation})",
            "  Existing ties: "
            + (
                f"must be terminated ({law.termination_citation})"
                if law.termination_required
                else "may continue"
            ),
            f"  Countries ({len(names)}"
            + (f", {law.list_as_of}" if law.list_as_of else "")
            + f"): {', '.join(names)}",
        ]
        if law.note:
            lines.append(f"  Note: {law.note}")
        sys.stdout.write("\n".join(lines) + "\n\n")
    return 0
