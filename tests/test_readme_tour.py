"""The README's tour runs as written, from the quick start, and prints what it shows.

Each ```console block of the "A tour" section is one command (``$ dangvien …``) and the
first lines of what it printed. The blocks run in order, through the installed ``dangvien``
command, against one database built by the quick start's ``dangvien demo --db demo.db``,
with the tour's own environment (``DANGVIEN_DB=demo.db``, a 100-column terminal). A block
ending in ``…`` shows only the first lines.

``python tests/test_readme_tour.py`` rewrites the outputs in README.md from a fresh run,
for when the tables change on purpose; the diff is then read before it is committed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
BLOCK = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<shown>.*?)```\n", re.S)
MORE = "…"

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]


def tour_section(text: str) -> tuple[int, int]:
    start = text.index("\n## A tour\n")
    end = text.index("\n## ", start + 1)
    return start, end


def tour_blocks(text: str) -> list[re.Match[str]]:
    start, end = tour_section(text)
    return list(BLOCK.finditer(text, start, end))


def dangvien() -> str:
    found = shutil.which("dangvien", path=str(Path(sys.executable).parent))
    assert found, "the dangvien command is not installed beside this Python"
    return found


def run_tour(workdir: Path) -> list[tuple[re.Match[str], list[str]]]:
    """Run the quick start's demo, then every block of the tour; their output lines."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DANGVIEN_", "FORCE_COLOR", "NO_COLOR", "TERM"))
    }
    # The tour's terminal: 100 columns, tables as a person sees them, no colour codes.
    env.update(DANGVIEN_DB="demo.db", COLUMNS="100", LINES="50", TTY_COMPATIBLE="1", NO_COLOR="1")
    exe = dangvien()
    subprocess.run(
        [exe, "demo", "--db", "demo.db"], cwd=workdir, env=env, capture_output=True, check=True
    )
    results = []
    for block in tour_blocks(README.read_text(encoding="utf-8")):
        argv = shlex.split(block["command"])
        assert argv[0] == "dangvien", block["command"]
        done = subprocess.run(
            [exe, *argv[1:]], cwd=workdir, env=env, capture_output=True, text=True
        )
        results.append((block, (done.stdout + done.stderr).splitlines()))
    return results


def test_the_tour_prints_what_the_readme_shows(tmp_path):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    results = run_tour(tmp_path)
    assert len(results) >= 8
    for block, lines in results:
        shown = block["shown"].splitlines()
        cut = bool(shown) and shown[-1] == MORE
        if cut:
            shown = shown[:-1]
        got = [line.rstrip() for line in lines]
        want = [line.rstrip() for line in shown]
        assert (got[: len(want)] if cut else got) == want, block["command"]


def rewrite_readme(workdir: Path, keep: int = 20) -> None:
    """Put a fresh run's output under each command (the first ``keep`` lines, then …)."""
    text = README.read_text(encoding="utf-8")
    out, last = [], 0
    for block, lines in run_tour(workdir):
        lines = [line.rstrip() for line in lines]
        shown = lines if len(lines) <= keep + 2 else [*lines[:keep], MORE]
        out.append(text[last : block.start()])
        out.append(f"```console\n$ {block['command']}\n" + "".join(f"{s}\n" for s in shown))
        out.append("```\n")
        last = block.end()
    out.append(text[last:])
    README.write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(REPO / "examples", Path(scratch) / "examples")
        rewrite_readme(Path(scratch))
