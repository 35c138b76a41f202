import pytest

from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import PartnershipDraft
from sciapp.domain.status import Decider, Status, StatusChange
from sciapp.services.errors import NotFoundError, ValidationError


def draft(**changes):
    base = {
        "kind": "sister",
        "partner_city": "Voronezh",
        "partner_city_native": "Воронеж",
        "partner_country": "Russia",
        "local_jurisdiction": "Charlotte, North Carolina",
        "established": "1991",
    }
    return PartnershipDraft(**{**base, **changes})


SUSPEND = StatusChange(
    Status.SUSPENDED,
    PartialDate(2022, 3, 28),
    Decider.CITY_COUNCIL,
    "Resolution adopted 2022-03-28",
    "Russia's invasion of Ukraine",
    "until one year following the declaration of peace",
)


def test_create_starts_active_on_the_established_date(workspace):
    created = workspace.partnerships.create(draft())
    assert created.status is Status.ACTIVE
    assert created.status_since == PartialDate(1991)
    assert [e.action for e in created.events] == ["Established"]
    assert workspace.partnerships.get(created.id).data.partner_country == "RU"


def test_create_as_proposed(workspace):
    created = workspace.partnerships.create(draft(), initial=Status.PROPOSED)
    assert created.status is Status.PROPOSED
    assert created.status_since is None
    with pytest.raises(ValidationError, match="proposed or active"):
        workspace.partnerships.create(draft(partner_city="X"), initial=Status.SUSPENDED)


def test_invalid_input_names_the_field_and_writes_nothing(workspace):
    with pytest.raises(ValidationError) as info:
        workspace.partnerships.create(draft(partner_country="Atlantis", established="1991-13"))
    assert set(info.value.errors) == {"partner_country", "established"}
    assert workspace.partnerships.count() == 0


def test_duplicate_live_tie_is_refused(workspace):
    workspace.partnerships.create(draft())
    with pytest.raises(ValidationError, match="already in the register"):
        workspace.partnerships.create(draft(partner_city="VORONEZH"))
    workspace.partnerships.create(draft(kind="friendship"))  # another kind is another tie
    assert workspace.partnerships.count() == 2


def test_a_terminated_tie_can_be_followed_by_a_new_one(workspace):
    old = workspace.partnerships.create(draft())
    workspace.partnerships.record_change(
        old.id,
        StatusChange(Status.TERMINATED, PartialDate(2022, 3, 9), Decider.CITY_COUNCIL, "", "war"),
    )
    new = workspace.partnerships.create(draft(established="2030"))
    assert new.id != old.id
    # Editing the terminated record does not clash with the live one.
    workspace.partnerships.update(old.id, draft(notes="ended in 2022"))


def test_suspend_and_reinstate(workspace):
    created = workspace.partnerships.create(draft())
    suspended = workspace.partnerships.record_change(created.id, SUSPEND)
    assert suspended.status is Status.SUSPENDED
    assert suspended.status_since == PartialDate(2022, 3, 28)
    event = suspended.events[-1]
    assert event.summary() == "Suspended by the City Council (Resolution adopted 2022-03-28)"
    assert event.change.condition == "until one year following the declaration of peace"
    reinstated = workspace.partnerships.record_change(
        created.id, StatusChange(Status.ACTIVE, PartialDate(2025, 6), Decider.COMMISSION)
    )
    assert [e.action for e in reinstated.events] == ["Established", "Suspended", "Reinstated"]
    rows = workspace.partnerships.list_rows(Status.ACTIVE)
    assert [(r.partner_city, r.status_since) for r in rows] == [("Voronezh", "2025-06")]


def test_a_refused_change_leaves_the_history_alone(workspace):
    created = workspace.partnerships.create(draft())
    with pytest.raises(ValidationError) as info:
        workspace.partnerships.record_change(
            created.id, StatusChange(Status.SUSPENDED, PartialDate(2022), Decider.MAYOR)
        )
    assert info.value.errors == {"reason": "say why the partnership is suspended"}
    assert len(workspace.partnerships.get(created.id).events) == 1


def test_update_and_draft_round_trip(workspace):
    created = workspace.partnerships.create(
        draft(no_expiry=False, expires="2026", local_signatory_name="Vi Lyles")
    )
    form = created.draft()
    assert form.partner_country == "RU"
    assert form.no_expiry is False
    assert form.expires == "2026"
    updated = workspace.partnerships.update(created.id, draft(partner_region="Voronezh Oblast"))
    assert updated.data.partner_region == "Voronezh Oblast"
    assert updated.data.expires is None
    assert updated.status is Status.ACTIVE


def test_delete_removes_the_history_too(workspace):
    created = workspace.partnerships.create(draft())
    workspace.partnerships.record_change(created.id, SUSPEND)
    workspace.partnerships.delete(created.id)
    with pytest.raises(NotFoundError, match="does not exist"):
        workspace.partnerships.get(created.id)
    with workspace.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM status_event").scalar() == 0


def test_default_jurisdiction_is_the_most_used(demo_workspace):
    assert demo_workspace.partnerships.default_jurisdiction() == "Lansing, Michigan"


def test_demo_is_lansing(demo_workspace):
    rows = demo_workspace.partnerships.list_rows()
    kinds = [r.kind for r in rows]
    assert kinds.count("sister_city") == 7
    assert kinds.count("friendship_city") == 4
    spb = next(r for r in rows if r.partner_city == "St. Petersburg")
    assert spb.partner_city_native == "Санкт-Петербург"
    detail = demo_workspace.partnerships.get(spb.id)
    assert [e.action for e in detail.events] == ["Proposed", "Established", "Suspended"]
    assert "motion of March 14, 2022, adopted 7–1" in detail.events[-1].summary()
    assert "1992" in detail.data.notes
