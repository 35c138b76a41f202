"""Before Qt starts on Linux: is there a display, and are the libraries Qt needs installed?

When Qt's xcb platform plugin cannot load (a library missing, no X server) Qt aborts with a
core dump and a hint that names only libxcb-cursor0. This check runs first, without importing
Qt, and says in plain words what is missing and the line that installs it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple


class Library(NamedTuple):
    soname: str
    debian: str  # the Debian/Ubuntu package that ships it
    fedora: str  # the Fedora package that ships it
    xcb_only: bool  # needed by the X11 (xcb) plugin only, not under Wayland


# The DT_NEEDED entries of PySide6's plugins/platforms/libqxcb.so and lib/libQt6XcbQpa,
# libQt6Gui, libQt6Widgets, libQt6DBus and libQt6Core that the wheel does not ship (it ships Qt
# and ICU only), less BASE_SYSTEM. tests/gui/test_system_check.py reads them again.
LIBRARIES: tuple[Library, ...] = (
    # Qt GUI itself, on X11 and Wayland alike.
    Library("libGL.so.1", "libgl1", "libglvnd-glx", False),
    Library("libEGL.so.1", "libegl1", "libglvnd-egl", False),
    Library("libX11.so.6", "libx11-6", "libX11", False),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon", False),
    Library("libfontconfig.so.1", "libfontconfig1", "fontconfig", False),
    Library("libfreetype.so.6", "libfreetype6", "freetype", False),
    Library("libdbus-1.so.3", "libdbus-1-3", "dbus-libs", False),
    Library("libglib-2.0.so.0", "libglib2.0-0", "glib2", False),
    Library("libgthread-2.0.so.0", "libglib2.0-0", "glib2", False),
    # The xcb platform plugin.
    Library("libxcb.so.1", "libxcb1", "libxcb", True),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb", True),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11", True),
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor", True),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm", True),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image", True),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms", True),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil", True),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util", True),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb", True),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb", True),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb", True),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb", True),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb", True),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb", True),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb", True),
)

# Not checked: the package managers themselves need these, so every Debian, Ubuntu and Fedora
# system has them.
BASE_SYSTEM = frozenset(
    {
        "ld-linux-x86-64.so.2",
        "ld-linux-aarch64.so.1",
        "libc.so.6",
        "libm.so.6",
        "libgcc_s.so.1",
        "libstdc++.so.6",
        "libz.so.1",
        "libzstd.so.1",
    }
)

NO_DISPLAY = (
    "sciapp: the sciapp window needs a desktop session and there is no display here "
    "(DISPLAY is not set); the command-line commands work without one: sciapp --help"
)

# Loads a shared library by its soname; raises OSError when it cannot be loaded.
Loader = Callable[[str], object]


def load_library(soname: str) -> object:
    """Load as the dynamic linker would for Qt: ctypes.CDLL is a dlopen, a fraction of a ms."""
    import ctypes

    try:
        return ctypes.CDLL(soname)
    except OSError:
        bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle may carry its own copy
        if bundle is None:
            raise
        return ctypes.CDLL(os.path.join(bundle, soname))


def missing_libraries(libraries: Iterable[Library], load: Loader = load_library) -> list[Library]:
    missing = []
    for library in libraries:
        try:
            load(library.soname)
        except OSError:
            missing.append(library)
    return missing


def startup_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    load: Loader = load_library,
) -> str | None:
    """What stops Qt from opening a window here, as the message to print; None if nothing."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS: the wheel carries everything Qt needs
    requested = environ.get("QT_QPA_PLATFORM", "")
    # QT_QPA_PLATFORM may list several ("wayland;xcb") and carry options ("xcb:dpi=96").
    first = requested.split(";")[0].split(":")[0].strip()
    if first and first != "xcb":
        return None  # offscreen, minimal, vnc, wayland, eglfs …: not the xcb plugin's libraries
    has_x11 = bool(environ.get("DISPLAY"))
    # Qt 6 prefers Wayland when WAYLAND_DISPLAY is set and nothing is requested.
    on_wayland = not first and bool(environ.get("WAYLAND_DISPLAY"))
    if not has_x11 and not on_wayland:
        return NO_DISPLAY
    needed = [lib for lib in LIBRARIES if not (on_wayland and lib.xcb_only)]
    missing = missing_libraries(needed, load)
    return missing_message(missing) if missing else None


def install_lines(libraries: Iterable[Library]) -> tuple[str, str]:
    """The apt-get (Debian, Ubuntu) and dnf (Fedora) lines that install these libraries."""
    libraries = list(libraries)
    debian = " ".join(dict.fromkeys(lib.debian for lib in libraries))
    fedora = " ".join(dict.fromkeys(lib.fedora for lib in libraries))
    return f"sudo apt-get install {debian}", f"sudo dnf install {fedora}"


def missing_message(missing: list[Library]) -> str:
    apt, dnf = install_lines(missing)
    return (
        "sciapp: the sciapp window cannot open: these system libraries that Qt needs are not "
        f"installed: {', '.join(lib.soname for lib in missing)}\n"
        "Install them, then start sciapp again:\n"
        f"  Debian, Ubuntu:  {apt}\n"
        f"  Fedora:          {dnf}\n"
        "The command-line commands work without them: sciapp --help"
    )
