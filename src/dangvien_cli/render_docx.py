"""The committee's report as a Word file, laid out as Hướng dẫn 36-HD/VPTW (2018) lays out a
Party document: A4, Times New Roman, the issuing committee top left and the Party's name
top right, number and place/date line under them, the title centred, the body justified,
then the recipients bottom left and the signature bottom right.

python-docx and matplotlib are the optional ``[document]`` extra (the core install stays
light); this module imports them only when a file is written. With ``--template`` the
office's own .docx gives the styles, margins and page size, so a clerk can restyle the
report in Word once and keep it; without one the layout of 36-HD/VPTW is set here.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import DangvienError, os_reason
from dangvien_cli.i18n import fmt_int, fmt_percent, t

if TYPE_CHECKING:
    from dangvien_cli.services.reports.document import Bar, Report

FONT = "Times New Roman"


def require_extra() -> None:
    """Refuse in one line, before any work, when python-docx is not installed."""
    try:
        import docx  # noqa: F401
    except ImportError:
        raise DangvienError("doc.need_extra") from None


def write_document(report: Report, path: Path, *, template: Path | None = None) -> None:
    """Write the report to ``path`` (the caller's temporary file: see private_output)."""
    import docx

    if template is not None:
        document = open_template(template)
        _clear_body(document)
    else:
        document = docx.Document()
        _page_and_fonts(document)
    _header(document, report)
    _title(document, report)
    for i, section in enumerate(report.sections):
        if i == report.chart_after:
            _chart(document, report)
        _paragraph(document, section.heading, bold=True, indent=False, keep_with_next=True)
        for text in section.paragraphs:
            _paragraph(document, text)
    _closing(document, report)
    document.save(str(path))


def open_template(template: Path) -> Any:
    """The office's .docx, or a refusal in the clerk's words (python-docx's own are English
    and name its internals: "Package not found", "[Content_Types].xml")."""
    import docx

    if template.is_dir():
        reason = t("os.EISDIR")
    elif not template.is_file():
        reason = t("os.ENOENT")
    else:
        try:
            return docx.Document(str(template))
        except OSError as exc:
            reason = os_reason(exc)
        except Exception:  # noqa: BLE001 - python-docx raises several kinds for a file that is not a Word document
            reason = t("doc.not_docx")
    raise DangvienError("doc.bad_template", path=template, reason=reason)


def _clear_body(document: Any) -> None:
    """Keep the template's styles, headers and page setup; drop its sample text."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _page_and_fonts(document: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    # East-Asian and complex-script slots too, or Word falls back to another font for them.
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_after, fmt.line_spacing = Pt(6), 1.15


def _run(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = 0,
    underline: bool = False,
) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
    if size:
        run.font.size = Pt(size)
    return run


def _centred(cell_or_doc: Any, text: str, **style: Any) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, text, **style)
    return paragraph


def _two_columns(document: Any, widths: tuple[int, int]) -> tuple[Any, Any]:
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    cells = table.rows[0].cells
    for column, cell, width in zip(table.columns, cells, widths, strict=True):
        column.width = cell.width = Mm(width)  # Word reads the cells, LibreOffice the grid
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return cells[0], cells[1]


def _header(document: Any, report: Report) -> None:
    left, right = _two_columns(document, (80, 85))
    _centred(left, report.committee, size=12)
    _centred(left, report.issuer, bold=True, size=14)
    _centred(left, "*", size=14)
    _centred(left, report.number, size=14)
    # 15 pt as 36-HD/VPTW sets it; the longer English name would wrap at that size.
    party_size = 15 if len(report.party) <= len("ĐẢNG CỘNG SẢN VIỆT NAM") else 13
    _centred(right, report.party, bold=True, underline=True, size=party_size)
    _centred(right, "")
    _centred(right, report.place_date, italic=True, size=14)


def _title(document: Any, report: Report) -> None:
    from docx.shared import Pt

    _centred(document, "")
    _centred(document, report.title, bold=True, size=16)
    subtitle = report.subtitle[:1].upper() + report.subtitle[1:]
    _centred(document, subtitle, bold=True, size=14)
    _centred(document, "-----", size=14).paragraph_format.space_after = Pt(12)


def _paragraph(
    document: Any,
    text: str,
    *,
    bold: bool = False,
    indent: bool = True,
    keep_with_next: bool = False,
) -> None:
    from docx.shared import Cm, Pt

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Cm(1.27) if indent else Pt(0)
    paragraph.paragraph_format.keep_with_next = keep_with_next or None
    _run(paragraph, text, bold=bold)


def _chart(document: Any, report: Report) -> None:
    from docx.shared import Mm

    _paragraph(document, report.chart_title, bold=True, indent=False, keep_with_next=True)
    if not report.chart:
        _paragraph(document, t("doc.chart_none"))
        return
    picture = _chart_png(report.chart)
    if picture is not None:
        document.add_picture(picture, width=Mm(160))
    # The exact figures under the picture: a chart is read by eye, a table is checked.
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid" if "Table Grid" in [s.name for s in document.styles] else None
    first = "col.block" if report.chart_by == "block" else "col.unit"
    heads = (first, "col.target", "col.admitted", "col.percent")
    for cell, key in zip(table.rows[0].cells, heads, strict=True):
        _run(cell.paragraphs[0], t(key), bold=True, size=12)
    for bar in report.chart:
        cells = table.add_row().cells
        values = (bar.label, fmt_int(bar.target), fmt_int(bar.admitted), fmt_percent(bar.percent))
        for cell, value in zip(cells, values, strict=True):
            _run(cell.paragraphs[0], value, size=12)
    document.add_paragraph()


def _chart_png(bars: list[Bar]) -> io.BytesIO | None:
    """A horizontal bar per block: the share of its quota achieved, with a line at 100%.
    None when matplotlib is not installed: the table of figures then stands alone."""
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display on a clerk's server or in CI
        from matplotlib import pyplot as plt
    except ImportError:
        return None
    labels = [b.label for b in bars][::-1]
    values = [b.percent or 0 for b in bars][::-1]
    height = 0.6 + 0.45 * len(bars)
    fig, ax = plt.subplots(figsize=(7.5, max(2.2, height)), dpi=200)
    try:
        colours = ["#2e7d32" if v >= 100 else "#c62828" for v in values]
        ax.barh(labels, values, color=colours, height=0.6)
        ax.axvline(100, color="#333333", linewidth=1, linestyle="--")
        for y, bar in enumerate(bars[::-1]):
            text = f"{fmt_int(bar.admitted)}/{fmt_int(bar.target)} ({fmt_percent(bar.percent)})"
            ax.text((bar.percent or 0) + 1, y, text, va="center", fontsize=8)
        ax.set_xlim(0, max([100.0, *values]) * 1.3)
        ax.set_xlabel(f"{t('col.percent')} (%)")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
    finally:
        plt.close(fig)
    out.seek(0)
    return out


def _closing(document: Any, report: Report) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    _centred(document, "")
    left, right = _two_columns(document, (80, 85))
    label = left.add_paragraph()
    label.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(label, report.recipients_label, bold=True, italic=True, size=12)
    for line in report.recipients:
        paragraph = left.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, line, size=11)
    for i, line in enumerate(report.signer):
        _centred(right, line, bold=i in (0, len(report.signer) - 1), italic=i == 1, size=14)
