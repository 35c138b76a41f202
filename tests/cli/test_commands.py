import json
import subprocess
import sys

import pytest

from sciapp import __version__
from sciapp.cli import main
from sciapp.cli.table import display_width, render_table
from sciapp.storage.schema import HEAD, KNOWN_REVISIONS


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "sciapp", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"sciapp {__version__}"


def test_info_uses_the_user_data_folder_by_default(isolated_home, capsys):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert f"database: {isolated_home / 'data' / 'sciapp.sqlite3'}" in out
    assert f"schema version: {len(KNOWN_REVISIONS)} (revision {HEAD})" in out


def test_list_formats_with_demo(capsys):
    assert main(["--demo", "partnerships", "list"]) == 0
    table = capsys.readouterr().out
    assert "大津市" in table
    assert table.rstrip().endswith("11 partnerships")
    assert main(["--demo", "partnerships", "list", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    otsu = next(r for r in records if r["partner_city"] == "Otsu")
    assert otsu["country_name"] == "Japan"
    assert otsu["established"] == "1968"
    assert main(["--demo", "partnerships", "list", "--format", "csv", "--status", "proposed"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "kind,partner_city,partner_city_native,partner_region,partner_country,"
        "local_jurisdiction,established,status,status_since,notes"
    ]


def test_round_trip_through_files(tmp_path, capsys):
    source = tmp_path / "source.sqlite3"
    first = tmp_path / "first.csv"
    second = tmp_path / "second.csv"
    assert main(["--demo", "partnerships", "export", str(first)]) == 0
    assert first.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    assert main(["--db", str(source), "partnerships", "import", str(first)]) == 0
    assert "imported 11 partnerships" in capsys.readouterr().out
    assert main(["--db", str(source), "partnerships", "export", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_bad_rows_exit_1_and_leave_the_database_unchanged(tmp_path):
    db = tmp_path / "register.sqlite3"
    good = b"kind,partner_city,partner_country\nsister,Otsu,JP\n"
    assert run("--db", str(db), "partnerships", "import", "-", stdin=good).returncode == 0
    bad = b"kind,partner_city,partner_country,established\nsister,Asan,KR,\nsister,,XX,1968-02-30\n"
    result = run("--db", str(db), "partnerships", "import", "-", stdin=bad)
    assert result.returncode == 1
    errors = result.stderr.decode().splitlines()
    assert errors[:4] == [
        "Read as UTF-8, comma-separated",
        "line 3: partner_city: required",
        "line 3: partner_country: no country called 'XX'",
        "line 3: established: '1968-02-30' is not a date: day 30 does not exist in 1968-02",
    ]
    assert "nothing was imported" in errors[-1]
    listed = run("--db", str(db), "partnerships", "list", "--format", "json")
    assert [r["partner_city"] for r in json.loads(listed.stdout)] == ["Otsu"]


def test_usage_errors_exit_2(tmp_path):
    assert run("partnerships", "list", "--status", "gone").returncode == 2
    assert run("partnerships").returncode == 2
    assert run("--db", "x", "--demo", "info").returncode == 2


def test_unreadable_files_exit_1(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "r.sqlite3"), "partnerships", "import", "nope.csv"]) == 1
    assert "cannot read nope.csv" in capsys.readouterr().err
    target = tmp_path / "missing-folder" / "out.csv"
    assert main(["--db", str(tmp_path / "r.sqlite3"), "partnerships", "export", str(target)]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_a_newer_database_is_refused_with_a_message(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "r.sqlite3"
    assert main(["--db", str(db), "partnerships", "list"]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042'")
    conn.close()
    capsys.readouterr()
    assert main(["--db", str(db), "info"]) == 1
    assert "newer version of sciapp" in capsys.readouterr().err


def test_export_to_stdout_survives_a_closed_pipe(tmp_path):
    shell = f"{sys.executable} -m sciapp --demo partnerships export - | head -1"
    result = subprocess.run(shell, shell=True, capture_output=True, check=False)
    assert result.stdout.startswith(b"kind,")
    assert b"Traceback" not in result.stderr


def test_table_alignment_counts_wide_characters():
    assert display_width("大津市") == 6
    assert display_width("Säo") == 3
    text = render_table(("City", "Native"), [("Otsu", "大津市"), ("Asan", "아산시")])
    lines = text.splitlines()
    assert lines[0] == "City  Native"
    assert lines[2] == "Otsu  大津市"


def test_meetings_list_and_show(capsys):
    assert main(["--demo", "meetings", "list", "--body", "Lansing City Council"]) == 0
    out = capsys.readouterr().out
    assert "Lansing City Council" in out
    assert out.rstrip().endswith("2 meetings")
    assert main(["--demo", "meetings", "show", "1"]) == 0
    minutes = capsys.readouterr().out
    assert "Minutes of the regular meeting, Wednesday, March 16, 2022" in minutes
    assert "St. Petersburg relationship" in minutes
    assert "Members absent: Hannah Becker (excused)" in minutes
    assert main(["--demo", "meetings", "show", "99"]) == 1
    assert "Meeting 99 does not exist" in capsys.readouterr().err
    assert main(["--demo", "meetings", "list", "--body", "Nope"]) == 1


@pytest.mark.parametrize(
    ("args", "result", "explanation"),
    [
        (
            ["--rule", "majority-cast", "--yes", "5", "--no", "1", "--abstain", "1"],
            "adopted",
            "Adopted 5–1, 1 abstaining (majority of votes cast required)",
        ),
        (
            ["--rule", "two-thirds-cast", "--yes", "5", "--no", "3"],
            "failed",
            "Failed 5–3 (two-thirds of votes cast required)",
        ),
        (
            [
                "--rule",
                "majority-membership",
                "--yes",
                "4",
                "--no",
                "0",
                "--present",
                "6",
                "--members",
                "8",
            ],
            "failed",
            "Failed 4–0 (majority of the entire membership required: 5 of 8)",
        ),
        (
            ["--rule", "unanimous", "--yes", "3", "--no", "0", "--present", "3", "--members", "9"],
            "no quorum",
            "No vote can be taken: 3 members present, 5 needed for a quorum",
        ),
    ],
)
def test_vote_outcome_prints_json(capsys, args, result, explanation):
    assert main(["vote-outcome", *args]) == 0
    assert json.loads(capsys.readouterr().out) == {"result": result, "explanation": explanation}


def test_vote_outcome_usage_errors(capsys):
    for bad in (
        ["--rule", "most", "--yes", "1", "--no", "0"],
        ["--rule", "majority-cast", "--yes", "-1", "--no", "0"],
        ["--rule", "majority-cast", "--yes", "5", "--no", "3", "--present", "4"],
    ):
        with pytest.raises(SystemExit) as info:
            main(["vote-outcome", *bad])
        assert info.value.code == 2
    assert "more votes than members present" in capsys.readouterr().err


def test_votes_export_popolo_and_csv(tmp_path, capsys):
    target = tmp_path / "votes.json"
    assert main(["--demo", "votes", "export-popolo", str(target)]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    motion = next(m for m in document["motions"] if "St. Petersburg" in m["text"])
    assert motion["result"] == "pass"
    assert motion["requirement"] == "majority of votes cast"
    assert motion["extras"]["seconder"] == "Thomas Nguyen"
    assert motion["extras"]["partnership_action"]["action"] == "suspend"
    event = next(e for e in document["vote_events"] if e["motion_id"] == motion["id"])
    assert {c["option"]: c["value"] for c in event["counts"]} == {
        "yes": 7,
        "no": 1,
        "abstain": 0,
        "absent": 0,
        "not voting": 0,
    }
    assert {v["option"] for v in event["votes"]} == {"yes", "no"}
    people = {p["id"] for p in document["people"]}
    assert all(v["voter_id"] in people for v in event["votes"])
    tie = next(e for e in document["vote_events"] if e["result"] == "fail")
    assert {v["option"] for v in tie["votes"]} == {"yes", "no", "abstain", "absent"}

    assert main(["--demo", "votes", "export-csv", "1", "-"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "motion_id,motion,mover,seconder,member,vote,result,explanation"
    assert any(",Luis Carrillo,abstain,failed," in row for row in rows)
    assert main(["--demo", "votes", "export-csv", "99", str(tmp_path / "x.csv")]) == 1
    assert not (tmp_path / "x.csv").exists()


def test_render_commands_write_pdfs(tmp_path, capsys):
    for what, key in (
        ("resolution", "2022-01"),
        ("letter", "1"),
        ("minutes", "1"),
        ("agenda", "5"),
    ):
        target = tmp_path / f"{what}.pdf"
        assert main(["--demo", "render", what, key, "-o", str(target)]) == 0
        assert target.read_bytes().startswith(b"%PDF")
    assert main(["--demo", "render", "resolution", "1999-01", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "Resolution 1999-01 does not exist" in capsys.readouterr().err
    assert main(["--demo", "render", "letter", "one", "-o", str(tmp_path / "x.pdf")]) == 2


def test_render_archival_writes_pdfa_and_the_default_is_tagged(tmp_path):
    import pikepdf

    posting, archival = tmp_path / "posting.pdf", tmp_path / "archival.pdf"
    assert main(["--demo", "render", "minutes", "1", "-o", str(posting)]) == 0
    assert main(["--demo", "render", "minutes", "1", "-o", str(archival), "--archival"]) == 0
    with pikepdf.open(posting) as pdf:
        assert pdf.open_metadata().get("pdfuaid:part") == "1"
        assert "/StructTreeRoot" in pdf.Root
    with pikepdf.open(archival) as pdf:  # minutes: PDF/A-3b, the meeting's data inside
        assert pdf.open_metadata().pdfa_status == "3B"
        assert "/StructTreeRoot" in pdf.Root
        data = json.loads(pdf.attachments["minutes-1.popolo.json"].get_file().read_bytes())
        assert [e["id"] for e in data["events"]] == ["meeting-1"]
    letter = tmp_path / "letter.pdf"
    assert main(["--demo", "render", "letter", "1", "-o", str(letter), "--archival"]) == 0
    with pikepdf.open(letter) as pdf:
        assert pdf.open_metadata().pdfa_status == "2B"
        assert not pdf.attachments


def test_documents_export_import_round_trip(tmp_path):
    exported = tmp_path / "docs.json"
    assert main(["--demo", "documents", "export", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["resolutions"][0]["votes"]["nays"] == ["James Lindqvist"]
    db = tmp_path / "fresh.sqlite3"
    assert main(["--db", str(db), "documents", "import", str(exported)]) == 0
    again = tmp_path / "again.json"
    assert main(["--db", str(db), "documents", "export", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8")) == data
