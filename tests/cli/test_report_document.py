"""report document: the committee's report written from the data.

The 2021 document of the demo database states the source article's figures, and every
figure it states is checked against the report it comes from (``report quota``,
``behind``, ``composition``, ``deadlines``, ``pipeline``, ``class list`` as JSON) for the
same period and day. The .docx is opened again with python-docx.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from dangvien_cli.i18n import fmt_date, fmt_int, fmt_percent, set_lang, t

DAY = "2021-12-31"
DOCUMENT = ("report", "document", "--period", "2021", "--as-of", DAY)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def paragraph(text: str, marker: str) -> str:
    """The one paragraph holding ``marker``."""
    found = [p for p in paragraphs(text) if marker in p]
    assert len(found) == 1, (marker, found)
    return found[0]


def document(cli, *extra: str) -> str:
    result = cli(*DOCUMENT, *extra)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


def test_the_2021_document_states_the_articles_figures(cli, demo_db):
    text = document(cli)
    assert "**ĐẢNG CỘNG SẢN VIỆT NAM**" in text
    assert "ĐẢNG BỘ THÀNH PHỐ THANH HÓA" in text and "**BAN TỔ CHỨC**" in text
    assert "Số ……-BC/BTC" in text and "……, ngày …… tháng …… năm ……" in text
    assert "# BÁO CÁO" in text
    first = paragraph(text, "đảng viên mới.")
    assert first == (
        "Trong năm 2021 (từ 01/01/2021 đến 31/12/2021), Đảng bộ thành phố Thanh Hóa "
        "đã kết nạp được 256 đảng viên mới."
    )
    assert paragraph(text, "chỉ tiêu tỉnh giao") == (
        "Kết quả đạt 128% chỉ tiêu tỉnh giao (200 đảng viên)."
    )
    assert "chỉ tiêu nhiệm kỳ Thành ủy đề ra (1.200 đảng viên)" in text
    assert "Năm 2022, chỉ tiêu Thành ủy đề ra là kết nạp 250 đảng viên." in text
    assert paragraph(text, "Dạ Lan có") == (
        "Trong tháng 11/2021, Đảng bộ Công ty Cổ phần Dạ Lan có 5 quần chúng ưu tú tham gia "
        "lớp bồi dưỡng nhận thức về Đảng, cả 5 người đều đạt."
    )
    assert "Nơi nhận:" in text and "TRƯỞNG BAN" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_figure_is_the_reports_figure(cli, demo_db, lang):
    text = document(cli, "--lang", lang)
    set_lang(lang)

    def report(*args: str) -> list[dict]:
        return cli.json("report", *args, "--lang", lang)

    def ratio(row: dict) -> str:
        return t(
            "doc.ratio",
            n=fmt_int(row["admitted"]),
            target=fmt_int(row["target"]),
            pct=fmt_percent(row["percent"]),
        )

    quota = report("quota", "--period", "2021", "--as-of", DAY, "--depth", "2")
    tops = [r for r in quota if r["depth"] == 0]
    (top,) = tops  # one city committee in the example data
    assert f" {fmt_int(top['admitted'])} " in paragraph(text, top["unit_name"] + " ")
    line = paragraph(text, fmt_percent(top["percent"]))
    assert f"({fmt_int(top['target'])} " in line and t(f"doc.source.{top['source']}") in line

    # Units ahead, met and behind, by name, each with its own figures.
    first = [r for r in quota if r["depth"] == 1]
    ahead = [r for r in first if r["status"] == "vuot"]
    met = [r for r in first if r["status"] == "dat"]
    names = {r["unit_code"] for r in first}
    assert t("doc.units_count", n=fmt_int(len(names))) in text
    ahead_text = paragraph(text, t("doc.ahead", n=fmt_int(len(ahead)), list="")[:-1])
    for r in ahead:
        assert f"{r['unit_name']} ({ratio(r)})" in ahead_text
    met_text = paragraph(text, t("doc.met", n=fmt_int(len(met)), list="")[:-1])
    assert all(r["unit_name"] in met_text for r in met)
    behind = [r for r in report("behind", "--period", "2021", "--as-of", DAY) if r["depth"] == 1]
    assert behind, "the demo has units behind in 2021"
    behind_text = paragraph(text, t("doc.behind", n=fmt_int(len(behind)), list="")[:-1])
    for r in behind:
        shortfall = t("doc.shortfall", n=fmt_int(r["shortfall"]))
        assert f"{r['unit_name']} ({ratio(r)}, {shortfall})" in behind_text
    assert len(ahead) + len(met) + len(behind) == len(first)  # nothing on pace, none unset

    # By block, and the chart's table.
    blocks = report("quota", "--period", "2021", "--as-of", DAY, "--by", "block")
    by_block = paragraph(text, t("doc.by_block", list="")[:-1])
    for r in (r for r in blocks if r["row_type"] == "block"):
        label = t(f"block.{r['block']}")
        assert f"{label}: {ratio(r)}" in by_block
        chart_row = f"| {label} | {fmt_int(r['target'])} | {fmt_int(r['admitted'])} |"
        assert chart_row in text

    # The same period last year, from the composition report.
    composition = {r["row"]: r for r in report("composition", "--period", "2021", "--as-of", DAY)}
    total = composition["total"]
    assert total["current"] == top["admitted"]
    span = t(
        "doc.window",
        start=fmt_date(date_of(total["previous_start_on"])),
        end=fmt_date(date_of(total["previous_end_on"])),
    )
    if total["previous"]:
        assert f"{span}: {fmt_int(total['previous'])}" in text
    else:
        assert t("doc.previous_none", span=span) in text

    # Who the new members are (Biểu 2-BTCTW).
    n = total["current"]

    def share(count: int) -> str:
        return f"{fmt_int(count)} ({fmt_percent(round(100 * count / n, 1))})"

    who = paragraph(text, "2-BTCTW")
    for row in ("women", "youth-union", "ethnic-minority", "religious", "private-owner"):
        assert share(composition[row]["current"]) in who
    enterprise = sum(
        composition[r]["current"]
        for r in ("occ-enterprise-manager", "occ-enterprise-staff", "occ-enterprise-worker")
    )
    assert share(enterprise) in text
    assert share(composition["age-18-30"]["current"]) in text
    assert fmt_percent(composition["age-average"]["current"])[:-1] in text
    assert share(composition["edu-thpt"]["current"]) in text

    # The term's progress against its target.
    (term,) = report("quota", "--period", "2020-2025", "--as-of", DAY, "--depth", "1")
    blank = dict.fromkeys(("n", "source", "target", "pct", "remaining"), "")
    heading = t("doc.term", term="2020-2025", end=fmt_date(date_of(DAY)), **blank).split(":")[0]
    progress = paragraph(text, heading)
    for figure in (term["admitted"], term["target"], term["remaining"]):
        assert fmt_int(figure) in progress
    assert fmt_percent(term["percent"]) in progress
    assert fmt_percent(term["elapsed_percent"]) in progress
    pace = "doc.term_behind" if term["status"] == "cham" else "doc.term_on_pace"
    expected = fmt_int(round(term["expected"]))
    assert t(pace, elapsed=fmt_percent(term["elapsed_percent"]), expected=expected) in progress

    # Classes, certificates, the pipeline and what is overdue.
    listed = cli.json("class", "list", "--lang", lang)
    classes = [c for c in listed if "2021-01-01" <= c["start_on"] <= DAY]
    for c in classes:
        assert t("doc.class_all_passed", n=fmt_int(c["passed"])) in text
    pipeline = report("pipeline", "--period", "2021", "--as-of", DAY, "--depth", "1")
    at_top = {r["stage"]: r for r in pipeline if r["depth"] == 0}
    assert t("doc.certified", n=fmt_int(at_top["trained"]["entered"])) in text
    assert t("doc.sourced", n=fmt_int(at_top["sourced"]["entered"])) in text
    waiting = sum(r["now"] for s, r in at_top.items() if s != "probationary")
    assert paragraph(text, t("doc.pipeline_now", n=fmt_int(waiting), list="")[:-2])
    deadlines = report("deadlines", "--as-of", DAY)
    overdue = [d for d in deadlines if d["rule"] and d["overdue"]]
    stalled = [d for d in deadlines if d["kind"] == "stalled"]
    if overdue:
        assert (
            t("doc.overdue", n=fmt_int(len(overdue)), day=fmt_date(date_of(DAY)), list="")[:-2]
            in text
        )
    else:
        assert t("doc.overdue_none", day=fmt_date(date_of(DAY))) in text
    assert t("doc.stalled", n=fmt_int(len(stalled)), days=180) in text


def date_of(iso: str):
    from datetime import date

    return date.fromisoformat(iso)


def test_english_has_the_same_structure(cli, demo_db):
    vi, en = document(cli), document(cli, "--lang", "en")
    assert len(paragraphs(vi)) == len(paragraphs(en))
    assert "**COMMUNIST PARTY OF VIETNAM**" in en and "1,200" in en and "1.200" in vi
    assert "That is 128% of the quota set by the province (200 members)." in en
    assert "ĐẢNG CỘNG SẢN" not in en


def test_the_docx_reads_back(cli, demo_db, tmp_path):
    import docx
    from openpyxl import load_workbook

    out, annex = tmp_path / "bao-cao-2021.docx", tmp_path / "phu-luc.xlsx"
    result = cli(*DOCUMENT, "--output", out, "--annex", annex)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and str(out) in result.stderr
    word = docx.Document(str(out))
    left, right = (cell.text.split("\n") for cell in word.tables[0].rows[0].cells)
    assert left == ["ĐẢNG BỘ THÀNH PHỐ THANH HÓA", "BAN TỔ CHỨC", "*", "Số ……-BC/BTC"]
    assert right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM" and right[-1].startswith("……, ngày ……")
    body = [p.text for p in word.paragraphs if p.text.strip()]
    assert body[0] == "BÁO CÁO"
    assert body[1].startswith("Kết quả công tác phát triển đảng viên năm 2021")
    # The same sentences as the text version, in the same order.
    text = document(cli)
    sentences = [p for p in paragraphs(text) if not p.startswith(("#", "*", "|", "-", "Đ"))]
    assert [s for s in body if s in sentences] == sentences
    recipients, signature = (cell.text.split("\n") for cell in word.tables[-1].rows[0].cells)
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == "- Lưu Ban Tổ chức."
    assert signature[0] == "TRƯỞNG BAN" and "(Ký, ghi rõ họ tên)" in signature
    assert len(word.inline_shapes) == 1  # the chart, as a picture
    chart = word.tables[1]
    assert chart.rows[0].cells[0].text == "Khối" and len(chart.rows) > 1
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    sheet = load_workbook(annex).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert 256 in cells and 200 in cells


def test_a_template_gives_the_styles(cli, demo_db, tmp_path):
    import docx
    from docx.shared import Mm, Pt

    template = tmp_path / "mau.docx"
    office = docx.Document()
    office.styles["Normal"].font.name = "Arial"
    office.styles["Normal"].font.size = Pt(13)
    office.sections[0].left_margin = Mm(35)
    office.add_paragraph("Văn bản mẫu của văn phòng")
    office.save(str(template))
    out = tmp_path / "bc.docx"
    result = cli(*DOCUMENT, "--output", out, "--template", template)
    assert result.exit_code == 0, result.output
    word = docx.Document(str(out))
    assert word.styles["Normal"].font.name == "Arial"
    assert word.sections[0].left_margin == docx.Document(str(template)).sections[0].left_margin
    assert all("Văn bản mẫu" not in p.text for p in word.paragraphs)
    assert any(p.text == "BÁO CÁO" for p in word.paragraphs)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["not a docx", "a folder", "missing", "a broken docx"])
def test_a_template_that_cannot_be_read_is_refused_in_the_clerks_words(
    cli, demo_db, tmp_path, kind, lang
):
    """python-docx's own words ("Package not found", "[Content_Types].xml") are English and
    name its internals; the clerk reads why in the interface's language, and nothing is
    written."""
    folder = tmp_path / "office"
    folder.mkdir()
    template = folder / "mau.docx"
    if kind == "not a docx":
        template.write_text("Kính gửi: Ban Thường vụ\n", encoding="utf-8")
    elif kind == "a folder":
        template.mkdir()
    elif kind == "a broken docx":
        import zipfile

        with zipfile.ZipFile(template, "w") as z:  # a zip, but not a Word package
            z.writestr("[Content_Types].xml", "<Types")
    out = folder / "bc.docx"
    result = cli("--lang", lang, *DOCUMENT, "--output", out, "--template", template)
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.strip().splitlines()
    set_lang(lang)
    expected = {
        "not a docx": t("doc.not_docx"),
        "a broken docx": t("doc.not_docx"),
        "a folder": t("os.EISDIR"),
        "missing": t("os.ENOENT"),
    }[kind]
    assert line.endswith(t("doc.bad_template", path=template, reason=expected)), line
    assert "Package" not in line and "Content_Types" not in line and "Errno" not in line
    assert list(folder.iterdir()) == ([template] if kind != "missing" else [])


@pytest.mark.parametrize("output", ["bc.docx", "bc.md"])
def test_the_document_is_written_with_its_annex_or_not_at_all(cli, demo_db, tmp_path, output):
    """An annex that cannot be written leaves no document behind: a clerk would otherwise
    send a report whose annex is missing, believing the command half-succeeded."""
    folder = tmp_path / "office"
    folder.mkdir()
    result = cli(*DOCUMENT, "--output", folder / output, "--annex", folder / "no" / "phu-luc.xlsx")
    assert result.exit_code == 1, result.output
    assert "phu-luc.xlsx" in result.stderr and "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []  # nor a temporary file


@pytest.mark.parametrize("output", ["bc.docx", "bc.md"])
def test_the_document_is_owners_only_from_its_first_byte(cli, demo_db, tmp_path, output):
    """Written under a temporary name created 0600 and renamed: a link planted at the name
    is replaced, not written through (as every other report file)."""
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("không được ghi đè", encoding="utf-8")
    out = tmp_path / output
    out.symlink_to(elsewhere)
    result = cli(*DOCUMENT, "--output", out)
    assert result.exit_code == 0, result.output
    assert not out.is_symlink() and (out.stat().st_mode & 0o777) == 0o600
    assert elsewhere.read_text(encoding="utf-8") == "không được ghi đè"


def test_without_the_extra_it_says_how_to_install(demo_db, tmp_path):
    """A real process in which python-docx cannot be imported (as when it is not installed)."""
    out = tmp_path / "bc.docx"
    code = (
        "import sys; sys.modules['docx'] = None; "
        "from dangvien_cli.cli import main; "
        f"sys.argv = ['dangvien', *{list(DOCUMENT)!r}, '--output', {str(out)!r}]; main()"
    )
    env = {**os.environ, "DANGVIEN_DB": str(demo_db)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stderr
    assert "pip install 'dangvien[document]'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "extra", [("--output", "bc.pdf"), ("--annex", "phu-luc.csv"), ("--output", "bc")]
)
def test_files_it_cannot_write_are_refused_first(cli, tmp_path, extra):
    option, name = extra
    result = cli(*DOCUMENT, option, tmp_path / name)
    assert result.exit_code == 2
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_empty_database_says_what_is_missing(cli, tmp_path, lang):
    out = tmp_path / "bc.md"
    result = cli(*DOCUMENT, "--lang", lang, "--output", out)
    assert result.exit_code == 0, result.output
    set_lang(lang)
    text = out.read_text(encoding="utf-8")
    for key in ("doc.no_units", "doc.no_new_members", "doc.no_classes", "doc.chart_none"):
        assert t(key) in text
    assert t("doc.no_quota", period=t("doc.period.year", code="2021")) in text


def test_one_units_document(cli, demo_db):
    text = document(cli, "--unit", "DALAN")
    (top,) = [
        r
        for r in cli.json("report", "quota", "--period", "2021", "--as-of", DAY, "--unit", "DALAN")
        if r["depth"] == 0
    ]
    assert "ĐẢNG BỘ CÔNG TY CỔ PHẦN DẠ LAN" in text
    assert f"Đảng bộ Công ty Cổ phần Dạ Lan đã kết nạp được {fmt_int(top['admitted'])} " in text
    assert "cả 5 người đều đạt" in text
    # The city's other units are not in a unit's document.
    assert "Đảng bộ phường" not in text


def test_the_class_of_the_demo_lists_its_certificates(cli, demo_db):
    detail = cli.json("class", "show", "BDNT-DALAN-2021-11")
    people = detail["attendees"]
    assert len(people) == 5 and {p["result"] for p in people} == {"passed"}
    assert all(p["certificate_date"] == "2021-11-26" for p in people)


def test_a_class_with_failures_and_a_unit_with_two_quota_sources(cli, demo_db):
    sourced = cli.json("candidate", "list", "--stage", "sourced")[:3]
    ids = [str(p["id"]) for p in sourced]
    add = (
        "class", "add", "BD-2021-10", "Lớp bồi dưỡng nhận thức về Đảng",
        "--start", "04/10/2021", "--end", "08/10/2021",
        "--organizer", "Trung tâm Chính trị thành phố", "--unit", "TP",
    )  # fmt: skip
    for args in (
        add,
        ("class", "enroll", "BD-2021-10", *ids),
        ("class", "results", "BD-2021-10", "--date", "08/10/2021", "--failed", ids[0],
         "--failed", ids[1]),
        ("quota", "set", "DALAN", "2021", "5", "--source", "tinh"),
    ):  # fmt: skip
        result = cli(*args)
        assert result.exit_code == 0, result.output
    text = document(cli)
    assert paragraph(text, "tháng 10/2021") == (
        "Trong tháng 10/2021, Đảng bộ thành phố Thanh Hóa có 3 quần chúng ưu tú tham gia lớp "
        "bồi dưỡng nhận thức về Đảng, 0 người đạt, 2 người không đạt, 1 người chưa có kết quả."
    )
    # Dạ Lan now has the city's 3 (met) and the province's 5 (behind): named with the source,
    # and counted once in each list.
    behind = paragraph(text, "đơn vị chậm tiến độ:")
    assert "Đảng bộ Công ty Cổ phần Dạ Lan (tỉnh, 3/5, đạt 60%, thiếu 2 so với tiến độ)" in behind
    met = paragraph(text, "đơn vị đạt chỉ tiêu:")
    assert "Đảng bộ Công ty Cổ phần Dạ Lan (Thành ủy)" in met
    rows = cli.json("report", "behind", "--period", "2021", "--as-of", DAY)
    late = {r["unit_code"] for r in rows if r["depth"] == 1}
    assert behind.startswith(f"{len(late)} đơn vị")


def test_a_document_cut_mid_year_says_whether_it_keeps_pace(cli, demo_db):
    mid = ("report", "document", "--period", "2021", "--as-of", "2021-06-30")
    result = cli(*mid)
    assert result.exit_code == 0, result.output
    set_lang("vi")
    quota = cli.json("report", "quota", "--period", "2021", "--as-of", "2021-06-30", "--depth", "1")
    (top,) = quota
    line = paragraph(result.stdout, "chỉ tiêu tỉnh giao")
    assert f"còn thiếu {fmt_int(top['remaining'])} đảng viên" in line
    pace = "doc.pace_behind" if top["status"] == "cham" else "doc.pace_on"
    expected = fmt_int(round(top["expected"]))
    assert t(pace, elapsed=fmt_percent(top["elapsed_percent"]), expected=expected) in line


def test_a_period_yet_to_begin_is_refused_not_written(cli, demo_db):
    """A period that starts after the report's day has nothing true to say."""
    result = cli("report", "document", "--period", "2099", "--as-of", "31/12/2021")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "01/01/2099" in result.stderr and "31/12/2021" in result.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_at_a_terminal_the_document_is_set_out_and_wrapped(cli, demo_db, monkeypatch, lang):
    raw = document(cli, "--lang", lang)
    assert raw.startswith("ĐẢNG BỘ") and "**" in raw and "\n# " in raw
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("--lang", lang, "report", "document", "--period", "2021", "--as-of", "06/01/2022")
    assert shown.exit_code == 0, shown.output
    text = re.sub(r"\x1b\[[0-9;]*m", "", shown.stdout)
    assert "**" not in text and "\n# " not in text and "| ---" not in text
    assert all(len(line) <= 80 for line in text.splitlines())
    heading = "BÁO CÁO" if lang == "vi" else "REPORT"
    assert heading in text and "256" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_script_asking_for_json_gets_the_document_as_data(cli, demo_db, lang):
    """--format json used to be taken and ignored: a script parsing JSON got Markdown."""
    text = document(cli, "--lang", lang)
    data = cli.json(*DOCUMENT, "--lang", lang)
    assert data["title"] in text and data["subtitle"][1:] in text
    for section in data["sections"]:
        assert section["heading"] in text
        for sentence in section["paragraphs"]:
            assert sentence in text
    # The figures the sentences state, in plain numbers for a script to check.
    assert data["figures"]["admitted"] == 256
    assert [bar["admitted"] for bar in data["chart"]] and data["chart_by"] in ("block", "unit")


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_document_has_no_rows_for_csv(cli, demo_db, tmp_path, fmt):
    result = cli(*DOCUMENT, "--format", fmt, "--annex", tmp_path / "phu-luc.xlsx")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "--format json" in result.stderr
    assert result.stdout == "" and not (tmp_path / "phu-luc.xlsx").exists()
