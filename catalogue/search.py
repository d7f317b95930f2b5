"""Dutch search over the catalogue: lunr's index (its BM25 weights, computed here by
`index_postings`), queried by lunr.py here and by catalogus-zoeken.js in the browser.

The browser and this module must stem alike and rank alike, so both sides
take their Dutch support from one place: the `lunr.nl.js` that MkDocs ships
(its stop words and word characters are read from that file), and
`snowballstemmer`'s `dutch_porter`, the old Snowball algorithm `lunr.nl.js`
implements. lunr.py's own Dutch support needs NLTK, which downloads data at
run time; we do not use it.

The index stores every word twice: as written (for prefix and typo matching)
and as its stem (for inflections). The query rules in `search()` are mirrored
line for line in `docs/assets/javascripts/catalogus-zoeken.js`, which scores
each lunr query itself, to the bit as lunr.Index.query does (its `termHits`).
"""

from __future__ import annotations

import codecs
import importlib.util
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import snowballstemmer
from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.stop_word_filter import generate_stop_word_filter
from lunr.token import Token
from lunr.tokenizer import SEPARATOR_CHARS

from catalogue import urls
from catalogue.fields import Searched, search_fields
from catalogue.model import Catalogue, Intervention

#: The searched fields with their boosts: declared with the fields they read,
#: in `catalogue.fields` (`search=`), the one place the weights are written.
FIELDS: tuple[Searched, ...] = search_fields()
INDEX_VERSION = (
    6  # 4: compounds, zoekwoorden; 5: postings in parts; 6: fields from catalogue.fields
)
#: Entries per part of the postings: a search loads only the parts holding its
#: terms (at 5,000 entries 25 parts), never the whole index.
SHARD_ENTRIES = 200


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


def minified_assets() -> dict[str, str]:
    """Site path -> lunr's scripts without comments and spaces (rjsmin, as the
    project's own scripts): lunr.js is 25 KB gzip as MkDocs ships it, 10 KB minified."""
    import rjsmin

    return {path: rjsmin.jsmin(file.read_text("utf-8")) for path, file in browser_assets().items()}


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


#: Compound splitting (mirrored in catalogus-zoeken.js): a word of at least
#: MIN_COMPOUND_LENGTH letters splits into at most MAX_COMPOUND_PARTS known
#: parts of at least MIN_PART_LENGTH letters each. A part is known when its
#: stem is a known stem: of a word the entries use, or of a listed woorddeel.
MIN_COMPOUND_LENGTH = 8
MIN_PART_LENGTH = 4
MAX_COMPOUND_PARTS = 3


def split_compound(word: str, known: Callable[[str], bool]) -> list[str] | None:
    """The fewest known parts that spell `word` (two or more; with equally few,
    the longest first part), or None. "huisbezoek" -> ["huis", "bezoek"]."""
    if len(word) < MIN_COMPOUND_LENGTH:
        return None
    memo: dict[int, list[str] | None] = {}

    def best(start: int) -> list[str] | None:
        if start in memo:
            return memo[start]
        result: list[str] | None = None
        last_end = len(word) if start > 0 else len(word) - MIN_PART_LENGTH
        for end in range(last_end, start + MIN_PART_LENGTH - 1, -1):
            if len(word) - end and len(word) - end < MIN_PART_LENGTH:
                continue  # what would remain is too short to be a part
            piece = word[start:end]
            if not known(piece):
                continue
            rest = [] if end == len(word) else best(end)
            if rest is None:
                continue
            if result is None or len(rest) + 1 < len(result):
                result = [piece, *rest]
        memo[start] = result
        return result

    parts = best(0)
    return parts if parts is not None and len(parts) <= MAX_COMPOUND_PARTS else None


def _known_stems(
    stems: set[str] | frozenset[str], never: frozenset[str] = frozenset()
) -> Callable[[str], bool]:
    return lambda piece: piece not in never and stem(piece) in stems


def _indexed_forms(known: Callable[[str], bool]) -> Callable[[str], tuple[str, ...]]:
    """What the index holds for one token as lunr's tokenizer cuts it: nothing
    for a stop word or a token of punctuation; else the word as written, its
    stem, and the same for each part of a compound ("buurtbewoners" also as
    "buurt" and "bewoners"). Remembered per token: the same ones recur in
    every entry."""
    support = dutch_support()
    trim = _trim(support.word_characters)
    stop_words = support.stop_words
    memo: dict[str, tuple[str, ...]] = {}

    def forms(token: str) -> tuple[str, ...]:
        found = memo.get(token)
        if found is None:
            text = trim(token)
            if not text or text in stop_words:
                found = ()
            else:
                words = [text, stem(text)]
                for part in split_compound(text, known) or ():
                    words += [part, stem(part)]
                found = tuple(dict.fromkeys(words))
            memo[token] = found
        return found

    return forms


def _trim(word_characters: str) -> Callable[[str], str]:
    start = re.compile(rf"^[^{word_characters}]+")
    end = re.compile(rf"[^{word_characters}]+$")
    return lambda text: end.sub("", start.sub("", text))


def _trimmer(word_characters: str) -> Callable[..., Token | None]:
    """Strip non-word characters at both ends, as lunr.js's trimmer does.

    lunr.py's own trimmer keeps a token unchanged unless it is one run of
    word characters, so "thema's," and "2017" entered the index although the
    browser trims queries to "thema's" and "": at 1,000 entries 1,714 terms
    where the browser makes 716. Tokens trimmed to nothing are dropped."""
    trimmed = _trim(word_characters)

    def trim(token: Token, i=None, tokens=None) -> Token | None:
        token.update(lambda text, metadata=None: trimmed(text))
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
    return trimmer, stop_words


# -- documents and index -----------------------------------------------------------


def search_document(entry: Intervention) -> dict[str, str]:
    """The entry's text per searched field (FIELDS), and its ref (the slug)."""
    return {"ref": entry.slug, **{f.name: f.text(entry) for f in FIELDS}}


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


def _vocabulary(documents: list[dict[str, str]]) -> set[str]:
    """Every word the index pipeline sees (lunr's tokenizer splits lowercased
    text on spaces and hyphens; then the trimmer and the stop words), computed
    on plain strings: tokens cost three times as much."""
    support = dutch_support()
    edge = re.compile(rf"^[^{support.word_characters}]+|[^{support.word_characters}]+$")
    words: set[str] = set()
    for document in documents:
        for field in FIELDS:
            words.update(re.split(r"[\s\-]+", document[field.name].lower()))
    trimmed = {edge.sub("", word) for word in words}
    return {word for word in trimmed if word and word not in support.stop_words}


def build_index(catalogue: Catalogue) -> dict[str, Any]:
    """The search asset: lunr's serialised index plus the small store results need.

    Refs are short codes in slug order (`documenten` maps each to its entry)."""
    entries = sorted(catalogue.interventions, key=lambda e: e.slug)
    refs = short_refs(len(entries))
    documents = [search_document(e) for e in entries]
    extra = catalogue.search_words
    stems = {stem(w) for w in _vocabulary(documents)}
    stems |= {stem(part) for part in extra.woorddelen}
    never = frozenset(extra.geen_woorddelen)
    terms, postings = index_postings(documents, _indexed_forms(_known_stems(stems, never)))
    starts = _shard_starts(postings, shard_count(len(entries)))
    return {
        "versie": INDEX_VERSION,
        "velden": {field.name: field.label for field in FIELDS},
        "documenten": {
            ref: {"slug": e.slug, "naam": e.naam, "url": urls.entry(e.slug)}
            for ref, e in zip(refs, entries, strict=True)
        },
        "zoekwoorden": {
            "synoniemen": [list(group) for group in extra.synoniemen],
            "woorddelen": list(extra.woorddelen),
            "geen_woorddelen": list(extra.geen_woorddelen),
        },
        "termen": {
            "lijst": terms,
            "velden": [field.name for field in FIELDS],
            "delen": starts,
            "pad": urls.SEARCH_SHARDS,
        },
        "postings": [postings[a:b] for a, b in zip(starts, [*starts[1:], len(terms)], strict=True)],
    }


def shard_count(entries: int) -> int:
    return max(1, -(-entries // SHARD_ENTRIES))


Postings = list[list[Any]]  # per field with entries: [field number, doc deltas, weights x 1000]

#: lunr's tokenizer cuts text at these characters (lunr.tokenizer.SEPARATOR_CHARS).
_SEPARATORS = re.compile("[" + re.escape(SEPARATOR_CHARS) + "]")
#: BM25's parameters as lunr sets them (lunr.Builder's k1 and b).
BM25_K1 = 1.2
BM25_B = 0.75


def index_postings(
    documents: list[dict[str, str]], forms: Callable[[str], tuple[str, ...]]
) -> tuple[list[str], list[Postings]]:
    """The index lunr.py's Builder makes of `documents` (FIELDS with their
    boosts, the pipeline `forms` describes), as sorted terms and per term its
    postings: per field the entries holding it and their field-vector
    weights, rounded as lunr rounds them, times 1000.

    Computed here rather than by lunr.Builder (which gave the same numbers:
    tests/test_search_builder.py keeps it as the reference) because the
    Builder makes a Token object per word and form and runs the pipeline on
    every occurrence: at 1,000 entries it took 60 % of the time spent on the
    site's data files."""
    count = len(documents)
    fields: list[tuple[list[tuple[dict[str, int], int]], float]] = []
    entries_with: dict[str, int] = {}  # term -> (field, entry) pairs holding it
    for field in FIELDS:
        rows = []
        total = 0
        for document in documents:
            terms: list[str] = []
            for token in _SEPARATORS.split(document[field.name].lower()):
                if token:
                    terms += forms(token)
            frequencies: dict[str, int] = {}
            for term in terms:
                frequencies[term] = frequencies.get(term, 0) + 1
            for term in frequencies:
                entries_with[term] = entries_with.get(term, 0) + 1
            rows.append((frequencies, len(terms)))
            total += len(terms)
        fields.append((rows, total / count if count else 0.0))
    sorted_terms = sorted(entries_with)
    number = {term: n for n, term in enumerate(sorted_terms)}
    idf = {  # lunr.idf
        term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in entries_with.items()
    }
    postings: list[Postings] = [[] for _ in sorted_terms]
    for f, (field, (rows, average)) in enumerate(zip(FIELDS, fields, strict=True)):
        for d, (frequencies, length) in enumerate(rows):
            for term, tf in frequencies.items():
                # lunr.Builder's BM25, operation for operation (the same float)
                score = (
                    idf[term]
                    * ((BM25_K1 + 1) * tf)
                    / (BM25_K1 * (1 - BM25_B + BM25_B * (length / average)) + tf)
                )
                score *= field.boost
                term_postings = postings[number[term]]
                if not term_postings or term_postings[-1][0] != f:
                    term_postings.append([f, [], [], 0])
                entry = term_postings[-1]
                entry[1].append(d - entry[3])
                entry[2].append(round(round(score, 3) * 1000))
                entry[3] = d
    for term_postings in postings:
        for entry in term_postings:
            del entry[3]  # the last entry number, for the deltas
    return sorted_terms, postings


def _shard_starts(postings: list[Postings], count: int) -> list[int]:
    """First term of each part, in sorted term order, so parts hold about the
    same number of postings (a very common term may fill a part alone)."""
    sizes = [sum(len(p[1]) for p in term) for term in postings]
    total = sum(sizes) or 1
    starts, running = [0], 0
    for n, size in enumerate(sizes):
        if len(starts) < count and running >= total * len(starts) / count and n > starts[-1]:
            starts.append(n)
        running += size
    # Exactly `count` parts, so their files are known before the index is built.
    return starts + [len(postings)] * (count - len(starts))


def site_files(asset: dict[str, Any]) -> dict[str, str]:
    """Site path -> content: the head (catalogus-zoekindex.json) and each part."""
    head = {key: value for key, value in asset.items() if key != "postings"}
    files = {urls.SEARCH_INDEX: dump_index(head)}
    for number, part in enumerate(asset["postings"]):
        files[urls.search_shard(number)] = dump_index({"deel": number, "postings": part})
    return files


class MissingPart(ValueError):
    def __init__(self, number: int, path: Path) -> None:
        super().__init__(f"part {number} of the search index is missing: {path}")
        self.number = number
        self.path = path


def read_parts(head: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Add to a head read from `folder`'s catalogus-zoekindex.json its parts,
    from the files beside it (catalogus-zoekindex/0.json, ...)."""
    parts = folder / Path(head["termen"]["pad"]).name
    head["postings"] = []
    for number in range(len(head["termen"]["delen"])):
        path = parts / f"{number}.json"
        try:
            head["postings"].append(json.loads(path.read_text(encoding="utf-8"))["postings"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise MissingPart(number, path) from error
    return head


def dump_index(asset: dict[str, Any]) -> str:
    return json.dumps(asset, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def lunr_index(asset: dict[str, Any]) -> dict[str, Any]:
    """lunr's serialised index rebuilt from the asset, for lunr.py to query
    (catalogus-zoeken.js keeps the same postings as arrays and scores them
    as lunr does)."""
    terms = asset["termen"]
    fields = terms["velden"]
    refs = sorted(asset["documenten"])
    vectors: dict[str, list[float]] = {}
    inverted = []
    postings = [p for part in asset["postings"] for p in part]
    for n, (term, term_postings) in enumerate(zip(terms["lijst"], postings, strict=True)):
        posting: dict[str, Any] = {"_index": n, **{field: {} for field in fields}}
        for f, deltas, weights in term_postings:
            d = 0
            for delta, weight in zip(deltas, weights, strict=True):
                d += delta
                posting[fields[f]][refs[d]] = {}
                vectors.setdefault(f"{fields[f]}/{refs[d]}", []).extend((n, weight / 1000))
        inverted.append([term, posting])
    return {
        "version": LUNR_VERSION,
        "fields": fields,
        "fieldVectors": list(vectors.items()),
        "invertedIndex": inverted,
        "pipeline": ["stemmer-nl"],
    }


# -- querying ----------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    ref: str
    score: float
    fields: tuple[str, ...]  # field names where a query word matched
    words: int = 1  # query words this entry matches
    exact: int = 1  # of those, matched as typed (not by a synonym, its parts or a typo)


@dataclass(frozen=True)
class SearchIndex:
    """A loaded index with what the query rules need beside it."""

    index: Index
    #: stem of a single-word synonym -> the other members of its groups, each as query words
    synonyms: dict[str, tuple[tuple[str, ...], ...]]
    #: stems a compound's part may have: the index's own terms and the listed woorddelen
    known: frozenset[str]
    #: endings that are never a part (geen_woorddelen)
    never: frozenset[str] = frozenset()


#: Bounds that keep any query fast (a query comes from a URL anyone can send):
#: lunr's typo expansion grows with the word's length (one word of 300
#: letters took 43 s), so long words are cut and very long ones get no typos.
#: catalogus-zoeken.js holds the same numbers; the parity test compares them.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
MAX_WORD_LENGTH = 40
MAX_TYPO_WORD_LENGTH = 20
#: A match through a synonym or a compound's parts counts this much of a
#: match of the word itself (and ranks below it, see `search`).
SYNONYM_WEIGHT = 0.5
PARTS_WEIGHT = 0.5


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


def words_needed(count: int) -> int:
    """How many of `count` query words an entry must match to be shown: all of
    one; one of two; more than half of three or more."""
    return count if count <= 1 else 1 if count == 2 else count // 2 + 1


Phrases = tuple[tuple[str, ...], ...]


def synonym_map(groups: list[list[str]] | Phrases) -> dict[str, Phrases]:
    """Stem of each single-word member -> the other members (as query words), in file order."""
    result: dict[str, list[tuple[str, ...]]] = {}
    for group in groups:
        members = [tuple(query_words(member)) for member in group]
        for member in members:
            if len(member) != 1:
                continue
            key = stem(member[0])
            others = result.setdefault(key, [])
            for other in members:
                same = len(other) == 1 and stem(other[0]) == key
                if other and other not in others and not same:
                    others.append(other)
    return {key: tuple(others) for key, others in result.items()}


Matches = dict[str, tuple[float, tuple[str, ...]]]  # ref -> (score, fields)


def _term_hits(index: Index, terms: list[str], last: bool = False, typos: int = 0) -> Matches:
    """One lunr query: any of `terms` by stem; the first also as a prefix if
    it is the last query word, and with `typos` edits."""

    def build(query: Query) -> None:
        for term in terms:
            query.term(term, use_pipeline=True, boost=10)
        if last:
            query.term(terms[0], use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=1)
        if typos:
            query.term(terms[0], use_pipeline=False, edit_distance=typos, boost=1)

    found: Matches = {}
    for result in index.query(callback=build):
        fields = sorted({f for term in result["match_data"].metadata.values() for f in term})
        found[result["ref"]] = (result["score"], tuple(fields))
    return found


def _all_of(matches: list[Matches]) -> Matches:
    """Entries in every one of `matches`, their scores added in order."""
    result = matches[0]
    for more in matches[1:]:
        result = {
            ref: (score + more[ref][0], tuple(sorted(set(fields) | set(more[ref][1]))))
            for ref, (score, fields) in result.items()
            if ref in more
        }
    return result


WordMatches = dict[str, tuple[float, tuple[str, ...], bool]]  # ref -> (score, fields, exact)


def _match_word(searcher: SearchIndex, word: str, last: bool) -> WordMatches:
    """One word's matches, ref -> (score, fields, exact): the word itself (its
    stem, a prefix if it is the last word); each synonym (all words of a
    phrase); its compound parts (each part or a synonym of it); and only when
    all those find nothing, a small typo (typos on a common word score
    thousands of near-misses)."""
    found: WordMatches = {}

    def add(matches: Matches, weight: float, exact: bool) -> None:
        for ref, (score, fields) in matches.items():
            if ref in found:
                before = found[ref]
                found[ref] = (
                    max(before[0], score * weight),
                    tuple(sorted(set(before[1]) | set(fields))),
                    before[2] or exact,
                )
            else:
                found[ref] = (score * weight, fields, exact)

    index = searcher.index
    add(_term_hits(index, [word], last), 1.0, True)
    for phrase in searcher.synonyms.get(stem(word), ()):
        add(_all_of([_term_hits(index, [term]) for term in phrase]), SYNONYM_WEIGHT, False)
    parts = split_compound(word, _known_stems(searcher.known, searcher.never))
    if parts:
        alternatives = [
            [part, *(p[0] for p in searcher.synonyms.get(stem(part), ()) if len(p) == 1)]
            for part in parts
        ]
        add(_all_of([_term_hits(index, terms) for terms in alternatives]), PARTS_WEIGHT, False)
    distance = edit_distance_for(word)
    if not found and distance:
        add(_term_hits(index, [word], last, distance), 1.0, False)
    return found


def search(searcher: SearchIndex, text: str) -> list[Hit]:
    """Entries matching the most query words first (all words, then most of
    them: `words_needed`); then those matching more words as typed (not by a
    synonym, a compound's parts or a typo); then by score."""
    words = query_words(text)
    combined: dict[str, list] = {}  # ref -> [score, fields, words, exact]
    for position, word in enumerate(words):
        found = _match_word(searcher, word, last=position == len(words) - 1)
        for ref, (score, fields, exact) in found.items():
            if ref not in combined:
                combined[ref] = [0.0, set(), 0, 0]
            entry = combined[ref]
            entry[0] += score
            entry[1] |= set(fields)
            entry[2] += 1
            entry[3] += 1 if exact else 0
    needed = words_needed(len(words))
    hits = [
        Hit(ref, score, tuple(sorted(fields)), count, exact)
        for ref, (score, fields, count, exact) in combined.items()
        if count >= needed
    ]
    return sorted(hits, key=lambda h: (-h.words, -h.exact, -h.score, h.ref))


def load_index(asset: dict[str, Any]) -> SearchIndex:
    """The asset with all its parts (`postings`), as built or read back."""
    _register_pipeline()
    index = Index.load(lunr_index(asset))
    extra = asset.get("zoekwoorden") or {}
    known = set(index.inverted_index) | {stem(p) for p in extra.get("woorddelen", ())}
    never = frozenset(extra.get("geen_woorddelen", ()))
    return SearchIndex(index, synonym_map(extra.get("synoniemen", ())), frozenset(known), never)
