"""Every entry field the site shows, compares, exports, filters or searches: declared once.

Each `Field` says, for one fact about an intervention, its Dutch label, how to
read it from an `Intervention`, and where it appears:

- `row`: a row in the facts list of the entry page, drawn by the macro of
  that name in `templates/site/_rows.html.j2` (`text`, `labels`,
  `term_links`, `web_link`, or a macro of the field's own);
- `card`: a line on the overview's cards (the term labels it returns);
- `compare`: a row of the comparison page (`vergelijking.json`);
- `json` and `csv`: its keys in `catalogus.json` (a dotted key nests, e.g.
  `eigenaar.website`) and its columns in `catalogus.csv`;
- `facet`: a filter of the overview, with its public URL parameter;
- `search`: the search index fields it feeds, with their boosts.

The order of `FIELDS` is the order everywhere: entry-page rows, comparison
rows, JSON keys and CSV columns. Renderers, exports, the search index, the
facets and the comparison page all read this module; none keeps a list of
its own. CONTRIBUTING.md ("Een veld toevoegen") walks through adding one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from catalogue import recognition, urls
from catalogue.model import Intervention, Term, Vocabularies

#: Separator between list items in a CSV cell.
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class View:
    """What reading a field may depend on besides the entry."""

    today: date
    statuses: Mapping[str, Term]  # recognition status id -> term (recognition.status_terms)
    site_url: str = ""  # prefix of absolute URLs in the exports ("" gives site paths)

    @classmethod
    def of(cls, vocabularies: Vocabularies, today: date, site_url: str = "") -> View:
        return cls(today, recognition.status_terms(vocabularies), site_url)


Read = Callable[[Intervention, View], Any]
#: For what depends on the entry alone (terms, searched text).
_NO_VIEW = View(date.min, {})
#: A comparison cell: text, a list of labels, or a link `{"text", "href"}`;
#: "" or [] when the catalogue does not know it.
Cell = str | list[str] | dict[str, str]


@dataclass(frozen=True)
class Compare:
    cell: Callable[[Intervention, View], Cell]
    label: str | None = None  # when the row's label differs from the field's


@dataclass(frozen=True)
class Facet:
    """A filter of the overview over the terms of one vocabulary."""

    parameter: str  # query parameter of the overview: public, never renamed
    legend: str
    vocabulary: str
    #: the ids an entry carries (default: the ids of the field's terms)
    values: Callable[[Intervention, View], tuple[str, ...]] | None = None
    #: the facet's values in order (default: the vocabulary's terms)
    terms: Callable[[Vocabularies], list[Term]] | None = None
    #: the site page of one term, where terms have pages
    term_page: Callable[[str], str] | None = None


@dataclass(frozen=True)
class Searched:
    """A search index field fed by this field: the one place its weight is set."""

    name: str  # the index field
    label: str  # Dutch, in "gevonden in"
    boost: int
    #: its text (default: the field's value as text, term labels for terms)
    text: Callable[[Intervention], str] | None = None


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    read: Read
    row: str | None = None
    card: bool = False
    compare: Compare | None = None
    json: tuple[tuple[str, Read], ...] = ()
    csv: tuple[tuple[str, Read], ...] = ()
    facet: Facet | None = None
    search: tuple[Searched, ...] = ()
    #: the vocabulary of a field that holds terms (the gap matrix counts those)
    vocabulary: str | None = None

    def terms(self, entry: Intervention) -> tuple[Term, ...]:
        """The terms a term field holds (they depend on the entry alone)."""
        return self.read(entry, _NO_VIEW) if self.vocabulary else ()


# -- how values turn into text and records ---------------------------------------


def term_record(term: Term) -> dict[str, str]:
    return {"id": term.id, "label": term.label}


def term_records(terms: tuple[Term, ...]) -> list[dict[str, str]]:
    return [term_record(t) for t in terms]


def labels(terms: tuple[Term, ...]) -> list[str]:
    return [t.label for t in terms]


def cell(value: object) -> str:
    """A CSV cell: unknown is empty."""
    return "" if value is None else str(value)


def age_text(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f"{minimum} tot en met {maximum} jaar"
    if minimum is not None:
        return f"vanaf {minimum} jaar"
    if maximum is not None:
        return f"tot en met {maximum} jaar"
    return ""


def join_parts(parts: list[str | None], separator: str = " · ") -> str:
    """Parts of one cell, each without its closing full stop, semicolon or comma."""
    cleaned = [(part or "").strip().rstrip(".;, \t\n") for part in parts]
    return separator.join(part for part in cleaned if part)


def _attr(path: str) -> Read:
    """Read a (dotted) attribute of the entry."""
    names = path.split(".")

    def read(entry: Intervention, view: View) -> Any:
        value: Any = entry
        for name in names:
            value = getattr(value, name)
        return value

    return read


def _text(key: str, read: Read) -> tuple[tuple[str, Read], ...]:
    """A CSV column of optional text."""
    return ((key, lambda e, v: cell(read(e, v))),)


def _terms_field(key: str, label: str, vocabulary: str, read: Read, **uses: Any) -> Field:
    """A field holding terms: labels on the page, term records in JSON, labels in CSV."""
    return Field(
        key,
        label,
        read,
        vocabulary=vocabulary,
        compare=uses.pop("compare", Compare(lambda e, v: labels(read(e, v)))),
        json=uses.pop("json", ((key, lambda e, v: term_records(read(e, v))),)),
        csv=uses.pop("csv", ((key, lambda e, v: LIST_SEPARATOR.join(labels(read(e, v)))),)),
        row=uses.pop("row", "labels"),
        **uses,
    )


def _linked_terms(url_for: Callable[[str], str]) -> Callable[[tuple[Term, ...], View], Any]:
    """Term records with the absolute (or site-path) URL of each term's page."""
    return lambda terms, view: [
        {**term_record(t), "url": view.site_url + url_for(t.id)} for t in terms
    ]


_risk_links = _linked_terms(urls.risk_group)
_element_links = _linked_terms(urls.element)


def _status(entry: Intervention, view: View) -> Term:
    return view.statuses[recognition.status_id(entry, view.today)]


def _recognition_record(entry: Intervention, view: View) -> dict[str, Any] | None:
    r = entry.erkenning
    if r is None:
        return None
    a = r.aanvraag
    return {
        "databank": term_record(r.databank) if r.databank else None,
        "niveau": term_record(r.niveau) if r.niveau else None,
        "datum": r.datum.isoformat() if r.datum else None,
        "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None,
        "url": r.url,
        "bron": r.bron,
        "toelichting": r.toelichting,
        "aanvraag": {
            "niveau": term_record(a.niveau) if a.niveau else None,
            "jaar": a.jaar,
            "bron": a.bron,
            "toelichting": a.toelichting,
        }
        if a
        else None,
    }


def _recognition_cell(entry: Intervention, view: View) -> str:
    """Level and databank where known, else the status; "" when nothing is known."""
    r, status = entry.erkenning, _status(entry, view)
    if r is None and status.id == recognition.UNKNOWN:
        return ""
    text = status.label
    if r and r.niveau and r.databank:
        text = f"{r.niveau.label} ({r.databank.label})"
    if r and status.id == recognition.LAPSED:
        text += ", verlopen"
    return text + (f", {r.datum.isoformat()}" if r and r.datum else "")


def _format_cell(entry: Intervention, view: View) -> str:
    f = entry.werkvorm
    count = f.aantal_bijeenkomsten
    meetings = f"{count} {'bijeenkomst' if count == 1 else 'bijeenkomsten'}" if count else ""
    return join_parts([", ".join(labels(f.vormen)), f.duur, f.frequentie, meetings])


def _website_cell(entry: Intervention, view: View) -> Cell:
    url = entry.eigenaar.website
    if not url or not url.lower().startswith(("http://", "https://")):
        return ""
    text = url.split("://", 1)[1]
    return {"text": text[:-1] if text.endswith("/") else text, "href": url}


def _where_cell(entry: Intervention, view: View) -> str:
    return join_parts([", ".join(entry.uitvoering.locaties), entry.uitvoering.toelichting], "; ")


def _sources_cell(entry: Intervention, view: View) -> str:
    return "; ".join(
        f"{s.titel} ({s.uitgever}{f', {s.jaar}' if s.jaar else ''})" for s in entry.bronnen
    )


def _optional_text(key: str, label: str, path: str, **uses: Any) -> Field:
    """Optional text: `onbekend` on the page and in the comparison when missing."""
    read = _attr(path)
    return Field(
        key,
        label,
        read,
        row=uses.pop("row", "text"),
        compare=uses.pop("compare", Compare(lambda e, v: read(e, v) or "")),
        **uses,
    )


# -- the declaration ---------------------------------------------------------------

FIELDS: tuple[Field, ...] = (
    Field(
        "slug",
        "Slug",
        _attr("slug"),
        json=(("slug", _attr("slug")),),
        csv=(("slug", _attr("slug")),),
    ),
    Field(
        "naam",
        "Naam",
        _attr("naam"),
        search=(Searched("naam", "naam", 10),),
        json=(("naam", _attr("naam")),),
        csv=(("naam", _attr("naam")),),
    ),
    Field(
        "eerdere_namen",
        "Eerdere namen",
        _attr("eerdere_namen"),
        search=(Searched("eerdere_namen", "eerdere naam", 8),),
        json=(("eerdere_namen", lambda e, v: list(e.eerdere_namen)),),
        csv=(("eerdere_namen", lambda e, v: LIST_SEPARATOR.join(e.eerdere_namen)),),
    ),
    Field(
        "claim",
        "Claim",
        _attr("claim"),
        search=(Searched("claim", "claim", 5),),
        compare=Compare(lambda e, v: e.claim),
        json=(("claim", _attr("claim")),),
        csv=(("claim", _attr("claim")),),
    ),
    Field(
        "beschrijving",
        "Beschrijving",
        _attr("beschrijving"),
        json=(("beschrijving", _attr("beschrijving")),),
        search=(Searched("beschrijving", "beschrijving", 1),),
    ),
    Field(
        "doelgroep",
        "Doelgroep",
        _attr("doelgroep.omschrijving"),
        row="doelgroep",  # with the age on a line of its own
        compare=Compare(lambda e, v: e.doelgroep.omschrijving),
        json=(("doelgroep.omschrijving", _attr("doelgroep.omschrijving")),),
        csv=(("doelgroep", _attr("doelgroep.omschrijving")),),
        search=(Searched("doelgroep", "doelgroep", 2),),
    ),
    Field(
        "leeftijd",
        "Leeftijd",
        lambda e, v: age_text(e.doelgroep.leeftijd_min, e.doelgroep.leeftijd_max),
        compare=Compare(lambda e, v: age_text(e.doelgroep.leeftijd_min, e.doelgroep.leeftijd_max)),
        json=(
            ("doelgroep.leeftijd_min", _attr("doelgroep.leeftijd_min")),
            ("doelgroep.leeftijd_max", _attr("doelgroep.leeftijd_max")),
        ),
        csv=(
            *_text("leeftijd_min", _attr("doelgroep.leeftijd_min")),
            *_text("leeftijd_max", _attr("doelgroep.leeftijd_max")),
        ),
    ),
    _terms_field(
        "doelgroeptags",
        "Doelgroep in trefwoorden",
        "doelgroeptags",
        _attr("doelgroep.tags"),
        row=None,
        compare=None,
        json=(("doelgroep.tags", lambda e, v: term_records(e.doelgroep.tags)),),
        search=(Searched("doelgroeptags", "doelgroep", 3),),
    ),
    _terms_field(
        "risicogroepen",
        "Risicogroepen",
        "risicogroepen",
        _attr("risicogroepen"),
        row="term_links",
        card=True,
        json=(("risicogroepen", lambda e, v: _risk_links(e.risicogroepen, v)),),
        facet=Facet("risicogroep", "Risicogroep", "risicogroepen", term_page=urls.risk_group),
        search=(Searched("risicogroepen", "risicogroep", 2),),
    ),
    _terms_field(
        "werkzame_elementen",
        "Werkzame elementen",
        "werkzame_elementen",
        _attr("werkzame_elementen"),
        row="term_links",
        card=True,
        json=(("werkzame_elementen", lambda e, v: _element_links(e.werkzame_elementen, v)),),
        facet=Facet("element", "Werkzaam element", "werkzame_elementen", term_page=urls.element),
        search=(Searched("werkzame_elementen", "werkzaam element", 2),),
    ),
    _terms_field(
        "werkvorm",
        "Werkvorm",
        "werkvormen",
        _attr("werkvorm.vormen"),
        row="werkvorm",  # with duration, meetings, frequency and a note
        card=True,
        compare=Compare(_format_cell, label="Werkvorm en duur"),
        json=(
            (
                "werkvorm",
                lambda e, v: {
                    "vormen": term_records(e.werkvorm.vormen),
                    "duur": e.werkvorm.duur,
                    "aantal_bijeenkomsten": e.werkvorm.aantal_bijeenkomsten,
                    "frequentie": e.werkvorm.frequentie,
                    "toelichting": e.werkvorm.toelichting,
                },
            ),
        ),
        csv=(
            ("werkvormen", lambda e, v: LIST_SEPARATOR.join(labels(e.werkvorm.vormen))),
            *_text("duur", _attr("werkvorm.duur")),
            *_text("aantal_bijeenkomsten", _attr("werkvorm.aantal_bijeenkomsten")),
            *_text("frequentie", _attr("werkvorm.frequentie")),
        ),
        facet=Facet("werkvorm", "Werkvorm", "werkvormen"),
    ),
    _terms_field(
        "vormen_van_eenzaamheid",
        "Vormen van eenzaamheid",
        "vormen_van_eenzaamheid",
        _attr("vormen_van_eenzaamheid"),
    ),
    _terms_field(
        "preventieniveaus",
        "Preventieniveau",
        "preventieniveaus",
        _attr("preventieniveaus"),
        compare=None,
    ),
    Field(
        "eenzaamheid_als_doel",
        "Eenzaamheid als doel",
        _attr("eenzaamheid_als_doel"),
        row="term",
        compare=Compare(
            lambda e, v: e.eenzaamheid_als_doel.label if e.eenzaamheid_als_doel else ""
        ),
        json=(
            (
                "eenzaamheid_als_doel",
                lambda e, v: (
                    term_record(e.eenzaamheid_als_doel) if e.eenzaamheid_als_doel else None
                ),
            ),
        ),
        csv=(
            (
                "eenzaamheid_als_doel",
                lambda e, v: e.eenzaamheid_als_doel.label if e.eenzaamheid_als_doel else "",
            ),
        ),
    ),
    _terms_field(
        "bouwstenen", "Bouwstenen", "bouwstenen", _attr("bouwstenen"), row=None, compare=None
    ),
    Field(
        "aanpak",
        "Aanpak",
        _attr("aanpak"),
        json=(("aanpak", _attr("aanpak")),),
        search=(Searched("aanpak", "aanpak", 1),),
    ),
    Field(
        "erkenning",
        "Erkenning",
        _status,
        row="erkenning",  # level, databank, dates, links and any application
        compare=Compare(_recognition_cell),
        json=(
            ("erkenningsstatus", lambda e, v: term_record(_status(e, v))),
            ("erkenning", _recognition_record),
        ),
        csv=(
            ("erkenning_status", lambda e, v: _status(e, v).label),
            (
                "erkenning_databank",
                lambda e, v: (
                    e.erkenning.databank.label if e.erkenning and e.erkenning.databank else ""
                ),
            ),
            (
                "erkenning_niveau",
                lambda e, v: e.erkenning.niveau.label if e.erkenning and e.erkenning.niveau else "",
            ),
            (
                "erkenning_datum",
                lambda e, v: (
                    e.erkenning.datum.isoformat() if e.erkenning and e.erkenning.datum else ""
                ),
            ),
        ),
        facet=Facet(
            "erkenning",
            "Erkenning",
            "erkenningsniveaus",
            values=lambda e, v: (recognition.status_id(e, v.today),),
            terms=recognition.statuses,  # "onbekend" is a value of its own
        ),
    ),
    _optional_text(
        "eigenaar",
        "Eigenaar",
        "eigenaar.organisatie",
        json=(("eigenaar.organisatie", _attr("eigenaar.organisatie")),),
        csv=_text("eigenaar", _attr("eigenaar.organisatie")),
        search=(Searched("eigenaar", "eigenaar", 3),),
    ),
    _optional_text(
        "website",
        "Website",
        "eigenaar.website",
        row="web_link",
        compare=Compare(_website_cell),
        json=(("eigenaar.website", _attr("eigenaar.website")),),
        csv=_text("website", _attr("eigenaar.website")),
    ),
    _optional_text(
        "contact",
        "Contact",
        "eigenaar.contact",
        json=(("eigenaar.contact", _attr("eigenaar.contact")),),
    ),
    Field(
        "uitvoering",
        "Waar het loopt",
        _attr("uitvoering"),
        row="waar",
        compare=Compare(_where_cell),
        json=(
            (
                "uitvoering",
                lambda e, v: {
                    "locaties": list(e.uitvoering.locaties),
                    "toelichting": e.uitvoering.toelichting,
                },
            ),
        ),
        csv=(("locaties", lambda e, v: LIST_SEPARATOR.join(e.uitvoering.locaties)),),
        search=(
            Searched("plaats", "plaats", 3, lambda e: " ".join(e.uitvoering.locaties)),
            Searched("uitvoering", "uitvoering", 1, lambda e: e.uitvoering.toelichting or ""),
        ),
    ),
    _optional_text(
        "aanmelden",
        "Aanmelden of verwijzen",
        "aanmelden",
        json=(("aanmelden", _attr("aanmelden")),),
        csv=_text("aanmelden", _attr("aanmelden")),
    ),
    _optional_text(
        "kosten",
        "Kosten",
        "kosten",
        json=(("kosten", _attr("kosten")),),
        csv=_text("kosten", _attr("kosten")),
    ),
    Field(
        "bronnen",
        "Bronnen",
        _attr("bronnen"),
        compare=Compare(_sources_cell),
        json=(("bronnen", lambda e, v: [asdict(s) for s in e.bronnen]),),
        csv=(("bronnen", lambda e, v: LIST_SEPARATOR.join(s.url or "" for s in e.bronnen)),),
    ),
    Field(
        "laatst_gecontroleerd",
        "Laatst gecontroleerd",
        _attr("laatst_gecontroleerd"),
        compare=Compare(lambda e, v: e.laatst_gecontroleerd.isoformat()),
        json=(("laatst_gecontroleerd", lambda e, v: e.laatst_gecontroleerd.isoformat()),),
        csv=(("laatst_gecontroleerd", lambda e, v: e.laatst_gecontroleerd.isoformat()),),
    ),
    Field(
        "url",
        "Pagina",
        lambda e, v: v.site_url + urls.entry(e.slug),
        json=(("url", lambda e, v: v.site_url + urls.entry(e.slug)),),
        csv=(("url", lambda e, v: v.site_url + urls.entry(e.slug)),),
    ),
    Field(
        "bronbestand",
        "Bronbestand",
        _attr("source_file"),
        json=(("bronbestand", _attr("source_file")),),
    ),
)

BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}


# -- what each use reads --------------------------------------------------------------


def rows() -> list[Field]:
    """The entry page's facts list, in order."""
    return [f for f in FIELDS if f.row]


def card_fields() -> list[Field]:
    return [f for f in FIELDS if f.card]


def comparison_rows() -> list[tuple[str, Compare]]:
    return [(f.compare.label or f.label, f.compare) for f in FIELDS if f.compare]


def facets() -> list[tuple[Field, Facet]]:
    return [(f, f.facet) for f in FIELDS if f.facet]


def facet_parameters() -> dict[str, str]:
    """Vocabulary -> the overview's URL parameter for it (public)."""
    return {facet.vocabulary: facet.parameter for _, facet in facets()}


def facet_field(vocabulary: str) -> Field:
    """The field whose facet filters on `vocabulary`."""
    for field, facet in facets():
        if facet.vocabulary == vocabulary:
            return field
    raise KeyError(vocabulary)


def facet_values(field: Field, entry: Intervention, view: View) -> tuple[str, ...]:
    assert field.facet is not None
    if field.facet.values:
        return field.facet.values(entry, view)
    return tuple(t.id for t in field.terms(entry))


def facet_terms(facet: Facet, vocabularies: Vocabularies) -> list[Term]:
    return facet.terms(vocabularies) if facet.terms else list(vocabularies[facet.vocabulary])


def term_fields() -> dict[str, Field]:
    """Vocabulary -> the field holding its terms."""
    return {f.vocabulary: f for f in FIELDS if f.vocabulary}


def json_record(entry: Intervention, view: View) -> dict[str, Any]:
    """One entry's record in `catalogus.json`: dotted keys nest, in declaration order."""
    record: dict[str, Any] = {}
    for f in FIELDS:
        for key, read in f.json:
            *parents, name = key.split(".")
            target = record
            for parent in parents:
                target = target.setdefault(parent, {})
            target[name] = read(entry, view)
    return record


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " ".join(v.label if isinstance(v, Term) else str(v) for v in value)
    return str(value)


def search_fields() -> tuple[Searched, ...]:
    """The search index's fields, each with its text reader, in declaration order."""
    result = []
    for f in FIELDS:
        for searched in f.search:
            text = searched.text or (lambda e, read=f.read: _as_text(read(e, _NO_VIEW)))
            result.append(dataclasses.replace(searched, text=text))
    return tuple(result)


def searched_labels() -> list[str]:
    """Dutch names of the searched fields, for the overview's hint."""
    return [f.label.lower() for f in FIELDS if f.search]


def csv_columns() -> list[str]:
    return [name for f in FIELDS for name, _ in f.csv]


def csv_values(entry: Intervention, view: View) -> list[str]:
    return [read(entry, view) for f in FIELDS for _, read in f.csv]


def comparison_cells(entry: Intervention, view: View) -> list[Cell]:
    return [compare.cell(entry, view) for _, compare in comparison_rows()]
