"""`check` names a body whose stored time zone is no IANA zone (another tool wrote it)."""

from sciapp.services.safekeeping.integrity import check_database
from tests.services.safekeeping.test_seals_and_check import tamper


def test_check_names_a_time_zone_that_is_none(demo_workspace):
    assert not any("time_zone" in p for p in check_database(demo_workspace.db).problems)
    tamper(demo_workspace, "UPDATE body SET time_zone = 'Eastern Standard Time'")
    problems = [p for p in check_database(demo_workspace.db).problems if "time_zone" in p]
    assert len(problems) == 2  # both demo bodies
    assert "time_zone: 'Eastern Standard Time' is not a time zone" in problems[0]
    tamper(demo_workspace, "UPDATE body SET time_zone = ''")
    problems = [p for p in check_database(demo_workspace.db).problems if "time_zone" in p]
    assert "time_zone: '' is not a time zone" in problems[0]
