"""The catalogue's files: every area loads, and the loader refuses what would silently pick
one of two sentences or break `t()`."""

import shutil

import pytest

from dangvien_cli import i18n, vocab
from dangvien_cli.i18n import has

pytestmark = pytest.mark.no_database


def test_every_area_file_is_loaded_and_nothing_else_is_there():
    folder = i18n.Path(i18n.__file__).with_name("catalogue")
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(i18n.AREAS)
    assert len(i18n.load_catalogue(folder)) == len(i18n.MESSAGES)


def test_one_text_serves_both_languages(tmp_path):
    folder = _copy(tmp_path)
    (folder / "examples.json").write_text('{"example.x": ["dangvien demo"]}', encoding="utf-8")
    assert i18n.load_catalogue(folder)["example.x"] == ("dangvien demo", "dangvien demo")


def test_a_key_in_two_areas_is_refused(tmp_path):
    folder = _copy(tmp_path)
    _add(folder, '"opt.db": ["một", "one"]')
    with pytest.raises(RuntimeError, match="opt.db"):
        i18n.load_catalogue(folder)


def test_a_key_twice_in_one_file_is_refused(tmp_path):
    folder = _copy(tmp_path)
    _add(folder, '"opt.db2": ["hai", "two"], "opt.db2": ["ba", "three"]')
    with pytest.raises(RuntimeError, match="opt.db2"):
        i18n.load_catalogue(folder)


@pytest.mark.parametrize("entry", ['"x.y": "chữ"', '"x.y": ["a", "b", "c"]', '"x.y": []'])
def test_an_entry_that_is_not_one_or_two_texts_is_refused(tmp_path, entry):
    folder = _copy(tmp_path)
    _add(folder, entry)
    with pytest.raises(RuntimeError, match="x.y"):
        i18n.load_catalogue(folder)


def _copy(tmp_path):
    folder = tmp_path / "catalogue"
    shutil.copytree(i18n.Path(i18n.__file__).with_name("catalogue"), folder)
    return folder


def _add(folder, entry):
    """One more entry at the top of units.json."""
    path = folder / "units.json"
    path.write_text(path.read_text(encoding="utf-8").replace("{", "{" + entry + ",", 1))


@pytest.mark.parametrize(
    "module", ["candidate_rows", "member_rows", "units", "quotas"], ids=lambda m: m
)
def test_every_import_field_is_named_in_words_in_vietnamese(module):
    """A refusal names the field it concerns ("Có ký tự điều khiển … trong {field}"): in
    Vietnamese a word, never the column key a script uses ("trong mentor")."""
    import importlib

    fields = importlib.import_module(f"dangvien_cli.services.imports.{module}").FIELDS
    for spec in fields:
        vi, en = i18n.MESSAGES[f"field.{spec.key}"]
        assert vi != spec.key and "_" not in vi, spec.key
        assert en == spec.key  # English names the column as scripts and files spell it


def test_a_refusal_names_the_field_in_the_clerks_words():
    i18n.set_lang("vi")
    assert i18n.t("text.control_char", char="U+0007", field="mentor").endswith(
        "trong người giúp đỡ."
    )
    i18n.set_lang("en")
    try:
        assert i18n.t("text.control_char", char="U+0007", field="mentor").startswith("mentor ")
    finally:
        i18n.set_lang("vi")


def test_one_thing_is_said_in_the_singular_in_english():
    i18n.set_lang("en")
    try:
        assert i18n.t("import.bad_rows", path="c.csv", count="1", first="…").startswith(
            "c.csv has 1 bad row;"
        )
        assert i18n.t("import.bad_rows", path="c.csv", count="2", first="…").startswith(
            "c.csv has 2 bad rows;"
        )
        assert i18n.t("db.check_found", count=1) == "1 problem found."
    finally:
        i18n.set_lang("vi")
    assert i18n.t("db.check_found", count=1) == "Phát hiện 1 vấn đề."


def test_a_singular_entry_says_what_its_plural_says():
    for key, (vi, en) in i18n.MESSAGES.items():
        if key.endswith(".one"):
            plural_vi, _ = i18n.MESSAGES[key.removesuffix(".one")]
            assert vi == plural_vi.replace("{count}", "1"), key  # Vietnamese has no plural
            assert "{count}" not in en, key


@pytest.mark.parametrize(
    "vocabulary,prefixes",
    [
        (vocab.Stage, ("stage",)),
        (vocab.Step, ("step",)),
        (vocab.Gender, ("gender",)),
        (vocab.Block, ("block",)),
        (vocab.UnitKind, ("unit_kind", "kind")),
        (vocab.Route, ("route",)),
        (vocab.Area, ("area",)),
        (vocab.ExitReason, ("exit_reason",)),
        (vocab.MemberStatus, ("member",)),
    ],
)
def test_every_code_a_table_or_a_choice_shows_has_words(vocabulary, prefixes):
    """A code without words was listed raw among the choices of --stage ("recognition-failed",
    a stage nobody is ever at) and would stop a table: render looks stage words up by key."""
    for prefix in prefixes:
        assert [m.value for m in vocabulary if not has(f"{prefix}.{m.value}")] == []
