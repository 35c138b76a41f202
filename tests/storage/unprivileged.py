"""Run Python as a user the file permissions apply to.

Root ignores them (CAP_DAC_OVERRIDE), and CI often runs as root: there the child runs with
every capability dropped (`setpriv`), so a read-only file or folder refuses it as it would
refuse a clerk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def prefix() -> list[str]:
    if os.name != "posix":
        pytest.skip("file modes are POSIX here")
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all"]


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -c code args` as an ordinary user; prints go to the result's stdout."""
    return subprocess.run(
        [*prefix(), sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix(), sys.executable, "-m", "sciapp", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
