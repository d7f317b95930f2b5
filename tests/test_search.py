"""Catalogue search: Python and the browser's lunr.js stem and rank alike."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue
from catalogue.search import (
    browser_assets,
    build_index,
    dump_index,
    edit_distance_for,
    load_index,
    query_words,
    search,
    short_refs,
    stem,
)

from conftest import FIXTURES, REPO

CATALOGUE, _ = load_catalogue(DATA_DIR)
ASSET = json.loads(dump_index(build_index(CATALOGUE)))
INDEX = load_index(ASSET)
ZOEKEN = REPO / "docs/assets/javascripts/catalogus-zoeken.js"
HARNESS = Path(__file__).parent / "js" / "lunr_harness.js"
WORDS = [
    line
    for line in (FIXTURES / "nederlandse-woorden.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
]
QUERIES = [
    "jongere",
    "jongeren",
    "mantelzorg",
    "mantelzorgers",
    "vangnetwerk",
    "eenzaamhied",
    "Football memories",
    "football",
    "voetbal herinneringen",
    "ouderen migratie",
    "ouderen",
    "gesprek",
    "gesprekken",
    "kunst",
    "online",
    "betekenisvol contact",
    "Alzheimer",
    "Rotterdam",
    "sociale vaardigheden",
    "het de een",
    "",
    "zingeving vrijwilliger",
    "spel",
    "levensverhalen",
    "eenzame ouderen",
    "Gouden",
    "dementie",
    "migratie-achtergrond",
    "(dialoog)",
    "vrijwilligers thuis",
]


def refs(text: str) -> list[str]:
    """Slugs of the hits, best first."""
    return [ASSET["documenten"][hit.ref]["slug"] for hit in search(INDEX, text)]


def run_node(request: dict, assets: dict | None = None) -> dict:
    """The request answered by the browser's scripts in node; `assets`: site path ->
    file of lunr's scripts (default: as MkDocs ships them)."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the parity tests (it is on every machine here)"
    assets = assets or browser_assets()
    paths = [
        str(assets[f"assets/javascripts/lunr/{name}"])
        for name in ("lunr.js", "lunr.stemmer.support.js", "lunr.nl.js")
    ]
    result = subprocess.run(
        [node, str(HARNESS), *paths, str(ZOEKEN)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_word_list_is_large_enough():
    assert len(WORDS) >= 200
    assert len(set(WORDS)) == len(WORDS)


def test_python_and_lunr_js_stem_every_word_alike():
    browser = run_node({"stems": WORDS})["stems"]
    differences = [(w, b, stem(w)) for w, b in zip(WORDS, browser, strict=True) if b != stem(w)]
    assert differences == []


def test_python_and_lunr_js_trim_alike():
    from lunr.token import Token

    from catalogue.search import _register_pipeline

    trimmer = _register_pipeline()[0]
    words = ["thema's,", "(15", "2017", "&", "'t", "«eenzaam»", "zo-even", "café.", "ouderen"]
    browser = run_node({"trims": words})["trims"]
    python = [str(trimmer(Token(w)) or "") for w in words]
    assert python == browser
    assert python[:4] == ["thema's", "", "", ""]


def test_index_holds_only_trimmed_words_and_their_stems():
    # A term the browser's trimmer would change can never be found by a query
    # (stems may end in an apostrophe: "thema's" -> "thema'", in both).
    from lunr.token import Token

    from catalogue.search import _register_pipeline

    trimmer = _register_pipeline()[0]
    terms = set(ASSET["termen"]["lijst"])
    untrimmed = {t for t in terms if str(trimmer(Token(t)) or "") != t}
    # (A compound's part is trimmed too: it is a piece of a trimmed word.)
    assert terms and all(any(w != t and stem(w) == t for w in terms) for t in untrimmed)
    assert not any(t.isdigit() for t in terms)


def test_known_stems_of_the_old_dutch_algorithm():
    # lunr.nl.js implements Snowball's old Dutch stemmer (`dutch_porter`).
    assert stem("eenzame") == "eenzam"
    assert stem("gesprekken") == "gesprek"
    assert stem("jongeren") == stem("jongere") == "jonger"


def test_python_and_lunr_js_rank_every_query_alike():
    browser = run_node({"index": ASSET, "queries": QUERIES})
    assert browser["words"] == [query_words(q) for q in QUERIES]
    for query, hits in zip(QUERIES, browser["results"], strict=True):
        python = [(h.ref, list(h.fields)) for h in search(INDEX, query)]
        assert [(h["ref"], h["fields"]) for h in hits] == python, query
        for js_hit, py_hit in zip(hits, search(INDEX, query), strict=True):
            assert js_hit["score"] == pytest.approx(py_hit.score, rel=1e-9)


def test_inflection_finds_the_entry():
    assert "join-us-online" in refs("jongere")
    assert "voetbal-herinneringen" not in refs("jongere")


def test_last_word_matches_as_prefix():
    assert sorted(refs("mantelzorg")) == sorted(refs("mantelzorgers")) != []
    assert "voetbal-herinneringen" in refs("mantelzorg")


def test_small_typos_still_find():
    assert refs("vangnetwerk")[0] == "vangnetwerken"
    assert refs("eenzaamhied") != []
    assert refs("Gouden Manen")[0] == "gouden-mannen"


def test_former_name_finds_the_entry():
    hits = search(INDEX, "Football memories")
    assert ASSET["documenten"][hits[0].ref]["slug"] == "voetbal-herinneringen"
    assert "eerdere_namen" in hits[0].fields


def test_entries_matching_every_word_come_first_then_those_matching_most():
    hits = search(INDEX, "ouderen migratie")
    slugs = [ASSET["documenten"][h.ref]["slug"] for h in hits]
    both = {s for s, h in zip(slugs, hits, strict=True) if h.words == 2}
    assert both == set(refs("ouderen")) & set(refs("migratie"))
    assert {"gouden-mannen", "go-win"} <= both
    # Then entries with one of the two words, never before one with both.
    assert [h.words for h in hits] == sorted((h.words for h in hits), reverse=True)
    assert set(slugs) - both and set(slugs) == set(refs("ouderen")) | set(refs("migratie"))


def test_stop_words_and_empty_queries_find_nothing():
    assert refs("het de een") == []
    assert refs("") == []
    assert query_words("Ouderen, (met) migratie-achtergrond!") == [
        "ouderen",
        "migratie",
        "achtergrond",
    ]


def test_index_builds_with_the_network_off(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    asset = build_index(CATALOGUE)
    assert {d["slug"] for d in asset["documenten"].values()} == {
        e.slug for e in CATALOGUE.interventions
    }


def test_short_refs_sort_like_their_numbers():
    for count in (1, 9, 36, 37, 1296, 1297, 5000):
        refs = short_refs(count)
        assert len(set(refs)) == count and sorted(refs) == refs
        assert len({len(r) for r in refs}) == 1


def test_refs_follow_slug_order_and_name_their_entry():
    documents = ASSET["documenten"]
    assert [documents[ref]["slug"] for ref in sorted(documents)] == sorted(
        e.slug for e in CATALOGUE.interventions
    )
    for document in documents.values():
        assert document["url"] == f"interventies/{document['slug']}/"


def test_index_asset_is_deterministic():
    assert dump_index(build_index(CATALOGUE)) == dump_index(build_index(CATALOGUE))


def test_typos_are_tried_only_when_the_word_itself_finds_nothing():
    from lunr.query import Query

    from catalogue.search import SearchIndex, _match_word

    def exact(word: str) -> set[str]:
        def build(query: Query) -> None:
            query.term(word, use_pipeline=True, boost=10)

        return {r["ref"] for r in INDEX.index.query(callback=build)}

    # "ouderen" matches as itself: a typo pass would add near-misses such as "oudere".
    # (Without its synonyms, which add entries of their own.)
    plain = SearchIndex(INDEX.index, {}, INDEX.known)
    assert exact("ouderen") and set(_match_word(plain, "ouderen", last=False)) == exact("ouderen")
    assert not exact("eenzaamhied") and _match_word(INDEX, "eenzaamhied", last=False)


HOSTILE_QUERIES = [
    "a" * 300,
    "mantelzorgers" * 80,
    "b " * 50_000,  # 100 kB, as from a URL
    "qwertyuiopasdfghjklz",
    " ".join(f"woord{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40)),
]


def test_query_bounds_are_the_same_in_python_and_javascript():
    from catalogue import search as python

    limits = run_node({"limits": True})["limits"]
    assert limits == {
        "maxQueryLength": python.MAX_QUERY_LENGTH,
        "maxQueryWords": python.MAX_QUERY_WORDS,
        "maxWordLength": python.MAX_WORD_LENGTH,
        "maxTypoWordLength": python.MAX_TYPO_WORD_LENGTH,
        "minCompoundLength": python.MIN_COMPOUND_LENGTH,
        "minPartLength": python.MIN_PART_LENGTH,
        "maxCompoundParts": python.MAX_COMPOUND_PARTS,
        "synonymWeight": python.SYNONYM_WEIGHT,
        "partsWeight": python.PARTS_WEIGHT,
    }


def test_any_query_is_bounded_before_it_reaches_lunr():
    from catalogue import search as python

    assert query_words("a" * 1000) == ["a" * python.MAX_WORD_LENGTH]
    assert len(query_words("b " * 50_000)) <= python.MAX_QUERY_WORDS
    assert len(query_words(" ".join(f"woord{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40)))) == python.MAX_QUERY_WORDS
    # Typo expansion, whose cost grows with the word, stops past the bound.
    assert edit_distance_for("a" * python.MAX_TYPO_WORD_LENGTH) == 2
    assert edit_distance_for("a" * (python.MAX_TYPO_WORD_LENGTH + 1)) == 0


def test_hostile_queries_give_the_same_answer_in_python_and_javascript():
    answer = run_node({"index": ASSET, "queries": HOSTILE_QUERIES})
    assert answer["words"] == [query_words(q) for q in HOSTILE_QUERIES]
    assert [[h["ref"] for h in r] for r in answer["results"]] == [
        [h.ref for h in search(INDEX, q)] for q in HOSTILE_QUERIES
    ]


def test_the_browser_loads_only_the_parts_a_search_needs_and_answers_alike(monkeypatch):
    from catalogue import search as module

    monkeypatch.setattr(module, "SHARD_ENTRIES", 5)  # 45 entries: 9 parts
    asset = json.loads(dump_index(build_index(CATALOGUE)))
    assert len(asset["postings"]) == 9 and all(asset["postings"])
    assert asset["termen"]["delen"] == sorted(set(asset["termen"]["delen"]))
    index = load_index(asset)
    # One query on a fresh page: a few parts, not all.
    one = run_node({"index": asset, "queries": ["vangnetwerk"]})
    assert one["rounds"] == [2] and 1 <= one["shards_loaded"] < 9
    # Many queries: every answer equals the whole index's.
    answer = run_node({"index": asset, "queries": QUERIES})
    for query, hits in zip(QUERIES, answer["results"], strict=True):
        assert [(h["ref"], h["fields"], h["words"]) for h in hits] == [
            (h.ref, list(h.fields), h.words) for h in search(index, query)
        ], query


def test_the_minified_scripts_the_site_serves_answer_alike(tmp_path):
    from catalogue.search import minified_assets

    files = {}
    for path, text in minified_assets().items():
        files[path] = tmp_path / path.rsplit("/", 1)[1]
        files[path].write_text(text, encoding="utf-8")
        assert len(text) < 0.6 * browser_assets()[path].stat().st_size
    answer = run_node({"index": ASSET, "queries": QUERIES, "stems": WORDS}, files)
    assert answer["stems"] == [stem(w) for w in WORDS]
    for query, hits in zip(QUERIES, answer["results"], strict=True):
        assert [(h["ref"], h["fields"]) for h in hits] == [
            (h.ref, list(h.fields)) for h in search(INDEX, query)
        ], query
