"""Rendering from the model: escaping, unknowns, related ranking, markers."""

from __future__ import annotations

import pytest
import yaml

from catalogue.render import (
    UnknownMarker,
    environment,
    expand_markers,
    generated_pages,
    related,
    render_marker,
)


def tricky(copy):
    copy.write(
        "proef-interventie.yaml",
        copy.fixture_text()
        .replace("naam: Proef Interventie", "naam: 'Proef Interventie'")
        .replace(
            "claim: Deelnemers voelen zich minder alleen door wekelijkse ontmoetingen.",
            "claim: 'Ouderen < 65 & \"jong\" {{ 7*7 }} voelen zich minder alleen.'",
        ),
    )
    catalogue, problems = copy.load()
    assert problems == []
    return catalogue


def test_text_from_yaml_is_escaped_everywhere(copy):
    catalogue = tricky(copy)
    pages = {p.url: p for p in generated_pages(catalogue)}
    entry = pages["interventies/proef-interventie/"]
    assert "Ouderen &lt; 65 &amp; &#34;jong&#34; {{ 7*7 }} voelen" in entry.html
    assert "< 65" not in entry.html
    matter = yaml.safe_load(entry.source.split("---", 2)[1])
    assert matter["description"] == 'Ouderen < 65 & "jong" {{ 7*7 }} voelen zich minder alleen.'
    overview = render_marker("overzicht", catalogue, page="interventies/")
    assert "Ouderen &lt; 65 &amp; &#34;jong&#34;" in overview
    assert "49" not in overview  # no template evaluation of data


def test_unknown_fields_render_as_onbekend(copy):
    catalogue, _ = copy.load()
    [page] = [p for p in generated_pages(catalogue) if p.url == "interventies/proef-interventie/"]
    for label in ("Eigenaar", "Website", "Kosten", "Erkenning", "Vormen van eenzaamheid"):
        assert f'<dt>{label}</dt><dd><span class="ww-unknown">onbekend</span>' in page.html


def test_repository_setting_drives_edit_history_and_report_links(copy):
    from datetime import date

    from catalogue.repository import RepoLinks

    catalogue, _ = copy.load()
    entry = catalogue.interventions[0]
    pages = generated_pages(
        catalogue,
        repo=RepoLinks.from_setting("https://git.example/org/repo/"),
        changed={entry.source_file: date(2026, 5, 4)},
    )
    html = next(p for p in pages if p.url == "interventies/proef-interventie/").html
    path = entry.source_file
    assert f'href="https://git.example/org/repo/edit/main/{path}"' in html
    assert f'href="https://git.example/org/repo/commits/main/{path}"' in html
    assert "Laatst gewijzigd: <time datetime=\"2026-05-04\">4 mei 2026</time>" in html
    assert 'href="https://git.example/org/repo/issues/new?title=Interventie%3A%20Proef%20Interventie"' in html


def test_without_repository_or_history_no_dead_links(copy):
    catalogue, _ = copy.load()
    html = next(p for p in generated_pages(catalogue) if p.url == "interventies/proef-interventie/").html
    assert "Laatst gewijzigd" not in html
    assert "/edit/" not in html and "/commits/" not in html and "issues/new" not in html
    assert 'href="../../bijdragen/"' in html  # the way to propose a change instead


def test_related_ranks_by_shared_elements_then_groups(copy):
    base = copy.fixture_text()
    copy.write(
        "twee-elementen.yaml",
        base.replace("Proef Interventie", "Twee Elementen").replace(
            "  - ontmoeten", "  - ontmoeten\n  - bezigheden"
        ),
    )
    copy.write(
        "alleen-groep.yaml",
        base.replace("Proef Interventie", "Alleen Groep").replace(
            "  - ontmoeten", "  - bezigheden"
        ),
    )
    copy.write(
        "niets-gedeeld.yaml",
        base.replace("Proef Interventie", "Niets Gedeeld")
        .replace("  - ontmoeten", "  - bezigheden")
        .replace("  - 75-plussers\n  - mantelzorgers", "  - dak-en-thuislozen"),
    )
    catalogue, problems = copy.load()
    assert problems == []
    ranked = related(catalogue.by_slug("proef-interventie"), catalogue)
    assert [e.slug for e in ranked] == ["twee-elementen", "alleen-groep"]


def test_every_term_gets_a_page_even_without_entries(copy):
    catalogue, _ = copy.load()
    urls = {p.url for p in generated_pages(catalogue)}
    assert "risicogroepen/dak-en-thuislozen/" in urls
    assert "werkzame-elementen/realistische-verwachtingen/" in urls
    assert len(urls) == 1 + 7 + 7


def test_facet_counts_cover_unknown_recognition(copy):
    catalogue, _ = copy.load()
    html = render_marker("overzicht", catalogue, page="interventies/")
    assert 'name="erkenning" value="onbekend"' in html
    assert 'data-erkenning="onbekend"' in html
    assert 'id="f-risicogroep-mantelzorgers"' in html


def test_unknown_marker_is_an_error(copy):
    catalogue, _ = copy.load()
    with pytest.raises(UnknownMarker, match="catalogus:overzciht"):
        expand_markers("<!-- catalogus:overzciht -->", catalogue, page="")


def test_templates_autoescape():
    assert environment().autoescape is True


def test_related_equals_comparing_every_pair(copy):
    # The signature-grouped ranking must give what a plain comparison of
    # every pair gives, ties included (same score: by name).
    base = copy.fixture_text()
    variants = {
        "a": ("  - ontmoeten", "  - ontmoeten\n  - bezigheden"),
        "b": ("  - ontmoeten", "  - bezigheden"),
        "c": ("  - 75-plussers\n  - mantelzorgers", "  - mantelzorgers"),
        "d": ("  - ontmoeten", "  - ontmoeten\n  - betekenisvol-contact"),
        "e": ("  - 75-plussers\n  - mantelzorgers", "  - dak-en-thuislozen"),
        "f": ("  - ontmoeten", "  - sociale-vaardigheden"),
    }
    for letter, (old, new) in variants.items():
        for copy_number in (1, 2):
            name = f"Variant {letter.upper()} {copy_number}"
            copy.write(
                f"variant-{letter}-{copy_number}.yaml",
                base.replace("Proef Interventie", name).replace(old, new),
            )
    catalogue, problems = copy.load()
    assert problems == []

    def every_pair(entry, limit=4):
        elements = {t.id for t in entry.werkzame_elementen}
        groups = {t.id for t in entry.risicogroepen}
        scored = []
        for other in catalogue.interventions:
            shared = (
                len(elements & {t.id for t in other.werkzame_elementen}),
                len(groups & {t.id for t in other.risicogroepen}),
            )
            if other.slug != entry.slug and shared != (0, 0):
                scored.append((-shared[0], -shared[1], other.naam.casefold(), other.slug))
        return [item[3] for item in sorted(scored)[:limit]]

    for entry in catalogue.interventions:
        assert [e.slug for e in related(entry, catalogue)] == every_pair(entry), entry.slug


def test_sources_page_names_eight_citing_entries_and_counts_the_rest(copy):
    base = copy.fixture_text()
    for number in range(1, 11):
        copy.write(
            f"kopie-{number:02d}.yaml", base.replace("Proef Interventie", f"Kopie {number:02d}")
        )
    catalogue, problems = copy.load()
    assert problems == []
    html = render_marker("bronnen", catalogue, page="bronnen/")
    assert html.count('href="../interventies/') == 8  # first eight by name
    assert "Kopie 08</a> en 3 andere interventies" in html
    assert "Proef Interventie" not in html  # ninth by name: counted, not named
