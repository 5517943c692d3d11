"""Names of the languages a service may answer in (ISO 639-1 codes, as in the directory)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The languages Japan's multilingual helplines commonly offer (外国人生活支援ポータル, FRESC).
LANGUAGE_NAMES: dict[str, str | Promise] = {
    "ja": _("日本語"),
    "en": _("英語"),
    "zh": _("中国語"),
    "ko": _("韓国語"),
    "vi": _("ベトナム語"),
    "pt": _("ポルトガル語"),
    "es": _("スペイン語"),
    "tl": _("タガログ語"),
    "ne": _("ネパール語"),
    "id": _("インドネシア語"),
    "th": _("タイ語"),
    "my": _("ミャンマー語"),
    "km": _("クメール語"),
    "mn": _("モンゴル語"),
    "si": _("シンハラ語"),
    "bn": _("ベンガル語"),
    "hi": _("ヒンディー語"),
    "ur": _("ウルドゥー語"),
    "fr": _("フランス語"),
    "de": _("ドイツ語"),
    "it": _("イタリア語"),
    "ru": _("ロシア語"),
    "uk": _("ウクライナ語"),
    "fa": _("ペルシャ語"),
    "ar": _("アラビア語"),
    "tr": _("トルコ語"),
    "uz": _("ウズベク語"),
    "ms": _("マレー語"),
}


def language_name(code: str) -> str:
    """The name in the page's language; an unknown code is shown as it is."""
    return str(LANGUAGE_NAMES.get(code, code))
