"""How fast the `sciapp` command answers when it needs no ORM (issue 14: at most 0.2 s of
process wall time): `--version`, `vote-outcome`, `info` on a quiet file, and `check` up to
the moment it opens the register (given a file that is not there, it stops right there).

`measure()` returns the figures (median seconds of a few runs, each a fresh process, after a
first run that warms the disk cache), what importing `sciapp.cli` costs, and a bare Python
start as the baseline they all include; `bench/run.py` prints them against TARGET. Run
alone: `python bench/cli_start.py [DB]`.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 0.2  # seconds, process wall time
ROOT = Path(__file__).resolve().parent.parent


def measure(db_path: Path | None = None, runs: int = 5) -> dict[str, float]:
    """Seconds per command (median of `runs`); `db_path`: a register for `info` (default: a
    new empty one). "import sciapp.cli" is the package's own import time, from -X importtime."""
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode compiled
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "sciapp")], check=True)
    with tempfile.TemporaryDirectory(prefix="sciapp-cli-bench-") as folder:
        env["SCIAPP_HOME"] = folder
        if db_path is None:
            db_path = Path(folder) / "register.sqlite3"
            _create(db_path, env)
        vote = ["vote-outcome", "--rule", "majority-cast", "--yes", "5", "--no", "1"]
        commands = {
            "sciapp --version": ["--version"],
            "sciapp vote-outcome": vote,
            "sciapp info": ["--db", str(db_path), "info"],
            "sciapp check, until it opens": ["--db", str(Path(folder) / "none.db"), "check"],
        }
        figures = {name: _wall(args, env, runs) for name, args in commands.items()}
        # What the machine takes to start Python at all, measured the same way: on a busy
        # machine every figure above grows with it.
        figures["python alone (baseline)"] = _wall(["-c", "pass"], env, runs, module=False)
        figures["import sciapp.cli"] = _import_time(env)
    return figures


def _create(path: Path, env: dict[str, str]) -> None:
    code = (
        "import sys; from pathlib import Path; from sciapp.services.opening import "
        "open_workspace; open_workspace(Path(sys.argv[1]), actor='bench').close()"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], env=env, cwd=ROOT, check=True)


def _wall(args: list[str], env: dict[str, str], runs: int, module: bool = True) -> float:
    command = [sys.executable, *(["-m", "sciapp"] if module else []), *args]
    times = []
    for run in range(runs + 1):  # the first only warms the disk cache
        start = time.perf_counter()
        subprocess.run(
            command,
            env=env,
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if run:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def _import_time(env: dict[str, str]) -> float:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import sciapp.cli"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"^import time:\s+\d+ \|\s+(\d+) \| sciapp\.cli$", result.stderr, re.M)
    return int(found.group(1)) / 1e6 if found else float("nan")


def main() -> int:
    figures = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    for name, seconds in figures.items():
        print(f"  {name:<32} {seconds * 1000:7.1f} ms  ({seconds / TARGET:.2f} of {TARGET} s)")
    return 0 if all(s <= TARGET for s in figures.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
