"""Started by bench/run.py: the baseline for start-up, a bare PySide6 window with a table.

It reports the same way as startup_child.py (when the window is mapped and painted, its row
count, peak memory), so the two figures are measured alike in the same run.
"""

import sys
import time


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

    gc.disable()  # as startup_child.py runs sciapp
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QTableWidget(0, 9))
    window.resize(1180, 720)
    window.show()

    def shown() -> None:
        QApplication.processEvents()  # first paint done
        table = window.centralWidget()
        peak_mb = peak_memory_mb()
        print(f"{time.time():.6f} {table.rowCount()} {peak_mb:.1f}", flush=True)
        QTimer.singleShot(0, window.close)

    shown()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
