"""Started by bench/run.py: open the app on a database, report when the window is usable."""

import sys
import time
from pathlib import Path


def peak_memory_mb() -> float:
    """This program's own peak resident memory. Not getrusage's ru_maxrss: Linux carries
    that over exec from the parent, so a child of a big bench process would report its size."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    import gc

    gc.disable()  # as sciapp.cli.main does before a GUI start
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sciapp.gui.app import run_app

    def shown(window) -> None:
        # First paint done: the window is usable. Its workspace (SQLAlchemy and the use cases)
        # may still be loading on a worker thread; the Start page says "Reading the register…"
        # until it is made, and `window.workspace` below waits for it.
        QApplication.processEvents()
        usable_at = time.time()  # before the bench's own check of the register below
        peak_mb = peak_memory_mb()
        rows = window.workspace.partnerships.count()
        print(f"{usable_at:.6f} {rows} {peak_mb:.1f}", flush=True)
        QTimer.singleShot(0, window.close)

    return run_app(db=Path(sys.argv[1]), on_shown=shown)


if __name__ == "__main__":
    sys.exit(main())
