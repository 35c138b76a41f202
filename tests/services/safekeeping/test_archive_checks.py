"""Archive import checks every row against the rules of `check` and `verify` before writing
anything; each refusal names the table and the row."""

import pytest

from sciapp.services.errors import ImportRejectedError
from sciapp.services.safekeeping.archive import import_archive
from tests.services.safekeeping.test_archive import archive_of, fresh, manifest_of, rezip  # noqa: F401


def refused(db, manifest) -> str:
    with pytest.raises(ImportRejectedError) as caught:
        import_archive(db, rezip(manifest))
    with db.engine.connect() as conn:  # nothing was written
        assert conn.exec_driver_sql("SELECT count(*) FROM partnership").scalar() == 0
    return "\n".join(caught.value.problems)


@pytest.fixture
def manifest(demo_workspace):
    return manifest_of(archive_of(demo_workspace))


def row(manifest, table, **match):
    rows = manifest["tables"][table]
    index = next(i for i, r in enumerate(rows) if all(r[k] == v for k, v in match.items()))
    return index, rows[index]


def test_an_archive_whose_seals_were_removed_is_refused(fresh, manifest):  # noqa: F811
    manifest["tables"]["seal"] = []
    index, meeting = row(manifest, "meeting", date="2022-03-14")
    text = refused(fresh.db, manifest)
    assert f"tables.meeting[{index}] (id {meeting['id']}): " in text
    assert "approved but not sealed" in text
    assert "adopted but not sealed" in text


def test_a_partnership_without_history_is_refused(fresh, manifest):  # noqa: F811
    index, otsu = row(manifest, "partnership", partner_city="Otsu")
    events = manifest["tables"]["status_event"]
    manifest["tables"]["status_event"] = [e for e in events if e["partnership_id"] != otsu["id"]]
    text = refused(fresh.db, manifest)
    assert f"tables.partnership[{index}] (id {otsu['id']}): has no status history" in text


def test_a_tally_against_its_roll_call_is_refused(fresh, manifest):  # noqa: F811
    index, motion = row(manifest, "motion", method="roll_call")
    motion["yes"], motion["no"] = 99, 1
    text = refused(fresh.db, manifest)
    assert f"tables.motion[{index}] (id {motion['id']}): tally 99–1–0 does not match" in text


def test_a_date_that_does_not_exist_is_refused(fresh, manifest):  # noqa: F811
    index, otsu = row(manifest, "partnership", partner_city="Otsu")
    otsu["established"] = "2022-02-30"
    m_index, meeting = row(manifest, "meeting", date="2022-03-14")
    meeting["minutes_approved_on"] = "2022-02-30"
    text = refused(fresh.db, manifest)
    assert (
        f"tables.partnership[{index}] (id {otsu['id']}): established: '2022-02-30' is not a "
        "real date" in text
    )
    assert f"tables.meeting[{m_index}] (id {meeting['id']}): minutes_approved_on" in text


def test_a_country_that_is_not_iso_is_refused(fresh, manifest):  # noqa: F811
    index, otsu = row(manifest, "partnership", partner_city="Otsu")
    otsu["partner_country"] = "ZZ"
    text = refused(fresh.db, manifest)
    assert (
        f"tables.partnership[{index}] (id {otsu['id']}): partner_country: 'ZZ' is not an ISO "
        "3166 country" in text
    )


def test_a_broken_audit_trail_is_refused(fresh, manifest):  # noqa: F811
    entries = manifest["tables"]["audit_entry"]
    entries[3]["actor"] = "someone else"
    del entries[10]
    text = refused(fresh.db, manifest)
    assert (
        f"tables.audit_entry[3] (id {entries[3]['id']}): was changed after it was written" in text
    )
    assert "an entry between them was deleted" in text


def test_an_edited_sealed_record_or_snapshot_is_refused(fresh, manifest):  # noqa: F811
    _index, resolution = row(manifest, "resolution", number="2022-01")
    resolution["title"] = "Something else"
    seal = manifest["tables"]["seal"][0]
    seal["snapshot"] = seal["snapshot"].replace("Lansing", "Elsewhere")
    text = refused(fresh.db, manifest)
    assert "its content no longer matches its seal" in text
    assert "its snapshot (what it prints) was altered" in text


def test_a_sound_archive_still_imports(fresh, manifest):  # noqa: F811
    report = import_archive(fresh.db, rezip(manifest))
    assert report.rows["seal"] == 4
    assert fresh.seals.verify().ok
