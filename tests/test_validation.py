"""One test per validation rule: start from a valid entry, break one thing,
assert the exact line a maintainer sees."""

from __future__ import annotations

import json

import pytest

from catalogue.problems import errors


def only_error(copy) -> str:
    catalogue, problems = copy.load()
    found = errors(problems)
    assert len(found) == 1, "\n".join(map(str, problems))
    return str(found[0])


def test_fixture_entry_is_valid(copy):
    catalogue, problems = copy.load()
    assert problems == []
    [entry] = catalogue.interventions
    assert entry.slug == "proef-interventie"
    assert [t.label for t in entry.risicogroepen] == ["75-plussers", "Mantelzorgers"]
    assert entry.eigenaar.organisatie is None  # absent stays unknown


def test_yaml_syntax_error(copy):
    copy.replace("claim: Deelnemers", "claim: [Deelnemers")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:5:13: ongeldige YAML; "
        "gevonden: expected ',' or ']', but got ':'. "
        "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel."
    )


def test_yaml_syntax_error_bad_indentation(copy):
    copy.replace("  omschrijving:", " omschrijving:")
    message = only_error(copy)
    assert message.startswith("interventies/proef-interventie.yaml:8:")
    assert "ongeldige YAML" in message


def test_empty_file(copy):
    copy.write("leeg.yaml", "# alleen commentaar\n")
    assert only_error(copy) == (
        "interventies/leeg.yaml:1:1: bestand is leeg; "
        "verwacht: een interventie met minstens de verplichte velden. "
        'Maak een nieuw item met `catalogus new "Naam"`.'
    )


def test_list_instead_of_mapping(copy):
    copy.write("lijst.yaml", "- naam: Iets\n- claim: Iets anders\n")
    assert only_error(copy) == (
        "interventies/lijst.yaml:1:1: verkeerd type; "
        "verwacht: een mapping (velden met een dubbele punt); gevonden: een lijst"
    )


def test_not_utf8(copy):
    text = copy.fixture_text().replace("Zelfstandig", "Zelfst\u00e4ndig")
    copy.write("proef-interventie.yaml", text.encode("latin-1"))
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:7:23: bestand is geen geldige UTF-8; "
        "verwacht: tekst in UTF-8; gevonden: byte 0xe4. "
        "Sla het bestand op als UTF-8 (in VS Code: 'Save with Encoding')."
    )


def test_string_where_list_expected(copy):
    copy.replace(
        "risicogroepen:\n  - 75-plussers\n  - mantelzorgers", "risicogroepen: mantelzorgers"
    )
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:10:16: risicogroepen: verkeerd type; "
        "verwacht: een lijst; gevonden: de tekst 'mantelzorgers'. "
        "Schrijf een lijst: elke waarde op een eigen regel, beginnend met '- '."
    )


def test_number_where_text_expected(copy):
    copy.replace("omschrijving: Zelfstandig wonende ouderen", "omschrijving: 75")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:7:17: doelgroep.omschrijving: verkeerd type; "
        "verwacht: tekst; gevonden: het getal 75. "
        "Zet de waarde tussen aanhalingstekens als het tekst is."
    )


def test_missing_required_field(copy):
    copy.replace("claim: Deelnemers voelen zich minder alleen door wekelijkse ontmoetingen.\n", "")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:3:1: verplicht veld 'claim' ontbreekt; "
        "verwacht: een veld 'claim'. "
        "Claim: Eén zin, in eigen woorden: wat bereikt de interventie, en voor wie?"
    )


def test_required_field_left_empty(copy):
    copy.replace(
        "claim: Deelnemers voelen zich minder alleen door wekelijkse ontmoetingen.", "claim:"
    )
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:4:7: claim: verplicht veld is leeg; "
        "verwacht: tekst. "
        "Claim: Eén zin, in eigen woorden: wat bereikt de interventie, en voor wie?"
    )


def test_unknown_field_with_close_match(copy):
    copy.replace("risicogroepen:", "risicogroep:")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:10:1: risicogroep: onbekend veld; "
        "verwacht: een van de velden uit het schema; gevonden: 'risicogroep'. "
        "bedoelde je 'risicogroepen'?"
    )


def test_unknown_field_lists_allowed_fields(copy):
    copy.replace("  tags:", "  xyz: 1\n  tags:")
    message = only_error(copy)
    assert message.startswith(
        "interventies/proef-interventie.yaml:8:3: doelgroep.xyz: onbekend veld; "
    )
    assert message.endswith("toegestane velden: omschrijving, leeftijd_min, leeftijd_max, tags")


def test_unknown_vocabulary_term(copy):
    copy.replace("- mantelzorgers", "- mantelzorger")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:12:5: risicogroepen[1]: "
        "onbekende term in risicogroepen; verwacht: een van: 75-plussers, jongeren-15-24, "
        "rouw-en-verlies, beperking-of-psychiatrische-achtergrond, mantelzorgers, "
        "dak-en-thuislozen, ouderen-met-migratieachtergrond; gevonden: 'mantelzorger'. "
        "bedoelde je 'mantelzorgers'?"
    )


def test_unknown_term_hint_from_label(copy):
    copy.replace("  - ontmoeten", "  - Betekenisvol contact")
    assert only_error(copy).endswith("bedoelde je 'betekenisvol-contact'?")


def test_typo_in_risk_group_suggests_slug(copy):
    copy.replace("- 75-plussers", "- jongeren-15-25")
    assert only_error(copy).endswith("bedoelde je 'jongeren-15-24'?")


def test_duplicate_value_in_list(copy):
    copy.replace("  - mantelzorgers", "  - mantelzorgers\n  - mantelzorgers")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:13:5: risicogroepen[2]: "
        "waarde staat twee keer in de lijst; verwacht: elke waarde één keer; "
        "gevonden: 'mantelzorgers'. Verwijder deze regel; dezelfde waarde staat al op plaats 2."
    )


def test_duplicate_key(copy):
    copy.replace("beschrijving: Een", "claim: Nog een claim die lang genoeg is.\nbeschrijving: Een")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:5:1: claim: veld staat twee keer in dit bestand; "
        "verwacht: elk veld één keer; gevonden: ook op regel 4. "
        "Voeg de twee samen; YAML zou de eerste stilzwijgend negeren."
    )


def test_duplicate_slug(copy):
    other = copy.fixture_text().replace("Proef Interventie", "Proef interventie")
    copy.write(
        "proef-interventie-2.yaml",
        other.replace("naam: Proef interventie", "naam: Proef interventie"),
    )
    catalogue, problems = copy.load()
    rules = sorted(p.rule for p in errors(problems))
    assert rules == ["duplicate-slug", "file-name"]
    duplicate = next(p for p in problems if p.rule == "duplicate-slug")
    assert str(duplicate) == (
        "interventies/proef-interventie.yaml:3:7: naam: naam komt al voor in een ander item; "
        "verwacht: een naam die geen ander item gebruikt; gevonden: 'Proef Interventie', "
        "ook in interventies/proef-interventie-2.yaml:3 (naam). "
        "Is dit dezelfde interventie? Werk dan dat bestand bij."
    )
    assert [i.slug for i in catalogue.interventions] == []


def test_former_name_used_by_other_entry(copy):
    other = copy.fixture_text().replace(
        "naam: Proef Interventie", "naam: Andere Proef\neerdere_namen:\n  - Proef interventie"
    )
    copy.write("andere-proef.yaml", other)
    catalogue, problems = copy.load()
    [problem] = errors(problems)
    assert problem.rule == "duplicate-name"
    assert str(problem).startswith(
        "interventies/proef-interventie.yaml:3:7: naam: naam komt al voor in een ander item"
    )
    assert "ook in interventies/andere-proef.yaml:5 (eerdere_namen[0])" in str(problem)


def test_file_name_must_be_slug_of_name(copy):
    copy.write("verkeerd.yaml", copy.fixture_text().replace("Proef Interventie", "Iets Anders"))
    assert only_error(copy) == (
        "interventies/verkeerd.yaml:3:7: naam: bestandsnaam past niet bij de naam; "
        "verwacht: iets-anders.yaml; gevonden: verkeerd.yaml. "
        "Hernoem het bestand naar iets-anders.yaml of pas 'naam' aan."
    )


def test_bad_url(copy):
    copy.replace("url: https://example.org/bron", "url: www.example.org/bron")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:19:10: bronnen[0].url: ongeldig webadres; "
        "verwacht: een volledig adres dat begint met https:// (of http://); "
        "gevonden: 'www.example.org/bron'. Kopieer het adres uit de adresbalk van je browser."
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://",
        "https://exa mple.org",
        "ftp://example.org/x",
        "https://localhost/x",
    ],
)
def test_bad_url_variants(copy, url):
    copy.replace("url: https://example.org/bron", f"url: '{url}'")
    catalogue, problems = copy.load()
    assert "url" in {p.rule for p in errors(problems)}
    assert catalogue.interventions == ()


def test_raw_html_in_text(copy):
    copy.replace(
        "beschrijving: Een verzonnen", "beschrijving: <script>alert(1)</script> Een verzonnen"
    )
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:5:15: beschrijving: tekst bevat HTML of script; "
        "verwacht: platte tekst; gevonden: '<s'. Schrijf gewone tekst; de site maakt de "
        "opmaak. Gebruik 'kleiner dan' in plaats van '<'."
    )


@pytest.mark.parametrize(
    "text",
    [
        "<b>vet</b>",
        "a <!-- b --> c",
        "&lt;script&gt;",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_markup_variants_rejected(copy, text):
    copy.replace("omschrijving: Zelfstandig wonende ouderen", f"omschrijving: '{text}'")
    catalogue, problems = copy.load()
    assert [p.rule for p in errors(problems)] == ["markup"]


def test_plain_comparisons_are_not_markup(copy):
    copy.replace(
        "omschrijving: Zelfstandig wonende ouderen",
        "omschrijving: 'Ouderen (65 jaar of ouder, ook < 65 met dementie) & mantelzorgers'",
    )
    catalogue, problems = copy.load()
    assert problems == []


def test_text_too_long(copy):
    copy.replace("claim: Deelnemers voelen", "claim: " + "x" * 400 + " Deelnemers voelen")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:4:8: claim: tekst is te lang; "
        "verwacht: hoogstens 300 tekens; gevonden: 467 tekens. "
        "Kort de tekst in; details horen in de bron."
    )


def test_file_too_large(copy):
    copy.write("groot.yaml", "naam: x\n# " + "x" * 100_001 + "\n")
    assert only_error(copy) == (
        "interventies/groot.yaml:1:1: bestand is te groot voor één interventie; "
        "verwacht: hoogstens 100.000 bytes; gevonden: 100.012 bytes. "
        "Staat er per ongeluk een ander bestand of een bijlage in?"
    )


def test_alias_bomb_is_refused(copy):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdef":
        prev = chr(ord(level) - 1)
        bomb += (
            f"{level}: &{level} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, "
            f"*{prev}, *{prev}, *{prev}, *{prev}]\n"
        )
    copy.write("bom.yaml", bomb)
    message = only_error(copy)
    assert message.startswith("interventies/bom.yaml:")
    assert "bestand bevat meer dan 20000 waarden" in message


def test_too_many_items(copy):
    many = "".join(f"\n  - Naam {i}" for i in range(11))
    copy.replace("claim:", f"eerdere_namen:{many}\nclaim:")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:5:3: eerdere_namen: te veel waarden; "
        "verwacht: hoogstens 10; gevonden: 11"
    )


def test_sources_must_not_be_empty(copy):
    text = copy.fixture_text()
    start = text.index("bronnen:")
    end = text.index("laatst_gecontroleerd")
    copy.write("proef-interventie.yaml", text[:start] + "bronnen: []\n" + text[end:])
    message = only_error(copy)
    assert message.startswith(
        "interventies/proef-interventie.yaml:15:10: bronnen: te weinig waarden; "
        "verwacht: minstens 1; gevonden: 0."
    )


def test_bad_date(copy):
    copy.replace('laatst_gecontroleerd: "2024-05-01"', 'laatst_gecontroleerd: "1 mei 2024"')
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:20:23: laatst_gecontroleerd: ongeldige datum; "
        "verwacht: een datum als JJJJ-MM-DD; gevonden: '1 mei 2024'. "
        'Bijvoorbeeld "2026-11-23", tussen aanhalingstekens.'
    )


def test_unquoted_date_is_accepted(copy):
    copy.replace('laatst_gecontroleerd: "2024-05-01"', "laatst_gecontroleerd: 2024-05-01")
    catalogue, problems = copy.load()
    assert problems == []
    assert catalogue.interventions[0].laatst_gecontroleerd.isoformat() == "2024-05-01"


def test_date_in_future(copy):
    copy.replace('laatst_gecontroleerd: "2024-05-01"', 'laatst_gecontroleerd: "2030-01-01"')
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:20:23: laatst_gecontroleerd: "
        "datum ligt in de toekomst; verwacht: uiterlijk 2026-11-23; gevonden: 2030-01-01. "
        "Vul de datum in waarop het gebeurde."
    )


def test_age_range_reversed(copy):
    copy.replace("  tags:", "  leeftijd_min: 80\n  leeftijd_max: 60\n  tags:")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:8:17: doelgroep.leeftijd_min: "
        "minimumleeftijd is hoger dan maximum; verwacht: hoogstens 60; gevonden: 80. "
        "Zijn de twee verwisseld?"
    )


def test_age_out_of_range(copy):
    copy.replace("  tags:", "  leeftijd_min: 500\n  tags:")
    assert only_error(copy).startswith(
        "interventies/proef-interventie.yaml:8:17: doelgroep.leeftijd_min: "
        "getal buiten het toegestane bereik; verwacht: tussen 0 en 120; gevonden: 500."
    )


def test_recognition_needs_a_source(copy):
    copy.replace("bronnen:", "erkenning:\n  databank: movisie\nbronnen:")
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:16:3: erkenning: erkenning zonder bron; "
        "verwacht: een 'url' (pagina in de databank) of een 'bron' (pagina die de erkenning "
        "noemt); gevonden: geen van beide. Zet het webadres erbij waar je de erkenning las."
    )


def test_recognition_level_needs_its_databank(copy):
    copy.replace(
        "bronnen:",
        "erkenning:\n  niveau: goed-beschreven\n  url: https://www.movisie.nl/x\nbronnen:",
    )
    assert only_error(copy) == (
        "interventies/proef-interventie.yaml:16:11: erkenning.niveau: niveau zonder databank; "
        "verwacht: een 'databank' bij niveau 'goed-beschreven'; gevonden: geen databank. "
        "Vul de databank in die het niveau toekende (movisie, loket-gezond-leven, nji, kcsb)."
    )


def test_not_in_a_databank_names_no_databank(copy):
    copy.replace(
        "bronnen:",
        "erkenning:\n  niveau: niet-in-databank\n  databank: nji\n"
        "  url: https://www.nji.nl/x\nbronnen:",
    )
    assert "databank bij 'niet-in-databank'" in only_error(copy)


def test_recognition_source_must_be_listed(copy):
    copy.replace(
        "bronnen:",
        "erkenning:\n  niveau: niet-in-databank\n  bron: https://example.org/elders\nbronnen:",
    )
    message = only_error(copy)
    assert message.startswith("interventies/proef-interventie.yaml:17:9: erkenning.bron: ")
    assert "staat niet bij 'bronnen'" in message


def test_empty_recognition_is_refused(copy):
    copy.replace("bronnen:", "erkenning:\n  toelichting: iets\nbronnen:")
    assert "erkenning zegt niets" in only_error(copy)


def test_validity_ends_after_it_starts(copy):
    copy.replace(
        "bronnen:",
        "erkenning:\n  niveau: goed-beschreven\n  databank: movisie\n"
        "  url: https://www.movisie.nl/x\n  datum: '2024-01-01'\n  geldig_tot: '2023-01-01'\n"
        "bronnen:",
    )
    assert "erkenning eindigt voor ze begint" in only_error(copy)


def test_non_yaml_file_in_entries_folder_is_reported(copy):
    copy.write("notities.txt", "iets")
    assert only_error(copy) == (
        "interventies/notities.txt:1:1: dit bestand hoort niet in de map interventies; "
        "verwacht: een interventie als *.yaml; gevonden: notities.txt. "
        "Geef het bestand de extensie .yaml of zet het elders."
    )


def test_all_errors_are_collected_not_just_the_first(copy):
    text = copy.fixture_text()
    text = text.replace("- mantelzorgers", "- mantelzorger")
    text = text.replace("url: https://example.org/bron", "url: nee")
    text = text.replace("  - ontmoeten", "  - ontmoetn")
    copy.write("proef-interventie.yaml", text)
    catalogue, problems = copy.load()
    assert sorted(p.rule for p in errors(problems)) == ["unknown-term", "unknown-term", "url"]


def test_every_file_is_either_loaded_or_reported(copy):
    for index in range(3):
        name = f"Goed {index}"
        copy.write(f"goed-{index}.yaml", copy.fixture_text().replace("Proef Interventie", name))
    copy.write("kapot.yaml", "naam: [")
    catalogue, problems = copy.load()
    loaded = {f"{i.slug}.yaml" for i in catalogue.interventions}
    reported = {p.file.rsplit("/", 1)[1] for p in errors(problems)}
    all_files = {p.name for p in copy.entries.iterdir()}
    assert loaded | reported == all_files
    assert loaded & reported == set()


@pytest.mark.parametrize(
    "text",
    [
        "Voor kinderen < twaalf en ouderen > 80",
        "Zie de data: een meting uit 2023",
        "Het adres eindigt op /javascript:nee, een gewone zin",
        "Ouderen & mantelzorgers samen",
    ],
)
def test_plain_text_that_only_looks_like_markup_is_accepted(copy, text):
    line = next(x for x in copy.fixture_text().splitlines() if x.startswith("beschrijving:"))
    copy.replace(line, "beschrijving: " + json.dumps(text + " " + line.split(": ", 1)[1]))
    catalogue, problems = copy.load()
    assert errors(problems) == []
    assert catalogue.interventions[0].beschrijving.startswith(text)
