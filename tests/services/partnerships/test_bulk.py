"""The import's bulk path: what it writes is what the one-row path would write, every
history is the one `implied_history` says, and `check` still finds a tampered imported row."""

import pytest

from sciapp.domain.dates import PartialDate
from sciapp.domain.status import Status
from sciapp.services.errors import ImportRejectedError
from sciapp.services.partnerships import csv_io
from sciapp.services.partnerships.import_rows import implied_history
from sciapp.services.safekeeping.integrity import check_database
from sciapp.storage.audit_chain import verify_chain
from tests.services.safekeeping.test_seals_and_check import tamper

HEADER = "kind,partner_city,partner_country,local_jurisdiction,established,status,status_since\n"
ROWS = (
    "sister,Otsu,JP,Lansing,1968,,\n"
    "sister,Kraków ,PL,Lansing,1990-05,active,1991\n"  # a trailing space, not ASCII
    "friendship,Lanzhou,China,,,proposed,2024-02\n"
    "friendship,Graz,AUT,  East  Lansing ,3/14/2022,suspended,2023-01\n"
    "sister,St. Petersburg,RU,,1994,terminated,2022-03\n"
    "sister,'=Formula,JP,,,,\n"
    "Sister City,Qingdao,cn,,1985,Active,\n"
    ",,,,,,\n"
)


def everything(workspace) -> list[tuple]:
    """The rows and their histories as stored (ids and stamps aside)."""
    with workspace.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT kind, partner_city, partner_city_native, partner_region, partner_country, "
            "local_jurisdiction, established, local_signatory_name, no_expiry, expires, notes, "
            "status, status_since, created_at = updated_at FROM partnership ORDER BY id"
        ).fetchall()
        events = conn.exec_driver_sql(
            "SELECT partner_city, sequence, e.status, effective, decided_by, instrument, reason, "
            "condition FROM status_event e JOIN partnership p ON p.id = e.partnership_id "
            "ORDER BY p.id, sequence"
        ).fetchall()
    return [tuple(r) for r in rows] + [tuple(e) for e in events]


def one_by_one(monkeypatch):
    """Every row judged by import_rows.parse_row, none vouched for by the columns."""
    real = csv_io.parse_columns

    def doubt_all(texts, count):
        values, _unsure = real(texts, count)
        return values, set(range(count))

    monkeypatch.setattr(csv_io, "parse_columns", doubt_all)


def test_the_columns_write_what_each_row_judged_alone_writes(workspace, tmp_path, monkeypatch):
    from sciapp.services.opening import open_workspace

    content = (HEADER + ROWS).encode()
    assert csv_io.import_csv(workspace.db, content).imported == 7
    fast = everything(workspace)
    other = open_workspace(tmp_path / "other.sqlite3")
    try:
        one_by_one(monkeypatch)
        assert csv_io.import_csv(other.db, content).imported == 7
        assert everything(other) == fast
    finally:
        other.close()
    assert fast[1][:7] == ("sister_city", "Kraków", "", "", "PL", "Lansing", "1990-05")
    assert fast[3][5] == "East Lansing"
    assert fast[3][6] == "2022-03-14"
    assert fast[5][1] == "=Formula"


def test_the_messages_are_the_same_whichever_path_found_them(workspace, monkeypatch):
    content = (
        HEADER
        + ROWS
        + "twin,,Atlantis,,68,closed,2022-13\n"
        + "sister,Otsu,JP,Lansing,1970,,\n"  # the same tie as line 2
        + "sister,Bad\x07Bell,JP,,2000,active,1999\n"
        + "sister,Too,JP,,,,,extra\n"
    ).encode()
    with pytest.raises(ImportRejectedError) as fast:
        csv_io.import_csv(workspace.db, content)
    one_by_one(monkeypatch)
    with pytest.raises(ImportRejectedError) as alone:
        csv_io.import_csv(workspace.db, content)
    assert fast.value.problems == alone.value.problems
    assert [p.split(":")[0] for p in fast.value.problems] == (
        ["line 10"] * 6 + ["line 11", "line 12", "line 13"]
    )
    assert workspace.partnerships.count() == 0


def test_every_history_is_the_one_its_status_implies(workspace):
    assert csv_io.import_csv(workspace.db, (HEADER + ROWS).encode()).imported == 7
    for listed in workspace.partnerships.list_rows():
        detail = workspace.partnerships.get(listed.id)
        status = detail.status
        since = {"Lanzhou": "2024-02", "Graz": "2023-01", "St. Petersburg": "2022-03"}
        expected = implied_history(
            detail.data.established,
            status,
            PartialDate.parse_optional(since.get(listed.partner_city, "")),
        )
        if listed.partner_city == "Kraków":
            expected = implied_history(detail.data.established, status, PartialDate(1991))
        assert [e.change for e in detail.events] == expected, listed.partner_city
        assert detail.status_since == expected[-1].effective
    assert {r.partner_city: r.status for r in workspace.partnerships.list_rows()}["Graz"] == (
        Status.SUSPENDED.value
    )


def test_an_import_after_rows_made_by_hand_numbers_on_and_chains_on(workspace):
    from tests.services.partnerships.test_service import draft

    made = workspace.partnerships.create(draft())
    csv_io.import_csv(workspace.db, (HEADER + ROWS).encode(), source="register.csv")
    ids = sorted(r.id for r in workspace.partnerships.list_rows())
    assert ids == list(range(made.id, made.id + 8))
    assert [len(workspace.partnerships.get(i).events) for i in ids[1:]] == [1, 1, 1, 2, 2, 1, 1]
    with workspace.db.engine.connect() as conn:
        assert verify_chain(conn).problems == []
    assert check_database(workspace.db).ok


def test_a_tampered_imported_row_is_still_named_by_check(workspace):
    csv_io.import_csv(workspace.db, (HEADER + ROWS).encode())
    rows = {r.partner_city: r.id for r in workspace.partnerships.list_rows()}
    tamper(workspace, "UPDATE partnership SET status = 'terminated' WHERE id = ?", rows["Otsu"])
    tamper(workspace, "UPDATE partnership SET partner_country = 'ZZ' WHERE id = ?", rows["Graz"])
    tamper(workspace, "DELETE FROM status_event WHERE partnership_id = ?", rows["Lanzhou"])
    problems = "\n".join(check_database(workspace.db).problems)
    assert f"partnership {rows['Otsu']} (Otsu): listed as terminated" in problems
    assert "partner_country: 'ZZ' is not an ISO 3166 country" in problems
    assert f"partnership {rows['Lanzhou']} (Lanzhou): has no status history" in problems
