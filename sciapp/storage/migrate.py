"""Run Alembic programmatically. Imported only when a migration is due."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


# Run after Alembic's scripts, on their connection and inside their transaction: the
# services' part of an upgrade (sealing what is due), which storage cannot import.
AfterUpgrade = Callable[[Connection], None]


def upgrade_to_head(engine: Engine, after: AfterUpgrade | None = None) -> None:
    """Apply every pending migration, then `after`, in one transaction: all or none."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if after is not None:
            after(connection)


def script_revisions() -> list[str]:
    """Revision ids of the migration scripts, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]
