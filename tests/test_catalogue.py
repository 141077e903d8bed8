"""The catalogue's files: every area loads, and the loader refuses what would silently pick
one of two sentences or break `t()`."""

import shutil

import pytest

from dangvien_cli import i18n

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
