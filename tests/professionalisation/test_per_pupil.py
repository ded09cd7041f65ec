"""Per-pupil professionalisation funding: sourced figures.

DUO (professionalisering-en-begeleiding-starters-en-schoolleiders): EUR 94,20 per pupil in
2021-2022, the same for bao, sbo, so and vso. Regelingen bekostiging personeel PO 2012-2013,
2013-2014 (art. 39), 2014-2015 (art. 47), 2015-2016 (art. 42): prestatiebox amounts. DUO
prestatiebox page: EUR 196,47 per pupil in 2019-2020. Totals are computed by hand.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import caopo
from caopo.cli import main
from caopo.errors import CaopoError, InvalidInputError, NoDataForDateError, NotPublishedError

D = Decimal


@pytest.mark.parametrize("school_type", ["bao", "sbo", "so", "vso"])
def test_professionalisation_2021_2022_same_for_every_type(school_type: str) -> None:
    assert caopo.per_pupil_funding(
        "professionalisation", 1, school_type=school_type, school_year="2021-2022"
    ) == D("94.20")
    assert caopo.per_pupil_funding(
        "professionalisation", 150, school_type=school_type, school_year="2021/22"
    ) == D("14130")


def test_professionalisation_later_years_not_read() -> None:
    with pytest.raises(NoDataForDateError, match="2021-2022"):
        caopo.per_pupil_funding(
            "professionalisation", 100, school_type="bao", school_year="2022-2023"
        )


def test_prestatiebox_2013_2014_bao() -> None:
    # 100 x (46.55 + 32.04 + 11.26) + 1986 per school = 8985 + 1986
    assert caopo.per_pupil_funding(
        "prestatiebox", 100, school_type="bao", school_year="2013-2014"
    ) == D("10971")


def test_prestatiebox_2014_2015_so() -> None:
    # 10 x (30.73 + 86.75 + 11.26) + 3426 = 1287.40 + 3426
    assert caopo.per_pupil_funding(
        "prestatiebox", 10, school_type="so", school_year="2014-2015"
    ) == D("4713.40")


def test_prestatiebox_2012_2013_last_seven_months() -> None:
    # 50 x (27.78 + 14.51 + 6.40) + 1145 = 2434.50 + 1145
    assert caopo.per_pupil_funding(
        "prestatiebox", 50, school_type="bao", school_year="2012-2013"
    ) == D("3579.50")


def test_prestatiebox_sbo_per_pupil_not_read() -> None:
    with pytest.raises(NotPublishedError, match="sbo"):
        caopo.per_pupil_funding("prestatiebox", 50, school_type="sbo", school_year="2013-2014")


def test_prestatiebox_single_amounts_say_types_not_stated() -> None:
    result = caopo.per_pupil_funding_detail(
        "prestatiebox", 200, school_type="bao", school_year="2019-2020"
    )
    assert result.amount == D("39294")  # 200 x 196.47
    assert result.school_types_stated is False
    assert result.payment_schedule is not None and "45,4" in result.payment_schedule
    assert caopo.per_pupil_funding(
        "prestatiebox", 3, school_type="bao", school_year="2015-2016"
    ) == D("243.96")  # 3 x 81.32


def test_zero_pupils_still_gets_per_school_amount() -> None:
    assert caopo.per_pupil_funding(
        "prestatiebox", 0, school_type="vso", school_year="2013-2014"
    ) == D("3426")


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        (("bonus", 10), {"school_type": "bao", "school_year": "2021-2022"}, "'bonus'"),
        (("prestatiebox", -1), {"school_type": "bao", "school_year": "2019-2020"}, "-1"),
        (("prestatiebox", 1.5), {"school_type": "bao", "school_year": "2019-2020"}, "1.5"),
        (("prestatiebox", 10), {"school_type": "vo", "school_year": "2019-2020"}, "'vo'"),
        (("prestatiebox", 10), {"school_type": "bao", "school_year": "2019"}, "'2019'"),
    ],
)
def test_bad_input(args: tuple[object, object], kwargs: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidInputError, match=words):
        caopo.per_pupil_funding(*args, **kwargs)


def test_prestatiebox_year_not_shipped_lists_years() -> None:
    with pytest.raises(CaopoError, match="2013-2014, 2014-2015"):
        caopo.per_pupil_funding("prestatiebox", 10, school_type="bao", school_year="2017-2018")


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["per-pupil-funding", "professionalisation", "200", "--school-type", "bao"]
    assert main([*argv, "--school-year", "2021-2022"]) == 0
    assert "€ 18.840,00" in capsys.readouterr().out
    assert main([*argv, "--school-year", "2021-2022", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["result"]
    assert data["amount"] == "18840.00"
    assert data["lines"][0]["rate"] == "94.20"
    assert main([*argv, "--school-year", "2023-2024"]) == 3  # no data for that year
