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
