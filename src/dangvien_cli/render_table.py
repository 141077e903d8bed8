"""Tables for people, printed as they stream: the part of ``render`` that lays out rows.

A Rich ``Table`` measures every cell before it prints the first line, so 60,000 units took
22 s and a quarter of a gigabyte. Here the column widths come from the header and a bounded
sample of the first rows (``SAMPLE_ROWS``), then rows are wrapped into those widths and
written in chunks as they arrive: time and memory grow with the rows only as fast as the
rows themselves. Rich still measures text (``rich.cells.cell_len``: wide and combining
characters) and renders the few styles.

How a table fits the terminal (docs/output.md says the same to users):

1. every column gets its natural width (header on one line, widest sampled cell, at most
   ``max_width``);
2. when that is too wide, text columns wrap at spaces: the ``flex`` column (a name) gives
   way first, then the widest, while they stay readable (24 cells for a name, 16 for other
   text); columns with a ``drop`` rank are left out, lowest rank first, before text gets
   narrower than that;
3. when even that does not fit, the headers of numbers and dates wrap at spaces, then
   text wraps down to its longest word (header words included: a word, a code or a number
   is never split), and then columns are left out from the right; the first column always
   stays;
4. a single word wider than the whole terminal is the only text ever folded.

When standard output is not a terminal, the same cells are written one row a line,
separated by tabs, with the header line first and no title, rule, colour or wrapping (as
``gh`` does), so that ``grep``, ``cut`` and ``sort`` see whole rows.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import IO, TYPE_CHECKING, Any

from rich.cells import cell_len

if TYPE_CHECKING:
    from dangvien_cli.render import Column

# Rows read before the widths are fixed: enough to see the long names of a real list, few
# enough that the first line prints at once.
SAMPLE_ROWS = 500
# Rows formatted before each write.
CHUNK_ROWS = 1000
GAP = "  "
# Narrowest a wrapping column gets before the optional columns are left out instead: the
# flex column (a name), any other text.
FLEX_FLOOR = 24
TEXT_FLOOR = 16
RULE = "─"

STATUS_STYLE = {
    "vuot": "bold green",
    "dat": "green",
    "dung-tien-do": "cyan",
    "cham": "bold red",
    "chua-giao": "dim",
}
NUMERIC = frozenset({"int", "id", "percent", "number"})  # right-aligned
# Kinds whose cells are one short token: they never wrap.
FIXED = frozenset({"int", "id", "percent", "number", "date", "bar", "status", "code"})


# Latin letters, Vietnamese ones included (precomposed, NFC): one cell each, so the length
# is the width without asking Rich character by character.
_ONE_CELL_EACH = re.compile("[\x20-\x7e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027]*")


def one_cell_each(text: str) -> bool:
    """Whether every character of ``text`` takes one cell, so that its length is its width."""
    return text.isascii() or _ONE_CELL_EACH.fullmatch(text) is not None


def width_of(text: str) -> int:
    """Terminal cells ``text`` takes (a Vietnamese letter one, a CJK character two)."""
    return len(text) if one_cell_each(text) else cell_len(text)


def output_is_terminal(out: IO[str]) -> bool:
    """A person reading, or a pipe. ``TTY_COMPATIBLE=1``/``0`` (Rich's own variable) says
    so explicitly, e.g. for a pager that shows boxes and colour."""
    forced = os.environ.get("TTY_COMPATIBLE")
    if forced in ("0", "1"):
        return forced == "1"
    isatty = getattr(out, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def terminal_width(out: IO[str] | None = None) -> int:
    """Columns to fill: ``COLUMNS`` when set, else the terminal's, else 80."""
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def use_colour() -> bool:
    return "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces; a word longer than
    the width (the only case) is folded."""
    return [line for line, _ in wrap_sized(text, width)]


def wrap_sized(text: str, width: int) -> list[tuple[str, int]]:
    """``wrap`` with the cells each line takes, counted while the lines are made."""
    if "\n" not in text:
        size = width_of(text)
        if size <= width:
            return [(text, size)]
    # Text of one-cell letters (Latin, Vietnamese) is measured by its length, word by word.
    measure = len if one_cell_each(text) else width_of
    lines: list[tuple[str, int]] = []
    for paragraph in text.split("\n"):
        # A tree's indentation stays on every line of a wrapped label.
        indent = paragraph[: len(paragraph) - len(paragraph.lstrip(" "))]
        if len(indent) >= width:
            indent = ""
        line, used = indent, len(indent)
        for word in paragraph.split():
            size = measure(word)
            if line.strip() and used + 1 + size <= width:
                line, used = f"{line} {word}", used + 1 + size
                continue
            if line.strip():
                lines.append((line, used))
            elif line and used + size <= width:  # the first word after the indentation
                line, used = line + word, used + size
                continue
            room = width - len(indent)
            while size > room:
                head, word = _fold(word, room)
                lines.append((indent + head, len(indent) + measure(head)))
                size = measure(word)
            line, used = indent + word, len(indent) + size
        lines.append((line, used))
    return lines


def _fold(word: str, width: int) -> tuple[str, str]:
    used = 0
    for i, char in enumerate(word):
        used += width_of(char)
        if used > width:
            return word[: max(i, 1)], word[max(i, 1) :]
    return word, ""


def longest_word(text: str) -> int:
    return max((width_of(w) for w in text.split()), default=0)


@dataclass
class Layout:
    columns: list[Column]
    widths: list[int]

    @property
    def total(self) -> int:
        return sum(self.widths) + len(GAP) * (len(self.widths) - 1)


def fit(
    columns: Sequence[Column], headers: Sequence[str], sample: Sequence[Sequence[str]], width: int
) -> Layout:
    """The widths that fit ``width`` cells (steps 1–4 of the module docstring)."""
    natural, comfortable, fixed_least, least = [], [], [], []
    for i, col in enumerate(columns):
        cells = [row[i] for row in sample]
        widest = max((max(map(width_of, c.split("\n"))) for c in cells if c), default=0)
        fixed = col.kind in FIXED or not col.wrap
        header_word = longest_word(headers[i])
        # A token column keeps its cells whole; a text column keeps its words whole.
        words = widest if fixed else max((longest_word(c) for c in cells), default=0)
        size = max(widest, width_of(headers[i]))
        if col.max_width:
            size = min(size, max(col.max_width, words, header_word))
        size = max(size, col.min_width or 0)
        natural.append(size)
        least.append(max(words, header_word, col.min_width or 0))
        # Readable: a token column's header on one line, a name a few words on a line,
        # other text a couple.
        floor = size if fixed else min(size, FLEX_FLOOR if col.flex else TEXT_FLOOR)
        comfortable.append(max(least[-1], floor))
        fixed_least.append(least[-1] if fixed else comfortable[-1])
    flex = [col.flex for col in columns]
    every = list(range(len(columns)))
    ranked = sorted((i for i in every if columns[i].drop is not None), key=_rank(columns))
    # First the optional columns give way to readable text, lowest rank first ...
    keep = list(every)
    for dropped in [None, *ranked]:
        if dropped is not None:
            keep.remove(dropped)
        widths = _shrink(keep, natural, [comfortable], flex, width)
        if widths is not None:
            return Layout([columns[i] for i in keep], widths)
    # ... then the headers of numbers and dates wrap, then text down to its longest word,
    # and columns are left out from the right.
    while True:
        widths = _shrink(keep, natural, [comfortable, fixed_least, least], flex, width)
        if widths is not None:
            return Layout([columns[i] for i in keep], widths)
        if len(keep) == 1:  # one column, one word wider than the terminal: fold it
            return Layout([columns[keep[0]]], [width])
        keep.remove(keep[-1])


def _spare_to_the_name(layout: Layout, width: int) -> None:
    """More rows than the sample may follow, with longer names than it saw: the terminal's
    spare width goes to the flex column, so that fewer of them wrap onto a second line."""
    spare = width - layout.total
    name = next((j for j, col in enumerate(layout.columns) if col.flex), None)
    if name is None or spare <= 0:
        return
    grown, cap = layout.widths[name] + spare, layout.columns[name].max_width
    layout.widths[name] = min(grown, max(cap, layout.widths[name])) if cap else grown


def _rank(columns: Sequence[Column]) -> Callable[[int], int]:
    return lambda i: columns[i].drop or 0


def _shrink(
    keep: list[int], natural: list[int], floors: list[list[int]], flex: list[bool], width: int
) -> list[int] | None:
    """Widths for the columns ``keep``: the widest gives way first, down to each of the
    ``floors`` in turn (the flex column to the first at once); None if the last is too wide."""
    room = width - len(GAP) * (len(keep) - 1)
    if sum(floors[-1][i] for i in keep) > room:
        return None
    widths = [natural[i] for i in keep]
    excess = sum(widths) - room
    for j, i in enumerate(keep):
        if flex[i] and excess > 0:
            give = min(excess, max(0, widths[j] - floors[0][i]))
            widths[j] -= give
            excess -= give
    for floor in floors:
        minimum = [floor[i] for i in keep]
        while excess > 0:
            can = [j for j in range(len(widths)) if widths[j] > minimum[j]]
            if not can:
                break
            j = max(can, key=widths.__getitem__)
            widths[j] -= 1
            excess -= 1
    return widths


Cells = Callable[[Mapping[str, Any]], list[str]]


def print_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[Column],
    cells: Cells,
    *,
    headers: Sequence[str],
    title: str | None,
    footer: list[str] | None,
    styles: Callable[[Mapping[str, Any]], str] | None = None,
    out: IO[str],
    show_header: bool = True,
    section: bool = False,
) -> None:
    """Rows as a table on a terminal, as tab-separated lines elsewhere (module docstring).
    ``cells(row)`` gives the texts of every column of ``columns``; ``styles(row)`` the Rich
    style of a row's status cell."""
    it = iter(rows)
    if not output_is_terminal(out):
        if section and title:
            out.write(f"\n{title}\n")
        _print_plain(it, cells, headers if show_header else None, footer, out)
        return
    sample_rows = list(islice(it, SAMPLE_ROWS))
    sample = [cells(r) for r in sample_rows]
    width = terminal_width(out)
    layout = fit(columns, headers, [*sample, *([footer] if footer else [])], width)
    if len(sample_rows) == SAMPLE_ROWS:
        _spare_to_the_name(layout, width)
    shown = [columns.index(c) for c in layout.columns]
    right = [c.kind in NUMERIC for c in layout.columns]
    paint = _painter() if use_colour() else None
    status_at = [j for j, c in enumerate(layout.columns) if c.kind in ("status", "bar")]

    def lines_of(texts: Sequence[str], style: str = "") -> list[str]:
        return _row_lines([texts[i] for i in shown], layout.widths, right, style, status_at, paint)

    head: list[str] = []
    if title:
        head += [line.center(layout.total).rstrip() for line in wrap(title, layout.total)]
    if show_header:
        head += lines_of(headers, "bold" if paint else "")
        head.append(RULE * layout.total)
    out.write("\n".join(head) + "\n" if head else "")
    buffered: list[str] = []
    for row, texts in chain(zip(sample_rows, sample, strict=True), ((r, cells(r)) for r in it)):
        buffered += lines_of(texts, styles(row) if styles and paint else "")
        if len(buffered) >= CHUNK_ROWS:
            out.write("\n".join(buffered) + "\n")
            buffered = []
    if footer:
        buffered += [RULE * layout.total, *lines_of(footer)]
    if buffered:
        out.write("\n".join(buffered) + "\n")


def _row_lines(
    texts: Sequence[str],
    widths: Sequence[int],
    right: Sequence[bool],
    style: str,
    styled: Sequence[int],
    paint: Callable[[str, str], str] | None,
) -> list[str]:
    sizes = [width_of(t) for t in texts]
    # A row with nothing to paint (no style: most rows of most tables) takes the short way.
    if (paint is None or not style) and all(s <= w for s, w in zip(sizes, widths, strict=True)):
        if not any("\n" in t for t in texts):  # the common row: one line, no colour
            return [
                GAP.join(
                    " " * (w - s) + t if r else t + " " * (w - s)
                    for t, s, w, r in zip(texts, sizes, widths, right, strict=True)
                ).rstrip()
            ]
    # Each cell as its lines with their widths: a cell that fits is its one line, measured
    # above; only the others (a long name, most often) are wrapped and measured again.
    wrapped = [
        [(t, s)] if s <= w and "\n" not in t else wrap_sized(t, w)
        for t, s, w in zip(texts, sizes, widths, strict=True)
    ]
    height = max(map(len, wrapped))
    lines = []
    for n in range(height):
        parts = []
        for j, cell in enumerate(wrapped):
            text, size = cell[n] if n < len(cell) else ("", 0)
            pad = " " * (widths[j] - size)
            text = pad + text if right[j] else text + pad
            if paint and style and (j in styled or style == "bold"):
                text = paint(text, style)
            parts.append(text)
        lines.append(GAP.join(parts).rstrip())
    return lines


def _painter() -> Callable[[str, str], str]:
    from rich.color import ColorSystem
    from rich.style import Style

    def paint(text: str, style: str) -> str:
        return Style.parse(style).render(text, color_system=ColorSystem.STANDARD)

    return paint


def _print_plain(
    rows: Iterator[Mapping[str, Any]],
    cells: Cells,
    headers: Sequence[str] | None,
    footer: list[str] | None,
    out: IO[str],
) -> None:
    def line(texts: Iterable[str]) -> str:
        return "\t".join(" ".join(t.split()) if "\t" in t or "\n" in t else t for t in texts)

    buffered = [line(headers)] if headers else []
    for row in rows:
        buffered.append(line(cells(row)))
        if len(buffered) >= CHUNK_ROWS:
            out.write("\n".join(buffered) + "\n")
            buffered = []
    if footer:
        buffered.append(line(footer))
    if buffered:
        out.write("\n".join(buffered) + "\n")


def status_style(row: Mapping[str, Any]) -> str:
    status = row.get("status")
    return STATUS_STYLE.get(status, "") if isinstance(status, str) else ""


def stdout_width() -> int:
    """The width a report chooses its columns for: a pipe gets every column."""
    return terminal_width() if output_is_terminal(sys.stdout) else 10_000
