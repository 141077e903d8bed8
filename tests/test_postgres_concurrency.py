"""Four clerks' scripts writing to one PostgreSQL database at once: nothing lost, every
change in the audit trail once, a closed period untouched.

Each writer is a separate process running the real command tree, one transaction per
command. Run as a script this file is that writer:
``python test_postgres_concurrency.py writer URL NAME COUNT GO_FILE OUT_FILE``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.postgresql_only

WRITERS = ("w1", "w2", "w3", "w4")
WRITES = 30  # per writer, five kinds in turn
KINDS = 5


def command_for(name: str, i: int, folder: Path) -> list[str]:
    kind = i % KINDS
    if kind == 0:
        return ["unit", "add", f"{name}-u{i}", f"Chi bộ {name} {i}", "--kind", "chi-bo-co-so",
                "--parent", "TP"]  # fmt: skip
    if kind == 1:
        return ["quota", "set", "TP", "2022", str(i), "--source", f"{name}-{i}"]
    if kind == 2:
        return ["candidate", "add", f"Người {name} {i}", "--unit", "TP", "--birth", "01/01/1990",
                "--gender", "nam", "--sourced", "01/01/2024"]  # fmt: skip
    if kind == 3:
        path = folder / f"{name}-{i}.csv"
        path.write_text(
            "full_name,birth_date,gender,unit_code,source_date\n"
            f"Nhập {name} {i} a,02/02/1991,nu,TP,01/02/2024\n"
            f"Nhập {name} {i} b,03/03/1992,nam,TP,01/02/2024\n",
            encoding="utf-8",
        )
        return ["candidate", "import", str(path)]
    return ["quota", "set", "TP", "2021", "999", "--source", "tinh"]  # 2021 is closed


def writer(url: str, name: str, count: int, go_file: str, out_file: str) -> None:
    from typer.testing import CliRunner

    from dangvien_cli.cli import build_app

    app = build_app()
    runner = CliRunner()
    folder = Path(out_file).parent
    while not Path(go_file).exists():
        time.sleep(0.005)
    results: list[dict[str, Any]] = []
    for i in range(count):
        args = ["--actor", name, *command_for(name, i, folder), "--db", url]
        result = runner.invoke(app, args, catch_exceptions=False)
        results.append({"i": i, "code": result.exit_code, "err": result.stderr})
    Path(out_file).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


def run_writers(url: str, tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = {}
    for name in WRITERS:
        out = tmp_path / f"{name}.json"
        cmd = [sys.executable, __file__, "writer", url, name, str(WRITES), str(go), str(out)]
        procs[name] = (subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True), out)
    go.touch()  # all four start on the same signal, as soon as each has its command tree
    results = {}
    for name, (proc, out) in procs.items():
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        results[name] = json.loads(out.read_text(encoding="utf-8"))
    return results


def test_four_writers_lose_nothing_and_leave_2021_alone(cli, db_url, sql, tmp_path):
    for args in (
        ("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren"),
        ("quota", "set", "TP", "2021", "200", "--source", "tinh"),
        ("period", "close", "2021"),
    ):
        assert cli(*args).exit_code == 0
    audit_before = sql("SELECT count(*) FROM audit_log")[0][0]

    results = run_writers(db_url, tmp_path)

    for name, runs in results.items():
        ok = [r for r in runs if r["i"] % KINDS != 4]
        assert [r for r in ok if r["code"] != 0 or "Lỗi" in r["err"]] == [], name
        refused = [r for r in runs if r["i"] % KINDS == 4]
        assert all(r["code"] == 1 and "2021" in r["err"] for r in refused), refused[:2]

    def made(kind: int, fmt: str) -> set[str]:
        return {fmt.format(n=n, i=i) for n in WRITERS for i in range(kind, WRITES, KINDS)}

    units = {u for (u,) in sql("SELECT code FROM unit")}
    assert units == {"TP"} | made(0, "{n}-u{i}")
    sources = {s for (s,) in sql("SELECT q.source FROM quota q JOIN period p ON p.id = "
                                 "q.period_id WHERE p.code = '2022'")}  # fmt: skip
    assert sources == made(1, "{n}-{i}")
    assert sql("SELECT q.target FROM quota q JOIN period p ON p.id = q.period_id "
               "WHERE p.code = '2021'") == [(200,)]  # fmt: skip
    people = [p for (p,) in sql("SELECT full_name FROM person")]
    expected = made(2, "Người {n} {i}") | made(3, "Nhập {n} {i} a") | made(3, "Nhập {n} {i} b")
    assert sorted(people) == sorted(expected)  # each once: none lost, none doubled
    assert sql("SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM pipeline_event e "
               "WHERE e.person_id = p.id)") == [(0,)]  # fmt: skip

    per_writer = WRITES // KINDS
    audit = Counter(sql("SELECT actor, entity, action FROM audit_log WHERE id > :n",
                        n=audit_before))  # fmt: skip
    for name in WRITERS:
        assert audit[(name, "unit", "add")] == per_writer
        assert audit[(name, "quota", "add")] == per_writer
        assert audit[(name, "person", "add")] == per_writer
        assert audit[(name, "import", "candidates")] == per_writer
    assert {actor for actor, _e, _a in audit} == set(WRITERS)  # the refusals left no trace
    assert not [a for a in audit if a[1] == "quota" and a[2] != "add"]

    # Writers queue, so the audit trail's hash chain never forks: db check finds it whole.
    checked = cli("db", "check", "--format", "json")
    assert not [f for f in json.loads(checked.stdout) if f["check"].startswith(("chain", "guard"))]

    # The ids the imports handed out and the sequence still agree.
    result = cli("candidate", "add", "Sau Cùng", "--unit", "TP", "--birth", "01/01/1990",
                 "--gender", "nu")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert int(result.stdout) == sql("SELECT max(id) FROM person")[0][0]


def test_a_closed_period_changes_only_with_a_reason(cli, db_url, sql):
    for args in (
        ("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren"),
        ("quota", "set", "TP", "2021", "200", "--source", "tinh"),
        ("period", "close", "2021"),
    ):
        assert cli(*args).exit_code == 0
    refused = cli("quota", "set", "TP", "2021", "210", "--source", "tinh", "--lang", "en")
    assert refused.exit_code == 1 and "Period 2021 is closed" in refused.stderr
    assert cli("quota", "set", "TP", "2022", "210", "--source", "tinh").exit_code == 0
    allowed = cli("quota", "set", "TP", "2021", "210", "--source", "tinh",
                  "--reopen", "Công văn 12/CV-BTC")  # fmt: skip
    assert allowed.exit_code == 0, allowed.output
    targets = sql("SELECT p.code, q.target FROM quota q JOIN period p ON p.id = q.period_id "
                  "ORDER BY p.code")  # fmt: skip
    assert targets == [("2021", 210), ("2022", 210)]
    [(after,)] = sql("SELECT after FROM audit_log WHERE entity = 'period' AND action = 'override'")
    assert "Công văn 12/CV-BTC" in after


if __name__ == "__main__":
    if sys.argv[1] == "writer":
        writer(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6])
