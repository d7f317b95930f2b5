"""The gap matrix of "Aanbod in beeld": how many entries carry one term of
each of two vocabularies (risk groups against working elements, forms of
loneliness, prevention levels)."""

from __future__ import annotations

from collections.abc import Callable

from catalogue import fields
from catalogue.model import Catalogue, Intervention


def carried(entry: Intervention, vocabulary: str) -> set[str]:
    """Ids an entry carries in the field holding `vocabulary`'s terms."""
    return {t.id for t in fields.term_fields()[vocabulary].terms(entry)}


def pair_counter(catalogue: Catalogue) -> Callable[[str, str, str, str], int]:
    """Count entries that carry one term of each of two vocabularies."""

    def count(row_vocabulary: str, row: str, column_vocabulary: str, column: str) -> int:
        return sum(
            1
            for entry in catalogue.interventions
            if row in carried(entry, row_vocabulary) and column in carried(entry, column_vocabulary)
        )

    return count
