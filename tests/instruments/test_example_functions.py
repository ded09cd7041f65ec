"""caopo.example_function: the scales the sources print for the example functions, names as
people type them, and no scale where none was read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import catalog
from caopo.errors import InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.inputs import Category
from caopo.schema.example_functions import ExampleFunctions


@pytest.mark.parametrize(
    ("name", "scale"),
    [
        # AOb, 'Herwaardering ondersteuners komt slecht van de grond': onderwijsassistent A
        # (schaal 4), B (schaal 5), C (schaal 6); leraarondersteuner A schaal 7, B schaal 8.
        ("onderwijsassistent A", "4"),
        ("onderwijsassistent B", "5"),
        ("onderwijsassistent C", "6"),
        ("leraarondersteuner A", "7"),
        ("leraarondersteuner B", "8"),
    ],
)
def test_support_staff_example_functions(name: str, scale: str) -> None:
    found = caopo.example_function(name, on="2021-01-01")
    assert found.scales == (scale,) and found.category == Category.SUPPORT_STAFF
    assert found.status == "published" and found.sources


def test_the_eenpitter_director_has_two_example_functions_at_d11_and_d12() -> None:
    # AVS FAQ (CAO PO 2019-2020): 'twee voorbeeldfuncties opgenomen op D11 en D12-niveau'.
    found = caopo.example_function("Directeur éénpitter", on="2021-01-01")
    assert found.scales == ("D11", "D12") and found.category == Category.DIRECTOR


def test_the_teachers_series_follows_the_2022_rename() -> None:
    # PO-Raad toolbox: L10 -> LB, L11 -> LC, L12 -> LD (cao-akkoord 2022).
    assert caopo.example_function("leraar L11", on="2020-01-01").scales == ("L11",)
    assert caopo.example_function("leraar L11", on="2022-01-01").scales == ("LC",)
    assert caopo.example_function("leraar LB", on="2015-01-01").scales == ("LB",)


@settings(max_examples=40, deadline=None)
@given(
    prefix=st.sampled_from(["", "functie ", "Functie ", "voorbeeldfunctie ", "FUNCTIE: "]),
    upper=st.booleans(),
)
def test_names_as_people_type_them(prefix: str, upper: bool) -> None:
    typed = prefix + ("ONDERWIJSASSISTENT C" if upper else "onderwijsassistent c")
    if ":" in typed:
        typed = typed.replace(":", "")
    assert caopo.example_function(typed, on="2024-11-01").name == "onderwijsassistent C"


def test_other_names_of_a_function_resolve() -> None:
    found = caopo.example_function("leerkrachtondersteuner b", on="2024-11-01")
    assert found.name == "leraarondersteuner B"


def test_an_unknown_name_lists_close_matches() -> None:
    with pytest.raises(InvalidInputError, match="close matches: leraarondersteuner"):
        caopo.example_function("leraarsondersteuner", on="2024-11-01")


def test_a_function_without_a_read_scale_says_so() -> None:
    with pytest.raises(NotPublishedError, match="No source that was read prints the scale"):
        caopo.example_function("Conciërge onderhoudsmedewerker A", on="2024-11-01")
    listed = {f.name: f for f in caopo.example_functions(on="2024-11-01")}
    assert listed["conciërge A"].scales == () and listed["conciërge A"].scales_note


def test_outside_its_dates_a_function_names_its_successors() -> None:
    with pytest.raises(NoDataForDateError, match=r"leraar L10 \(LB\)"):
        caopo.example_function("leraar LB", on="2024-01-01")
    with pytest.raises(NoDataForDateError, match="directeur D12"):
        caopo.example_function("eenpitter", on="2025-01-01")


def test_every_scale_in_the_data_exists_on_its_dates() -> None:
    document = catalog().document("example_functions", ExampleFunctions)
    for entry in document.functions:
        for period in entry.scales:
            for code in period.scales:
                scale = caopo.scale_code(code)
                assert scale.exists_on(period.start), (entry.name, code)
                assert scale.category == entry.category, (entry.name, code)
