"""Which decision facts an entry gives, and which it still lacks.

A policymaker deciding on an intervention asks the same few questions;
each entry page shows which of them a source answers, and for each one
that is still open, where a maintainer learns how to add it (the field's
row on the contributing page). One declaration per fact, here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from catalogue import recognition
from catalogue.model import Intervention


@dataclass(frozen=True)
class DecisionFact:
    key: str
    label: str  # Dutch, as a question's subject on the entry page
    field: str  # the schema field a maintainer fills in (its anchor on /bijdragen/)
    known: Callable[[Intervention, date], bool]


def _format_details(entry: Intervention, _: date) -> bool:
    f = entry.werkvorm
    return bool(f.vormen) and any((f.duur, f.aantal_bijeenkomsten, f.frequentie))


DECISION_FACTS: tuple[DecisionFact, ...] = (
    DecisionFact(
        "erkenning",
        "Erkenning",
        "erkenning",
        lambda e, today: recognition.status_id(e, today) != recognition.UNKNOWN,
    ),
    DecisionFact("kosten", "Kosten", "kosten", lambda e, _: bool(e.kosten)),
    DecisionFact("contact", "Contact", "eigenaar.contact", lambda e, _: bool(e.eigenaar.contact)),
    DecisionFact("aanmelden", "Aanmelden of verwijzen", "aanmelden", lambda e, _: bool(e.aanmelden)),
    DecisionFact("website", "Website", "eigenaar.website", lambda e, _: bool(e.eigenaar.website)),
    DecisionFact(
        "eigenaar", "Eigenaar", "eigenaar.organisatie", lambda e, _: bool(e.eigenaar.organisatie)
    ),
    DecisionFact("werkvorm", "Werkvorm met duur of frequentie", "werkvorm", _format_details),
)


@dataclass(frozen=True)
class Completeness:
    known: tuple[DecisionFact, ...]
    missing: tuple[DecisionFact, ...]

    @property
    def total(self) -> int:
        return len(self.known) + len(self.missing)


def completeness(entry: Intervention, today: date) -> Completeness:
    known = tuple(f for f in DECISION_FACTS if f.known(entry, today))
    missing = tuple(f for f in DECISION_FACTS if not f.known(entry, today))
    return Completeness(known, missing)


def field_anchor(field: str) -> str:
    """The id of a field's row on the contributing page."""
    return "veld-" + field.replace(".", "-").replace("[]", "")
