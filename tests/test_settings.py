import errno
import os

import pytest

from sciapp.settings import SETTINGS_FILENAME, Settings, load_settings, save_settings


def test_the_actor_fits_the_audit_column():
    assert Settings(user_name="  Andrea   Lopez ").actor == "Andrea Lopez"
    assert len(Settings(user_name="x" * 5000).actor) == 200
    assert Settings(user_name="   ").actor  # the operating-system user


def test_saving_on_a_full_disk_keeps_the_old_settings(tmp_path, monkeypatch):
    save_settings(tmp_path, Settings(user_name="Andrea Lopez"))
    before = (tmp_path / SETTINGS_FILENAME).read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        save_settings(tmp_path, Settings(user_name="Someone Else"))
    assert (tmp_path / SETTINGS_FILENAME).read_bytes() == before
    assert load_settings(tmp_path).user_name == "Andrea Lopez"
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILENAME]
