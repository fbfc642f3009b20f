from datetime import timedelta

from hypothesis import given, settings, strategies as st

from depesche.site.collate import collate, topic_index, unify_topics, unique_slugs
from depesche.model import Topic

from conftest import make_article


def test_same_headline_gives_different_urls_and_the_older_keeps_its_url():
    old = make_article(id="aaaa1111bbbb2222", slug="gleich")
    new = make_article(id="0000ffff0000ffff", slug="gleich", published=old.published + timedelta(days=1))
    alone = unique_slugs([old])
    both = unique_slugs([new, old])
    assert alone[0].slug == "gleich"
    assert {a.id: a.slug for a in both} == {old.id: "gleich", new.id: "gleich-0000ffff"}


def test_topics_sharing_a_slug_become_one_topic_with_the_most_used_spelling():
    a = make_article(id="1", topics=(Topic("E-Plus", "e-plus"),))
    b = make_article(id="2", topics=(Topic("E-Plus", "e-plus"), Topic("E Plus", "e-plus")))
    c = make_article(id="3", topics=(Topic("E PLUS", "e-plus"),))
    unified = unify_topics([a, b, c])
    assert {t for art in unified for t in art.topics} == {Topic("E-Plus", "e-plus")}
    assert [len(art.topics) for art in unified] == [1, 1, 1]


def test_newest_first_and_topic_index():
    old = make_article(id="1", slug="a")
    new = make_article(id="2", slug="b", published=old.published + timedelta(hours=1))
    ordered = collate([old, new])
    assert [a.id for a in ordered] == ["2", "1"]
    index = topic_index(ordered)
    assert [t.name for t, _ in index] == ["Facebook", "WhatsApp"]
    assert [a.id for a in index[0][1]] == ["2", "1"]


def test_related_articles_share_the_most_topics():
    from depesche.site.related import related_articles, related_layout

    t = {name: Topic(name, name.lower()) for name in ("A", "B", "C", "D")}
    base = make_article(id="base", topics=(t["A"], t["B"], t["C"]))
    two = make_article(id="two", slug="two", topics=(t["A"], t["B"]))
    one = make_article(id="one", slug="one", topics=(t["C"], t["D"]))
    none = make_article(id="none", slug="none", topics=(t["D"],))
    articles = collate([base, two, one, none])
    related = related_articles(related_layout(articles))
    assert related["base"] == ("two", "one")
    assert related["none"] == ("one",)


def test_months_group_by_publication_month_newest_first():
    from depesche.site.collate import months

    feb = make_article(id="feb")
    march = make_article(id="march", published=feb.published.replace(month=3))
    assert [(m, [a.id for a in members]) for m, members in months(collate([feb, march]))] == [
        ((2014, 3), ["march"]), ((2014, 2), ["feb"])]


slugs = st.lists(st.sampled_from("abcdefg"), unique=True, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(slugs, min_size=1, max_size=40), st.data())
def test_updating_the_related_choice_equals_choosing_anew(topics, data):
    """After some articles change their topics, choosing anew only for the affected ones gives the full choice."""
    from depesche.site.related import related_articles, updated_related

    old = tuple((f"id{i}", *row) for i, row in enumerate(topics))
    changes = data.draw(st.dictionaries(st.integers(0, len(old) - 1), slugs, max_size=5))
    new = tuple((row[0], *changes[i]) if i in changes else row for i, row in enumerate(old))
    assert updated_related(old, related_articles(old), new) == related_articles(new)
