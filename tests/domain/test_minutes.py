import datetime as dt

import pytest

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.minutes import MinutesStatus, check_editable, check_minutes_change

DAY = dt.date(2022, 3, 16)


def test_draft_to_proposed_to_approved():
    check_minutes_change(MinutesStatus.DRAFT, MinutesStatus.PROPOSED, DAY, DAY)
    check_minutes_change(MinutesStatus.PROPOSED, MinutesStatus.APPROVED, DAY, dt.date(2022, 4, 20))
    check_minutes_change(MinutesStatus.PROPOSED, MinutesStatus.DRAFT, DAY, DAY)


def test_approved_minutes_are_locked():
    assert MinutesStatus.APPROVED.locked
    with pytest.raises(InvalidInputError, match="record a correction"):
        check_minutes_change(MinutesStatus.APPROVED, MinutesStatus.DRAFT, DAY, DAY)
    with pytest.raises(InvalidInputError, match="locked"):
        check_editable(MinutesStatus.APPROVED)
    check_editable(MinutesStatus.PROPOSED)


def test_approval_comes_after_the_meeting_and_no_skipping_back():
    with pytest.raises(InvalidInputError, match="at a later meeting"):
        check_minutes_change(MinutesStatus.DRAFT, MinutesStatus.APPROVED, DAY, DAY)
    with pytest.raises(InvalidInputError, match="from draft to draft"):
        check_minutes_change(MinutesStatus.DRAFT, MinutesStatus.DRAFT, DAY, DAY)
    assert MinutesStatus.DRAFT.label == "Draft"


def test_a_meeting_is_held_once_anything_of_its_record_exists():
    from sciapp.domain.minutes import check_cancellable, check_deletable, held

    draft = MinutesStatus.DRAFT
    assert held(draft, False, 0, False) == ""
    assert held(MinutesStatus.PROPOSED, False, 0, False) == "its minutes are proposed"
    assert held(draft, False, 1, False) == "it has 1 motion recorded"
    assert held(draft, False, 2, False) == "it has 2 motions recorded"
    assert held(draft, True, 0, False) == "it was called to order"
    assert held(draft, False, 0, True) == "minutes notes have been taken in it"
    check_deletable(draft, False, 0, False)
    check_cancellable(draft, False, 0, False)
    with pytest.raises(InvalidInputError, match="cannot be deleted: it has 1 motion"):
        check_deletable(draft, False, 1, False)
    with pytest.raises(InvalidInputError, match="cannot be cancelled: it was called to order"):
        check_cancellable(draft, True, 0, False)


def test_minutes_are_not_proposed_before_the_meeting():
    with pytest.raises(InvalidInputError, match="has not taken place yet"):
        check_minutes_change(
            MinutesStatus.DRAFT, MinutesStatus.PROPOSED, DAY, DAY - dt.timedelta(days=1)
        )
    check_minutes_change(MinutesStatus.DRAFT, MinutesStatus.PROPOSED, DAY, DAY)
