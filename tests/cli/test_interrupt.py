"""Ctrl-C at a clerk's terminal: a table stopped mid-row ends its line, the notice stands
on a line of its own, the exit status is 130, and no traceback shows."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

import pytest


def read_some(fd: int, until: float) -> bytes:
    got = b""
    while time.monotonic() < until:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            if got:
                return got
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed its end
            return got
        if not chunk:
            return got
        got += chunk
    return got


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ctrl_c_in_a_long_table_ends_in_one_line_and_130(demo_db, lang):
    argv = [sys.executable, "-m", "dangvien_cli", "--lang", lang, "report", "pipeline"]
    argv += ["--period", "2021"]  # a thousand rows at 80 columns: more than a pty holds
    pid, fd = pty.fork()
    if pid == 0:  # the child: a clerk's terminal, 80 columns wide
        os.environ.update(COLUMNS="80", TERM="xterm")
        os.execv(sys.executable, argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 80, 0, 0))
    try:
        ready, _, _ = select.select([fd], [], [], 60)
        assert ready, "no output"
        time.sleep(0.5)  # nobody reads: the child fills the terminal's buffer and waits
        os.kill(pid, signal.SIGINT)
        shown = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            more = read_some(fd, deadline)
            if not more:
                break
            shown += more
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    text = shown.decode("utf-8", "replace").replace("\r", "")
    assert os.waitstatus_to_exitcode(status) == 130, text[-500:]
    assert "Traceback" not in text
    notice = {"vi": "Đã dừng; không có gì được ghi.", "en": "Interrupted; nothing was written."}
    lines = [line.strip() for line in text.splitlines()]
    assert notice[lang] in lines, text[-500:]


def at_a_terminal(argv: list[str], *keys: bytes) -> tuple[int, str]:
    """Run dangvien at an 80-column pty (CI unset: a clerk is there to answer) and type
    each of ``keys`` after the output stops, as a clerk answers a question."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.pop("CI", None)
        os.environ.update(COLUMNS="80", TERM="xterm")
        os.execv(sys.executable, [sys.executable, "-m", "dangvien_cli", *argv])
    shown = b""
    try:
        for key in keys:
            shown += read_some(fd, time.monotonic() + 30)
            os.write(fd, key)
        shown += read_some(fd, time.monotonic() + 30)
        status = None
        for _ in range(100):  # a question asked again would wait forever: 10 s, then stop it
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace").replace("\r", "")


def unit_to_remove(cli) -> list[str]:
    result = cli("unit", "add", "THU", "Chi bộ thử", "--kind", "chi-bo-co-so")
    assert result.exit_code == 0, result.output
    return ["unit", "remove", "THU"]


@pytest.mark.parametrize(
    ("answers", "removed"),
    [((b"c\xc3\xb3\r",), True), ((b"Kh\xc3\xb4ng\r",), False), ((b"x\r", b"co\r"), True)],
)
def test_a_question_takes_the_clerks_yes_and_no(cli, demo_db, answers, removed):
    """Click's confirm took y/yes/n/no only: "có" was answered "type y or n"."""
    code, text = at_a_terminal(unit_to_remove(cli), *answers)
    assert code == (0 if removed else 1), text
    assert "Traceback" not in text
    if len(answers) > 1:
        assert "hãy trả lời y (hoặc có) hay n (hoặc không)." in text
    assert (cli("unit", "show", "THU").exit_code == 0) is not removed


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("key", "code", "notice"), [(b"\x03", 130, "interrupted"), (b"\x04", 1, "declined")]
)
def test_ctrl_c_or_ctrl_d_at_a_question_is_said_in_the_clerks_language(
    cli, demo_db, lang, key, code, notice
):
    """Click reported both as "Aborted." in English, glued to the question's line."""
    from dangvien_cli.i18n import set_lang, t

    argv = [*unit_to_remove(cli), "--lang", lang]
    for asked in (argv, ["--lang", lang, "unit", "add", "MOI", "Chi bộ mới"]):  # --kind asked
        status, text = at_a_terminal(asked, key)
        set_lang(lang)
        expected = t("error.interrupted" if notice == "interrupted" else "confirm.declined")
        assert status == code, text
        assert expected in [line.strip() for line in text.splitlines()], text
        assert "Aborted" not in text and "Traceback" not in text
    assert cli("unit", "show", "THU").exit_code == 0 and cli("unit", "show", "MOI").exit_code == 1


def test_a_date_mistyped_at_a_question_is_asked_again(cli, demo_db):
    """A bad date typed when asked was refused only after every other question, exit 2."""
    argv = ["candidate", "add", "Lò Văn Hỏi", "--unit", "DALAN.CB1", "--sourced", "01/03/2025"]
    code, text = at_a_terminal(argv, b"32/01/1990\r", b"01/01/1990\r", b"nam\r")
    assert code == 0, text
    assert text.count("Ngày sinh:") == 2 and "Ngày không hợp lệ: '32/01/1990'" in text
    (added,) = [c for c in cli.json("candidate", "list") if c["full_name"] == "Lò Văn Hỏi"]
    assert added["birth_date"] == "1990-01-01"


def test_at_80_columns_questions_and_warnings_break_at_spaces(cli, demo_db):
    """A list of choices asked for, and a warning, ran past 80 columns on one line: the
    terminal cut them mid-word ("Đảng bộ b" / "ộ phận")."""
    from rich.cells import cell_len

    from dangvien_cli.i18n import set_lang, t

    set_lang("vi")
    asked = ["unit", "add", "MOI", "Chi bộ mới", "--parent", "DALAN"]
    code, text = at_a_terminal(asked, b"chi bo co so\r")
    assert code == 0, text
    add = ["candidate", "add", "Lò Văn Dài", "--unit", "DALAN.CB1", "--birth", "01/01/1990"]
    code, more = at_a_terminal([*add, "--gender", "nam", "--sourced", "01/03/2025"])
    assert code == 0, more
    for line in (text + more).splitlines():
        assert cell_len(line) <= 80, line
    joined = " ".join(line.strip() for line in more.splitlines())
    assert t("person.not_stated", field="--ethnicity") in joined
    assert "Đảng bộ bộ phận" in " ".join(line.strip() for line in text.splitlines())
