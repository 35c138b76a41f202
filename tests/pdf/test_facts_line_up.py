"""The minutes' and agenda's facts (date, time, place …) start at the text's left edge, where
the letterhead, its rule and the body text do: not 6 pt in, nor centred in the frame."""

from sciapp.pdf.meeting_docs import render_agenda, render_minutes
from sciapp.pdf.model import AgendaDoc, MinutesDoc, MinutesItem
from tests.pdf.test_on_paper import HEAD, _rule_x, _x_positions

FACTS = (("Date", "March 16, 2022"), ("Time", "7:02 p.m."), ("Place", "City Hall, Room 10"))


def test_the_minutes_facts_line_up_with_the_body_text():
    item = MinutesItem(1, "Call to order", "The chair called the meeting to order.")
    pdf = render_minutes(
        MinutesDoc(HEAD, "Commission", "Minutes of the regular meeting", "approved", FACTS, (item,))
    ).pdf
    rule, xs = _rule_x(pdf), _x_positions(pdf)
    body = xs["The chair called the meeting to order."]
    assert abs(body - rule) < 0.5
    for label, value in FACTS:
        assert abs(xs[label] - body) < 0.5, (label, xs[label], body)
        assert xs[value] > xs[label] + 72  # the values in a column of their own
    assert len({round(xs[value], 1) for _label, value in FACTS}) == 1


def test_the_agenda_facts_line_up_too():
    pdf = render_agenda(AgendaDoc(HEAD, "Commission", "Regular meeting", FACTS, ("Roll call",))).pdf
    rule, xs = _rule_x(pdf), _x_positions(pdf)
    assert abs(xs["AGENDA"] - rule) < 0.5
    for label, _value in FACTS:
        assert abs(xs[label] - rule) < 0.5, (label, xs[label], rule)
