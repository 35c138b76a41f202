import io

import pytest

from sciapp.domain.status import Status
from sciapp.services.errors import ImportRejectedError
from sciapp.services.opening import open_workspace
from sciapp.services.partnerships.csv_io import export_csv, import_csv

HEADER = "kind,partner_city,partner_country\n"


def problems_of(workspace, content: bytes):
    with pytest.raises(ImportRejectedError) as info:
        import_csv(workspace.db, content)
    assert workspace.partnerships.count() == 0
    return info.value.problems


def export(workspace) -> str:
    out = io.StringIO(newline="")
    export_csv(workspace.db, out)
    return out.getvalue()


def test_import_accepts_bom_crlf_and_any_column_order(workspace):
    content = (
        "\ufeffPartner_Country,partner_city,Kind,established,status,status_since\r\n"
        "JPN,Otsu,Sister City,1968,,\r\n"
        "Russia,St. Petersburg,sister,1994,suspended,2022-03\r\n"
        "TZ,Dar es Salaam,FRIENDSHIP,,,\r\n"
    ).encode()
    assert import_csv(workspace.db, content).imported == 3
    rows = {r.partner_city: r for r in workspace.partnerships.list_rows()}
    assert rows["Otsu"].status == "active"
    assert rows["Otsu"].status_since == "1968"
    spb = workspace.partnerships.get(rows["St. Petersburg"].id)
    assert spb.status is Status.SUSPENDED
    assert [e.action for e in spb.events] == ["Established", "Suspended"]
    assert "imported" in spb.events[-1].change.reason


def test_every_problem_is_reported_by_line_and_nothing_is_written(workspace):
    content = (
        b"kind,partner_city,partner_country,established,status,status_since\n"
        b"sister,Otsu,Japan,1968,,\n"
        b"twin,,Atlantis,68,closed,2022-13\n"
        b"\n"
        b"friendship,Lanzhou,CN,,active,1900\n"
        b'sister,"Multi\nline",JP,2000,active,1999\n'
        b"sister,Too,JP,,,,extra\n"
    )
    assert problems_of(workspace, content) == [
        "line 3: partner_city: required",
        "line 3: kind: 'twin' is not a kind; use sister or friendship",
        "line 3: partner_country: no country called 'Atlantis'",
        "line 3: established: '68' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY",
        "line 3: status: 'closed' is not one of proposed, active, suspended, terminated",
        "line 3: status_since: '2022-13' is not a date: month 13 does not exist",
        "line 6: status_since: '1999' is before established (2000)",
        "line 8: has 7 cells but the header has 6",
    ]


def test_header_problems(workspace):
    problems = problems_of(workspace, b"kind,city,kind,\nsister,Otsu,sister,\n")
    assert problems == [
        "line 1: city: unknown column (known: kind, partner_city, partner_city_native, "
        "partner_region, partner_country, local_jurisdiction, established, status, "
        "status_since, notes)",
        "line 1: kind: the column appears twice",
        "line 1: column 4: the header cell is empty",
        "line 1: partner_city: required column is missing",
        "line 1: partner_country: required column is missing",
    ]
    assert problems_of(workspace, b"") == ["line 1: the file is empty; it needs a header row"]


def test_a_file_that_is_not_text_names_the_line(workspace):
    content = HEADER.encode() + b"sister,Malm\xf6,SE\n\x00\x81"  # neither UTF-8 nor cp1252
    assert problems_of(workspace, content) == [
        "line 2: the file is not text that sciapp can read (neither UTF-8 nor Windows-1252); "
        "import a .xlsx or .ods workbook, or save it as 'CSV UTF-8'"
    ]


def test_duplicates_within_the_file_and_against_the_register(demo_workspace):
    content = (
        b"kind,partner_city,partner_country,local_jurisdiction\n"
        b'sister,Otsu,JP,"Lansing, Michigan"\n'
        b"friendship,Graz,AT,\n"
        b"friendship,graz,AUT,\n"
        b"sister,Otsu,JP,East Lansing\n"  # another local jurisdiction: another tie
    )
    with pytest.raises(ImportRejectedError) as info:
        import_csv(demo_workspace.db, content)
    assert info.value.problems == [
        "line 2: partner_city: 'Otsu' is already in the register (number 1, Otsu)",
        "line 4: partner_city: 'graz' duplicates line 3 "
        "(same kind, partner city, country and local jurisdiction)",
    ]
    assert demo_workspace.partnerships.count() == 11


def test_a_terminated_tie_and_its_successor_may_share_a_name(workspace):
    content = (
        b"kind,partner_city,partner_country,established,status,status_since\n"
        b"sister,Krasnodar,RU,1990,terminated,2022-03-09\n"
        b"sister,Krasnodar,RU,2030,,\n"
    )
    assert import_csv(workspace.db, content).imported == 2
    with pytest.raises(ImportRejectedError) as info:
        import_csv(workspace.db, content)  # the same file twice is refused
    assert [p.split(":")[0] for p in info.value.problems] == ["line 2", "line 3"]


def test_export_escapes_formulas_and_round_trips(workspace, tmp_path):
    content = (
        "kind,partner_city,partner_country,local_jurisdiction,notes,established\n"
        'sister,=HYPERLINK("x"),JP,"Lansing, Michigan","+1 555, ""quoted""",1968-05\n'
        "friendship,@SUM(A1),CN,-minus,plain,\n"
        'sister,Санкт-Петербург,RU,,"two\nlines",1994\n'
    ).encode()
    import_csv(workspace.db, content)
    first = export(workspace)
    assert "'=HYPERLINK" in first
    assert "'@SUM(A1)" in first
    assert "'-minus" in first
    assert "'+1 555" in first
    assert first.endswith("\r\n")

    second_ws = open_workspace(tmp_path / "second.sqlite3")
    import_csv(second_ws.db, ("\ufeff" + first).encode())
    assert export(second_ws) == first
    rows = second_ws.partnerships.list_rows()
    assert {r.partner_city for r in rows} == {'=HYPERLINK("x")', "@SUM(A1)", "Санкт-Петербург"}
    second_ws.close()


def test_export_can_filter_by_status(demo_workspace):
    out = io.StringIO()
    assert export_csv(demo_workspace.db, out, Status.SUSPENDED) == 1
    assert out.getvalue().splitlines()[1].startswith("sister,St. Petersburg,")
