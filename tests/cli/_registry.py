"""The registry of CLI subcommands: one or more valid invocations of each.

Every subcommand (and every action of ``caopo tables``) must be here: a test fails when the
parser has one this registry lacks. The fuzz suite (tests/cli/test_fuzz.py) replaces each
value of these invocations with junk; the JSON contract (tests/cli/test_json_contract.py)
validates their ``--json`` output against ``caopo schema``. ``{csv}`` and ``{folder}`` are
filled in with a CSV salary table and a folder of table files; ``{staff}`` and ``{members}``
with a staff list and a list of AVS members; ``{batch}`` with a staff list to price.
"""

from __future__ import annotations

from pathlib import Path

REGISTRY: dict[str, tuple[tuple[str, ...], ...]] = {
    "salary": (("salary", "LB", "5", "--on", "2024-11-01", "--fte", "0.8"),),
    "tables": (("tables",),),
    "tables validate": (("tables", "validate", "{folder}"),),
    "tables import": (
        (
            "tables", "import", "{csv}", "--table", "teachers", "--effective-from",
            "2030-01-01", "--title", "t", "--cao", "c", "--source-url", "https://example.org",
        ),
    ),
    "director-funding": (
        ("director-funding", "150", "--school-type", "bo", "--school-year", "2013-2014"),
    ),
    "career-pattern": (
        ("career-pattern", "300", "--school-type", "bo", "--on", "2015-01-01"),
        ("career-pattern", "--growth", "2014=380", "2015=412", "2016=425", "--school-type",
         "bo", "--start-scale", "DB"),
    ),
    "garantietoelage": (
        ("garantietoelage", "--old-scale", "DB", "--old-step", "15", "--new-scale", "D12",
         "--new-step", "1", "--on", "2020-08-01", "--new-salary", "4861"),
    ),
    "school-leader-allowance": (
        ("school-leader-allowance", "directietoelage", "--scale", "DB", "--on", "2019-01-01"),
    ),
    "income": (
        ("income", "LB", "5", "--year", "2025", "--fte", "0.8", "--km", "10", "--days", "3"),
        ("income", "LB", "5", "--year", "2025", "--start", "2024-10-01", "--holiday-month", "5",
         "--in-service-from", "2000-03-15", "--days-worked", "2024=150", "--min-days", "40"),
    ),
    "back-pay": (
        ("back-pay", "L11", "15", "--from", "2021-01", "--to", "2021-02",
         "--paid-as-known-on", "2021-09-30", "--owed-as-known-on", "2021-12-31"),
    ),
    "scale": (("scale", "LB", "--on", "2024-01-01"),),
    "convert": (("convert", "L10", "11", "--at", "2022-01-01"),),
    "career": (("career", "LB", "5", "--since", "2024-10-01", "--until", "2025-12-31"),),
    "budget": (
        ("budget", "--category", "teacher", "--year", "2021", "--fte", "0.8"),
        ("budget", "--category", "director", "--from-year", "2019", "--to-year", "2022",
         "--saving-agreed", "--spend", "2022-03-01=2500", "--fte-year", "2020=0.5"),
    ),
    "register-status": (
        ("register-status", "2016-03-01", "--on", "2020-05-01", "--reregistered",
         "2020-06-15", "--cycle-years", "4"),
    ),
    "per-pupil-funding": (
        ("per-pupil-funding", "professionalisation", "200", "--school-type", "bo",
         "--school-year", "2021-2022"),
    ),
    "professionalisation-hours": (
        ("professionalisation-hours", "--on", "2021-01-01", "--fte", "0.5", "--age", "58"),
    ),
    "functiemix": (("functiemix", "{staff}", "--sector", "bao", "--on", "2015-03-01"),),
    "avs-contribution": (("avs-contribution", "{members}", "--school-year", "2014-2015"),),
    "example-function": (
        ("example-function", "onderwijsassistent B", "--on", "2024-11-01"),
        ("example-function", "--list", "--on", "2024-11-01"),
    ),
    "compare-editions": (
        ("compare-editions", "A12"),
        ("compare-editions", "A12", "--before", "2021-12-31", "--after", "2022-01-01"),
    ),
    "batch": (("batch", "salaries", "{batch}", "--on", "2024-11-01"),),
    "batch salaries": (
        ("batch", "salaries", "{batch}", "--on", "2024-11-01", "--fte", "0.8", "--sep", ";"),
    ),
    "batch income": (
        ("batch", "income", "{batch}", "--year", "2025", "--start", "2025-01-01", "--lenient"),
    ),
    "schema": (("schema", "salary"),),
    "completion": (("completion", "bash"), ("completion", "zsh")),
}  # fmt: skip


def example_files(folder: Path) -> dict[str, str]:
    """Write the files the registry's invocations name; their placeholders -> paths."""
    csv = folder / "table.csv"
    csv.write_text("scale,step,amount\nLB,1,3463\nLB,2,3547\n", encoding="utf-8")
    tables = folder / "tables"
    tables.mkdir()
    (tables / "teachers_2030-01-01.yaml").write_text(
        "kind: salary_scales\ntable: teachers\ntitle: t\neffective_from: 2030-01-01\n"
        "cao: c\nstatus: published\ncoverage: partial\nsources:\n"
        "  - {title: t, url: 'https://example.org'}\ncells:\n  LB: {1: 3463.00}\n",
        encoding="utf-8",
    )
    staff = folder / "staff.csv"
    staff.write_text("naam;scale;fte\nA;LA;1\nB;LB;0,5\nC;LB;1\n", encoding="utf-8")
    members = folder / "members.csv"
    members.write_text(
        "name,school,pupils,role\nAns,12AB,250,directeur\nBert,12AB,250,\n", encoding="utf-8"
    )
    batch = folder / "batch.csv"
    batch.write_text("naam;scale;step;fte\nA;LB;5;0,8\nB;LC;3;1\n", encoding="utf-8")
    return {
        "{batch}": str(batch),
        "{csv}": str(csv),
        "{folder}": str(tables),
        "{staff}": str(staff),
        "{members}": str(members),
    }


def filled(argv: tuple[str, ...], files: dict[str, str]) -> list[str]:
    """*argv* with its placeholders replaced by the paths of :func:`example_files`."""
    return [files.get(arg, arg) for arg in argv]
