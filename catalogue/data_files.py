"""The site's open-data and search files, computed beside the page build.

The exports and the search index depend only on the catalogue: the build's
worker process computes and writes them (`catalogue.worker`) while MkDocs
renders pages.

Free of MkDocs: the hook maps the (site path, content) pairs onto its files.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from catalogue import urls
from catalogue.background import Content
from catalogue.export import comparison, to_csv, to_json
from catalogue.keuzehulp import guide_data
from catalogue.loader import ENTRY_SCHEMA_FILE
from catalogue.model import Catalogue
from catalogue.search import browser_assets, build_index, minified_assets, shard_count, site_files

#: The export's schema beside the entry schema, which its term ids refer to.
EXPORT_SCHEMA_FILE = Path(__file__).resolve().parent / "catalogus.schema.json"


def computed_paths(catalogue: Catalogue) -> tuple[str, ...]:
    """Files the worker computes (the others are read from disk by the caller):
    known before it runs, so the build can register them."""
    shards = tuple(urls.search_shard(n) for n in range(shard_count(len(catalogue.interventions))))
    return (
        urls.JSON_EXPORT,
        urls.CSV_EXPORT,
        urls.COMPARISON_DATA,
        urls.SEARCH_INDEX,
        *shards,
        urls.GUIDE_DATA,
        urls.EXPORT_SCHEMA,
        urls.ROBOTS,
        *browser_assets(),
    )


def computed_files(catalogue: Catalogue, site_url: str) -> dict[str, Content]:
    """Exports and search index: pure functions of the catalogue."""
    return {
        urls.JSON_EXPORT: to_json(catalogue, site_url),
        urls.CSV_EXPORT: to_csv(catalogue, site_url),
        urls.COMPARISON_DATA: comparison(catalogue),
        **site_files(build_index(catalogue)),
        urls.GUIDE_DATA: dump_guide(catalogue),
        urls.EXPORT_SCHEMA: export_schema(site_url),
        urls.ROBOTS: robots_txt(site_url),
        **minified_assets(),  # lunr's scripts, from MkDocs
    }


def export_schema(site_url: str) -> str:
    """The export's JSON Schema with its published address as `$id`.

    Its term ids refer to `interventie.schema.json` by a relative `$ref`,
    which a validator resolves against this address."""
    schema = json.loads(EXPORT_SCHEMA_FILE.read_text(encoding="utf-8"))
    published = {"$schema": schema.pop("$schema")}
    if site_url:
        published["$id"] = site_url + urls.EXPORT_SCHEMA
    published.update(schema)
    return json.dumps(published, ensure_ascii=False, indent=2) + "\n"


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the sitemap (MkDocs writes it) lists every page."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:  # the Sitemap line must hold an absolute address
        lines += ["", f"Sitemap: {site_url}{urls.SITEMAP}"]
    return "\n".join(lines) + "\n"


def dump_guide(catalogue: Catalogue) -> str:
    """The keuzehulp's data document; an empty one when there is no keuzehulp.yaml."""
    if catalogue.guide is None:
        return "{}"
    data = guide_data(catalogue, catalogue.guide, date.today())
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def copied_files(catalogue: Catalogue, project: Path) -> dict[str, Path]:
    """Site path -> file on disk: the JSON Schema, each entry's YAML."""
    result = {urls.SCHEMA: project / "catalogue" / ENTRY_SCHEMA_FILE}
    for entry in catalogue.interventions:
        result[urls.entry_source(entry.slug)] = project / entry.source_file
    return result


def write_site_files(
    site_dir: Path, computed: Mapping[str, Content], copied: Mapping[str, Path]
) -> None:
    """Write computed files and copy files from disk to their site paths."""
    folders: set[Path] = set()

    def target(src_uri: str) -> Path:
        path = site_dir / src_uri
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        return path

    for src_uri, content in computed.items():
        target(src_uri).write_bytes(
            content.encode("utf-8") if isinstance(content, str) else content
        )
    for src_uri, source in copied.items():
        shutil.copyfile(source, target(src_uri))
