"""Measure what users feel: import, first load of the tables, a warm lookup.

    python scripts/benchmark.py

Numbers go to docs/performance.md by hand, with the machine they were taken on. Speed is
not asserted in unit tests (timings are noise on shared machines).
"""

from __future__ import annotations

import subprocess
import sys
import timeit
from datetime import date
from decimal import Decimal


def _import_ms() -> float:
    code = "import time; t = time.perf_counter(); import caopo; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(5)
    ]  # fmt: skip
    return min(runs) * 1000


def _first_load_ms() -> float:
    code = (
        "import time, caopo; t = time.perf_counter(); "
        "caopo.salary('LB', 5, on='2024-11-01'); print(time.perf_counter() - t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(3)
    ]  # fmt: skip
    return min(runs) * 1000


def _warm_us(stmt: str) -> float:
    setup = "import caopo; from datetime import date; from decimal import Decimal; " + stmt
    timer = timeit.Timer(stmt, setup=setup)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=5, number=number)) / number * 1e6


def main() -> None:
    assert date and Decimal  # used inside the timed statements
    print(f"import caopo:                      {_import_ms():8.1f} ms")
    print(f"first lookup (loads every table):  {_first_load_ms():8.1f} ms")
    lookup = "caopo.salary('LB', 5, on=date(2024, 11, 1), fte=Decimal('0.8'))"
    print(f"warm caopo.salary():               {_warm_us(lookup):8.1f} µs")
    detail = "caopo.salary_detail('LB', 5, on=date(2024, 11, 1))"
    print(f"warm caopo.salary_detail():        {_warm_us(detail):8.1f} µs")


if __name__ == "__main__":
    main()
