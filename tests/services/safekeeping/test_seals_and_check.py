import sqlite3

from sciapp.services.safekeeping.integrity import check_database


def tamper(workspace, sql: str, *params) -> None:
    """Another tool editing the data behind the app's back, with no rule enforced."""
    if workspace.is_file:
        with sqlite3.connect(workspace.path) as conn:
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute(sql, params)
        conn.close()
        return
    with workspace.db.engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")  # no FK triggers
        conn.exec_driver_sql(sql.replace("?", "%s"), params)


def test_approved_minutes_and_adopted_resolutions_are_sealed_in_a_chain(demo_workspace):
    seals = demo_workspace.seals.all()
    kinds = sorted({s.kind for s in seals})
    assert kinds == ["minutes", "resolution"]
    assert all(len(s.digest) == 64 for s in seals)
    assert demo_workspace.seals.verify().problems == ()
    resolution = demo_workspace.documents.resolution("2022-01")
    assert demo_workspace.seals.seal_of("resolution", resolution.id) is not None


def test_verify_names_a_sealed_record_changed_by_another_tool(demo_workspace):
    sealed = next(s for s in demo_workspace.seals.all() if s.kind == "minutes")
    tamper(
        demo_workspace,
        "UPDATE agenda_item SET notes = notes || ' (edited)' WHERE meeting_id = ?",
        sealed.record_id,
    )
    (problem,) = demo_workspace.seals.verify().problems
    assert problem.record_id == sealed.record_id
    assert "no longer matches" in str(problem)
    assert sealed.label in str(problem)


def test_verify_notices_a_forged_seal_and_a_broken_chain(demo_workspace):
    first = demo_workspace.seals.all()[0]
    tamper(demo_workspace, "UPDATE seal SET digest = ? WHERE id = 1", "f" * 64)
    problems = demo_workspace.seals.verify().problems
    what = sorted(p.what for p in problems if p.record_id is not None)
    assert what == [
        "the audit trail recorded another seal",
        "the chain of seals is broken here: a seal before it was removed or altered",
        "the seal itself was altered",
    ]
    assert first.record_id in {p.record_id for p in problems}


def test_verify_notices_a_deleted_sealed_record(demo_workspace):
    resolution = demo_workspace.documents.resolution("2022-01")
    tamper(demo_workspace, "DELETE FROM resolution WHERE id = ?", resolution.id)
    (problem,) = demo_workspace.seals.verify().problems
    assert problem.what == "the sealed record was deleted"


def test_check_passes_the_demo_and_names_what_is_wrong(demo_workspace):
    assert check_database(demo_workspace.db).ok
    tamper(demo_workspace, "UPDATE partnership SET status = 'terminated' WHERE id = 1")
    tamper(demo_workspace, "UPDATE motion SET yes = yes + 1 WHERE method = 'roll_call'")
    tamper(demo_workspace, "UPDATE status_event SET partnership_id = 999 WHERE id = 2")
    report = check_database(demo_workspace.db)
    assert not report.ok
    if demo_workspace.is_file:  # a server enforces its foreign keys itself
        assert any("foreign key" in p for p in report.problems)
    tamper(demo_workspace, "UPDATE status_event SET partnership_id = 2 WHERE id = 2")
    report = check_database(demo_workspace.db)
    text = "\n".join(report.problems)
    assert "partnership 1 (" in text
    assert "listed as terminated" in text
    assert "does not match its roll call" in text
    assert "seal:" in text  # the vote sits in approved, sealed minutes


def test_invalid_status_history_is_reported(workspace):
    from tests.services.partnerships.test_service import draft

    created = workspace.partnerships.create(draft())
    tamper(
        workspace,
        "INSERT INTO status_event (partnership_id, sequence, status, effective, instrument, "
        "reason, condition, recorded_at) VALUES (?, 2, 'proposed', '1995', '', '', '', 'x')",
        created.id,
    )
    report = check_database(workspace.db)
    assert any("status history is invalid" in p for p in report.problems)


def test_the_seal_digest_prints_in_the_pdf_footer(demo_workspace):
    import io

    import pypdf

    from sciapp.services.reports.rendering import render_minutes, render_resolution

    resolution = demo_workspace.documents.resolution("2022-01")
    sealed = demo_workspace.seals.seal_of("resolution", resolution.id)
    pdf = render_resolution(demo_workspace, "2022-01").pdf
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[-1].extract_text()
    assert f"SHA-256 seal {sealed.digest}" in text
    minutes = next(s for s in demo_workspace.seals.all() if s.kind == "minutes")
    pdf = render_minutes(demo_workspace, minutes.record_id).pdf
    assert minutes.digest in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
