"""Dutch search over the catalogue: an index built here with lunr.py, loaded by lunr.js.

The browser and this module must stem alike and rank alike, so both sides
take their Dutch support from one place: the `lunr.nl.js` that MkDocs ships
(its stop words and word characters are read from that file), and
`snowballstemmer`'s `dutch_porter`, the old Snowball algorithm `lunr.nl.js`
implements. lunr.py's own Dutch support needs NLTK, which downloads data at
run time; we do not use it.

The index stores every word twice: as written (for prefix and typo matching)
and as its stem (for inflections). The query rules in `search()` are mirrored
line for line in `docs/assets/javascripts/catalogus-zoeken.js`.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

import snowballstemmer
from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.stop_word_filter import generate_stop_word_filter
from lunr.token import Token

from catalogue import urls
from catalogue.model import Catalogue, Intervention

#: Fields, their Dutch name in "gevonden in", and their boost.
FIELDS: dict[str, tuple[str, int]] = {
    "naam": ("naam", 10),
    "eerdere_namen": ("eerdere naam", 8),
    "claim": ("claim", 5),
    "beschrijving": ("beschrijving", 1),
    "doelgroep": ("doelgroep", 2),
    "eigenaar": ("eigenaar", 2),
    "termen": ("risicogroep of werkzaam element", 2),
}
INDEX_VERSION = 3  # 2: short refs, documents carry their slug; 3: trimmed like lunr.js


# -- the Dutch language support, from the files the browser loads ---------------


def _mkdocs_search_dir() -> Path:
    """MkDocs' search plugin folder, located without importing MkDocs itself."""
    spec = importlib.util.find_spec("mkdocs")
    if spec is None or spec.origin is None:
        raise RuntimeError("mkdocs is not installed; it ships lunr.js and lunr.nl.js")
    return Path(spec.origin).parent / "contrib" / "search"


def browser_assets() -> dict[str, Path]:
    """Site path -> installed file, for the scripts the overview's search loads."""
    base = _mkdocs_search_dir()
    return {
        "assets/javascripts/lunr/lunr.js": base / "templates" / "search" / "lunr.js",
        "assets/javascripts/lunr/lunr.stemmer.support.js": base
        / "lunr-language"
        / "lunr.stemmer.support.js",
        "assets/javascripts/lunr/lunr.nl.js": base / "lunr-language" / "lunr.nl.js",
    }


@dataclass(frozen=True)
class DutchSupport:
    stop_words: frozenset[str]
    word_characters: str  # a regex character-class body


@cache  # fixed for the process: it reads an installed package file
def dutch_support() -> DutchSupport:
    source = browser_assets()["assets/javascripts/lunr/lunr.nl.js"].read_text("utf-8")
    stop = re.search(r"generateStopWordFilter\(\s*'([^']*)'", source)
    chars = re.search(r'lunr\.nl\.wordCharacters\s*=\s*"([^"]*)"', source)
    if not stop or not chars:
        raise RuntimeError("lunr.nl.js changed shape: stop words or word characters not found")
    return DutchSupport(
        stop_words=frozenset(stop.group(1).split()),
        word_characters=codecs.decode(chars.group(1), "unicode_escape"),
    )


_STEMMER = snowballstemmer.stemmer("dutch_porter")


@cache  # a pure function of the word; the same words recur in every entry
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _stemmer_nl(token: Token, i=None, tokens=None) -> Token:
    return token.update(lambda text, metadata=None: stem(text))


def _keep_word_and_stem(token: Token, i=None, tokens=None) -> Token | list[Token]:
    """Index pipeline only: the word as written and its stem."""
    stemmed = token.clone(lambda text, metadata=None: stem(text))
    return token if str(stemmed) == str(token) else [token, stemmed]


def _trimmer(word_characters: str) -> Callable[..., Token | None]:
    """Strip non-word characters at both ends, as lunr.js's trimmer does.

    lunr.py's own trimmer keeps a token unchanged unless it is one run of
    word characters, so "thema's," and "2017" entered the index although the
    browser trims queries to "thema's" and "": at 1,000 entries 1,714 terms
    where the browser makes 716. Tokens trimmed to nothing are dropped."""
    start = re.compile(rf"^[^{word_characters}]+")
    end = re.compile(rf"[^{word_characters}]+$")

    def trim(token: Token, i=None, tokens=None) -> Token | None:
        token.update(lambda text, metadata=None: end.sub("", start.sub("", text)))
        return token if str(token) else None

    return trim


@cache  # registering pipeline functions is global to lunr.py: do it once
def _register_pipeline() -> tuple:
    support = dutch_support()
    trimmer = _trimmer(support.word_characters)
    stop_words = generate_stop_word_filter(sorted(support.stop_words), language="nl")
    # Labels as lunr.nl.js registers them, so lunr.js can load the index.
    Pipeline.register_function(trimmer, "trimmer-nl")
    Pipeline.register_function(_stemmer_nl, "stemmer-nl")
    Pipeline.register_function(_keep_word_and_stem, "woord-en-stam-nl")
    return trimmer, stop_words


# -- documents and index -----------------------------------------------------------


class SearchDocument(TypedDict):
    ref: str
    naam: str
    eerdere_namen: str
    claim: str
    beschrijving: str
    doelgroep: str
    eigenaar: str
    termen: str


def search_document(entry: Intervention) -> SearchDocument:
    terms = [t.label for t in entry.risicogroepen + entry.werkzame_elementen]
    return {
        "ref": entry.slug,
        "naam": entry.naam,
        "eerdere_namen": " ".join(entry.eerdere_namen),
        "claim": entry.claim,
        "beschrijving": entry.beschrijving,
        "doelgroep": entry.doelgroep.omschrijving,
        "eigenaar": entry.eigenaar.organisatie or "",
        "termen": " ".join(terms),
    }


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def short_refs(count: int) -> list[str]:
    """Base-36 refs of one width, so their string order is their number order.

    lunr writes the ref into every posting and field vector; slugs there made
    up 70% of the inverted index (1,000 entries: 5.7 MB of 7.7 MB raw)."""
    width = 1
    while 36**width < count:
        width += 1
    refs = []
    for number in range(count):
        digits = ""
        for _ in range(width):
            number, digit = divmod(number, 36)
            digits = _DIGITS[digit] + digits
        refs.append(digits)
    return refs


def build_index(catalogue: Catalogue) -> dict[str, Any]:
    """The search asset: lunr's serialised index plus the small store results need.

    Refs are short codes in slug order (`documenten` maps each to its entry)."""
    trimmer, stop_words = _register_pipeline()
    builder = Builder()
    builder.pipeline.add(trimmer, stop_words, Pipeline.registered_functions["woord-en-stam-nl"])
    builder.search_pipeline.add(Pipeline.registered_functions["stemmer-nl"])
    builder.ref("ref")
    for name, (_, boost) in FIELDS.items():
        builder.field(name, boost=boost)
    entries = sorted(catalogue.interventions, key=lambda e: e.slug)
    refs = short_refs(len(entries))
    for ref, entry in zip(refs, entries, strict=True):
        builder.add({**search_document(entry), "ref": ref})
    return {
        "versie": INDEX_VERSION,
        "velden": {name: label for name, (label, _) in FIELDS.items()},
        "documenten": {
            ref: {"slug": e.slug, "naam": e.naam, "url": urls.entry(e.slug)}
            for ref, e in zip(refs, entries, strict=True)
        },
        "index": builder.build().serialize(),
    }


def dump_index(asset: dict[str, Any]) -> str:
    return json.dumps(asset, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# -- querying ----------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    ref: str
    score: float
    fields: tuple[str, ...]  # field names where a query word matched


#: Bounds that keep any query fast (a query comes from a URL anyone can send):
#: lunr's typo expansion grows with the word's length (one word of 300
#: letters took 43 s), so long words are cut and very long ones get no typos.
#: catalogus-zoeken.js holds the same numbers; the parity test compares them.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
MAX_WORD_LENGTH = 40
MAX_TYPO_WORD_LENGTH = 20


def query_words(text: str) -> list[str]:
    """Lowercase, split on spaces and hyphens, trim punctuation, drop stop words;
    within the bounds above."""
    support = dutch_support()
    edge = re.compile(rf"^[^{support.word_characters}]+|[^{support.word_characters}]+$")
    words: list[str] = []
    for raw in re.split(r"[\s\-]+", text[:MAX_QUERY_LENGTH].lower()):
        word = edge.sub("", raw)[:MAX_WORD_LENGTH]
        if word and word not in support.stop_words and word not in words:
            words.append(word)
    return words[:MAX_QUERY_WORDS]


def edit_distance_for(word: str) -> int:
    """Typos allowed: none in short words, one from 5 letters, two from 8, none
    past MAX_TYPO_WORD_LENGTH (no Dutch word the catalogue needs is that long)."""
    if len(word) > MAX_TYPO_WORD_LENGTH:
        return 0
    return 2 if len(word) >= 8 else 1 if len(word) >= 5 else 0


def _match_word(index: Index, word: str, last: bool) -> dict[str, Hit]:
    """One word's matches: stem, prefix if last, and a typo only when those find
    nothing (typos on a common word score thousands of near-misses)."""
    found: dict[str, Hit] = {}
    distance = edit_distance_for(word)
    for attempt, typos in enumerate((0, distance)):
        if attempt == 1 and (not typos or found):
            break

        def build(query: Query, typos: int = typos) -> None:
            query.term(word, use_pipeline=True, boost=10)
            if last:
                query.term(word, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=1)
            if typos:
                query.term(word, use_pipeline=False, edit_distance=typos, boost=1)

        for result in index.query(callback=build):
            fields = sorted({f for term in result["match_data"].metadata.values() for f in term})
            found[result["ref"]] = Hit(result["ref"], result["score"], tuple(fields))
    return found


def search(index: Index, text: str) -> list[Hit]:
    """Every word must match (stem, prefix for the last word, or a small typo)."""
    words = query_words(text)
    combined: dict[str, Hit] | None = None
    for position, word in enumerate(words):
        if combined is not None and not combined:
            break  # nothing left to match
        found = _match_word(index, word, last=position == len(words) - 1)
        if combined is None:
            combined = found
        else:
            combined = {
                ref: Hit(
                    ref,
                    hit.score + found[ref].score,
                    tuple(sorted(set(hit.fields) | set(found[ref].fields))),
                )
                for ref, hit in combined.items()
                if ref in found
            }
    return sorted((combined or {}).values(), key=lambda h: (-h.score, h.ref))


def load_index(asset: dict[str, Any]) -> Index:
    _register_pipeline()
    return Index.load(asset["index"])
