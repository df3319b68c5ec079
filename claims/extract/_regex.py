"""Regex building blocks shared by the extraction tables."""

from __future__ import annotations

import marshal
import re
import zlib

from claims import pattern_cache

__all__ = ["alternation", "trie"]


def trie(words: list[str], *, space: str = r"[\x20\u00a0]+") -> str:
    """A regex for ``words`` (lower case) as a trie: one branch per distinct next character, so
    matching costs the length of the word, not the size of the table (``re`` tries the
    branches of an alternation one by one); longer words win (each node tries to go on before
    it ends); a space matches ``space`` (any run of blanks). Kept between runs with the
    compiled patterns (``claims.pattern_cache``)."""
    unique = sorted(set(words))
    return pattern_cache.source(
        _TRIE_KIND, space + "\x00" + "\x00".join(unique), lambda: _trie(unique, space)
    )


def _trie(words: list[str], space: str = r"[\x20\u00a0]+") -> str:
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    escaped: dict[str, str] = {" ": space}

    def build(node: dict) -> str:
        alts = []
        for ch in sorted(node):
            if ch:
                e = escaped.get(ch)
                if e is None:
                    e = escaped[ch] = re.escape(ch)
                alts.append(e + build(node[ch]) if node[ch] else e)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root)


def alternation(
    words, *, blanks: str = r"[\x20\u00a0]+", fold=frozenset(), by_first: bool = False
) -> str:
    """A regex alternation of ``words``, longest first (so "km/h" is tried before "km"), a
    space in a word matching ``blanks``; the words in ``fold`` match in any case.

    ``by_first`` groups the words by their first character, each group behind a look-ahead
    for it (in any case): ``re`` tries an alternation's branches one by one, and a branch
    that ignores case is entered even when its first letter cannot match, so 300 unit names
    cost ~6 us a position; grouped, one look-ahead per group. The same words are tried in the
    same order wherever they can match, so the result is the same."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    escaped = [re.escape(w).replace(r"\ ", blanks) for w in ordered]
    branches = [f"(?i:{e})" if w in fold else e for w, e in zip(ordered, escaped, strict=True)]
    groups: dict[str, list[str]] = {}
    for w, branch in zip(ordered, branches, strict=True):
        groups.setdefault(w[:1].lower()[:1], []).append(branch)
    if not by_first or not _distinct_first_letters(list(groups)):
        return "|".join(branches)
    return "|".join(
        f"(?=(?i:{re.escape(first)}))(?:{'|'.join(group)})" for first, group in groups.items()
    )


def _distinct_first_letters(firsts: list[str]) -> bool:
    """Whether no character matches two of ``firsts`` ignoring case (nor is any a blank, which
    a word's ``blanks`` may turn into nothing): then a position can match words of one group
    only. Each letter's case class, as ``re`` folds it (``str.lower`` alone misses the long s,
    the dotless i and final sigma), is read from its lower, upper and case-folded forms."""
    if any(f in ("", " ") for f in firsts):
        return False
    seen: dict[str, str] = {}
    for first in firsts:
        for key in {first.lower()[:1], first.upper().lower()[:1], first.casefold()[:1]}:
            if seen.setdefault(key, first) != first:
                return False
    return True


#: The kept tries' kind names the builder's own code, so a changed builder is a cache miss.
_TRIE_KIND = "trie-%08x" % zlib.crc32(marshal.dumps(_trie.__code__))
