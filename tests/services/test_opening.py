"""Opening in two steps: the file checked and locked with sqlite3 alone, the workspace after."""

import pytest

from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.opening import StoreInUseError, begin_open, open_workspace


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    ws.partnerships.create(
        PartnershipDraft(kind="sister", partner_city="Otsu", partner_country="JP")
    )
    settings = ws.documents.settings()
    head = settings.__class__(**{**settings.__dict__, "name": "Lansing Sister Cities"})
    ws.documents.save_settings(head)
    ws.close()
    return path


def test_the_start_facts_are_read_before_the_workspace_is_made(register):
    opening = begin_open(register)
    try:
        assert not opening.upgrade_due
        assert not opening.ready
        facts = opening.facts()
        assert (facts.commission_name, facts.partnerships) == ("Lansing Sister Cities", 1)
        with pytest.raises(StoreInUseError):  # the file is ours from the first step
            open_workspace(register)
    finally:
        opening.close()
    open_workspace(register).close()  # given back


def test_a_listener_subscribed_before_the_workspace_hears_its_writes(register):
    opening = begin_open(register)
    heard, stopped = [], []
    opening.subscribe(heard.append)
    stop = opening.subscribe(stopped.append)
    stop()  # stopped before the workspace exists: never hears anything
    workspace = opening.finish()
    assert opening.finish() is workspace
    assert opening.ready
    draft = PartnershipDraft(kind="sister", partner_city="Kraków", partner_country="PL")
    workspace.partnerships.create(draft)
    opening.close()
    assert len(heard) == 1
    assert stopped == []


def test_loading_in_the_background_then_finishing(register):
    import threading

    loaded = threading.Event()
    opening = begin_open(register)
    opening.load_in_background(loaded.set)
    loaded.wait()
    assert opening.finish().partnerships.count() == 1
    opening.close()


def test_a_new_file_is_due_its_schema_and_has_no_facts_to_read(tmp_path):
    opening = begin_open(tmp_path / "new.sqlite3")
    assert opening.upgrade_due
    assert opening.created
    assert opening.facts() is None
    assert opening.finish().partnerships.count() == 0
    opening.close()


def test_closing_an_opening_never_finished_closes_it_as_a_session_would(register):
    begin_open(register).close()
    open_workspace(register).close()  # the lock was given back
