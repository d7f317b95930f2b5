"""MkDocs adapter for the catalogue core (the only file listed under `hooks:`).

It reads the catalogue afresh on every build (`mkdocs serve` does not
re-import hooks, so nothing is cached here) and fails the build with the
same messages `catalogus validate` prints. All logic lives in the
`catalogue` package, which never imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from catalogue.loader import load_catalogue
from catalogue.problems import errors, format_report

log = get_plugin_logger("catalogus")


# -- Hooks ---------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    project = Path(config.config_file_path).resolve().parent
    catalogue, problems = load_catalogue(project / "catalogue", display_root=project)
    for problem in problems:
        if problem.severity != "fout":
            log.warning(str(problem))  # --strict turns these into a failed build
    if errors(problems):
        raise PluginError("De catalogus bevat fouten:\n" + format_report(problems))
    log.info("%d interventies geladen", len(catalogue.interventions))
    return files
