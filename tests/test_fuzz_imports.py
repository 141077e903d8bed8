"""Bad input to every import: random bytes, random tables of random cells in random
encodings and delimiters, random option values. Each case runs the real command on a copy
of a small database; the answer must be a clean refusal (exit 1 or 2, the reason as the
last line, no traceback, the database untouched) or a correct write.

The default run tries a smoke sample; ``pytest -m fuzz`` runs 10,000 cases per import path
(docs/reliability.md).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.reliability import (
    COMMON,
    DATES,
    INTS,
    TEXT,
    UNEXPECTED,
    build_world,
    fingerprint,
    table_count,
    write_tally,
)

pytestmark = pytest.mark.sqlite_only

SMOKE = 30  # per import path: 5 paths x 30 = 150 cases in the default run
FUZZ = 10_000
# --- the database every case starts from -----------------------------------------------

# --- what a generated file holds -------------------------------------------------------

FIELDS = {
    "units": ("dangvien_cli.services.imports.units", "FIELDS"),
    "quotas": ("dangvien_cli.services.imports.quotas", "FIELDS"),
    "candidates": ("dangvien_cli.services.imports.candidates", "FIELDS"),
    "members": ("dangvien_cli.services.imports.members", "FIELDS"),
    "class results": ("dangvien_cli.services.classes", "RESULT_FIELDS"),
}


def cell_for(key: str) -> st.SearchStrategy[str]:
    known = {
        "unit_code": ["TP", "C1", "dalan.cb1", "DALAN", "NOPE", ""],
        "code": ["TP", "C1", "NEW1", "new1", "DALAN.CB1", ""],
        "parent": ["TP", "C1", "NEW1", "NOPE", ""],
        "period": ["2021", "2022", "2020-2025", "2025-2020", "Q1", ""],
        "gender": ["nam", "nu", "Nữ", "NAM", "x"],
        "kind": ["chi-bo-co-so", "dang-bo-co-so", "Chi bộ cơ sở", "x"],
        "block": ["xa-phuong", "doanh-nghiep", "khac", "x"],
        "status": ["dự bị", "chính thức", "official", "x"],
        "education": ["thpt", "12/12", "9/12", "x"],
        "result": ["dat", "Đạt", "truot", "gioi", "x"],
        "national_id": ["038197695907", "038095001234", "12345", "03819769590a"],
        "person_id": ["1", "2", "3", "999"],
        "source": ["tinh", "thanh-uy", "Tỉnh", ""],
    }
    if key.endswith(("_date", "_on")):
        return DATES
    if key in ("votes_for", "official_members", "target", "id"):
        return INTS
    if key in known:
        return st.one_of(st.sampled_from(known[key]), TEXT)
    return TEXT


@st.composite
def table_files(draw, kind: str) -> tuple[str, bytes]:
    import importlib

    module, name = FIELDS[kind]
    specs = getattr(importlib.import_module(module), name)
    pool = [(s.key, h) for s in specs for h in (s.key, *s.aliases)]
    chosen = draw(st.lists(st.sampled_from(pool), min_size=0, max_size=len(specs) + 2))
    headers = [h for _k, h in chosen] + draw(st.lists(TEXT, max_size=2))
    keys = [k for k, _h in chosen] + ["?"] * (len(headers) - len(chosen))
    rows = draw(
        st.lists(
            st.tuples(*(cell_for(k) for k in keys)).map(list)
            | st.lists(TEXT, max_size=len(keys) + 2),
            max_size=6,
        )
    )
    suffix = draw(st.sampled_from([".csv", ".csv", ".csv", ".txt", ".xlsx"]))
    if suffix == ".xlsx":
        return suffix, _xlsx([headers, *rows])
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([headers, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]))
    return suffix, buffer.getvalue().encode(encoding, errors="replace")


def _xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([c.replace("\x00", "") if isinstance(c, str) else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


NAMES = st.builds(
    lambda f, m, g: f"{f} {m} {g}",
    st.sampled_from(["Nguyễn", "Trần", "Lê", "Đặng", "Ngô"]),
    st.sampled_from(["Văn", "Thị", "Hữu", "Ngọc"]),
    st.sampled_from(["An", "Bình", "Hà", "Lan", "Quân", "Yến"]),
)
GOOD_DATES = st.dates(min_value=date(1970, 1, 1), max_value=date(2004, 12, 31)).map(
    lambda d: d.strftime("%d/%m/%Y")
)
RECENT = st.dates(min_value=date(2023, 1, 1), max_value=date(2024, 12, 31)).map(
    lambda d: d.strftime("%d/%m/%Y")
)
# Files that are nearly right: canonical headers, plausible values, one bad cell now and then.
PLAUSIBLE: dict[str, dict[str, st.SearchStrategy[str]]] = {
    "units": {
        "code": st.from_regex(r"\A[A-Z]{1,2}[0-9]{0,2}\Z"),
        "name": NAMES,
        "kind": st.sampled_from(["chi-bo-co-so", "dang-bo-co-so", "chi-bo-truc-thuoc"]),
        "parent": st.sampled_from(["TP", "C1", "DALAN", ""]),
    },
    "quotas": {
        "unit_code": st.sampled_from(["TP", "C1", "DALAN", "DALAN.CB1"]),
        "period": st.sampled_from(["2021", "2022", "2020-2025", "2023"]),
        "source": st.sampled_from(["tinh", "thanh-uy", ""]),
        "target": st.integers(0, 500).map(str),
    },
    "candidates": {
        "full_name": NAMES,
        "birth_date": GOOD_DATES,
        "gender": st.sampled_from(["nam", "nu"]),
        "unit_code": st.sampled_from(["C1", "DALAN.CB1", "TP"]),
        "source_date": RECENT,
    },
    "members": {
        "full_name": NAMES,
        "birth_date": GOOD_DATES,
        "gender": st.sampled_from(["nam", "nu"]),
        "unit_code": st.sampled_from(["DALAN", "DALAN.CB1", ""]),
        "status": st.sampled_from(["dự bị", "chính thức"]),
    },
    "class results": {
        "person_id": st.sampled_from(["1", "2", "3"]),
        "result": st.sampled_from(["dat", "truot", "Đạt"]),
        "certificate_no": st.from_regex(r"\A[0-9]{1,3}/CN-TTCT\Z"),
        "certificate_date": st.just("06/02/2024"),
    },
}


@st.composite
def plausible_files(draw, kind: str) -> tuple[str, bytes]:
    columns = PLAUSIBLE[kind]
    keys = list(columns)
    cell = {k: st.one_of(v, v, v, v, v, v, v, v, v, cell_for(k)) for k, v in columns.items()}
    rows = draw(st.lists(st.tuples(*(cell[k] for k in keys)).map(list), min_size=1, max_size=5))
    buffer = io.StringIO()
    csv.writer(buffer).writerows([keys, *rows])
    return ".csv", buffer.getvalue().encode("utf-8")


def any_file(kind: str) -> st.SearchStrategy[tuple[str, bytes]]:
    garbage = st.tuples(st.sampled_from([".csv", ".xlsx", ".xls", ""]), st.binary(max_size=600))
    return st.one_of(plausible_files(kind), table_files(kind), garbage)


OPTIONS = st.one_of(
    st.just({}),
    st.fixed_dictionaries(
        {},
        optional={
            "--encoding": st.sampled_from(["utf-8", "cp1258", "tcvn3", "vni", "utf-16", "x"]),
            "--delimiter": st.sampled_from([",", ";", "tab", "|", "::", ""]),
            "--sheet": st.sampled_from(["Sheet", "Sheet1", "x"]),
            "--dry-run": st.just(True),
            "--errors": st.just(True),
            "--lang": st.sampled_from(["vi", "en"]),
        },
    ),
)

# --- one case ----------------------------------------------------------------------------

COMMAND = {
    "units": ("unit", "import"),
    "quotas": ("quota", "import"),
    "candidates": ("candidate", "import"),
    "members": ("member", "import", "--unit", "DALAN"),
    "class results": ("class", "results", "K1", "--file"),
}
COUNTED = {"units": "unit", "quotas": "quota", "candidates": "person", "members": "person"}


def run_case(world, kind: str, file: tuple[str, bytes], options: dict, tally: Counter) -> None:
    cli, template = world
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "case.db"
        shutil.copyfile(template, db)
        source = folder / f"input{file[0]}"
        source.write_bytes(file[1])
        args: list[object] = [*COMMAND[kind], source, "--db", db]
        for option, value in options.items():
            if kind == "class results" and option != "--lang":
                continue  # the other options belong to the `X import` commands
            if option == "--errors":
                args += [option, folder / "errors.csv"]
            else:
                args += [option] if value is True else [option, value]
        if kind != "class results":
            args += ["--format", "json"]
        before = fingerprint(db)
        imports_before = table_count(db, "audit_log")
        code, out, err = cli(*args)
        judge(kind, db, before, imports_before, code, out, err, args, tally)


def judge(kind, db, before, audit_before, code, out, err, args, tally) -> None:  # type: ignore[no-untyped-def]
    tally[f"exit {code}"] += 1
    text = out + err
    assert not any(u in text for u in UNEXPECTED), text[-2000:]
    assert code in (0, 1, 2), (code, text[-2000:])
    after = fingerprint(db)
    if code != 0:
        assert after == before, "a refused import changed the database"
        lines = [line for line in err.strip().splitlines() if line.strip()]
        assert lines, "a refusal without a reason"
        if code == 1:
            assert lines[-1].startswith(("Lỗi:", "Error:")), lines[-1]
            if os.environ.get("DANGVIEN_FUZZ_REASONS"):
                tally["reason " + re.sub(r"/\S+", "FILE", lines[-1])[:70]] += 1
        return
    if "--dry-run" in args:
        assert after == before, "a dry run wrote"
        tally["dry run ok"] += 1
        return
    changed = {t for t in after if after[t] != before.get(t)} - {"audit_log"}
    if changed or kind != "class results":
        assert table_count(db, "audit_log") > audit_before, "a write with no audit entry"
    if kind in COUNTED:
        summary = json.loads(out)
        assert summary["new"] + summary["updated"] + summary["unchanged"] <= summary["rows"]
        grown = table_count(db, COUNTED[kind]) - BASE_COUNTS[kind]
        assert grown == summary["new"], (grown, summary)
    tally["written"] += 1


BASE_COUNTS: dict[str, int] = {}  # rows of the counted table in the template


@pytest.fixture(scope="module", autouse=True)
def base_counts(world):
    _cli, template = world
    for kind, table in COUNTED.items():
        BASE_COUNTS[kind] = table_count(template, table)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return build_world(tmp_path_factory.mktemp("fuzz"))


@pytest.fixture
def tally(request):
    found: Counter = Counter()
    yield found
    write_tally(request.node.name, found)


KINDS = list(COMMAND)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=SMOKE, derandomize=True, **COMMON)
@given(data=st.data())
def test_import_smoke(world, kind, data, tally):
    run_case(world, kind, data.draw(any_file(kind)), data.draw(OPTIONS), tally)


@pytest.mark.fuzz
@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=FUZZ, **COMMON)
@given(data=st.data())
def test_import_fuzz(world, kind, data, tally):
    run_case(world, kind, data.draw(any_file(kind)), data.draw(OPTIONS), tally)
