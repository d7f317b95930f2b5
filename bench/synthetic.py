"""A synthetic but valid catalogue of N entries, for benchmarks only.

Entries are built from the real ones: their texts are recombined (so lengths
and Dutch words are realistic) and their vocabulary terms are drawn with the
frequencies the real catalogue has. Written into a temporary copy of the
project, never into `catalogue/`.
"""

from __future__ import annotations

import random
import shutil
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from projectcopy import REPO  # noqa: E402
from projectcopy import copy_project as _copy  # noqa: E402


def copy_project(destination: Path) -> Path:
    return _copy(destination, skip=frozenset({"bench"}))


def real_entries() -> list[dict]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((REPO / "catalogue" / "interventies").glob("*.yaml"))
    ]


def _draw(rng: random.Random, counts: Counter, total: int) -> list[str]:
    """Each term independently, with the share of entries that carry it for real."""
    return [term for term, n in counts.items() if rng.random() < n / total]


def synthetic_entries(n: int, seed: int = 2026) -> list[dict]:
    rng = random.Random(seed)
    real = real_entries()
    fields = ("risicogroepen", "werkzame_elementen", "vormen_van_eenzaamheid", "preventieniveaus")
    counts = {f: Counter(t for e in real for t in (e.get(f) or [])) for f in fields}
    sentences = [
        s.strip() + "." for e in real for s in e["beschrijving"].split(".") if len(s.split()) > 4
    ]
    entries = []
    for i in range(n):
        base = real[i % len(real)]
        entry = {
            "naam": f"{base['naam']} variant {i + 1}",
            "claim": base["claim"],
            "beschrijving": " ".join(rng.sample(sentences, k=min(6, len(sentences)))),
            "doelgroep": {"omschrijving": base["doelgroep"]["omschrijving"]},
            "bronnen": base["bronnen"],
            "laatst_gecontroleerd": "2026-11-23",
        }
        for field in fields:
            drawn = _draw(rng, counts[field], len(real))
            if drawn:
                entry[field] = drawn
        if base.get("werkvorm"):
            entry["werkvorm"] = base["werkvorm"]
        if base.get("erkenning"):
            entry["erkenning"] = base["erkenning"]
        entries.append(entry)
    return entries


def write_catalogue(project: Path, n: int) -> None:
    """Grow the copy's catalogue to N entries: the real ones plus synthetic ones
    (the knowledge pages link to the real entries, so they stay)."""
    from catalogue.slug import slugify

    folder = project / "catalogue" / "interventies"
    extra = max(0, n - len(list(folder.glob("*.yaml"))))
    for entry in synthetic_entries(extra):
        text = "# yaml-language-server: $schema=../interventie.schema.json\n" + yaml.safe_dump(
            entry, allow_unicode=True, sort_keys=False
        )
        (folder / f"{slugify(entry['naam'])}.yaml").write_text(text, encoding="utf-8")


def write_baseline(project: Path, n: int, *, theme: str = "plain") -> None:
    """The same N pages as plain Markdown, catalogue features off, kept out of the nav.

    theme "plain": Material with its defaults (the issue's baseline).
    theme "ours": this project's mkdocs.yml (palette, features, overrides,
    styles, scripts, Markdown extensions) without the hook and the nav, so the
    ratio shows what the catalogue itself costs, apart from theme choices.
    """
    from catalogue.slug import slugify

    docs = project / "docs"
    if theme == "plain":
        for item in docs.iterdir():
            if item.is_dir():
                shutil.rmtree(item)
            else:
                item.unlink()
    else:
        for item in docs.iterdir():
            if item.is_dir() and item.name != "assets":
                shutil.rmtree(item)
            elif item.is_file():
                item.unlink()
    pages = docs / "pages"
    pages.mkdir(parents=True)
    for entry in synthetic_entries(n):
        body = [
            f"# {entry['naam']}",
            "",
            entry["claim"],
            "",
            entry["beschrijving"],
            "",
            "## Doelgroep",
            "",
            entry["doelgroep"]["omschrijving"],
            "",
        ]
        for field in ("risicogroepen", "werkzame_elementen"):
            body += [f"## {field}", ""] + [f"- {t}" for t in entry.get(field, [])] + [""]
        (pages / f"{slugify(entry['naam'])}.md").write_text("\n".join(body), encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    pages_out_of_nav = "nav:\n  - Start: index.md\nnot_in_nav: |\n  /pages/*.md\n"
    if theme == "plain":
        config = (
            "site_name: Baseline\nsite_url: http://127.0.0.1:8000/\n"
            "theme:\n  name: material\n  language: nl\n  font: false\n"
            "  features: [navigation.tabs, navigation.instant]\n"
            "plugins:\n  - search:\n      lang: nl\n"
        )
    else:
        config = "".join(
            block
            for block in _top_level_blocks((project / "mkdocs.yml").read_text(encoding="utf-8"))
            if not block.startswith(("hooks:", "nav:", "watch:"))
        )
    (project / "mkdocs.yml").write_text(config + pages_out_of_nav, encoding="utf-8")


def _top_level_blocks(text: str) -> list[str]:
    """A YAML file cut before every top-level key (comments stay with what follows)."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        if line[:1].isalpha() and current and not current[-1].startswith("#"):
            blocks.append("".join(current))
            current = []
        current.append(line)
    blocks.append("".join(current))
    return blocks
