"""How an entry's recognition shows: one status per entry, strongest first.

An entry's status is its level when a source gives one and it is still
valid; otherwise one of the statuses of the vocabulary `erkenningsstatussen`:
in a databank with the level not known to us, lapsed, applied for, or
unknown (no source says). "Niet beoordeeld" and "niet in een databank" are
levels a source states, so they are never confused with "onbekend". The
overview's recognition facet, the badge, the sort order and the counts on
the home page all read this one module.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from catalogue.model import Intervention, Recognition, Term, Vocabularies

UNKNOWN = "onbekend"
IN_DATABANK = "in-databank"
LAPSED = "verlopen"
APPLIED = "aangevraagd"

#: Display and sort order, strongest evidence first. Lapsed and "level not
#: known" sit below every valid level and above the statements of no rating.
ORDER = (
    "effectief-sterke-aanwijzingen",
    "effectief-goede-aanwijzingen",
    "effectief-eerste-aanwijzingen",
    "goed-onderbouwd",
    "goed-beschreven",
    IN_DATABANK,
    LAPSED,
    APPLIED,
    "niet-beoordeeld",
    "niet-in-databank",
    UNKNOWN,
)

#: Levels that come from an assessment by a recognition committee.
RATED = frozenset(ORDER[:5])


def is_lapsed(recognition: Recognition, today: date) -> bool:
    """A source gave an end of validity and it has passed."""
    return recognition.geldig_tot is not None and recognition.geldig_tot < today


def status_id(entry: Intervention, today: date) -> str:
    recognition = entry.erkenning
    if recognition is None:
        return UNKNOWN
    if recognition.niveau is not None:
        if recognition.niveau.id in RATED and is_lapsed(recognition, today):
            return LAPSED
        return recognition.niveau.id
    if recognition.databank is not None:
        return IN_DATABANK
    return APPLIED if recognition.aanvraag else UNKNOWN


def statuses(vocabularies: Vocabularies) -> list[Term]:
    """Every status as a term, in `ORDER`."""
    terms = {t.id: t for t in vocabularies["erkenningsniveaus"]}
    terms.update({t.id: t for t in vocabularies["erkenningsstatussen"]})
    missing = set(ORDER) - set(terms)
    if missing:
        raise KeyError(f"vocabularies.yaml mist erkenningsstatus(sen): {', '.join(sorted(missing))}")
    return [terms[i] for i in ORDER]


def status_terms(vocabularies: Vocabularies) -> dict[str, Term]:
    """Status id -> its term: build once, look up per entry."""
    return {t.id: t for t in statuses(vocabularies)}


def rank(entry: Intervention, today: date) -> int:
    """0 for the strongest evidence; higher is weaker."""
    return ORDER.index(status_id(entry, today))


def is_rated(entry: Intervention, today: date) -> bool:
    """A valid level from a recognition committee."""
    return status_id(entry, today) in RATED


def counts(entries: Iterable[Intervention], vocabularies: Vocabularies, today: date) -> list[tuple[Term, int]]:
    """How many entries have each status, in `ORDER`, statuses nobody has left out."""
    tally: dict[str, int] = {}
    for entry in entries:
        key = status_id(entry, today)
        tally[key] = tally.get(key, 0) + 1
    return [(t, tally[t.id]) for t in statuses(vocabularies) if tally.get(t.id)]
