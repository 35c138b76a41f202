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


def test_the_sci_awards_deadline_is_a_date_or_not_set(tmp_path) -> None:
    import datetime as dt

    from sciapp.settings import Settings, load_settings, save_settings

    assert Settings().awards_due is None  # no date is assumed
    save_settings(tmp_path, Settings(sci_awards_due="2027-03-15"))
    assert load_settings(tmp_path).awards_due == dt.date(2027, 3, 15)
    (tmp_path / "settings.json").write_text('{"sci_awards_due": "March"}', encoding="utf-8")
    assert load_settings(tmp_path).sci_awards_due == ""
