"""Counting a roll call: the one function the service records with and the dialog's live
tally shows, under the body's vote rule, chair rule and quorum."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciapp.domain.bodies import QuorumRule
from sciapp.domain.rollcall import (
    CHAIR_SET_ASIDE,
    NOT_PRESENT,
    NOT_YET,
    RollCallRules,
    Seat,
    count_roll_call,
    count_voice_vote,
)
from sciapp.domain.votes import ChairVoting, Result, VoteOption, VoteRule

Y, N, A, R = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN, VoteOption.RECUSED
CAST = RollCallRules(VoteRule.MAJORITY_CAST)
TIE_ONLY = RollCallRules(VoteRule.MAJORITY_CAST, ChairVoting.TIE_ONLY)


def sheet(present: int = 7, absent: int = 0) -> list[Seat]:
    seats = [Seat(1, "Ada Chair", True, True)]
    seats += [Seat(i, f"Member {i}", False, True) for i in range(2, present + 1)]
    seats += [Seat(100 + i, f"Away {i}", False, False) for i in range(absent)]
    return seats


def votes(*options: VoteOption) -> dict[int, VoteOption]:
    return dict(enumerate(options, start=1))


def test_a_full_roll_call_counts_abstentions_and_recusals_apart_from_yes_and_no():
    count = count_roll_call(sheet(7, 1), votes(Y, Y, Y, Y, N, A, R), CAST)
    assert count.complete
    assert (count.tally.yes, count.tally.no, count.tally.abstain) == (4, 1, 2)
    assert count.present == 7
    assert count.outcome.result is Result.ADOPTED
    assert count.outcome.explanation == (
        "Adopted 4–1, 2 abstaining (majority of votes cast required)"
    )
    assert count.options[100] is VoteOption.ABSENT
    assert count.not_counted == {100: NOT_PRESENT}
    assert count.cast(VoteOption.RECUSED) == 1
    assert count.cast(VoteOption.ABSENT) == 1


def test_members_not_yet_called_are_named_and_count_as_not_voting():
    count = count_roll_call(sheet(4), votes(Y, N), CAST)
    assert [s.name for s in count.missing] == ["Member 3", "Member 4"]
    assert count.not_counted == {3: NOT_YET, 4: NOT_YET}
    assert count.outcome.explanation.startswith("Failed on a tie 1–1")
    assert 3 not in count.options  # nothing is recorded for them


def test_a_chair_who_votes_only_on_a_tie_is_set_aside_and_says_why():
    clear = count_roll_call(sheet(7), votes(Y, Y, Y, Y, Y, N, N), TIE_ONLY)
    assert clear.outcome.explanation.startswith("Adopted 4–2")
    assert not clear.chair_counted
    assert not clear.counted(1)
    assert clear.not_counted == {1: CHAIR_SET_ASIDE}
    assert clear.cast(Y) == 5  # the display still shows every vote taken
    broke = count_roll_call(sheet(7), votes(Y, Y, Y, Y, N, N, N), TIE_ONLY)
    assert broke.outcome.explanation.startswith("Adopted 4–3")
    assert broke.chair_counted
    assert broke.counted(1)
    assert broke.not_counted == {}


def test_the_chair_always_counts_in_a_small_board():
    count = count_roll_call(sheet(3), votes(Y, N, N), CAST)
    assert count.chair_counted
    assert count.outcome.result is Result.FAILED


def test_no_quorum_under_the_bodys_rule():
    few = count_roll_call(sheet(3, 4), votes(Y, Y, Y), CAST)
    assert few.outcome.result is Result.NO_QUORUM
    assert few.outcome.explanation == (
        "No vote can be taken: 3 members present, 4 needed for a quorum"
    )
    fixed = RollCallRules(VoteRule.MAJORITY_CAST, quorum=QuorumRule(fixed=3))
    assert count_roll_call(sheet(3, 4), votes(Y, Y, Y), fixed).outcome.adopted


def test_seats_fixed_by_the_bylaws_are_the_membership():
    rules = RollCallRules(
        VoteRule.MAJORITY_MEMBERSHIP, quorum=QuorumRule(count_seats=True), seats=11
    )
    count = count_roll_call(sheet(7), votes(Y, Y, Y, Y, Y, N, N), rules)
    assert count.tally.membership == 11
    assert count.outcome.result is Result.FAILED  # 5 of 11 is not a majority


def test_a_voice_vote_counts_against_those_present():
    tally, outcome = count_voice_vote(sheet(5, 2), 4, 0, 1, CAST)
    assert (tally.present, tally.in_office) == (5, 7)
    assert outcome.explanation == "Adopted 4–0, 1 abstaining (majority of votes cast required)"
    with pytest.raises(ValueError, match="more votes than members present"):
        count_voice_vote(sheet(5), 4, 2, 0, CAST)


@given(st.lists(st.sampled_from([Y, N, A, R, None]), min_size=1, max_size=12))
def test_every_seat_is_counted_or_says_why_not(answers):
    seats = sheet(len(answers))
    taken = {i: a for i, a in enumerate(answers, start=1) if a is not None}
    for rules in (CAST, TIE_ONLY):
        count = count_roll_call(seats, taken, rules)
        for seat in seats:
            assert count.counted(seat.member_id) != (seat.member_id in count.not_counted)
        counted = [o for m, o in count.options.items() if count.counted(m)]
        assert count.tally.yes == counted.count(Y)
        assert count.tally.no == counted.count(N)
        assert count.tally.abstain == counted.count(A) + counted.count(R)
