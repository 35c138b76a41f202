"""`info`'s summary: the same from a glance at a quiet file as from the open register."""

from __future__ import annotations

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.summary import glance, summary_of


def test_a_glance_says_what_the_open_register_says(tmp_path):
    path = tmp_path / "register.sqlite3"
    workspace = open_workspace(path, actor="Andrea Lopez")
    try:
        opened = summary_of(workspace)
        assert glance(path) is None  # held: only the open register can say
    finally:
        workspace.close()
    assert glance(path) == opened
    assert opened.location == str(path)
    assert opened.backup_made is None
