"""Kill sciapp's first start on a database an earlier version made (the upgrade: backup copy,
migration, sealing what is due) with SIGKILL at random moments, again and again. After each
kill the database must open, pass `check` and `verify`, and hold a seal for every approved
record: the upgrade and its sealing are one transaction.

Run by tests/storage/test_migration_kill.py in a process of its own (no Qt loaded, so that
forking is safe): `python -m tests.storage.migration_kill_harness FIXTURE FOLDER ROUNDS SEED`.
Prints JSON.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import time
from pathlib import Path

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.integrity import check_database
from sciapp.services.safekeeping.sealed_content import due_records
from sciapp.storage import migrate  # noqa: F401  (Alembic loaded before forking: a fast child)
from sciapp.storage.schema import HEAD


def first_start(path: Path, out: int) -> None:
    """The child: say it started, open (which upgrades), say how far it got."""
    os.write(out, b"started\n")
    ws = open_workspace(path, actor="first start")
    os.write(out, b"opened\n")
    ws.close()


def run_child(path: Path) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_end)
        try:
            first_start(path, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, read_end


def calibrate(fixture: Path, folder: Path) -> float:
    """How long an upgrade takes here, from the child's first report to its second: kills are
    spread over that span (and a little after), whatever the machine's speed."""
    spans = []
    for n in range(3):
        path = fresh_copy(fixture, folder / f"calibrate-{n}")
        pid, read_end = run_child(path)
        with os.fdopen(read_end, "rb") as pipe:
            pipe.readline()
            started = time.monotonic()
            pipe.readline()  # "opened": upgraded and sealed
            spans.append(time.monotonic() - started)
            pipe.read()
        os.waitpid(pid, 0)
    return sorted(spans)[len(spans) // 2]  # the median: the first child may warm caches


def fresh_copy(fixture: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    path = folder / "register.sqlite3"
    shutil.copy(fixture, path)
    return path


def check_after(path: Path) -> list[str]:
    problems: list[str] = []
    ws = open_workspace(path, actor="checker")  # a killed child's lock is stale
    try:
        if ws.revision != HEAD:
            problems.append(f"revision {ws.revision} after opening")
        report = check_database(ws.db)
        problems += [f"check: {p}" for p in report.problems]
        problems += [f"verify: {p}" for p in ws.seals.verify().problems]
        sealed = {(s.kind, s.record_id) for s in ws.seals.all()}
        with ws.db.session() as session:
            due = due_records(session)
        problems += [
            f"{label} is not sealed" for kind, rid, label in due if (kind, rid) not in sealed
        ]
        if not due:
            problems.append("the fixture holds no approved record to seal")
        with ws.db.engine.connect() as conn:
            older = conn.exec_driver_sql("SELECT count(*) FROM seal WHERE snapshot IS NULL")
            if older.scalar():
                problems.append("a seal made before snapshots was not re-made with one")
    finally:
        ws.close()
    return problems


def main() -> int:
    fixture, folder = Path(sys.argv[1]), Path(sys.argv[2])
    rounds, seed = int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    # Once in this process first, so that every child is forked with the same modules loaded.
    failures = [f"warm-up: {p}" for p in check_after(fresh_copy(fixture, folder / "warm-up"))]
    span = calibrate(fixture, folder)
    stages = {"killed before it opened": 0, "killed after it opened": 0}
    for round_no in range(rounds):
        path = fresh_copy(fixture, folder / f"round-{round_no}")
        pid, read_end = run_child(path)
        with os.fdopen(read_end, "rb") as pipe:
            if pipe.readline() != b"started\n":  # the kill comes only once it has started
                failures.append(f"round {round_no}: the child died before it started")
            time.sleep(rng.uniform(0.0, span * 1.1))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            reached = pipe.read().split()
        stages["killed after it opened" if b"opened" in reached else "killed before it opened"] += 1
        failures += [f"round {round_no}: {p}" for p in check_after(path)][:5]
        shutil.rmtree(path.parent, ignore_errors=True)
    print(json.dumps({"rounds": rounds, "span": span, "stages": stages, "failures": failures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
