"""`sciapp verify` prints the heads to write down, and names a chain whose tail was cut."""

import re
import sqlite3

from sciapp.cli import main
from tests.cli.test_safekeeping import demo_db


def test_verify_prints_the_heads_and_names_a_stripped_seal(tmp_path, capsys):
    db = demo_db(tmp_path)
    assert main(["--db", db, "verify"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^4 seals; chain head [0-9a-f]{64}$", out, re.M)
    assert re.search(r"^\d+ audit entries; trail head [0-9a-f]{64}$", out, re.M)
    with sqlite3.connect(db) as conn:  # the last seal gone, its record a draft again
        seal_id, kind, record_id = conn.execute(
            "SELECT id, kind, record_id FROM seal ORDER BY id DESC LIMIT 1"
        ).fetchone()
        conn.execute("DELETE FROM seal WHERE id = ?", (seal_id,))
        if kind == "minutes":
            conn.execute(
                "UPDATE meeting SET minutes_status = 'draft', minutes_approved_on = NULL "
                "WHERE id = ?",
                (record_id,),
            )
        else:
            conn.execute(
                "UPDATE resolution SET motion_id = NULL, status = 'draft' WHERE id = ?",
                (record_id,),
            )
    conn.close()
    assert main(["--db", db, "verify"]) == 1
    captured = capsys.readouterr()
    assert "is gone" in captured.out  # the trail recorded the seal
    assert "the last seals were removed" in captured.out  # against the anchor
    assert "3 seals; chain head" in captured.out
    assert "problems with the seals" in captured.err
