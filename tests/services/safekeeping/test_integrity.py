"""`check` never crashes on rows that break the app's rules: it names them."""

from sciapp.services.safekeeping.integrity import check_database
from tests.services.safekeeping.test_seals_and_check import tamper


def test_check_names_bad_rows_without_a_traceback(demo_workspace):
    ws = demo_workspace
    otsu = next(r for r in ws.partnerships.list_rows() if r.partner_city == "Otsu")
    tamper(ws, "UPDATE partnership SET established = '2022-02-30' WHERE id = ?", otsu.id)
    tamper(ws, "UPDATE partnership SET partner_country = 'ZZ' WHERE partner_city = 'Sakaide'")
    tamper(ws, "DELETE FROM status_event WHERE partnership_id = ?", otsu.id)
    tamper(ws, "UPDATE meeting SET date = '2022-02-30' WHERE date = '2022-04-20'")
    tamper(ws, "UPDATE body SET profile = 'atlantis'")
    tamper(ws, "UPDATE motion SET yes = 99, no = 1 WHERE method = 'roll_call'")
    tamper(ws, "UPDATE motion SET moved_at = '25:99' WHERE id = 1")
    report = check_database(ws.db)
    text = "\n".join(report.problems)
    for expected in (
        f"partnership {otsu.id} (Otsu): established: '2022-02-30' is not a real date",
        f"partnership {otsu.id} (Otsu): has no status history",
        "partner_country: 'ZZ' is not an ISO 3166 country",
        "date: '2022-02-30' is not a real date (YYYY-MM-DD)",
        "profile: 'atlantis' is not one of michigan",
        "tally 99–1–0 does not match its roll call",
        "motion 1 (",
        "moved_at: '25:99' is not a time (HH:MM)",
        "seal: minutes",  # the sealed minutes hold those votes
    ):
        assert expected in text, expected


def test_a_recused_vote_is_counted_as_the_tally_counts_it(demo_workspace):
    tamper(
        demo_workspace,
        "UPDATE roll_call_vote SET option = 'recused' WHERE id = "
        "(SELECT min(id) FROM roll_call_vote WHERE option = 'abstain')",
    )
    assert not any(
        "does not match its roll call" in p for p in check_database(demo_workspace.db).problems
    )
