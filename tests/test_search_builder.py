"""The search index is computed by catalogue.search.index_postings, not by
lunr.py's Builder: it must give exactly the index the Builder gives.

The reference here runs lunr.py's Builder with the index pipeline as lunr
runs it (trimmer, stop-word filter, then each word as written, its stem and
its compound parts) and compacts its serialised index as the site ships it.
"""

from __future__ import annotations

from typing import Any

import pytest
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue
from catalogue.search import (
    FIELDS,
    _indexed_forms,
    _known_stems,
    _register_pipeline,
    _vocabulary,
    index_postings,
    search_document,
    short_refs,
    split_compound,
    stem,
)

CATALOGUE, _ = load_catalogue(DATA_DIR)
REAL = [search_document(e) for e in sorted(CATALOGUE.interventions, key=lambda e: e.slug)]

#: Text that tests the tokenizer's edges: lunr cuts only at its own separators
#: (the no-break space and the hyphen among them, not the thin space).
HOSTILE = [
    "ouderen\u00a0in\tde\nwijk\r\fen\vbuurt—bewoners",
    'huis-bezoek  --  huisbezoek, \u2009mantelzorgers!! ‘thema’s’ 2017 ... "quotes"',
    "",
    "de het een en van",  # only stop words
    "ÉÉN Één één İstanbul straße groß",
    "a" * 300 + " buurtbewonersvereniging wijkbewonersavonden",
]


def reference_postings(documents: list[dict[str, str]], known) -> tuple[list[str], list]:
    """lunr.py's Builder over `documents`, compacted as build_index ships it."""
    trimmer, stop_words = _register_pipeline()

    def words(token: Token, i=None, tokens=None) -> list[Token]:
        text = str(token)
        forms = [text, stem(text)]
        for part in split_compound(text, known) or ():
            forms += [part, stem(part)]
        return [
            token.clone(lambda _t, metadata=None, form=form: form) for form in dict.fromkeys(forms)
        ]

    builder = Builder()
    builder.pipeline.add(trimmer, stop_words, words)
    builder.search_pipeline.add(Pipeline.registered_functions["stemmer-nl"])
    builder.ref("ref")
    for field in FIELDS:
        builder.field(field.name, boost=field.boost)
    refs = short_refs(len(documents))
    for ref, document in zip(refs, documents, strict=True):
        builder.add({**document, "ref": ref})
    return compact(builder.build().serialize(), refs)


def compact(serialized: dict[str, Any], refs: list[str]) -> tuple[list[str], list]:
    fields = serialized["fields"]
    terms = [term for term, _ in serialized["invertedIndex"]]
    renumber = {posting["_index"]: n for n, (_, posting) in enumerate(serialized["invertedIndex"])}
    doc_number = {ref: n for n, ref in enumerate(refs)}
    found: list[dict[int, list[tuple[int, int]]]] = [{} for _ in terms]
    for field_ref, elements in serialized["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        f, d = fields.index(field), doc_number[ref]
        for k in range(0, len(elements), 2):
            weight = round(elements[k + 1] * 1000)
            found[renumber[elements[k]]].setdefault(f, []).append((d, weight))
    postings = []
    for per_field in found:
        term_postings = []
        for f in sorted(per_field):
            docs = sorted(per_field[f])
            deltas = [d - (docs[k - 1][0] if k else 0) for k, (d, _) in enumerate(docs)]
            term_postings.append([f, deltas, [w for _, w in docs]])
        postings.append(term_postings)
    return terms, postings


def known_for(documents: list[dict[str, str]]):
    stems = {stem(w) for w in _vocabulary(documents)}
    stems |= {stem(part) for part in CATALOGUE.search_words.woorddelen}
    return _known_stems(stems, frozenset(CATALOGUE.search_words.geen_woorddelen))


def recombined(count: int) -> list[dict[str, str]]:
    """`count` documents, field f of document i taken from real entry (i * (f + 1)) mod n:
    texts of every length side by side, so lengths and frequencies vary."""
    n = len(REAL)
    return [
        {field.name: REAL[(i * (f + 1)) % n][field.name] for f, field in enumerate(FIELDS)}
        for i in range(count)
    ]


def with_hostile(documents: list[dict[str, str]]) -> list[dict[str, str]]:
    extra = []
    for k, text in enumerate(HOSTILE):
        extra.append(
            {
                field.name: (text if f % 2 == k % 2 else REAL[k][field.name])
                for f, field in enumerate(FIELDS)
            }
        )
    return documents + extra


@pytest.mark.parametrize(
    "documents",
    [REAL, recombined(250), with_hostile(REAL), [REAL[0]]],
    ids=["real catalogue", "250 recombined", "with hostile text", "one entry"],
)
def test_index_postings_equal_lunr_builders_index(documents):
    known = known_for(documents)
    ours = index_postings(documents, _indexed_forms(known))
    assert ours == reference_postings(documents, known)


def test_the_reference_is_not_trivially_equal():
    """A changed boost changes the weights: the comparison above can fail."""
    documents = recombined(20)
    known = known_for(documents)
    terms, postings = index_postings(documents, _indexed_forms(known))
    assert len(terms) > 100
    weights = {w for term in postings for entry in term for w in entry[2]}
    assert len(weights) > 50  # BM25 weights vary with length and frequency
    other = [{**d, FIELDS[0].name: d[FIELDS[0].name] + " extra woorden hier"} for d in documents]
    assert index_postings(other, _indexed_forms(known)) != (terms, postings)
