"""The keuzehulp: from one person's situation to the interventions that fit, with reasons.

The questions and the rules live in `keuzehulp.yaml` (checked by its schema
and the rules below); this module turns them, with the catalogue, into one
plain data document (`guide_data`) and ranks on that document (`rank`). The
browser loads the same document (`keuzehulp.json`) and ranks with
`keuzehulp-rangorde.js`, which follows `rank` step for step; the parity test
compares the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from catalogue import recognition, urls
from catalogue.model import Catalogue, Vocabularies
from catalogue.problems import Problem, quote
from catalogue.sources import Document

#: Questions whose answer is a property of the intervention (a plain match).
MATCHED = {"voor": "risicogroepen", "vorm": "vormen", "werkvorm": "werkvormen"}
WEIGHT_OF = {"voor": "risicogroep", "vorm": "vorm", "werkvorm": "werkvorm"}
#: Effect conditions and the intervention field each one looks at.
CONDITIONS = {
    "element": "elementen",
    "werkvorm": "werkvormen",
    "vorm": "vormen",
    "risicogroep": "risicogroepen",
}
#: How many matches the page lists at first.
SHOWN = 10


def guide_data(catalogue: Catalogue, raw: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Questions with their options resolved, the rules, and each intervention's
    properties: everything ranking needs, as JSON-ready data."""
    vocab = catalogue.vocabularies
    questions = []
    for question in raw["vragen"]:
        options = []
        if question.get("opties_uit"):
            only = question.get("alleen")
            short = question.get("korte_uitleg") or {}
            for term in vocab[question["opties_uit"]]:
                if only is None or term.id in only:
                    explain = short.get(term.id, term.beschrijving)
                    options.append({"id": term.id, "label": term.label, "uitleg": explain})
        options += [dict(o) for o in question.get("opties") or []]
        options += [dict(o) for o in question.get("extra_opties") or []]
        questions.append(
            {
                "id": question["id"],
                "vraag": question["vraag"],
                "uitleg": question["uitleg"],
                "meerdere": bool(question.get("meerdere")),
                "opties": options,
            }
        )
    statuses = recognition.status_terms(vocab)
    entries = []
    for entry in catalogue.interventions:
        status = recognition.status_id(entry, today)
        entries.append(
            {
                "slug": entry.slug,
                "naam": entry.naam,
                "url": urls.entry(entry.slug),
                "claim": entry.claim,
                "risicogroepen": [t.id for t in entry.risicogroepen],
                "vormen": [t.id for t in entry.vormen_van_eenzaamheid],
                "werkvormen": [t.id for t in entry.werkvorm.vormen],
                "elementen": [t.id for t in entry.werkzame_elementen],
                "rang": recognition.rank(entry, today),
                "erkenning": statuses[status].label,
                "erkend": status in recognition.RATED,
                "hoofddoel": bool(
                    entry.eenzaamheid_als_doel and entry.eenzaamheid_als_doel.id == "hoofddoel"
                ),
            }
        )
    labels = {
        name: {t.id: t.label for t in vocab[name]}
        for name in ("risicogroepen", "vormen_van_eenzaamheid", "werkvormen", "werkzame_elementen")
    }
    return {
        "vragen": questions,
        "gewichten": dict(raw["gewichten"]),
        "regels": [dict(r) for r in raw["regels"]],
        "bronnen": {b["id"]: dict(b) for b in raw["bronnen"]},
        "labels": labels,
        "elementpagina": {t.id: urls.element(t.id) for t in vocab["werkzame_elementen"]},
        "interventies": entries,
    }


def _neutral(data: Mapping[str, Any]) -> dict[str, set[str]]:
    return {
        q["id"]: {o["id"] for o in q["opties"] if o.get("neutraal")} for q in data["vragen"]
    }


def clean_answers(data: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, list[str]]:
    """Known options only (answers come from a URL anyone can write), neutral ones dropped."""
    known = {q["id"]: {o["id"] for o in q["opties"]} for q in data["vragen"]}
    many = {q["id"] for q in data["vragen"] if q["meerdere"]}
    neutral = _neutral(data)
    result: dict[str, list[str]] = {}
    for question, value in answers.items():
        if question not in known:
            continue
        values = value if isinstance(value, list) else [value]
        chosen = []
        for v in values:
            if isinstance(v, str) and v in known[question] and v not in neutral[question] and v not in chosen:
                chosen.append(v)
        if chosen:
            result[question] = chosen if question in many else chosen[:1]
    return result


def _holds(condition: Mapping[str, Any], answers: Mapping[str, list[str]]) -> bool:
    for question, wanted in condition.items():
        wanted = wanted if isinstance(wanted, list) else [wanted]
        if not any(v in wanted for v in answers.get(question, [])):
            return False
    return True


def _general(effect: Mapping[str, Any]) -> bool:
    """An effect without conditions on the intervention is advice for everyone."""
    return not any(key in effect for key in CONDITIONS)


def _carries(entry: Mapping[str, Any], effect: Mapping[str, Any]) -> bool:
    """The entry meets every condition of a (non-general) effect."""
    return all(effect[key] in entry[CONDITIONS[key]] for key in CONDITIONS if key in effect)


def rank(data: Mapping[str, Any], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Score every intervention for these answers.

    Returns `matches` (best first: score, then recognition, then name), each
    with `reasons` and `cautions` (text and source id), general `advice`, and,
    when no intervention matches every plain answer, `relax`: the question
    whose answer, left out, lets the most interventions match the rest."""
    chosen = clean_answers(data, answers)
    labels = data["labels"]
    vocab_of = {"voor": "risicogroepen", "vorm": "vormen_van_eenzaamheid", "werkvorm": "werkvormen"}
    intro = {"voor": "Bedoeld voor", "vorm": "Richt zich op", "werkvorm": "Werkvorm"}
    active = [r for r in data["regels"] if _holds(r["als"], chosen)]
    advice: list[dict[str, str]] = []
    for rule in active:
        for effect in rule["dan"]:
            if _general(effect) and effect.get("let_op"):
                advice.append({"tekst": effect["let_op"], "bron": rule["bron"]})
    matches = []
    for entry in data["interventies"]:
        score = 0
        reasons: list[dict[str, Any]] = []
        cautions: list[dict[str, Any]] = []
        plain = 0
        for question, field in MATCHED.items():
            for value in chosen.get(question, []):
                if value in entry[field]:
                    score += data["gewichten"][WEIGHT_OF[question]]
                    plain += 1
                    label = labels[vocab_of[question]][value]
                    reasons.append({"tekst": f"{intro[question]}: {label}", "bron": None})
        if score and entry["hoofddoel"]:
            # Among fitting interventions, those aimed first of all at loneliness.
            score += data["gewichten"]["hoofddoel"]
            reasons.append({"tekst": "Minder eenzaamheid is het hoofddoel", "bron": None})
        for rule in active:
            for effect in rule["dan"]:
                if _general(effect) or not _carries(entry, effect):
                    continue
                score += effect.get("punten", 0)
                record = {"bron": rule["bron"], "element": effect.get("element")}
                if effect.get("reden"):
                    reasons.append({**record, "tekst": effect["reden"]})
                if effect.get("let_op"):
                    cautions.append({**record, "tekst": effect["let_op"]})
        matches.append(
            {
                "slug": entry["slug"],
                "score": score,
                "alles": plain == sum(len(chosen.get(q, [])) for q in MATCHED),
                "redenen": reasons,
                "let_op": cautions,
            }
        )
    order = {e["slug"]: (e["rang"], e["naam"].casefold()) for e in data["interventies"]}
    matches.sort(key=lambda m: (-m["score"], *order[m["slug"]]))
    relax = None
    if chosen and not any(m["alles"] and m["score"] > 0 for m in matches):
        relax = _best_to_relax(data, chosen)
    return {
        "antwoorden": chosen,
        "matches": [m for m in matches if m["score"] > 0],
        "advies": advice,
        "loslaten": relax,
    }


def _best_to_relax(data: Mapping[str, Any], chosen: Mapping[str, list[str]]) -> dict[str, Any] | None:
    best = None
    for question in MATCHED:
        if question not in chosen:
            continue
        rest = {q: v for q, v in chosen.items() if q in MATCHED and q != question}
        count = sum(
            1
            for e in data["interventies"]
            if all(any(v in e[MATCHED[q]] for v in values) for q, values in rest.items())
        )
        if count and (best is None or count > best["aantal"]):
            best = {"vraag": question, "aantal": count}
    return best


# -- checks of the rule file ------------------------------------------------------


def check_guide(document: Document, vocabularies: Vocabularies) -> list[Problem]:
    """Ids are unique; every rule names a known source, known questions and options."""
    data = document.data if isinstance(document.data, dict) else {}
    problems: list[Problem] = []

    def problem(path, rule, message, expected, found, hint=""):
        problems.append(document.problem(path, rule, message, expected=expected, found=found, hint=hint))

    sources = {b.get("id") for b in data.get("bronnen") or [] if isinstance(b, dict)}
    questions = {q.get("id"): q for q in data.get("vragen") or [] if isinstance(q, dict)}
    options: dict[str, set[str]] = {}
    for qid, question in questions.items():
        listed = (question.get("opties") or []) + (question.get("extra_opties") or [])
        own = {o.get("id") for o in listed if isinstance(o, dict)}
        source = question.get("opties_uit")
        if source in vocabularies.by_name:
            own |= set(vocabularies[source].ids())
        options[qid] = own
        short = question.get("korte_uitleg")
        for key in short if isinstance(short, dict) else {}:
            if source in vocabularies.by_name and key not in vocabularies[source].ids():
                index = next(i for i, q in enumerate(data["vragen"]) if q is question)
                problem(("vragen", index, "korte_uitleg", key), "unknown-term",
                        f"onbekende term in {source}", f"een id uit {source}", quote(key))
    seen: set[str] = set()
    for index, rule in enumerate(data.get("regels") or []):
        if not isinstance(rule, dict):
            continue
        if rule.get("id") in seen:
            problem(("regels", index, "id"), "duplicate-rule", "regel-id komt twee keer voor",
                    "elke id één keer", quote(str(rule.get("id"))))
        seen.add(rule.get("id"))
        if rule.get("bron") not in sources:
            problem(("regels", index, "bron"), "unknown-source", "onbekende bron",
                    "een id uit 'bronnen'", quote(str(rule.get("bron"))),
                    "Voeg de bron toe onder 'bronnen' of gebruik een bestaande id.")
        condition = rule.get("als")
        if isinstance(condition, dict) and not condition:
            problem(("regels", index, "als"), "empty-condition", "regel zonder voorwaarde",
                    "minstens één vraag met een antwoord", "{}")
        for qid, value in (condition if isinstance(condition, dict) else {}).items():
            if qid not in questions:
                problem(("regels", index, "als", qid), "unknown-question", "onbekende vraag",
                        "een vraag uit 'vragen'", quote(qid))
                continue
            own = options[qid]
            for v in value if isinstance(value, list) else [value]:
                if v not in own:
                    problem(("regels", index, "als", qid), "unknown-option", "onbekend antwoord",
                            f"een keuze van vraag '{qid}': {', '.join(sorted(own))}", quote(str(v)))
        for position, effect in enumerate(rule.get("dan") or []):
            if isinstance(effect, dict) and not (effect.get("reden") or effect.get("let_op")):
                problem(("regels", index, "dan", position), "effect-text", "effect zonder uitleg",
                        "een 'reden' of een 'let_op'", "geen van beide",
                        "Zeg in eigen woorden waarom dit telt; de keuzehulp toont het.")
    return problems
