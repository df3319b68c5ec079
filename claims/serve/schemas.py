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
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from claims.extract._currency_data import CODES as CURRENCY_CODES
from claims.report import FORMATS
from claims.rules import RULES

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _language_pattern() -> str:
    """The tags ``config``'s validator accepts, as a JSON Schema pattern (no flags there: each
    letter as a class), so the OpenAPI document promises no more and no less than is read."""
    from claims.extract.language import _ALIASES, SUPPORTED, base_of

    bases = sorted(c for c in SUPPORTED | set(_ALIASES) if c.isalpha() and base_of(c) in SUPPORTED)
    anycase = "|".join(_any_case(c) for c in bases)
    return rf"^\s*(?:(?:{anycase})(?:[-_][A-Za-z0-9]{{1,8}})*|{_any_case('auto')})\s*$"


def _any_case(word: str) -> str:
    """``word`` as a JSON Schema pattern in any case (no flags there): each letter a class,
    a space also a no-break space, regex characters escaped."""
    return "".join(
        f"[{ch.lower()}{ch.upper()}]"
        if ch.isalpha()
        else "[ \u00a0]"
        if ch == " "
        else "\\" + ch
        if ch in ".^$*+?()[]{}|\\"
        else ch
        for ch in word
    )


LANGUAGE_PATTERN = _language_pattern()


def _number_format_pattern() -> str:
    """The ``number_format`` values ``parse_number_format`` accepts, as a JSON Schema pattern
    (any case, surrounding blanks, a no-break space where a space is written)."""
    from claims.extract.number_style import _FORMATS

    forms = "|".join(_any_case(k) for k in sorted({*_FORMATS, "auto"}))
    return rf"^\s*(?:{forms})?\s*$"


NUMBER_FORMAT_PATTERN = _number_format_pattern()
STORY_FIELDS = ("text", "markdown", "html")
Verdict = Literal["ok", "warning", "error", "unverifiable"]
Check = Literal["currency-conversion", "unit-conversion", "arithmetic"]


def _real_day(value: str) -> str:
    """A calendar day written YYYY-MM-DD, else a ValueError that says so."""
    try:
        if not re.fullmatch(DATE_PATTERN, value):
            raise ValueError
        day.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date in YYYY-MM-DD form: {value[:40]!r}") from None
    return value


#: A date as the API takes it: YYYY-MM-DD, a real day.
IsoDay = Annotated[
    str,
    AfterValidator(_real_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
#: What ``ignore`` takes: a finding code or a family prefix, as in ``.claims.toml``.
SELECTORS = sorted(set(RULES) | {code[:3] for code in RULES})


def _selector(value: str) -> str:
    if value not in SELECTORS:
        raise ValueError("not a finding code or code prefix (GET /v1/rules lists them)")
    return value


Code = Annotated[
    str, AfterValidator(_selector), WithJsonSchema({"type": "string", "enum": SELECTORS})
]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # no true -> 1, no "7" -> 7

    @field_validator("*", mode="before")
    @classmethod
    def _integral_number(cls, value: Any, info: Any) -> Any:
        """JSON has one number type: 7.0 is the integer 7 (JSON Schema's ``integer`` says so
        too), so an integer field takes it; 7.5 is still refused."""
        field = cls.model_fields.get(info.field_name)
        wants_int = field is not None and int in (field.annotation, *get_args(field.annotation))
        if wants_int and isinstance(value, float) and value.is_integer():
            return int(value)
        return value


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# ------------------------------------------------------------------------------ requests


class Options(_Closed):
    """Per-request settings; the same keys and limits as ``.claims.toml`` and the CLI flags."""

    fail_on: Literal["error", "warning", "never"] | None = Field(
        None, description="`outcome.failed` is true when a finding reaches this verdict"
    )
    window_days: int | None = Field(
        None, ge=0, le=366, description="reference days before the as-of date"
    )
    margin_pct: float | None = Field(
        None,
        ge=0,
        le=50,
        allow_inf_nan=False,
        description="allowance for a desk's market rate, percent",
    )
    dollar: str | None = Field(
        None,  # null (unset) is valid too: the enum says so
        json_schema_extra={"enum": [*sorted(CURRENCY_CODES), None]},
        description='what a bare "$" means (a known ISO 4217 code)',
    )

    @field_validator("dollar")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        if value is not None and value not in CURRENCY_CODES:
            raise ValueError("not a known ISO 4217 currency code")
        return value

    ignore: list[Code] | None = Field(
        None, max_length=100, description="finding codes never reported, e.g. CUR002"
    )
    checks: list[Check] | None = Field(None, max_length=3, description="check families to run")
    missing_date: Literal["today", "unverifiable", "error"] | None = Field(
        None,
        description="an undated story: judge as of today (and say so), make its "
        "conversions unverifiable, or refuse it (422)",
    )
    scope: Literal["article", "page"] | None = Field(
        None, description="HTML: read the story's article, or every word of the page"
    )
    language: str | None = Field(
        None,
        json_schema_extra={"pattern": LANGUAGE_PATTERN},
        description="the story's language (BCP 47: es, es-MX, zh-Hant) or auto (the "
        "document's lang, else detected); `claims check --language`",
    )
    number_format: str | None = Field(
        None,
        json_schema_extra={"pattern": NUMBER_FORMAT_PATTERN},
        description="the decimal mark: 1,234.5, 1.234,5 (also 1 234,5, 1'234.5, "
        "decimal-point, decimal-comma) or auto",
    )

    @field_validator("language", "number_format")
    @classmethod
    def _by_config(cls, value: str | None, info: Any) -> str | None:
        """The config file's own validator (one place for the rule)."""
        if value is None:
            return value
        from claims.config import _VALIDATORS

        _VALIDATORS[info.field_name](value)  # raises ValueError with the accepted forms
        return value


class ConfigTable(Options):
    """A publication's settings, as in ``.claims.toml`` (``format`` is accepted and unused)."""

    format: Literal.__getitem__(tuple(FORMATS)) | None = Field(  # type: ignore[valid-type]
        None, description="an output format of the CLI; the service ignores it"
    )


class StoryRequest(_Closed):
    """One story: exactly one of ``text``, ``markdown`` or ``html``."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "oneOf": [
                {"required": [name], "properties": {name: {"type": "string"}}}
                for name in STORY_FIELDS
            ]
        },
    )

    text: str | None = Field(None, description="the story as plain text")
    markdown: str | None = Field(None, description="the story as Markdown (front matter read)")
    html: str | None = Field(None, description="the story as an HTML page or fragment")
    name: str = Field(
        "story",
        min_length=1,
        max_length=300,
        description="a label for the story, shown as its `path`",
    )
    date: IsoDay | None = Field(
        None, description="as-of date; default: the story's own date, else today"
    )
    language: str | None = Field(
        None,
        json_schema_extra={"pattern": LANGUAGE_PATTERN},
        description="the story's language (BCP 47: en, es-MX, zh-Hant) or auto; default: the "
        "document's lang, else detected from the text (as `options.language`)",
    )
    options: Options | None = Field(
        None, description="this request's settings; they override `config`"
    )
    config: ConfigTable | None = Field(
        None,
        description="a publication's `.claims.toml` table (keys with underscores); it "
        "overrides the server's --config",
    )

    @field_validator("language")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value is not None:
            from claims.config import _VALIDATORS

            _VALIDATORS["language"](value)
        return value

    @model_validator(mode="after")
    def _one_story(self) -> StoryRequest:
        given = [name for name in STORY_FIELDS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                "give the story in exactly one of text, markdown or html "
                f"(got {', '.join(given) or 'none'})"
            )
        return self

    def payload(self) -> dict[str, Any]:
        """Plain data for a worker job."""
        fmt = next(name for name in STORY_FIELDS if getattr(self, name) is not None)
        options = self.options.model_dump(exclude_none=True) if self.options else None
        if self.language is not None:  # the request's own field wins
            options = {**(options or {}), "language": self.language}
        return {
            "format": fmt,
            "story": getattr(self, fmt),
            "name": self.name,
            "date": self.date,
            "options": options,
            "config": self.config.model_dump(exclude_none=True) if self.config else None,
        }


# ------------------------------------------------------------------------------ responses


class _Located(_Open):
    """Source offsets (0-based, end-exclusive), lines and columns (1-based; code points, bytes)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    byte_column: int
    end_byte_column: int


class Quantity(_Located):
    """A figure as printed: value and high in base units, as decimal strings."""

    value: str
    high: str | None
    unit: str | None
    unit_text: str
    qualifier: str | None
    text: str
    unit_candidates: list[str]
    unit_note: str | None
    unit_guessed: bool
    ambiguous: bool  # the figure reads two ways (12.345, no locale)
    reading_note: str | None  # which reading was taken, what else it may be


class Expected(_Open):
    value: str
    low: str
    high: str
    unit: str | None
    text: str | None
    range_text: str | None


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
    frequency: str = Field(description="daily, weekly, monthly, fixed ...")
    margin_pct: str | None = Field(
        description="the source's own allowance in percent, for "
        "a rate coarser than daily; null for daily"
    )


class Finding(_Located):
    """One checked figure (JSON contract version 2)."""

    code: str
    name: str
    check: str
    verdict: Verdict
    message: str
    detail: str | None
    text: str
    original: Quantity | None
    converted: Quantity | None
    expected: Expected | None
    deviation_pct: float | None
    diagnosis: str | None
    rate: Rate | None
    figures: dict[str, Quantity | list[Quantity]]
    suppressed: bool


class FileResult(_Open):
    path: str
    config: str | None = Field(description="the configuration file used, if any")
    as_of: str
    as_of_source: str
    as_of_detail: str | None = Field(description="where exactly the as-of date was read")
    modified: str | None = Field(description="the story's modified date, when it has one")
    reading: str | None = Field(description="how an HTML page's story text was chosen")
    language: str | None = Field(description="the story's language tag as read (es, zh-Hant)")
    language_source: str | None = Field(
        description="where it came from: option, document, detected or unknown"
    )
    notes: list[str]
    findings: list[Finding]


class Problem(_Closed):
    path: str
    kind: str
    message: str


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
    problems: list[Problem] = Field(description="inputs that could not be checked (none here)")
    warnings: list[str] = Field(description="configuration files passed over")
    summary: Summary
    outcome: Outcome


class StatedRate(_Located):
    base: str
    quote: str
    value: str
    text: str


class Conversion(_Located):
    text: str
    original: Quantity
    converted: Quantity


class ExtractFile(_Open):
    path: str
    format: str
    date: str | None
    date_source: str | None
    language: str | None = Field(description="the story's language tag as read")
    language_source: str | None = Field(description="option, document, detected or unknown")
    decimal_mark: str | None = Field(description="the story's decimal mark as read: , or .")
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
    first_date: str | None
    last_date: str | None
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
    errors: list[dict[str, Any]] | None = Field(None, description="each invalid field")


class ErrorResponse(_Closed):
    error: ErrorBody
