"""Packaging: the built wheel contains the data and works from any working directory.

Builds the wheel, installs it into a fresh virtual environment (dependencies from the
package index) and runs a calculation from an unrelated directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The installed wheel alone must be found: no source path, no user tables.
CLEAN_ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in {"PYTHONPATH", "CAOPO_TABLES", "CAOPO_TABLES_REPLACE"}
}


@pytest.mark.slow
def test_wheel_installs_and_calculates_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("caopo-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "caopo/py.typed" in names
    assert "caopo/data/scales/teachers_2024-10-01.yaml" in names
    assert "caopo/data/raises/general_raises.yaml" in names
    assert "caopo/data/VERSION" in names
    assert "caopo/_compiled_tables.json" in names  # the build hook compiled the tables
    dist_info = "-".join(wheel.name.split("-")[:2]) + ".dist-info"
    assert f"{dist_info}/licenses/LICENSE" in names
    with zipfile.ZipFile(wheel) as archive:
        license_text = archive.read(f"{dist_info}/licenses/LICENSE").decode("utf-8")
        metadata = archive.read(f"{dist_info}/METADATA").decode("utf-8")
    assert license_text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Copyright (c) 2026 the caopo authors" in license_text
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", str(wheel)], env=CLEAN_ENV, check=True
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import caopo; d = caopo.salary_detail('LB', 5, on='2024-11-01', fte='0.8'); "
        "print(d.amount, d.status, caopo.data_version())"
    )
    out = subprocess.run(
        [python, "-c", code],
        cwd=elsewhere,
        env=CLEAN_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split()[:2] == ["3094.40", "published"]
    fast = "import sys, caopo; caopo.salary('LB', 5, on='2024-11-01'); print(sorted({'pydantic', 'yaml'} & set(sys.modules)))"
    assert subprocess.run(
        [python, "-c", fast], cwd=elsewhere, env=CLEAN_ENV, capture_output=True, text=True,
        check=True,
    ).stdout.strip() == "[]"  # fmt: skip
    cli = subprocess.run(
        [env_dir / "bin" / "caopo", "salary", "LB", "5", "--on", "2024-11-01", "--json"],
        cwd=elsewhere,
        env=CLEAN_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(cli.stdout)["result"]["amount"] == "3868.00"
    assert "site-packages" in subprocess.run(
        [python, "-c", "import caopo.catalog.loader as c; print(c.shipped_data_dir())"],
        cwd=elsewhere, env=CLEAN_ENV, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
