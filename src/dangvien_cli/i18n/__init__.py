"""The one message catalogue: every user-facing text, in Vietnamese and English.

The sentences live in ``catalogue/``, one JSON file per area so that each stays readable;
they form one dictionary, and ``t`` is the only way any other module reads it.

The language is chosen once per process (``--lang`` or ``DANGVIEN_LANG``) before the
command tree is built, because Typer reads help texts when commands are declared.
Numbers and dates are formatted here too, so tables and messages agree.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

LANGS = ("vi", "en")
_lang = "vi"


def set_lang(lang: str | None) -> str:
    global _lang
    _lang = lang if lang in LANGS else "vi"
    return _lang


def get_lang() -> str:
    return _lang


def lang_from_argv(argv: list[str]) -> str:
    """The language asked for on the command line, else by DANGVIEN_LANG, else Vietnamese."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1].strip().lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1].strip().lower()
    return os.environ.get("DANGVIEN_LANG", "vi").strip().lower()  # "EN" in a profile is English


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language, with ``params`` filled in."""
    # A sentence about one thing may have its own entry, KEY.one: English says "1 bad row",
    # not "1 bad rows" (Vietnamese nouns do not change; its .one text is the same sentence).
    if params.get("count") in (1, "1") and f"{key}.one" in MESSAGES:
        key = f"{key}.one"
    vi, en = MESSAGES[key]
    text = en if _lang == "en" else vi
    if "field" in params and f"field.{params['field']}" in MESSAGES:
        params["field"] = t(f"field.{params['field']}")
    return text.format(**params) if params else text


def template(key: str, lang: str) -> str:
    """The unfilled text of ``key`` in ``lang``: for a sentence whose owner fills it in a
    language of its choosing (a rule breach, services.rule_engine.Violation)."""
    return MESSAGES[key][LANGS.index(lang)]


def fmt_int(n: int | None) -> str:
    if n is None:
        return "—"
    s = f"{n:,}"
    return s.replace(",", ".") if _lang == "vi" else s


def fmt_percent(p: float | None) -> str:
    if p is None:
        return "—"
    s = f"{p:,.1f}".rstrip("0").rstrip(".")
    if _lang == "vi":
        s = s.replace(",", "X").replace(".", ",").replace("X", ".")
    return s + "%"


def fmt_date(d: date | None) -> str:
    if d is None:
        return ""
    return d.strftime("%d/%m/%Y")


def has(key: str) -> bool:
    return key in MESSAGES


def both_languages(key: str) -> tuple[str, ...]:
    """Both texts of ``key`` (what a clerk may type in either language), or none."""
    return MESSAGES.get(key, ())


def t_or(key: str, default: str) -> str:
    """The text for ``key`` if the catalogue has one, else ``default`` (a code with no label)."""
    return t(key) if key in MESSAGES else default


def code_label(vocabulary: str, code: object) -> str:
    """A code's words in the user's language; a code no catalogue knows, as it is."""
    return t_or(f"{vocabulary}.{code}", str(code))


# The catalogue's areas, one JSON file each in catalogue/ (data a translator can edit without
# reading Python; catalogue/README.md): "key": ["Vietnamese", "English"], or ["text"] where
# both say the same.
AREAS = (
    "options",
    "help",
    "examples",
    "labels",
    "document",
    "database",
    "errors",
    "units",
    "pipeline",
    "rules",
)


def load_catalogue(folder: Path) -> dict[str, tuple[str, str]]:
    """The areas' files in ``folder`` as one dictionary. A key defined twice (in one area or
    two) is a mistake that would silently pick one sentence, so it fails loudly; so does an
    entry that is not one or two strings."""
    import json

    def no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
        # json.loads alone keeps the last of two equal keys in one file, silently.
        entries = dict(pairs)
        if len(entries) != len(pairs):
            keys = [key for key, _ in pairs]
            again = sorted({key for key in keys if keys.count(key) > 1})
            raise RuntimeError(f"message keys defined twice: {again}")
        return entries

    merged: dict[str, tuple[str, str]] = {}
    for area in AREAS:
        text = (folder / f"{area}.json").read_text(encoding="utf-8")
        entries = json.loads(text, object_pairs_hook=no_repeats)
        twice = merged.keys() & entries.keys()
        if twice:
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        for key, texts in entries.items():
            if not (isinstance(texts, list) and 1 <= len(texts) <= 2):
                raise RuntimeError(f"catalogue/{area}.json: {key} is not [vi, en] or [text]")
            merged[key] = (texts[0], texts[-1])
    return merged


MESSAGES: dict[str, tuple[str, str]] = load_catalogue(Path(__file__).with_name("catalogue"))
