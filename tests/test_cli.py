"""`catalogus`: validate, new and schema, as a maintainer runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalogue.cli import main
from catalogue.schema_sync import read_schema
from catalogue.slug import slugify

from conftest import REPO

LOCATION = re.compile(r"^[^\s:]+:\d+:\d+: ")


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_whole_real_catalogue_passes(capsys):
    code, out, err = run(["validate"], capsys)
    assert code == 0, out
    assert out == ""
    assert re.search(r"In orde: \d+ interventie\(s\) gecontroleerd", err)


def test_validate_copy_reports_each_problem_on_its_own_line(copy, capsys, monkeypatch):
    monkeypatch.chdir(copy.root.parent)
    copy.replace("- mantelzorgers", "- mantelzorger")
    copy.write("kapot.yaml", "naam: [")
    code, out, err = run(["--root", str(copy.root), "validate"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert all(LOCATION.match(line) for line in lines)
    assert lines[0].startswith("catalogue/interventies/kapot.yaml:1:8: ongeldige YAML")
    assert lines[1].startswith("catalogue/interventies/proef-interventie.yaml:12:5: ")
    assert err == "2 fouten gevonden.\n"


def test_validate_one_file_outside_the_catalogue(copy, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    elsewhere = tmp_path / "proef-elders.yaml"
    elsewhere.write_text(
        copy.fixture_text()
        .replace("Proef Interventie", "Proef Elders")
        .replace("- ontmoeten", "- ontmoetn"),
        encoding="utf-8",
    )
    copy.write("kapot.yaml", "naam: [")  # not asked for: must not be reported
    code, out, err = run(["--root", str(copy.root), "validate", str(elsewhere)], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1
    assert out.startswith("proef-elders.yaml:14:5: werkzame_elementen[0]: onbekende term")
    assert "bedoelde je 'ontmoeten'?" in out


def test_validate_given_file_sees_duplicates_in_catalogue(copy, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    twin = tmp_path / "proef-interventie.yaml"
    twin.write_text(copy.fixture_text(), encoding="utf-8")
    code, out, err = run(["--root", str(copy.root), "validate", str(twin)], capsys)
    assert code == 1
    assert "naam komt al voor in een ander item" in out


def test_validate_missing_file_is_usage_error(capsys):
    code, out, err = run(["validate", "bestaat-niet.yaml"], capsys)
    assert code == 2
    assert "bestaat-niet.yaml: bestand bestaat niet" in err


def test_new_writes_a_commented_template_with_every_field(copy, capsys, monkeypatch):
    monkeypatch.chdir(copy.root.parent)
    code, out, err = run(["--root", str(copy.root), "new", "Één Proef: Test"], capsys)
    assert code == 0
    path = copy.entries / "een-proef-test.yaml"
    assert out.strip() == "catalogue/interventies/een-proef-test.yaml"
    assert path.name == slugify("Één Proef: Test") + ".yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../interventie.schema.json\n")
    data = yaml.safe_load(text)
    schema = read_schema(copy.root / "interventie.schema.json")
    # Every field is present, except recognition, which is commented out on purpose.
    assert set(data) == set(schema["properties"]) - {"erkenning"}
    assert "# erkenning:" in text
    assert data["naam"] == "Één Proef: Test"
    for sub in schema["properties"].values():
        assert f"# {sub['title']}: {sub['description']}" in text


def test_new_entry_fails_validation_only_on_required_fields(copy, capsys, monkeypatch):
    monkeypatch.chdir(copy.root.parent)
    run(["--root", str(copy.root), "new", "Lege Proef"], capsys)
    code, out, err = run(
        ["--root", str(copy.root), "validate", str(copy.entries / "lege-proef.yaml")], capsys
    )
    assert code == 1
    messages = [line.split(": ", 2)[1:] for line in out.splitlines()]
    fields = sorted(field for field, message in messages)
    assert fields == [
        "beschrijving",
        "bronnen[0].titel",
        "bronnen[0].uitgever",
        "bronnen[0].url",
        "claim",
        "doelgroep.omschrijving",
    ]
    assert all(message.startswith("verplicht veld is leeg") for _, message in messages)


def test_new_refuses_to_overwrite(copy, capsys, monkeypatch):
    monkeypatch.chdir(copy.root.parent)
    before = (copy.entries / "proef-interventie.yaml").read_text(encoding="utf-8")
    code, out, err = run(["--root", str(copy.root), "new", "Proef interventie"], capsys)
    assert code == 1
    assert "catalogue/interventies/proef-interventie.yaml: bestaat al" in err
    assert (copy.entries / "proef-interventie.yaml").read_text(encoding="utf-8") == before


def test_new_rejects_a_name_without_letters(copy, capsys):
    code, out, err = run(["--root", str(copy.root), "new", "!!!"], capsys)
    assert code == 2
    assert "levert geen bruikbare slug op" in err


def test_schema_check_and_write(copy, capsys):
    path = copy.root / "interventie.schema.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"mantelzorgers",', "", 1), encoding="utf-8"
    )
    assert run(["--root", str(copy.root), "schema"], capsys)[0] == 1
    assert run(["--root", str(copy.root), "schema", "--write"], capsys)[0] == 0
    assert run(["--root", str(copy.root), "schema"], capsys)[0] == 0


@pytest.mark.parametrize("command", [[], ["validate"], ["new"], ["schema"]])
def test_help_is_dutch_and_exits_zero(command):
    result = subprocess.run(
        [sys.executable, "-m", "catalogue.cli", *command, "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0
    assert "gebruik:" in result.stdout and "usage:" not in result.stdout
    assert re.search(r"catalogus|interventie|bestand|schema", result.stdout)


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "catalogus"
    result = subprocess.run([str(script), "validate"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout


def test_search_prints_ranked_results_with_urls(capsys):
    code, out, err = run(
        ["search", "ouderen migratie", "--site-url", "https://site.example"], capsys
    )
    assert code == 0
    lines = out.splitlines()
    complete = lines[: lines.index("Met een deel van de woorden (niet alle 2):")]
    assert complete[0].startswith("1. ") and "gevonden in: " in complete[0]
    assert any(
        re.match(r"\d+\. Gouden Mannen  https://site.example/interventies/gouden-mannen/", line)
        for line in complete
    )
    assert any(
        re.match(r"\d+\. GO-WIN  https://site.example/interventies/go-win/", line)
        for line in complete
    )
    assert len(lines) > len(complete) + 1


def test_search_finds_nothing_exits_one(capsys):
    code, out, err = run(["search", "xylofoonorkest"], capsys)
    assert code == 1
    assert out == ""
    assert "Niets gevonden voor \u201cxylofoonorkest\u201d" in err


def test_search_reads_the_sites_index_file(capsys, built_site):
    index = built_site / "catalogus-zoekindex.json"
    code, out, _ = run(["search", "jongere", "--index", str(index)], capsys)
    assert code == 0
    assert out.startswith("1. ")
    assert "Join Us Online  /interventies/join-us-online/" in out
    code, _, err = run(["search", "jongere", "--index", "bestaat-niet.json"], capsys)
    assert code == 2


def test_contributing_guide_is_up_to_date(capsys):
    """CONTRIBUTING.md and /bijdragen/ come from one template; the file must be current."""
    code, out, _ = run(["contributing"], capsys)
    assert code == 0, out


def test_contributing_lists_every_schema_field():
    from catalogue.contributing import render_guide

    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert guide == render_guide(for_site=False)
    schema = read_schema(REPO / "catalogue" / "interventie.schema.json")
    for name in schema["properties"]:
        assert f"| `{name}` |" in guide
    assert "| `doelgroep.omschrijving` | ja |" in guide


def test_repository_files_for_the_hosting_platform():
    workflow = (REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    for step in ("make validate", "make build", "make test", "deploy-pages@v"):
        assert step in workflow
    assert "@main" not in workflow and "@master" not in workflow  # actions pinned
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/interventie.yml").read_text("utf-8"))
    ids = {field.get("id") for field in form["body"]}
    assert {"naam", "eigenaar", "website", "doelgroep", "bronnen"} <= ids
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert all(repo["rev"][:1] in "v0123456789" for repo in hooks["repos"] if "rev" in repo)


def test_publishing_build_sets_the_real_address_and_full_history():
    workflow = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["test"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    build = next(
        s for s in reversed(steps[:upload]) if s.get("run") == "make build"
    )  # the build whose site/ is uploaded
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert "github.repository" in build["env"]["CATALOGUS_REPO_URL"]
    assert any(s.get("id") == "pages" and "configure-pages" in s.get("uses", "") for s in steps)


def test_weekly_link_check_runs_the_make_target():
    workflow = yaml.safe_load((REPO / ".github/workflows/links.yml").read_text(encoding="utf-8"))
    assert "schedule" in workflow[True] or "schedule" in workflow.get("on", {})
    runs = " ".join(s.get("run", "") for s in workflow["jobs"]["links"]["steps"])
    assert "make check-links" in runs and "gh issue create" in runs
    uses = [s["uses"] for s in workflow["jobs"]["links"]["steps"] if "uses" in s]
    assert all("@v" in u for u in uses)  # actions pinned by version
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "check-links:" in makefile and "catalogus check-links" in makefile


ENGLISH = ("usage", "options", "show this help", "error:", "unrecognized", "required", "invalid")


def test_the_command_line_speaks_dutch_only(capsys):
    texts = []
    for argv in (["--help"], ["validate", "--help"], ["check-links", "--help"], ["search", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        texts.append(capsys.readouterr().out)
    for argv in (["--nee"], [], ["check-links", "--timeout", "x"]):
        with pytest.raises(SystemExit) as exit_code:
            main(argv)
        assert exit_code.value.code == 2
        texts.append(capsys.readouterr().err)
    text = "\n".join(texts)
    assert "gebruik: catalogus" in text and "toon deze hulp en stop" in text and "fout:" in text
    assert [word for word in ENGLISH if word in text.lower()] == []
