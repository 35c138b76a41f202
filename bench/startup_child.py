"""Started by bench/run.py: open the app on a database, report when the window is usable."""

import sys
import time
from pathlib import Path


def main() -> int:
    import gc

    gc.disable()  # as sciapp.cli.main does before a GUI start
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sciapp.gui.app import run_app

    def shown(window) -> None:
        QApplication.processEvents()  # first paint done: the window is usable
        import resource

        rows = window.workspace.partnerships.count()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{time.time():.6f} {rows} {peak_mb:.1f}", flush=True)
        QTimer.singleShot(0, window.close)

    return run_app(db=Path(sys.argv[1]), on_shown=shown)


if __name__ == "__main__":
    sys.exit(main())
