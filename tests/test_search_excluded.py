"""What Material's search plugin is handed: a page without its `data-search-exclude` parts."""

from __future__ import annotations

from catalogue.render.excluded import without_search_excluded


def test_marked_elements_go_with_everything_they_hold():
    html = (
        '<h1>Titel</h1><ul class="a" data-search-exclude><li><ul><li>x</li></ul></li></ul>'
        "<p>blijft</p><div data-search-exclude hidden><div>weg</div></div><p>ook</p>"
    )
    assert without_search_excluded(html) == "<h1>Titel</h1><p>blijft</p><p>ook</p>"


def test_void_and_unmarked_elements():
    assert without_search_excluded('<p>a<input data-search-exclude name="q">b</p>') == "<p>ab</p>"
    page = "<p data-search>geen uitsluiting</p>"
    assert without_search_excluded(page) is page


def test_unbalanced_markup_is_left_as_it_is():
    html = "<p>a</p><ul data-search-exclude><li>nooit gesloten"
    assert without_search_excluded(html) == html


def test_similar_tag_names_do_not_count():
    html = "<ul data-search-exclude><ul-x>a</ul-x><li>b</li></ul><p>c</p>"
    assert without_search_excluded(html) == "<p>c</p>"
