"""The user's settings: one small JSON file in the config folder (never pickled).

Settings that belong to the commission's record (letterhead, numbering) live in the database
instead; these belong to the person and the machine.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

SETTINGS_FILENAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    user_name: str = ""  # who the audit trail names; empty: the operating-system user
    backup_folder: str = ""  # empty: a backups/ folder beside the database
    backup_keep: int = 10  # the newest automatic backups kept
    backup_months: int = 12  # and one per month for this many months
    daily_backups: bool = True
    theme: str = "system"  # system, light or dark
    database: str = ""  # where the register lives; empty: the data folder's sciapp.sqlite3
    # A live tie nothing on record has named for this many years is "due for review" on the
    # Start page (domain/dormancy.py).
    dormant_years: int = 3
    # When entries for Sister Cities International's Annual Awards are due this round (ISO
    # date); empty: not set, and the Start page says to set it (SCI sets it each year).
    sci_awards_due: str = ""

    @property
    def actor(self) -> str:
        from sciapp.domain.text import NAME

        # The audit trail's actor column holds NAME characters on every database: a longer
        # name is cut rather than failing every save on PostgreSQL.
        return " ".join(self.user_name.split())[:NAME] or os_user()

    @property
    def awards_due(self) -> dt.date | None:
        """`sci_awards_due` as a date; None when not set."""
        return _iso_date(self.sci_awards_due)

    def database_path(self, default: Path) -> Path:
        return Path(self.database).expanduser() if self.database.strip() else default

    def backup_dir(self, db_path: Path) -> Path:
        folder = self.backup_folder.strip()
        return Path(folder).expanduser() if folder else db_path.parent / "backups"

    def with_changes(self, **changes: Any) -> Settings:  # each field's value, as `replace` takes
        return replace(self, **changes)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown user"


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def load_settings(config_dir: Path) -> Settings:
    """The saved settings; defaults for anything missing, unreadable or of the wrong type."""
    try:
        data = json.loads((config_dir / SETTINGS_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    values = {}
    for f in fields(Settings):
        value = data.get(f.name, getattr(defaults, f.name))
        wanted = type(getattr(defaults, f.name))
        if isinstance(value, wanted) and not (wanted is int and isinstance(value, bool)):
            values[f.name] = value
    settings = Settings(**values)
    if settings.theme not in ("system", "light", "dark"):
        settings = replace(settings, theme="system")
    if not 1 <= settings.dormant_years <= 50:  # domain/dormancy's bounds
        settings = replace(settings, dormant_years=defaults.dormant_years)
    if _iso_date(settings.sci_awards_due) is None:  # not a date: not set
        settings = replace(settings, sci_awards_due="")
    if settings.backup_keep < 1 or settings.backup_months < 0:
        settings = replace(settings, backup_keep=max(1, settings.backup_keep))
        settings = replace(settings, backup_months=max(0, settings.backup_months))
    return settings


def save_settings(config_dir: Path, settings: Settings) -> None:
    """Written whole or not at all: a crash or a full disk never leaves half a file."""
    from sciapp.files import private_folder, write_text_atomic

    private_folder(config_dir)  # it names the database and who works in it: the user's alone
    write_text_atomic(config_dir / SETTINGS_FILENAME, json.dumps(asdict(settings), indent=2) + "\n")
