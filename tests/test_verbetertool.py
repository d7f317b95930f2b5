"""The improvement tool's data: 22 parts in 5 themes, theme 1 reusing the elements."""

from __future__ import annotations

from pathlib import Path

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue
from catalogue.problems import errors

from conftest import copy_project

CATALOGUE, PROBLEMS = load_catalogue(DATA_DIR)
TOOL = CATALOGUE.improvement_tool


def test_tool_data_validates_with_22_parts_in_5_themes():
    assert PROBLEMS == []
    assert [t.nummer for t in TOOL.themas] == [1, 2, 3, 4, 5]
    numbers = [item.nummer for item in TOOL.items()]
    assert len(numbers) == 22
    assert numbers[0] == "1.1" and numbers[-1] == "5.22"
    assert [i.soort for i in TOOL.items() if i.soort == "open"] == ["open", "open"]


def test_theme_one_is_the_seven_working_elements_with_their_texts():
    first = TOOL.themas[0].onderdelen
    elements = CATALOGUE.vocabularies["werkzame_elementen"]
    assert [i.element.id for i in first] == elements.ids()
    for item in first:
        assert item.tekst == item.element.extra["manier_van_ondersteunen"]
        assert [t.titel for t in item.tips] == [t["titel"] for t in item.element.extra["tips"]]


def test_every_scored_part_outside_theme_one_has_tips():
    for item in TOOL.items():
        if item.element is None and item.soort == "score" and not item.nummer.startswith("5."):
            assert item.tips, item.nummer


def break_tool(tmp_path: Path, old: str, new: str):
    project = copy_project(tmp_path / "project")
    path = project / "catalogue" / "verbetertool.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    catalogue, problems = load_catalogue(project / "catalogue", display_root=project)
    return catalogue, errors(problems)


def test_own_text_next_to_an_element_is_rejected(tmp_path):
    catalogue, problems = break_tool(
        tmp_path,
        "werkzaam_element: ontmoeten",
        "werkzaam_element: ontmoeten\n        tekst: Een tweede tekst voor dezelfde term",
    )
    [problem] = problems
    assert problem.file == "catalogue/verbetertool.yaml"
    assert problem.rule == "duplicate-text"
    assert problem.path.endswith(".tekst")
    assert catalogue.improvement_tool is None


def test_unknown_element_is_rejected_with_a_hint(tmp_path):
    _, problems = break_tool(
        tmp_path, "werkzaam_element: ontmoeten", "werkzaam_element: ontmoetingen"
    )
    [problem] = problems
    assert "bedoelde je 'ontmoeten'?" in str(problem)
    assert problem.line > 5


def test_built_page_lists_every_part_and_its_tips_without_javascript(built_site: Path):
    html = (built_site / "verbetertool" / "index.html").read_text(encoding="utf-8")
    for item in TOOL.items():
        assert f'data-item="{item.nummer}"' in html
        for tip in item.tips:
            assert f"<dt>{tip.titel}</dt>" in html
    radios = html.count('type="radio" id="i-')  # the palette toggle has radios too
    assert radios == 11 * sum(1 for i in TOOL.items() if i.soort == "score")
    assert html.count("Mijn verbeterplan bij thema") == 5
