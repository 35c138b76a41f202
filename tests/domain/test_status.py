import pytest

from sciapp.domain.dates import PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.status import (
    Decider,
    Status,
    StatusChange,
    action_name,
    allowed_next,
    check_change,
    check_history,
    current_status,
)

COUNCIL = Decider.CITY_COUNCIL


def change(status, date="2022-03-08", reason="", condition="", decided_by=COUNCIL):
    return StatusChange(
        Status(status), PartialDate.parse_optional(date), decided_by, "", reason, condition
    )


ACTIVE = [change("active", "1968", decided_by=None)]
SUSPENDED = [*ACTIVE, change("suspended", reason="war in Ukraine")]


def errors_of(history, new):
    with pytest.raises(InvalidInputError) as info:
        check_change(history, new)
    return info.value.errors


def test_a_new_partnership_starts_proposed_or_active():
    check_change([], change("active", "1968", decided_by=None))
    check_change([], change("proposed", None, decided_by=None))
    assert (
        "starts as proposed or active" in errors_of([], change("suspended", reason="x"))["status"]
    )


def test_suspend_then_reinstate_then_terminate():
    check_change(ACTIVE, change("suspended", reason="war", condition="until peace is restored"))
    check_change(SUSPENDED, change("active", "2024-01-01"))
    check_change(SUSPENDED, change("terminated", "2024-01-01", reason="partner abolished"))


def test_terminated_is_final():
    history = [*ACTIVE, change("terminated", reason="council vote")]
    assert allowed_next(Status.TERMINATED) == ()
    message = errors_of(history, change("active", "2023"))["status"]
    assert "new partnership" in message


def test_reinstatement_needs_a_prior_suspension():
    assert "already active" in errors_of(ACTIVE, change("active"))["status"]
    proposed = [change("proposed", None, decided_by=None)]
    check_change(proposed, change("active"))  # a proposal becoming active is establishment


def test_no_going_back_to_proposed_or_skipping_to_suspension():
    assert "back to proposed" in errors_of(ACTIVE, change("proposed"))["status"]
    proposed = [change("proposed", None, decided_by=None)]
    message = errors_of(proposed, change("suspended", reason="x"))["status"]
    assert message == "a proposed partnership cannot become suspended"


def test_suspension_and_termination_need_a_reason():
    assert "say why" in errors_of(ACTIVE, change("suspended"))["reason"]
    assert "say why" in errors_of(ACTIVE, change("terminated", reason="  "))["reason"]


def test_only_a_suspension_carries_a_condition():
    errors = errors_of(ACTIVE, change("terminated", reason="x", condition="until peace"))
    assert errors == {"condition": "only a suspension can carry a condition"}


def test_events_keep_date_order():
    errors = errors_of(SUSPENDED, change("active", "2021-12-31"))
    assert errors["effective"] == "must not be before the previous change (2022-03-08)"
    check_change(SUSPENDED, change("active", "2022"))  # same year: may be later that year


def test_a_recorded_change_needs_a_date_and_a_decider():
    errors = errors_of(ACTIVE, change("suspended", None, reason="x", decided_by=None))
    assert set(errors) == {"effective", "decided_by"}


def test_check_history_names_the_event():
    check_history(SUSPENDED)
    with pytest.raises(InvalidInputError) as info:
        check_history([*SUSPENDED, change("suspended", reason="again")])
    assert info.value.errors == {"event 3 status": "the partnership is already suspended"}


def test_current_status_and_action_names():
    assert current_status([]) is None
    assert current_status(SUSPENDED) is Status.SUSPENDED
    assert action_name(None, Status.ACTIVE) == "Established"
    assert action_name(Status.PROPOSED, Status.ACTIVE) == "Established"
    assert action_name(Status.SUSPENDED, Status.ACTIVE) == "Reinstated"
    assert action_name(Status.ACTIVE, Status.SUSPENDED) == "Suspended"
    assert action_name(Status.ACTIVE, Status.TERMINATED) == "Terminated"
    assert action_name(None, Status.PROPOSED) == "Proposed"


def test_labels_read_as_words():
    assert Status.SUSPENDED.label == "Suspended"
    assert Decider.CITY_COUNCIL.phrase == "the City Council"
    assert Decider.PARTNER_CITY.phrase == "the partner city"
    assert Decider.MAYOR.label == "Mayor"


def test_error_message_lists_fields():
    error = InvalidInputError({"reason": "say why", "status": "no"})
    assert str(error) == "reason: say why; status: no"


def test_where_a_partnership_stands_after_an_event_comes_and_goes():
    from sciapp.domain.status import Standing, after_append, after_removal, standing

    first = StatusChange(Status.ACTIVE, PartialDate.parse("1992"))
    suspended = StatusChange(Status.SUSPENDED, PartialDate.parse("2022-03-08"), reason="war")
    assert standing([first]) == Standing(Status.ACTIVE, PartialDate.parse("1992"))
    assert after_append([first], suspended) == Standing(
        Status.SUSPENDED, PartialDate.parse("2022-03-08")
    )
    assert after_removal([first, suspended], 1) == Standing(Status.ACTIVE, first.effective)
    with pytest.raises(InvalidInputError, match="a later status change depends on this one"):
        after_removal([first, suspended], 0)
    with pytest.raises(InvalidInputError, match="first event cannot be removed"):
        after_removal([first], 0)
    with pytest.raises(InvalidInputError, match="at least one event"):
        standing([])
