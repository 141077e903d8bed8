"""Mistakes can be undone, and the trail keeps them (issue 14, point 2): quota unset, one
quota per unit and period unless --source says otherwise, unit remove, candidate void (a
whole registration or one event). Destructive acts ask at a terminal, take --yes in scripts.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

Q2021 = ("report", "quota", "--period", "2021", "--as-of", "2021-12-31")


def quotas(cli, unit: str, period: str) -> list[tuple[str, int]]:
    rows = cli.json("quota", "list", "--unit", unit, "--period", period)
    return [(r["source"], r["target"]) for r in rows if r["unit_code"] == unit]


def audit(cli, entity: str) -> list[dict]:
    return cli.json("audit", "list", "--entity", entity)


def admitted(cli, unit: str) -> int:
    return next(r["admitted"] for r in cli.json(*Q2021) if r["unit_code"] == unit)


# --- quotas ------------------------------------------------------------------------------


def test_quota_set_without_source_changes_the_quota_there_is(cli, demo_db):
    [(source, _old)] = quotas(cli, "DALAN", "2021")
    assert cli("quota", "set", "DALAN", "2021", "7").exit_code == 0
    assert quotas(cli, "DALAN", "2021") == [(source, 7)]
    assert [r["target"] for r in cli.json(*Q2021) if r["unit_code"] == "DALAN"] == [7]
    # A second source only when --source names it; then a bare set is ambiguous.
    assert cli("quota", "set", "DALAN", "2021", "9", "--source", "tinh").exit_code == 0
    assert sorted(quotas(cli, "DALAN", "2021")) == sorted([(source, 7), ("tinh", 9)])
    refused = cli("quota", "set", "DALAN", "2021", "1", "--lang", "en")
    assert refused.exit_code == 1
    assert f"({source}, tinh)" in refused.stderr and "--source" in refused.stderr
    # A unit and period with no quota yet: the default source.
    assert cli("quota", "set", "DALAN", "2030", "4").exit_code == 0
    assert quotas(cli, "DALAN", "2030") == [("cap-tren", 4)]


def test_quota_unset_needs_yes_in_a_script_and_the_trail_keeps_it(cli, demo_db):
    [(source, target)] = quotas(cli, "DALAN", "2022")
    refused = cli("quota", "unset", "DALAN", "2022", "--lang", "en")
    assert refused.exit_code == 1
    assert "--yes" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert quotas(cli, "DALAN", "2022") == [(source, target)]
    done = cli("quota", "unset", "DALAN", "2022", "--yes")
    assert done.exit_code == 0, done.output
    assert quotas(cli, "DALAN", "2022") == []
    last = audit(cli, "quota")[-1]
    assert last["action"] == "remove" and last["after"] is None
    assert last["before"] == {"unit": "DALAN", "period": "2022", "source": source, "target": target}
    again = cli("quota", "unset", "DALAN", "2022", "--yes")
    assert again.exit_code == 1 and "DALAN" in again.stderr


def test_quota_unset_picks_by_source_and_respects_a_closed_period(cli, demo_db):
    assert cli("quota", "set", "DALAN", "2021", "9", "--source", "tinh").exit_code == 0
    assert cli("quota", "unset", "DALAN", "2021", "--yes").exit_code == 1  # which one?
    assert cli("period", "close", "2021").exit_code == 0
    closed = cli("quota", "unset", "DALAN", "2021", "--source", "tinh", "--yes")
    assert closed.exit_code == 1 and "2021" in closed.stderr
    assert ("tinh", 9) in quotas(cli, "DALAN", "2021")
    reopened = cli("quota", "unset", "DALAN", "2021", "--source", "tinh", "--yes", "--reopen", "x")
    assert reopened.exit_code == 0, reopened.output
    assert ("tinh", 9) not in quotas(cli, "DALAN", "2021")


# --- units -------------------------------------------------------------------------------


def test_a_unit_without_history_is_removed_one_with_history_refused(cli, demo_db):
    add = ("unit", "add", "X9", "Chi bộ nhầm", "--kind", "chi-bo-co-so", "--parent", "DALAN")
    assert cli(*add).exit_code == 0
    assert cli("unit", "remove", "X9").exit_code == 1  # no terminal, no --yes
    assert cli("unit", "remove", "x9", "--yes").exit_code == 0
    assert "X9" not in {u["code"] for u in cli.json("unit", "list")}
    assert [e["action"] for e in audit(cli, "unit") if e["entity_id"] == "X9"] == ["add", "remove"]
    refused = cli("unit", "remove", "DALAN", "--yes", "--lang", "en")
    assert refused.exit_code == 1
    assert "sub-units" in refused.stderr and "--dissolved" in refused.stderr
    assert "DALAN" in {u["code"] for u in cli.json("unit", "list")}
    # Re-adding the code works: the removed unit left nothing behind.
    assert cli(*add).exit_code == 0


# --- candidates ----------------------------------------------------------------------------


def not_admitted(cli) -> dict:
    rows = cli.json("candidate", "list", "--stage", "voted")
    return rows[0]


def test_a_voided_candidate_leaves_lists_and_reports_and_stays_in_the_trail(cli, demo_db, tmp_path):
    person = not_admitted(cli)
    pid, unit = person["id"], person["unit_code"]
    before = cli.json("report", "pipeline", "--period", "2021", "--as-of", "2021-12-31")
    refused = cli("candidate", "void", pid, "--reason", "ghi nhầm")
    assert refused.exit_code == 1
    assert pid in {r["id"] for r in cli.json("candidate", "list")}
    done = cli("candidate", "void", pid, "--reason", "ghi nhầm", "--yes")
    assert done.exit_code == 0, done.output
    assert pid not in {r["id"] for r in cli.json("candidate", "list")}
    assert pid not in {r["id"] for r in cli.json("candidate", "list", "--unit", unit)}
    out = tmp_path / "c.csv"
    assert cli("export", "candidates", out).exit_code == 0
    assert f"\n{pid}," not in out.read_text(encoding="utf-8-sig")
    after = cli.json("report", "pipeline", "--period", "2021", "--as-of", "2021-12-31")
    now = {(r["unit_code"], r["stage"]): r["now"] for r in before}
    later = {(r["unit_code"], r["stage"]): r["now"] for r in after}
    assert later[(unit, "voted")] == now[(unit, "voted")] - 1
    # The history stays: the events, the voids, the reason, the audit entry.
    sheet = cli.json("candidate", "show", pid)
    voids = [e for e in sheet["timeline"] if e["step"] == "void"]
    assert voids and all(e["note"] == "ghi nhầm" for e in voids)
    assert all(e["superseded"] for e in sheet["timeline"] if e["step"] != "void")
    entry = audit(cli, "person")[-1]
    assert entry["action"] == "void" and entry["entity_id"] == str(pid)
    assert entry["after"]["reason"] == "ghi nhầm"
    # Voided once is enough; and no step can follow.
    assert cli("candidate", "void", pid, "--reason", "x", "--yes").exit_code == 1


def test_voiding_events_walks_an_admission_back(cli, demo_db):
    quota_units = {r["unit_code"] for r in cli.json(*Q2021)}
    admitted_rows = [
        r
        for r in cli.json("member", "list")
        if r["status"] == "probationary" and r["unit_code"] in quota_units
    ]
    pid, unit = admitted_rows[0]["person_id"], admitted_rows[0]["unit_code"]
    sheet = cli.json("candidate", "show", pid)
    live = {e["step"]: e["event_id"] for e in sheet["timeline"] if not e["superseded"]}
    decided = next(e["date"] for e in sheet["timeline"] if e["event_id"] == live["decision"])
    count = admitted(cli, unit)
    # The registration, a step a later one rests on, the whole admitted person: refused.
    for args in (("--event", live["sourced"]), ("--event", live["decision"]), ()):
        result = cli("candidate", "void", pid, *args, "--reason", "sai", "--yes")
        assert result.exit_code == 1, (args, result.output)
        assert len(result.stderr.strip().splitlines()) == 1
    for step in ("ceremony", "decision"):
        result = cli("candidate", "void", pid, "--event", live[step], "--reason", "sai", "--yes")
        assert result.exit_code == 0, result.output
    assert cli.json("candidate", "show", pid)["stage"] == "recommended"
    assert pid not in {r["person_id"] for r in cli.json("member", "list")}
    assert admitted(cli, unit) == count - (decided.startswith("2021"))
    again = cli("candidate", "void", pid, "--event", live["decision"], "--reason", "x", "--yes")
    assert again.exit_code == 1
    actions = [(e["entity_id"], e["action"]) for e in audit(cli, "pipeline_event")[-2:]]
    assert actions == [(str(live["ceremony"]), "void"), (str(live["decision"]), "void")]


def test_voiding_a_wrong_exit_puts_the_candidate_back(cli, demo_db):
    person = not_admitted(cli)
    pid = person["id"]
    out = cli("candidate", "withdraw", pid, "--date", "15/12/2021", "--reason", "xin rút")
    assert out.exit_code == 0, out.output
    assert cli.json("candidate", "show", pid)["stage"] == "withdrawn"
    event = next(
        e["event_id"]
        for e in cli.json("candidate", "show", pid)["timeline"]
        if e["step"] == "withdrawn"
    )
    done = cli("candidate", "void", pid, "--event", event, "--reason", "nhầm người", "--yes")
    assert done.exit_code == 0, done.output
    assert pid in {r["id"] for r in cli.json("candidate", "list", "--stage", "voted")}
    sheet = cli.json("candidate", "show", pid)
    assert (sheet["stage"], sheet["stage_on"]) == ("voted", person["stage_on"])
    # The pipeline goes on as if the exit had never been recorded.
    again = cli("candidate", "withdraw", pid, "--date", "20/12/2021", "--reason", "rút thật")
    assert again.exit_code == 0, again.output


def test_a_correction_and_a_void_need_a_reason(cli, demo_db):
    pid = not_admitted(cli)["id"]
    result = cli("candidate", "void", pid, "--reason", "  ", "--yes")
    assert result.exit_code == 1
    assert pid in {r["id"] for r in cli.json("candidate", "list")}


# --- at a terminal ------------------------------------------------------------------------


def run_at_a_pty(args: list[str], answer: bytes) -> tuple[int, str]:
    """Run dangvien with stdin and stdout on a pseudo-terminal, answer its question."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dangvien_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**env, "PYTHONPATH": os.pathsep.join(sys.path)},
        close_fds=True,
    )
    os.close(follower)
    seen = b""
    answered = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if not answered and b"?" in seen:
            os.write(leader, answer)
            answered = True
        if proc.poll() is not None and not ready:
            break
    code = proc.wait(timeout=30)
    os.close(leader)
    return code, seen.decode("utf-8", "replace")


def test_at_a_terminal_the_question_is_asked_and_no_means_no(cli, demo_db):
    [(source, target)] = quotas(cli, "DALAN", "2022")
    code, seen = run_at_a_pty(["quota", "unset", "DALAN", "2022", "--lang", "en"], b"n\n")
    assert "Remove the quota of DALAN for 2022" in seen
    assert code == 1 and "Cancelled" in seen
    assert quotas(cli, "DALAN", "2022") == [(source, target)]
    code, seen = run_at_a_pty(["quota", "unset", "DALAN", "2022"], b"y\n")
    assert code == 0, seen
    assert "Đã xóa chỉ tiêu DALAN" in seen
    assert quotas(cli, "DALAN", "2022") == []


@pytest.mark.sqlite_only
def test_unit_remove_at_a_terminal(cli, demo_db):
    assert cli("unit", "add", "X9", "Chi bộ nhầm", "--kind", "chi-bo-co-so").exit_code == 0
    code, seen = run_at_a_pty(["unit", "remove", "X9", "--db", str(Path(demo_db))], b"y\n")
    assert code == 0, seen
    assert "X9" not in {u["code"] for u in cli.json("unit", "list")}
