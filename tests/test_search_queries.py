"""Queries a new visitor types, with the entries each must and must not return.

Every case runs in Python (catalogue/search.py) and in node through the
browser's own lunr.js and catalogus-zoeken.js, which must agree hit for hit;
test_overview_browser.py runs the same table in Chromium on the built site.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from test_search import ASSET, INDEX, run_node

from catalogue.search import query_words, search


@dataclass(frozen=True)
class Case:
    query: str
    why: str
    found: tuple[str, ...] = ()  # among the entries matching every word
    partial: tuple[str, ...] = ()  # among the entries matching only some words
    absent: tuple[str, ...] = ()  # not returned at all
    before: tuple[tuple[str, str], ...] = ()  # (a, b): a ranks above b
    only: bool = False  # `found` is the whole result


CASES = (
    # Dutch compounds: split into known parts, at index and query time.
    Case(
        "huisbezoek",
        "compound; Het Betekenisvol Gesprek has 'bezoeken' and 'thuis'",
        found=(
            "de-zonnebloem-huisbezoek",
            "humanitas-vriendschappelijk-huisbezoek",
            "het-betekenisvol-gesprek",
        ),
        absent=("join-us-online", "gouden-mannen"),
        before=(("de-zonnebloem-huisbezoek", "het-betekenisvol-gesprek"),),
    ),
    Case(
        "buurtnetwerk",
        "compound; Vangnetwerken has 'buurtbewoners' and 'netwerk'",
        found=("vangnetwerken", "buurtcirkel"),
        absent=("join-us-online",),
    ),
    Case("wijkbewoners", "target-group tag; buurt/wijk", found=("vangnetwerken", "bij-bosshardt")),
    Case("buurtbewoner", "part of 'buurtbewoners', singular", found=("vangnetwerken",)),
    Case(
        "bewonersnetwerk",
        "compound of two parts found apart",
        found=("vangnetwerken",),
        absent=("gouden-mannen",),
    ),
    Case(
        "vrijwilligerswerk",
        "compound with a linking s",
        found=("gouden-mannen", "connect-generations"),
    ),
    # Synonyms from zoekwoorden.yaml; they rank below the word itself.
    Case(
        "psychiatrie",
        "psychiatrie/psychiatrisch/psychisch/ggz",
        found=("vangnetwerken", "regenboogmaatjes", "reakt-vriendendienst", "vriendschap-op-maat"),
        absent=("gouden-mannen", "join-us-online"),
    ),
    Case(
        "ggz", "synonym of psychiatrisch", found=("buurtcirkel", "vangnetwerken", "de-luisterlijn")
    ),
    Case(
        "senioren",
        "senior/oudere",
        found=("senioren-college", "samenkracht"),
        before=(("senioren-college", "samenkracht"),),
    ),
    Case(
        "alzheimer",
        "dementie/alzheimer",
        found=("voetbal-herinneringen", "fietsmaatjes"),
        absent=("join-us-online",),
    ),
    Case(
        "jeugd",
        "jeugd/jongeren",
        found=("join-us-online", "creatief-leven"),
        absent=("voetbal-herinneringen",),
    ),
    Case(
        "rouw",
        "rouw/verlies",
        found=("van-begraafplaats-naar-ontmoetingspark-bovenbroek", "grip-glans-groepscursus"),
    ),
    Case("buddy", "maatje/buddy", found=("buddy-to-buddy", "regenboogmaatjes", "fietsmaatjes")),
    Case(
        "zorg voor een naaste",
        "phrase synonym of mantelzorg, stop words dropped",
        found=("mantelkring",),
    ),
    Case("lhbti", "lhbti/regenboog", found=("regenboogmaatjes",), absent=("gouden-mannen",)),
    Case(
        "statushouders",
        "statushouder/vluchteling",
        found=("buddy-to-buddy",),
        absent=("gouden-mannen",),
    ),
    # Inflections, through the stem.
    Case("gesprekken", "plural", found=("het-betekenisvol-gesprek",)),
    Case(
        "jongere",
        "singular of jongeren",
        found=("join-us-online",),
        absent=("voetbal-herinneringen",),
    ),
    Case(
        "vriendschappen",
        "plural",
        found=("zin-in-vriendschap", "humanitas-vriendschappelijk-huisbezoek"),
    ),
    # Typos.
    Case("mantelzorgr", "typo, also in the header", found=("mantelkring",)),
    Case("dementei", "two letters swapped", found=("fietsmaatjes", "voetbal-herinneringen")),
    Case(
        "Zonebloem",
        "a letter missing",
        found=("de-zonnebloem-huisbezoek",),
        absent=("gouden-mannen",),
    ),
    # Former names and owners.
    Case(
        "Football memories",
        "former name",
        found=("voetbal-herinneringen",),
        before=(("voetbal-herinneringen", "oldstars-sport"),),
    ),
    Case("DOCKwerkers", "former name", found=("vangnetwerken",), only=True),
    Case(
        "Humanitas",
        "owner",
        found=("humanitas-maatjesproject", "humanitas-vriendschappelijk-huisbezoek"),
    ),
    Case("Nationaal Ouderenfonds", "owner, two words", found=("zilverlijn", "oldstars-sport")),
    Case("Jenny Zwijnenburg", "developer as owner", found=("vangnetwerken",), only=True),
    # Places where it runs.
    Case(
        "Rotterdam",
        "a place in uitvoering.locaties",
        found=("vangnetwerken", "go-win", "het-betekenisvol-gesprek", "samen-tegen-eenzaamheid"),
        absent=("regenboogmaatjes",),
    ),
    Case(
        "Tilburg",
        "a place",
        found=("vangnetwerken", "abcdate"),
        absent=("go-win", "regenboogmaatjes"),
    ),
    Case(
        "Charlois",
        "a district in the place details",
        found=("vangnetwerken", "het-betekenisvol-gesprek"),
    ),
    # Several words: all first, then most of them.
    Case(
        "herinneringen ophalen",
        "Sharing Stories says 'op te halen'",
        found=("voetbal-herinneringen",),
        partial=("sharing-stories",),
    ),
    Case(
        "jongeren online",
        "two words",
        found=("join-us-online",),
        partial=("online-vriendschapscursus",),
        absent=("gouden-mannen",),
    ),
    Case(
        "eenzame mannen",
        "two words",
        found=("gouden-mannen",),
        before=(("gouden-mannen", "creatief-leven"),),
    ),
    Case(
        "ouderen met dementie",
        "stop word between",
        found=("voetbal-herinneringen", "fietsmaatjes"),
        partial=("go-win",),
    ),
    Case("wandelen natuur", "no entry has both", partial=("openjehart",)),
    # Nothing to find.
    Case("xylofoon", "no such word", only=True),
    Case("het de een", "stop words only", only=True),
)


def slugs(hits) -> list[str]:
    return [ASSET["documenten"][hit.ref]["slug"] for hit in hits]


def check(case: Case, hits: list) -> None:
    """`hits` as {slug, words}, best first."""
    count = len(query_words(case.query))
    order = [h["slug"] for h in hits]
    complete = {h["slug"] for h in hits if h["words"] == count}
    partial = {h["slug"] for h in hits if h["words"] < count}
    assert set(case.found) <= complete, (case.query, sorted(set(case.found) - complete))
    assert set(case.partial) <= partial, (case.query, sorted(set(case.partial) - partial))
    assert not set(case.absent) & set(order), (case.query, sorted(set(case.absent) & set(order)))
    if case.only:
        assert order == list(case.found), case.query
    for first, second in case.before:
        assert order.index(first) < order.index(second), (case.query, first, second)
    # Entries with every word come before the others.
    assert [h["words"] for h in hits] == sorted((h["words"] for h in hits), reverse=True)


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30
    assert len({c.query for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.query for c in CASES])
def test_query_in_python(case: Case):
    check(
        case,
        [
            {"slug": s, "words": h.words}
            for s, h in zip(
                slugs(search(INDEX, case.query)), search(INDEX, case.query), strict=True
            )
        ],
    )


def test_every_query_in_the_browsers_code_gives_pythons_answer():
    answer = run_node({"index": ASSET, "queries": [c.query for c in CASES]})
    for case, hits in zip(CASES, answer["results"], strict=True):
        python = search(INDEX, case.query)
        assert [(h["ref"], h["fields"], h["words"], h["exact"]) for h in hits] == [
            (h.ref, list(h.fields), h.words, h.exact) for h in python
        ], case.query
        for js_hit, py_hit in zip(hits, python, strict=True):
            assert js_hit["score"] == pytest.approx(py_hit.score, rel=1e-9)
        check(
            case,
            [{"slug": ASSET["documenten"][h["ref"]]["slug"], "words": h["words"]} for h in hits],
        )


def test_a_match_through_a_synonym_or_parts_ranks_below_the_word_itself():
    hits = search(INDEX, "huisbezoek")
    by_slug = dict(zip(slugs(hits), hits, strict=True))
    assert by_slug["de-zonnebloem-huisbezoek"].exact == 1
    assert by_slug["het-betekenisvol-gesprek"].exact == 0
    hits = search(INDEX, "senioren")
    assert [h.exact for h in hits] == sorted((h.exact for h in hits), reverse=True)
    assert 0 in {h.exact for h in hits} and 1 in {h.exact for h in hits}
