"""Property-based fuzzing of the loader: no YAML text and no value in any field crashes it.

Every run ends in data or in problems that name a file and a line: never an
exception. Examples are bounded (and derandomised, so CI is repeatable).
"""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.problems import errors

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: YAML-ish text: structure characters, tags, anchors and odd characters mixed in.
_PIECES = st.sampled_from(
    [
        "naam: ", "claim: ", "\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "'", '"',
        "!foo ", "!!int ", "!!python/object:os.system ", "&a ", "*a ", "<<: ", "? ", "|\n",
        ">-\n", "#", "---\n", "...\n", "\t", "\x00", "\x1b", "\u202e", "\ufeff", "é", "0x1F",
        "2024-13-45", "~", "null", "yes", ".inf", "1e999", "http://127.0.0.1/",
    ]
)
YAML_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join)

VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def assert_reported_or_loaded(copy) -> None:
    catalogue, problems = copy.load()  # must never raise
    for problem in errors(problems):
        assert problem.file and problem.line >= 1 and problem.column >= 1, problem
        assert "\n" not in str(problem)
    loaded = {e.slug for e in catalogue.interventions}
    reported = {p.file.rsplit("/", 1)[-1].removesuffix(".yaml") for p in errors(problems)}
    assert loaded or reported  # the file was not silently dropped


@FUZZ
@given(text=YAML_TEXT)
def test_any_yaml_text_gives_data_or_a_message(copy, text):
    copy.write("proef-interventie.yaml", text)
    assert_reported_or_loaded(copy)


FIELDS = [
    "naam", "claim", "beschrijving", "doelgroep", "risicogroepen", "werkzame_elementen",
    "werkvorm", "erkenning", "eigenaar", "uitvoering", "bronnen", "laatst_gecontroleerd",
    "eenzaamheid_als_doel", "kosten", "eerdere_namen",
]


@FUZZ
@given(field=st.sampled_from(FIELDS), value=VALUES)
def test_any_value_in_any_field_gives_data_or_a_message(copy, field, value):
    entry = yaml.safe_load(copy.fixture_text())
    entry[field] = value
    try:
        text = yaml.safe_dump(entry, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        return  # not expressible as YAML: nothing a maintainer could write
    copy.write("proef-interventie.yaml", text)
    assert_reported_or_loaded(copy)
