"""The keuzehulp: its rule file, the rankings it gives, and Python and the browser agreeing."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date

import pytest

from catalogue import DATA_DIR
from catalogue.keuzehulp import guide_data, rank
from catalogue.loader import load_catalogue

from conftest import REPO

CATALOGUE, _ = load_catalogue(DATA_DIR)
DATA = guide_data(CATALOGUE, CATALOGUE.guide, date(2026, 12, 1))
RANGORDE = REPO / "docs/assets/javascripts/keuzehulp-rangorde.js"
HARNESS = REPO / "tests/js/keuzehulp_harness.js"

PROFILES = {
    "young, online": {"voor": "jongeren-15-24", "werkvorm": "online"},
    "75+, emotional, severe, individual": {
        "voor": "75-plussers",
        "vorm": "emotioneel",
        "ernst": "ernstig",
        "werkvorm": "individueel",
    },
    "grief": {"voor": "rouw-en-verlies"},
    "existential": {"vorm": "existentieel"},
    "carer": {"voor": "mantelzorgers"},
    "older migrant who wants skills": {"voor": "ouderen-met-migratieachtergrond", "wens": ["vaardigheden"]},
    "75+, lightly lonely, group": {"voor": "75-plussers", "ernst": "licht", "werkvorm": "groep"},
    "homeless, online": {"voor": "dak-en-thuislozen", "werkvorm": "online"},
    "wants someone who checks in": {"wens": ["iemand-die-belt"], "werkvorm": "individueel"},
    "only neutral answers": {"voor": "iemand-anders", "vorm": "weet-niet", "werkvorm": "maakt-niet-uit"},
}


def slugs(profile: str) -> list[str]:
    return [m["slug"] for m in rank(DATA, PROFILES[profile])["matches"]]


def entry(slug: str):
    return CATALOGUE.by_slug(slug)


def test_young_and_online_puts_join_us_online_first():
    first = slugs("young, online")[0]
    assert first == "join-us-online"


def test_severe_emotional_loneliness_of_a_75_plusser_puts_individual_support_first():
    result = rank(DATA, PROFILES["75+, emotional, severe, individual"])
    top = result["matches"][0]
    assert top["slug"] == "het-betekenisvol-gesprek"
    texts = [r["tekst"] for r in top["redenen"]]
    assert "Bedoeld voor: 75-plussers" in texts and "Werkvorm: Individueel" in texts
    emotional = next(r for r in top["redenen"] if r["bron"] == "verbetertool")
    assert emotional["element"] == "betekenisvol-contact"
    # No intervention fits 75+, emotional and individual at once: say which to let go.
    assert result["loslaten"]["vraag"] == "vorm" and result["loslaten"]["aantal"] > 0
    # Group meetings aimed at meeting others carry the caution for severe loneliness.
    cautioned = [m for m in result["matches"] if m["let_op"]]
    assert cautioned
    for match in cautioned:
        carried = entry(match["slug"])
        assert "ontmoeten" in {t.id for t in carried.werkzame_elementen}
        assert "groep" in {t.id for t in carried.werkvorm.vormen}


def test_grief_gives_advice_first_and_finds_the_grief_offer():
    result = rank(DATA, PROFILES["grief"])
    assert [a["bron"] for a in result["advies"]] == ["verbetertool"]
    assert "rouw" in result["advies"][0]["tekst"]
    found = slugs("grief")
    assert found and all(
        "rouw-en-verlies" in {t.id for t in entry(s).risicogroepen} for s in found if s in found[:3]
    )


def test_existential_loneliness_puts_one_to_one_meaning_first():
    assert slugs("existential")[0] == "het-betekenisvol-gesprek"


def test_carers_find_what_is_for_carers():
    found = slugs("carer")
    carers = [e.slug for e in CATALOGUE.interventions if "mantelzorgers" in {t.id for t in e.risicogroepen}]
    assert set(found[: len(carers)]) == set(carers)


def test_a_wish_counts_for_its_working_element():
    found = slugs("older migrant who wants skills")
    assert {"sociaal-vitaal", "gouden-mannen"} <= set(found[:3])
    assert all("ouderen-met-migratieachtergrond" in {t.id for t in entry(s).risicogroepen} for s in found[:3])


def test_light_loneliness_favours_meeting_others():
    top = rank(DATA, PROFILES["75+, lightly lonely, group"])["matches"][0]
    assert any(r.get("element") == "ontmoeten" and r["bron"] == "amsterdam-2018" for r in top["redenen"])


def test_ties_go_to_the_stronger_evidence_then_the_name():
    result = rank(DATA, PROFILES["75+, lightly lonely, group"])["matches"]
    ranks = {e["slug"]: (e["rang"], e["naam"].casefold()) for e in DATA["interventies"]}
    for a, b in zip(result, result[1:]):
        assert (-a["score"], *ranks[a["slug"]]) <= (-b["score"], *ranks[b["slug"]])


def test_neutral_and_unknown_answers_count_for_nothing():
    assert rank(DATA, PROFILES["only neutral answers"])["matches"] == []
    hostile = {"voor": "__proto__", "constructor": "x", "wens": ["toString", "rol"], "ernst": 7}
    assert rank(DATA, hostile)["antwoorden"] == {"wens": ["rol"]}


def test_python_and_the_browser_rank_alike():
    node = shutil.which("node")
    assert node, "Node.js runs the parity test"
    profiles = list(PROFILES.values()) + [{"voor": "__proto__", "wens": ["constructor"]}]
    result = subprocess.run(
        [node, str(HARNESS), str(RANGORDE)],
        input=json.dumps({"data": DATA, "profiles": profiles}),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    browser = json.loads(result.stdout)
    for answers, js in zip(profiles, browser, strict=True):
        python = rank(DATA, answers)
        assert js["matches"] == python["matches"], answers
        assert js["advies"] == python["advies"] and js["loslaten"] == python["loslaten"]
        assert js["antwoorden"] == python["antwoorden"]


# -- the rule file is checked like the vocabularies --------------------------------


@pytest.fixture
def guide_copy(copy):
    shutil.copy(DATA_DIR / "keuzehulp.yaml", copy.root / "keuzehulp.yaml")
    shutil.copy(DATA_DIR / "keuzehulp.schema.json", copy.root / "keuzehulp.schema.json")
    return copy


def broken(copy, old: str, new: str):
    path = copy.root / "keuzehulp.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    catalogue, problems = copy.load()
    found = [p for p in problems if p.severity == "fout"]
    line = text.replace(old, new, 1)[: text.replace(old, new, 1).index(new)].count("\n") + 1
    return catalogue, found, line


def test_the_real_rule_file_loads(guide_copy):
    catalogue, problems = guide_copy.load()
    assert problems == [] and catalogue.guide is not None


def test_a_rule_with_an_unknown_source(guide_copy):
    catalogue, found, line = broken(guide_copy, "    bron: amsterdam-2018\n", "    bron: amsterdm-2018\n")
    assert [p.rule for p in found] == ["unknown-source"]
    assert found[0].file.endswith("keuzehulp.yaml") and found[0].line == line
    assert catalogue.guide is None


def test_a_rule_with_an_unknown_answer(guide_copy):
    _, found, line = broken(guide_copy, "als: {ernst: licht}", "als: {ernst: lichtjes}")
    assert [p.rule for p in found] == ["unknown-option"]
    assert "ernstig, licht, matig" in str(found[0]) and found[0].line == line


def test_a_rule_with_an_unknown_working_element(guide_copy):
    _, found, _ = broken(guide_copy, "      - element: ontmoeten\n        punten: 2", "      - element: ontmoetn\n        punten: 2")
    assert [p.rule for p in found] == ["unknown-term"]
    assert "ontmoeten" in str(found[0])  # the closest known term as a hint


def test_an_effect_without_reason_or_caution(guide_copy):
    _, found, _ = broken(
        guide_copy,
        "        reden: Bij lichte eenzaamheid helpt vooral de kans om anderen te ontmoeten.\n",
        "",
    )
    assert [p.rule for p in found] == ["effect-text"]


def test_a_short_line_for_an_unknown_term(guide_copy):
    _, found, line = broken(guide_copy, "      mantelzorgers: Zorgt", "      mantelzorger: Zorgt")
    assert [p.rule for p in found] == ["unknown-term"] and found[0].line == line


def test_short_lines_replace_the_long_descriptions():
    voor = next(q for q in DATA["vragen"] if q["id"] == "voor")
    explain = {o["id"]: o["uitleg"] for o in voor["opties"]}
    assert explain["75-plussers"] == "Ouderen van 75 jaar en ouder."
    assert all(len(text) <= 120 for text in explain.values())
