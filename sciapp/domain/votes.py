"""Did it carry? One pure function decides, from the counts, the rule and the body's seats and
quorum, following Robert's Rules unless the body's settings say otherwise (domain notes):

- majority of votes cast: yes > no; abstentions and blanks do not count;
- two-thirds of votes cast: yes ≥ 2 × no, and at least one yes;
- of members present: the base is everyone present, so an abstention counts like a no;
- majority of the entire membership: more than half of the members in office (vacancies not
  counted), or of the seats where the body fixes the number;
- unanimous: no "no" votes and at least one yes;
- two-thirds of the members serving: yes ≥ ⅔ of the voting members in office, whoever is
  present (Michigan's vote to call a closed session, MCL 15.267(1): "members elected or
  appointed and serving");
- majority of the total membership: more than half of the seats, vacancies counted (New
  York's vote to enter executive session, POL §105(1), "total membership" read with GCL §41:
  the number the body would have "were there no vacancies");
- a tie fails; without a quorum no vote can be taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class VoteRule(StrEnum):
    MAJORITY_CAST = "majority-cast"
    TWO_THIRDS_CAST = "two-thirds-cast"
    MAJORITY_PRESENT = "majority-present"
    TWO_THIRDS_PRESENT = "two-thirds-present"
    MAJORITY_MEMBERSHIP = "majority-membership"
    UNANIMOUS = "unanimous"
    TWO_THIRDS_SERVING = "two-thirds-serving"
    MAJORITY_TOTAL = "majority-total"

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]


_RULE_LABELS = {
    VoteRule.MAJORITY_CAST: "majority of votes cast",
    VoteRule.TWO_THIRDS_CAST: "two-thirds of votes cast",
    VoteRule.MAJORITY_PRESENT: "majority of members present",
    VoteRule.TWO_THIRDS_PRESENT: "two-thirds of members present",
    VoteRule.MAJORITY_MEMBERSHIP: "majority of the entire membership",
    VoteRule.UNANIMOUS: "unanimous vote",
    VoteRule.TWO_THIRDS_SERVING: "two-thirds of the members serving",
    VoteRule.MAJORITY_TOTAL: "majority of the total membership",
}


class VoteOption(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    RECUSED = "recused"
    ABSENT = "absent"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ChairVoting(StrEnum):
    ALWAYS = "always"  # small boards: the chair votes like anyone
    TIE_ONLY = "tie-only"  # the chair's vote counts only when it makes or breaks a tie


class Result(StrEnum):
    ADOPTED = "adopted"
    FAILED = "failed"
    NO_QUORUM = "no quorum"


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int = 0  # abstentions and recusals
    present: int | None = None  # voting members present; defaults to those who voted
    in_office: int | None = None  # voting members in office; defaults to present
    seats: int | None = None  # the fixed number, where the body counts seats
    quorum: int | None = None  # members needed; defaults to a majority of the membership

    def __post_init__(self) -> None:
        for name in ("yes", "no", "abstain", "present", "in_office", "seats", "quorum"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be negative")
        if self.present is not None and self.yes + self.no + self.abstain > self.present:
            raise ValueError("more votes than members present")

    @property
    def members_present(self) -> int:
        return self.present if self.present is not None else self.yes + self.no + self.abstain

    @property
    def membership(self) -> int:
        if self.seats is not None:
            return self.seats
        return self.in_office if self.in_office is not None else self.members_present

    @property
    def serving(self) -> int:
        """The voting members in office, present or not (vacancies never counted)."""
        return self.in_office if self.in_office is not None else self.members_present

    @property
    def total_membership(self) -> int:
        """The seats, vacancies counted, where known; else the membership."""
        return self.seats if self.seats is not None else self.membership

    @property
    def quorum_needed(self) -> int:
        return self.quorum if self.quorum is not None else self.membership // 2 + 1


@dataclass(frozen=True)
class Outcome:
    result: Result
    explanation: str

    @property
    def adopted(self) -> bool:
        return self.result is Result.ADOPTED


def roll_call_order(name: str) -> tuple[str, str]:
    """Where a member stands in a printed roll call: by last name, then the whole name."""
    return (name.split()[-1], name)


def counts_phrase(yes: int, no: int, abstain: int = 0) -> str:
    """A vote's counts as the minutes and the partnership history say them: "5–1, 1 abstaining"."""
    return f"{yes}–{no}" + (f", {abstain} abstaining" if abstain else "")


def decide(tally: Tally, rule: VoteRule) -> Outcome:
    """Adopted, failed or no quorum, with a sentence that explains it."""
    if tally.members_present < tally.quorum_needed:
        return Outcome(
            Result.NO_QUORUM,
            f"No vote can be taken: {tally.members_present} members present, "
            f"{tally.quorum_needed} needed for a quorum",
        )
    yes, no = tally.yes, tally.no
    if rule is VoteRule.MAJORITY_CAST:
        carried = yes > no
    elif rule is VoteRule.TWO_THIRDS_CAST:
        carried = yes >= 1 and yes >= 2 * no
    elif rule is VoteRule.MAJORITY_PRESENT:
        carried = 2 * yes > tally.members_present
    elif rule is VoteRule.TWO_THIRDS_PRESENT:
        carried = yes >= 1 and 3 * yes >= 2 * tally.members_present
    elif rule is VoteRule.MAJORITY_MEMBERSHIP:
        carried = 2 * yes > tally.membership
    elif rule is VoteRule.TWO_THIRDS_SERVING:
        carried = yes >= 1 and 3 * yes >= 2 * tally.serving
    elif rule is VoteRule.MAJORITY_TOTAL:
        carried = 2 * yes > tally.total_membership
    else:
        carried = yes >= 1 and no == 0
    counts = counts_phrase(yes, no, tally.abstain)
    needed = f"{rule.label} required"
    if rule is VoteRule.MAJORITY_MEMBERSHIP:
        needed += f": {tally.membership // 2 + 1} of {tally.membership}"
    elif rule is VoteRule.TWO_THIRDS_SERVING:
        needed += f": {max(1, -(-2 * tally.serving // 3))} of {tally.serving}"
    elif rule is VoteRule.MAJORITY_TOTAL:
        needed += f": {tally.total_membership // 2 + 1} of {tally.total_membership}"
    elif rule in (VoteRule.MAJORITY_PRESENT, VoteRule.TWO_THIRDS_PRESENT):
        needed += f", {tally.members_present} present"
    if carried:
        return Outcome(Result.ADOPTED, f"Adopted {counts} ({needed})")
    tie = " on a tie" if yes == no and yes > 0 else ""
    return Outcome(Result.FAILED, f"Failed{tie} {counts} ({needed})")


def decide_with_chair(
    tally: Tally, rule: VoteRule, chair: VoteOption | None, voting: ChairVoting
) -> tuple[Outcome, bool]:
    """Apply the body's chair rule. `tally` leaves the chair's vote out; `chair` is how the
    chair voted (None if absent). Returns the outcome and whether the chair's vote counted.

    Where the chair votes only to make or break a tie, the vote counts only if it changes the
    result; the chair is never counted twice.
    """
    if chair not in (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN):
        return decide(tally, rule), False
    present = tally.present
    with_chair = Tally(
        tally.yes + (chair is VoteOption.YES),
        tally.no + (chair is VoteOption.NO),
        tally.abstain + (chair is VoteOption.ABSTAIN),
        present,
        tally.in_office,
        tally.seats,
        tally.quorum,
    )
    counted = decide(with_chair, rule)
    if voting is ChairVoting.ALWAYS:
        return counted, True
    # The chair is present either way: only the chair's vote is set aside.
    without = decide(
        Tally(
            tally.yes,
            tally.no,
            tally.abstain,
            present if present is not None else with_chair.members_present,
            tally.in_office,
            tally.seats,
            tally.quorum,
        ),
        rule,
    )
    if counted.result is without.result:
        return without, False
    return counted, True
