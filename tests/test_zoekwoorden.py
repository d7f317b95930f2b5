"""zoekwoorden.yaml: checked like the other data files, errors with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue
from catalogue.problems import errors

FILE = "catalogue/zoekwoorden.yaml"


def broken(tmp_path: Path, old: str, new: str):
    """Load a copy of the catalogue whose zoekwoorden.yaml has `old` replaced by `new`."""
    root = tmp_path / "catalogue"
    shutil.copytree(DATA_DIR, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    path = root / "zoekwoorden.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return load_catalogue(root, display_root=tmp_path), line


def test_the_real_file_loads():
    catalogue, problems = load_catalogue(DATA_DIR)
    assert not errors(problems)
    words = catalogue.search_words
    assert ("buurt", "wijk") in words.synoniemen and "huis" in words.woorddelen


@pytest.mark.parametrize(
    ("old", "new", "path", "expected", "found"),
    [
        ("[buurt, wijk]", "[Buurt, wijk]", "synoniemen[0].woorden[0]", "kleine letters", "'Buurt'"),
        ("[buurt, wijk]", "[buurt]", "synoniemen[0].woorden", "minstens 2", "1"),
        ("  - huis\n", "  - hui\n", "woorddelen[7]", "minstens 4", "3 tekens"),
        ("  - huis\n", "  - huis bezoek\n", "woorddelen[7]", "zonder spaties", "'huis bezoek'"),
        (
            "[rouw, verlies, nabestaande]",
            "[rouw, verlies, wijk]",
            "synoniemen[4].woorden[2]",
            "elk woord in één groep",
            "'wijk'",
        ),
    ],
)
def test_a_bad_value_names_file_line_field_expected_and_found(
    tmp_path, old, new, path, expected, found
):
    (catalogue, problems), line = broken(tmp_path, old, new)
    [problem] = errors(problems)
    assert (problem.file, problem.line, problem.path) == (FILE, line, path)
    assert expected in problem.expected and found in problem.found
    # Without a usable file the search still works, on the entries' own words.
    assert catalogue.search_words.synoniemen == ()


def test_an_unknown_key_is_refused(tmp_path):
    (catalogue, problems), line = broken(tmp_path, "woorddelen:\n", "woordendelen:\n")
    assert {p.file for p in errors(problems)} == {FILE}
    assert any(p.line == line and "woordendelen" in p.found for p in errors(problems))
