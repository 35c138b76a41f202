"""A body's time zone: checked IANA names, the defaults, local times with their offset."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sciapp.domain import time_zones
from sciapp.domain.time_zones import (
    body_zone,
    check_zone,
    computer_zone,
    offset_iso,
    zone_name,
    zone_names,
)


def test_names_are_checked():
    assert check_zone(" America/Detroit ") == "America/Detroit"
    assert check_zone("") is None
    assert check_zone(None) is None
    with pytest.raises(ValueError, match="not a time zone"):
        check_zone("Michigan/Ann_Arbor")
    with pytest.raises(ValueError, match="not a time zone"):
        check_zone("../etc/passwd")
    with pytest.raises(ValueError, match="at most 64"):
        check_zone("A" * 65)


def test_the_chooser_lists_iana_names():
    names = zone_names()
    assert "America/Detroit" in names
    assert "UTC" in names
    assert list(names) == sorted(names)


def test_a_body_without_a_zone_takes_its_profiles_state_then_the_computers(monkeypatch):
    assert body_zone("Europe/Berlin", "michigan") == ZoneInfo("Europe/Berlin")
    assert body_zone(None, "michigan") == ZoneInfo("America/Detroit")
    assert body_zone(None, "north_carolina") == ZoneInfo("America/New_York")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert body_zone(None, "none") == ZoneInfo("Asia/Tokyo")
    assert body_zone("Nowhere/Else", "none") == ZoneInfo("Asia/Tokyo")


def test_the_computers_zone_falls_back_to_utc(monkeypatch, tmp_path):
    monkeypatch.setenv("TZ", "Not/AZone")
    monkeypatch.setattr(time_zones, "Path", lambda _: tmp_path / "no-localtime")
    assert computer_zone() is dt.UTC
    assert zone_name(computer_zone()) == "UTC"
    monkeypatch.setenv("TZ", "")
    assert computer_zone() is dt.UTC


def test_the_computers_zone_from_etc_localtime(monkeypatch, tmp_path):
    link = tmp_path / "localtime"
    target = tmp_path / "usr/share/zoneinfo/America/Chicago"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"")
    link.symlink_to(target)
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(time_zones, "Path", lambda _: link)
    assert zone_name(computer_zone()) == "America/Chicago"


def test_local_times_carry_their_offset_summer_and_winter():
    detroit = ZoneInfo("America/Detroit")
    assert offset_iso(dt.date(2022, 3, 14), dt.time(20, 15), detroit) == (
        "2022-03-14T20:15:00-04:00"
    )
    assert offset_iso(dt.date(2022, 1, 10), dt.time(19, 0), detroit) == (
        "2022-01-10T19:00:00-05:00"
    )
    assert offset_iso(dt.date(2022, 1, 10), dt.time(19, 0), dt.UTC).endswith("+00:00")


def test_a_body_without_a_profile_takes_the_commissions_state():
    assert body_zone(None, "none", "US-TX") == ZoneInfo("America/Chicago")
    assert body_zone(None, "none", "US-AZ") == ZoneInfo("America/Phoenix")
    assert body_zone(None, "michigan", "US-TX") == ZoneInfo("America/Detroit")  # profile first
    assert body_zone("America/Denver", "none", "US-TX") == ZoneInfo("America/Denver")
    for zone in time_zones.STATE_ZONE.values():
        assert check_zone(zone) == zone
    assert len(time_zones.STATE_ZONE) == 56  # 50 states, DC and 5 territories
