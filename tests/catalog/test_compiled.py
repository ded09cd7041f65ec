"""The compiled salary tables equal the validated catalog, cell by cell; a stale compiled
file is never read; the ``caopo.salary()`` path imports neither pydantic nor PyYAML."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

import caopo
from caopo.catalog import compiled
from caopo.catalog.compiled import (
    cache_file,
    compile_to,
    data_key,
    decode,
    encode,
    key_files,
    read_compiled,
    salary_index,
)
from caopo.catalog.loader import shipped_catalog, shipped_data_dir
from caopo.catalog.salary_index import SalaryIndex, SalaryVersion

DATA = str(shipped_data_dir())


def _plain(version: SalaryVersion) -> tuple[object, ...]:
    return (
        version.table,
        version.effective_from,
        version.effective_until,
        version.known_from,
        version.status,
        version.cao,
        version.coverage,
        {scale: dict(steps) for scale, steps in version.cells.items()},
        dict(version.omitted),
        version.basis,
        os.path.normpath(version.path),
        version.origin,
        version.sources,
    )


def _same(compiled: SalaryIndex, validated: SalaryIndex) -> None:
    assert [_plain(v) for v in compiled.every_version()] == [
        _plain(v) for v in validated.every_version()
    ]
    assert compiled.bounds == validated.bounds
    for version in validated.every_version():
        assert compiled.end_of(version) == validated.end_of(version)
    days = {d for bound in validated.bounds for d in (bound - timedelta(days=1), bound)}
    for day in sorted(days):
        assert [v.label for v in compiled.versions_on(day)] == [
            v.label for v in validated.versions_on(day)
        ]
        for version in validated.versions_on(day):
            for scale, steps in version.cells.items():
                for step in steps:
                    got, want = compiled.find(scale, step, day), validated.find(scale, step, day)
                    assert got is not None and want is not None
                    assert (got[0], got[1].label) == (want[0], want[1].label), (scale, step, day)


def test_the_compiled_tables_equal_the_validated_ones_cell_by_cell(tmp_path: Path) -> None:
    target = tmp_path / "compiled.json"
    compile_to(target)  # validates every shipped file with the full schema first
    compiled = read_compiled(str(target), data_key(DATA), DATA)
    assert compiled is not None
    validated = SalaryIndex.from_series(shipped_catalog().salary_series())
    _same(compiled, validated)
    assert any(v.status == "provisional" for v in compiled.every_version())  # derived cells too


def test_the_index_in_use_is_the_compiled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a compiled file in the cache folder, and nothing else to build the index from: the
    # index in use must be decoded from that file (not built from the catalog again)
    monkeypatch.setenv("CAOPO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "_SHIPPED", [])
    compile_to(cache_file(data_key(DATA)))
    decoded: list[SalaryIndex] = []

    def spy(text: str, key: str, data_dir: str) -> SalaryIndex | None:
        found = decode(text, key, data_dir)
        if found is not None:
            decoded.append(found)
        return found

    def refuse(snap: object) -> SalaryIndex:
        raise AssertionError("the index was built from the catalog, not read compiled")

    monkeypatch.setattr(compiled, "decode", spy)
    monkeypatch.setattr(compiled, "_from_catalog", refuse)
    caopo.reset_tables()
    try:
        in_use = salary_index()
        assert decoded and in_use is decoded[0]
        _same(in_use, SalaryIndex.from_series(shipped_catalog().salary_series()))
    finally:
        caopo.reset_tables()


def test_the_key_covers_every_module_the_compile_imports(tmp_path: Path) -> None:
    # run a compile in a fresh process; every caopo module it imported must be hashed
    probe = (
        "import sys, caopo.catalog.compiled as c; "
        f"c.compile_to({str(tmp_path / 'out.json')!r}); "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'caopo')))"
    )
    imported = _fresh(probe, tmp_path)
    package = Path(caopo.__file__).parent
    keyed = {Path(path).resolve() for _, path in key_files(str(package))}
    for module in imported.split():
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin is not None
        assert Path(spec.origin).resolve() in keyed, f"{module} shapes the cells but is not keyed"


def test_a_stale_compiled_file_is_never_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    key = data_key(str(data))
    index = SalaryIndex.from_series(shipped_catalog().salary_series())
    compiled = tmp_path / "compiled.json"
    compiled.write_text(encode(index, key, DATA), encoding="utf-8")
    assert read_compiled(str(compiled), key, DATA) is not None
    # a data file changes: the key changes, the compiled file is stale
    table = data / "scales" / "teachers_2024-10-01.yaml"
    table.write_text(table.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    stale = data_key(str(data))
    assert stale != key
    assert read_compiled(str(compiled), stale, DATA) is None
    # so does a change to the code that reads and derives the tables, and to the foundation
    # modules whose rounding and status order shape the derived and carried cells
    code = tmp_path / "caopo"
    shutil.copytree(Path(caopo.__file__).parent, code, ignore=shutil.ignore_patterns("*.pyc"))
    for changed in ("catalog/derive.py", "catalog/carry.py", "money.py", "provenance.py"):
        before = data_key(str(data), str(code))
        (code / changed).write_text("# changed\n", encoding="utf-8")
        assert data_key(str(data), str(code)) != before, changed
    # a damaged file is not read either
    compiled.write_text("{not json", encoding="utf-8")
    assert read_compiled(str(compiled), key, DATA) is None


def _fresh(code: str, cache: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAOPO_")}
    env["CAOPO_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


@pytest.mark.skipif(
    (Path(caopo.__file__).parent / "_compiled_tables.json").exists(),
    reason="an installed wheel carries the compiled file: nothing is written to the cache",
)
def test_the_salary_path_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    probe = (
        "import sys, caopo; print(caopo.salary('LB', 5, on='2024-11-01'), "
        "'pydantic' in sys.modules, 'yaml' in sys.modules)"
    )
    # first use in a checkout: nothing compiled yet, so the YAML is validated and compiled
    assert _fresh(probe, tmp_path) == "3868.00 True True"
    assert [p.name for p in tmp_path.iterdir()] == [Path(cache_file(data_key(DATA))).name]
    # every later process reads the compiled file only
    assert _fresh(probe, tmp_path) == "3868.00 False False"
    # a damaged cache file is stale: rebuilt, never read
    for cached in tmp_path.iterdir():
        cached.write_text("[]", encoding="utf-8")
    assert _fresh(probe, tmp_path) == "3868.00 True True"
    assert _fresh(probe, tmp_path) == "3868.00 False False"
