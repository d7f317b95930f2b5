"""The short summary every build logs: what the catalogue holds and where it is thin.

Content gaps are information for maintainers, not errors: these lines are
logged at INFO level, so `mkdocs build --strict` does not fail on them.
"""

from __future__ import annotations

from datetime import date

from catalogue.completeness import DECISION_FACTS, completeness
from catalogue.model import Catalogue

#: An entry not checked for this long is due for a look.
STALE_AFTER_DAYS = 2 * 365
#: Entries of which fewer decision facts than this are known are listed.
FEW_FACTS = len(DECISION_FACTS) // 2 + 1


def summary(catalogue: Catalogue, today: date) -> list[str]:
    entries = catalogue.interventions
    lines = [f"{len(entries)} interventies"]
    for vocabulary, label in (
        ("risicogroepen", "per risicogroep"),
        ("werkzame_elementen", "per werkzaam element"),
    ):
        counts = []
        empty = []
        for term in catalogue.vocabularies[vocabulary]:
            n = sum(1 for e in entries if term.id in {t.id for t in getattr(e, vocabulary)})
            counts.append(f"{term.label} {n}")
            if n == 0:
                empty.append(term.label)
        lines.append(f"{label}: " + ", ".join(counts))
        if empty:
            lines.append(f"zonder interventie ({label.split(' ', 1)[1]}): " + ", ".join(empty))
    stale = sorted(e.slug for e in entries if (today - e.laatst_gecontroleerd).days > STALE_AFTER_DAYS)
    lines.append(
        f"langer dan twee jaar niet gecontroleerd: {len(stale)}"
        + (f" ({', '.join(stale[:10])}{', ...' if len(stale) > 10 else ''})" if stale else "")
    )
    thin = sorted(e.slug for e in entries if len(completeness(e, today).known) < FEW_FACTS)
    lines.append(
        f"minder dan {FEW_FACTS} van {len(DECISION_FACTS)} beslisgegevens bekend: {len(thin)}"
        + (f" ({', '.join(thin[:10])}{', ...' if len(thin) > 10 else ''})" if thin else "")
    )
    return lines
