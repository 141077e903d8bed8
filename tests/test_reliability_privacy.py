"""Privacy: no whole national ID or phone number leaves the database unless the clerk asks
(``--show-private``): not in tables, JSON, CSV, exported files, error messages or error
files. (File permissions are tested with the files: tests/cli/test_db.py.)"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

from dangvien_cli.i18n import MESSAGES
from helpers.reliability import FastCli

pytestmark = pytest.mark.sqlite_only

# What a required parameter is given when a command is run for its output.
FILL = {
    "period": "2021",
    "period_code": "2021",
    "code": "TP",
    "unit": "TP",
    "unit_code": "TP",
    "person_id": "1",
    "member_id": "1",
    "class_code": "K1",
}


def private_values(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        # Phones are not in the demo files: give every third person one.
        conn.execute("UPDATE person SET phone = '09' || printf('%08d', id) WHERE id % 3 = 0")
        conn.commit()
        rows = conn.execute("SELECT national_id, phone FROM person").fetchall()
    finally:
        conn.close()
    return {v for row in rows for v in row if v}


def leaves(group, path=()):  # type: ignore[no-untyped-def]
    for name, sub in group.commands.items():
        if hasattr(sub, "commands"):
            yield from leaves(sub, (*path, name))
        else:
            yield (*path, name), sub


def output_commands(tree, sandbox: Path) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Every command that prints records or writes an export, with its required values."""
    out = []
    for path, command in leaves(tree):
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        if "--format" not in options and path[0] != "export":
            continue
        argv: list[str] | None = list(path)
        for param in command.params:
            if not param.required:
                continue
            if param.name in ("path", "target", "output") or path[0] == "export":
                value = str(sandbox / f"{'-'.join(path)}.csv")
            else:
                value = FILL.get(param.name)
            if value is None:
                argv = None
                break
            argv += [value] if param.param_type_name == "argument" else [param.opts[0], value]
        if argv is not None:
            out.append(argv)
    return out


def leaked(text: str, secrets: set[str]) -> set[str]:
    return {s for s in secrets if s in text}


def test_no_listing_report_or_export_shows_a_whole_id_or_phone(demo_db, tmp_path):
    secrets = private_values(demo_db)
    assert len(secrets) > 100
    cli = FastCli()
    runs = output_commands(cli.command, tmp_path)
    assert len(runs) >= 15, runs  # the walk found the commands
    shown = 0
    for argv in runs:
        for fmt in ("json", "csv", "table"):
            code, out, err = cli(*argv, "--format", fmt, "--db", demo_db)
            assert code in (0, 1, 3), (argv, fmt, err)
            files = [p.read_text("utf-8-sig", "replace") for p in tmp_path.glob("*.csv")]
            assert not leaked(out + err + "".join(files), secrets), (argv, fmt)
            shown += code == 0
            for p in tmp_path.glob("*.csv"):
                p.unlink()
    assert shown >= 2 * len(runs)  # most of them did print something
    sys.stderr.write(f"\n{len(runs)} commands x 3 formats, {len(secrets)} IDs and phones\n")


def test_show_private_is_the_way_to_see_them(demo_db, tmp_path):
    secrets = private_values(demo_db)
    cli = FastCli()
    code, masked, _ = cli("candidate", "list", "--format", "json", "--db", demo_db)
    assert code == 0 and not leaked(masked, secrets) and "•••" in masked
    code, full, _ = cli("candidate", "list", "--format", "json", "--show-private", "--db", demo_db)
    assert code == 0 and len(leaked(full, secrets)) > 100
    code, one, _ = cli("candidate", "show", "3", "--format", "json", "--db", demo_db)
    assert code == 0 and not leaked(one, secrets)
    code, one, _ = cli(
        "candidate", "show", "3", "--format", "json", "--show-private", "--db", demo_db
    )
    assert code == 0 and len(leaked(one, secrets)) == 2  # the ID and the phone


def test_errors_never_echo_a_whole_id(cli, demo_db, tmp_path):
    taken = (
        sqlite3.connect(demo_db)
        .execute("SELECT national_id FROM person WHERE national_id IS NOT NULL LIMIT 1")
        .fetchone()[0]
    )
    source = tmp_path / "dup.csv"
    source.write_text(
        f"full_name,birth_date,gender,unit_code,national_id\n"
        f"Lý Thị Hoa,01/01/1990,nu,P01,{taken}\nLý Văn Nam,02/02/1991,nam,P01,{taken}\n",
        encoding="utf-8",
    )
    # The error list on the terminal (and in JSON) shows the cell, masked. (The --errors
    # file carries the unit's own rows back to it for correction: docs/privacy.md.)
    for fmt in ("table", "json"):
        result = cli("candidate", "import", source, "--format", fmt)
        assert result.exit_code == 1
        assert taken not in result.output
        assert f"•••{taken[-3:]}" in result.output  # the unit can still find it

    typed = "038096012345"  # an ID typed where a date belongs
    result = cli("unit", "add", "X", "Chi bộ X", "--kind", "chi-bo-co-so", "--founded", typed)
    assert result.exit_code == 2  # cannot be read as a date: a usage error
    assert typed not in result.output and "•••" in result.stderr


def test_the_catalogue_has_no_slot_for_a_name_id_or_phone_in_errors():
    personal = {"full_name", "national_id", "phone", "birth", "birth_date", "cccd"}
    # Where a name does appear, it is a clerk's view of one record, not an error message
    # (the question before voiding a registration: only at a terminal, so the right one goes).
    allowed = {"detail.mentor", "check.introducer_unchecked", "void.person_confirm"}
    # A national ID that belongs to someone else names both people by name and birth date
    # (issue 12): the clerk must see who holds it to settle the conflict; the number is not shown.
    identity = {"person.national_id_taken", "person.identity_conflict", "person.unit_move"}
    for key, texts in MESSAGES.items():
        slots = set(re.findall(r"\{(\w+)", "".join(texts)))
        if key in identity:
            assert not slots & {"national_id", "phone", "cccd"}, key
            continue
        assert not slots & personal, key
        if "name" in slots:
            assert key in allowed, key


def test_unit_codes_are_not_masked_as_numbers():
    from dangvien_cli.errors import redact

    assert redact("Không có đơn vị mã '05.003.001.02'.") == "Không có đơn vị mã '05.003.001.02'."
    assert "038190123456" not in redact("CCCD 038190123456")
    assert "0912.345.678" not in redact("SĐT 0912.345.678")
