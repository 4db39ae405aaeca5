"""Glossary terms in a finished page: marked as focusable tooltips in prose, left alone where a tooltip
would nest one control in another or cut code or an address in two."""

from __future__ import annotations

from fentkb.terms import Terms

TERMS = Terms({"fentanyl": 'A synthetic opioid; "two milligrams" can kill.', "fentanyl precursors": "Its chemicals.",
               "AUMF": "An authorization <of force> & more."})


def test_a_term_in_prose_becomes_a_focusable_tooltip_with_its_definition_escaped() -> None:
    assert TERMS.wrap("<p>Seized fentanyl rose.</p>") == (
        '<p>Seized <abbr tabindex="0" title="A synthetic opioid; &quot;two milligrams&quot; can kill.">fentanyl'
        "</abbr> rose.</p>")
    assert 'title="An authorization &lt;of force&gt; &amp; more."' in TERMS.wrap("<li>An AUMF</li>")


def test_the_longest_term_wins_and_only_whole_words_count() -> None:
    assert TERMS.wrap("<p>fentanyl precursors</p>") == (
        '<p><abbr tabindex="0" title="Its chemicals.">fentanyl precursors</abbr></p>')
    assert TERMS.wrap("<p>fentanyls and prefentanyl</p>") == "<p>fentanyls and prefentanyl</p>"


def test_links_controls_code_and_attributes_keep_no_term() -> None:
    for page in ('<a href="/fentanyl">fentanyl <em>AUMF</em></a>', "<button>AUMF</button>",
                 "<label><input type=checkbox> fentanyl</label>", "<pre><code>fentanyl</code></pre>",
                 '<img alt="fentanyl" src="x.png"/>', "<!-- fentanyl -->", "<abbr title=\"x\">AUMF</abbr>"):
        assert TERMS.wrap(page) == page
    marked = TERMS.wrap('<p><a href="#a">AUMF</a> then AUMF<br/>and fentanyl</p>')
    assert marked.count("<abbr") == 2 and marked.startswith('<p><a href="#a">AUMF</a> then <abbr')
