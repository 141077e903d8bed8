"""The map changes (issue 17): units merged, moved and renamed on a date, members transferred
and leaving, and every list and report as of a day.

The reports are checked against ``DatedTree``, a walk of the raw tables written here in
Python (not the recursive SQL of services.dated): for a day, which units were alive, under
which parent, which unit holds a dissolved unit's facts, where each person stood.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path

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


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FMTS = ("json", "table", "csv")
NEW_WARDS = ("HACTHANH", "QUANGPHU", "HAMRONG", "NGUYETVIEN", "DONGSON", "DONGTIEN", "DONGQUANG")
HACTHANH = ("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P09", "P10", "P11", "P12", "P17")


@pytest.fixture
def merged(cli, demo_db):
    """The demo: the article's city, then the map of 1/7/2025 (examples/restructuring_2025.csv),
    plus a rename and a move of the clerk's own after it."""
    ok(cli("unit", "rename", "DN03", "--name", "Đảng bộ Công ty Đổi Tên", "--on", "01/08/2025"))
    ok(cli("unit", "move", "DN02", "--parent", "QUANGPHU", "--on", "01/08/2025"))


def acts():
    with (EXAMPLES / "restructuring_2025.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_2021_report_is_byte_identical_after_the_2025_merge(cli, new_db_url):
    """The examples loaded as a clerk would (imports), 2021 reported; then the acts of
    1/7/2025 run through the commands: 2021 is the same bytes, and the same as the demo's."""
    url = new_db_url()
    ok(cli("db", "init", "--db", url))
    ok(cli("unit", "import", str(EXAMPLES / "units.csv"), "--db", url))
    ok(cli("quota", "import", str(EXAMPLES / "quotas.csv"), "--db", url))
    ok(cli("candidate", "import", str(EXAMPLES / "candidates.csv"), "--db", url))
    roster = str(EXAMPLES / "members_dalan.csv")
    ok(cli("member", "import", roster, "--unit", "DALAN", "--db", url))
    report = ("report", "quota", "--period", "2021", "--db", url, "--format")
    before = {f: cli(*report, f).stdout for f in FMTS}
    for act in acts():
        codes, on = act["units"].split(), act["on"]
        if act["act"] == "add":
            name, kind = act["name"], act["kind"]
            ok(cli("unit", "add", act["into"], name, "--kind", kind, "--founded", on, "--db", url))
        elif act["act"] == "merge":
            extra = [
                (o, act[k])
                for o, k in (
                    ("--name", "name"),
                    ("--kind", "kind"),
                    ("--parent", "parent"),
                    ("--block", "block"),
                )
                if act[k]
            ]
            flat = [x for pair in extra for x in pair]
            ok(cli("unit", "merge", *codes, "--into", act["into"], "--on", on, *flat, "--db", url))
        elif act["act"] == "move":
            for code in codes:
                ok(cli("unit", "move", code, "--parent", act["into"], "--on", on, "--db", url))
        else:
            (code,) = codes
            ok(cli("unit", "edit", code, "--dissolved", "30/06/2025", "--db", url))
    for fmt, text in before.items():
        assert cli(*report, fmt).stdout == text, fmt
    rows = json.loads(before["json"])
    top = [r for r in rows if r["depth"] == 0 and r["source"] == "tinh"]
    assert [(r["unit_code"], r["admitted"], r["percent"]) for r in top] == [("TP", 256, 128.0)]
    assert {"P01", "P02", "X14"} <= {r["unit_code"] for r in rows}
    assert "HACTHANH" not in {r["unit_code"] for r in rows}
    # 2026 shows the new wards, directly under the province.
    now = cli.json("report", "quota", "--period", "2026", "--depth", "2", "--db", url)
    assert [r["unit_code"] for r in now if r["depth"] == 0] == ["TINH"]
    assert {r["unit_code"] for r in now if r["depth"] == 1} == set(NEW_WARDS)


def test_the_demo_carries_the_2025_story(cli, demo_db):
    term = cli.json("report", "quota", "--period", "2020-2025", "--depth", "2")
    assert [(r["unit_code"], r["admitted"]) for r in term if r["depth"] == 0] == [("TINH", 256)]
    wards = [r for r in term if r["depth"] == 1]
    assert {r["unit_code"] for r in wards} == set(NEW_WARDS)
    assert sum(r["admitted"] for r in wards) == 256
    before = cli.json("report", "quota", "--period", "2020-2025", "--as-of", "30/06/2025")
    city = [r for r in before if r["unit_code"] == "TP"]
    assert [(r["target"], r["admitted"]) for r in city] == [(1200, 256)]
    units = {u["code"]: u for u in cli.json("unit", "list")}
    assert units["TP"]["dissolved_on"] == "2025-06-30" and units["TP"]["successor"] is None
    assert all(units[c]["successor"] == "HACTHANH" for c in HACTHANH)
    assert (
        len([u for u in units.values() if u["block"] == "xa-phuong" and not u["dissolved_on"]]) == 7
    )
    assert units["DALAN"]["parent"] == "HACTHANH"
    dalan = cli.json("unit", "show", "DALAN")
    assert dalan["members"] == 52 and dalan["parent"] == "HACTHANH"


def test_a_merge_dissolves_moves_and_carries(cli, merged, sql):
    """Two of the new wards merged in 2026: members, open candidates and the running year's
    quotas go to the new unit; the sources stay, dissolved, for the days before."""
    ok(cli("quota", "set", "DONGSON", "2026", "5", "--source", "tinh"))
    ok(cli("quota", "set", "DONGTIEN", "2026", "3", "--source", "tinh"))
    members_before = {m["id"] for m in cli.json("member", "list", "--unit", "DONGSON")}
    members_before |= {m["id"] for m in cli.json("member", "list", "--unit", "DONGTIEN")}
    stages = ("sourced", "trained", "applied", "voted", "recommended")
    open_before = {
        c["id"]
        for code in ("DONGSON", "DONGTIEN")
        for c in cli.json("candidate", "list", "--unit", code)
        if c["stage"] in stages
    }
    assert members_before and open_before
    result = ok(
        cli(
            "unit",
            "merge",
            "DONGSON",
            "DONGTIEN",
            "--into",
            "DONGMOI",
            "--on",
            "01/09/2026",
            "--name",
            "Đảng bộ phường Đông Mới",
            "--kind",
            "dang-bo-co-so",
            "--block",
            "xa-phuong",
        )
    )
    assert "DONGMOI" in result.stderr
    units = {u["code"]: u for u in cli.json("unit", "list")}
    for code in ("DONGSON", "DONGTIEN"):
        assert units[code]["dissolved_on"] == "2026-08-31"
        assert units[code]["successor"] == "DONGMOI"
    assert units["DONGMOI"]["founded_on"] == "2026-09-01" and units["DONGMOI"]["parent"] is None
    assert units["DONGSON"]["parent"] == "TINH"
    now = cli.json("member", "list", "--unit", "DONGMOI")
    assert {m["id"] for m in now} == members_before
    then = cli.json("member", "list", "--as-of", "31/08/2026")
    assert {m["unit_code"] for m in then if m["id"] in members_before} == {"DONGSON", "DONGTIEN"}
    moved = {c["id"] for c in cli.json("candidate", "list", "--unit", "DONGMOI")}
    assert open_before <= moved
    quotas = {
        (q["unit_code"], q["source"]): q["target"]
        for q in cli.json("quota", "list", "--period", "2026")
    }
    assert quotas[("DONGMOI", "tinh")] == 8 and quotas[("DONGSON", "tinh")] == 5
    report = {r["unit_code"]: r for r in cli.json("report", "quota", "--period", "2026")}
    assert "DONGSON" not in report and report["DONGMOI"]["target"] == 8
    ((after,),) = sql(
        "SELECT after FROM audit_log WHERE action = 'merge' AND entity_id = 'DONGMOI'"
    )
    assert "DONGSON" in after and "DONGTIEN" in after
    actions = {a for (a,) in sql("SELECT action FROM audit_log WHERE entity = 'unit'")}
    assert {"merge", "move", "rename"} <= actions


def test_unit_list_and_show_as_of_a_day(cli, merged):
    before = {u["code"]: u for u in cli.json("unit", "list", "--as-of", "30/06/2025")}
    after = {u["code"]: u for u in cli.json("unit", "list", "--as-of", "01/08/2025")}
    assert set(HACTHANH) <= set(before) and not set(HACTHANH) & set(after)
    assert "HACTHANH" in after and "HACTHANH" not in before and "TP" not in after
    assert len([u for u in before.values() if u["parent"] == "TP"]) == 110
    assert before["DN03"]["name"] == "Đảng bộ Công ty TNHH Giày Sơn Lâm"
    assert after["DN03"]["name"] == "Đảng bộ Công ty Đổi Tên"
    assert before["DN02"]["parent"] == "TP" and after["DN02"]["parent"] == "QUANGPHU"
    july = cli.json("unit", "list", "--as-of", "31/07/2025", "--unit", "QUANGPHU")
    assert "DN02" not in {u["code"] for u in july}
    last = cli.json("unit", "show", "P01")  # a dissolved unit: as it ended
    assert last["as_of"] == "2025-06-30" and last["members"] > 0
    # and the table says which day its figures are of, not leaving them to pass for today's
    shown = ok(cli("unit", "show", "P01")).output.splitlines()
    assert [line.split()[-1] for line in shown if line.startswith("Số liệu ngày")] == ["30/06/2025"]
    old = cli.json("unit", "show", "P01", "--as-of", "31/12/2021")
    assert old["parent"] == "TP" and old["successor"] == "HACTHANH" and old["members"] > 0
    new = cli.json("unit", "show", "HACTHANH")
    assert new["admissions"] >= old["admissions"]
    assert "DALAN" in [s["code"] for s in new["sub_units"]]
    refused(cli("unit", "show", "HACTHANH", "--as-of", "31/12/2021"), "HACTHANH")
    refused(cli("member", "list", "--unit", "P01", "--as-of", "01/07/2025"), "P01")
    refused(cli("report", "quota", "--period", "2026", "--unit", "P01"), "P01")


@pytest.mark.parametrize(
    "period,day",
    [
        ("2021", date(2021, 12, 31)),
        ("2025", date(2025, 12, 31)),
        ("2020-2025", date(2025, 12, 31)),
        ("2020-2025", date(2025, 6, 30)),
    ],
)
def test_quota_report_against_an_independent_walk(cli, merged, sql, period, day):
    start = date(int(period[:4]), 1, 1)
    tree = DatedTree(sql, day)
    wanted = tree.roll_up(admissions(sql, start, day))
    rows = cli.json("report", "quota", "--period", period, "--as-of", day.isoformat())
    got = {r["unit_code"]: r["admitted"] for r in rows}
    assert set(got) == {tree.code[u] for u in tree.alive}
    assert got == {code: wanted.get(code, 0) for code in got}
    tops = sum(wanted[tree.code[u]] for u in tree.alive if tree.parent[u] not in tree.alive)
    assert tops == (0 if period == "2025" else 256)  # the examples' admissions are of 2021
    for r in rows:
        parent = tree.parent[[u for u in tree.alive if tree.code[u] == r["unit_code"]][0]]
        assert r["parent_code"] == (tree.code[parent] if parent in tree.alive else None)


@pytest.mark.parametrize(
    "period,unit", [("2021", "TP"), ("2021", "P01"), ("2020-2025", "HACTHANH")]
)
def test_composition_against_an_independent_walk(cli, merged, sql, period, unit):
    day = date(int(period[-4:]), 12, 31)
    tree = DatedTree(sql, day)
    wanted = tree.roll_up(admissions(sql, date(int(period[:4]), 1, 1), day)).get(unit, 0)
    rows = cli.json("report", "composition", "--period", period, "--unit", unit)
    (total,) = [r["current"] for r in rows if r["row"] == "total"]
    assert total == wanted and total > 0


@pytest.mark.parametrize("period", ["2021", "2026"])
def test_pipeline_now_against_an_independent_walk(cli, merged, sql, period):
    ok(cli("unit", "merge", "DONGSON", "--into", "DONGTIEN", "--on", "01/09/2026"))
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
    ward = "P01" if period == "2021" else "DONGTIEN"
    assert sum(n for (c, _), n in got.items() if c == ward) > 0


def test_member_transfer_and_exit(cli, merged, sql):
    dalan = cli.json("member", "list", "--unit", "DALAN.CB1")
    first, second = dalan[0]["id"], dalan[1]["id"]
    ok(cli("member", "transfer", str(first), "--to", "HAMRONG", "--on", "15/09/2025"))
    ok(
        cli(
            "member",
            "transfer",
            str(second),
            "--to",
            "HAMRONG",
            "--on",
            "15/09/2025",
            "--temporary",
        )
    )
    ok(cli("member", "exit", str(second), "--reason", "death", "--on", "01/10/2025"))

    def on(day):
        return {m["id"]: m["unit_code"] for m in cli.json("member", "list", "--as-of", day)}

    assert on("14/09/2025")[first] == "DALAN.CB1"
    assert on("15/09/2025")[first] == "HAMRONG"
    assert on("30/09/2025")[second] == "DALAN.CB1"  # a temporary transfer stays home
    away = {
        m["id"]: m["temporary_unit_code"]
        for m in cli.json("member", "list", "--as-of", "30/09/2025")
    }
    assert away[second] == "HAMRONG" and away[first] is None
    assert second not in on("01/10/2025")
    shown = cli.json("unit", "show", "DALAN.CB1", "--as-of", "14/09/2025")["members"]
    assert cli.json("unit", "show", "DALAN.CB1", "--as-of", "01/10/2025")["members"] == shown - 2
    ((reason,),) = sql("SELECT exit_reason FROM member WHERE person_id = :id", id=second)
    assert reason == "death"
    actions = [a for (a,) in sql("SELECT action FROM audit_log WHERE entity = 'member'")]
    assert actions.count("transfer") == 2 and actions.count("exit") == 1


def test_refusals_write_nothing(cli, merged, sql):
    member = cli.json("member", "list", "--unit", "DALAN.CB1")[0]
    ok(cli("period", "close", "2024"))
    before = snapshot(sql)
    new = ("--name", "X", "--kind", "dang-bo-co-so")
    cases = [
        (("unit", "merge", "HAMRONG", "--into", "HAMRONG", "--on", "01/09/2025"), "HAMRONG"),
        (("unit", "merge", "DALAN", "--into", "DALAN.CB1", "--on", "01/09/2025"), "DALAN.CB1"),
        (("unit", "merge", "HACTHANH", "--into", "DN05", "--on", "01/09/2025"), "DN05"),
        (("unit", "merge", "P01", "--into", "HACTHANH", "--on", "01/09/2025"), "P01"),
        (("unit", "merge", "HAMRONG", "--into", "NEW", "--on", "01/07/2025", *new), "HAMRONG"),
        (("unit", "merge", "DALAN", "--into", "NEW", "--on", "12/05/2000", *new), "DALAN"),
        (("unit", "merge", "DN05", "--into", "DN06", "--on", "01/03/2024"), "2024"),
        (("unit", "move", "DN05", "--parent", "HAMRONG", "--on", "01/03/2024"), "2024"),
        (("unit", "move", "DALAN", "--parent", "DALAN.CB2", "--on", "01/09/2025"), "DALAN"),
        (("unit", "move", "DN02", "--parent", "HAMRONG", "--on", "01/07/2025"), "DN02"),
        (("unit", "merge", "DN05", "--into", "DN06", "--on", "01/01/2099"), "2099"),
        (("member", "transfer", str(member["id"]), "--to", "P01", "--on", "01/09/2025"), "P01"),
        (
            ("member", "exit", str(member["id"]), "--reason", "death", "--on", "01/01/1990"),
            str(member["id"]),
        ),
        (("member", "transfer", "999999", "--to", "HAMRONG", "--on", "01/09/2025"), "999999"),
        (("unit", "rename", "P01", "--name", "X", "--on", "01/09/2025"), "P01"),
    ]
    for args, word in cases:
        refused(cli(*args), word)
    assert snapshot(sql) == before
    bad = cli("member", "exit", str(member["id"]), "--reason", "retired", "--on", "01/09/2025")
    assert bad.exit_code == 2


def test_english_messages(cli, merged):
    args = ("unit", "merge", "HAMRONG", "--into", "HAMRONG", "--on", "01/09/2025", "--lang", "en")
    assert "itself" in refused(cli(*args))


def test_a_dated_move_leaves_a_closed_period_alone(cli, merged):
    """Closing 2021 freezes its figures; a move dated 2025 keeps the 2021 tree in history,
    so it is no change to 2021 (an in-place re-parenting still is, and is refused)."""
    ok(cli("period", "close", "2021"))
    report = cli("report", "quota", "--period", "2021", "--format", "json").stdout
    ok(cli("unit", "move", "DN05", "--parent", "HAMRONG", "--on", "01/09/2025"))
    assert cli("report", "quota", "--period", "2021", "--format", "json").stdout == report
    refused(cli("unit", "edit", "DN06", "--parent", "HAMRONG"))


def test_unit_files_carry_dissolution_and_successor(cli, demo_db, new_db_url, tmp_path):
    path = tmp_path / "units.csv"
    ok(cli("export", "units", str(path)))
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    p01 = next(r for r in rows if r["code"] == "P01")
    assert (p01["dissolved_on"], p01["successor"]) == ("2025-06-30", "HACTHANH")
    fresh = new_db_url()
    ok(cli("db", "init", "--db", fresh))
    ok(cli("unit", "import", str(path), "--db", fresh))
    keys = ("code", "parent", "dissolved_on", "successor", "founded_on")

    def units(*db):
        return [{k: u[k] for k in keys} for u in cli.json("unit", "list", *db)]

    assert units("--db", fresh) == units()
    again = tmp_path / "again.csv"
    ok(cli("export", "units", str(again), "--db", fresh))
    assert again.read_bytes() == path.read_bytes()
    # A successor must be a known unit, and only a dissolved unit has one.
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,dissolved_on,successor\nZ1,Chi bộ Z1,,HACTHANH\nZ2,Chi bộ Z2,01/01/2024,NOPE\n",
        encoding="utf-8",
    )
    result = cli("unit", "import", str(bad), "--format", "json")
    assert result.exit_code == 1
    errors = {(e["line"], e["column"]) for e in json.loads(result.stdout)["errors"]}
    assert errors == {(2, "successor"), (3, "successor")}
    assert "Z1" not in {u["code"] for u in cli.json("unit", "list")}


def test_roster_files_carry_transfers_and_exits(cli, demo_db, new_db_url, tmp_path, sql):
    dalan = cli.json("member", "list", "--unit", "DALAN.CB1")
    moved, gone = dalan[0], dalan[1]
    ok(cli("member", "transfer", str(moved["id"]), "--to", "DALAN.CB2", "--on", "01/03/2026"))
    ok(cli("member", "exit", str(gone["id"]), "--reason", "resigned", "--on", "01/04/2026"))
    path = tmp_path / "members.csv"
    ok(cli("export", "members", str(path), "--show-private"))
    rows = {r["id"]: r for r in csv.DictReader(path.open(encoding="utf-8-sig"))}
    assert rows[str(moved["person_id"])]["unit_since"] == "2026-03-01"
    left = rows[str(gone["person_id"])]
    assert (left["left_on"], left["exit_reason"]) == ("2026-04-01", "resigned")
    # A roster file a unit sends: one transfer row and one exit row for its members.
    third, fourth = dalan[2], dalan[3]
    sent = tmp_path / "sent.csv"
    sent.write_text(
        "id,full_name,unit_code,unit_since,left_on,exit_reason\n"
        f"{third['person_id']},{third['full_name']},DALAN.CB3,01/05/2026,,\n"
        f"{fourth['person_id']},{fourth['full_name']},DALAN.CB1,,01/06/2026,death\n",
        encoding="utf-8",
    )
    ok(cli("member", "import", str(sent), "--unit", "DALAN"))

    def on(day):
        return {m["id"]: m["unit_code"] for m in cli.json("member", "list", "--as-of", day)}

    assert on("30/04/2026")[third["id"]] == "DALAN.CB1"
    assert on("01/05/2026")[third["id"]] == "DALAN.CB3"
    assert fourth["id"] in on("31/05/2026") and fourth["id"] not in on("01/06/2026")
    # An exit before the admission is refused, nothing written.
    before = snapshot(sql)
    early = tmp_path / "early.csv"
    early.write_text(
        f"id,full_name,left_on,exit_reason\n{dalan[4]['person_id']},{dalan[4]['full_name']},"
        "01/01/1950,death\n",
        encoding="utf-8",
    )
    assert cli("member", "import", str(early), "--unit", "DALAN").exit_code == 1
    assert snapshot(sql) == before


def test_deadlines_and_behind_read_the_tree_of_their_day(cli, demo_db, sql):
    """behind is the quota report's: the 2021 rows name the wards of 2021. Deadlines under a
    unit take the people who belonged to its subtree that day, named with that day's unit."""
    behind = {r["unit_code"] for r in cli.json("report", "behind", "--period", "2021")}
    then = {u["code"] for u in cli.json("unit", "list", "--as-of", "31/12/2021")}
    assert behind and behind <= then and not behind & {"HACTHANH", "TINH"}
    day = date(2022, 1, 10)
    tree = DatedTree(sql, day)
    rows = cli.json("report", "deadlines", "--unit", "P01", "--as-of", day.isoformat())
    assert rows and {r["unit_code"] for r in rows} == {"P01"}
    p01 = {
        pid for pid, uid in tree.person_unit.items() if uid is not None and tree.code[uid] == "P01"
    }
    assert {r["person_id"] for r in rows} <= p01
    refused(cli("report", "deadlines", "--unit", "HACTHANH", "--as-of", day.isoformat()))
    now = cli.json("report", "deadlines", "--unit", "HACTHANH", "--as-of", "01/07/2026")
    assert "P01" not in {r["unit_code"] for r in now}


@pytest.mark.parametrize(
    ("code", "period", "words"),
    [
        ("P01", "2026", ("P01", "30/06/2025", "2026")),  # dissolved before the year began
        ("p01", "2027", ("P01", "30/06/2025", "2027")),  # as stored, whatever the case typed
        ("HACTHANH", "2024", ("HACTHANH", "01/07/2025", "2024")),  # founded after it ended
    ],
)
def test_a_quota_for_a_unit_that_did_not_exist_in_the_period_is_refused(
    cli, merged, sql, tmp_path, code, period, words
):
    """A quota is set for a unit that stood during the period: a ward dissolved in 2025
    takes no quota for 2026, nor a ward founded in July 2025 one for 2024."""
    before = snapshot(sql)
    refused(cli("quota", "set", code, period, "5", "--source", "tinh"), *words)
    path = tmp_path / "q.csv"
    path.write_text(f"unit_code,period,source,target\nP02,2025,tinh,3\n{code},{period},tinh,5\n")
    result = cli("quota", "import", str(path))
    assert result.exit_code == 1
    assert "dòng 3, cột unit_code" in result.stderr and all(w in result.stderr for w in words)
    assert snapshot(sql) == before


def test_a_quota_for_a_period_the_unit_saw_part_of_is_taken(cli, merged):
    ok(cli("quota", "set", "P01", "2025", "2", "--source", "tinh"))  # dissolved 30/06/2025
    ok(cli("quota", "set", "HACTHANH", "2025", "4", "--source", "tinh"))  # founded 01/07/2025


@pytest.mark.parametrize(
    ("option", "day", "words"),
    [
        ("--dissolved", "31/12/2025", ("DONGSON", "31/12/2025", "2027", "unit merge")),
        ("--founded", "01/01/2028", ("DONGSON", "01/01/2028", "2027")),
    ],
)
def test_a_unit_dated_out_of_a_period_it_holds_a_quota_for_is_refused(
    cli, merged, sql, tmp_path, option, day, words
):
    """`unit edit --dissolved` once left a 2027 quota on a unit gone since 2025, counted
    nowhere; the same dates in a unit file are refused the same way."""
    ok(cli("quota", "set", "DONGSON", "2027", "5", "--source", "tinh"))
    before = snapshot(sql)
    refused(cli("unit", "edit", "DONGSON", option, day), *words)
    path = tmp_path / "u.csv"
    column = option.lstrip("-") + "_on"
    path.write_text(f"code,name,{column}\nDONGSON,Đảng bộ phường Đông Sơn,{day}\n")
    result = cli("unit", "import", str(path))
    assert result.exit_code == 1
    assert f"dòng 2, cột {column}" in result.stderr, result.stderr
    assert snapshot(sql) == before
    # the quota's year within its life, what still stops it is its members: unit merge
    line = refused(cli("unit", "edit", "DONGSON", "--dissolved", "31/12/2027"), "unit merge")
    assert "2027" not in line.split("sau ngày")[0]


@pytest.mark.parametrize(
    ("code", "what"),
    [("HACTHANH", "đơn vị trực thuộc"), ("DALAN.CB1", "đảng viên"), ("HC35", "đảng viên")],
)
def test_a_unit_is_not_dissolved_with_anything_alive_in_it(cli, merged, sql, tmp_path, code, what):
    """`unit edit --dissolved` once left 76 sub-units, a roster and candidates in a dissolved
    unit, where no list or report of a later day finds them; `unit merge` moves them."""
    before = snapshot(sql)
    refused(cli("unit", "edit", code, "--dissolved", "01/12/2026"), code, what, "unit merge")
    [(name,)] = sql("SELECT name FROM unit WHERE code = :c", c=code)
    path = tmp_path / "u.csv"
    path.write_text(f"code,name,dissolved_on\n{code},{name},01/12/2026\n", encoding="utf-8")
    result = cli("unit", "import", str(path))
    assert result.exit_code == 1 and "dòng 2, cột dissolved_on" in result.stderr
    assert snapshot(sql) == before


def test_nobody_new_is_registered_in_a_dissolved_unit(cli, merged, sql, tmp_path):
    """A ward gone since 30/06/2025: a candidate registered there (today, or with a step
    after its end) was stranded where no list of a later day finds them."""
    before = snapshot(sql)
    add = ("candidate", "add", "Lò Văn Mới", "--birth", "01/01/1990", "--gender", "nam")
    refused(cli(*add, "--unit", "P01", "--sourced", "01/07/2025"), "P01", "30/06/2025")
    refused(cli(*add, "--unit", "P01"), "P01", "30/06/2025")  # sourced today
    header = "full_name,birth_date,gender,unit_code,source_date,exit,exit_date\n"
    rows = [
        "Lò Văn Mới,01/01/1990,nam,P01,01/03/2026,,",  # a step after its end
        "Lò Văn Dở,01/01/1990,nam,P01,01/03/2024,,",  # on the way: moved by the merge
    ]
    path = tmp_path / "c.csv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    result = cli("candidate", "import", str(path), "--format", "json")
    assert result.exit_code == 1
    errors = json.loads(result.stdout)["errors"]
    assert [(e["line"], e["column"]) for e in errors] == [(2, "unit_code"), (3, "unit_code")]
    assert snapshot(sql) == before
    # a road that ended there before the merge is history, and is taken
    path.write_text(header + "Lò Văn Rút,01/01/1990,nam,P01,01/03/2024,rut,01/05/2024\n")
    ok(cli("candidate", "import", str(path)))
    ok(cli(*add, "--unit", "HACTHANH", "--sourced", "01/03/2026"))


def test_nobody_new_is_put_on_a_dissolved_units_roster(cli, merged, sql, tmp_path):
    header = "full_name,birth_date,gender,status,admitted_on,official_on,left_on,exit_reason\n"
    path = tmp_path / "m.csv"
    path.write_text(header + "Lò Văn Mới,01/01/1980,nam,chính thức,01/01/2010,01/01/2011,,\n")
    before = snapshot(sql)
    result = cli("member", "import", str(path), "--unit", "P01")
    assert result.exit_code == 1 and "dòng 2, cột unit_code" in result.stderr
    assert snapshot(sql) == before
    # one who left the roster before the ward ended is history, and is taken
    path.write_text(
        header + "Lò Văn Cũ,01/01/1940,nam,chính thức,01/01/1970,01/01/1971,01/01/2020,death\n"
    )
    ok(cli("member", "import", str(path), "--unit", "P01"))


def test_no_unit_is_put_under_a_dissolved_parent(cli, merged, sql, tmp_path):
    """`unit add --parent P01` and `unit edit --parent P02` once hung a living unit under a
    ward gone since 2025, out of every tree of a later day."""
    before = snapshot(sql)
    add = ("unit", "add", "X9", "Chi bộ mới", "--kind", "chi-bo-co-so")
    refused(cli(*add, "--parent", "P01"), "P01", "30/06/2025")
    refused(cli("unit", "edit", "DALAN.CB1", "--parent", "P02"), "P02", "30/06/2025")
    path = tmp_path / "u.csv"
    path.write_text("code,name,kind,parent\nX7,Chi bộ 7,chi-bo-co-so,P03\n", encoding="utf-8")
    result = cli("unit", "import", str(path))
    assert result.exit_code == 1 and "dòng 2, cột parent" in result.stderr
    assert snapshot(sql) == before
    # a unit that ended with its parent is history, and is taken
    path.write_text(
        "code,name,kind,parent,dissolved_on\nX6,Chi bộ 6,chi-bo-co-so,P03,30/06/2025\n",
        encoding="utf-8",
    )
    ok(cli("unit", "import", str(path)))
    ok(cli(*add, "--parent", "HACTHANH"))


@pytest.mark.parametrize("period", ["2021", "2026"])
def test_a_unit_s_pipeline_reads_its_own_people_and_says_what_the_whole_tree_says(
    cli, merged, period
):
    """`--unit` reads only the events of the people counted for that unit (a nation's file
    holds four million): every figure, the medians included, is the whole tree's for it."""
    whole = {
        (r["unit_code"], r["stage"]): r for r in cli.json("report", "pipeline", "--period", period)
    }
    tops = {"2021": ["P01", "DALAN", "TP"], "2026": ["DONGTIEN", "QUANGPHU", "DALAN"]}[period]
    for top in tops:
        part = cli.json("report", "pipeline", "--period", period, "--unit", top)
        assert part, top
        for row in part:
            same = whole[(row["unit_code"], row["stage"])]
            assert {k: v for k, v in row.items() if k not in ("depth", "parent_code")} == {
                k: v for k, v in same.items() if k not in ("depth", "parent_code")
            }, (top, row["unit_code"], row["stage"])
        assert sum(r["now"] + r["entered"] for r in part) > 0, top


def test_a_unit_s_deadlines_are_the_whole_tree_s_for_its_people(cli, merged):
    """`report deadlines --unit` reads its own people's events: the root's are the whole
    report's, a company's are those of its cells, and wards merged in 2025 keep theirs."""

    def items(*unit):
        rows = cli.json("report", "deadlines", "--as-of", "01/12/2026", *unit)
        return [(r["kind"], r["person_id"], r["deadline"]) for r in rows]

    whole = cli.json("report", "deadlines", "--as-of", "01/12/2026")
    assert whole and items("--unit", "TINH") == items()
    dalan = [(r["kind"], r["person_id"], r["deadline"]) for r in whole
             if r["unit_code"].split(".")[0] == "DALAN"]  # fmt: skip
    assert dalan and items("--unit", "DALAN") == dalan
    wards = [u["code"] for u in cli.json("unit", "list") if u["code"] in ("HACTHANH", "HAMRONG")]
    for ward in wards:
        assert set(items("--unit", ward)) <= set(items()), ward


@pytest.mark.parametrize(
    "command",
    [
        ("report", "quota", "--period", "2025"),
        ("report", "document", "--period", "2025"),
        ("report", "pipeline", "--period", "2025"),
        ("member", "list", "--as-of", "31/12/2025"),
        ("unit", "show", "--as-of", "31/12/2025"),
    ],
)
def test_a_dissolved_units_report_of_a_later_day_says_which_day_to_ask(cli, merged, command):
    """ "P01 did not exist on 31/12/2025" left the clerk to find out when it ended: the
    refusal names the day and the --as-of that reads it, which then works."""
    argv = (
        [*command[:2], "P01", *command[2:]] if command[1] == "show" else [*command, "--unit", "P01"]
    )
    refused(cli(*argv), "30/06/2025", "--as-of 30/06/2025")
    english = refused(cli(*argv, "--lang", "en"), "dissolved on 30/06/2025")
    assert "--as-of 30/06/2025" in english
    if command[-2] == "--as-of":
        argv[argv.index("31/12/2025")] = "30/06/2025"
    else:
        argv += ["--as-of", "30/06/2025"]
    ok(cli(*argv))


def test_a_unit_founded_later_says_when(cli, merged):
    refused(
        cli("report", "quota", "--period", "2021", "--unit", "HACTHANH"),
        "thành lập ngày 01/07/2025",
    )


def test_a_decision_is_judged_under_the_tree_of_its_day(cli, merged, sql):
    """A 2021 decision recorded after the 2025 map: who could decide (R16), and whether a
    grassroots committee's resolution had to come first (R15), are those of 2021. HC14 was
    a chi bộ cơ sở directly under the city committee TP then; it stands under the ward
    HACTHANH (founded 01/07/2025) now. The tree of today named HACTHANH as the only body
    that could have decided in 2021, and asked for a resolution nobody had to pass."""
    (voted,) = [
        c
        for c in cli.json("candidate", "list", "--unit", "HC14")
        if c["stage"] == "voted" and c["stage_on"] < "2021-12-20"
    ]
    person = str(voted["id"])
    wrong = refused(
        cli(
            "admission",
            "record",
            person,
            "--decision",
            "9-QĐ/TU",
            "--date",
            "20/12/2021",
            "--decided-by",
            "HACTHANH",
        )
    )
    assert "R16" in wrong and "chỉ TP có thẩm quyền" in wrong, wrong
    assert "8-KNĐ" not in wrong, wrong
    # Without --decided-by, R16 cannot be checked: recorded, and the clerk is told so.
    unknown = ok(
        cli("admission", "record", person, "--decision", "9-QĐ/TU", "--date", "20/12/2021")
    )
    assert "--decided-by" in unknown.stderr and "chỉ TP có thẩm quyền" in unknown.stderr
    (admission,) = sql(f"SELECT decision_no FROM admission WHERE person_id = {person}")
    assert admission[0] == "9-QĐ/TU"


def test_a_decision_is_judged_in_the_unit_the_person_stood_in_that_day(cli, merged, sql):
    """A candidate of a ward merged into HACTHANH on 01/07/2025, voted in 2021: the 2021
    decision is judged in the ward of 2021 (a đảng bộ cơ sở under TP), whose resolution
    comes first and whose upper committee TP decides; HACTHANH did not exist then."""
    person, ward = sql(
        "SELECT p.id, w.code FROM person AS p JOIN person_history AS h ON h.person_id = p.id "
        "JOIN unit AS w ON w.id = h.unit_id JOIN unit AS now ON now.id = p.unit_id "
        "WHERE p.stage = 'voted' AND p.stage_on <= '2021-12-10' AND now.code = 'HACTHANH' "
        "AND w.kind = 'dang-bo-co-so' ORDER BY p.id LIMIT 1"
    )[0]
    decide = ("admission", "record", str(person), "--decision", "9-QĐ/TU", "--date", "20/12/2021")
    assert "8-KNĐ" in refused(cli(*decide, "--decided-by", "TP"))  # R15: the ward's resolution
    ok(cli("candidate", "recommend", str(person), "--date", "15/12/2021"))
    wrong = refused(cli(*decide, "--decided-by", "HACTHANH"))
    assert "R16" in wrong and "chỉ TP có thẩm quyền" in wrong, wrong
    ok(cli(*decide, "--decided-by", "TP"))
    assert ward != "HACTHANH"


def test_a_cell_vote_counts_the_roster_of_its_day(cli, demo_db):
    """R14's denominator is the cell's official members on the vote's day. A member who
    transferred out after that day was one of them: the roster of today, one short, refused
    the true count the clerk typed."""
    cell = "DALAN.CB1"
    officials = [
        m
        for m in cli.json("member", "list", "--unit", cell)
        if m["status"] == "official" and m["admitted_on"] < "2022-01-01"
    ]
    first, second, leaving = (str(m["id"]) for m in officials[:3])
    (person,) = [
        str(c["id"])
        for c in cli.json("candidate", "list", "--unit", cell)
        if c["stage"] == "trained"
    ]
    for step in (
        ("apply", "--date", "01/03/2025"),
        (
            "introducers",
            "--date",
            "05/03/2025",
            "--introducer-member",
            f"{first}:14",
            "--introducer-member",
            f"{second}:13",
        ),
        ("check", "--date", "10/03/2025"),
    ):
        ok(cli("candidate", step[0], person, *step[1:]))
    for item in ("2-KNĐ", "5-KNĐ"):
        ok(cli("candidate", "dossier", person, item, "--date", "10/03/2025"))
    that_day = cli.json("unit", "show", cell, "--as-of", "20/04/2025")["official_members"]
    ok(cli("member", "transfer", leaving, "--to", "DALAN.CB2", "--on", "01/05/2025"))
    assert cli.json("unit", "show", cell, "--as-of", "02/05/2025")["official_members"] == (
        that_day - 1
    )
    ok(
        cli(
            "candidate",
            "vote",
            person,
            "--date",
            "20/04/2025",
            "--for",
            str(that_day),
            "--members",
            str(that_day),
        )
    )


def test_a_candidate_of_a_merged_ward_entered_late_is_moved_as_the_merge_moved_them(cli, merged):
    """A candidate sourced in ward P01 in 2021, entered after the 2025 merge: registered in
    P01 for the days it stood and moved to HACTHANH as the merge moved P01's candidates, so
    2021 counts them in P01 and today in HACTHANH. HACTHANH itself did not stand in 2021:
    registering there with a 2021 day wrote a history in a unit that did not exist."""
    add = ("candidate", "add", "Lò Văn Muộn", "--birth", "01/01/1995", "--gender", "nam")
    before = cli.json("report", "pipeline", "--period", "2021", "--unit", "P01")
    added = ok(cli(*add, "--unit", "P01", "--sourced", "01/03/2021"))
    person = added.stdout.strip()  # the id alone, for a script
    assert "'P01' đã hợp nhất vào 'HACTHANH'" in added.stderr  # and the clerk is told
    assert (
        cli.json("candidate", "show", person)["unit_name"]
        == cli.json("unit", "show", "HACTHANH")["name"]
    )
    after = cli.json("report", "pipeline", "--period", "2021", "--unit", "P01")
    entered = {r["stage"]: r["entered"] for r in after if r.get("stage") == "sourced"}
    assert entered["sourced"] == 1 + next(
        r["entered"] for r in before if r.get("stage") == "sourced"
    )
    refused(cli(*add, "--unit", "HACTHANH", "--sourced", "01/03/2021"), "01/07/2025", "01/03/2021")


def test_a_class_is_held_by_a_unit_standing_on_its_days(cli, merged, sql):
    """A class of HACTHANH in 2021, or of P01 in 2026, was opened: a unit that did not
    stand then held it, and no list of that day finds the unit."""
    before = snapshot(sql)
    opened = ("class", "add", "K1", "Lớp nhận thức", "--organizer", "Trung tâm Chính trị")
    refused(
        cli(*opened, "--start", "10/03/2021", "--end", "14/03/2021", "--unit", "HACTHANH"),
        "HACTHANH",
        "01/07/2025",
    )
    refused(
        cli(*opened, "--start", "10/03/2026", "--end", "14/03/2026", "--unit", "P01"),
        "P01",
        "30/06/2025",
    )
    refused(
        cli(*opened, "--start", "28/06/2025", "--end", "02/07/2025", "--unit", "P01"),
        "P01",
        "30/06/2025",
    )  # its last days
    assert snapshot(sql) == before
    ok(cli(*opened, "--start", "10/03/2021", "--end", "14/03/2021", "--unit", "P01"))


@pytest.mark.parametrize("group", ["candidate", "member"])
def test_a_list_of_today_for_a_dissolved_unit_says_where_its_people_went(cli, merged, group):
    """P01's people moved to HACTHANH with the merge: today's list of P01 is empty, and was
    silent about why. A script still reads an empty list and exit 0."""
    result = cli(group, "list", "--unit", "P01", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert "'P01'" in result.stderr and "30/06/2025" in result.stderr
    assert "'HACTHANH'" in result.stderr
    alive = cli(group, "list", "--unit", "DN02", "--format", "json")
    assert alive.exit_code == 0 and not alive.stderr.strip()


def test_a_chi_bo_co_so_under_a_ward_of_2025_needs_no_grassroots_resolution(cli, merged):
    """A chi bộ cơ sở under the ward HACTHANH (a đảng bộ cơ sở, as the 2025 map has it, with
    the city's units moved in): its cell's vote goes to the committee above it, which
    decides; no resolution of a grassroots committee (8-KNĐ) comes between, as the cell is
    its own grassroots organisation. Any đảng bộ cơ sở in the chain above asked for one."""
    ok(cli("unit", "add", "HC99", "Chi bộ Trường Mầm non Mới", "--kind", "chi-bo-co-so",
           "--parent", "HACTHANH", "--founded", "01/08/2025"))  # fmt: skip
    add = ("candidate", "add", "Lò Thị Mới", "--unit", "HC99", "--birth", "01/01/1995",
           "--gender", "nu", "--education", "thpt", "--sourced", "01/08/2025")  # fmt: skip
    person = ok(cli(*add)).stdout.strip()
    for step in (
        ("class-result", "--date", "15/09/2025", "--certificate", "GCN-1"),
        ("apply", "--date", "01/10/2025"),
        ("introducers", "--date", "05/10/2025", "--introducer", "Nguyễn Văn Một:14",
         "--introducer", "Trần Văn Hai:13"),
        ("check", "--date", "10/10/2025"),
        ("dossier", "2-KNĐ", "--date", "10/10/2025"),
        ("dossier", "5-KNĐ", "--date", "10/10/2025"),
        ("vote", "--date", "01/11/2025", "--for", "8", "--members", "10"),  # no roster on file
    ):  # fmt: skip
        ok(cli("candidate", step[0], person, *step[1:]))
    assert cli.json("candidate", "show", person)["next_step"] == "decision"
    ok(cli("admission", "record", person, "--decision", "1-QĐ/ĐU", "--date", "20/11/2025",
           "--decided-by", "HACTHANH"))  # fmt: skip


def test_a_unit_is_not_put_under_a_parent_founded_after_it(cli, merged, sql):
    """A unit founded in 2020 added under HACTHANH (founded 01/07/2025), or put there in
    place, stood under nobody in the tree of 2020-2025; a dated `unit move` is the way."""
    before = snapshot(sql)
    refused(
        cli("unit", "add", "NEW1", "Chi bộ Mới", "--kind", "chi-bo-co-so",
            "--parent", "HACTHANH", "--founded", "01/01/2020"),
        "HACTHANH", "01/07/2025", "01/01/2020",
    )  # fmt: skip
    refused(cli("unit", "edit", "DALAN", "--parent", "QUANGPHU"), "QUANGPHU", "12/05/2000")
    ok(cli("unit", "edit", "DALAN", "--parent", "HACTHANH"))  # its parent since the 2025 move
    assert snapshot(sql) == before
    ok(cli("unit", "add", "NEW2", "Chi bộ Mới", "--kind", "chi-bo-co-so",
           "--parent", "HACTHANH", "--founded", "01/08/2025"))  # fmt: skip
    ok(cli("unit", "add", "NEW3", "Chi bộ chưa rõ ngày", "--kind", "chi-bo-co-so",
           "--parent", "HACTHANH"))  # fmt: skip
