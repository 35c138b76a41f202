"""The check before Qt starts: missing system libraries and a missing display are sentences."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from sciapp.gui.system_check import (
    BASE_SYSTEM,
    LIBRARIES,
    NO_DISPLAY,
    install_lines,
    load_library,
    startup_problem,
)

ROOT = Path(__file__).resolve().parents[2]
X11 = {"DISPLAY": ":0"}


class FakeLoader:
    """Stands in for dlopen: the named sonames are "not installed"; remembers what was asked."""

    def __init__(self, missing: set[str] = frozenset()) -> None:
        self.missing = missing
        self.asked: list[str] = []

    def __call__(self, soname: str) -> object:
        self.asked.append(soname)
        if soname in self.missing:
            raise OSError(f"{soname}: cannot open shared object file")
        return object()


def check(environ: dict[str, str], load: FakeLoader, platform: str = "linux") -> str | None:
    return startup_problem(environ, platform, load)


def test_missing_libraries_are_named_with_both_install_lines():
    load = FakeLoader({"libxcb-cursor.so.0", "libxcb-icccm.so.4"})
    message = check(X11, load)
    assert message is not None
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4\n" in message
    assert "sudo dnf install xcb-util-cursor xcb-util-wm\n" in message
    assert "libxcb-keysyms" not in message  # only what is missing
    assert "sciapp --help" in message


def test_a_package_shipping_several_missing_libraries_is_named_once():
    load = FakeLoader({"libxcb-randr.so.0", "libxcb-shape.so.0"})
    message = check(X11, load)
    assert message is not None
    assert "sudo dnf install libxcb\n" in message
    assert "sudo apt-get install libxcb-randr0 libxcb-shape0\n" in message


def test_all_present_is_no_problem_and_every_library_was_tried():
    load = FakeLoader()
    assert check(X11, load) is None
    assert load.asked == [lib.soname for lib in LIBRARIES]


def test_no_display_is_one_sentence_and_loads_nothing():
    load = FakeLoader({"libxcb-cursor.so.0"})
    assert check({}, load) == NO_DISPLAY
    assert check({"DISPLAY": ""}, load) == NO_DISPLAY
    assert check({"QT_QPA_PLATFORM": "xcb"}, load) == NO_DISPLAY
    assert load.asked == []
    assert "\n" not in NO_DISPLAY
    assert "desktop session" in NO_DISPLAY
    assert "sciapp --help" in NO_DISPLAY


@pytest.mark.parametrize(
    "platform", ["offscreen", "minimal", "vnc", "eglfs", "wayland", "offscreen;xcb"]
)
def test_other_qt_platforms_are_not_checked(platform):
    load = FakeLoader({lib.soname for lib in LIBRARIES})
    assert check({"QT_QPA_PLATFORM": platform}, load) is None
    assert check({"QT_QPA_PLATFORM": platform, **X11}, load) is None
    assert load.asked == []


def test_xcb_with_options_is_checked():
    load = FakeLoader({"libxcb-keysyms.so.1"})
    message = check({"QT_QPA_PLATFORM": "xcb:dpi=96", **X11}, load)
    assert message is not None
    assert "libxcb-keysyms1" in message


def test_a_wayland_session_needs_no_xcb_libraries():
    xcb_only = {lib.soname for lib in LIBRARIES if lib.xcb_only}
    wayland = {"WAYLAND_DISPLAY": "wayland-0"}
    assert check(wayland, FakeLoader(xcb_only)) is None
    assert check({**wayland, **X11}, FakeLoader(xcb_only)) is None
    message = check(wayland, FakeLoader({"libfontconfig.so.1"}))
    assert message is not None
    assert "libfontconfig1" in message
    assert "fontconfig" in message
    # Asked for xcb explicitly, Qt uses it even in a Wayland session.
    message = check({**wayland, **X11, "QT_QPA_PLATFORM": "xcb"}, FakeLoader(xcb_only))
    assert message is not None


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_are_not_checked(platform):
    load = FakeLoader({lib.soname for lib in LIBRARIES})
    assert check({}, load, platform) is None
    assert load.asked == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="dlopen of Linux sonames")
def test_the_real_loader_loads_what_exists_and_refuses_what_does_not():
    load_library("libc.so.6")
    with pytest.raises(OSError, match="libsciapp-no-such-library"):
        load_library("libsciapp-no-such-library.so.0")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="dlopen of Linux sonames")
def test_a_bundle_finds_the_copy_in_its_own_folder(monkeypatch, tmp_path):
    maps = Path("/proc/self/maps").read_text().splitlines()
    libc = next(line.split()[-1] for line in maps if "/libc.so.6" in line)
    (tmp_path / "libsciapp-bundled.so.0").symlink_to(libc)
    with pytest.raises(OSError, match="libsciapp-bundled"):
        load_library("libsciapp-bundled.so.0")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    load_library("libsciapp-bundled.so.0")


def test_readme_names_the_same_install_lines():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    apt, dnf = install_lines(LIBRARIES)
    assert f"{apt}   # Debian, Ubuntu" in readme
    assert f"{dnf}   # Fedora" in readme


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what `readelf -d` lists)."""
    data = path.read_bytes()
    assert data[:6] == b"\x7fELF\x02\x01", f"{path.name}: not a 64-bit little-endian ELF"
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQII", data, shoff + i * shentsize) for i in range(shnum)]
    names = []
    for _name, kind, _flags, _addr, offset, size, link, _info in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        for entry in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, entry)
            if tag == 1:  # DT_NEEDED
                names.append(data[strtab + value : data.index(b"\0", strtab + value)].decode())
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the wheel's Linux libraries")
def test_the_list_covers_what_the_installed_qt_needs():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    shipped = {p.name for p in (qt / "lib").iterdir()}
    needed: set[str] = set()
    for path in [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *(qt / "lib" / f"libQt6{name}.so.6" for name in ("XcbQpa", "Gui", "Widgets", "DBus")),
        qt / "lib" / "libQt6Core.so.6",
    ]:
        needed.update(_needed(path))
    system = needed - shipped - BASE_SYSTEM
    assert system == {lib.soname for lib in LIBRARIES}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux")
def test_python_m_sciapp_without_a_display_says_so_and_exits_1():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "sciapp"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # a Qt abort would be -6 (SIGABRT)
    assert result.stderr.strip() == NO_DISPLAY
    assert result.stdout == ""
