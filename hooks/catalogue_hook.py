"""MkDocs adapter for the catalogue core (the only file listed under `hooks:`).

It reads the catalogue afresh on every build (`mkdocs serve` does not
re-import hooks), fails the build with the same messages `catalogus validate`
prints, adds the generated pages and open-data files as virtual files (never
written into `docs/`), and expands `<!-- catalogus:... -->` markers in
hand-written pages. All logic lives in the `catalogue` package, which never
imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from catalogue import urls
from catalogue.contributing import render_guide
from catalogue.export import to_csv, to_json
from catalogue.loader import ENTRY_SCHEMA_FILE, load_catalogue
from catalogue.model import Catalogue
from catalogue.problems import errors, format_report
from catalogue.render import UnknownMarker, expand_markers, generated_pages
from catalogue.search import browser_assets, build_index, dump_index

log = get_plugin_logger("catalogus")


@dataclass(frozen=True)
class BuildState:
    """What one build knows about the catalogue; replaced on every build."""

    project: Path
    catalogue: Catalogue


_state: BuildState | None = None


# -- Hooks ---------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    _state = None
    if not config.use_directory_urls:
        raise PluginError("De catalogus verwacht use_directory_urls: true (stabiele URL's).")
    project = Path(config.config_file_path).resolve().parent
    catalogue, problems = load_catalogue(project / "catalogue", display_root=project)
    for problem in problems:
        if problem.severity != "fout":
            log.warning(str(problem))  # --strict turns these into a failed build
    if errors(problems):
        raise PluginError("De catalogus bevat fouten:\n" + format_report(problems))
    _state = BuildState(project, catalogue)
    log.info("%d interventies geladen", len(catalogue.interventions))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = _current()
    edit_base = config.extra.get("catalogus_bewerk_url") or None
    for page in generated_pages(state.catalogue, edit_base=edit_base):
        files.append(
            File.generated(
                config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV
            )
        )
    # The contributing guide: one template for the site and CONTRIBUTING.md.
    files.append(
        File.generated(
            config,
            "bijdragen/index.md",
            content=render_guide(for_site=True, root=state.project / "catalogue"),
        )
    )
    for src_uri, content in _data_files(state, site_url=config.site_url or ""):
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return expand_markers(markdown, _current().catalogue, page=page.url)
    except UnknownMarker as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


# -- Helpers -------------------------------------------------------------------


def _current() -> BuildState:
    if _state is None:
        raise PluginError("catalogus: on_config did not run")
    return _state


def _data_files(state: BuildState, *, site_url: str) -> list[tuple[str, str | bytes]]:
    """Open data (exports, JSON Schema, each entry's YAML) and the search assets."""
    data_dir = state.project / "catalogue"
    result: list[tuple[str, str | bytes]] = [
        (urls.JSON_EXPORT, to_json(state.catalogue, site_url)),
        (urls.CSV_EXPORT, to_csv(state.catalogue, site_url)),
        (urls.SCHEMA, (data_dir / ENTRY_SCHEMA_FILE).read_text(encoding="utf-8")),
        (urls.SEARCH_INDEX, dump_index(build_index(state.catalogue))),
    ]
    # lunr.js and its Dutch support come from the installed MkDocs package.
    result += [(path, source.read_bytes()) for path, source in browser_assets().items()]
    for entry in state.catalogue.interventions:
        source = state.project / entry.source_file
        result.append((urls.entry_source(entry.slug), source.read_bytes()))
    return result
