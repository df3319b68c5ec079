"""The service's request and response shapes (pydantic), from which the OpenAPI document is made.

Requests are validated here (unknown keys are refused, so a misspelt field is an error, not
silently ignored); settings are validated again by ``claims.config`` so the rules live in one
place. Responses are what the library already serialises (``Finding.to_dict()``,
``DocumentResult.to_dict()``, ``Rate.to_dict()``): these models only *describe* them for the
OpenAPI document and allow extra keys, so a field the library adds later is passed through.
``tests/test_serve_schema.py`` holds the two in step.
"""

from __future__ import annotations

import re
from datetime import date as day
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
LANGUAGE_PATTERN = r"^[Ee][Nn](-[A-Za-z0-9]{1,8})*$"
STORY_FIELDS = ("text", "markdown", "html")
Verdict = Literal["ok", "warning", "error", "unverifiable"]
Check = Literal["currency-conversion", "unit-conversion", "arithmetic"]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# ------------------------------------------------------------------------------ requests

class Options(_Closed):
    """Per-request settings; the same keys and limits as ``.claims.toml`` and the CLI flags."""

    fail_on: Optional[Literal["error", "warning", "never"]] = Field(
        None, description="`outcome.failed` is true when a finding reaches this verdict")
    window_days: Optional[int] = Field(None, ge=0, le=366,
                                       description="reference days before the as-of date")
    margin_pct: Optional[float] = Field(None, ge=0, le=50,
                                        description="allowance for a desk's market rate, percent")
    dollar: Optional[str] = Field(None, pattern=r"^[A-Za-z]{3}$",
                                  description='what a bare "$" means (ISO 4217 code)')
    ignore: Optional[list[str]] = Field(None, max_length=100,
                                        description="finding codes never reported, e.g. CUR002")
    checks: Optional[list[Check]] = Field(None, max_length=3, description="check families to run")


class StoryRequest(_Closed):
    """One story: exactly one of ``text``, ``markdown`` or ``html``."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "oneOf": [{"required": [name]} for name in STORY_FIELDS]})

    text: Optional[str] = Field(None, description="the story as plain text")
    markdown: Optional[str] = Field(None, description="the story as Markdown (front matter read)")
    html: Optional[str] = Field(None, description="the story as an HTML page or fragment")
    name: str = Field("story", min_length=1, max_length=300,
                      description="a label for the story, shown as its `path`")
    date: Optional[str] = Field(None, json_schema_extra={"format": "date",
                                                         "pattern": DATE_PATTERN},
                                description="as-of date; default: the story's own date, else today")
    language: str = Field("en", json_schema_extra={"pattern": LANGUAGE_PATTERN},
                          description="the story's language (BCP 47); only English is read for now")
    options: Optional[Options] = None
    config: Optional[dict[str, Any]] = Field(
        None, description="a `.claims.toml` table (fail_on, window_days, margin_pct, dollar, "
                          "ignore, checks); `options` override it")

    @field_validator("date")
    @classmethod
    def _real_day(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            try:
                if not re.fullmatch(DATE_PATTERN, value):
                    raise ValueError
                day.fromisoformat(value)
            except ValueError:
                raise ValueError(f"not a date in YYYY-MM-DD form: {value[:40]!r}") from None
        return value

    @field_validator("language")
    @classmethod
    def _english(cls, value: str) -> str:
        if not re.fullmatch(LANGUAGE_PATTERN, value):
            raise ValueError(f"only English ('en', 'en-GB', ...) is read for now (got {value[:40]!r})")
        return value

    @model_validator(mode="after")
    def _one_story(self) -> "StoryRequest":
        given = [name for name in STORY_FIELDS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give the story in exactly one of text, markdown or html "
                             f"(got {', '.join(given) or 'none'})")
        return self

    def payload(self) -> dict[str, Any]:
        """Plain data for a worker job."""
        fmt = next(name for name in STORY_FIELDS if getattr(self, name) is not None)
        return {"format": fmt, "story": getattr(self, fmt), "name": self.name, "date": self.date,
                "options": self.options.model_dump(exclude_none=True) if self.options else None,
                "config": self.config}


# ------------------------------------------------------------------------------ responses

class Quantity(_Open):
    """A figure as printed: value and high in base units, as decimal strings."""

    value: str
    high: Optional[str]
    unit: Optional[str]
    unit_text: str
    qualifier: Optional[str]
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    byte_column: int
    end_byte_column: int
    unit_candidates: list[str]
    unit_note: Optional[str]
    unit_guessed: bool


class Expected(_Open):
    value: str
    low: str
    high: str
    unit: Optional[str]
    text: Optional[str]
    range_text: Optional[str]


class Rate(_Open):
    """A rate: ``value`` units of ``quote`` per 1 ``base`` on the fixing ``date``."""

    base: str
    quote: str
    value: str
    date: str
    requested_date: str
    source: str
    dataset: str
    kind: str


class Finding(_Open):
    """One checked figure (JSON contract version 2)."""

    code: str
    name: str
    check: str
    verdict: Verdict
    message: str
    detail: Optional[str]
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    byte_column: int
    end_byte_column: int
    text: str
    original: Optional[Quantity]
    converted: Optional[Quantity]
    expected: Optional[Expected]
    deviation_pct: Optional[float]
    diagnosis: Optional[str]
    rate: Optional[Rate]
    figures: dict[str, Union[Quantity, list[Quantity]]]
    suppressed: bool


class FileResult(_Open):
    path: str
    as_of: str
    as_of_source: str
    notes: list[str]
    findings: list[Finding]


class Summary(_Open):
    ok: int
    warning: int
    error: int
    unverifiable: int
    suppressed: int


class Outcome(_Closed):
    fail_on: str
    failed: bool = Field(description="a finding reaches `fail_on` (the CLI would exit 1)")


class CheckResponse(_Open):
    """The ``claims check --format json`` document for one story, and its outcome."""

    version: int
    files: list[FileResult] = Field(min_length=1, max_length=1)
    summary: Summary
    outcome: Outcome


class StatedRate(_Open):
    base: str
    quote: str
    value: str
    text: str
    start: int
    end: int
    line: int
    column: int


class Conversion(_Open):
    text: str
    start: int
    end: int
    line: int
    column: int
    original: Quantity
    converted: Quantity


class ExtractFile(_Open):
    path: str
    format: str
    date: Optional[str]
    date_source: Optional[str]
    mentions: list[Quantity]
    conversions: list[Conversion]
    stated_rates: list[StatedRate]


class ExtractResponse(_Open):
    """The ``claims extract --format json`` document for one story."""

    files: list[ExtractFile] = Field(min_length=1, max_length=1)


class Rule(_Closed):
    code: str
    name: str
    check: str
    level: str
    summary: str
    help: str
    bad: str
    good: str


class RulesResponse(_Closed):
    rules: list[Rule]
    diagnoses: dict[str, str]


class Source(_Closed):
    source: str
    kind: str
    first_date: str
    last_date: str


class StoreHealth(_Closed):
    integrity: str
    first_date: Optional[str]
    last_date: Optional[str]
    currencies: int
    sources: list[Source]


class WorkersHealth(_Closed):
    size: int
    ready: int = Field(description="idle workers")
    busy: int = Field(description="requests running on a worker")
    starting: int = Field(description="workers being replaced after an overrun or a crash")
    waiting: int = Field(description="requests waiting for a worker")
    replaced: int


class Health(_Closed):
    status: Literal["ok"]
    version: str
    store: StoreHealth
    workers: WorkersHealth
    limits: dict[str, float]


class ErrorBody(_Closed):
    code: str = Field(description="a stable slug: bad-request, too-large, unauthorized, ...")
    message: str = Field(description="one line for a person")
    errors: Optional[list[dict[str, Any]]] = Field(None, description="each invalid field")


class ErrorResponse(_Closed):
    error: ErrorBody
