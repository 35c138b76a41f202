"""The built bundle runs: a missing data file or hidden import shows up here, not at a clerk's
desk. Runs when SCIAPP_BUNDLE names a built bundle folder (`make package-check` does that)."""

import os
import subprocess
import time
from pathlib import Path

import pytest

from sciapp.storage.schema import HEAD

BUNDLE = os.environ.get("SCIAPP_BUNDLE", "")
pytestmark = pytest.mark.skipif(
    not BUNDLE, reason="no bundle built: run `make package-check` to build and test it"
)


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    program = Path(BUNDLE) / "sciapp"
    env = {**os.environ, "SCIAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_version_and_info_on_a_scratch_database(tmp_path):
    from sciapp import __version__

    assert run("--version", home=tmp_path).stdout.strip() == f"sciapp {__version__}"
    scratch = str(tmp_path / "scratch.sqlite3")
    assert run("--db", scratch, "info", home=tmp_path).returncode == 1  # no such file
    assert run("--db", scratch, "partnerships", "list", home=tmp_path).returncode == 0
    info = run("--db", scratch, "info", home=tmp_path)
    assert info.returncode == 0, info.stderr
    # The migrations travelled with the bundle: it reaches the newest schema.
    assert f"schema version: {int(HEAD)}" in info.stdout


def test_the_bundle_renders_with_its_own_fonts_and_data(tmp_path):
    from pypdf import PdfReader

    pdf = tmp_path / "r.pdf"
    result = run("--demo", "render", "resolution", "2022-01", "-o", str(pdf), home=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    assert "RESOLVED" in "".join(page.extract_text() for page in reader.pages)
    listing = run("--demo", "partnerships", "list", home=tmp_path)
    assert "Russia" in listing.stdout  # pycountry and babel data are in the bundle


def started(process: subprocess.Popen[str], log: Path) -> bool:
    """Waits for the app's log to say its window is up with the register open (True), or
    for the process to end first (False): an event either way, however slow the machine."""
    deadline = time.monotonic() + 180  # a hung start, not a slow one
    while time.monotonic() < deadline:
        if log.exists() and "window shown, register open" in log.read_text("utf-8", "replace"):
            return True
        try:
            process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue
        return False
    return False


def test_the_desktop_app_starts(tmp_path):
    program = Path(BUNDLE) / "sciapp"
    env = {**os.environ, "SCIAPP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([str(program), "--demo"], env=env, stderr=subprocess.PIPE, text=True)
    up = started(process, next_log(tmp_path))
    running = process.poll() is None
    process.terminate()
    _out, err = process.communicate(timeout=20)
    assert up, err
    assert running, err
    assert "Traceback" not in err


def next_log(home: Path) -> Path:
    from sciapp.config import AppPaths

    return AppPaths.under(home).log_dir / "sciapp.log"


def test_the_bundle_carries_its_icon_and_desktop_entry():
    internal = Path(BUNDLE) / "_internal"
    assert (internal / "resources" / "icons" / "sciapp-256.png").exists()
    assert (internal / "resources" / "fonts" / "LICENSE-Liberation.txt").exists()
    desktop = (internal / "share" / "org.sciapp.sciapp.desktop").read_text()
    assert "Icon=org.sciapp.sciapp" in desktop
