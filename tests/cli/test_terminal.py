"""What the CLI prints from user data never reaches the terminal with a control character
raw: a register written by an older sciapp (or another tool) may hold them."""

import json
import re
import sqlite3

import pytest

from sciapp.cli import main
from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.opening import open_workspace

HOSTILE = "Otsu\x1b[2J\x1b]0;owned\x07\x9b31m\x00\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\x00", "\u202e")


@pytest.fixture
def hostile_db(tmp_path):
    """Control characters written past the rules, as older versions allowed."""
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    ws.partnerships.create(
        PartnershipDraft(kind="sister", partner_city="Otsu", partner_country="JP")
    )
    ws.close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE partnership SET partner_city = ?, partner_city_native = ?", (HOSTILE, HOSTILE)
        )
        changes = json.dumps({"partner_city": [None, HOSTILE], "notes": [None, "a\nb\x1b"]})
        conn.execute(
            "UPDATE audit_entry SET actor = ?, label = ?, changes = ?", (HOSTILE, HOSTILE, changes)
        )
    conn.close()
    return str(path)


def assert_safe(text):
    for ch in RAW:
        assert ch not in text, repr(ch)


def test_partnerships_list_escapes_control_characters(hostile_db, capsys):
    assert main(["--db", hostile_db, "partnerships", "list"]) == 0
    out = capsys.readouterr().out
    assert_safe(out)
    assert "Otsu\\x1b[2J\\x1b]0;owned\\x07\\x9b31m\\x00\\u202e" in out


def test_partnerships_list_json_is_the_same_data_escaped(hostile_db, capsys):
    assert main(["--db", hostile_db, "partnerships", "list", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert_safe(out)
    assert json.loads(out)[0]["partner_city"] == HOSTILE  # lossless: JSON's own escapes


def test_audit_escapes_control_characters(hostile_db, capsys):
    assert main(["--db", hostile_db, "audit"]) == 0
    out = capsys.readouterr().out
    assert_safe(out)
    assert "Otsu\\x1b[2J" in out
    stamp = re.compile(r"[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2}\s[AP]M  ")
    assert all(stamp.match(line) or line.startswith("    ") for line in out.splitlines())


def test_error_messages_quote_files_safely(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"kind,partner_city,partner_country\nsister,Otsu,\x1b[2JZZ\n")
    assert main(["--db", str(tmp_path / "r.sqlite3"), "partnerships", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert_safe(err)
    assert "partner_country" in err
