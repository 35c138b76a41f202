"""Where the files that travel with the app are: fonts, icons, the user guide.

In a source checkout they sit in resources/ beside the package; in a PyInstaller bundle in
resources/ inside the bundle (sys._MEIPASS). Nothing is fetched at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sciapp


def resource_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(sciapp.__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
