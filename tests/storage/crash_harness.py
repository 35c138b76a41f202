"""Kill a writing sciapp with SIGKILL at random moments, again and again; after each kill the
database must open, pass `check`, and hold every write that was reported committed.

Run by tests/storage/test_crash_safety.py in a process of its own (no Qt loaded, so that
forking is safe): `python -m tests.storage.crash_harness DB ROUNDS SEED`. Prints JSON.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import PartnershipDraft
from sciapp.domain.status import Decider, Status, StatusChange
from sciapp.services.integrity import check_database
from sciapp.services.workspace import open_workspace

SUSPEND = StatusChange(
    Status.SUSPENDED, PartialDate(2022, 3, 14), Decider.CITY_COUNCIL, "Res. 2022-01", "war"
)


def writer(path: Path, round_no: int, out: int) -> None:
    """The child: write and report each commit, until killed."""
    ws = open_workspace(path, actor="crash test")
    n = 0
    while True:
        created = ws.partnerships.create(
            PartnershipDraft(
                kind="sister",
                partner_city=f"City {round_no}-{n}",
                partner_country="Japan",
                established="1990",
                notes="x" * random.randint(0, 3000),
            )
        )
        os.write(out, f"c {round_no}-{n}\n".encode())
        if n % 3 == 0:
            ws.partnerships.record_change(created.id, SUSPEND)
            os.write(out, f"s {round_no}-{n}\n".encode())
        n += 1


def main() -> int:
    path, rounds, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    open_workspace(path, actor="setup").close()
    failures: list[str] = []
    committed = 0
    for round_no in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_end)
            try:
                writer(path, round_no, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            # The kill comes only after the child has reported its first commit (a line on
            # the pipe), then at a random later moment: every round kills a writer in its
            # stream of commits, however slow the machine, and the test counts what was
            # reported, not how fast it came.
            first = pipe.readline()
            if not first:
                failures.append(f"round {round_no}: the writer died before its first commit")
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines = (first + pipe.read()).decode().split()
        reported = list(zip(lines[::2], lines[1::2], strict=True))
        committed += len(reported)
        ws = open_workspace(path, actor="checker")  # a killed writer's lock is stale
        try:
            report = check_database(ws.db)
            rows = {r.partner_city: r.status for r in ws.partnerships.list_rows()}
        finally:
            ws.close()
        if not report.ok:
            failures.append(f"round {round_no}: check failed: {report.problems[:3]}")
        for kind, key in reported:
            city = f"City {key}"
            if city not in rows:
                failures.append(f"round {round_no}: committed {city} is missing")
            elif kind == "s" and rows[city] != "suspended":
                failures.append(f"round {round_no}: committed suspension of {city} is missing")
    print(json.dumps({"rounds": rounds, "committed": committed, "failures": failures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
