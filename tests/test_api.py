"""The public API in claims/__init__.py."""

from __future__ import annotations

from datetime import date

import claims


def test_check_text(rate_store):
    result = claims.check_text(
        "Lee plans to invest 100 trillion won ($62.29 billion).",
        as_of=date(2025, 6, 30),
        store=rate_store,
    )
    assert [(f.code, f.verdict) for f in result.findings] == [("CUR001", claims.Verdict.ERROR)]
    assert result.as_of_source == "option"


def test_lazy_names_and_all():
    assert callable(claims.extract) and callable(claims.open_store)
    assert set(claims.__all__) <= set(dir(claims)) | set(claims._LAZY)
    extraction = claims.extract("It cost €13 billion (US$14.3billion).")
    assert extraction.conversions[0].converted.unit == "USD"
