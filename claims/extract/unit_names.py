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


#: What each pint expression measures, so that a pair joined by a weak separator ("or", a
#: comma, a slash, "That's") is read only between units of one kind, without loading pint.
#: A fuel economy (miles per gallon) and a consumption (litres per 100 km) are one kind: they
#: convert as reciprocals.
DIMENSIONS: dict[str, str] = {
    **dict.fromkeys(
        (
            "kilometer",
            "meter",
            "centimeter",
            "millimeter",
            "nautical_mile",
            "mile",
            "yard",
            "foot",
            "inch",
        ),
        "length",
    ),
    **dict.fromkeys(("hectare", "acre", "kilometer**2", "mile**2", "meter**2", "foot**2"), "area"),
    **dict.fromkeys(
        (
            "liter",
            "milliliter",
            "imperial_gallon",
            "gallon",
            "oil_barrel",
            "meter**3",
            "foot**3",
            "fluid_ounce",
        ),
        "volume",
    ),
    **dict.fromkeys(
        ("kilogram", "gram", "pound", "ounce", "tonne", "short_ton", "long_ton", "stone"), "mass"
    ),
    **dict.fromkeys(("mile/hour", "kilometer/hour", "meter/second", "knot"), "speed"),
    **dict.fromkeys(("degC", "degF", "delta_degC", "delta_degF"), "temperature"),
    **dict.fromkeys(
        ("metric_horsepower", "horsepower", "kilowatt", "megawatt", "gigawatt"), "power"
    ),
    "kilowatt_hour": "energy",
    **dict.fromkeys(("newton*meter", "pound_force*foot"), "torque"),
    **dict.fromkeys(
        ("millibar", "hectopascal", "kilopascal", "inch_Hg", "millimeter_Hg", "psi", "bar"),
        "pressure",
    ),
    **dict.fromkeys(
        ("mile/gallon", "mile/imperial_gallon", "centiliter/kilometer", "kilometer/liter"), "fuel"
    ),
    **dict.fromkeys(("day", "week", "month", "year"), "time"),
}


def dimensions(unit: UnitName) -> frozenset[str]:
    """What ``unit`` may measure (``inches`` a length or, beside millibars, a pressure);
    a scale-less "degrees" is a temperature; a price per unit is "per " its unit's kind."""
    if not unit.pint:
        return frozenset({"temperature"}) if unit.label == "degrees" else frozenset()
    return frozenset(
        DIMENSIONS.get(p, "per " + DIMENSIONS.get(p[3:-1], p))
        if p.startswith("1/(")
        else DIMENSIONS.get(p, p)
        for p in unit.pint
    )


_DEG = ("°", "º", "˚")


def _deg(letter: str) -> tuple[str, ...]:
    """``°C``, ``ºC``, ``° C``, ``C``, ``degrees C`` ... for one scale letter."""
    signs = tuple(f"{d}{letter}" for d in _DEG) + tuple(f"{d} {letter}" for d in _DEG)
    return signs + (letter, f"degrees {letter}", f"degree {letter}", f"deg {letter}")


UNITS: tuple[UnitName, ...] = (
    # length
    UnitName(
        ("kilometres", "kilometers", "kilometre", "kilometer", "kms", "km"), ("kilometer",), "km"
    ),
    UnitName(("metres", "meters", "metre", "meter", "m"), ("meter",), "m"),
    UnitName(
        ("centimetres", "centimeters", "centimetre", "centimeter", "cm"), ("centimeter",), "cm"
    ),
    UnitName(
        ("millimetres", "millimeters", "millimetre", "millimeter", "mm"), ("millimeter",), "mm"
    ),
    UnitName(("nautical miles", "nautical mile", "nmi"), ("nautical_mile",), "nautical miles"),
    UnitName(("miles", "mile", "mi"), ("mile",), "miles"),
    UnitName(("yards", "yard", "yds", "yd"), ("yard",), "yards"),
    UnitName(("feet", "foot", "ft", "ft."), ("foot",), "feet"),
    # inches may be inches of mercury beside a pressure: "960 mb (28.35”)", "26.22 inches"
    UnitName(("inches", "inch", "ins", "in", "in.", "”", "″", '"'), ("inch", "inch_Hg"), "inches"),
    # area
    UnitName(("hectares", "hectare", "ha"), ("hectare",), "hectares"),
    UnitName(("acres", "acre", "ac"), ("acre",), "acres"),
    UnitName(
        (
            "square kilometres",
            "square kilometers",
            "square kilometre",
            "square kilometer",
            "sq km",
            "sq. km",
            "km2",
            "km²",
            "square km",
            "sq kilometres",
            "sq kilometers",
        ),
        ("kilometer**2",),
        "sq km",
    ),
    UnitName(
        ("square miles", "square mile", "sq miles", "sq mi", "sq. miles"), ("mile**2",), "sq miles"
    ),
    UnitName(
        (
            "square metres",
            "square meters",
            "square metre",
            "square meter",
            "sq m",
            "sq metres",
            "sq meters",
            "m2",
            "m²",
        ),
        ("meter**2",),
        "sq m",
    ),
    UnitName(
        ("square feet", "square foot", "sq ft", "sq. ft", "sq feet", "ft2", "ft²"),
        ("foot**2",),
        "sq ft",
    ),
    # volume
    UnitName(("litres", "liters", "litre", "liter", "l", "L"), ("liter",), "litres"),
    UnitName(
        ("millilitres", "milliliters", "millilitre", "milliliter", "ml"), ("milliliter",), "ml"
    ),
    UnitName(("imperial gallons", "imperial gallon"), ("imperial_gallon",), "imperial gallons"),
    UnitName(("gallons", "gallon", "gal"), ("gallon",), "gallons"),
    UnitName(("barrels", "barrel", "bbl"), ("oil_barrel",), "barrels"),
    UnitName(("bpd", "b/d", "bbl/d"), ("oil_barrel",), "barrels a day"),
    UnitName(
        ("cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³", "cu m"),
        ("meter**3",),
        "cubic metres",
    ),
    UnitName(("cubic feet", "cubic foot", "cu ft", "ft3", "ft³"), ("foot**3",), "cubic feet"),
    UnitName(("fluid ounces", "fluid ounce", "fl oz"), ("fluid_ounce",), "fl oz"),
    # mass
    UnitName(
        ("kilograms", "kilogrammes", "kilogram", "kilogramme", "kilos", "kilo", "kgs", "kg"),
        ("kilogram",),
        "kg",
    ),
    UnitName(("grams", "grammes", "gram", "gramme", "g"), ("gram",), "g"),
    UnitName(("pounds", "pound", "lbs", "lb"), ("pound",), "pounds"),
    UnitName(("ounces", "ounce", "oz"), ("ounce",), "ounces"),
    UnitName(
        ("metric tonnes", "metric tons", "metric tonne", "metric ton", "tonnes", "tonne", "t"),
        ("tonne",),
        "tonnes",
    ),
    UnitName(("short tons", "short ton"), ("short_ton",), "short tons"),
    UnitName(("long tons", "long ton"), ("long_ton",), "long tons"),
    UnitName(("tons", "ton"), ("short_ton", "long_ton", "tonne"), "tons"),
    UnitName(("stones", "stone", "st"), ("stone",), "stone"),
    # fuel economy and consumption (reciprocals of each other)
    UnitName(
        ("mpg UK", "mpg (UK)", "UK mpg", "imperial mpg", "mpg imperial"),
        ("mile/imperial_gallon",),
        "mpg (UK)",
    ),
    UnitName(("mpg US", "mpg (US)", "US mpg"), ("mile/gallon",), "mpg (US)"),
    UnitName(
        ("mpg", "miles per gallon", "miles a gallon"),
        ("mile/gallon", "mile/imperial_gallon"),
        "mpg",
    ),
    UnitName(
        (
            "l/100km",
            "l/100 km",
            "L/100km",
            "L/100 km",
            "litres per 100 km",
            "liters per 100 km",
            "litres per 100 kilometres",
            "liters per 100 kilometers",
            "litres/100km",
            "liters/100km",
            "litres/100 km",
            "liters/100 km",
        ),
        ("centiliter/kilometer",),
        "L/100 km",
    ),
    UnitName(
        (
            "km/l",
            "km/L",
            "km per litre",
            "km per liter",
            "kilometres per litre",
            "kilometers per liter",
        ),
        ("kilometer/liter",),
        "km/L",
    ),
    # speed
    UnitName(
        ("miles per hour", "miles an hour", "mile per hour", "mph", "m.p.h.", "m.p.h", "MPH"),
        ("mile/hour",),
        "mph",
    ),
    UnitName(
        (
            "kilometres per hour",
            "kilometers per hour",
            "kilometres an hour",
            "kilometers an hour",
            "km/h",
            "kmh",
            "kph",
            "km/hr",
            "kmph",
        ),
        ("kilometer/hour",),
        "km/h",
    ),
    UnitName(("metres per second", "meters per second", "m/s"), ("meter/second",), "m/s"),
    UnitName(("knots", "knot", "kt", "kts", "kts.", "kt."), ("knot",), "knots"),
    # temperature
    UnitName(
        ("degrees Celsius", "degree Celsius", "degrees centigrade", "Celsius", "centigrade")
        + _deg("C"),
        ("degC",),
        "°C",
    ),
    UnitName(
        ("degrees Fahrenheit", "degree Fahrenheit", "Fahrenheit") + _deg("F"), ("degF",), "°F"
    ),
    # power and energy
    UnitName(("PS", "ps", "metric horsepower", "CV", "cv"), ("metric_horsepower",), "PS"),
    # "hp" is mechanical horsepower in US copy, metric (PS) in much European motoring copy
    UnitName(("horsepower", "bhp", "hp", "HP", "Hp"), ("horsepower", "metric_horsepower"), "hp"),
    UnitName(("kilowatts", "kilowatt", "kW"), ("kilowatt",), "kW"),
    UnitName(("megawatts", "megawatt", "MW"), ("megawatt",), "MW"),
    UnitName(("gigawatts", "gigawatt", "GW"), ("gigawatt",), "GW"),
    UnitName(
        ("kilowatt-hours", "kilowatt hours", "kilowatt-hour", "kWh"), ("kilowatt_hour",), "kWh"
    ),
    UnitName(
        (
            "newton metres",
            "newton meters",
            "newton-metres",
            "newton-meters",
            "Nm",
            "N·m",
            "N-m",
            "N m",
        ),
        ("newton*meter",),
        "Nm",
    ),
    UnitName(
        (
            "lb-ft",
            "lb ft",
            "lb.ft",
            "lb.-ft.",
            "lb.-ft",
            "lb-ft.",
            "lbs-ft",
            "lb-ft.",
            "ft-lb",
            "ft-lb.",
            "ft.-lb.",
            "ft-lbs",
            "ft lb",
            "pound-feet",
            "pound-foot",
            "pounds-feet",
            "foot-pounds",
            "foot-pound",
            "lb.-ft..",
        ),
        ("pound_force*foot",),
        "lb-ft",
    ),
    # pressure
    UnitName(("millibars", "millibar", "mb", "mbar", "mbars"), ("millibar",), "mb"),
    UnitName(("hectopascals", "hectopascal", "hPa"), ("hectopascal",), "hPa"),
    UnitName(("kilopascals", "kilopascal", "kPa"), ("kilopascal",), "kPa"),
    UnitName(
        (
            "inches of mercury",
            "inch of mercury",
            "inHg",
            "in Hg",
            "in. Hg",
            "inches Hg",
            "”Hg",
            "″Hg",
            "” Hg",
        ),
        ("inch_Hg",),
        "inches of mercury",
    ),
    UnitName(("psi", "PSI", "pounds per square inch"), ("psi",), "psi"),
    UnitName(("bars", "bar"), ("bar",), "bar"),
    # durations
    UnitName(("days", "day"), ("day",), "days"),
    UnitName(("weeks", "week"), ("week",), "weeks"),
    UnitName(("months", "month"), ("month",), "months"),
    UnitName(("years", "year"), ("year",), "years"),
)

DEGREE_WORDS: tuple[str, ...] = ("degrees", "degree", "deg", "°", "º", "˚")

# A time basis written after the unit; dropped when checking ("10,000 barrels a day").
PER_DAY: tuple[str, ...] = (
    "a day",
    "per day",
    "daily",
    "/day",
    "/d",
    "a year",
    "per year",
    "per annum",
    "an hour",
    "per hour",
    "a month",
    "per month",
)

# Spelled quantities that stand for a number before a unit ("a hundred kilometers").
SPELLED: dict[str, str] = {
    "half": "0.5",
    "a half": "0.5",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "a hundred": "100",
    "one hundred": "100",
    "a thousand": "1000",
    "one thousand": "1000",
    "a quarter": "0.25",
    "quarter": "0.25",
    "three quarters": "0.75",
    "three-quarters": "0.75",
    "a third": "0.3333333333",
    "½": "0.5",
    "¼": "0.25",
    "¾": "0.75",
    "⅓": "0.3333333333",
    "⅔": "0.6666666667",
    "⅛": "0.125",
    "⅜": "0.375",
    "⅝": "0.625",
    "⅞": "0.875",
}

#: Vulgar fraction characters written after a whole number: ``17½ tons``.
FRACTIONS: dict[str, str] = {c: v for c, v in SPELLED.items() if len(c) == 1}

# Units seen in news copy that the checker does not convert (ambiguous or obsolete); a pair
# with one of these beside a known unit is reported as unverifiable rather than ignored.
UNSUPPORTED: tuple[str, ...] = (
    "leagues",
    "league",
    "fathoms",
    "fathom",
    "furlongs",
    "furlong",
    "cubits",
    "cubit",
    "chains",
    "rods",
    "bushels",
    "bushel",
    "pints",
    "pint",
    "quarts",
    "quart",
    "cups",
    "carats",
    "carat",
    "versts",
    "li",
    "mu",
    "rai",
    "bigha",
    "bighas",
    "dunams",
    "dunam",
    "feddans",
    "feddan",
    "tael",
    "taels",
    "catties",
    "catty",
    "maunds",
    "pyeong",
)
