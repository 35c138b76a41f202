"""SIGKILL at random moments, a hundred times each: a writing session, CSV import, backup,
restore, archive import and documents import (tests/storage/crash_scenarios.py). After each
kill the database opens, passes check and verify, holds every step that was reported done
(the interrupted one whole or not at all), and nothing left behind blocks the next start."""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROUNDS = 100
SCENARIOS = ("writes", "csv", "backup", "restore", "archive", "documents")
ROOT = Path(__file__).resolve().parents[2]


def harness(scenario: str, folder: Path) -> dict:
    folder.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.storage.crash_harness",
            scenario,
            str(folder),
            str(ROUNDS),
            "20261201",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=500,
        check=False,
    )
    assert result.returncode == 0, f"{scenario}: {result.stderr[-3000:]}"
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
@pytest.mark.timeout(600)
def test_killed_work_loses_nothing_that_was_reported_done(tmp_path):
    # Two at a time: one per core of a small CI machine; each is its own process.
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda s: harness(s, tmp_path / s), SCENARIOS))
    for outcome in outcomes:
        name = outcome["scenario"]
        assert outcome["failures"] == [], name
        assert outcome["rounds"] == ROUNDS, name
        # Each child reported a first step before it was killed, whatever the machine's speed.
        assert outcome["reported"] >= ROUNDS, name
        assert outcome["in_flight_whole"] + outcome["in_flight_absent"] <= ROUNDS, name
    print(json.dumps(outcomes))
