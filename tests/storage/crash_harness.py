"""Kill a working sciapp with SIGKILL at random moments, again and again; after each kill the
database must open, pass `check` and `verify`, hold everything the child reported done, and
nothing left behind may block the next start.

Run by tests/storage/test_crash_safety.py in a process of its own (no Qt loaded, so that
forking is safe): `python -m tests.storage.crash_harness SCENARIO FOLDER ROUNDS SEED`.
Prints one JSON line. The scenarios (writes, csv, backup, restore, archive, documents) are
in crash_scenarios.py; each child reports every finished step as a line on a pipe, and the
kill comes only after its first one, at a random moment within a few steps' time: every
round kills a child at work, however slow the machine, and the checks count what was
reported, not how fast it came.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.integrity import check_database
from sciapp.services.workspace import Workspace


class Scenario(Protocol):
    name: str
    span: float  # the kill comes within this many first steps' time after the first

    def setup(self, folder: Path) -> None: ...

    def begin(self, folder: Path, round_no: int) -> None:
        """Before each round (in the parent): a small register of the round's own."""
        ...

    def child(self, folder: Path, round_no: int, report: Report) -> None: ...

    def after(self, folder: Path, round_no: int, done: list[list[str]], tally: Tally) -> list[str]:
        """Checks once the child is dead; `done` holds the reported steps, oldest first."""
        ...


class Report:
    """The child's side of the pipe: one line per finished step, with its duration."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.started = time.perf_counter()

    def ready(self) -> None:
        """Setting up (opening the register) is not a step: time the steps from here."""
        self.started = time.perf_counter()

    def done(self, *words: object) -> None:
        took = time.perf_counter() - self.started
        os.write(self.fd, (" ".join([f"{took:.4f}", *map(str, words)]) + "\n").encode())
        self.started = time.perf_counter()


@dataclass
class Tally:
    rounds: int = 0
    reported: int = 0
    in_flight_whole: int = 0  # the step the kill interrupted was found complete
    in_flight_absent: int = 0  # ... or not there at all (never half)
    failures: list[str] = field(default_factory=list)


def sound(path: Path, where: str, look: Callable[[Workspace], object] | None = None) -> list[str]:
    """Opens for writing (a killed child's lock is stale), passes check and verify, and
    leaves no lock behind once closed. `look` reads what the scenario counts, meanwhile."""
    try:
        ws = open_workspace(path, actor="checker")
    except Exception as exc:
        return [f"{where}: {path.name} does not open: {exc}"]
    try:
        report = check_database(ws.db)
        verified = ws.seals.verify()
        broken = list(getattr(verified, "problems", verified))
        if look is not None:
            look(ws)
    finally:
        ws.close()
    problems = [f"{where}: check: {p}" for p in report.problems[:3]]
    problems += [f"{where}: verify: {p}" for p in broken[:3]]
    if Path(f"{path}.lock").exists():
        problems.append(f"{where}: a lock file outlived the session")
    return problems


def run(scenario: Scenario, folder: Path, rounds: int, seed: int) -> Tally:
    rng = random.Random(seed)
    scenario.setup(folder)
    tally = Tally(rounds=rounds)
    for round_no in range(rounds):
        scenario.begin(folder, round_no)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_end)
            try:
                random.seed(seed + round_no)
                scenario.child(folder, round_no, Report(write_end))
            finally:
                os._exit(1)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            first = pipe.readline()
            second = pipe.readline() if first else b""  # how long a step takes, warmed up
            if not second:
                tally.failures.append(f"round {round_no}: the child died before its steps")
            else:  # a random moment within the next few steps
                span = getattr(scenario, "span", 3.0)
                time.sleep(rng.uniform(0.0, span * float(second.split()[0])))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            text = (first + second + pipe.read()).decode()
        done = [line.split()[1:] for line in text.splitlines() if line.strip()]
        tally.reported += len(done)
        tally.failures += scenario.after(folder, round_no, done, tally)
        if len(tally.failures) > 20:
            break
    return tally


def main() -> int:
    from tests.storage.crash_scenarios import SCENARIOS

    name, folder, rounds, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    started = time.perf_counter()
    tally = run(SCENARIOS[name](), folder, rounds, seed)
    outcome = {
        "scenario": name,
        "rounds": tally.rounds,
        "reported": tally.reported,
        "in_flight_whole": tally.in_flight_whole,
        "in_flight_absent": tally.in_flight_absent,
        "seconds": round(time.perf_counter() - started, 1),
        "failures": tally.failures[:20],
    }
    print(json.dumps(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
