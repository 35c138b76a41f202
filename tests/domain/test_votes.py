import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciapp.domain.votes import (
    ChairVoting,
    Result,
    Tally,
    VoteOption,
    VoteRule,
    decide,
    decide_with_chair,
)

A, F, Q = Result.ADOPTED, Result.FAILED, Result.NO_QUORUM
R = VoteRule

# (rule, yes, no, abstain, present, in_office, seats, quorum, expected)
CASES = [
    # majority of votes cast: abstentions do not count, a tie fails
    (R.MAJORITY_CAST, 5, 1, 1, 7, 7, None, None, A),
    (R.MAJORITY_CAST, 3, 3, 1, 7, 7, None, None, F),
    (R.MAJORITY_CAST, 2, 1, 4, 7, 7, None, None, A),
    (R.MAJORITY_CAST, 0, 0, 5, 5, 7, None, None, F),
    # two-thirds of votes cast: yes ≥ 2 × no, at least one yes
    (R.TWO_THIRDS_CAST, 4, 2, 0, 6, 7, None, None, A),
    (R.TWO_THIRDS_CAST, 5, 3, 0, 8, 9, None, None, F),
    (R.TWO_THIRDS_CAST, 0, 0, 6, 6, 7, None, None, F),
    # of members present: an abstention counts like a no
    (R.MAJORITY_PRESENT, 4, 2, 1, 7, 9, None, None, A),
    (R.MAJORITY_PRESENT, 3, 1, 3, 7, 9, None, None, F),
    (R.MAJORITY_PRESENT, 3, 0, 0, 6, 9, None, None, F),  # 3 of 6 present is not more than half
    (R.TWO_THIRDS_PRESENT, 4, 1, 1, 6, 9, None, None, A),
    (R.TWO_THIRDS_PRESENT, 4, 0, 3, 7, 9, None, None, F),
    # majority of the entire membership: vacancies not counted unless seats are fixed
    (R.MAJORITY_MEMBERSHIP, 5, 0, 0, 6, 8, None, None, A),  # 8 in office: 5 needed
    (R.MAJORITY_MEMBERSHIP, 4, 0, 0, 6, 8, None, None, F),
    (R.MAJORITY_MEMBERSHIP, 5, 0, 0, 6, 8, 11, None, F),  # 11 seats fixed: 6 needed
    (R.MAJORITY_MEMBERSHIP, 6, 0, 0, 6, 8, 11, None, A),
    # unanimous
    (R.UNANIMOUS, 7, 0, 2, 9, 9, None, None, A),
    (R.UNANIMOUS, 8, 1, 0, 9, 9, None, None, F),
    (R.UNANIMOUS, 0, 0, 9, 9, 9, None, None, F),
    # quorum: a majority of the membership by default, or as the body fixes it
    (R.MAJORITY_CAST, 3, 0, 0, 4, 9, None, None, Q),
    (R.MAJORITY_CAST, 3, 0, 0, 4, 9, None, 4, A),
    (R.MAJORITY_CAST, 2, 0, 0, 2, None, None, None, A),  # nothing known but the votes
]


@pytest.mark.parametrize(
    ("rule", "yes", "no", "abstain", "present", "in_office", "seats", "quorum", "expected"), CASES
)
def test_outcome_table(rule, yes, no, abstain, present, in_office, seats, quorum, expected):
    tally = Tally(yes, no, abstain, present, in_office, seats, quorum)
    assert decide(tally, rule).result is expected


def test_explanations_read_as_a_clerk_would_write_them():
    assert decide(Tally(5, 1, 1, 7, 7), R.MAJORITY_CAST).explanation == (
        "Adopted 5–1, 1 abstaining (majority of votes cast required)"
    )
    assert decide(Tally(3, 3, 0, 6, 7), R.MAJORITY_CAST).explanation == (
        "Failed on a tie 3–3 (majority of votes cast required)"
    )
    assert decide(Tally(4, 0, 0, 6, 8), R.MAJORITY_MEMBERSHIP).explanation == (
        "Failed 4–0 (majority of the entire membership required: 5 of 8)"
    )
    assert decide(Tally(3, 1, 3, 7, 9), R.MAJORITY_PRESENT).explanation == (
        "Failed 3–1, 3 abstaining (majority of members present required, 7 present)"
    )
    assert decide(Tally(3, 0, 0, 4, 9), R.UNANIMOUS).explanation == (
        "No vote can be taken: 4 members present, 5 needed for a quorum"
    )


def test_impossible_tallies_are_refused():
    with pytest.raises(ValueError, match="negative"):
        Tally(-1, 0)
    with pytest.raises(ValueError, match="more votes than members present"):
        Tally(4, 3, 0, present=6)


def test_chair_votes_always_in_small_boards():
    outcome, counted = decide_with_chair(
        Tally(2, 2, 0, 5, 5), R.MAJORITY_CAST, VoteOption.YES, ChairVoting.ALWAYS
    )
    assert counted
    assert outcome.explanation.startswith("Adopted 3–2")


def test_chair_breaks_a_tie_but_is_not_counted_otherwise():
    broke, counted = decide_with_chair(
        Tally(3, 3, 0, 7, 7), R.MAJORITY_CAST, VoteOption.YES, ChairVoting.TIE_ONLY
    )
    assert (broke.result, counted) == (A, True)
    assert broke.explanation.startswith("Adopted 4–3")
    made, counted = decide_with_chair(
        Tally(4, 3, 0, 8, 9), R.MAJORITY_CAST, VoteOption.NO, ChairVoting.TIE_ONLY
    )
    assert (made.result, counted) == (F, True)
    assert made.explanation.startswith("Failed on a tie 4–4")
    idle, counted = decide_with_chair(
        Tally(5, 1, 0, 7, 7), R.MAJORITY_CAST, VoteOption.YES, ChairVoting.TIE_ONLY
    )
    assert (idle.result, counted) == (A, False)
    assert idle.explanation.startswith("Adopted 5–1")  # never counted twice
    absent, counted = decide_with_chair(
        Tally(2, 1, 0, 3, 5), R.MAJORITY_CAST, None, ChairVoting.ALWAYS
    )
    assert (absent.result, counted) == (A, False)
    quiet, counted = decide_with_chair(
        Tally(2, 1), R.MAJORITY_CAST, VoteOption.ABSTAIN, ChairVoting.TIE_ONLY
    )
    assert (quiet.result, counted) == (A, False)


def test_labels():
    assert R.TWO_THIRDS_CAST.label == "two-thirds of votes cast"
    assert VoteOption.RECUSED.label == "Recused"
    assert decide(Tally(1, 0), R.MAJORITY_CAST).adopted


@st.composite
def tallies(draw):
    seats = draw(st.integers(1, 30))
    in_office = draw(st.integers(1, seats))
    present = draw(st.integers(0, in_office))
    yes = draw(st.integers(0, present))
    no = draw(st.integers(0, present - yes))
    abstain = draw(st.integers(0, present - yes - no))
    fixed = draw(st.none() | st.just(seats))
    return Tally(yes, no, abstain, present, in_office, fixed)


@given(tallies(), st.sampled_from(list(VoteRule)))
def test_turning_a_no_into_a_yes_never_defeats_an_adopted_motion(tally, rule):
    if tally.no == 0:
        return
    before = decide(tally, rule)
    after = decide(
        Tally(
            tally.yes + 1, tally.no - 1, tally.abstain, tally.present, tally.in_office, tally.seats
        ),
        rule,
    )
    if before.adopted:
        assert after.adopted


@given(tallies(), st.sampled_from(list(VoteRule)))
def test_a_tie_never_carries_a_majority_and_quorum_is_checked_first(tally, rule):
    outcome = decide(tally, rule)
    if tally.members_present < tally.quorum_needed:
        assert outcome.result is Result.NO_QUORUM
    elif tally.yes == tally.no:
        assert not outcome.adopted
    if outcome.adopted:
        assert tally.yes >= 1


@given(tallies())
def test_stricter_rules_never_carry_what_weaker_ones_reject(tally):
    cast = decide(tally, VoteRule.MAJORITY_CAST).adopted
    if decide(tally, VoteRule.TWO_THIRDS_CAST).adopted:
        assert cast
    if decide(tally, VoteRule.UNANIMOUS).adopted:
        assert decide(tally, VoteRule.TWO_THIRDS_CAST).adopted
    if decide(tally, VoteRule.MAJORITY_PRESENT).adopted:
        assert cast
