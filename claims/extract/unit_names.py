"""Unit words as news copy prints them, mapped to pint unit names.

Curated by hand from wire and newspaper usage (AP, Reuters, BBC, Guardian style guides' unit
lists, and the sentences in ``shared/corpus/units-arith-dev.jsonl``): plurals, abbreviations,
British and American spellings, the hyphenated adjective form (``345-kilometer``) and the
degree signs seen in print (``°C``, ``ºC`` with the ordinal indicator U+00BA, a bare ``C``).

Each entry is ``UnitName(surfaces, pint, label)``:
- ``surfaces``: every way the unit is written; a surface of one or two characters or with a
  capital letter (``m``, ``C``, ``PS``, ``kW``) matches with its case as written, longer
  lowercase words (``metres``) in any case;
- ``pint``: pint unit expressions to try, first is the default reading (a bare ``gallon`` is
  the US gallon; a bare ``ton`` may be a short ton, a long ton or a tonne);
- ``label``: the name used in messages and in ``Expected.currency``.

``DEGREE_WORDS`` are temperature words that name no scale ("degrees"); the scale is inferred
from the other side of the pair. ``PER_DAY`` is the time basis dropped on both sides
("barrels a day (1,590 cubic metres)").
"""

from __future__ import annotations

from typing import NamedTuple


class UnitName(NamedTuple):
    """One unit: the ways it is written, the pint units it may mean, a label."""

    surfaces: tuple[str, ...]
    pint: tuple[str, ...]
    label: str


_DEG = ("°", "º", "˚")


def _deg(letter: str) -> tuple[str, ...]:
    """``°C``, ``ºC``, ``° C``, ``C``, ``degrees C`` ... for one scale letter."""
    signs = tuple(f"{d}{letter}" for d in _DEG) + tuple(f"{d} {letter}" for d in _DEG)
    return signs + (letter, f"degrees {letter}", f"degree {letter}", f"deg {letter}")


UNITS: tuple[UnitName, ...] = (
    # length
    UnitName(("kilometres", "kilometers", "kilometre", "kilometer", "kms", "km"),
             ("kilometer",), "km"),
    UnitName(("metres", "meters", "metre", "meter", "m"), ("meter",), "m"),
    UnitName(("centimetres", "centimeters", "centimetre", "centimeter", "cm"),
             ("centimeter",), "cm"),
    UnitName(("millimetres", "millimeters", "millimetre", "millimeter", "mm"),
             ("millimeter",), "mm"),
    UnitName(("nautical miles", "nautical mile", "nmi"), ("nautical_mile",), "nautical miles"),
    UnitName(("miles", "mile", "mi"), ("mile",), "miles"),
    UnitName(("yards", "yard", "yds", "yd"), ("yard",), "yards"),
    UnitName(("feet", "foot", "ft"), ("foot",), "feet"),
    UnitName(("inches", "inch", "in"), ("inch",), "inches"),
    # area
    UnitName(("hectares", "hectare", "ha"), ("hectare",), "hectares"),
    UnitName(("acres", "acre"), ("acre",), "acres"),
    UnitName(("square kilometres", "square kilometers", "square kilometre",
              "square kilometer", "sq km", "sq. km", "km2", "km²"), ("kilometer**2",), "sq km"),
    UnitName(("square miles", "square mile", "sq miles", "sq mi", "sq. miles"),
             ("mile**2",), "sq miles"),
    UnitName(("square metres", "square meters", "square metre", "square meter", "sq m",
              "sq metres", "sq meters", "m2", "m²"), ("meter**2",), "sq m"),
    UnitName(("square feet", "square foot", "sq ft", "sq. ft", "sq feet", "ft2", "ft²"),
             ("foot**2",), "sq ft"),
    # volume
    UnitName(("litres", "liters", "litre", "liter", "l", "L"), ("liter",), "litres"),
    UnitName(("millilitres", "milliliters", "millilitre", "milliliter", "ml"),
             ("milliliter",), "ml"),
    UnitName(("imperial gallons", "imperial gallon"), ("imperial_gallon",), "imperial gallons"),
    UnitName(("gallons", "gallon", "gal"), ("gallon",), "gallons"),
    UnitName(("barrels", "barrel", "bbl"), ("oil_barrel",), "barrels"),
    UnitName(("cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³",
              "cu m"), ("meter**3",), "cubic metres"),
    UnitName(("cubic feet", "cubic foot", "cu ft", "ft3", "ft³"), ("foot**3",), "cubic feet"),
    UnitName(("fluid ounces", "fluid ounce", "fl oz"), ("fluid_ounce",), "fl oz"),
    # mass
    UnitName(("kilograms", "kilogrammes", "kilogram", "kilogramme", "kilos", "kilo", "kgs",
              "kg"), ("kilogram",), "kg"),
    UnitName(("grams", "grammes", "gram", "gramme", "g"), ("gram",), "g"),
    UnitName(("pounds", "pound", "lbs", "lb"), ("pound",), "pounds"),
    UnitName(("ounces", "ounce", "oz"), ("ounce",), "ounces"),
    UnitName(("metric tonnes", "metric tons", "metric tonne", "metric ton", "tonnes",
              "tonne", "t"), ("tonne",), "tonnes"),
    UnitName(("short tons", "short ton"), ("short_ton",), "short tons"),
    UnitName(("long tons", "long ton"), ("long_ton",), "long tons"),
    UnitName(("tons", "ton"), ("short_ton", "long_ton", "tonne"), "tons"),
    UnitName(("stones", "stone", "st"), ("stone",), "stone"),
    # speed
    UnitName(("miles per hour", "miles an hour", "mile per hour", "mph"),
             ("mile/hour",), "mph"),
    UnitName(("kilometres per hour", "kilometers per hour", "kilometres an hour",
              "kilometers an hour", "km/h", "kmh", "kph", "km/hr", "kmph"),
             ("kilometer/hour",), "km/h"),
    UnitName(("metres per second", "meters per second", "m/s"), ("meter/second",), "m/s"),
    UnitName(("knots", "knot", "kt", "kts"), ("knot",), "knots"),
    # temperature
    UnitName(("degrees Celsius", "degree Celsius", "degrees centigrade", "Celsius",
              "centigrade") + _deg("C"), ("degC",), "°C"),
    UnitName(("degrees Fahrenheit", "degree Fahrenheit", "Fahrenheit") + _deg("F"),
             ("degF",), "°F"),
    # power and energy
    UnitName(("PS", "metric horsepower"), ("metric_horsepower",), "PS"),
    UnitName(("horsepower", "bhp", "hp"), ("horsepower",), "hp"),
    UnitName(("kilowatts", "kilowatt", "kW"), ("kilowatt",), "kW"),
    UnitName(("megawatts", "megawatt", "MW"), ("megawatt",), "MW"),
    UnitName(("gigawatts", "gigawatt", "GW"), ("gigawatt",), "GW"),
    UnitName(("kilowatt-hours", "kilowatt hours", "kilowatt-hour", "kWh"),
             ("kilowatt_hour",), "kWh"),
    UnitName(("newton metres", "newton meters", "Nm"), ("newton*meter",), "Nm"),
    UnitName(("lb-ft", "lb ft", "lb.ft", "pound-feet", "pound-foot", "lbs-ft"),
             ("pound_force*foot",), "lb-ft"),
)

DEGREE_WORDS: tuple[str, ...] = ("degrees", "degree", "deg", "°", "º", "˚")

# A time basis written after the unit; dropped when checking ("10,000 barrels a day").
PER_DAY: tuple[str, ...] = ("a day", "per day", "daily", "a year", "per year", "per annum",
                            "an hour", "per hour", "a month", "per month")

# Spelled quantities that stand for a number before a unit ("a hundred kilometers").
SPELLED: dict[str, str] = {
    "half": "0.5", "a half": "0.5", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
    "twelve": "12", "twenty": "20", "fifty": "50", "a hundred": "100", "one hundred": "100",
    "a thousand": "1000", "one thousand": "1000", "a quarter": "0.25", "quarter": "0.25",
}

# Units seen in news copy that the checker does not convert (ambiguous or obsolete); a pair
# with one of these beside a known unit is reported as unverifiable rather than ignored.
UNSUPPORTED: tuple[str, ...] = (
    "leagues", "league", "fathoms", "fathom", "furlongs", "furlong", "cubits", "cubit",
    "chains", "rods", "bushels", "bushel", "pints", "pint", "quarts", "quart", "cups",
    "carats", "carat", "versts", "li", "mu", "rai", "bigha", "bighas", "dunams", "dunam",
    "feddans", "feddan", "mpg", "tael", "taels", "catties", "catty", "maunds", "pyeong",
)
