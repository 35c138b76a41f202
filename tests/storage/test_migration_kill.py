import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROUNDS = 100
FIXTURES = Path(__file__).with_name("fixtures")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    "revision",
    [
        "0004",  # before seals: the upgrade seals every approved record
        "0006",  # seals without snapshots: the upgrade re-makes them with snapshots
    ],
)
def test_a_first_start_killed_at_any_moment_leaves_every_approved_record_sealed(tmp_path, revision):
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.storage.migration_kill_harness",
            str(FIXTURES / f"schema-{revision}.sqlite3"),
            str(tmp_path),
            str(ROUNDS),
            "20261201",
        ],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "SCIAPP_HOME": str(tmp_path / "home")},
        timeout=580,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["failures"] == []
    assert outcome["rounds"] == ROUNDS
    # Most kills land inside the upgrade: its span was measured on this machine first.
    assert outcome["stages"]["killed before it opened"] >= ROUNDS // 2
