"""MkDocs adapter for the catalogue core (the only file listed under `hooks:`).

It reads the catalogue afresh on every build (`mkdocs serve` does not
re-import hooks), fails the build with the same messages `catalogus validate`
prints, adds the generated pages and open-data files as virtual files (never
written into `docs/`), and expands `<!-- catalogus:... -->` markers in
hand-written pages. All logic lives in the `catalogue` package, which never
imports MkDocs.
"""

from __future__ import annotations

import gc
import posixpath
import re
import secrets
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from catalogue import assets, csp, urls, worker
from catalogue.background import BackgroundError
from catalogue.contributing import render_guide
from catalogue.data_files import computed_paths, copied_files
from catalogue.loader import load_catalogue
from catalogue.model import Catalogue
from catalogue.problems import errors, format_report
from catalogue.render import (
    UnknownMarker,
    check_markers,
    escape_page_meta,
    expand_markers,
)
from catalogue.render.excluded import without_search_excluded
from catalogue.render.pages import entry_stubs, term_pages
from catalogue.repository import RepoLinks, change_dates
from catalogue.summary import summary

log = get_plugin_logger("catalogus")


@dataclass(frozen=True)
class BuildState:
    """What one build knows about the catalogue; replaced on every build."""

    project: Path
    catalogue: Catalogue
    # entry bodies, then the data files and the entries' YAML, made by a
    # worker process while MkDocs renders pages (catalogue/worker.py)
    worker: worker.Worker
    # src_uri -> finished HTML of each term page, filled in on_files
    html: dict[str, str]
    # the File objects of what the worker writes, registered in on_files so
    # links to them resolve, then taken out of MkDocs' hands in on_env
    worker_files: dict[str, File]
    # the project's stylesheets (extra_css), joined into one file when built
    stylesheets: list[str] = field(default_factory=list)
    # inline-script hashes of every page so far; each page written, with the
    # policy it was written with
    script_hashes: set[str] = field(default_factory=set)
    written: list[tuple[Path, str]] = field(default_factory=list)
    # the policy for `script_hashes`, by how many there were (computed once each)
    policies: dict[int, str] = field(default_factory=dict)
    # src_uri of every entry page
    entry_sources: frozenset[str] = frozenset()
    # An entry page's content until its body arrives from the worker, just
    # before the page is written (on_post_page). Random, so no page text can
    # forge it; an <h1>, so that Material adds no title of its own.
    body_slot: str = field(default_factory=lambda: f"<h1>ww-{secrets.token_hex(16)}</h1>")
    # src_uri -> a page's content while Material's search plugin sees less of it
    full_content: dict[str, str] = field(default_factory=dict)
    # entry pages rendered from a frame ("frame") or in full ("full")
    frame_counts: Counter[str] = field(default_factory=Counter)
    # URL of every page in the navigation, known in on_nav
    nav_urls: set[str] = field(default_factory=set)


_state: BuildState | None = None
#: `mkdocs serve` injects a live-reload script that changes on every build;
#: no hash can allow it, so the policy is written by `build` only.
_serving = False


# -- Hooks ---------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


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
    # The catalogue lives as long as the build: keep the garbage collector from
    # scanning it again and again, here and in the worker forked below (at
    # 1,000 entries a fifth of the worker's time went to the collector).
    gc.freeze()
    changed = change_dates(project, "catalogue/interventies")
    _state = BuildState(
        project=project,
        catalogue=catalogue,
        worker=worker.start(
            catalogue,
            config.site_url or "",
            repo_links(config),
            changed,
            site_dir=Path(config.site_dir),
            project=project,
        ),
        html={},
        worker_files={},
        entry_sources=frozenset(
            urls.source_uri(urls.entry(e.slug)) for e in catalogue.interventions
        ),
    )
    if not _serving:  # one minified stylesheet instead of the sources (see catalogue/assets.py)
        _state.stylesheets.extend(config.extra_css)
        config.extra_css = [assets.STYLESHEET_BUNDLE]
    for line in summary(catalogue, date.today()):
        log.info(line)
    # The header search offers the catalogue search (overrides/main.html, zoeken-kop.js).
    config.extra["catalogus_zoeken"] = {
        "index": urls.SEARCH_INDEX,
        "scripts": list(urls.SEARCH_SCRIPTS),
        "overview": urls.OVERVIEW,
    }
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    state = _current()
    repo = repo_links(config)
    terms = term_pages(state.catalogue)
    state.html.update((page.src_uri, page.html) for page in terms)
    for page in entry_stubs(state.catalogue) + terms:  # entry bodies: on_post_page
        files.append(
            File.generated(
                config, page.src_uri, content=page.source, inclusion=InclusionLevel.NOT_IN_NAV
            )
        )
    # The contributing guide: one template for the site and CONTRIBUTING.md.
    files.append(
        File.generated(
            config,
            "bijdragen/index.md",
            content=render_guide(
                for_site=True, root=state.project / "catalogue", propose_url=repo.propose()
            ),
        )
    )
    for src_uri in copied_files(state.catalogue, state.project):
        state.worker_files[src_uri] = File.generated(config, src_uri, content=b"")
    if not _serving:
        minify_assets(files, config, state.stylesheets)
    for src_uri in computed_paths(state.catalogue):
        state.worker_files[src_uri] = File.generated(config, src_uri, content=b"")
    for file in state.worker_files.values():
        files.append(file)
    # MkDocs emptied the site directory before it gathered the files.
    state.worker.site_ready.set()
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _current().nav_urls.update(page.url for page in nav.pages)
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    gc.freeze()  # the files, pages and navigation, too, last until the build ends
    state = _current()
    for name in _SAME_OFF_NAV:
        _render_once_off_nav(env, name, state.nav_urls)
    for name in _FRAMED:
        _render_entries_from_frame(env, name, state.entry_sources, state.frame_counts)
    # Links to them were checked while the pages were read; the worker writes
    # them, so MkDocs must not (it copies static files right after this).
    for file in state.worker_files.values():
        files.remove(file)
    return env


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Titles and descriptions come from untrusted YAML; Material prints them raw.
    escape_page_meta(page.meta)
    # Entry pages stay out of Material's site search: the header offers the
    # catalogue search, which finds them better (zoeken-kop.js), and indexing
    # them was a third of a large build (bench/results.md).
    if page.file.src_uri in _current().entry_sources:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    try:
        check_markers(markdown)
    except UnknownMarker as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
    state = _current()
    generated = page.file.src_uri in state.html or page.file.src_uri in state.entry_sources
    if generated and not markdown.strip():
        # A generated page's Markdown is empty (its HTML arrives in on_page_content):
        # what converting it would give, without a Markdown instance per page.
        page.render = partial(_render_empty, page)  # type: ignore[method-assign]
    return markdown


@event_priority(50)  # before Material's search plugin
def _show_search_less(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
    """Hand the search plugin the page without what it would skip (catalogue/render/excluded.py)."""
    if not _SEARCH_LESS or (page.meta.get("search") or {}).get("exclude"):
        return
    light = without_search_excluded(page.content or "")
    if light is not page.content:
        _current().full_content[page.file.src_uri] = page.content
        page.content = light


@event_priority(-50)  # after it
def _restore_full_content(
    context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> None:
    full = _current().full_content.pop(page.file.src_uri, None)
    if full is not None:  # with what the plugin removes from every page it indexed
        page.content = _SEARCH_ATTRIBUTES.sub("", full)


on_page_context = CombinedEvent(_show_search_less, _restore_full_content)
_SEARCH_LESS = True  # tests turn it off to compare

#: Material's search plugin takes these out of a page after indexing it
#: (material/plugins/search/plugin.py, on_page_context).
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def on_build_error(*, error: Exception) -> None:
    gc.unfreeze()
    if _state is not None:
        _state.worker.cancel()


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    state = _current()
    if page.file.src_uri in state.entry_sources:
        output = output.replace(state.body_slot, _worker_result(page.file.src_uri), 1)
    return _with_policy(output, Path(page.file.abs_dest_path))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # Static templates such as 404.html are pages too.
    return _with_policy(output_content, Path(config.site_dir) / template_name)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Every page known: one policy, with the hashes of all inline scripts, on all of them."""
    gc.unfreeze()  # `mkdocs serve` builds again in this process
    state = _current()
    _finish_worker(state)
    log.debug(
        f"interventiepagina's: {state.frame_counts['frame']} uit een raamwerk, "
        f"{state.frame_counts['full']} volledig"
    )
    if _serving:
        log.info("Content-Security-Policy staat uit tijdens mkdocs serve (live reload)")
        return
    final = csp.policy(state.script_hashes)
    for path, used in state.written:
        if used != final and path.suffix == ".html" and path.is_file():
            html = path.read_text(encoding="utf-8")
            path.write_text(csp.replace_policy(html, used, final), encoding="utf-8")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _current()
    if page.file.src_uri in state.entry_sources:
        return state.body_slot
    generated = state.html.get(page.file.src_uri)
    if generated is not None:
        return generated
    return expand_markers(html, state.catalogue, page=page.url)


# -- Helpers -------------------------------------------------------------------


def repo_links(config: MkDocsConfig) -> RepoLinks:
    return RepoLinks.from_setting(
        config.extra.get("catalogus_repo_url"), config.extra.get("catalogus_branch")
    )


def minify_assets(files: Files, config: MkDocsConfig, stylesheets: list[str]) -> None:
    """The project's scripts and stylesheets, minified in place; its stylesheets also as one."""
    own = [f for f in files if f.abs_src_path and assets.is_own_asset(f.src_uri)]
    texts = {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8") for f in own}
    for file in own:
        files.remove(file)
        content = assets.minified(file.src_uri, texts[file.src_uri])
        files.append(File.generated(config, file.src_uri, content=content))
    missing = [name for name in stylesheets if name not in texts]
    if missing:
        raise PluginError(f"extra_css: niet gevonden in docs/: {', '.join(missing)}")
    bundle = assets.stylesheet_bundle([(name, texts[name]) for name in stylesheets])
    files.append(File.generated(config, assets.STYLESHEET_BUNDLE, content=bundle))


#: Material's partials that depend on the page only through where it stands in
#: the navigation: for a page outside it (every entry and term page) they come
#: out the same for all pages in one folder (their links are relative).
_SAME_OFF_NAV = ("partials/nav.html", "partials/tabs.html")


def _render_once_off_nav(env: Environment, name: str, nav_urls: set[str]) -> None:
    """Render a partial of `_SAME_OFF_NAV` once per folder for pages outside the
    navigation, instead of once per page (at thousands of entry pages the
    navigation was a large part of Material's own work). Pages in the
    navigation, or with navigation pages below them, render it as before."""
    template = env.get_template(name)
    render = template.root_render_func
    rendered: dict[str, str] = {}

    def render_off_nav(context: Any) -> Iterator[str]:
        page = context.get("page")
        url = getattr(page, "url", None)
        if (
            not isinstance(url, str)
            or getattr(page, "parent", None) is not None
            or any(other.startswith(url) for other in nav_urls)
        ):
            yield from render(context)
            return
        folder = posixpath.dirname(url.rstrip("/"))
        if folder not in rendered:
            rendered[folder] = "".join(render(context))
        yield rendered[folder]

    template.root_render_func = render_off_nav


#: Templates that render entry pages from one frame per folder (see below).
_FRAMED = ("main.html",)


def _render_entries_from_frame(
    env: Environment, name: str, entry_sources: frozenset[str], counts: Counter[str]
) -> None:
    """Render Material's page template once per folder for entry pages, with
    stand-ins for what differs between them (title, description, canonical
    address; the body is a slot already), and fill in each page's values.

    Entry pages are the same page in Material's eyes: outside the navigation,
    one folder deep, one set of hidden parts. Rendering its template was
    most of the build's time for thousands of them. The first page of each
    kind is also rendered in full and compared: a frame that does not give
    the same page is not used (other pages then render in full, as before).
    """
    template = env.get_template(name)
    render = template.root_render_func
    frames: dict[tuple[str, tuple[str, ...]], list[str] | None] = {}

    def render_from_frame(context: Any) -> Iterator[str]:
        page = context.get("page")
        file = getattr(page, "file", None)
        if getattr(file, "src_uri", None) not in entry_sources:
            yield from render(context)
            return
        values = _frame_values(page)
        kind = (posixpath.dirname(page.url.rstrip("/")), tuple(values))
        if kind not in frames:
            full = "".join(render(context))
            frame = _frame(template, render, context, page, values)
            frames[kind] = frame if _fill(frame, values) == full else None
            counts["full"] += 1
            yield full
        elif (frame := frames[kind]) is None:
            counts["full"] += 1
            yield from render(context)
        else:
            counts["frame"] += 1
            yield _fill(frame, values)

    template.root_render_func = render_from_frame


#: What differs between entry pages in Material's template, by stand-in.
_STAND_IN = secrets.token_hex(12)


def _frame_values(page: Page) -> dict[str, str]:
    """Stand-in -> this page's text, for each per-page value it has."""
    found = {
        "title": page.meta.get("title"),
        "description": page.meta.get("description"),
        "page_title": page.title,
        "canonical_url": page.canonical_url,
    }
    return {f"ww{_STAND_IN}{key}": value for key, value in found.items() if value}


def _frame(
    template: Any, render: Any, context: Any, page: Page, values: dict[str, str]
) -> list[str]:
    """The page rendered with stand-ins, split into text and stand-in names."""
    stand_ins = {key.removeprefix(f"ww{_STAND_IN}"): Markup(key) for key in values}
    meta = dict(page.meta)
    for key in ("title", "description"):
        if key in stand_ins:
            meta[key] = stand_ins[key]
    stand_in_page = _StandInPage(
        page,
        meta=meta,
        title=stand_ins.get("page_title", page.title),
        canonical_url=stand_ins.get("canonical_url", page.canonical_url),
    )
    text = "".join(render(template.new_context({**context.get_all(), "page": stand_in_page})))
    return re.split(f"(ww{_STAND_IN}[a-z_]+)", text)


def _fill(frame: list[str], values: dict[str, str]) -> str:
    # odd places hold stand-in names (re.split with a group)
    return "".join(values[part] if i % 2 else part for i, part in enumerate(frame))


class _StandInPage:
    """A page that answers with stand-ins for some values and the real page's for the rest."""

    def __init__(self, page: Page, **values: object) -> None:
        self._page = page
        self._values = values

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__["_values"]
        return values[name] if name in values else getattr(self.__dict__["_page"], name)


def _worker_result(name: str) -> str:
    try:
        return _current().worker.body(name)
    except BackgroundError as error:
        raise PluginError(f"catalogus: de achtergrondtaak faalde:\n{error}") from None


def _finish_worker(state: BuildState) -> None:
    """Wait until the worker has written the data files and the entries' YAML."""
    try:
        written = state.worker.finish()
    except BackgroundError as error:
        raise PluginError(f"catalogus: de achtergrondtaak faalde:\n{error}") from None
    if written != len(state.worker_files):
        raise PluginError(
            f"catalogus: de achtergrondtaak schreef {written} van "
            f"{len(state.worker_files)} bestanden"
        )


def _render_empty(page: Page, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` of an empty Markdown text: no content, no headings, no anchors."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _with_policy(html: str, destination: Path) -> str:
    if _serving:
        return html
    state = _current()
    state.script_hashes.update(csp.inline_script_hashes(html))
    count = len(state.script_hashes)
    if count not in state.policies:
        state.policies[count] = csp.policy(state.script_hashes)
    state.written.append((destination, state.policies[count]))
    return csp.with_policy(html, state.policies[count])


def _current() -> BuildState:
    if _state is None:
        raise PluginError("catalogus: on_config did not run")
    return _state
