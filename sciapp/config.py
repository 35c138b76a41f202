"""Where sciapp keeps its files: the one object that every layer asks for paths.

Tests (and anyone who wants a portable install) point everything at one folder with the
environment variable SCIAPP_HOME; otherwise platformdirs gives the platform's usual places.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp import APP_NAME

if TYPE_CHECKING:
    from collections.abc import Mapping

HOME_ENV = "SCIAPP_HOME"
DB_FILENAME = "sciapp.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def default_db(self) -> Path:
        return self.data_dir / DB_FILENAME

    @classmethod
    def under(cls, home: Path) -> AppPaths:
        return cls(home / "data", home / "config", home / "logs")

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if env is None else env
        home = env.get(HOME_ENV)
        if home:
            return cls.under(Path(home))
        import platformdirs  # imported here: nothing happens at import time

        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )
