"""The clean model the site is rendered from.

The raw model is the YAML as written (plain dicts, validated by the schema
and the rules); this module turns a valid raw entry into frozen dataclasses
with vocabulary terms resolved. That conversion happens here and only here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from catalogue.slug import slugify


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    beschrijving: str
    #: Extra data of a term, e.g. `manier_van_ondersteunen`, `uitleg` and `tips`
    #: for working elements.
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[Term, ...]

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, term_id: str) -> Term:
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(f"{term_id!r} is not in vocabulary {self.name!r}")

    def ids(self) -> list[str]:
        return [term.id for term in self.terms]


@dataclass(frozen=True)
class Vocabularies:
    by_name: Mapping[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]

    def labels(self) -> dict[str, dict[str, str]]:
        """Id -> label per vocabulary; used for hints in messages."""
        return {name: {t.id: t.label for t in vocab} for name, vocab in self.by_name.items()}

    def as_data(self) -> dict[str, list[dict[str, Any]]]:
        """The vocabularies as plain data, in file order."""
        return {
            name: [
                {"id": t.id, "label": t.label, "beschrijving": t.beschrijving, **t.extra}
                for t in vocab
            ]
            for name, vocab in self.by_name.items()
        }


@dataclass(frozen=True)
class Source:
    titel: str
    uitgever: str
    jaar: int | None
    url: str | None


@dataclass(frozen=True)
class TargetGroup:
    omschrijving: str
    leeftijd_min: int | None
    leeftijd_max: int | None
    tags: tuple[Term, ...]


@dataclass(frozen=True)
class Format:
    vormen: tuple[Term, ...]
    duur: str | None
    aantal_bijeenkomsten: int | None
    frequentie: str | None
    toelichting: str | None


@dataclass(frozen=True)
class Owner:
    organisatie: str | None
    website: str | None
    contact: str | None


@dataclass(frozen=True)
class Application:
    """An application for (higher) recognition that a source states."""

    niveau: Term | None
    jaar: int | None
    bron: str
    toelichting: str | None


@dataclass(frozen=True)
class Recognition:
    """What a source says about recognition; `niveau` None with a databank
    means: in that databank, level not (yet) known to us."""

    databank: Term | None
    niveau: Term | None
    datum: date | None
    geldig_tot: date | None
    url: str | None
    bron: str | None
    toelichting: str | None
    aanvraag: Application | None


@dataclass(frozen=True)
class Where:
    locaties: tuple[str, ...]
    toelichting: str | None


@dataclass(frozen=True)
class Intervention:
    slug: str
    source_file: str  # path relative to the repository, for "Wijzig deze interventie"
    naam: str
    eerdere_namen: tuple[str, ...]
    claim: str
    beschrijving: str
    doelgroep: TargetGroup
    risicogroepen: tuple[Term, ...]
    werkzame_elementen: tuple[Term, ...]
    werkvorm: Format
    vormen_van_eenzaamheid: tuple[Term, ...]
    preventieniveaus: tuple[Term, ...]
    eenzaamheid_als_doel: Term | None
    bouwstenen: tuple[Term, ...]
    aanpak: str | None
    eigenaar: Owner
    erkenning: Recognition | None
    uitvoering: Where
    aanmelden: str | None
    kosten: str | None
    bronnen: tuple[Source, ...]
    laatst_gecontroleerd: date


@dataclass(frozen=True)
class Activity:
    omschrijving: str
    soorten: tuple[Term, ...]
    status: Term


@dataclass(frozen=True)
class Municipality:
    slug: str
    naam: str
    activiteiten: tuple[Activity, ...]
    bijzonderheden: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    regionale_partners: tuple[str, ...]
    stappenplan: bool


@dataclass(frozen=True)
class Municipalities:
    bron: Source
    gemeenten: tuple[Municipality, ...]


@dataclass(frozen=True)
class Tip:
    titel: str
    tekst: str


@dataclass(frozen=True)
class Scale:
    laag: str
    hoog: str


@dataclass(frozen=True)
class ToolItem:
    """One of the 22 parts of the improvement tool: a scored statement or an open question."""

    nummer: str
    soort: str  # "score" or "open"
    tekst: str
    voorbeeld: str | None
    tips: tuple[Tip, ...]
    schaal: Scale | None
    max_woorden: int | None
    element: Term | None  # theme 1: the working element whose texts these are


@dataclass(frozen=True)
class ToolTheme:
    nummer: int
    titel: str
    inleiding: str
    vraag: str | None
    schaal: Scale | None
    onderdelen: tuple[ToolItem, ...]


@dataclass(frozen=True)
class ImprovementTool:
    bron: Source
    themas: tuple[ToolTheme, ...]

    def items(self) -> list[ToolItem]:
        return [item for theme in self.themas for item in theme.onderdelen]


@dataclass(frozen=True)
class SearchWords:
    """zoekwoorden.yaml: synonym groups and known compound parts for the search."""

    synoniemen: tuple[tuple[str, ...], ...] = ()
    woorddelen: tuple[str, ...] = ()
    geen_woorddelen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    vocabularies: Vocabularies
    interventions: tuple[Intervention, ...]
    municipalities: Municipalities | None = None
    improvement_tool: ImprovementTool | None = None
    #: keuzehulp.yaml as checked data; `catalogue.keuzehulp` ranks with it.
    guide: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)
    search_words: SearchWords = SearchWords()

    def by_slug(self, slug: str) -> Intervention:
        for intervention in self.interventions:
            if intervention.slug == slug:
                return intervention
        raise KeyError(slug)


# -- conversion from raw data ---------------------------------------------------


def build_vocabularies(raw: Mapping[str, list[dict[str, Any]]]) -> Vocabularies:
    """Turn the validated vocabulary file into `Vocabularies`."""
    core = {"id", "label", "beschrijving"}
    return Vocabularies(
        {
            name: Vocabulary(
                name,
                tuple(
                    Term(
                        t["id"],
                        t["label"],
                        t["beschrijving"],
                        {k: v for k, v in t.items() if k not in core},
                    )
                    for t in terms
                ),
            )
            for name, terms in raw.items()
        }
    )


def build_intervention(
    raw: Mapping[str, Any], *, slug: str, source_file: str, vocabularies: Vocabularies
) -> Intervention:
    """Turn one schema-valid raw entry into an `Intervention` with terms resolved."""

    def terms(vocabulary: str, ids: list[str] | None) -> tuple[Term, ...]:
        return tuple(vocabularies[vocabulary].get(i) for i in ids or [])

    def section(name: str) -> dict[str, Any]:
        return raw.get(name) or {}

    doelgroep, werkvorm = section("doelgroep"), section("werkvorm")
    eigenaar, uitvoering = section("eigenaar"), section("uitvoering")
    erkenning = raw.get("erkenning")
    doel = raw.get("eenzaamheid_als_doel")
    return Intervention(
        slug=slug,
        source_file=source_file,
        naam=raw["naam"].strip(),
        eerdere_namen=tuple(raw.get("eerdere_namen") or ()),
        claim=raw["claim"].strip(),
        beschrijving=raw["beschrijving"].strip(),
        doelgroep=TargetGroup(
            omschrijving=doelgroep["omschrijving"].strip(),
            leeftijd_min=doelgroep.get("leeftijd_min"),
            leeftijd_max=doelgroep.get("leeftijd_max"),
            tags=terms("doelgroeptags", doelgroep.get("tags")),
        ),
        risicogroepen=terms("risicogroepen", raw.get("risicogroepen")),
        werkzame_elementen=terms("werkzame_elementen", raw.get("werkzame_elementen")),
        werkvorm=Format(
            vormen=terms("werkvormen", werkvorm.get("vormen")),
            duur=_text(werkvorm.get("duur")),
            aantal_bijeenkomsten=werkvorm.get("aantal_bijeenkomsten"),
            frequentie=_text(werkvorm.get("frequentie")),
            toelichting=_text(werkvorm.get("toelichting")),
        ),
        vormen_van_eenzaamheid=terms("vormen_van_eenzaamheid", raw.get("vormen_van_eenzaamheid")),
        preventieniveaus=terms("preventieniveaus", raw.get("preventieniveaus")),
        eenzaamheid_als_doel=vocabularies["eenzaamheidsdoelen"].get(doel) if doel else None,
        bouwstenen=terms("bouwstenen", raw.get("bouwstenen")),
        aanpak=_text(raw.get("aanpak")),
        eigenaar=Owner(
            organisatie=_text(eigenaar.get("organisatie")),
            website=eigenaar.get("website"),
            contact=_text(eigenaar.get("contact")),
        ),
        erkenning=_recognition(erkenning, vocabularies) if erkenning else None,
        uitvoering=Where(
            locaties=tuple(uitvoering.get("locaties") or ()),
            toelichting=_text(uitvoering.get("toelichting")),
        ),
        aanmelden=_text(raw.get("aanmelden")),
        kosten=_text(raw.get("kosten")),
        bronnen=tuple(
            Source(b["titel"].strip(), b["uitgever"].strip(), b.get("jaar"), b["url"])
            for b in raw["bronnen"]
        ),
        laatst_gecontroleerd=date.fromisoformat(raw["laatst_gecontroleerd"]),
    )


def build_search_words(raw: Mapping[str, Any], vocabularies: Vocabularies) -> SearchWords:
    """Turn the schema-valid zoekwoorden.yaml into `SearchWords`."""
    return SearchWords(
        synoniemen=tuple(tuple(group["woorden"]) for group in raw["synoniemen"]),
        woorddelen=tuple(raw["woorddelen"]),
        geen_woorddelen=tuple(raw["geen_woorddelen"]),
    )


def build_municipalities(raw: Mapping[str, Any], vocabularies: Vocabularies) -> Municipalities:
    """Turn the schema-valid municipalities file into `Municipalities`."""
    kinds, statuses = vocabularies["activiteitsoorten"], vocabularies["activiteitstatussen"]
    source = raw["bron"]
    return Municipalities(
        bron=Source(source["titel"], source["uitgever"], source.get("jaar"), source.get("url")),
        gemeenten=tuple(
            Municipality(
                slug=slugify(row["naam"]),
                naam=row["naam"].strip(),
                activiteiten=tuple(
                    Activity(
                        a["omschrijving"].strip(),
                        tuple(kinds.get(k) for k in a["soorten"]),
                        statuses.get(a["status"]),
                    )
                    for a in row["activiteiten"]
                ),
                bijzonderheden=tuple(row.get("bijzonderheden") or ()),
                doelgroepen=tuple(row.get("doelgroepen") or ()),
                regionale_partners=tuple(row.get("regionale_partners") or ()),
                stappenplan=bool(row.get("stappenplan")),
            )
            for row in raw["gemeenten"]
        ),
    )


def _scale(raw: Mapping[str, str] | None) -> Scale | None:
    return Scale(raw["laag"], raw["hoog"]) if raw else None


def build_improvement_tool(raw: Mapping[str, Any], vocabularies: Vocabularies) -> ImprovementTool:
    """Theme 1's statements take text, examples and tips from their working element."""
    elements = vocabularies["werkzame_elementen"]

    def item(part: Mapping[str, Any]) -> ToolItem:
        element = elements.get(part["werkzaam_element"]) if part.get("werkzaam_element") else None
        if element is not None:
            examples = element.extra.get("voorbeelden") or []
            return ToolItem(
                nummer=part["nummer"],
                soort=part["soort"],
                tekst=element.extra["manier_van_ondersteunen"],
                voorbeeld="Voorbeelden: " + ", ".join(examples) if examples else None,
                tips=tuple(Tip(t["titel"], t["tekst"]) for t in element.extra.get("tips") or []),
                schaal=_scale(part.get("schaal")),
                max_woorden=None,
                element=element,
            )
        return ToolItem(
            nummer=part["nummer"],
            soort=part["soort"],
            tekst=part["tekst"].strip(),
            voorbeeld=_text(part.get("voorbeeld")),
            tips=tuple(Tip(t["titel"], t["tekst"]) for t in part.get("tips") or []),
            schaal=_scale(part.get("schaal")),
            max_woorden=part.get("max_woorden"),
            element=None,
        )

    source = raw["bron"]
    return ImprovementTool(
        bron=Source(source["titel"], source["uitgever"], source.get("jaar"), source.get("url")),
        themas=tuple(
            ToolTheme(
                theme["nummer"],
                theme["titel"],
                theme["inleiding"].strip(),
                _text(theme.get("vraag")),
                _scale(theme.get("schaal")),
                tuple(item(part) for part in theme["onderdelen"]),
            )
            for theme in raw["themas"]
        ),
    )


def _text(value: str | None) -> str | None:
    """Empty or whitespace-only text is unknown, not an empty string."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _optional_term(vocabulary: Vocabulary, term_id: str | None) -> Term | None:
    return vocabulary.get(term_id) if term_id else None


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _recognition(raw: Mapping[str, Any], vocabularies: Vocabularies) -> Recognition:
    application = raw.get("aanvraag")
    levels = vocabularies["erkenningsniveaus"]
    return Recognition(
        databank=_optional_term(vocabularies["databanken"], raw.get("databank")),
        niveau=_optional_term(levels, raw.get("niveau")),
        datum=_optional_date(raw.get("datum")),
        geldig_tot=_optional_date(raw.get("geldig_tot")),
        url=raw.get("url"),
        bron=raw.get("bron"),
        toelichting=_text(raw.get("toelichting")),
        aanvraag=Application(
            niveau=_optional_term(levels, application.get("niveau")),
            jaar=application.get("jaar"),
            bron=application["bron"],
            toelichting=_text(application.get("toelichting")),
        )
        if application
        else None,
    )
