"""The map changes (issue 17): units merged, moved and renamed on a date, members transferred
and leaving, and every list and report as of a day.

The reports are checked against ``DatedTree``, a walk of the raw tables written here in
Python (not the recursive SQL of services.dated): for a day, which units were alive, under
which parent, which unit holds a dissolved unit's facts, where each person stood.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

TABLES = (
    "unit",
    "unit_history",
    "member",
    "member_history",
    "person",
    "person_history",
    "quota",
    "audit_log",
)


def snapshot(sql):
    """Everything a refused act must leave as it was."""
    return {t: sql(f"SELECT * FROM {t} ORDER BY id") for t in TABLES}


def ok(result):
    assert result.exit_code == 0, result.output + result.stderr
    return result


def refused(result, *words):
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def as_date(value):
    return date.fromisoformat(str(value)[:10]) if value is not None else None


class DatedTree:
    """The tree of one day, from the tables themselves."""

    def __init__(self, sql, day: date):
        self.day = day
        units = sql(
            "SELECT id, code, parent_id, founded_on, dissolved_on, merged_into_id FROM unit"
        )
        history = sql("SELECT unit_id, valid_from, valid_to, parent_id FROM unit_history")
        self.code = {u[0]: u[1] for u in units}
        self.alive, self.parent = set(), {}
        for uid, _code, parent, founded, dissolved, _succ in units:
            if (founded is None or as_date(founded) <= day) and (
                dissolved is None or as_date(dissolved) >= day
            ):
                self.alive.add(uid)
                self.parent[uid] = parent
        for uid, start, end, parent in history:
            began = start is None or as_date(start) <= day
            if uid in self.alive and began and day <= as_date(end):
                self.parent[uid] = parent
        successor = {u[0]: u[5] for u in units}
        dissolved = {u[0]: as_date(u[4]) for u in units}
        self.holder = {}
        for uid in self.code:
            at = uid
            while at is not None and at not in self.alive:
                at = successor[at] if dissolved[at] and dissolved[at] < day else None
            self.holder[uid] = at
        people = sql("SELECT id, unit_id, stage FROM person")
        kept = sql("SELECT person_id, unit_id, valid_to FROM person_history")
        self.person_unit = {p: u for p, u, _ in people}
        self.stage = {p: s for p, _, s in people}
        best: dict[int, tuple[date, int]] = {}
        for pid, uid, end in kept:
            end = as_date(end)
            if end >= day and (pid not in best or end < best[pid][0]):
                best[pid] = (end, uid)
        for pid, (_, uid) in best.items():
            self.person_unit[pid] = uid

    def chain(self, uid):
        """The unit holding ``uid``'s facts and every unit above it, that day."""
        at = self.holder.get(uid)
        while at is not None and at in self.alive:
            yield at
            at = self.parent[at]

    def roll_up(self, facts):
        """Count of facts (unit ids) per unit code, each fact counted up its chain."""
        counts = Counter()
        for uid in facts:
            for at in self.chain(uid):
                counts[self.code[at]] += 1
        return counts

    def codes_under(self, parent_code):
        ids = [u for u in self.alive if self.code[u] == parent_code]
        return sorted(self.code[u] for u in self.alive if self.parent[u] in ids)


def admissions(sql, start, end):
    return [
        uid
        for uid, decided in sql("SELECT unit_id, decision_date FROM admission")
        if start <= as_date(decided) <= end
    ]


@pytest.fixture
def merged(cli, demo_db, sql):
    """The demo's city with the 2025 merge of three central wards into Hạc Thành, quotas for
    2025 set before it, a ward renamed, an enterprise moved under the new ward."""
    ok(cli("quota", "set", "P01", "2025", "5", "--source", "tinh"))
    ok(cli("quota", "set", "P02", "2025", "3", "--source", "tinh"))
    before = {f: cli("report", "quota", "--period", "2021", "--format", f) for f in FMTS}
    ok(
        cli(
            "unit",
            "merge",
            "P01",
            "P02",
            "P03",
            "--into",
            "HACTHANH",
            "--on",
            "01/07/2025",
            "--name",
            "Đảng bộ phường Hạc Thành",
            "--kind",
            "dang-bo-co-so",
            "--block",
            "xa-phuong",
        )
    )
    ok(cli("unit", "rename", "P04", "--name", "Đảng bộ phường Ngọc Trạo mới", "--on", "01/07/2025"))
    ok(cli("unit", "move", "DN02", "--parent", "HACTHANH", "--on", "01/08/2025"))
    return before


FMTS = ("json", "table", "csv")


def test_the_2021_report_is_byte_identical_after_the_merge(cli, merged):
    for fmt, before in merged.items():
        after = cli("report", "quota", "--period", "2021", "--format", fmt)
        assert after.exit_code == 0
        assert after.stdout == before.stdout, fmt
    rows = cli.json("report", "quota", "--period", "2021", "--depth", "2")
    top = [r for r in rows if r["depth"] == 0 and r["source"] == "tinh"]
    assert [(r["unit_code"], r["admitted"], r["percent"]) for r in top] == [("TP", 256, 128.0)]
    assert {"P01", "P02", "P03"} <= {r["unit_code"] for r in rows}
    assert "HACTHANH" not in {r["unit_code"] for r in rows}


def test_the_merge_dissolves_moves_and_carries(cli, merged, sql):
    units = {u["code"]: u for u in cli.json("unit", "list")}
    for code in ("P01", "P02", "P03"):
        assert units[code]["dissolved_on"] == "2025-06-30"
        assert units[code]["successor"] == "HACTHANH"
    assert units["HACTHANH"]["founded_on"] == "2025-07-01"
    assert units["HACTHANH"]["parent"] is None
    # The members on the roster that day follow their unit; before it they were in P01–P03.
    now = cli.json("member", "list", "--unit", "HACTHANH")
    then = cli.json("member", "list", "--unit", "TP", "--as-of", "30/06/2025")
    moved = {m["id"] for m in now} - {
        int(r[0])
        for r in sql(
            "SELECT id FROM member WHERE unit_id IN (SELECT id FROM unit WHERE code = 'DN02')"
        )
    }
    assert moved and moved <= {m["id"] for m in then}
    assert {m["unit_code"] for m in then if m["id"] in moved} <= {"P01", "P02", "P03"}
    assert not cli.json("member", "list", "--unit", "TP") == then
    # Quotas of the running year are carried (5 + 3); the sources keep theirs for the past.
    quotas = {
        (q["unit_code"], q["period"], q["source"]): q["target"]
        for q in cli.json("quota", "list", "--period", "2025")
    }
    assert quotas[("HACTHANH", "2025", "tinh")] == 8
    assert quotas[("P01", "2025", "tinh")] == 5
    ((after,),) = sql("SELECT after FROM audit_log WHERE action = 'merge'")
    assert "P01" in after and "HACTHANH" in after
    actions = {a for (a,) in sql("SELECT action FROM audit_log WHERE entity = 'unit'")}
    assert {"merge", "move", "rename"} <= actions


def test_unit_list_and_show_as_of_a_day(cli, merged):
    before = {u["code"]: u for u in cli.json("unit", "list", "--as-of", "30/06/2025")}
    after = {u["code"]: u for u in cli.json("unit", "list", "--as-of", "01/08/2025")}
    assert {"P01", "P02", "P03"} <= set(before) and not {"P01", "P02", "P03"} & set(after)
    assert "HACTHANH" in after and "HACTHANH" not in before
    assert before["P04"]["name"] == "Đảng bộ phường Ngọc Trạo"
    assert after["P04"]["name"] == "Đảng bộ phường Ngọc Trạo mới"
    assert before["DN02"]["parent"] == "TP" and after["DN02"]["parent"] == "HACTHANH"
    assert cli.json("unit", "list", "--as-of", "31/07/2025", "--unit", "HACTHANH") == [
        after["HACTHANH"]
    ]
    old = cli.json("unit", "show", "P01", "--as-of", "31/12/2021")
    assert old["parent"] == "TP" and old["successor"] == "HACTHANH" and old["members"] > 0
    new = cli.json("unit", "show", "HACTHANH")
    assert new["admissions"] >= old["admissions"]
    assert [s["code"] for s in new["sub_units"]] == ["DN02"]
    refused(cli("unit", "show", "HACTHANH", "--as-of", "31/12/2021"), "HACTHANH")
    refused(cli("member", "list", "--unit", "P01", "--as-of", "01/07/2025"), "P01")


@pytest.mark.parametrize(
    "period,day",
    [("2021", date(2021, 12, 31)), ("2025", date(2025, 12, 31)), ("2020-2025", date(2025, 12, 31))],
)
def test_quota_report_against_an_independent_walk(cli, merged, sql, period, day):
    start = date(int(period[:4]), 1, 1)
    tree = DatedTree(sql, day)
    wanted = tree.roll_up(admissions(sql, start, day))
    rows = cli.json("report", "quota", "--period", period)
    got = {r["unit_code"]: r["admitted"] for r in rows}
    assert set(got) == {tree.code[u] for u in tree.alive}
    assert got == {code: wanted.get(code, 0) for code in got}
    for r in rows:
        parent = tree.parent[[u for u in tree.alive if tree.code[u] == r["unit_code"]][0]]
        assert r["parent_code"] == (tree.code[parent] if parent in tree.alive else None)


@pytest.mark.parametrize("period,unit", [("2021", "TP"), ("2021", "P01"), ("2025", "HACTHANH")])
def test_composition_against_an_independent_walk(cli, merged, sql, period, unit):
    day = date(int(period), 12, 31)
    tree = DatedTree(sql, day)
    wanted = tree.roll_up(admissions(sql, date(int(period), 1, 1), day)).get(unit, 0)
    rows = cli.json("report", "composition", "--period", period, "--unit", unit)
    (total,) = [r["current"] for r in rows if r["row"] == "total"]
    assert total == wanted
    if unit == "P01":
        assert total > 0


@pytest.mark.parametrize("period", ["2021", "2026"])
def test_pipeline_now_against_an_independent_walk(cli, merged, sql, period):
    day = min(date(int(period), 12, 31), date.today())
    tree = DatedTree(sql, day)
    funnel = {"sourced", "trained", "applied", "voted", "recommended", "admitted", "probationary"}
    facts = Counter()
    for pid, stage in tree.stage.items():
        if stage in funnel and tree.person_unit[pid] is not None:
            for at in tree.chain(tree.person_unit[pid]):
                facts[tree.code[at], stage] += 1
    rows = cli.json("report", "pipeline", "--period", period)
    got = {(r["unit_code"], r["stage"]): r["now"] for r in rows}
    assert {c for c, _ in got} == {tree.code[u] for u in tree.alive}
    assert got == {k: facts.get(k, 0) for k in got}
    if period == "2021":
        assert sum(n for (c, _), n in got.items() if c == "P01") > 0


def test_member_transfer_and_exit(cli, merged, sql):
    dalan = cli.json("member", "list", "--unit", "DALAN.CB1")
    first, second = dalan[0]["id"], dalan[1]["id"]
    ok(cli("member", "transfer", str(first), "--to", "HACTHANH", "--on", "15/09/2025"))
    ok(
        cli(
            "member",
            "transfer",
            str(second),
            "--to",
            "HACTHANH",
            "--on",
            "15/09/2025",
            "--temporary",
        )
    )
    ok(cli("member", "exit", str(second), "--reason", "death", "--on", "01/10/2025"))
    on = lambda day: {m["id"]: m["unit_code"] for m in cli.json("member", "list", "--as-of", day)}  # noqa: E731
    assert on("14/09/2025")[first] == "DALAN.CB1"
    assert on("15/09/2025")[first] == "HACTHANH"
    assert on("30/09/2025")[second] == "DALAN.CB1"  # a temporary transfer stays home
    assert second not in on("01/10/2025")
    shown = cli.json("unit", "show", "DALAN.CB1", "--as-of", "14/09/2025")["members"]
    assert cli.json("unit", "show", "DALAN.CB1", "--as-of", "01/10/2025")["members"] == shown - 2
    ((reason,),) = sql("SELECT exit_reason FROM member WHERE id = :id", id=second)
    assert reason == "death"
    actions = [a for (a,) in sql("SELECT action FROM audit_log WHERE entity = 'member'")]
    assert actions.count("transfer") == 2 and actions.count("exit") == 1


def test_refusals_write_nothing(cli, merged, sql):
    member = cli.json("member", "list", "--unit", "DALAN.CB1")[0]
    admitted = member["admitted_on"]
    ok(cli("period", "close", "2024"))
    before = snapshot(sql)
    cases = [
        (("unit", "merge", "P04", "--into", "P04", "--on", "01/07/2025"), "P04"),
        (("unit", "merge", "DALAN", "--into", "DALAN.CB1", "--on", "01/07/2025"), "DALAN.CB1"),
        (("unit", "merge", "P01", "--into", "HACTHANH", "--on", "01/09/2025"), "P01"),
        (
            (
                "unit",
                "merge",
                "DALAN",
                "--into",
                "NEW",
                "--on",
                "12/05/2000",
                "--name",
                "X",
                "--kind",
                "dang-bo-co-so",
            ),
            "DALAN",
        ),
        (("unit", "merge", "P05", "--into", "HACTHANH", "--on", "01/03/2024"), "2024"),
        (("unit", "move", "P06", "--parent", "HACTHANH", "--on", "01/03/2024"), "2024"),
        (("unit", "move", "DALAN", "--parent", "DALAN.CB2", "--on", "01/09/2025"), "DALAN"),
        (("unit", "move", "DN02", "--parent", "TP", "--on", "01/07/2025"), "DN02"),
        (("unit", "merge", "P05", "--into", "HACTHANH", "--on", "01/01/2099"), "2099"),
        (("member", "transfer", str(member["id"]), "--to", "P01", "--on", "01/09/2025"), "P01"),
        (
            ("member", "exit", str(member["id"]), "--reason", "death", "--on", "01/01/1990"),
            admitted[:4] if admitted else "",
        ),
        (("member", "transfer", "999999", "--to", "P05", "--on", "01/09/2025"), "999999"),
        (("unit", "rename", "P01", "--name", "X", "--on", "01/09/2025"), "P01"),
    ]
    for args, word in cases:
        refused(cli(*args), word)
    assert snapshot(sql) == before
    bad = cli("member", "exit", str(member["id"]), "--reason", "retired", "--on", "01/09/2025")
    assert bad.exit_code == 2


def test_english_messages(cli, merged):
    line = refused(
        cli("unit", "merge", "P04", "--into", "P04", "--on", "01/07/2025", "--lang", "en")
    )
    assert "itself" in line


def test_a_dated_move_leaves_a_closed_period_alone(cli, merged):
    """Closing 2021 freezes its figures; a move dated 2025 keeps the 2021 tree in history,
    so it is no change to 2021 (an in-place re-parenting still is, and is refused)."""
    ok(cli("period", "close", "2021"))
    report = cli("report", "quota", "--period", "2021", "--format", "json").stdout
    ok(cli("unit", "move", "P05", "--parent", "HACTHANH", "--on", "01/09/2025"))
    assert cli("report", "quota", "--period", "2021", "--format", "json").stdout == report
    refused(cli("unit", "edit", "P06", "--parent", "HACTHANH"))
