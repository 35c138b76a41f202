"""Counting a roll call: one pure function from the sheet (who may vote at that moment and who
is present), the votes taken so far and the body's rules (vote rule, chair rule, quorum) to the
tally, the outcome and the votes that did not count, each with its reason.

The service stores what it returns; the roll-call dialog shows it live as votes come in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sciapp.domain.bodies import QuorumRule
from sciapp.domain.votes import (
    ChairVoting,
    Outcome,
    Tally,
    VoteOption,
    VoteRule,
    decide,
    decide_with_chair,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# What a present member can answer when called (absent is recorded, never answered).
ANSWERS = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN, VoteOption.RECUSED)

NOT_PRESENT = "not present when the vote was taken"
NOT_YET = "no vote recorded yet"
CHAIR_SET_ASIDE = "the chair votes only to make or break a tie, and this vote did neither"


@dataclass(frozen=True)
class Seat:
    """A voting member in office at the moment of the vote: present to vote, or absent."""

    member_id: int
    name: str
    is_chair: bool
    present: bool


@dataclass(frozen=True)
class RollCallRules:
    """The body's rules a vote is counted under."""

    rule: VoteRule
    chair_voting: ChairVoting = ChairVoting.ALWAYS
    quorum: QuorumRule = field(default_factory=QuorumRule)
    seats: int = 0  # the body's seats: the membership where the bylaws count seats

    @property
    def _counts_seats(self) -> bool:
        return self.rule is VoteRule.MAJORITY_TOTAL and self.seats > 0

    def base(self, sheet: Sequence[Seat]) -> Tally:
        """An empty tally carrying who is present, the membership and the quorum."""
        return Tally(
            0,
            0,
            0,
            present=sum(1 for s in sheet if s.present),
            in_office=len(sheet),
            # The seats, where the quorum counts them or the rule does (vacancies counted).
            seats=self.seats if self.quorum.count_seats or self._counts_seats else None,
            quorum=self.quorum.required(self.seats, len(sheet)),
        )


@dataclass(frozen=True)
class RollCallCount:
    """What a roll call comes to.

    `options`: every seat's vote (absent for those not present); members present and not yet
    called are left out and named in `missing`. `tally` holds the votes that counted;
    `not_counted` says, member by member, why a vote (or a seat) did not count.
    """

    options: dict[int, VoteOption]
    missing: tuple[Seat, ...]
    tally: Tally
    outcome: Outcome
    chair_id: int | None
    chair_counted: bool
    not_counted: dict[int, str]

    @property
    def present(self) -> int:
        return self.tally.members_present

    @property
    def complete(self) -> bool:
        return not self.missing

    def counted(self, member_id: int) -> bool:
        return member_id in self.options and member_id not in self.not_counted

    def cast(self, option: VoteOption) -> int:
        """How many present members answered `option`, counted or not (the live display)."""
        return sum(1 for o in self.options.values() if o is option)


def count_roll_call(
    sheet: Sequence[Seat], votes: Mapping[int, VoteOption], rules: RollCallRules
) -> RollCallCount:
    """Count the votes taken so far; members not yet called count as not voting."""
    options: dict[int, VoteOption] = {}
    missing: list[Seat] = []
    not_counted: dict[int, str] = {}
    for seat in sheet:
        if not seat.present:
            options[seat.member_id] = VoteOption.ABSENT
            not_counted[seat.member_id] = NOT_PRESENT
        elif votes.get(seat.member_id) in ANSWERS:
            options[seat.member_id] = votes[seat.member_id]
        else:
            missing.append(seat)
            not_counted[seat.member_id] = NOT_YET
    chair = next((s for s in sheet if s.is_chair and s.present), None)
    chair_id = chair.member_id if chair else None
    others = [o for mid, o in options.items() if mid != chair_id and o is not VoteOption.ABSENT]
    base = rules.base(sheet)
    chair_vote = options.get(chair_id) if chair_id is not None else None
    outcome, chair_counted = decide_with_chair(
        _with(base, others), rules.rule, chair_vote, rules.chair_voting
    )
    if chair_id is not None and chair_id in options and not chair_counted:
        not_counted[chair_id] = CHAIR_SET_ASIDE
    counted = [o for mid, o in options.items() if mid not in not_counted]
    return RollCallCount(
        options=options,
        missing=tuple(missing),
        tally=_with(base, counted),
        outcome=outcome,
        chair_id=chair_id,
        chair_counted=chair_counted,
        not_counted=not_counted,
    )


def count_voice_vote(
    sheet: Sequence[Seat], yes: int, no: int, abstain: int, rules: RollCallRules
) -> tuple[Tally, Outcome]:
    """A voice or hand vote: counts only, against those present at that moment. ValueError
    says what is wrong with the counts (more votes than members present)."""
    base = rules.base(sheet)
    tally = Tally(yes, no, abstain, base.present, base.in_office, base.seats, base.quorum)
    return tally, decide(tally, rules.rule)


def _with(base: Tally, options: Sequence[VoteOption]) -> Tally:
    return Tally(
        options.count(VoteOption.YES),
        options.count(VoteOption.NO),
        options.count(VoteOption.ABSTAIN) + options.count(VoteOption.RECUSED),
        base.present,
        base.in_office,
        base.seats,
        base.quorum,
    )
