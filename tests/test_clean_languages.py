"""Pages in neither German nor English still yield their article: Russian by its stoplist,
Chinese measured by characters. The pages are made up here, in the shape of a copied web page."""
from __future__ import annotations

from depesche.clean.cleaner import clean
from depesche.clean.language import prose_words, split_words, starts_upper, text_size
from depesche.clean.span import SpanSettings, line_weight
from depesche.model import Verdict

RUSSIAN_PAGE = """Главная
Новости
Спорт
Погода

Город открыл новый мост через реку

Вчера в городе торжественно открыли новый мост, который соединил два района и должен сократить путь на работу для тысяч жителей.

Строительство продолжалось почти три года, и всё это время жители жаловались на пробки, которые возникали на старой переправе каждое утро.

По словам мэра, мост рассчитан на большие нагрузки, а рядом с ним уже начали строить новую остановку для автобусов и трамваев.

Поделиться
Комментарии
© 2024 Городские новости"""

CHINESE_PAGE = """首页
新闻
体育
财经

城市开通新的地铁线路

昨天上午，城市的第三条地铁线路正式开通运营，这条线路连接了东部的住宅区和西部的商业中心，预计每天将为十万名乘客提供服务。

据有关部门介绍，这条线路的建设用了四年时间，沿线共设有二十个车站，其中有五个车站可以换乘其他线路。

不少市民表示，新线路开通以后，他们上班的时间缩短了一半，希望以后能有更多这样的交通项目。

分享到
评论
版权所有"""


def body(page: str) -> str:
    return "\n".join(block.text for block in clean(page).blocks)


def test_a_russian_page_yields_its_article_without_the_menu():
    text = body(RUSSIAN_PAGE)
    assert "Вчера в городе торжественно открыли новый мост" in text
    assert "новую остановку для автобусов" in text
    assert "Спорт" not in text and "Поделиться" not in text


def test_a_chinese_page_yields_its_article_without_the_menu():
    cleaned = clean(CHINESE_PAGE)
    text = "\n".join(block.text for block in cleaned.blocks)
    assert "第三条地铁线路正式开通运营" in text
    assert "更多这样的交通项目" in text
    assert "财经" not in text and "分享到" not in text
    assert cleaned.title == "城市开通新的地铁线路"


def test_chinese_is_measured_by_characters():
    assert split_words("新闻 today") == ["新", "闻", "today"]
    assert text_size("地铁") == 6 and text_size("ab") == 2
    assert starts_upper("城市") and starts_upper("Город") and not starts_upper("город") and not starts_upper("„Zitat")


def test_a_chinese_line_weighs_by_its_words_not_its_characters():
    """Two characters make about one word: a Chinese paragraph weighs what the same paragraph in a spaced
    script weighs, not twice as much, so furniture around it costs what it costs on other pages."""
    gain = SpanSettings().gain
    chinese = "昨天上午城市的第三条地铁线路正式开通运营"  # 20 characters
    assert prose_words(chinese) == 10
    assert line_weight(Verdict(1, chinese, "paragraph", "paragraph")) == gain * 10
    assert prose_words("Ein Satz mit fünf Wörtern.") == 5
