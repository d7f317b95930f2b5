"""The real catalogue: the nine of the ZonMw learning track and the others sources describe."""

from __future__ import annotations

from catalogue import DATA_DIR
from catalogue.loader import load_catalogue
from catalogue.slug import slugify

ZONMW = (
    "https://www.zonmw.nl/nl/artikel/wat-doe-jij-met-eenzaamheid-waarderen-en-gebruiken-"
    "wat-werkt-voor-praktijk-en-beleid"
)
NINE = {
    "Voetbal herinneringen",
    "Gouden Mannen",
    "GO-WIN",
    "Het Betekenisvol Gesprek",
    "Join Us Online",
    "Samenkracht",
    "Sharing Stories",
    "Tijd van je leven",
    "Vangnetwerken",
}


def test_the_catalogue_loads_without_problems_and_the_nine_keep_their_slugs():
    catalogue, problems = load_catalogue(DATA_DIR)
    assert problems == []
    assert NINE <= {e.naam for e in catalogue.interventions}
    # Their URLs are in council papers: the slugs may never change.
    for name in NINE:
        assert (DATA_DIR / "interventies" / f"{slugify(name)}.yaml").exists(), name
    assert len(catalogue.interventions) >= 30


def test_former_names_are_recorded():
    catalogue, _ = load_catalogue(DATA_DIR)
    assert catalogue.by_slug("voetbal-herinneringen").eerdere_namen == ("Football memories",)
    assert "Het Goede Gesprek" in catalogue.by_slug("het-betekenisvol-gesprek").eerdere_namen


def test_the_nine_cite_the_learning_track_and_every_entry_was_checked():
    catalogue, _ = load_catalogue(DATA_DIR)
    for entry in catalogue.interventions:
        if entry.naam in NINE:
            assert ZONMW in {s.url for s in entry.bronnen}, entry.slug
        assert entry.laatst_gecontroleerd.year >= 2026
        assert entry.bronnen and all(s.url.startswith("http") for s in entry.bronnen)


def test_every_entry_file_declares_its_schema_for_editors():
    for path in (DATA_DIR / "interventies").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../interventie.schema.json", path.name


def test_entries_beyond_the_nine_record_their_loneliness_aim():
    """A source states whether less loneliness is a main or a secondary aim."""
    catalogue, _ = load_catalogue(DATA_DIR)
    for entry in catalogue.interventions:
        if entry.naam not in NINE:
            assert entry.eenzaamheid_als_doel is not None, entry.slug


def test_recognition_levels_name_a_databank_and_a_page():
    catalogue, _ = load_catalogue(DATA_DIR)
    rated = [e for e in catalogue.interventions if e.erkenning and e.erkenning.niveau]
    assert rated, "at least one recognition level is sourced"
    for entry in rated:
        r = entry.erkenning
        if r.niveau.id != "niet-in-databank":
            assert r.databank is not None, entry.slug
        assert r.url or r.bron, entry.slug
    assert catalogue.by_slug("voetbal-herinneringen").erkenning.niveau.id == "goed-beschreven"
    assert catalogue.by_slug("samenkracht").eenzaamheid_als_doel.id == "nevendoel"
