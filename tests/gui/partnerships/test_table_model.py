from PySide6.QtCore import Qt

from sciapp.gui.partnerships.table_model import PartnershipTableModel, fold
from sciapp.services.partnerships.records import PartnershipRow


def row(
    pid,
    city,
    native="",
    country="JP",
    kind="sister_city",
    status="active",
    since=None,
    established=None,
):
    return PartnershipRow(
        pid, kind, city, native, "", country, "Lansing", established, status, since, ""
    )


ROWS = [
    row(1, "Otsu", "大津市", established="1968", since="1968"),
    row(2, "São Paulo", country="BR", kind="friendship_city"),
    row(3, "St. Petersburg", "Санкт-Петербург", "RU", status="suspended", since="2022-03-08"),
    row(4, "Asan", "아산시", "KR", established="1990-05"),
]


def cities(model):
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = PartnershipTableModel("en_US")
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    model.set_filter(text="o")
    model.sort(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_cells_are_localized(qtbot):
    model = PartnershipTableModel("de_DE")
    model.set_rows(ROWS)
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == ["Asan", "아산시", "Südkorea", "Sister city", "Active", "", "Mai 1990"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Partner city"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_search_matches_city_native_name_and_country_ignoring_case_and_accents(qtbot):
    model = PartnershipTableModel()
    model.set_rows(ROWS)
    model.set_filter(text="sao")
    assert cities(model) == ["São Paulo"]
    model.set_filter(text="санкт")
    assert cities(model) == ["St. Petersburg"]
    model.set_filter(text="korea")
    assert cities(model) == ["Asan"]
    model.set_filter(text="大津")
    assert cities(model) == ["Otsu"]
    model.set_filter(text="st russia")
    assert cities(model) == ["St. Petersburg"]
    model.set_filter(text="")
    assert len(cities(model)) == 4


def test_status_and_kind_filters_combine(qtbot):
    model = PartnershipTableModel()
    model.set_rows(ROWS)
    model.set_filter(status="suspended")
    assert cities(model) == ["St. Petersburg"]
    model.set_filter(status=None, kind="friendship_city")
    assert cities(model) == ["São Paulo"]
    assert model.total_count() == 4


def test_sorting_by_any_column_keeps_unknown_dates_last(qtbot):
    model = PartnershipTableModel()
    model.set_rows(ROWS)
    assert cities(model) == ["Asan", "Otsu", "São Paulo", "St. Petersburg"]
    model.sort(6)  # established
    assert cities(model) == ["Otsu", "Asan", "São Paulo", "St. Petersburg"]
    model.sort(4, Qt.SortOrder.DescendingOrder)  # status
    assert cities(model)[0] == "St. Petersburg"
    st_petersburg = next(r for r in ROWS if r.partner_city == "St. Petersburg")
    assert model.row_of(st_petersburg.id) == 0
    assert model.row_of(max(r.id for r in ROWS) + 1) is None


def test_roles(qtbot):
    model = PartnershipTableModel()
    model.set_rows([row(1, "Otsu")._replace(notes="first sister city")])
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "first sister city"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == 1
    assert not model.index(0, 4).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert fold("Ärhus") == "arhus"
