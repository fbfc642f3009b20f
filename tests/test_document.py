import markdown
from hypothesis import given, strategies as st

from depesche.site.document import body_markdown, escape_markdown, to_markdown
from depesche.model import Block
from depesche.site.document import markdown_to_html

from conftest import make_article

HOSTILE = [
    '<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '[klick](javascript:alert(1))',
    '<iframe src="//x"></iframe>', '**fett** _kursiv_ `code`', '# keine Überschrift', '1. kein Listenpunkt',
    '> kein Zitat', '{{ config }} {% if x %}', ']]> & &amp; &#65;', '<http://example.org>', '![bild](x.png)',
]


def test_hostile_text_is_shown_not_interpreted():
    for text in HOSTILE:
        html = markdown.markdown(escape_markdown(text))
        assert html.startswith("<p>") and html.endswith("</p>")
        inner = html[3:-4]
        assert "<" not in inner, (text, html)
        unescaped = inner.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
        assert unescaped == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).map(str.strip).filter(bool))
def test_any_text_becomes_exactly_one_paragraph_without_markup(text):
    html = markdown.markdown(escape_markdown(" ".join(text.split())))
    assert html.count("<p>") == 1 and "<" not in html[3:-4]


def test_subheadings_become_h2_and_front_matter_is_written():
    article = make_article(blocks=(Block("paragraph", "Absatz."), Block("subheading", "Zwischentitel")),
                           kicker="Interview", author="Marleen Frontzeck-Hornke")
    assert body_markdown(article) == "Absatz.\n\n## Zwischentitel\n"
    assert "<h2>Zwischentitel</h2>" in markdown_to_html(body_markdown(article))
    document = to_markdown(article)
    assert document.startswith('---\nid: "0123456789abcdef"\ntitle: "Eine Überschrift"\nkicker: "Interview"\n')
    assert '\ntopics: ["WhatsApp", "Facebook"]\n' in document
    assert "\n---\n\n# Eine Überschrift\n\nAbsatz.\n" in document
