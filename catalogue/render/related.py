"""Related interventions: other entries ranked by shared working elements,
then shared risk groups (the "Verwante interventies" of an entry page)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import itemgetter

from catalogue.model import Catalogue, Intervention

Signature = tuple[int, int]  # bit masks: working elements, risk groups
Score = tuple[int, int]  # shared working elements, shared risk groups


def related(entry: Intervention, catalogue: Catalogue, limit: int = 4) -> list[Intervention]:
    """Other entries ranked by shared working elements, then shared risk groups."""
    return related_index(catalogue)(entry, limit)


def related_index(catalogue: Catalogue) -> Callable[[Intervention, int], list[Intervention]]:
    """Build once, rank per entry.

    The ranking depends only on an entry's working elements and risk groups
    (its signature), and a vocabulary of a few dozen terms gives far fewer
    signatures than entries (1,000 synthetic entries: 285). So signatures are
    ranked against each other once, as bit masks, and each entry walks its
    signature's ranking: the cost grows with the number of signatures
    squared, not entries squared (comparing every pair of 1,000 entries took
    5 s; at 5,000 it would take two minutes).
    """
    bits = _term_bits(catalogue)
    groups: dict[Signature, list[Intervention]] = {}
    for entry in catalogue.interventions:
        groups.setdefault(_signature(entry, bits), []).append(entry)
    for members in groups.values():
        members.sort(key=lambda e: e.naam.casefold())
    # Groups by their working elements: a signature's best groups are among those
    # sharing the most elements, so the ranking below is built level by level
    # and stops once enough entries are found (at 5,000 entries, 1,044
    # signatures: ranking every group for every signature took 2.3 s).
    by_elements: dict[int, list[tuple[int, int, list[Intervention]]]] = {}
    for number, ((elements, risk_groups), members) in enumerate(groups.items()):
        by_elements.setdefault(elements, []).append((number, risk_groups, members))

    def order(signature: Signature) -> Iterator[tuple[Score, list[Intervention]]]:
        """Signature groups sharing anything with `signature`, best score first
        (equal scores in the groups' order)."""
        elements, risk_groups = signature
        levels: dict[int, list[tuple[int, int, list[Intervention]]]] = {}
        for other_elements, entries in by_elements.items():
            levels.setdefault((elements & other_elements).bit_count(), []).extend(entries)
        for shared in sorted(levels, reverse=True):
            scored = [
                (-(risk_groups & other_groups).bit_count(), number, members)
                for number, other_groups, members in levels[shared]
            ]
            scored.sort(key=itemgetter(0, 1))
            for negative, _, members in scored:
                if shared or negative:
                    yield (shared, -negative), members

    best: dict[tuple[Signature, int], list[Intervention]] = {}

    def top(signature: Signature, size: int) -> list[Intervention]:
        """The `size` best entries for a signature, the entry itself among them
        if it ranks there: entries sharing a signature share this list."""
        key = (signature, size)
        if key not in best:
            candidates: list[tuple[Score, Intervention]] = []
            for score, members in order(signature):
                if len(candidates) >= size and score != candidates[-1][0]:
                    break  # every further group scores lower
                # Members are in name order: more than `size` never win.
                candidates += [(score, m) for m in members[:size]]
            candidates.sort(key=lambda c: (-c[0][0], -c[0][1], c[1].naam.casefold()))
            best[key] = [m for _, m in candidates[:size]]
        return best[key]

    def rank(entry: Intervention, limit: int = 4) -> list[Intervention]:
        # One more than asked, so that leaving the entry out still leaves `limit`.
        others = [m for m in top(_signature(entry, bits), limit + 1) if m.slug != entry.slug]
        return others[:limit]

    return rank


def _term_bits(catalogue: Catalogue) -> dict[str, int]:
    """One bit per working element and per risk group (ids are unique per vocabulary)."""
    bits: dict[str, int] = {}
    for vocabulary in ("werkzame_elementen", "risicogroepen"):
        for position, term in enumerate(catalogue.vocabularies[vocabulary]):
            bits[f"{vocabulary}:{term.id}"] = 1 << position
    return bits


def _signature(entry: Intervention, bits: dict[str, int]) -> Signature:
    elements = groups = 0
    for term in entry.werkzame_elementen:
        elements |= bits[f"werkzame_elementen:{term.id}"]
    for term in entry.risicogroepen:
        groups |= bits[f"risicogroepen:{term.id}"]
    return elements, groups
