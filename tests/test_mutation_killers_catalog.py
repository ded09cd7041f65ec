"""Tests written to kill surviving mutants of the derived tables (issue 14, item 7).

``scripts/mutate.py derive`` mutates ``caopo/catalog/derive.py``. These tests feed it
malformed derivations (a raise on the base's own day, a base that is not a published version
start, a structural change or a raise of another table in the chain) and check the declared
rule on a small user table: a derived cell is its base cell times the published raises,
rounded once to the declared quantum, half up (data/raises/general_raises.yaml: +4,9 % on
2024-10-01, +4,6 % on 2025-11-01, the latter provisional).
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

import caopo
from caopo.catalog import compiled
from caopo.catalog.carry import carry_forward
from caopo.catalog.compiled import (
    ENV_CACHE,
    FORMAT,
    cache_file,
    decode,
    encode,
    read_compiled,
    salary_index,
)
from caopo.catalog.derive import chain_factor, materialise
from caopo.catalog.loader import catalog, data_version, shipped_data_dir, validate_folder
from caopo.catalog.salary_index import SalaryIndex
from caopo.errors import DataFileError, NoDataForDateError, NotPublishedError, UnknownScaleError
from caopo.schema.raises import RaiseChain
from caopo.schema.scales import ScaleTable
from tests._helpers import user_tables

BASE = """\
kind: salary_scales
table: support_staff
title: "Test base table (amounts for the test only)"
effective_from: {start}
cao: "test"
status: {status}
coverage: complete
sources: [{{title: "test fixture"}}]
cells:
  "4": {{1: 2500.50, 2: 2600}}
"""

DERIVED = """\
kind: salary_scales
table: support_staff
title: "Test derived table"
effective_from: 2025-11-01
cao: "test"
status: derived
sources: [{{title: "test fixture"}}]
derivation:
  base: {base}
  raises: [{raises}]
  quantum: {quantum}
  rounding: half_up
  tolerance: 1
"""


def _folder(
    tmp: Path,
    *,
    start: str = "2024-10-01",
    status: str = "published",
    base: str = "2024-10-01",
    raises: str = "2025-11-01",
    quantum: str = "1",
) -> Path:
    (tmp / "support_staff_base.yaml").write_text(
        BASE.format(start=start, status=status), encoding="utf-8"
    )
    (tmp / "support_staff_derived.yaml").write_text(
        DERIVED.format(base=base, raises=raises, quantum=quantum), encoding="utf-8"
    )
    return tmp


def _events() -> RaiseChain:
    return catalog().document("general_raises", RaiseChain)


# --------------------------------------------------------------- the declared rule


@pytest.mark.parametrize(
    ("quantum", "first", "second"),
    # 2500.50 x 1.046 = 2615.523, 2600 x 1.046 = 2719.6: rounded once, half up
    [("1", "2616", "2720"), ("0.01", "2615.52", "2719.60")],
)
def test_a_derived_cell_is_its_base_cell_times_the_raises_rounded_once(
    tmp_path: Path, quantum: str, first: str, second: str
) -> None:
    with user_tables(_folder(tmp_path, quantum=quantum)):
        for step, amount in ((1, first), (2, second)):
            detail = caopo.salary_detail(4, step, on="2025-11-01")
            assert detail.full_time_amount == Decimal(amount)
            assert detail.status == "provisional"  # the 2025-11-01 raise is provisional
        assert caopo.salary(4, 1, on="2025-10-31") == Decimal("2500.50")  # the base itself


def test_the_chain_factor_is_the_product_of_the_published_percentages() -> None:
    events = _events().events
    two = (date(2024, 10, 1), date(2025, 11, 1))
    assert chain_factor(events, two, table="teachers") == Decimal("1.049") * Decimal("1.046")
    assert chain_factor(events, (), table="teachers") == 1


PERCENTAGE_DAYS = (
    "2014-09-01, 2015-09-01, 2016-07-01, 2018-09-01, 2020-01-01, 2021-01-01, 2022-07-01, "
    "2023-07-01, 2024-10-01, 2025-11-01, 2026-11-01"
)


@pytest.mark.parametrize(
    ("on", "table", "usable"),
    [
        (date(2022, 1, 1), "teachers", PERCENTAGE_DAYS),  # structural: the VO tables
        (date(2007, 8, 1), "teachers", PERCENTAGE_DAYS),  # unquantified
        (date(2024, 1, 1), "support_staff", PERCENTAGE_DAYS),  # structural, support staff only
        (date(2024, 10, 2), "teachers", PERCENTAGE_DAYS),  # no raise that day
        (date(2024, 10, 1), "board", ""),  # a raise of the CAO's tables only
    ],
)
def test_only_a_percentage_raise_of_the_table_is_applied(on: date, table: str, usable: str) -> None:
    with pytest.raises(DataFileError) as info:
        chain_factor(_events().events, (on,), table=table)
    assert str(info.value).endswith(f"raises that do: {usable}")


# --------------------------------------------------------------- malformed derivations


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"raises": "2024-10-01"}, "2024-10-01 are not between its base"),  # on the base's day
        ({"raises": "2026-11-01"}, "2026-11-01 are not between its base"),  # after its start
        ({"status": "provisional"}, "must be a published version"),
        ({"base": "2024-11-01"}, "must be a published version"),  # inside, not the start
        ({"base": "2023-01-01"}, "must be a published version"),  # before any version
        ({"raises": "2024-10-01, 2025-11-01", "start": "2024-09-01", "base": "2024-09-01"}, ""),
    ],
)
def test_a_malformed_derivation_is_refused(
    tmp_path: Path, changes: dict[str, str], words: str
) -> None:
    folder = _folder(tmp_path, **changes)
    if not words:  # the well-formed neighbour of the cases above is accepted
        assert len(validate_folder(folder)) == 2
        with user_tables(folder):
            # 2500.50 x 1.049 x 1.046 = 2743.7061 -> 2744
            assert caopo.salary(4, 1, on="2025-11-01") == Decimal("2744.00")
        return
    with pytest.raises(DataFileError, match=words):
        validate_folder(folder)


def test_a_derivation_across_a_structural_change_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, start="2023-09-01", base="2023-09-01", raises="2024-01-01")
    with pytest.raises(DataFileError, match="no percentage raise on 2024-01-01"):
        validate_folder(folder)


def test_derived_tables_without_the_raise_chain_are_refused() -> None:
    teachers = catalog().all_series["teachers"]  # holds derived versions (2025-11-01)
    with pytest.raises(DataFileError, match="need the raise chain 'general_raises'"):
        materialise({"teachers": teachers}, {})


# --------------------------------------------------------------- the salary index (salary_index.py)


def test_a_version_holds_from_its_first_day_to_the_day_before_its_end() -> None:
    # school_leaders 2007-01-01 (AVS Bijlage II, loonpeil 1 januari 2007): DB trede 15 EUR 4.160,
    # vouched for January 2007 only (effective_until 2007-02-01); no table follows until 2018
    caopo.reset_tables()
    assert caopo.salary("DB", 15, on="2007-01-01") == Decimal("4160.00")
    assert caopo.salary("DB", 15, on="2007-01-31") == Decimal("4160.00")
    assert caopo.salary_detail("DB", 15, on="2007-01-31").effective_until == date(2007, 2, 1)
    for day in ("2006-12-31", "2007-02-01"):
        with pytest.raises(NoDataForDateError):
            caopo.salary("DB", 15, on=day)


def test_a_version_ends_at_its_own_end_or_at_its_successor() -> None:
    # school_leaders 2020-01-01 (partial: DB trede 15) ends on its own effective_until
    # 2020-08-01; teachers 2022-07-01 ends where teachers 2023-07-01 starts
    assert caopo.salary_detail("DB", 15, on="2020-03-01").effective_until == date(2020, 8, 1)
    assert caopo.salary_detail("LB", 1, on="2023-06-30").effective_until == date(2023, 7, 1)
    assert caopo.salary_detail("LB", 1, on="2023-07-01").effective_from == date(2023, 7, 1)
    # the last two teacher versions: 2025-11-01 ends where 2026-11-01 starts, which ends on
    # its own effective_until 2027-03-01 (data/scales/teachers_2026-11-01.yaml)
    assert caopo.salary_detail("LB", 1, on="2026-10-31").effective_until == date(2026, 11, 1)
    assert caopo.salary_detail("LB", 1, on="2026-11-01").effective_until == date(2027, 3, 1)


OTHER = """\
kind: salary_scales
table: {table}
title: "Test table (amounts for the test only)"
effective_from: 2022-01-01
effective_until: 2022-07-01
cao: "test"
status: published
coverage: complete
sources: [{{title: "test fixture"}}]
cells:
  "{scale}": {{5: 5}}
"""


def test_tables_answer_in_their_order_and_an_earlier_table_is_never_shadowed(
    tmp_path: Path,
) -> None:
    # TABLE_ORDER: teachers, support staff, school leaders, then any other table by name
    for table, scale in (("support_staff", "4"), ("board", "LB"), ("aboard", "X1")):
        (tmp_path / f"{table}.yaml").write_text(
            OTHER.format(table=table, scale=scale), encoding="utf-8"
        )
    with user_tables(tmp_path):
        # on 2022-03-01 teachers LB (partial) and school leaders A11, D12 are shipped
        assert caopo.scales(on="2022-03-01") == ("LB", "4", "A11", "D12", "X1", "LB")
        # the teachers' LB answers (LB trede 12 EUR 4.366, data/scales/teachers_2022-01-01.yaml);
        # the board's LB never shadows it: its trede 5 is not published by the teachers' table
        assert caopo.salary("LB", 12, on="2022-03-01") == Decimal("4366.00")
        with pytest.raises(NotPublishedError, match="partial table"):
            caopo.salary("LB", 5, on="2022-03-01")
        assert caopo.salary(4, 5, on="2022-03-01") == Decimal("5.00")


# --------------------------------------------------------------- the compiled tables (compiled.py)


def test_only_a_compiled_file_of_this_format_and_key_is_decoded() -> None:
    data = str(shipped_data_dir())
    index = SalaryIndex.from_series(catalog().salary_series())
    text = encode(index, "k", data)
    decoded = decode(text, "k", data)
    assert decoded is not None and decoded.bounds == index.bounds
    assert decode(text, "other", data) is None
    assert decode(text.replace(f'"format": {FORMAT}', f'"format": {FORMAT + 1}'), "k", data) is None
    for junk in ("[]", '"text"', "1", "null"):
        assert decode(junk, "k", data) is None
    assert read_compiled(os.devnull, "k", data) is None  # empty: not JSON


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_CACHE, "/tmp/caopo-own")
    monkeypatch.setenv("XDG_CACHE_HOME", "/tmp/xdg")
    assert Path(cache_file("ab" * 20)).parent == Path("/tmp/caopo-own")
    monkeypatch.delenv(ENV_CACHE)
    assert Path(cache_file("ab" * 20)).parent == Path("/tmp/xdg/caopo")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert Path(cache_file("ab" * 20)).parent == Path.home() / ".cache" / "caopo"


def test_the_shipped_index_is_read_once() -> None:
    # the shipped files do not change while caopo runs: every fresh snapshot without a user
    # folder reads the same shipped index (once it has been compiled and read back)
    indexes = []
    for _ in range(3):
        caopo.reset_tables()
        indexes.append(salary_index())
    if not compiled._SHIPPED:
        pytest.skip("no compiled file could be written or read here")
    assert indexes[1] is indexes[2] is compiled._SHIPPED[0]
    assert caopo.salary("LB", 5, on="2024-11-01") == Decimal("3868.00")


def test_a_user_folder_gets_an_index_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "support_staff.yaml").write_text(
        OTHER.format(table="support_staff", scale="4"), encoding="utf-8"
    )
    caopo.reset_tables()
    shipped = salary_index()
    with user_tables(tmp_path):
        assert salary_index() is not shipped
        assert caopo.salary(4, 5, on="2022-03-01") == Decimal("5.00")


# --------------------------------------------------------------- carried forward (carry.py)

SUPPORT_2026 = """\
kind: salary_scales
table: support_staff
title: "Test table (amounts for the test only)"
effective_from: 2026-01-01
cao: "test"
status: published
coverage: complete
sources: [{title: "test fixture"}]
cells:
  "4": {1: 2501}
  "10": {1: 3000}
"""


def test_a_user_table_is_carried_across_schaal_10_to_lb_and_by_the_next_raise(
    tmp_path: Path,
) -> None:
    # data/raises/general_raises.yaml: on 2026-07-01 OOP schaal 10 takes the amounts of LB
    # (structural, support staff and school leaders), on 2026-11-01 +1,2 % (provisional)
    (tmp_path / "support_staff.yaml").write_text(SUPPORT_2026, encoding="utf-8")
    yours = f"support_staff 2026-01-01 (your file {tmp_path / 'support_staff.yaml'})"
    with user_tables(tmp_path):
        own = caopo.salary_detail(4, 1, on="2026-06-30")
        assert own.amount == Decimal("2501.00") and own.basis == (
            "support_staff 2026-01-01 (published)"
        )
        assert caopo.salary(10, 1, on="2026-06-30") == Decimal("3000.00")
        same = caopo.salary_detail(4, 1, on="2026-07-01")
        assert same.amount == Decimal("2501.00") and same.effective_from == date(2026, 7, 1)
        assert same.basis.endswith(f"{yours} carried forward unchanged")
        with pytest.raises(NotPublishedError, match="from 2026-07-01 takes the amounts of LB"):
            caopo.salary(10, 1, on="2026-07-01")
        raised = caopo.salary_detail(4, 1, on="2026-11-01")
        # 2501 x 1,012 = 2531,012: whole euros, as the table's own cells
        assert raised.amount == Decimal("2531.00")
        assert raised.status == "provisional"
        # the raise was agreed on 2025-11-05 (known_from): known once the table itself is
        known = caopo.salary_detail(4, 1, on="2026-11-01", as_known_on="2026-06-01")
        assert known.amount == Decimal("2531.00")
        assert raised.basis.endswith(
            f"{yours} carried forward by the general raises of 2026-11-01, rounded once to 1 euro"
        )
        with pytest.raises(NotPublishedError, match="takes the amounts of LB"):
            caopo.salary(10, 1, on="2026-11-01")


def test_a_shipped_derived_table_names_no_user_file() -> None:
    # teachers 2025-11-01: teachers 2024-10-01 (LB trede 5 EUR 3.868) x 1,046 = 4.045,93 -> 4.046
    detail = caopo.salary_detail("LB", 5, on="2025-12-01")
    assert detail.amount == Decimal("4046.00")
    assert detail.basis == (
        "teachers 2025-11-01 (provisional): teachers 2024-10-01 carried forward by the "
        "general raises of 2025-11-01, rounded once to 1 euro"
    )


# --------------------------------------------------------------- loading user folders (loader.py)

CHAIN = shipped_data_dir() / "raises" / "general_raises.yaml"
BINDING = shipped_data_dir() / "allowances" / "bindingstoelage_2022-01-01.yaml"


def _teachers(start: str, until: str | None = None) -> str:
    end = f"effective_until: {until}\n" if until else ""
    return TEACHERS_2030.format(start=start, end=end)


TEACHERS_2030 = """\
kind: salary_scales
table: teachers
title: "Test table (amounts for the test only)"
effective_from: {start}
{end}cao: "test"
status: published
coverage: partial
sources: [{{title: "test fixture"}}]
cells:
  "LB": {{5: 5}}
"""


def test_the_catalog_lists_its_tables_by_kind() -> None:
    shipped = catalog()
    assert shipped.table_ids(ScaleTable) == ("school_leaders", "teachers")
    assert set(shipped.table_ids()) > {"school_leaders", "teachers", "bindingstoelage"}
    assert shipped.table_ids(ScaleTable) == ("school_leaders", "teachers")  # remembered
    assert [s.table for s in shipped.salary_series()] == ["teachers", "school_leaders"]
    with pytest.raises(NoDataForDateError, match="no table 'nope' is loaded"):
        shipped.series("nope", ScaleTable)
    with pytest.raises(DataFileError, match="is of kind 'yearly_allowance'"):
        shipped.series("bindingstoelage", ScaleTable)
    assert shipped.series("teachers", ScaleTable).table == "teachers"
    for name, model in (("nope", RaiseChain), ("teachers", RaiseChain)):
        loaded = f"no data file defines '{name}'; documents loaded: .*general_raises"
        with pytest.raises(DataFileError, match=loaded):
            shipped.document(name, model)


def test_versions_may_meet_but_not_overlap(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_teachers("2030-01-01", "2030-02-01"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(_teachers("2030-02-01"), encoding="utf-8")
    assert len(validate_folder(tmp_path)) == 2
    (tmp_path / "a.yaml").write_text(_teachers("2030-01-01", "2030-03-01"), encoding="utf-8")
    with pytest.raises(DataFileError, match="runs until 2030-03-01, overlapping"):
        validate_folder(tmp_path)


def test_two_user_files_of_one_version_or_document_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_teachers("2030-01-01"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(_teachers("2030-01-01"), encoding="utf-8")
    with pytest.raises(DataFileError, match="version 2030-01-01 of table 'teachers' is already"):
        validate_folder(tmp_path)
    chains = tmp_path / "chains"
    chains.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (chains / name).write_text(CHAIN.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DataFileError, match="document 'general_raises' is already defined"):
        validate_folder(chains, replace=True)


def test_a_user_document_with_a_shipped_id_needs_replace(tmp_path: Path) -> None:
    (tmp_path / "chain.yaml").write_text(CHAIN.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\(same id\)"):
        validate_folder(tmp_path)
    assert validate_folder(tmp_path, replace=True) == [tmp_path / "chain.yaml"]
    with user_tables(tmp_path, replace=True):
        entry = catalog().documents["general_raises"]
        assert entry.origin == "user" and entry.replaces == CHAIN
        assert caopo.salary("LB", 5, on="2024-11-01") == Decimal("3868.00")


def test_a_table_has_one_kind(tmp_path: Path) -> None:
    # the shipped bindingstoelage is a yearly allowance: a salary table of that id is refused
    text = _teachers("2031-01-01").replace("table: teachers", "table: bindingstoelage")
    (tmp_path / "odd.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="table 'bindingstoelage' mixes kinds"):
        validate_folder(tmp_path)


def test_a_missing_folder_is_refused_and_one_file_is_checked(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not a folder of table files"):
        validate_folder(tmp_path / "missing")
    (tmp_path / "teachers.yaml").write_text(_teachers("2030-01-01"), encoding="utf-8")
    assert validate_folder(tmp_path / "teachers.yaml") == [tmp_path / "teachers.yaml"]


def test_a_user_version_inside_a_shipped_period_replaces_that_file(tmp_path: Path) -> None:
    # teachers 2022-07-01 holds until teachers 2023-07-01: a user version on 2023-01-01
    # changes its answers and is recorded as replacing it
    (tmp_path / "teachers.yaml").write_text(_teachers("2023-01-01"), encoding="utf-8")
    with pytest.raises(DataFileError, match="inside that version of table 'teachers'"):
        validate_folder(tmp_path)
    with user_tables(tmp_path, replace=True):
        row = next(t for t in caopo.tables() if t.path.parent == tmp_path)
        assert row.replaces is not None and row.replaces.name == "teachers_2022-07-01.yaml"
        assert caopo.salary("LB", 5, on="2023-03-01") == Decimal("5.00")
    (tmp_path / "teachers.yaml").write_text(_teachers("2030-01-01"), encoding="utf-8")
    with user_tables(tmp_path):  # after the last (open) version: a successor, no clash
        row = next(t for t in caopo.tables() if t.path.parent == tmp_path)
        assert row.replaces is None


def test_the_index_as_known_on_a_day_is_remembered_and_bounded() -> None:
    # L10 trede 1 as known on 2021-11-03: EUR 2.678 (teachers 2020-01-01), the 2021 table
    # was not known yet (known_from 2021-11-04)
    index = salary_index()
    early = index.as_known_on(date(2021, 11, 3))
    hit = early.find("L10", 1, date(2021, 6, 1))
    assert hit is not None and hit[0] == Decimal(2678)
    index.as_known_on(date(2021, 11, 4))
    assert index.as_known_on(date(2021, 11, 3)) is early
    for offset in range(300):
        index.as_known_on(date(2000, 1, 1) + timedelta(days=offset))
        assert len(index._known) <= 257


def test_a_table_without_schaal_10_is_not_touched_by_its_conversion(tmp_path: Path) -> None:
    # the 2026-07-01 change names schaal 10 only: a table without it keeps its version until
    # the next raise, 2026-11-01 (+1,2 %); cells with cents are carried to the cent
    text = SUPPORT_2026.replace('  "10": {1: 3000}\n', "").replace("2501", "2500.55")
    (tmp_path / "support_staff.yaml").write_text(text, encoding="utf-8")
    with user_tables(tmp_path):
        kept = caopo.salary_detail(4, 1, on="2026-07-01")
        assert kept.effective_from == date(2026, 1, 1) and kept.amount == Decimal("2500.55")
        raised = caopo.salary_detail(4, 1, on="2026-11-01")
        assert raised.effective_from == date(2026, 11, 1)
        assert raised.amount == Decimal("2530.56")  # 2500,55 x 1,012 = 2530,5566


def test_without_the_raise_chain_nothing_is_carried() -> None:
    shipped = catalog()
    assert carry_forward(shipped.all_series, {}) is shipped.all_series


def test_folders_named_in_the_environment_answer_on_the_salary_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CAOPO_TABLES gives a fresh snapshot folders and no typed catalog yet: caopo.salary()
    # must read them, not the compiled shipped tables
    (tmp_path / "support_staff.yaml").write_text(
        OTHER.format(table="support_staff", scale="4"), encoding="utf-8"
    )
    monkeypatch.setenv("CAOPO_TABLES", str(tmp_path))
    caopo.reset_tables()
    try:
        assert caopo.salary(4, 5, on="2022-03-01") == Decimal("5.00")
    finally:
        monkeypatch.delenv("CAOPO_TABLES")
        caopo.reset_tables()
    with pytest.raises(UnknownScaleError):
        caopo.salary(4, 5, on="2022-03-01")


def test_a_structural_change_without_amounts_ends_the_carried_table(tmp_path: Path) -> None:
    # 2024-01-01: a structural change of the support staff scales (no percentage, no
    # same_amounts_as): a table from 2023-09-01 holds until then, and is not carried across
    text = SUPPORT_2026.replace("2026-01-01", "2023-09-01")
    (tmp_path / "support_staff.yaml").write_text(text, encoding="utf-8")
    with user_tables(tmp_path):
        last = caopo.salary_detail(4, 1, on="2023-12-31")
        assert last.amount == Decimal("2501.00") and last.effective_until == date(2024, 1, 1)
        with pytest.raises(UnknownScaleError):
            caopo.salary(4, 1, on="2024-01-01")


def test_the_data_version_is_the_shipped_version_file() -> None:
    written = (shipped_data_dir() / "VERSION").read_text(encoding="utf-8").strip()
    assert data_version() == written and written
