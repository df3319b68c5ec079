"""The store looks after itself: damaged files, imports, concurrent first use, where it lives."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from claims.errors import InputError, RateError, StaleData, UpdateError
from claims.rates import open_store
from claims.rates.locations import ENV_VAR, store_location
from claims.rates.update import import_csv

CBC = "Central Bank of the Republic of China (Taiwan)"
TWD_CSV = """date,base,quote,rate
2025-06-19,USD,TWD,29.501
2025-06-20,USD,TWD,29.535
2025-06-23,USD,TWD,29.612
"""


def usd_krw(folder: Path) -> Decimal:
    store = open_store(folder)
    try:
        return store.rate("USD", "KRW", date(2025, 6, 23)).value
    finally:
        store.close()


# ------------------------------------------------------------------ damaged databases


def test_garbage_file_is_rebuilt(store_dir, rate_store):
    good = rate_store.rate("USD", "KRW", date(2025, 6, 23)).value
    (store_dir / "rates.sqlite3").write_bytes(b"this is not a database\n" * 100)
    store = open_store(store_dir)
    assert store.rate("USD", "KRW", date(2025, 6, 23)).value == good
    assert "not a database" in store.info()["build_reason"]


@pytest.mark.parametrize("damage", ["empty", "truncated", "middle", "schema"])
def test_damaged_file_is_rebuilt(store_dir, rate_store, damage):
    path = store_dir / "rates.sqlite3"
    data = bytearray(path.read_bytes())
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "middle":  # same size, every page after the 4th garbled
        page = 4096
        data[4 * page :] = (b"\xde\xad\xbe\xef" * (len(data) // 4 + 1))[: len(data) - 4 * page]
        path.write_bytes(bytes(data))
    else:
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
        conn.commit()
        conn.close()
    assert usd_krw(store_dir) == rate_store.rate("USD", "KRW", date(2025, 6, 23)).value
    store = open_store(store_dir)
    assert store.info()["integrity"] == "ok"


def test_unusable_folder_is_one_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(RateError) as info:
        open_store(blocker)
    assert "\n" not in str(info.value) and str(blocker) in str(info.value)


def test_leftover_temp_files_are_cleaned(store_dir):
    (store_dir / "rates.sqlite3.tmp-1-dead").write_bytes(b"half a build")
    (store_dir / "rates.sqlite3").write_bytes(b"garbage")
    open_store(store_dir).close()
    assert not list(store_dir.glob("*.tmp-*"))


def test_two_first_uses_at_once_build_one_consistent_store(tmp_path):
    folder = tmp_path / "fresh"
    results, errors = [], []

    def first_use():
        try:
            results.append(usd_krw(folder))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=first_use) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and len(set(results)) == 1
    assert open_store(folder).info()["integrity"] == "ok"


# ------------------------------------------------------------------ imports


def write(tmp_path: Path, text: str, name: str = "table.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_answers_a_currency_the_ecb_lacks_and_is_cited(store_dir, tmp_path):
    import_csv(store_location(store_dir), write(tmp_path, TWD_CSV), CBC)
    store = open_store(store_dir)
    rate = store.rate("USD", "TWD", date(2025, 6, 22))  # Sunday -> Friday's row
    assert rate.value == Decimal("29.535") and rate.date == date(2025, 6, 20)
    assert rate.kind == "imported" and rate.source == f"imported: {CBC}"
    assert "sha256:" in rate.dataset and "imported" in rate.dataset
    inverse = store.rate("TWD", "USD", date(2025, 6, 23))
    assert abs(inverse.value - 1 / Decimal("29.612")) < Decimal("1e-12")
    assert store.has_currency("TWD")
    assert any(s["source"] == f"imported: {CBC}" for s in store.info()["sources"])
    assert store.rate("USD", "TWD", date(2025, 7, 1)).kind == "hmrc"  # past the table's end
    with pytest.raises(StaleData) as info:  # past HMRC's data too
        store.rate("USD", "TWD", date(2099, 7, 1))
    assert info.value.last_date == date(2025, 6, 23)
    assert store.rate("USD", "TWD", date(2025, 6, 1)).kind == "hmrc"  # before the table
    assert store.rate("EUR", "TWD", date(2025, 6, 23)).kind == "hmrc"  # no cross through imports
    window = store.window("USD", "TWD", date(2025, 6, 19), date(2025, 6, 23))
    assert [r.value for r in window] == [Decimal("29.501"), Decimal("29.535"), Decimal("29.612")]


def test_import_does_not_override_ecb_data(store_dir, tmp_path, rate_store):
    import_csv(
        store_location(store_dir),
        write(tmp_path, "date,base,quote,rate\n2025-06-23,USD,KRW,9999\n"),
        "Our desk",
    )
    rate = open_store(store_dir).rate("USD", "KRW", date(2025, 6, 23))
    assert rate.source == "ECB euro reference rate" and rate.value < 2000


def test_reimport_replaces_and_survives_a_rebuild(store_dir, tmp_path):
    location = store_location(store_dir)
    import_csv(location, write(tmp_path, TWD_CSV), CBC)
    import_csv(
        location,
        write(tmp_path, "Rate,Quote,Base,Date,Note\n30.1,twd,usd,2025-06-23,x\n", "v2.csv"),
        CBC,
    )
    (store_dir / "rates.sqlite3").write_bytes(b"garbage")
    store = open_store(store_dir)
    assert store.rate("USD", "TWD", date(2025, 6, 23)).value == Decimal("30.1")
    assert store.rate("USD", "TWD", date(2025, 6, 20)).kind == "hmrc"  # the old table is gone
    assert len([s for s in store.info()["sources"] if s["kind"] == "imported"]) == 1


@pytest.mark.parametrize(
    "text, message",
    [
        ("day,base,quote,rate\n2025-06-23,USD,TWD,29.6\n", "missing columns date"),
        ("date,base,quote,rate\n23/06/2025,USD,TWD,29.6\n", "line 2"),
        ("date,base,quote,rate\n2025-06-23,USD,TWD,1,388.15\n", "line 2"),
        ("date,base,quote,rate\n2025-06-23,USD,TWD,abc\n", "not a positive decimal"),
        ("date,base,quote,rate\n2025-06-23,USD,TWD,-3\n", "not a positive decimal"),
        ("date,base,quote,rate\n2025-06-23,USD,USD,1\n", "bad currency pair"),
        ("date,base,quote,rate\n2025-06-23,USD,TWD,29.6\n2025-06-23,USD,TWD,29.7\n", "given twice"),
        ("date,base,quote,rate\n", "no rows"),
    ],
    ids=["columns", "date", "thousands", "text", "negative", "pair", "duplicate", "empty"],
)
def test_bad_import_is_refused_and_changes_nothing(store_dir, tmp_path, text, message):
    before = (store_dir / "rates.sqlite3").read_bytes()
    with pytest.raises(UpdateError, match=message) as info:
        import_csv(store_location(store_dir), write(tmp_path, text), CBC)
    assert "\n" not in str(info.value)
    assert (store_dir / "rates.sqlite3").read_bytes() == before


def test_import_of_a_missing_file_or_without_a_name(store_dir, tmp_path):
    with pytest.raises(InputError):
        import_csv(store_location(store_dir), tmp_path / "nope.csv", CBC)
    with pytest.raises(UpdateError, match="--source"):
        import_csv(store_location(store_dir), write(tmp_path, TWD_CSV), "  ")


# ------------------------------------------------------------------ where the store lives


def test_location_order(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    checkout = store_location()
    assert checkout.chosen_by == "checkout"
    assert checkout.folder == Path(__file__).resolve().parents[1] / "rates_cache"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert store_location().folder == tmp_path / "env"
    assert store_location().chosen_by == ENV_VAR
    assert store_location(tmp_path / "flag").folder == tmp_path / "flag"
