"""Issue 14, points 3, 4, 7 and 8: the terminal speaks the clerk's language, Typer's and
Click's own words included; closed values take what the tables show; global options work
after a group's name; unreadable values are usage errors (exit 2), in that language."""

from __future__ import annotations

import ast
import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
import typer.core
import typer.main
import typer.rich_utils

from dangvien_cli.cli import _words, build_app
from dangvien_cli.cli._context import DATE_METAVAR, DATE_OPTIONS
from dangvien_cli.i18n import MESSAGES, set_lang, t

pytestmark = pytest.mark.no_database

HOLE = re.compile(r"\{[^{}]*\}")


def typer_gettext_strings() -> set[str]:
    """Every literal the installed Typer passes to gettext (``_("…")``)."""
    found = set()
    for module in (typer.core, typer.rich_utils):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "gettext", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def english_fragments() -> set[str]:
    """The fixed English words of everything Typer and its Click can print: the gettext
    strings, rich_utils' constants and the catalogue's templates, cut at their values."""
    texts = typer_gettext_strings() | set(_words.RICH_CONSTANTS.values()) | set(_words.catalogue())
    fragments = set()
    for text in texts:
        for piece in HOLE.split(text):
            piece = re.sub(r"\[/?blue\]", "", piece).strip(" .:()'\n\t")
            if re.search(r"[A-Za-z]{3,}", piece):
                fragments.add(piece)
    return fragments


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80"}
    return subprocess.run(
        [sys.executable, "-m", "dangvien_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


# Help at every level and every kind of mistake Typer itself judges.
BATTERY = [
    ["--help"],
    ["unit", "--help"],
    ["unit", "add", "--help"],
    ["quota", "set", "--help"],
    ["report", "quota", "--help"],
    ["candidate", "add", "--help"],
    ["db", "backup", "--help"],
    ["unit", "lst"],
    ["nope"],
    ["unit", "list", "--bogus"],
    ["unit", "list", "extra"],
    ["quota", "set", "P01", "2021"],
    ["quota", "set", "P01", "2021", "abc"],
    ["quota", "set", "P01", "2021", "-3"],
    ["report", "pipeline", "--depth", "abc"],
    ["report", "pipeline", "--depth", "0"],
    ["report", "quota", "--period"],
    ["report", "quota"],
    ["unit", "list", "--format", "xml"],
    ["unit", "add", "X", "Y", "--kind", "foo"],
    ["unit", "list", "--block", "foo"],
    ["candidate", "list", "--stage", "nowhere"],
    ["unit", "list", "--help", "--lang", "vi"],
    ["member", "show", "abc"],
    ["candidate", "vote", "1", "--date", "31/02/2020"],
]


def test_the_catalogue_has_every_string_typer_gives_gettext():
    assert typer_gettext_strings(), "Typer no longer calls gettext: read it again"
    missing = typer_gettext_strings() - set(_words.catalogue())
    assert not missing, f"add these to typer.vi.po: {sorted(missing)}"
    for english in _words.RICH_CONSTANTS.values():
        assert _words.catalogue().get(english)


def test_the_po_reader_reads_headers_continuations_and_escapes(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\n# a comment\nmsgid "Options"\n'
        'msgstr "Tùy chọn"\n\nmsgid "Choose from:\\n\\t{choices}"\nmsgstr ""\n'
        '"Chọn một trong:\\n"\n"\\t{choices}"\n',
        encoding="utf-8",
    )
    assert _words.read_po(po) == {
        "Options": "Tùy chọn",
        "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    }
    assert _words.catalogue()["(dynamic)"] == "(tính khi chạy)"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_translation_carries_the_values_of_its_english(lang):
    for english, said in _words.catalogue(lang).items():
        if english:
            assert said, english
            assert set(HOLE.findall(said)) <= set(HOLE.findall(english)), english


@pytest.mark.parametrize("args", BATTERY, ids=lambda a: " ".join(a))
def test_no_english_word_of_typer_in_vietnamese_output(args, demo_db):
    vi = run(*args)
    shown = vi.stdout + vi.stderr
    assert shown.strip()
    assert "Traceback" not in shown
    leaks = sorted(f for f in english_fragments() if f in shown)
    assert not leaks, f"{leaks} in:\n{shown}"
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_the_same_mistakes_in_english_use_typer_s_words(demo_db):
    """The other side: the battery's fragments are really what Typer prints in English, so
    the test above could find them."""
    seen = ""
    for args in BATTERY:
        en = run("--lang", "en", *args)
        seen += en.stdout + en.stderr
    for words in ("Usage:", "Options", "Arguments", "Commands", "[required]", "No such option",
                  "Missing argument", "Invalid value for", "Got unexpected extra argument",
                  "No such command", "Did you mean", "for help."):  # fmt: skip
        assert words in seen, words
    # Examples name real units ("Chi bộ Kho vận"): proper names stay Vietnamese.
    seen = "\n".join(line for line in seen.splitlines() if "Example:" not in line)
    vietnamese = re.search(r".*[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ].*", seen)
    assert not vietnamese, vietnamese.group()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("report", "quota", "--period", "2021", "--depth", "x"), "must be a whole number"),
        (("report", "quota", "--period", "2021", "--depth", "0"), "must be at least 1"),
        (("report", "deadlines", "--within", "-3"), "must be at least 0"),
    ],
)
def test_a_value_pydantic_refuses_is_said_in_plain_english_too(args, said):
    """Typer converts values with pydantic; its "Input should be a valid integer, unable to
    parse string as an integer" is a programmer's sentence, in English as in Vietnamese."""
    en = run("--lang", "en", *args)
    assert en.returncode == 2
    assert said in en.stderr
    assert "Input should" not in en.stderr
    assert "Invalid value for" in en.stderr  # Typer's own words stay around it


def test_help_in_english_after_a_vietnamese_build_in_the_same_process(cli):
    vietnamese = {vi for vi, en in MESSAGES.values() if vi != en and len(vi) > 12}
    app = typer.main.get_command(build_app())
    paths = [[g, c] for g, grp in app.commands.items() for c in getattr(grp, "commands", {})]
    assert len(paths) > 40
    for path in paths:
        assert cli(*path, "--help").exit_code == 0
    for path in paths:
        shown = cli("--lang", "en", *path, "--help").stdout
        left = [text for text in vietnamese if text in shown]
        assert not left, (path, left)


def test_global_options_after_a_group_name(cli, demo_db, tmp_path, monkeypatch):
    en = cli("unit", "--lang", "en", "--help")
    assert en.exit_code == 0 and "Usage:" in en.stdout and "Party units" in en.stdout
    rows = cli("unit", "--format", "json", "list")
    assert rows.exit_code == 0 and rows.stdout.lstrip().startswith("[")
    demo_rows = json.loads(rows.stdout)
    assert demo_rows
    monkeypatch.setenv("DANGVIEN_DB", str(tmp_path / "somewhere-else.db"))
    assert json.loads(cli("unit", "--db", str(demo_db), "list", "-f", "json").stdout) == demo_rows
    refused = cli("quota", "--lang", "en", "--db", str(demo_db), "set", "NOPE", "2021", "5")
    assert refused.exit_code == 1 and "NOPE" in refused.stderr
    assert not re.search(r"[ạảấầậắằẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựđ]", refused.stderr)


def test_every_date_option_shows_its_format_in_help(cli):
    app = typer.main.get_command(build_app())
    seen = set()
    for group in app.commands.values():
        for name, command in getattr(group, "commands", {}).items():
            dates = [
                p.opts[0]
                for p in command.params
                if p.param_type_name == "option" and p.opts[0].lstrip("-") in DATE_OPTIONS
            ]
            if dates:
                shown = cli(group.name, name, "--help").stdout
                assert shown.count(DATE_METAVAR) == len(dates), (group.name, name)
                seen.update(dates)
            set_lang("en")
            for p in command.params:
                words = (p.help or "").lower()
                if p.param_type_name == "option" and re.search(r"\bdate\b|\bas of\b", words):
                    assert p.opts[0].lstrip("-") in DATE_OPTIONS, p.opts[0]
            set_lang("vi")
    assert {"--date", "--as-of", "--birth", "--founded"} <= seen


def candidate_ids(cli, *args):
    return {row["id"] for row in cli.json("candidate", "list", *args)}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_closed_values_take_the_code_the_words_and_the_words_without_diacritics(cli, demo_db, lang):
    sourced = candidate_ids(cli, "--lang", lang, "--stage", "sourced")
    assert sourced
    for typed in ("tạo nguồn", "tao nguon", "TẠO_NGUỒN", "Sourced"):
        assert candidate_ids(cli, "--lang", lang, "--stage", typed) == sourced
    probationary = candidate_ids(cli, "--lang", lang, "--stage", "dự bị")
    assert probationary == candidate_ids(cli, "--lang", lang, "--stage", "probationary")
    assert probationary != sourced

    wards = cli.json("--lang", lang, "unit", "list", "--block", "xa-phuong")
    assert wards
    assert cli.json("--lang", lang, "unit", "list", "--block", "Xã, phường") == wards
    assert cli.json("--lang", lang, "unit", "list", "--block", "xa phuong") == wards

    added = cli("--lang", lang, "unit", "add", "CBX", "Chi bộ X", "--kind", "chi bo co so",
                "--parent", "TINH", "--founded", "01/02/2026")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert cli.json("unit", "show", "CBX")["kind"] == "chi-bo-co-so"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_value_outside_the_list_is_a_usage_error_that_lists_the_choices(cli, lang):
    bad = cli("--lang", lang, "candidate", "list", "--stage", "đã xong")
    assert bad.exit_code == 2
    assert "đã xong" in bad.stderr and "sourced" in bad.stderr
    assert ("Giá trị không hợp lệ" in bad.stderr) == (lang == "vi")


@pytest.mark.parametrize(
    ("option", "typed", "other"),
    [("--route", "BCH doan co so gioi thieu", "two-members"), ("--result", "không đạt", "đạt")],
)
def test_route_and_result_take_the_words_too(cli, demo_db, option, typed, other):
    """An unknown person is a refusal (exit 1) once the value has been read; an unreadable
    value never gets that far (exit 2)."""
    if option == "--route":
        command = ["introducers", "--introducer", "Nguyễn Văn An:14"]
    else:
        command = ["class-result"]
    for value in (typed, other):
        read = cli("candidate", *command, "999999", "--date", "01/02/2024", option, value)
        assert read.exit_code == 1, read.output
    unread = cli("candidate", *command, "999999", "--date", "01/02/2024", option, "khác")
    assert unread.exit_code == 2


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_exit_codes_by_class(cli, demo_db, lang):
    unparsed = {
        ("quota", "set", "P01", "2021", "abc"): ("CHỈ_TIÊU", "TARGET"),
        ("quota", "set", "P01", "2021", "-3"): ("CHỈ_TIÊU", "TARGET"),
        ("report", "pipeline", "--depth", "abc"): ("--depth", "--depth"),
        ("unit", "add", "N1", "Tên", "--kind", "chi-bo-co-so", "--founded", "31/02/2020"): (
            "31/02/2020",
            "31/02/2020",
        ),
    }
    for args, (vi_word, en_word) in unparsed.items():
        result = cli("--lang", lang, *args)
        assert result.exit_code == 2, (args, result.output)
        assert (vi_word if lang == "vi" else en_word) in result.stderr
        assert "No such option" not in result.stderr and "Không có tùy chọn" not in result.stderr
    before = cli.json("quota", "list", "--unit", "P01")
    refused = cli("--lang", lang, "quota", "set", "NOPE", "2021", "12")
    assert refused.exit_code == 1
    assert cli.json("quota", "list", "--unit", "P01") == before


def read_terminal(fd: int, limit: float = 60.0) -> bytes:
    seen = b""
    while True:
        ready, _, _ = select.select([fd], [], [], limit)
        if not ready:
            return seen
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return seen
        if not chunk:
            return seen
        seen += chunk


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["unit", "lst"], "Có phải ý bạn là 'list'?"),
        (["quota", "set", "P01", "2021", "-3"], "CHỈ_TIÊU"),
        (["--lang", "en", "quota", "set", "P01", "2021", "-3"], "must not be negative"),
        (["unit", "add", "--help"], "Cách dùng: dangvien unit add [TÙY_CHỌN] {MÃ} {TÊN}"),
    ],
)
def test_at_an_80_column_terminal(args, expected):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env.update(COLUMNS="80", LINES="40", TERM="xterm")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dangvien_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    try:
        shown = read_terminal(leader).decode()
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    assert expected in " ".join(plain.split()), plain
    assert code == (0 if "--help" in args else 2)
    assert max(len(line) for line in plain.splitlines()) <= 80
    if "en" not in args:
        assert not [f for f in english_fragments() if f in plain], plain


def test_shell_completion_completes_a_group_s_commands_and_options(tmp_path):
    env = {**os.environ, "_DANGVIEN_COMPLETE": "complete_bash"}
    for typed, cword, expected in (
        ("dangvien rep", 1, {"report"}),
        ("dangvien unit ", 2, {"add", "edit", "list", "show", "import"}),
        ("dangvien candidate list --st", 3, {"--stage"}),
    ):
        env.update(COMP_WORDS=typed, COMP_CWORD=str(cword))
        out = subprocess.run(
            [sys.executable, "-m", "dangvien_cli"], env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        assert expected <= set(out.stdout.split()), (typed, out.stdout)
    script = run("--show-completion", "bash")
    assert "_DANGVIEN_COMPLETE" in script.stdout


def test_constraints_pin_what_the_tests_run_with():
    from importlib.metadata import requires, version

    from packaging.requirements import Requirement

    root = Path(__file__).resolve().parents[2]
    pins = dict(
        line.split("==")
        for line in (root / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    for name in ("typer", "sqlmodel", "holidays", "rich", "SQLAlchemy", "alembic", "pydantic"):
        assert version(name) == pins[name], name
    bounded = {
        Requirement(r).name: Requirement(r) for r in requires("dangvien") or [] if "extra" not in r
    }
    for name in ("typer", "sqlmodel", "holidays"):
        assert any(s.operator == "<" for s in bounded[name].specifier), name
        assert bounded[name].specifier.contains(pins[name]), name


def leaf_commands(app):
    for name, command in app.commands.items():
        subs = getattr(command, "commands", None)
        if subs is None:
            yield [name], command
        else:
            yield from (([name, sub], cmd) for sub, cmd in subs.items())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_s_help_shows_an_example_that_parses(cli, lang):
    import shlex

    set_lang(lang)
    app = typer.main.get_command(build_app())
    commands = list(leaf_commands(app))
    assert len(commands) > 50
    for path, command in commands:
        shown = cli("--lang", lang, *path, "--help").stdout
        label = "Ví dụ: dangvien " if lang == "vi" else "Example: dangvien "
        assert label + " ".join(path) in " ".join(shown.split()), path
        set_lang(lang)
        example = shlex.split(MESSAGES["example." + ".".join(path)][lang == "en"])
        assert example[: len(path) + 1] == ["dangvien", *path]
        # Parsing the example runs every option's own check (names, numbers, closed values).
        command.make_context(" ".join(path), example[len(path) + 1 :])
    set_lang("vi")


def test_no_english_word_of_typer_in_any_vietnamese_help(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    fragments = english_fragments()
    app = typer.main.get_command(build_app())
    paths = [[], *([g] for g in app.commands), *(p for p, _ in leaf_commands(app))]
    for path in paths:
        shown = cli(*path, "--help").stdout
        assert "Cách dùng" in shown, path
        leaks = sorted(f for f in fragments if f in shown)
        assert not leaks, (path, leaks)


def test_quota_source_takes_the_words_too(cli, demo_db):
    before = cli.json("quota", "list", "--unit", "P01", "--period", "2021")
    assert [q["source"] for q in before] == ["thanh-uy"]
    for typed in ("Thành ủy", "thanh uy", "THÀNH_ỦY"):
        assert cli("quota", "set", "P01", "2021", "7", "--source", typed).exit_code == 0
    after = cli.json("quota", "list", "--unit", "P01", "--period", "2021")
    assert [(q["source"], q["target"]) for q in after] == [("thanh-uy", 7)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_installing_completion_says_so_in_the_clerks_language(tmp_path, lang):
    """Typer says "bash completion installed in …" and "Completion will take effect once you
    restart the terminal" in English f-strings, beyond its gettext; a failure to write was an
    "unexpected error". A real process, a real HOME, the real files."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "DANGVIEN_LANG": lang}
    done = subprocess.run(
        [sys.executable, "-m", "dangvien_cli", "--install-completion", "bash"],
        env={**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    script = home / ".bash_completions" / "dangvien.sh"
    assert "_DANGVIEN_COMPLETE" in script.read_text()
    set_lang(lang)
    assert t("completion.installed", shell="bash", path=script) in " ".join(done.stderr.split())
    if lang == "vi":
        assert not [f for f in english_fragments() if f in done.stderr], done.stderr
        assert "installed" not in done.stderr and "restart" not in done.stderr
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    done = subprocess.run(
        [sys.executable, "-m", "dangvien_cli", "--install-completion", "bash"],
        env={**env, "HOME": str(blocked), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert t("completion.cannot_install", reason="")[:12] in line


@pytest.mark.parametrize(
    ("value", "lang", "warned"),
    [("EN", "en", False), (" en ", "en", False), ("fr", "vi", True), ("", "vi", False)],
)
def test_the_language_variable_is_read_as_a_clerk_sets_it(tmp_path, value, lang, warned):
    """DANGVIEN_LANG=EN in a profile is English; a value that is neither language was
    ignored in silence, leaving the clerk to wonder why the words stayed Vietnamese."""
    env = {**os.environ, "DANGVIEN_LANG": value, "DANGVIEN_DB": str(tmp_path / "none.db")}
    done = subprocess.run(
        [sys.executable, "-m", "dangvien_cli", "unit", "list"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    set_lang(lang)
    assert t("db.missing", where=tmp_path / "none.db") in done.stderr
    assert ("DANGVIEN_LANG='fr'" in done.stderr) is warned


@pytest.mark.parametrize("where", ["root", "group", "command"])
def test_lang_is_read_in_any_case_wherever_it_is_given(cli, tmp_path, where):
    argv = {
        "root": ["--lang", "EN", "unit", "show", "NOPE"],
        "group": ["unit", "--lang", "En", "show", "NOPE"],
        "command": ["unit", "show", "NOPE", "--lang", "EN"],
    }[where]
    result = cli("--db", tmp_path / "none.db", *argv)
    assert result.exit_code == 1, result.output
    assert "No database" in result.stderr or "no database" in result.stderr.lower(), result.stderr
    for fmt in ("JSON", "Csv"):  # and --format, as the choices of every other option are
        assert cli("--db", tmp_path / "none.db", "-f", fmt, "unit", "list").exit_code == 1
        assert cli("unit", "list", "--format", fmt, "--db", tmp_path / "x.db").exit_code == 1
    refused = cli("unit", "show", "NOPE", "--lang", "fr")
    assert refused.exit_code == 2 and "'fr'" in refused.output + refused.stderr
