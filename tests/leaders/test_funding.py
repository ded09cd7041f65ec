"""Aanvullende bekostiging schoolleiding: published figures, the legal boundary, school years.

Expected amounts are copied from the regulations as transcribed in
shared/reference/RULES.md section 3a (Regelingen bekostiging personeel PO 2007-2008 ..
2015-2016, statengeneraal/laws-markdown @91556a80; 2013-2014 re-checked against BWBR0035590
art. 5), never from caopo's output.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caopo
from caopo.catalog.loader import catalog
from caopo.cli import main
from caopo.dates import SchoolYear, funded_school_year, school_year
from caopo.errors import CaopoError, InvalidInputError, NoDataForDateError, NotPublishedError
from caopo.leaders.funding import director_funding_detail
from caopo.schema.funding import DirectorFundingTable

# school year: (bo <=97, bo >97, sbo <=99, sbo >99, so/vso 1-49, so/vso 50+, sovso 50+, mg)
PUBLISHED = {
    "2007-2008": (
        "14015.41",
        "28030.82",
        "14785.16",
        "29570.32",
        "16697.06",
        "33394.12",
        "50091.18",
        "33394.12",
    ),
    "2008-2009": (
        "17069.72",
        "31048.44",
        "17821.20",
        "32551.40",
        "19813.91",
        "36536.82",
        "53259.73",
        "36536.82",
    ),
    "2009-2010": (
        "17836.86",
        "32585.72",
        "18509.41",
        "34063.82",
        "20543.04",
        "38133.08",
        "55723.12",
        "38133.08",
    ),
    "2010-2011": (
        "17790.55",
        "32258.10",
        "18452.43",
        "33701.86",
        "20491.10",
        "37781.20",
        "55071.30",
        "37781.20",
    ),
    "2011-2012": (
        "17791.99",
        "32479.98",
        "18446.10",
        "33929.20",
        "20574.69",
        "38083.38",
        "55592.07",
        "38083.38",
    ),
    "2012-2013": (
        "17507.29",
        "32443.58",
        "18141.48",
        "33893.96",
        "20264.36",
        "38036.72",
        "55809.08",
        "38036.72",
    ),
    "2013-2014": (
        "19704.11",
        "36842.22",
        "20338.47",
        "38293.94",
        "22467.32",
        "42448.64",
        "62429.96",
        "42448.64",
    ),
    "2014-2015": (
        "19218.94",
        "35862.88",
        "19806.76",
        "37222.52",
        "21963.50",
        "41432.00",
        "60900.50",
        "41432.00",
    ),
    "2015-2016": (
        "19434.99",
        "36215.98",
        "20008.06",
        "37552.12",
        "22243.35",
        "41915.70",
        "61588.05",
        "41915.70",
    ),
}


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_published_figures_and_the_legal_boundary(year: str) -> None:
    bo_small, bo_large, sbo_small, sbo_large, so_small, so_large, sovso_large, mg = (
        Decimal(x) for x in PUBLISHED[year]
    )
    f = caopo.director_funding
    # bo: 'niet hoger dan 97' is small, 98 is large
    # Besluit bekostiging WPO art. 3a lid 6: 'een school die op de teldatum geen leerlingen
    # heeft [heeft] geen aanspraak op bekostiging' (REVIEW-2026-11-rules.md section 8)
    assert f(0, school_type="bo", school_year=year) == 0
    assert f(0, school_type="sbo", school_year=year) == 0
    assert f(0, school_type="so_vso", school_year=year) == 0
    assert f(1, school_type="bo", school_year=year) == bo_small
    assert f(97, school_type="bo", school_year=year) == bo_small
    assert f(98, school_type="bo", school_year=year) == bo_large
    assert f(1200, school_type="bo", school_year=year) == bo_large
    # sbo: 99 is small, 100 is large
    assert f(99, school_type="sbo", school_year=year) == sbo_small
    assert f(100, school_type="sbo", school_year=year) == sbo_large
    # (v)so: 1 t/m 49 and 50 or more
    assert f(49, school_type="so_vso", school_year=year) == so_small
    assert f(50, school_type="so_vso", school_year=year) == so_large
    assert f(1, school_type="sovso", school_year=year) == so_small  # SOVSO 1-49 = SO/VSO 1-49
    assert f(50, school_type="sovso", school_year=year) == sovso_large
    assert f(10, school_type="mg_so_vso", school_year=year) == mg
    assert f(80, school_type="mg_so_vso", school_year=year) == mg
    assert f(49, school_type="mg_sovso", school_year=year) == mg
    assert f(50, school_type="mg_sovso", school_year=year) == sovso_large


def test_detail_names_band_regulation_and_source() -> None:
    detail = director_funding_detail(98, school_type="BO", school_year="2013-2014")
    assert detail.band.startswith("large")
    assert detail.regulation.bwbr == "BWBR0035590"
    assert "niet hoger dan 97" in detail.boundary
    assert detail.teldatum == date(2012, 10, 1) and detail.school_year == "2013-2014"
    assert detail.includes_directeur_toelage_toeslag == Decimal("2566")
    assert detail.status == "published"
    assert any(s.url == "https://wetten.overheid.nl/BWBR0035590" for s in detail.sources)


def test_teldatum_funds_the_following_school_year() -> None:
    # RULES.md 3a worked example: 97 pupils on 1 October 2014 -> school year 2015-16 -> small
    year = funded_school_year("2014-10-01")
    assert year == SchoolYear(2015) and str(year) == "2015-2016"
    assert caopo.director_funding(97, school_type="bo", school_year=year) == Decimal("19434.99")
    assert caopo.director_funding(98, school_type="bo", school_year=year) == Decimal("36215.98")


def test_avs_2017_2018_rows_follow_the_legal_boundary_and_flag_the_conflict() -> None:
    # AVS helpdesk 25 April 2018: bo 19.711,49 / 36.677,98; sbo small 20.271,49
    assert caopo.director_funding(97, school_type="bo", school_year="2017-2018") == Decimal(
        "19711.49"
    )
    assert caopo.director_funding(98, school_type="bo", school_year="2017-2018") == Decimal(
        "36677.98"
    )
    assert caopo.director_funding(99, school_type="sbo", school_year="2017-2018") == Decimal(
        "20271.49"
    )
    with pytest.raises(NotPublishedError, match=r"36677\.98.*suspected copy error"):
        caopo.director_funding(100, school_type="sbo", school_year="2017-2018")
    assert caopo.director_funding(50, school_type="sovso", school_year="2017-2018") == Decimal(
        "62472.02"
    )


def test_avs_2021_2022_only_what_was_read() -> None:
    assert caopo.director_funding(97, school_type="bo", school_year="2021-2022") == Decimal(
        "19419.07"
    )
    assert caopo.director_funding(98, school_type="bo", school_year="2021-2022") == Decimal(
        "35741.14"
    )
    assert caopo.director_funding(99, school_type="sbo", school_year="2021-2022") == Decimal(
        "19804.11"
    )
    with pytest.raises(NotPublishedError, match="cut off"):
        caopo.director_funding(100, school_type="sbo", school_year="2021-2022")
    with pytest.raises(NotPublishedError, match="so_vso"):
        caopo.director_funding(20, school_type="so_vso", school_year="2021-2022")


def test_a_year_not_shipped_names_the_shipped_years() -> None:
    with pytest.raises(NoDataForDateError) as info:
        caopo.director_funding(100, school_type="bo", school_year="2016-2017")
    message = str(info.value)
    assert "'2016-2017'" in message and "2015-2016" in message and "2007-2008" in message


@pytest.mark.parametrize(
    ("pupils", "school_type", "year", "words"),
    [
        (-1, "bo", "2013-2014", "pupils"),
        (10, "vo", "2013-2014", "school_type 'vo'"),
        (10, "bo", "2013", "school_year"),
        (10, "bo", "2013-2015", "consecutive"),
        ("ten", "bo", "2013-2014", "'ten'"),
    ],
)
def test_bad_input_names_the_value(pupils: Any, school_type: str, year: str, words: str) -> None:
    with pytest.raises(InvalidInputError, match=words):
        caopo.director_funding(pupils, school_type=school_type, school_year=year)


def test_school_year_parsing() -> None:
    assert school_year("2013/14") == school_year("2013-2014") == SchoolYear(2013)
    assert school_year("1999-00") == SchoolYear(1999)
    assert date_in(SchoolYear(2013))


def date_in(year: SchoolYear) -> bool:
    from datetime import date

    return date(2014, 7, 31) in year and date(2014, 8, 1) not in year


def _versions() -> tuple[DirectorFundingTable, ...]:
    return catalog().series("director_funding", DirectorFundingTable).versions


def test_every_year_is_a_school_year_and_bands_cover_without_gaps() -> None:
    versions = _versions()
    assert len(versions) == 11
    for version in versions:
        assert version.effective_from == school_year(version.school_year).start
        for funding in version.school_types.values():
            bands = funding.bands
            # no band holds 0 pupils: no funding (Besluit bekostiging WPO art. 3a lid 6)
            assert bands[0].pupils_from == 1
            for low, high in pairwise(bands):
                assert low.pupils_to is not None and high.pupils_from == low.pupils_to + 1
            assert bands[-1].pupils_to is None


@settings(max_examples=60, deadline=None)
@given(pupils=st.integers(min_value=0, max_value=5000), year=st.sampled_from(sorted(PUBLISHED)))
def test_each_count_falls_in_exactly_one_band(pupils: int, year: str) -> None:
    bo_small, bo_large = (Decimal(x) for x in PUBLISHED[year][:2])
    amount = caopo.director_funding(pupils, school_type="bo", school_year=year)
    assert amount == (0 if pupils == 0 else bo_small if pupils <= 97 else bo_large)


@settings(max_examples=40, deadline=None)
@given(junk=st.one_of(st.text(max_size=8), st.floats(allow_nan=False), st.none()))
def test_junk_raises_only_caopo_errors(junk: Any) -> None:
    with contextlib.suppress(CaopoError):
        caopo.director_funding(junk, school_type="bo", school_year="2013-2014")


def test_cli_prints_amount_and_regulation(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["director-funding", "98", "--school-type", "bo", "--school-year", "2013-2014"]) == 0
    )
    out = capsys.readouterr().out
    assert "€ 36.842,22" in out and "BWBR0035590" in out and "large" in out
    assert (
        main(["director-funding", "97", "--school-type", "bo", "--school-year", "2013-2014"]) == 0
    )
    assert "€ 19.704,11" in capsys.readouterr().out


def test_cli_json_and_error(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["director-funding", "100", "--school-type", "sbo", "--school-year", "2015-2016"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["result"]
    assert data["amount"] == "37552.12" and data["regulation"]["bwbr"] == "BWBR0037118"
    assert main(["director-funding", "5", "--school-type", "bo", "--school-year", "2016-2017"]) == 3
    assert "shipped school years" in capsys.readouterr().err
