"""The news as an Atom feed (django.contrib.syndication)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagari.platform.models import News


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("つながり — お知らせ")
    subtitle = _("新しい相談窓口、試行中の窓口、強化月間などのお知らせ")

    def link(self) -> str:
        return reverse("platform:news_list")

    def items(self) -> QuerySet[News]:
        return News.objects.public()[:30]

    def _english(self) -> bool:
        return get_language() == "en"

    def item_title(self, item: News) -> str:
        return item.title_en if self._english() and item.title_en else item.title

    def item_description(self, item: News) -> str:
        return item.text_en if self._english() and item.text_en else item.text

    def item_link(self, item: News) -> str:
        return reverse("platform:news", args=[item.pk])

    def item_pubdate(self, item: News):  # type: ignore[no-untyped-def]
        return item.published_at

    def item_updateddate(self, item: News):  # type: ignore[no-untyped-def]
        return item.published_at
