"""Open-data exports of the catalogue: `catalogus.json` and `catalogus.csv`.

Each export has a typed record; field order is column order. Output is sorted
by slug and deterministic (no timestamps), so a rebuild without data changes
writes identical bytes (the recognition status depends on the day only
where a source gives an end of validity). Unknown facts are `null` in JSON and an empty cell in
CSV.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, fields
from typing import Any, TypedDict

from datetime import date

from catalogue import recognition as recognition_status
from catalogue import urls
from catalogue.model import Application, Catalogue, Intervention, Term

LIST_SEPARATOR = "; "
#: Dutch Excel expects `;` between columns (the Dutch list separator); a
#: comma-separated file opens as one column there.
CSV_DELIMITER = ";"
#: The byte-order mark makes Excel read the file as UTF-8 (é, ë, —).
BOM = "\ufeff"


class TermRecord(TypedDict):
    id: str
    label: str


class LinkedTermRecord(TermRecord):
    url: str


class SourceRecord(TypedDict):
    titel: str
    uitgever: str
    jaar: int | None
    url: str


class EntryRecord(TypedDict):
    slug: str
    url: str
    naam: str
    eerdere_namen: list[str]
    claim: str
    beschrijving: str
    doelgroep: dict[str, Any]
    risicogroepen: list[LinkedTermRecord]
    werkzame_elementen: list[LinkedTermRecord]
    werkvorm: dict[str, Any]
    vormen_van_eenzaamheid: list[TermRecord]
    preventieniveaus: list[TermRecord]
    eenzaamheid_als_doel: TermRecord | None
    bouwstenen: list[TermRecord]
    aanpak: str | None
    eigenaar: dict[str, str | None]
    erkenningsstatus: TermRecord
    erkenning: dict[str, Any] | None
    uitvoering: dict[str, Any]
    aanmelden: str | None
    kosten: str | None
    bronnen: list[SourceRecord]
    laatst_gecontroleerd: str
    bronbestand: str


class CatalogueExport(TypedDict):
    titel: str
    schema: str
    aantal: int
    interventies: list[EntryRecord]


def _term(term: Term) -> TermRecord:
    return {"id": term.id, "label": term.label}


def _linked(term: Term, url: str, site_url: str) -> LinkedTermRecord:
    return {"id": term.id, "label": term.label, "url": site_url + url}


def _optional(term: Term | None) -> TermRecord | None:
    return _term(term) if term else None


def _application(application: Application | None) -> dict[str, Any] | None:
    if application is None:
        return None
    return {
        "niveau": _optional(application.niveau),
        "jaar": application.jaar,
        "bron": application.bron,
        "toelichting": application.toelichting,
    }


def _status(entry: Intervention, statuses: dict[str, Term], today: date) -> Term:
    return statuses[recognition_status.status_id(entry, today)]


def entry_record(
    entry: Intervention,
    site_url: str = "",
    *,
    statuses: dict[str, Term],
    today: date,
) -> EntryRecord:
    """One entry with resolved labels and page URLs (absolute when `site_url` is given).

    `erkenningsstatus` is the recognition as the site shows it on `today`
    (a level, or in a databank, lapsed, applied for, unknown)."""
    recognition = entry.erkenning
    return {
        "slug": entry.slug,
        "url": site_url + urls.entry(entry.slug),
        "naam": entry.naam,
        "eerdere_namen": list(entry.eerdere_namen),
        "claim": entry.claim,
        "beschrijving": entry.beschrijving,
        "doelgroep": {
            "omschrijving": entry.doelgroep.omschrijving,
            "leeftijd_min": entry.doelgroep.leeftijd_min,
            "leeftijd_max": entry.doelgroep.leeftijd_max,
            "tags": [_term(t) for t in entry.doelgroep.tags],
        },
        "risicogroepen": [_linked(t, urls.risk_group(t.id), site_url) for t in entry.risicogroepen],
        "werkzame_elementen": [
            _linked(t, urls.element(t.id), site_url) for t in entry.werkzame_elementen
        ],
        "werkvorm": {
            "vormen": [_term(t) for t in entry.werkvorm.vormen],
            "duur": entry.werkvorm.duur,
            "aantal_bijeenkomsten": entry.werkvorm.aantal_bijeenkomsten,
            "frequentie": entry.werkvorm.frequentie,
            "toelichting": entry.werkvorm.toelichting,
        },
        "vormen_van_eenzaamheid": [_term(t) for t in entry.vormen_van_eenzaamheid],
        "preventieniveaus": [_term(t) for t in entry.preventieniveaus],
        "eenzaamheid_als_doel": _term(entry.eenzaamheid_als_doel)
        if entry.eenzaamheid_als_doel
        else None,
        "bouwstenen": [_term(t) for t in entry.bouwstenen],
        "aanpak": entry.aanpak,
        "eigenaar": asdict(entry.eigenaar),
        "erkenningsstatus": _term(_status(entry, statuses, today)),
        "erkenning": {
            "databank": _optional(recognition.databank),
            "niveau": _optional(recognition.niveau),
            "datum": recognition.datum.isoformat() if recognition.datum else None,
            "geldig_tot": recognition.geldig_tot.isoformat() if recognition.geldig_tot else None,
            "url": recognition.url,
            "bron": recognition.bron,
            "toelichting": recognition.toelichting,
            "aanvraag": _application(recognition.aanvraag),
        }
        if recognition
        else None,
        "uitvoering": {
            "locaties": list(entry.uitvoering.locaties),
            "toelichting": entry.uitvoering.toelichting,
        },
        "aanmelden": entry.aanmelden,
        "kosten": entry.kosten,
        "bronnen": [asdict(source) for source in entry.bronnen],  # type: ignore[misc]
        "laatst_gecontroleerd": entry.laatst_gecontroleerd.isoformat(),
        "bronbestand": entry.source_file,
    }


def to_json(catalogue: Catalogue, site_url: str = "", today: date | None = None) -> str:
    entries = sorted(catalogue.interventions, key=lambda e: e.slug)
    statuses, today = recognition_status.status_terms(catalogue.vocabularies), today or date.today()
    document: CatalogueExport = {
        "titel": "Wat werkt tegen eenzaamheid: catalogus van interventies",
        "schema": site_url + urls.EXPORT_SCHEMA,
        "aantal": len(entries),
        "interventies": [
            entry_record(e, site_url, statuses=statuses, today=today) for e in entries
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class CsvRow:
    """One spreadsheet row per entry; the field order is the column order."""

    slug: str
    naam: str
    eerdere_namen: str
    claim: str
    doelgroep: str
    leeftijd_min: str
    leeftijd_max: str
    doelgroeptags: str
    risicogroepen: str
    werkzame_elementen: str
    werkvormen: str
    duur: str
    aantal_bijeenkomsten: str
    frequentie: str
    vormen_van_eenzaamheid: str
    preventieniveaus: str
    eenzaamheid_als_doel: str
    bouwstenen: str
    eigenaar: str
    website: str
    erkenning_status: str
    erkenning_databank: str
    erkenning_niveau: str
    erkenning_datum: str
    locaties: str
    aanmelden: str
    kosten: str
    bronnen: str
    laatst_gecontroleerd: str
    url: str


def _labels(terms: tuple[Term, ...]) -> str:
    return LIST_SEPARATOR.join(t.label for t in terms)


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def csv_row(
    entry: Intervention, site_url: str = "", *, statuses: dict[str, Term], today: date
) -> CsvRow:
    recognition = entry.erkenning
    return CsvRow(
        slug=entry.slug,
        naam=entry.naam,
        eerdere_namen=LIST_SEPARATOR.join(entry.eerdere_namen),
        claim=entry.claim,
        doelgroep=entry.doelgroep.omschrijving,
        leeftijd_min=_cell(entry.doelgroep.leeftijd_min),
        leeftijd_max=_cell(entry.doelgroep.leeftijd_max),
        doelgroeptags=_labels(entry.doelgroep.tags),
        risicogroepen=_labels(entry.risicogroepen),
        werkzame_elementen=_labels(entry.werkzame_elementen),
        werkvormen=_labels(entry.werkvorm.vormen),
        duur=_cell(entry.werkvorm.duur),
        aantal_bijeenkomsten=_cell(entry.werkvorm.aantal_bijeenkomsten),
        frequentie=_cell(entry.werkvorm.frequentie),
        vormen_van_eenzaamheid=_labels(entry.vormen_van_eenzaamheid),
        preventieniveaus=_labels(entry.preventieniveaus),
        eenzaamheid_als_doel=entry.eenzaamheid_als_doel.label if entry.eenzaamheid_als_doel else "",
        bouwstenen=_labels(entry.bouwstenen),
        eigenaar=_cell(entry.eigenaar.organisatie),
        website=_cell(entry.eigenaar.website),
        erkenning_status=_status(entry, statuses, today).label,
        erkenning_databank=recognition.databank.label if recognition and recognition.databank else "",
        erkenning_niveau=recognition.niveau.label if recognition and recognition.niveau else "",
        erkenning_datum=recognition.datum.isoformat() if recognition and recognition.datum else "",
        locaties=LIST_SEPARATOR.join(entry.uitvoering.locaties),
        aanmelden=_cell(entry.aanmelden),
        kosten=_cell(entry.kosten),
        bronnen=LIST_SEPARATOR.join(s.url for s in entry.bronnen),
        laatst_gecontroleerd=entry.laatst_gecontroleerd.isoformat(),
        url=site_url + urls.entry(entry.slug),
    )


CSV_COLUMNS = [f.name for f in fields(CsvRow)]


def to_csv(catalogue: Catalogue, site_url: str = "", today: date | None = None) -> str:
    """UTF-8 text with a BOM; write it with `newline=""` semantics (rows end in CRLF)."""
    statuses, today = recognition_status.status_terms(catalogue.vocabularies), today or date.today()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for entry in sorted(catalogue.interventions, key=lambda e: e.slug):
        row = csv_row(entry, site_url, statuses=statuses, today=today)
        writer.writerow([_guard_formula(getattr(row, name)) for name in CSV_COLUMNS])
    return BOM + buffer.getvalue()


def _guard_formula(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas, and some strip a
    leading tab or carriage return first (OWASP CSV injection); prefix a quote."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
