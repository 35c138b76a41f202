"""PySide6's import hook answers from the file's bytes, keeping no source in linecache."""

import linecache
import sys

import sciapp.gui.main_window  # sciapp.gui installs the light hook
import sciapp.services.partnerships.service


def test_the_hook_tells_modules_that_use_pyside6_from_those_that_do_not():
    feature = sys.modules.get("shibokensupport.feature")
    uses = getattr(feature, "_mod_uses_pyside", None)
    if uses is None:
        return  # a PySide6 without the hook: nothing to lighten
    assert getattr(uses, "_sciapp_light", False)
    assert uses(sciapp.gui.main_window)
    assert not uses(sciapp.services.partnerships.service)
    assert not uses(sys)  # built in: as PySide6 answers


def test_an_import_after_pyside6_leaves_no_source_in_linecache(tmp_path, monkeypatch):
    import importlib

    (tmp_path / "sciapp_hook_probe.py").write_text("ANSWER = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    probe = importlib.import_module("sciapp_hook_probe")
    monkeypatch.delitem(sys.modules, "sciapp_hook_probe")
    assert probe.ANSWER == 42
    assert probe.__file__ not in linecache.cache
