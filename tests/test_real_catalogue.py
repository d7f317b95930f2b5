"""The real catalogue: the nine interventions of the ZonMw learning track."""

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


def test_the_nine_interventions_load_without_problems():
    catalogue, problems = load_catalogue(DATA_DIR)
    assert problems == []
    assert {e.naam for e in catalogue.interventions} == NINE
    files = sorted(p.name for p in (DATA_DIR / "interventies").iterdir())
    assert files == sorted(f"{slugify(name)}.yaml" for name in NINE)


def test_former_names_are_recorded():
    catalogue, _ = load_catalogue(DATA_DIR)
    assert catalogue.by_slug("voetbal-herinneringen").eerdere_namen == ("Football memories",)
    assert "Het Goede Gesprek" in catalogue.by_slug("het-betekenisvol-gesprek").eerdere_namen


def test_every_entry_cites_the_learning_track_and_was_checked():
    catalogue, _ = load_catalogue(DATA_DIR)
    for entry in catalogue.interventions:
        assert ZONMW in {s.url for s in entry.bronnen}, entry.slug
        assert entry.laatst_gecontroleerd.year >= 2026


def test_every_entry_file_declares_its_schema_for_editors():
    for path in (DATA_DIR / "interventies").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../interventie.schema.json", path.name


def test_only_known_facts_fill_recognition():
    """Only Voetbal herinneringen has a recognition level a source gives."""
    catalogue, _ = load_catalogue(DATA_DIR)
    recognised = {e.slug: e.erkenning.niveau.id for e in catalogue.interventions if e.erkenning}
    assert recognised == {"voetbal-herinneringen": "goed-beschreven"}
    assert catalogue.by_slug("samenkracht").eenzaamheid_als_doel.id == "nevendoel"
