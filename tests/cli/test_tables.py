"""Tables a clerk reads at an 80-column terminal, and the same rows in a pipe.

At a terminal (a real pty, or ``TTY_COMPATIBLE=1``) a table fits the width: names wrap in
their cell at spaces, no word or header word is split, columns are left out in their
documented order before text would be cut. In a pipe the rows come one a line, tab-separated,
whole. Codes read as words in a table, in either language; JSON/CSV keep the codes.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dangvien_cli import render_table
from dangvien_cli.cli import units as unit_cli
from dangvien_cli.cli.candidate import commands as candidate_cli
from dangvien_cli.i18n import set_lang, t
from dangvien_cli.render import Column, OutputFormat, emit
from dangvien_cli.render_table import width_of

DANGVIEN = Path(sys.executable).with_name("dangvien")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BOX = set("─━│┃┏┓┗┛┌┐└┘╭╮╰╯…")


def words_whole(text: str, output: str) -> bool:
    """Every word of ``text`` appears as a whole token of ``output``."""
    tokens = set(output.split())
    return all(word in tokens for word in text.split())


def terminal_lines(output: str, width: int) -> list[str]:
    lines = ANSI.sub("", output).splitlines()
    assert lines and max(map(width_of, lines)) <= width, output
    return lines


def emit_at(monkeypatch, width: int, rows, columns, *, lang: str = "vi", **kw) -> str:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", str(width))
    set_lang(lang)
    out = io.StringIO()
    emit(rows, columns, OutputFormat.table, out=out, **kw)
    return out.getvalue()


def unit_rows(cli) -> list[dict]:
    return cli.json("unit", "list")


# --- through the CLI: the output of a pipe --------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_piped_table_is_one_whole_row_a_line_without_decoration(cli, demo_db, lang):
    units = unit_rows(cli)
    result = cli("unit", "list", "--lang", lang)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    set_lang(lang)
    assert lines[0].split("\t") == [t(c.header) for c in unit_cli.LIST_COLUMNS]
    assert len(lines) == len(units) + 1
    assert not BOX.intersection(result.stdout) and "\x1b" not in result.stdout
    for unit, line in zip(units, lines[1:], strict=True):
        cells = line.split("\t")
        assert cells[:2] == [unit["code"], unit["name"]]  # the name whole, never cut
        assert cells[2] == t(f"unit_kind.{unit['kind']}")
        assert cells[4] == (t(f"block.{unit['block']}") if unit["block"] else "")


@pytest.mark.parametrize(
    "lang, kind, block",
    [("vi", "Đảng bộ cơ sở", "Doanh nghiệp"), ("en", "Grassroots committee", "Enterprises")],
)
def test_codes_read_as_words_in_tables_and_stay_codes_for_scripts(cli, demo_db, lang, kind, block):
    table = cli("unit", "show", "DALAN", "--lang", lang).stdout
    assert kind in table and block in table
    assert "dang-bo-co-so" not in table and "doanh-nghiep" not in table
    shown = cli.json("unit", "show", "DALAN", "--lang", lang)
    assert (shown["kind"], shown["block"]) == ("dang-bo-co-so", "doanh-nghiep")
    csv_out = cli("unit", "list", "--format", "csv", "--lang", lang).stdout
    assert "dang-bo-co-so" in csv_out and kind not in csv_out


def test_audit_and_periods_show_their_codes_as_words(cli, demo_db):
    assert cli("unit", "add", "QX7", "Chi bộ Thử", "--kind", "chi-bo-co-so").exit_code == 0
    audit = cli("audit", "list", "--lang", "en").stdout.splitlines()
    added = next(line for line in audit if "\tQX7" in line).split("\t")
    assert "add" in added and "unit" in added
    audit_vi = cli("audit", "list").stdout.splitlines()
    added_vi = next(line for line in audit_vi if "\tQX7" in line).split("\t")
    assert "thêm" in added_vi and "đơn vị" in added_vi and "add" not in added_vi
    periods = cli("period", "list").stdout
    assert "\tnăm\t" in periods and "\tyear\t" not in periods
    assert cli.json("period", "list")[0]["kind"] in ("year", "term", "range")


def test_ndjson_is_one_object_a_line_with_what_json_holds(cli, demo_db):
    whole = cli.json("candidate", "list")
    result = cli("candidate", "list", "--format", "ndjson")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [json.loads(line) for line in lines] == whole and len(lines) == len(whole) > 10


# --- at a terminal: fitting 80 columns ------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_unit_names_wrap_in_their_cell_and_no_word_is_split(cli, demo_db, monkeypatch, lang):
    units = unit_rows(cli)
    heights = {}
    for width in (80, 160):
        out = emit_at(monkeypatch, width, units, unit_cli.LIST_COLUMNS, lang=lang)
        lines = terminal_lines(out, width)
        for unit in units:
            assert words_whole(unit["name"], out), unit["name"]
        head = "\n".join(lines[: next(i for i, x in enumerate(lines) if x.startswith("─"))])
        for col in unit_cli.LIST_COLUMNS:
            if width == 160 or col.drop is None:
                assert words_whole(t(col.header), head), col.header
        heights[width] = len(lines)
    # Wide, a name wraps only past its 50 cells, and nothing is left out.
    longer = sum(width_of(u["name"]) > 50 for u in units)
    assert heights[160] <= len(units) + 3 + 2 * longer
    assert heights[80] >= heights[160]


def test_columns_drop_in_their_documented_order(monkeypatch):
    set_lang("en")
    rows = [
        {
            "code": f"U{i:03}",
            "name": "Đảng bộ Công ty Cổ phần Xi măng Đông Sơn",
            "kind": "chi-bo-truc-thuoc",
            "parent": "DALAN.CB1",
            "block": "hanh-chinh-su-nghiep",
        }
        for i in range(3)
    ]
    headers = {t(c.header): c.key for c in unit_cli.LIST_COLUMNS}

    def shown_at(width: int) -> list[str]:
        out = emit_at(monkeypatch, width, rows, unit_cli.LIST_COLUMNS, lang="en")
        head = terminal_lines(out, width)[0].split()
        return [headers[h] for h in head if h in headers]

    every = ["code", "name", "kind", "parent", "block"]
    seen = []
    for width in range(160, 35, -4):
        shown = shown_at(width)
        if not seen or seen[-1] != shown:
            seen.append(shown)
        out = emit_at(monkeypatch, width, rows, unit_cli.LIST_COLUMNS, lang="en")
        assert words_whole(rows[0]["name"], out)
        assert words_whole("Administration, public service", out) == ("block" in shown)
    # Narrower and narrower: block first, then parent, then kind; code and name stay.
    assert seen == [every, every[:4], every[:3], every[:2]]


def test_unranked_columns_drop_from_the_right_and_headers_stay_whole(monkeypatch):
    columns = [Column(f"c{i}", "col.admitted", "int") for i in range(12)]
    rows = [{f"c{i}": 1200 * i for i in range(12)}]
    out = emit_at(monkeypatch, 80, rows, columns)
    lines = terminal_lines(out, 80)
    # The header "Kết nạp" on two lines, word by word, over every column shown.
    shown = lines[0].split()
    assert set(shown) == {"Kết"} and lines[1].split() == ["nạp"] * len(shown)
    numbers = lines[3].split()
    assert numbers == [f"{1200 * i:,}".replace(",", ".") for i in range(len(numbers))]
    assert 6 <= len(numbers) < 12  # the columns past the width left out, from the right


def test_rows_past_the_sample_wrap_into_the_same_widths(monkeypatch):
    monkeypatch.setattr(render_table, "SAMPLE_ROWS", 2)
    rows = [{"code": f"U{i}", "name": "Chi bộ"} for i in range(3)]
    rows.append({"code": "U9", "name": "Chi bộ có một cái tên dài hơn hẳn những tên đã đo " * 2})
    out = emit_at(monkeypatch, 80, rows, unit_cli.LIST_COLUMNS[:2])
    assert words_whole(rows[-1]["name"].strip(), out)
    assert len(terminal_lines(out, 80)) > len(rows) + 2  # header, rule, a row on two lines


def test_a_list_longer_than_the_sample_gives_the_spare_width_to_the_name(monkeypatch):
    """A million candidates: the names past the sample may be longer than those it saw; the
    terminal's spare width goes to the name, so that they stay on one line."""
    monkeypatch.setattr(render_table, "SAMPLE_ROWS", 2)
    rows = [{"code": f"U{i}", "name": "Chi bộ"} for i in range(3)]
    rows.append({"code": "U9", "name": "Chi bộ có một cái tên dài hơn những tên đã đo"})
    out = emit_at(monkeypatch, 80, rows, unit_cli.LIST_COLUMNS[:2])
    lines = terminal_lines(out, 80)
    assert rows[-1]["name"] in lines[-1] and len(lines) == len(rows) + 2  # header and rule
    # every row seen by the sample: the widths are exact, the table no wider than it needs
    monkeypatch.setattr(render_table, "SAMPLE_ROWS", 500)
    short = terminal_lines(emit_at(monkeypatch, 80, rows[:3], unit_cli.LIST_COLUMNS[:2]), 80)
    assert max(map(len, short)) < 40


def test_output_starts_before_the_rows_are_all_read():
    """Every format writes while the rows arrive (a cursor over 60,000 units)."""
    for fmt in OutputFormat:
        out = io.StringIO()
        written_early = []

        def rows(out=out, written_early=written_early):
            for i in range(5000):
                if i == 4000:
                    written_early.append(len(out.getvalue()) > 0)
                yield {"id": i, "full_name": f"Nguyễn Văn {i}", "stage": "sourced"}

        emit(rows(), candidate_cli.LIST_COLUMNS, fmt, out=out)
        assert written_early == [True], fmt


# --- at a real terminal ---------------------------------------------------------------------


def run_at_pty(args: list[str], env: dict[str, str], width: int = 80) -> str:
    """``dangvien …`` under ``script``: its stdout is a pseudo-terminal."""
    command = " ".join([str(DANGVIEN), *args])
    env = {**env, "COLUMNS": str(width), "LINES": "50"}
    env.pop("TTY_COMPATIBLE", None)
    done = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.replace("\r\n", "\n")


@pytest.mark.skipif(
    not DANGVIEN.exists() or shutil.which("script") is None,
    reason="the console script of this environment, and util-linux's script(1)",
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_at_a_real_80_column_terminal(cli, demo_db, lang):
    units = unit_rows(cli)
    env = dict(os.environ)
    out = run_at_pty(["unit", "list", "--lang", lang], env)
    lines = terminal_lines(out, 80)
    assert "\t" not in out and "─" in out
    for unit in units:
        assert words_whole(unit["name"], out)
    set_lang(lang)
    assert t("unit_kind.chi-bo-truc-thuoc").split()[0] in out
    quota = ["report", "quota", "--period", "2021", "--depth", "2", "--lang", lang]
    report = run_at_pty(quota, env)
    terminal_lines(report, 80)
    for word in t("col.target").split() + t("col.admitted").split():
        assert word in report.split()
    piped = run_at_pty(["unit", "list", "--lang", lang, "|", "cat"], env)
    assert piped.splitlines()[1].count("\t") == 4 and "─" not in piped
    assert len(lines) > len(units)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_optional_columns_leave_before_names_get_narrow(cli, demo_db, monkeypatch, lang):
    members = cli.json("member", "list")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("member", "list", "--lang", lang).stdout
    lines = terminal_lines(out, 80)
    set_lang(lang)
    assert t("col.position") not in lines[1]  # the position went first ...
    for member in members:  # ... so that every name fits on its one line
        assert any(member["full_name"] in line for line in lines), member["full_name"]


def test_a_piped_row_stays_one_line_whatever_its_cells_hold(monkeypatch):
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    set_lang("vi")
    rows = [{"code": "A\t1", "name": "Chi bộ\nhai dòng"}, {"code": "B", "name": "Chi bộ B"}]
    out = io.StringIO()  # not a terminal
    emit(rows, unit_cli.LIST_COLUMNS[:2], OutputFormat.table, out=out, title="Tiêu đề")
    assert out.getvalue().splitlines() == ["Mã\tTên", "A 1\tChi bộ hai dòng", "B\tChi bộ B"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_id_in_a_list_is_written_as_it_is_typed_back(cli, demo_db, tmp_path, monkeypatch, lang):
    """A count is `1.200`; an id is a number the clerk types back: `candidate show 12345`.
    Written `12.345` in the list, it was refused as typed."""
    path = tmp_path / "one.csv"
    path.write_text(
        "id,full_name,birth_date,gender,unit_code,source_date\n"
        "12345,Lê Văn Mười,01/02/1995,nam,HACTHANH,01/02/2026\n",
        encoding="utf-8",
    )
    assert cli("candidate", "import", path).exit_code == 0
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("--lang", lang, "candidate", "list", "--unit", "HACTHANH").stdout
    row = next(line for line in shown.splitlines() if "Lê Văn Mười" in line)
    assert row.split()[0] == "12345"
    assert cli("candidate", "show", row.split()[0]).exit_code == 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_class_reads_in_a_line_or_two_at_80_columns(cli, demo_db, monkeypatch, lang):
    """The name wraps first, then the organizer and the end date give way (class show has
    them): the demo's class took seven lines, its name one word a line."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    classes = cli.json("class", "list")
    shown = cli("--lang", lang, "class", "list").stdout.splitlines()
    body = [line for line in shown[3:] if line.strip()]
    assert classes and len(body) <= 2 * len(classes)
    assert "Lớp bồi dưỡng" in body[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_audit_moment_reads_on_one_line_at_80_columns(cli, demo_db, monkeypatch, lang):
    """`05/12/2026 14:15:04` broke into two lines, doubling the trail's length."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    entries = cli.json("audit", "list")
    shown = cli("--lang", lang, "audit", "list").stdout.splitlines()
    moments = [line for line in shown if re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", line)]
    assert len(moments) == len(entries)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_dossier_never_parts_a_mark_from_its_form(cli, demo_db, monkeypatch, lang):
    """`✔ ` at a line's end and `6-KNĐ` on the next: each item now stays whole."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for pid in (282, 351, 1):
        shown = cli("--lang", lang, "candidate", "show", str(pid)).stdout.splitlines()
        start = next(i for i, line in enumerate(shown) if line.startswith(("Hồ sơ", "Dossier")))
        block = shown[start : start + 3]
        assert all(not line.rstrip().endswith(("✔", "✘")) for line in block), block
        assert all(len(line) <= 80 for line in block)


def test_items_in_lines_keeps_each_item_whole_and_in_order():
    from dangvien_cli.cli.candidate.sheet import items_in_lines

    items = [f"✔ item-{i}" if i % 2 else f"✘ thẩm tra {i}" for i in range(30)]
    text = items_in_lines("Hồ sơ:", items, 40)
    assert all(len(line) <= 40 for line in text.splitlines())
    assert text.split("  ")[0].startswith("Hồ sơ: ✘ thẩm tra 0")
    assert " ".join(text.split()) == " ".join(f"Hồ sơ: {'  '.join(items)}".split())
    assert items_in_lines("Hồ sơ:", items, None).count("\n") == 0


def test_a_sheet_leaves_out_rows_that_do_not_apply_yet(cli, demo_db, monkeypatch):
    """A living unit has no dissolution or successor, an active member no day of leaving:
    the sheet leaves those rows out (scripts keep the keys, as null)."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    living = cli("unit", "show", "DALAN").stdout
    gone = cli("unit", "show", "P01").stdout
    assert "Ngày giải thể" not in living and "Đơn vị kế thừa" not in living
    assert "Ngày giải thể" in gone and "HACTHANH" in gone
    assert cli.json("unit", "show", "DALAN")["dissolved_on"] is None
    member = cli.json("member", "list")[0]["id"]
    assert "Lý do ra khỏi danh sách" not in cli("member", "show", str(member)).stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_count_is_typed_back_as_its_table_writes_it(cli, demo_db, monkeypatch, lang):
    """English writes a quota `1,200` and refused `quota set … 1,200`; in Vietnamese the
    table writes `1.200`, and a comma is a decimal mark there, refused in a count."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("--lang", lang, "quota", "list", "--unit", "TP").stdout
    written = {"vi": "1.200", "en": "1,200"}[lang]
    assert written in shown
    result = cli("--lang", lang, "quota", "set", "TP", "2022", written.replace("2", "3", 1))
    assert result.exit_code == 0, result.output
    targets = [q["target"] for q in cli.json("quota", "list", "--unit", "TP")]
    assert 1300 in targets
    if lang == "vi":
        assert cli("quota", "set", "TP", "2022", "1,300").exit_code == 2
