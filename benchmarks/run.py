"""caopo's speed, each figure next to its floor measured in the same run.

    python benchmarks/run.py            # every figure, medians of 5 runs
    python benchmarks/run.py --quick    # smaller batches, 3 runs (a smoke test)
    python benchmarks/run.py --json     # the rows as JSON, for a notebook or a diff

A *floor* is the cheapest code that gives the same answer: a dictionary read and a bisect for a
lookup, a hand-written loop for a year of income, numpy integer cents for a batch, an empty
interpreter for the CLI. The ratio caopo / floor is what we track: absolute times vary from
day to day on a shared machine, the ratio much less. Speed is never asserted in unit tests;
the targets come from the performance issue and are printed beside each ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CLI = str(Path(PYTHON).with_name("caopo"))


@dataclass(frozen=True)
class Row:
    figure: str
    caopo: float
    floor_name: str
    floor: float
    unit: str
    target: str

    @property
    def ratio(self) -> float:
        return self.caopo / self.floor


def median_seconds(run: Callable[[], float], repeat: int) -> float:
    return statistics.median(run() for _ in range(repeat))


def process_seconds(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - start


def per_call(stmt: str, setup: str, repeat: int) -> float:
    """Median seconds per call of *stmt* (timeit, auto-ranged)."""
    timer = timeit.Timer(stmt, setup=setup)
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=repeat, number=number))


# -- fresh processes -------------------------------------------------------------------------


def startup_rows(repeat: int) -> list[Row]:
    def py(code: str) -> float:
        return median_seconds(lambda: process_seconds([PYTHON, "-c", code]), repeat)

    empty = py("pass")
    pydantic = py("import pydantic")
    first = py("import caopo; caopo.salary('LB', 5, on='2025-01-01')")
    cli = median_seconds(
        lambda: process_seconds([CLI, "salary", "LB", "5", "--on", "2025-01-01"]), repeat
    )
    return [
        Row("import caopo (process)", py("import caopo"), "python -c pass", empty, "ms", "-"),
        Row(
            "first salary() (process)",
            first,
            "import pydantic (process)",
            pydantic,
            "ms",
            "<= 1.0x",
        ),
        Row("CLI caopo salary LB 5", cli, "python -c pass", empty, "ms", "<= 6x"),
    ]


# -- warm rule functions ---------------------------------------------------------------------

WARM_SETUP = """
import caopo, bisect
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
CENT = Decimal("0.01")
day = date(2025, 1, 1)
fte = Decimal("0.8")
caopo.salary("LB", 5, on=day)
starts = [date(2024, 10, 1), date(2025, 11, 1), date(2026, 11, 1)]
tables = [{("LB", s): caopo.salary("LB", s, on=d) for s in range(1, 13)} for d in starts]
"""
FLOOR_LOOKUP = (
    "(tables[bisect.bisect_right(starts, day) - 1][('LB', 5)] * fte).quantize(CENT, ROUND_HALF_UP)"
)

INCOME_SETUP = (
    WARM_SETUP
    + """
employment = caopo.Employment("LB", 5, start=date(2025, 1, 1), fte=fte, step_increase=False)
caopo.annual_income(employment, year=2025)
firsts = [date(2025, m, 1) for m in range(1, 13)]
monthly = {d: caopo.salary("LB", 5, on=d) for d in firsts}
HOLIDAY, END_OF_YEAR = Decimal("0.08"), Decimal("0.083")
def floor_income():
    total = Decimal(0)
    salaries = Decimal(0)
    for d in firsts:
        s = (monthly[d] * fte).quantize(CENT, ROUND_HALF_UP)
        salaries += s
        total += s + (s * HOLIDAY).quantize(CENT, ROUND_HALF_UP)
    return total + (salaries * END_OF_YEAR).quantize(CENT, ROUND_HALF_UP)
"""
)

GARANTIE_SETUP = (
    WARM_SETUP
    + """
kw = dict(old_scale="DB", old_step=15, new_scale="D11", new_salary="4861", on="2020-01-01")
new = Decimal("4861")
old = new + caopo.garantietoelage(**kw)
def floor_garantie():
    return max(Decimal(0), (old - new).quantize(CENT, ROUND_HALF_UP))
"""
)

BUDGET_SETUP = (
    WARM_SETUP
    + """
years = range(2020, 2026)
caopo.budget_statement("teacher", first_year=2020, last_year=2025, saving_agreed=True)
grants = {y: caopo.professionalisation_budget("teacher", year=y) for y in years}
def floor_budget():
    balance, lapsed = Decimal(0), Decimal(0)
    saved = []
    for y in years:
        saved.append((y, grants[y]))
        while saved and saved[0][0] < y - 2:
            lapsed += saved.pop(0)[1]
        balance = sum(a for _, a in saved)
    return balance, lapsed
"""
)

CAREER_SETUP = (
    WARM_SETUP
    + """
kw = dict(since="2018-09-01", until="2025-12-31", mode="lenient")
caopo.career_timeline("L10", 1, **kw)
points = [date(y, 8, 1) for y in range(2019, 2026)]
amounts = {(d, s): caopo.salary("LB", s, on=day) for s in range(1, 13) for d in points}
def floor_career():
    rows, step = [], 1
    for d in points:
        step = min(step + 1, 12)
        rows.append((d, step, amounts[(d, step)]))
    return rows
"""
)


def warm_rows(repeat: int) -> list[Row]:
    floor = per_call(FLOOR_LOOKUP, WARM_SETUP, repeat)
    lookup = per_call("caopo.salary('LB', 5, on=day, fte=fte)", WARM_SETUP, repeat)
    detail = per_call("caopo.salary_detail('LB', 5, on=day, fte=fte)", WARM_SETUP, repeat)
    floor_name = "dict + bisect + multiply + quantize"
    rows = [
        Row("warm salary()", lookup, floor_name, floor, "us", "<= 2.5x"),
        Row("warm salary_detail()", detail, floor_name, floor, "us", "<= 4x"),
    ]
    cases = [
        ("annual_income, one year", "caopo.annual_income(employment, year=2025)",
         "floor_income()", INCOME_SETUP, "<= 8x"),
        ("garantietoelage", "caopo.garantietoelage(**kw)", "floor_garantie()",
         GARANTIE_SETUP, "<= 10x"),
        ("budget_statement, 6 years",
         "caopo.budget_statement('teacher', first_year=2020, last_year=2025, saving_agreed=True)",
         "floor_budget()", BUDGET_SETUP, "<= 10x"),
        ("career_timeline, 7 years", "caopo.career_timeline('L10', 1, **kw)", "floor_career()",
         CAREER_SETUP, "<= 10x"),
    ]  # fmt: skip
    for figure, stmt, floor_stmt, setup, target in cases:
        rows.append(
            Row(
                figure,
                per_call(stmt, setup, repeat),
                "hand-written loop",
                per_call(floor_stmt, setup, repeat),
                "us",
                target,
            )
        )
    return rows


# -- batch -----------------------------------------------------------------------------------

BATCH_CODE = r"""
import json, statistics, sys, time
import numpy as np, pandas as pd
import caopo, caopo.batch

n, repeat, categorical = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
rng = np.random.default_rng(0)
scales = np.array(["LB", "LC", "LD", "LE"], dtype=object)
days = pd.to_datetime(["2025-01-01", "2025-06-01", "2025-12-01"])
ftes = np.array(["1", "0.8", "0.6", "0.4"], dtype=object)
frame = pd.DataFrame({
    "scale": scales[rng.integers(0, 4, n)],
    "step": rng.integers(1, 11, n),
    "on": days[rng.integers(0, 3, n)],
    "fte": ftes[rng.integers(0, 4, n)],
})
if categorical:
    frame = frame.astype({"scale": "category", "fte": "category"})
caopo.salary("LB", 5, on="2025-01-01")

def run_caopo():
    t = time.perf_counter()
    caopo.batch.salaries(frame, scale="scale", step="step", on="on", fte="fte")
    return time.perf_counter() - t

table = rng.integers(200_000, 800_000, size=(4, 11, 3)).astype(np.int64)
s_idx = rng.integers(0, 4, n); t_idx = rng.integers(1, 11, n); d_idx = rng.integers(0, 3, n)
f_units = np.array([10_000, 8_000, 6_000, 4_000], dtype=np.int64)[rng.integers(0, 4, n)]

def run_floor():
    t = time.perf_counter()
    cents = table[s_idx, t_idx, d_idx]
    (cents * f_units + 5_000) // 10_000
    return time.perf_counter() - t

print(json.dumps([statistics.median(run_caopo() for _ in range(repeat)),
                  statistics.median(run_floor() for _ in range(repeat))]))
"""


def batch_rows(sizes: list[int], repeat: int) -> list[Row]:
    rows = []
    for n, categorical in [(n, False) for n in sizes] + [(sizes[-1], True)]:
        out = subprocess.run(
            [PYTHON, "-c", BATCH_CODE, str(n), str(repeat), "1" if categorical else "0"],
            check=True,
            capture_output=True,
            text=True,
        )
        seconds, floor = json.loads(out.stdout)
        label = f"batch.salaries, {n:,} rows" + (" (categorical)" if categorical else "")
        if categorical:
            target = "<= 10x"
        elif n >= 2_300_000:
            target = "<= 1 s"
        else:
            target = "-"
        rows.append(Row(label, seconds, "numpy gather + integer cents", floor, "ms", target))
    return rows


# -- growing the catalog ---------------------------------------------------------------------

SCALING_CODE = r"""
import json, sys, time, timeit
from datetime import date
from decimal import Decimal
import caopo
folders = sys.argv[1:]
t = time.perf_counter()
for folder in folders:
    caopo.use_tables(folder)
caopo.salary("LB", 5, on="2025-01-01")
cold = time.perf_counter() - t
timer = timeit.Timer("caopo.salary('LB', 5, on=day, fte=fte)",
                     globals={"caopo": caopo, "day": date(2025, 1, 1), "fte": Decimal("0.8")})
number, _ = timer.autorange()
print(json.dumps([cold, min(timer.repeat(repeat=5, number=number)) / number]))
"""


def copies_of_shipped_scales(root: Path, copies: int) -> list[str]:
    """Folders holding *copies* - 1 renamed copies of every published shipped salary table."""
    folders = []
    for k in range(1, copies):
        folder = root / f"copy{k}"
        folder.mkdir()
        for path in sorted((ROOT / "data" / "scales").glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            if "\nstatus: published\n" not in text:
                continue  # a derived table names the raises of its own table id
            table = next(
                line.split(":", 1)[1].strip()
                for line in text.splitlines()
                if line.startswith("table:")
            )
            renamed = text.replace(f"table: {table}\n", f"table: {table}_copy{k}\n", 1)
            (folder / f"copy{k}_{path.name}").write_text(renamed, encoding="utf-8")
        folders.append(str(folder))
    return folders


def scaling_rows(repeat: int) -> list[Row]:
    rows = []
    base: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 2, 4, 8):
            root = Path(tmp) / f"x{factor}"
            root.mkdir()
            folders = copies_of_shipped_scales(root, factor)
            runs = [
                json.loads(
                    subprocess.run(
                        [PYTHON, "-c", SCALING_CODE, *folders],
                        check=True,
                        capture_output=True,
                        text=True,
                    ).stdout
                )
                for _ in range(repeat)
            ]
            cold = statistics.median(r[0] for r in runs)
            warm = statistics.median(r[1] for r in runs)
            if base is None:
                base = (cold, warm)
            rows.append(
                Row(f"cold load, {factor}x tables", cold, "cold load, 1x", base[0], "ms",
                    f"<= {factor}x (linear)")
            )  # fmt: skip
            rows.append(
                Row(f"warm salary(), {factor}x tables", warm, "warm salary(), 1x", base[1], "us",
                    "<= 1.2x")
            )  # fmt: skip
            shutil.rmtree(root)
    return rows


# -- report ----------------------------------------------------------------------------------

SCALE = {"ms": 1e3, "us": 1e6}


def show(rows: list[Row]) -> None:
    header = f"{'figure':42} {'caopo':>11} {'floor':>11}  {'ratio':>7}  {'target':14} floor"
    print(header)
    print("-" * len(header))
    for row in rows:
        k = SCALE[row.unit]
        print(
            f"{row.figure:42} {row.caopo * k:8.2f} {row.unit:2} {row.floor * k:8.2f} {row.unit:2}"
            f"  {row.ratio:6.1f}x  {row.target:14} {row.floor_name}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller batches, 3 runs")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument(
        "--only",
        choices=["startup", "warm", "batch", "scaling"],
        action="append",
        help="run only these groups (repeatable)",
    )
    args = parser.parse_args()
    repeat = 3 if args.quick else 5
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000, 2_300_000]
    groups = {
        "startup": lambda: startup_rows(repeat * 2),
        "warm": lambda: warm_rows(repeat),
        "batch": lambda: batch_rows(sizes, repeat),
        "scaling": lambda: scaling_rows(repeat),
    }
    os.environ.setdefault("PYTHONHASHSEED", "0")
    rows: list[Row] = []
    for name in args.only or list(groups):
        rows.extend(groups[name]())
    if args.json:
        print(json.dumps([asdict(r) | {"ratio": r.ratio} for r in rows], indent=2))
    else:
        show(rows)


if __name__ == "__main__":
    main()
