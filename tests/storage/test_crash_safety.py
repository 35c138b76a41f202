import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROUNDS = 200


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
@pytest.mark.timeout(300)
def test_killed_writers_lose_nothing_that_was_reported_saved(tmp_path):
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.storage.crash_harness",
            str(tmp_path / "r.sqlite3"),
            str(ROUNDS),
            "20261123",
        ],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=280,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["failures"] == []
    assert outcome["rounds"] == ROUNDS
    # Each child reported a first commit before it was killed, whatever the machine's speed.
    assert outcome["committed"] >= ROUNDS
