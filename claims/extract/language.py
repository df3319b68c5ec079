"""The story's language: from the caller's option, the document's own tag, or the text.

``resolve_language(text, language=None, document_language=None) -> StoryLanguage``: the first
of the option (``--language``/config), the document (HTML ``lang``, front matter ``lang:``) and
detection from the text. ``StoryLanguage.code`` is a tag such as ``es``, ``es-MX``, ``zh-Hant``
or None when nothing could be told; ``source`` says where it came from
(``option``, ``document``, ``detected``, ``unknown``).

Detection costs English copy almost nothing: a script count settles Korean, Japanese, Chinese,
Cyrillic and Devanagari text; Latin text whose frequent words are English is English; only the
rest is asked of pycld2 (Google's CLD2, imported lazily; 3 ms to import, ~0.1 ms a story), or,
when pycld2 is not installed, scored against each language's stopwords from ``data/lang``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from claims.extract._lang import LANGUAGES
from claims.pattern_cache import compile as compile_pattern

__all__ = [
    "StoryLanguage",
    "resolve_language",
    "detect_language",
    "base_of",
    "normalise",
    "SUPPORTED",
]

#: Languages with tables (plus English, the built-in default).
SUPPORTED: frozenset[str] = frozenset(LANGUAGES) | {"en"}

_ALIASES = {
    "nb": "no",
    "nn": "no",
    "iw": "he",
    "in": "id",
    "zh-cn": "zh",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-hans": "zh",
    "zh-hant": "zh-Hant",
}
_SAMPLE = 4000
_WORD = compile_pattern(r"[^\W\d_]+")
_ENGLISH = frozenset(
    "the and of to was were said with that for from has have which this its by "
    "is are will would their been after".split()
)
#: A word of ``_ENGLISH`` as a whole letter run, any case (one regex scan, no word list).
_ENGLISH_WORD = compile_pattern(
    r"(?<![^\W\d_])(?:%s)(?![^\W\d_])" % "|".join(sorted(_ENGLISH, key=len, reverse=True)),
    re.IGNORECASE,
)
#: characters only traditional Chinese writes (a few frequent ones)
_HANT = frozenset("國們這個來為說對時會經與萬億們資產業務報導灣臺")


@dataclass(frozen=True)
class StoryLanguage:
    """A story's language tag and where it came from."""

    code: str | None
    source: str  # option | document | detected | unknown
    confident: bool = True  # False when detection had little to go on

    @property
    def base(self) -> str | None:
        """The language without region or script: ``es-MX`` -> ``es``."""
        return base_of(self.code)

    @property
    def region(self) -> str | None:
        """The region subtag, upper case: ``es-MX`` -> ``MX``; None when not given."""
        if not self.code:
            return None
        for part in self.code.replace("_", "-").split("-")[1:]:
            if len(part) == 2 and part.isalpha():
                return part.upper()
        return None


def base_of(tag: str | None) -> str | None:
    """``es-MX`` -> ``es``; ``nb`` -> ``no``; None stays None."""
    if not tag:
        return None
    norm = _normalise(tag)
    return norm.split("-")[0] if norm else None


def normalise(tag: str) -> str:
    """A tag written the usual way: ``ES_mx`` -> ``es-MX``, ``zh-tw`` -> ``zh-Hant``."""
    return _normalise(tag)


def _normalise(tag: str) -> str:
    tag = tag.strip().replace("_", "-")
    low = tag.lower()
    if low in _ALIASES:
        return _ALIASES[low]
    head, _, rest = low.partition("-")
    head = _ALIASES.get(head, head)
    if not rest:
        return head
    parts = [p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p for p in rest.split("-")]
    return "-".join([head, *parts])


def resolve_language(
    text: str, language: str | None = None, document_language: str | None = None
) -> StoryLanguage:
    """The story's language: the option, else the document's tag, else detected from ``text``."""
    if language and language.lower() != "auto":
        return StoryLanguage(_normalise(language), "option")
    if document_language and document_language.strip():
        return StoryLanguage(_normalise(document_language), "document")
    code, confident = _detect(text)
    return StoryLanguage(code, "detected" if code else "unknown", confident)


def detect_language(text: str) -> str | None:
    """The language of ``text`` (``en``, ``es``, ``zh-Hant`` ...) or None when it cannot tell."""
    return _detect(text)[0]


def _detect(text: str) -> tuple[str | None, bool]:
    """The language of ``text`` and whether the evidence was strong."""
    sample = text[:_SAMPLE]
    found_words = _WORD.findall(sample)
    english = len(_ENGLISH_WORD.findall(sample))  # as counting ``_ENGLISH`` in the words
    if english >= 2 and english >= 0.08 * len(found_words):
        return "en", True  # English by its words: no further cost
    words = [w.lower() for w in found_words]
    script = _by_script(sample)
    if script is not None:
        return script, True
    if not words:
        return None, False
    found = _cld2(sample)
    if found == "en" or found is None:
        # the cheap test found few English words: a short line of figures may fool CLD2
        by_words = _by_stopwords(words)
        if by_words:
            return by_words, True
        hint = _by_stopwords(words, least=1)
        if hint is not None:
            return found or hint, False
        return found or "en", True  # no word of any other language: English
    return found, len(words) >= 12


@lru_cache(maxsize=1)
def _other_script() -> re.Pattern[str]:
    """Letters of the scripts told apart below (compiled on first need: ~4 ms)."""
    return compile_pattern(r"[\u0400-\u04ff\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


def _by_script(sample: str) -> str | None:
    """Korean, Japanese, Chinese, Russian/Ukrainian or Hindi from the letters' scripts."""
    if sample.isascii() or not _other_script().search(sample):
        return None
    hangul = kana = han = cyr = deva = latin = 0
    for ch in sample:
        o = ord(ch)
        if o < 0x250:
            if ch.isalpha():
                latin += 1
        elif 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            hangul += 1
        elif 0x3040 <= o <= 0x30FF:
            kana += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            han += 1
        elif 0x0400 <= o <= 0x04FF:
            cyr += 1
        elif 0x0900 <= o <= 0x097F:
            deva += 1
    letters = hangul + kana + han + cyr + deva + latin
    if not letters:
        return None
    if hangul >= 0.2 * letters:
        return "ko"
    if kana >= 0.05 * letters and kana + han >= 0.3 * letters:
        return "ja"
    if han >= 0.3 * letters:
        return "zh-Hant" if sum(1 for ch in sample if ch in _HANT) >= 2 else "zh"
    if cyr >= 0.5 * letters:
        return "uk" if any(ch in "іїєґІЇЄҐ" for ch in sample) else "ru"
    if deva >= 0.3 * letters:
        return "hi"
    return None


def _cld2(sample: str) -> str | None:
    """pycld2's best guess when it is installed and names a language with tables, else None."""
    detect = _cld2_detect()
    if detect is None:
        return None
    try:
        _, _, details = detect(sample, bestEffort=True)
    except Exception:  # pycld2 rejects some invalid UTF-8 sequences
        return None
    code = _normalise(details[0][1]) if details and details[0][1] != "un" else None
    code = _RELATIVES.get(code or "", code)
    return code if base_of(code) in SUPPORTED else None


#: Languages CLD2 may name for short copy of a close relative with tables (Indonesian news is
#: often called Malay, a short Italian line Corsican).
_RELATIVES = {
    "ms": "id",
    "co": "it",
    "gl": "pt",
    "oc": "fr",
    "lb": "de",
    "af": "nl",
    "nn": "no",
    "ca": "es",
}


@lru_cache(maxsize=1)
def _cld2_detect():
    try:
        import pycld2
    except ImportError:
        return None
    return pycld2.detect


def _by_stopwords(words: list[str], least: int = 2) -> str | None:
    """The language whose stopwords cover most of ``words`` (``least`` and 6% of them)."""
    best, best_hits = None, 0
    for code in LANGUAGES:
        stop = _stopwords(code)
        if not stop:
            continue
        hits = sum(1 for w in words if w in stop)
        if hits > best_hits:
            best, best_hits = code, hits
    if best is None or best_hits < max(least, 0.06 * len(words)):
        return None
    return best


@cache
def _stopwords(code: str) -> frozenset[str]:
    return frozenset(LANGUAGES[code]["stopwords"])
