"""A small mutation tester: do the tests notice when the code is subtly wrong?

Each mutant changes one thing in one core module (a comparison ``<`` to ``<=``, ``+`` to
``-``, a constant such as ``CENT`` or a count off by one, ``and`` to ``or``, a branch
dropped by negating its condition, ``True`` to ``False``), then runs the tests that cover
that module, in a copy of ``src/`` so the work tree is never touched. A mutant the tests
still pass is a *survivor*: a change to the rules nobody would notice.

    python scripts/mutate.py money                 # one module, its test subset
    python scripts/mutate.py ledger --max 40       # the first 40 mutants only
    python scripts/mutate.py --list                # the core modules and their tests

It prints the score per module and every survivor (line and change). Mutants that cannot
change a result (:data:`EQUIVALENT`, each with its reason) are listed apart, not run, and
left out of the score. Slow (one pytest
run per mutant), so it is not part of CI; docs/testing.md records the last scores.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_PAY_TESTS = ("tests/pay", "tests/test_mutation_killers_pay.py")
"""The income components are priced together (a line accrues on the salary): their subset
is every pay test and the killers."""

CORE: dict[str, tuple[str, tuple[str, ...]]] = {
    "money": (
        "src/caopo/money.py",
        ("tests/test_money.py", "tests/test_amounts.py", "tests/pay/test_part_month_exact.py"),
    ),
    "inputs": ("src/caopo/inputs.py", ("tests/test_inputs.py",)),
    "salary": (
        "src/caopo/salary_scales/salary.py",
        (
            "tests/salary_scales/test_salary.py",
            "tests/salary_scales/test_published_figures.py",
            "tests/test_mutation_killers_salary.py",
        ),
    ),
    "derive": (
        "src/caopo/catalog/derive.py",
        (
            "tests/catalog/test_anchor_chain.py",
            "tests/catalog/test_golden.py",
            "tests/catalog/test_invalid.py",
            "tests/test_mutation_killers_catalog.py",
        ),
    ),
    "catalog": (
        "src/caopo/catalog/loader.py",
        (
            "tests/catalog/test_invalid.py",
            "tests/catalog/test_series.py",
            "tests/catalog/test_consistency.py",
            "tests/catalog/test_error_per_cause.py",
            "tests/test_mutation_killers_catalog.py",
        ),
    ),
    "carry": (
        "src/caopo/catalog/carry.py",
        (
            "tests/catalog/test_carry_forward.py",
            "tests/catalog/test_carry_projection.py",
            "tests/test_mutation_killers_catalog.py",
        ),
    ),
    "compiled": (
        "src/caopo/catalog/compiled.py",
        (
            "tests/catalog/test_compiled.py",
            "tests/catalog/test_remembered.py",
            "tests/test_mutation_killers_salary.py",
            "tests/test_mutation_killers_catalog.py",
        ),
    ),
    "salary_index": (
        "src/caopo/catalog/salary_index.py",
        (
            "tests/catalog/test_compiled.py::test_the_compiled_tables_equal_the_validated_ones_cell_by_cell",
            "tests/salary_scales/test_published_figures.py",
            "tests/test_mutation_killers_money.py",
            "tests/test_mutation_killers_salary.py",
            "tests/test_mutation_killers_catalog.py",
        ),
    ),
    "garantietoelage": (
        "src/caopo/leaders/garantietoelage.py",
        (
            "tests/leaders/test_garantietoelage.py",
            "tests/leaders/test_garantietoelage_killers.py",
            "tests/test_amounts.py",
            "tests/test_mutation_killers_money.py",
        ),
    ),
    "ledger": (
        "src/caopo/professionalisation/ledger.py",
        (
            "tests/professionalisation/test_budget_ledger.py",
            "tests/test_amounts.py",
            "tests/test_mutation_killers_money.py",
        ),
    ),
    "income_salary": (
        "src/caopo/pay/components/salary.py",
        (
            "tests/pay/test_income.py",
            "tests/pay/test_part_month_exact.py",
            "tests/test_mutation_killers_pay.py",
        ),
    ),
    "back_pay": (
        "src/caopo/pay/back_pay.py",
        (
            "tests/pay/test_back_pay.py",
            "tests/test_mutation_killers_money.py",
            "tests/test_mutation_killers_pay.py",
        ),
    ),
    **{
        f"income_{name}": (f"src/caopo/pay/components/{name}.py", _PAY_TESTS)
        for name in (
            "holiday",
            "end_of_year",
            "oop_yearly",
            "yearly_allowances",
            "commuting",
            "one_off",
        )
    },
    "plan": ("src/caopo/pay/plan.py", _PAY_TESTS),
}
"""The core modules, each with the small test subset that should kill its mutants."""

EQUIVALENT: dict[str, dict[tuple[str, str], str]] = {
    "money": {
        ("value < 0", "Lt -> LtE"): "minus zero cents is zero cents",
        ("numerator < 0", "Lt -> LtE"): "as above",
    },
    "back_pay": {
        ("zip(m.paid, m.owed, strict=True)", "True -> False"): "paid and owed are accrued by "
        "the same component registry, one line per accruing component: equal lengths",
        ("zip(paid, owed, strict=True)", "True -> False"): "as above: equal lengths",
    },
    "garantietoelage": {
        ("toelage = self.toelage_index.statuses if self.toelage else ()", "negate condition"): (
            "the directietoelage and the old table share the 2020-01-01 level (a test says "
            "so), so both are indexed by the same raises with the same statuses"
        ),
        (
            "period = scale_code(old).period(rules.old_scales_lapse_on - timedelta(days=1))",
            "1 -> 2",
        ): ("two days before the old scales lapsed falls in the same code period as one day"),
        ("last_day = rules.old_scales_lapse_on - timedelta(days=1)", "1 -> 2"): "as above",
        ("period = code.period(min(when - timedelta(days=1), last_day))", "Sub -> Add"): (
            "a periodiek falls on 1 August and no code period changes on 31 July, 1 or 2 "
            "August before the lapse: the day after reads the same period"
        ),
        ("period = code.period(min(when - timedelta(days=1), last_day))", "1 -> 2"): "as above",
        ("lookup_on = rules.old_scales_lapse_on - timedelta(days=1) if carried", "1 -> 2"): (
            "two days before the lapse reads the same old table version (2020-01-01)"
        ),
    },
    "income_one_off": {
        ("month, parts = payment.accrual_from.replace(day=1), []", "1 -> 2"): "any day means "
        "its month: service_part and month_bounds take the first",
    },
    "plan": {
        ("history = step_history(employment, after - timedelta(days=1))", "Sub -> Add"): "the "
        "step history is read only on days inside the months planned; a history two days "
        "longer holds the same changes up to them",
        ("days = set(periodiek_dates(first, after - timedelta(days=1)))", "Sub -> Add"): "the "
        "change days are filtered to first < day < after on the next line",
        ("return tuple(d for d in days if first < d < after)", "Lt -> LtE"): "a cut on the first "
        "day is dropped again where the months are cut (lo < c < hi)",
        ("history = step_history(employment, after - timedelta(days=1))", "1 -> 2"): "the "
        "history ends a day early: only a change on the last day of a month is lost, and "
        "periodieken fall on the first (the shipped rule: 1 August)",
        ("days = set(periodiek_dates(first, after - timedelta(days=1)))", "1 -> 2"): "as "
        "above: a periodiek on the last day of the last month",
    },
}
"""Mutants that cannot change any result, per module: (a snippet of the mutated line, the
change) -> why. They are reported apart and left out of the score (docs/testing.md)."""

_SWAP_COMPARE: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
}
_SWAP_BINOP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
}


@dataclass(frozen=True)
class Mutant:
    """One change: the index of the node in the module's walk, and what it does."""

    index: int
    line: int
    change: str


def _is_docstring(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    parent = parents.get(node)
    return isinstance(parent, ast.Expr) and isinstance(node, ast.Constant)


def _changes(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> Iterator[str]:
    """The mutations that apply to *node* (named, so a survivor can be read)."""
    if isinstance(node, ast.Compare) and type(node.ops[0]) in _SWAP_COMPARE:
        yield f"{type(node.ops[0]).__name__} -> {_SWAP_COMPARE[type(node.ops[0])].__name__}"
    elif isinstance(node, ast.BinOp) and type(node.op) in _SWAP_BINOP:
        yield f"{type(node.op).__name__} -> {_SWAP_BINOP[type(node.op)].__name__}"
    elif isinstance(node, ast.BoolOp):
        yield "and <-> or"
    elif isinstance(node, ast.If | ast.IfExp | ast.While):
        yield "negate condition"
    elif isinstance(node, ast.Constant) and not _is_docstring(node, parents):
        value = node.value
        if isinstance(value, bool):
            yield f"{value} -> {not value}"
        elif isinstance(value, int):
            yield f"{value} -> {value + 1}"
        elif isinstance(value, str) and _numeric(value) and isinstance(parents.get(node), ast.Call):
            yield f"{value!r} -> {_bumped(value)!r}"


def _numeric(text: str) -> bool:
    return text.replace(".", "", 1).isdigit() and text.isascii()


def _bumped(text: str) -> str:
    """``"0.01"`` -> ``"0.02"``: one unit more in the last digit."""
    digits = text.replace(".", "")
    bumped = str(int(digits) + 1).rjust(len(digits), "0")
    point = text.find(".")
    return (
        bumped
        if point < 0
        else bumped[: len(bumped) - (len(text) - point - 1)]
        + "."
        + bumped[len(bumped) - (len(text) - point - 1) :]
    )


def _apply(node: ast.AST, change: str) -> None:
    if isinstance(node, ast.Compare):
        node.ops[0] = _SWAP_COMPARE[type(node.ops[0])]()
    elif isinstance(node, ast.BinOp):
        node.op = _SWAP_BINOP[type(node.op)]()
    elif isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif isinstance(node, ast.If | ast.IfExp | ast.While):
        node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            node.value = not value
        elif isinstance(value, int):
            node.value = value + 1
        else:
            node.value = _bumped(str(value))


def _skipped(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Nodes not worth a mutant: inside an error message, ``__all__``, a type hint or an
    ``if TYPE_CHECKING:`` block (imports for the type checker only)."""
    current: ast.AST | None = node
    while current is not None:
        if isinstance(current, ast.JoinedStr | ast.Raise | ast.AnnAssign | ast.arguments):
            return True
        if isinstance(current, ast.If) and getattr(current.test, "id", "") == "TYPE_CHECKING":
            return True
        if isinstance(current, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in current.targets
        ):
            return True
        if isinstance(current, ast.Call) and getattr(current.func, "id", "") == "InvalidInputError":
            return True
        current = parents.get(current)
    return False


def _decorations(tree: ast.Module) -> set[ast.AST]:
    """Nodes inside decorators (``@dataclass(frozen=True)``): no rule lives there."""
    return {
        inner
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef | ast.FunctionDef)
        for decorator in node.decorator_list
        for inner in ast.walk(decorator)
    }


def mutants(tree: ast.Module) -> list[Mutant]:
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    decorations = _decorations(tree)
    found: list[Mutant] = []
    for index, node in enumerate(ast.walk(tree)):
        if node in decorations or _skipped(node, parents):
            continue
        for change in _changes(node, parents):
            found.append(Mutant(index, getattr(node, "lineno", 0), change))
    return found


def mutated_source(tree: ast.Module, mutant: Mutant) -> str:
    clone = copy.deepcopy(tree)
    node = list(ast.walk(clone))[mutant.index]
    _apply(node, mutant.change)
    return ast.unparse(ast.fix_missing_locations(clone))


def _run(tests: tuple[str, ...], src: Path, timeout: float) -> bool:
    """True when the tests pass (the mutant survives)."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", "--no-header"]
    command += ["-o", "addopts=--import-mode=importlib -p no:cacheprovider", *tests]
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return False  # a hang counts as killed: the tests noticed something
    return done.returncode == 0


def equivalent(name: str, source: str, mutant: Mutant) -> str | None:
    """Why *mutant* of module *name* cannot change a result, if :data:`EQUIVALENT` says so."""
    line = source.splitlines()[mutant.line - 1] if mutant.line else ""
    for (snippet, change), why in EQUIVALENT.get(name, {}).items():
        if snippet in line and change == mutant.change:
            return why
    return None


def mutate_module(name: str, *, limit: int | None, timeout: float) -> tuple[int, list[Mutant]]:
    """Run every mutant of core module *name* but the equivalent ones; return the count and
    the survivors."""
    path, tests = CORE[name]
    source = (ROOT / path).read_text(encoding="utf-8")
    tree = ast.parse(source)
    todo = []
    for mutant in mutants(tree)[:limit]:
        why = equivalent(name, source, mutant)
        if why is None:
            todo.append(mutant)
        else:
            print(f"  {path}:{mutant.line} {mutant.change}: equivalent ({why})")
    survivors: list[Mutant] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "src", work / "src")
        (work / "data").symlink_to(ROOT / "data")
        target = work / path
        original = target.read_text(encoding="utf-8")
        if not _run(tests, work / "src", timeout):
            raise SystemExit(f"{name}: the test subset fails without a mutant: {tests}")
        for number, mutant in enumerate(todo, 1):
            target.write_text(mutated_source(tree, mutant), encoding="utf-8")
            survived = _run(tests, work / "src", timeout)
            target.write_text(original, encoding="utf-8")
            mark = "SURVIVED" if survived else "killed"
            print(f"  [{number}/{len(todo)}] {path}:{mutant.line} {mutant.change}: {mark}")
            if survived:
                survivors.append(mutant)
    return len(todo), survivors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help=f"core modules: {', '.join(CORE)}")
    parser.add_argument("--max", type=int, default=None, help="at most this many mutants each")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per mutant")
    parser.add_argument("--list", action="store_true", help="list the core modules and tests")
    args = parser.parse_args(argv)
    if args.list:
        for name, (path, tests) in CORE.items():
            print(f"{name}: {path} <- {' '.join(tests)}")
        return 0
    scores: list[str] = []
    for name in args.modules or list(CORE):
        total, survivors = mutate_module(name, limit=args.max, timeout=args.timeout)
        killed = total - len(survivors)
        score = 100.0 * killed / total if total else 100.0
        scores.append(f"{name}: {killed}/{total} killed ({score:.1f} %)")
        for mutant in survivors:
            scores.append(f"    survivor: {CORE[name][0]}:{mutant.line} {mutant.change}")
    print("\n".join(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
