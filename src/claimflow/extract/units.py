"""Units: the surface forms we recognise, and stated -> canonical conversion with pint.

`UNIT_TABLE` is data: each row names a unit as stated (the name we report in
`stated_unit`), the pint expression that defines it (None for things pint has no notion
of, like tokens or currencies), the kind (dimension family) and its surface forms, as
they appear after a number ("GB", "gigabytes", "metric tons"). Conversion to the
canonical unit of the kind is pint's job, not a hand-written factor table.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pint

# kind -> (canonical unit as reported, pint unit it is measured in)
CANONICAL = {
    "time": ("s", "second"),
    "data": ("bytes", "byte"),
    "energy": ("Wh", "watt_hour"),
    "power": ("W", "watt"),
    "emissions": ("t CO2e", "metric_ton"),
    "length": ("m", "meter"),
    "area": ("m^2", "meter**2"),
    "volume": ("m^3", "meter**3"),
    "mass": ("kg", "kilogram"),
    "speed": ("m/s", "meter/second"),
    "acceleration": ("m/s^2", "meter/second**2"),
    "temperature": ("°C", "degC"),
    "frequency": ("Hz", "hertz"),
    "pressure": ("Pa", "pascal"),
    "radiation dose": ("Gy", "gray"),
    "luminosity": ("fb^-1", "1/femtobarn"),
    "angle": ("rad", "radian"),
    "bandwidth": ("bytes/s", "byte/second"),
    "bit rate": ("bits/s", "bit/second"),
    "charge": ("Ah", "ampere_hour"),
    "voltage": ("V", "volt"),
    "compute": ("FLOP/s", "FLOPS"),
    "current": ("A", "ampere"),
    "resistance": ("Ω", "ohm"),
    "capacitance": ("F", "farad"),
    "force": ("N", "newton"),
    "torque": ("N·m", "newton*meter"),
    "concentration": ("ppm", "ppm"),
    "molar concentration": ("mol/m^3", "mole/meter**3"),
    "mach": ("Mach", None),  # a Mach number: a speed as a multiple of the local speed of sound
    "percent": ("%", None),
    "points": ("percentage points", None),
    "multiplier": ("x", None),
    "tokens": ("tokens", None),
    "parameters": ("parameters", None),
}

# (stated name, pint expression, kind, surface forms). Surface forms are lower-cased
# unless case matters (then listed in CASED_FORMS below).
UNIT_TABLE: list[tuple[str, str | None, str, tuple[str, ...]]] = [
    # time
    ("millisecond", "millisecond", "time", ("ms", "msec", "millisecond", "milliseconds")),
    ("microsecond", "microsecond", "time", ("µs", "μs", "us", "microsecond", "microseconds")),
    ("nanosecond", "nanosecond", "time", ("nanosecond", "nanoseconds")),
    ("s", "second", "time", ("s", "sec", "secs", "second", "seconds")),
    ("min", "minute", "time", ("min", "mins", "minute", "minutes")),
    ("h", "hour", "time", ("h", "hr", "hrs", "hour", "hours")),
    ("day", "day", "time", ("day", "days")),
    ("week", "week", "time", ("wk", "wks", "week", "weeks")),
    ("month", "month", "time", ("mo", "mos", "month", "months")),
    ("quarter", "quarter_year", "time", ("quarter", "quarters")),
    ("year", "year", "time", ("yr", "yrs", "year", "years")),
    ("megayear", "megayear", "time", ("ma", "myr", "megayear", "megayears", "megaannum")),
    ("gigayear", "gigayear", "time", ("ga", "gyr", "gigayear", "gigayears", "gigaannum")),
    ("decade", "decade_of_years", "time", ("decade", "decades")),  # pint's "decade" is a logarithmic ratio
    ("century", "century", "time", ("century", "centuries")),
    # data
    ("B", "byte", "data", ("byte", "bytes")),
    ("kB", "kilobyte", "data", ("kb", "kilobyte", "kilobytes")),
    ("MB", "megabyte", "data", ("mb", "megabyte", "megabytes")),
    ("GB", "gigabyte", "data", ("gb", "gigabyte", "gigabytes")),
    ("TB", "terabyte", "data", ("tb", "terabyte", "terabytes")),
    ("petabyte", "petabyte", "data", ("pb", "petabyte", "petabytes")),
    ("exabyte", "exabyte", "data", ("eb", "exabyte", "exabytes")),
    ("kibibyte", "kibibyte", "data", ("kib", "kibibyte", "kibibytes")),
    ("mebibyte", "mebibyte", "data", ("mib", "mebibyte", "mebibytes")),
    ("gibibyte", "gibibyte", "data", ("gib", "gibibyte", "gibibytes")),
    ("tebibyte", "tebibyte", "data", ("tib", "tebibyte", "tebibytes")),
    ("bit", "bit", "data", ("bit", "bits")),
    ("kilobit", "kilobit", "data", ("kbit", "kilobit", "kilobits")),
    ("megabit", "megabit", "data", ("mbit", "megabit", "megabits")),
    ("gigabit", "gigabit", "data", ("gbit", "gigabit", "gigabits")),
    ("terabit", "terabit", "data", ("tbit", "terabit", "terabits")),
    # bit rates are counted in bits ("Mbps", "Gbit/s"), byte rates in bytes ("MB/s")
    ("kilobit per second", "kilobit/second", "bit rate", ("kbps", "kbit/s", "kilobits per second", "kilobit per second")),
    ("megabit per second", "megabit/second", "bit rate", ("mbps", "mbit/s", "mb/s", "megabits per second", "megabit per second")),
    ("gigabit per second", "gigabit/second", "bit rate", ("gbps", "gbit/s", "gb/s", "gigabits per second", "gigabit per second")),
    ("terabit per second", "terabit/second", "bit rate", ("tbps", "tbit/s", "tb/s", "terabits per second", "terabit per second")),
    ("megabyte per second", "megabyte/second", "bandwidth", ("mbyte/s", "megabytes per second", "megabyte per second")),
    ("gigabyte per second", "gigabyte/second", "bandwidth", ("gbyte/s", "gigabytes per second", "gigabyte per second")),
    ("terabyte per second", "terabyte/second", "bandwidth", ("tbyte/s", "terabytes per second", "terabyte per second")),
    # energy and power
    ("Wh", "watt_hour", "energy", ("wh", "watt-hour", "watt-hours", "watt hour", "watt hours")),
    ("kWh", "kilowatt_hour", "energy", ("kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hour", "kilowatt hours")),
    ("MWh", "megawatt_hour", "energy", ("mwh", "megawatt-hour", "megawatt-hours", "megawatt hour", "megawatt hours")),
    ("gigawatt hour", "gigawatt_hour", "energy", ("gwh", "gigawatt-hour", "gigawatt-hours", "gigawatt hour", "gigawatt hours")),
    ("terawatt hour", "terawatt_hour", "energy", ("twh", "terawatt-hour", "terawatt-hours", "terawatt hour", "terawatt hours")),
    ("joule", "joule", "energy", ("j", "joule", "joules")),
    ("kilojoule", "kilojoule", "energy", ("kj", "kilojoule", "kilojoules")),
    ("megajoule", "megajoule", "energy", ("mj", "megajoule", "megajoules")),
    ("millijoule", "millijoule", "energy", ("millijoule", "millijoules")),
    ("kilocalorie", "kilocalorie", "energy", ("kcal", "kilocalorie", "kilocalories", "calories", "calorie")),
    ("electronvolt", "electron_volt", "energy", ("ev", "electronvolt", "electronvolts", "electron volt", "electron volts")),
    ("kiloelectronvolt", "kiloelectron_volt", "energy", ("kev",)),
    ("megaelectronvolt", "megaelectron_volt", "energy", ("mev",)),
    ("gigaelectronvolt", "gigaelectron_volt", "energy", ("gev",)),
    ("teraelectronvolt", "teraelectron_volt", "energy", ("tev",)),
    ("W", "watt", "power", ("w", "watt", "watts")),
    ("kW", "kilowatt", "power", ("kw", "kilowatt", "kilowatts")),
    ("MW", "megawatt", "power", ("mw", "megawatt", "megawatts")),
    ("gigawatt", "gigawatt", "power", ("gw", "gigawatt", "gigawatts")),
    ("horsepower", "horsepower", "power", ("hp", "horsepower")),
    ("british thermal unit", "BTU", "energy", ("btu", "btus", "british thermal unit", "british thermal units")),
    ("MMBtu", "MMBtu", "energy", ("mmbtu",)),
    ("milliwatt", "milliwatt", "power", ("milliwatt", "milliwatts")),
    # emissions (value in tonnes; "CO2" after the unit makes it emissions, see extractor)
    ("t CO2e", "metric_ton", "emissions", ("tco2e", "tco2", "tonnes co2e", "tons co2e")),
    # length
    ("attometre", "attometer", "length", ("am", "attometer", "attometers", "attometre", "attometres")),
    ("femtometre", "femtometer", "length", ("fm", "femtometer", "femtometers", "femtometre", "femtometres")),
    ("nanometre", "nanometer", "length", ("nm", "nanometer", "nanometers", "nanometre", "nanometres")),
    ("picometre", "picometer", "length", ("pm", "picometer", "picometers", "picometre", "picometres")),
    ("micrometre", "micrometer", "length", ("µm", "μm", "micron", "microns", "micrometer", "micrometers", "micrometre", "micrometres")),
    ("mm", "millimeter", "length", ("mm", "millimeter", "millimeters", "millimetre", "millimetres")),
    ("cm", "centimeter", "length", ("cm", "centimeter", "centimeters", "centimetre", "centimetres")),
    ("decimetre", "decimeter", "length", ("dm", "decimeter", "decimeters", "decimetre", "decimetres")),
    ("m", "meter", "length", ("m", "meter", "meters", "metre", "metres")),
    ("km", "kilometer", "length", ("km", "kms", "kilometer", "kilometers", "kilometre", "kilometres")),
    ("in", "inch", "length", ("in", "inch", "inches", "\"")),
    ("ft", "foot", "length", ("ft", "foot", "feet", "'")),
    ("yard", "yard", "length", ("yd", "yds", "yard", "yards")),
    ("mile", "mile", "length", ("mi", "mile", "miles")),
    ("nautical mile", "nautical_mile", "length", ("nautical mile", "nautical miles")),
    ("light year", "light_year", "length", ("light year", "light years", "light-year", "light-years")),
    ("astronomical unit", "astronomical_unit", "length", ("au", "astronomical unit", "astronomical units")),
    # area
    ("square metre", "meter**2", "area", ("m2", "m²", "m^2", "sq m", "sq. m", "m squared", "meters squared", "metres squared", "square meter", "square meters", "square metre", "square metres")),
    ("square kilometre", "kilometer**2", "area", ("km2", "km²", "km^2", "sq km", "sq. km", "square km", "km squared", "kilometers squared", "kilometres squared", "square kilometer", "square kilometers", "square kilometre", "square kilometres")),
    ("square mile", "mile**2", "area", ("sq mi", "sq. mi", "sq. mi.", "square mile", "square miles")),
    ("square foot", "foot**2", "area", ("sq ft", "sq. ft", "sq. ft.", "ft2", "ft²", "square foot", "square feet")),
    ("acre", "acre", "area", ("acre", "acres")),
    ("hectare", "hectare", "area", ("ha", "hectare", "hectares")),
    # volume
    ("l", "liter", "volume", ("l", "liter", "liters", "litre", "litres")),
    ("hectolitre", "hectoliter", "volume", ("hl", "hectoliter", "hectoliters", "hectolitre", "hectolitres")),
    ("decilitre", "deciliter", "volume", ("dl", "deciliter", "deciliters", "decilitre", "decilitres")),
    ("centilitre", "centiliter", "volume", ("cl", "centiliter", "centiliters", "centilitre", "centilitres")),
    ("millilitre", "milliliter", "volume", ("ml", "milliliter", "milliliters", "millilitre", "millilitres")),
    ("megalitre", "megaliter", "volume", ("megaliter", "megaliters", "megalitre", "megalitres")),
    ("cubic metre", "meter**3", "volume", ("m3", "m³", "m^3", "m cubed", "cubic meter", "cubic meters", "cubic metre", "cubic metres")),
    ("cubic kilometre", "kilometer**3", "volume", ("km3", "km³", "km^3", "km cubed", "cubic km", "cubic kilometer", "cubic kilometers", "cubic kilometre", "cubic kilometres")),
    ("cubic centimetre", "centimeter**3", "volume", ("cm3", "cm³", "cc", "cubic centimeter", "cubic centimeters", "cubic centimetre", "cubic centimetres")),
    ("cubic foot", "foot**3", "volume", ("cu ft", "cubic foot", "cubic feet")),
    ("gallon", "gallon", "volume", ("gal", "gallon", "gallons")),
    ("barrel", "oil_barrel", "volume", ("bbl", "barrel", "barrels")),
    ("cup", "cup", "volume", ("cup", "cups")),
    ("tablespoon", "tablespoon", "volume", ("tbsp", "tablespoon", "tablespoons")),
    ("teaspoon", "teaspoon", "volume", ("tsp", "teaspoon", "teaspoons")),
    # mass
    ("microgram", "microgram", "mass", ("µg", "μg", "mcg", "microgram", "micrograms", "microgramme", "microgrammes")),
    ("milligram", "milligram", "mass", ("mg", "milligram", "milligrams")),
    ("g", "gram", "mass", ("g", "gram", "grams", "gramme", "grammes")),
    ("kg", "kilogram", "mass", ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes")),
    ("metric ton", "metric_ton", "mass", ("metric ton", "metric tons", "metric tonne", "metric tonnes")),
    ("tonne", "metric_ton", "mass", ("t", "tonne", "tonnes")),
    # "Mt" only in this case ("45.6Mt"); "kt" is a kilotonne unless the sentence speaks of
    # speed, where it is a knot (see SPEED_WORDS)
    ("megatonne", "megatonne", "mass", ("mt", "megatonne", "megatonnes", "megaton", "megatons")),
    ("kilotonne", "kilotonne", "mass", ("kt", "kilotonne", "kilotonnes", "kiloton", "kilotons")),
    ("ton", "short_ton", "mass", ("ton", "tons", "short ton", "short tons")),
    ("lb", "pound", "mass", ("lb", "lbs", "pound", "pounds")),
    ("ounce", "ounce", "mass", ("oz", "ounce", "ounces")),
    ("dram", "dram", "mass", ("dram", "drams")),
    ("stone", "stone", "mass", ("st", "stone", "stones")),
    # speed
    ("kilometre per hour", "kilometer/hour", "speed", ("km/h", "kmh", "kph", "kmph", "km/hr", "km / h", "kilometers per hour", "kilometres per hour", "kilometer per hour", "kilometre per hour", "km per hour")),
    ("mph", "mile/hour", "speed", ("mph", "miles per hour", "mile per hour", "mi/h", "miles an hour", "mile an hour")),
    ("metre per second", "meter/second", "speed", ("m/s", "m / s", "meters per second", "metres per second", "meter per second", "metre per second")),
    ("foot per second", "foot/second", "speed", ("ft/s", "feet per second", "foot per second")),
    ("knot", "knot", "speed", ("knot", "knots", "kn")),
    # acceleration
    ("metre per second squared", "meter/second**2", "acceleration", ("m/s2", "m/s²", "m/s^2", "meters per second squared", "metres per second squared")),
    ("kilometre per second squared", "kilometer/second**2", "acceleration", ("km/s2", "km/s²", "km/s^2")),
    # electricity and compute
    ("mAh", "milliampere_hour", "charge", ("mah", "milliamp-hours", "milliampere-hours")),
    ("Ah", "ampere_hour", "charge", ("ah", "amp-hours", "ampere-hours")),
    ("V", "volt", "voltage", ("v", "volt", "volts")),
    ("kV", "kilovolt", "voltage", ("kv", "kilovolt", "kilovolts")),
    ("ampere", "ampere", "current", ("amp", "amps", "ampere", "amperes")),
    ("milliampere", "milliampere", "current", ("milliamp", "milliamps", "milliampere", "milliamperes")),
    ("ohm", "ohm", "resistance", ("ω", "ohm", "ohms")),
    ("kilohm", "kiloohm", "resistance", ("kω", "kilohm", "kilohms", "kiloohm", "kiloohms")),
    ("megohm", "megaohm", "resistance", ("megohm", "megohms", "megaohm", "megaohms")),
    ("milliohm", "milliohm", "resistance", ("mω", "milliohm", "milliohms")),
    ("farad", "farad", "capacitance", ("farad", "farads")),
    ("microfarad", "microfarad", "capacitance", ("µf", "μf", "uf", "microfarad", "microfarads")),
    ("nanofarad", "nanofarad", "capacitance", ("nf", "nanofarad", "nanofarads")),
    ("picofarad", "picofarad", "capacitance", ("pf", "picofarad", "picofarads")),
    # newtons only as "kN" or the word: a bare "N" is mostly north
    ("newton", "newton", "force", ("newton", "newtons")),
    ("kilonewton", "kilonewton", "force", ("kilonewton", "kilonewtons")),
    ("newton metre", "newton*meter", "torque", ("n·m", "n⋅m", "n-m", "newton metre", "newton metres", "newton meter", "newton meters", "newton-metre", "newton-metres", "newton-meter", "newton-meters")),
    ("pound-foot", "pound_force*foot", "torque", ("lb-ft", "lb·ft", "lb ft", "pound-feet", "pound-foot", "pound feet")),
    ("part per million", "ppm", "concentration", ("ppm", "parts per million", "part per million")),
    ("part per billion", "ppb", "concentration", ("ppb", "parts per billion", "part per billion")),
    # amount of substance per volume ("3.2 mmol/L" of glucose), canonical mol/m^3
    ("mole per litre", "mole/liter", "molar concentration", ("mol/l", "moles per litre", "moles per liter",
                                                            "mole per litre", "mole per liter")),
    ("millimole per litre", "millimole/liter", "molar concentration", (
        "mmol/l", "mmol per litre", "mmol per liter", "millimoles per litre", "millimoles per liter",
        "millimole per litre", "millimole per liter")),
    ("micromole per litre", "micromole/liter", "molar concentration", (
        "µmol/l", "μmol/l", "umol/l", "micromoles per litre", "micromoles per liter")),
    ("nanomole per litre", "nanomole/liter", "molar concentration", (
        "nmol/l", "nanomoles per litre", "nanomoles per liter")),
    ("GFLOPS", "gigaFLOPS", "compute", ("gflops", "gigaflops", "gigaflop")),
    ("TFLOPS", "teraFLOPS", "compute", ("tflops", "teraflops", "teraflop")),
    ("PFLOPS", "petaFLOPS", "compute", ("pflops", "petaflops", "petaflop")),
    ("EFLOPS", "exaFLOPS", "compute", ("eflops", "exaflops", "exaflop")),
    # temperature
    ("°C", "degC", "temperature", ("°c", "° c", "° celsius", "°celsius", "degrees celsius", "degree celsius", "celsius", "degrees c", "c")),
    ("°F", "degF", "temperature", ("°f", "° f", "° fahrenheit", "°fahrenheit", "degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degrees f", "f")),
    ("kelvin", "kelvin", "temperature", ("kelvin", "kelvins")),
    # frequency
    # pressure
    ("pascal", "pascal", "pressure", ("pa", "pascal", "pascals")),
    ("hectopascal", "hectopascal", "pressure", ("hpa", "hectopascal", "hectopascals")),
    ("kilopascal", "kilopascal", "pressure", ("kpa", "kilopascal", "kilopascals")),
    ("megapascal", "megapascal", "pressure", ("mpa", "megapascal", "megapascals")),
    ("bar", "bar", "pressure", ("bar", "bars")),
    ("millibar", "millibar", "pressure", ("mbar", "millibar", "millibars")),
    ("pound per square inch", "psi", "pressure", ("psi",)),
    ("atmosphere", "atmosphere", "pressure", ("atm", "atmosphere", "atmospheres")),
    ("millimetre of mercury", "mmHg", "pressure", ("mmhg", "mm hg", "millimetres of mercury", "millimeters of mercury")),
    ("hertz", "hertz", "frequency", ("hz", "hertz")),
    ("kilohertz", "kilohertz", "frequency", ("khz", "kilohertz")),
    ("megahertz", "megahertz", "frequency", ("mhz", "megahertz")),
    ("inverse second", "1/second", "frequency", ("s-1", "s−1", "s^-1", "s⁻¹")),
    # a revolution per minute counts turns: a frequency of 1/60 Hz (not an angular speed)
    ("revolution per minute", "1/minute", "frequency", ("rpm", "rpms", "r/min", "revolutions per minute", "revolution per minute")),
    ("gigahertz", "gigahertz", "frequency", ("ghz", "gigahertz")),
    # radiation dose, particle physics
    ("gray", "gray", "radiation dose", ("gy", "gray", "grays")),
    ("milligray", "milligray", "radiation dose", ("mgy", "milligray", "milligrays")),
    ("inverse femtobarn", "1/femtobarn", "luminosity", ("fb-1", "fb−1", "fb^-1", "fb⁻¹", "/fb", "inverse femtobarn", "inverse femtobarns")),
    ("inverse picobarn", "1/picobarn", "luminosity", ("pb-1", "pb−1", "pb^-1", "pb⁻¹", "/pb", "inverse picobarn", "inverse picobarns")),
    # angle
    ("degree", "degree", "angle", ("degree", "degrees", "°")),
    ("radian", "radian", "angle", ("rad", "radian", "radians")),
    ("turn", "turn", "angle", ("turn", "turns", "revolution", "revolutions")),
    # dimensionless families
    ("%", None, "percent", ("%", "percent", "percents", "per cent", "pct", "pc", "percentage")),
    ("percentage points", None, "points", ("percentage points", "percentage point", "pp", "ppt", "ppts", "points", "point")),
    ("basis points", None, "points", ("basis points", "basis point", "bps", "bp")),
    ("x", None, "multiplier", ("x", "×", "times", "fold", "-fold")),
    ("tokens", None, "tokens", ("tokens", "token")),
    ("parameters", None, "parameters", ("parameters", "parameter", "params", "param")),
    ("Mach", None, "mach", ("mach",)),
]

# Forms that only count as units with this exact case ("M" is a scale word, "m" metres;
# "C"/"F" only in capitals and glued to the number, "-12C"; see quantities._unit_ok).
CASE_SENSITIVE = {"t": "t", "'": None, "\"": "\"", "st": None, "point": None,
                  "points": None, "in": "in", "kn": None, "kt": "kt", "mt": "Mt", "hl": "hl", "pm": "pm", "am": "am", "ha": None,
                  "cc": None, "us": None, "bp": "bp", "h": "h", "d": None, "ma": "Ma", "ga": "Ga", "fm": None,
                  "gy": "Gy", "mgy": "mGy", "pa": "Pa", "hpa": "hPa", "kpa": "kPa", "mpa": "MPa", "bar": "bar",
                  "bars": None,
                  "g": "g", "s": "s", "j": "J", "w": "W", "m": "m", "c": "C", "f": "F", "v": "V", "ah": "Ah",
                  "au": "AU", "pc": "pc", "nf": "nF", "pf": "pF", "uf": "uF", "tb/s": "Tb/s", "mach": "Mach"}

# Lower-cased forms that stand for more than one cased symbol ("mW" milliwatt, "MW"
# megawatt): the spelling as written (spaces dropped) -> the form whose unit it names.
# A form written all in lower case keeps the table's reading ("100 mb", "16gb", lower-cased
# news text); any other spelling ("Mw", the moment magnitude) names no unit. In data
# sizes a capital prefix with "b" is bits ("Mb", "Gbit/s"), with "B" bytes ("MB/s").
CASED_SYMBOLS: dict[str, dict[str, str]] = {
    "mw": {"mW": "milliwatt", "MW": "megawatt"},
    "mj": {"mJ": "millijoule", "MJ": "megajoule"},
    "ml": {"mL": "millilitre", "ML": "megalitre"},
    "nm": {"nm": "nanometre", "Nm": "newton metre"},
    "ma": {"Ma": "ma", "mA": "milliamp"},
    "ms": {"ms": "ms"},
    "kn": {"kN": "kilonewton"},
    "mω": {"m\u03a9": "milliohm", "M\u03a9": "megohm", "m\u2126": "milliohm", "M\u2126": "megohm"},
    "kb": {"kB": "kilobyte", "KB": "kilobyte", "Kb": "kilobit", "kb": "kilobyte"},
    "mb": {"MB": "megabyte", "Mb": "megabit"},
    "gb": {"GB": "gigabyte", "Gb": "gigabit"},
    "tb": {"TB": "terabyte", "Tb": "terabit"},
    "mb/s": {"MB/s": "megabytes per second", "Mb/s": "mbit/s"},
    "gb/s": {"GB/s": "gigabytes per second", "Gb/s": "gbit/s"},
    "tb/s": {"TB/s": "terabytes per second", "Tb/s": "tbit/s"},
    "dl": {"dL": "decilitre"},
    "mbps": {"Mbps": "mbit/s", "MBps": "megabytes per second"},
    "gbps": {"Gbps": "gbit/s", "GBps": "gigabytes per second"},
    "tbps": {"Tbps": "tbit/s", "TBps": "terabytes per second"},
}

# Forms that name a unit only as a rate's denominator, after "/" or "per" ("150 kg/ha",
# "8 t/ha"; a bare "ha" is laughter): form -> the table's form.
DENOMINATOR_FORMS = {"ha": "hectare"}
# "kt" after a number is a knot when the sentence speaks of speed (winds, a ship, a plane)
# and no "of" follows, else a kilotonne ("300 kt of steel", "a 15 kt yield"). "wind" alone
# is no cue ("the wind farm produced 30 kt").
SPEED_WORDS = {"winds", "gust", "gusts", "gusting", "speed", "speeds", "sustained", "knots", "mph", "km/h",
               "kph", "airspeed", "sailing", "sailed", "sails", "cruising", "cruise", "storm", "hurricane", "typhoon",
               "cyclone", "headwind", "headwinds", "tailwind", "tailwinds", "breeze", "steaming", "steamed"}
# Units written before the number: "Mach 2".
UNITS_BEFORE = {"Mach": "mach"}
# Forms that need a number directly attached or with a space (never across a hyphen
# compound like "3-in-1").
AMBIGUOUS_SHORT = {"in", "m", "s", "g", "l", "t", "h", "w", "j", "b", "x", "×", "ft", "mi", "oz", "min", "mo", "yr", "sec", "hr"}

# The name reported as `stated_unit`: the unit's full conventional name (SI spelling,
# "metre", "litre"; a text that writes "meters" gets "meter", see `stated_name`). Rows whose
# stated form is a symbol are named here; the others are named by their stated form.
NAMES = {
    "s": "second", "min": "minute", "h": "hour", "B": "byte", "kB": "kilobyte", "MB": "megabyte",
    "GB": "gigabyte", "TB": "terabyte", "Wh": "watt hour", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "W": "watt", "kW": "kilowatt", "MW": "megawatt", "t CO2e": "tonne CO2e",
    "mm": "millimetre", "cm": "centimetre", "m": "metre", "km": "kilometre", "in": "inch",
    "ft": "foot", "l": "litre", "g": "gram", "kg": "kilogram", "lb": "pound-mass",
    "mph": "mile per hour", "mAh": "milliampere hour", "Ah": "ampere hour", "V": "volt",
    "kV": "kilovolt", "°C": "degree Celsius", "°F": "degree Fahrenheit", "MMBtu": "million british thermal units",
}
_US_SPELLING = (("metre", "meter"), ("litre", "liter"))


def stated_name(spec: "UnitSpec", written: str = "") -> str:
    """`spec`'s name as reported in `stated_unit`, in the spelling of the text: "square
    meter" for "660 square meters", "square metre" for "660 m2" or "square metres"."""
    name = NAMES.get(spec.stated, spec.stated)
    low = written.lower()
    for uk, us in _US_SPELLING:
        if uk in name and us in low:
            name = name.replace(uk, us)
    return name


# Abbreviations of rates: form -> (unit, per unit), read as "<unit> per <per unit>".
RATE_FORMS = {
    "bpd": ("barrel", "day"), "b/d": ("barrel", "day"), "bbl/d": ("barrel", "day"),
    "tpd": ("tonne", "day"), "tpa": ("tonne", "year"), "tpy": ("tonne", "year"),
}


# kind "points": basis points are a hundredth of a percentage point.
POINTS_FACTOR = {"percentage points": 1.0, "basis points": 0.01}
# "point(s)" after a number (never a unit by `lookup`): percentage points when its clause is
# about a rate or a percentage ("fell 0.2 points to 3.9%", "cut rates by a quarter point"),
# otherwise the count noun "points" (index points, scores: "the Dow fell 350 points").
POINT_FORMS = {"point", "points"}



@dataclass(frozen=True)
class UnitSpec:
    stated: str
    pint: str | None
    kind: str

    @property
    def canonical(self) -> str:
        return CANONICAL[self.kind][0] if self.kind in CANONICAL else self.stated


# A share written as a fraction ("two-thirds of", "1 in 4") is stated as the fraction and
# becomes a percentage.
FRACTION = UnitSpec("fraction", None, "percent")
PERCENTAGE_POINTS = UnitSpec("percentage points", None, "points")


def _build_forms() -> dict[str, UnitSpec]:
    forms: dict[str, UnitSpec] = {}
    for stated, expr, kind, surfaces in UNIT_TABLE:
        spec = UnitSpec(stated, expr, kind)
        for s in surfaces:
            forms.setdefault(s, spec)
    for form, (unit, _) in RATE_FORMS.items():
        forms.setdefault(form, forms[unit])
    return forms


UNIT_FORMS: dict[str, UnitSpec] = _build_forms()


def rate_per(form: str) -> UnitSpec | None:
    """The denominator a rate abbreviation carries: "bpd" -> day."""
    pair = RATE_FORMS.get(form)
    return UNIT_FORMS[pair[1]] if pair else None


def lookup(form: str, original: str | None = None) -> UnitSpec | None:
    """The unit a surface form names, or None. `form` is lower-cased and space-joined;
    `original` (as written) settles case-sensitive forms."""
    cased = CASED_SYMBOLS.get(form)
    if cased is not None and original is not None:
        written = original.replace(" ", "")
        if written in cased:
            return UNIT_FORMS[cased[written]]
        if written != written.lower():
            return None
    spec = UNIT_FORMS.get(form)
    if spec is None:
        return None
    if form in CASE_SENSITIVE:
        need = CASE_SENSITIVE[form]
        if need is None or original != need:
            return None
    return spec


def lookup_denominator(form: str, original: str | None = None) -> UnitSpec | None:
    """The unit a form names as a rate's denominator: any unit, and the forms of
    `DENOMINATOR_FORMS` ("kg/ha": per hectare)."""
    spec = lookup(form, original)
    if spec is None and form in DENOMINATOR_FORMS and original == form:
        spec = UNIT_FORMS[DENOMINATOR_FORMS[form]]
    return spec


# A physical rate over time that is a kind of its own: "metres per millisecond" is a
# speed (m/s), "megabits per second" a bit rate. Other rates over time keep the stated
# period ("mg a day" -> kg/day, "kWh per year" -> Wh/year).
RATE_KINDS = ("speed", "acceleration", "bandwidth", "bit rate")


def rate_canonical(unit: UnitSpec, per: UnitSpec) -> tuple[str, float] | None:
    """(canonical unit, factor) of a rate of two physical units, converted whole by pint:
    a rate over a length, area, volume or mass becomes canonical numerator / canonical
    denominator ("J/m^2" -> Wh/m^2, "l/km" -> m^3/m, "µg per g" -> kg/kg, "miles per
    gallon" -> m/m^3); a rate over time only when it is one of `RATE_KINDS`. None otherwise
    (no pint unit, temperatures, a rate over time of another kind)."""
    if not unit.pint or not per.pint or unit.kind == "temperature" or per.kind == "temperature" \
            or CANONICAL.get(unit.kind, (None, None))[1] is None or CANONICAL.get(per.kind, (None, None))[1] is None:
        return None
    return _rate_factor(unit.pint, unit.kind, per.pint, per.kind)


@lru_cache(maxsize=512)
def _rate_factor(expr: str, kind: str, per_expr: str, per_kind: str) -> tuple[str, float] | None:
    ureg = registry()
    rate = ureg.Quantity(1.0, f"({expr})/({per_expr})")
    if per_kind == "time":
        for k in RATE_KINDS:
            if (k == "bit rate") != (kind == "data" and "bit" in expr):
                continue
            target = CANONICAL[k][1]
            if rate.dimensionality == ureg.Quantity(1.0, target).dimensionality:
                return CANONICAL[k][0], float(rate.to(target).magnitude)
        return None
    unit_canon = f"{CANONICAL[kind][0]}/{CANONICAL[per_kind][0]}"
    return unit_canon, float(rate.to(f"({CANONICAL[kind][1]})/({CANONICAL[per_kind][1]})").magnitude)


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    ureg = pint.UnitRegistry()
    ureg.define("quarter_year = 3 * month")
    ureg.define("decade_of_years = 10 * year")
    ureg.define("FLOPS = [compute]")  # floating-point operations per second
    ureg.define("ppb = 1e-9")
    ureg.define("MMBtu = 1e6 * BTU")
    return ureg


@lru_cache(maxsize=512)
def _factor(expr: str, kind: str) -> tuple[float, float]:
    """(scale, offset) such that canonical = value * scale + offset."""
    ureg = registry()
    target = CANONICAL[kind][1]
    if kind == "temperature":
        zero = ureg.Quantity(0.0, expr).to(target).magnitude
        one = ureg.Quantity(1.0, expr).to(target).magnitude
        return one - zero, zero
    return float(ureg.Quantity(1.0, expr).to(target).magnitude), 0.0


def to_canonical(value: float | None, spec: UnitSpec) -> float | None:
    """Convert a stated value in `spec` to the canonical unit of its kind."""
    if value is None:
        return None
    if spec.kind == "points":
        return value * POINTS_FACTOR.get(spec.stated, 1.0)
    if spec is FRACTION:
        return value * 100.0
    if spec.pint is None or spec.kind not in CANONICAL or CANONICAL[spec.kind][1] is None:
        return value
    scale, offset = _factor(spec.pint, spec.kind)
    return value * scale + offset


# Reading an ambiguous unit from the words around it (the sentence, a few words either
# side; see quantities._Scan._near_words).
# "degree(s)" and a bare "°" are a temperature unless an angle word is near; the scale
# named in the sentence wins ("Fahrenheit"), else degrees Celsius.
ANGLE_WORDS = {"angle", "angles", "arc", "arcs", "turn", "turns", "turned", "turning", "u-turn", "view",
               "field", "axis", "heading", "bearing", "bearings", "pitch", "yaw", "spin", "lean", "leans",
               "bend", "bends", "north", "south", "east", "west", "camera", "lens", "cone", "corner"}
ANGLE_PREFIXES = ("angl", "tilt", "rotat", "slope", "sloping", "latitud", "longitud", "inclin", "azimuth",
                  "clockwise", "counterclockwise", "anticlockwise", "orbit", "triangl", "polygon", "vertex",
                  "vertical", "horizontal", "meridian", "protractor", "steer", "swivel", "pivot", "panoram",
                  "radian", "°n", "°s", "°e", "°w")
ACADEMIC_WORDS = {"university", "universities", "college", "bachelor", "bachelors", "master", "masters",
                  "phd", "doctoral", "doctorate", "graduate", "graduated", "honorary", "academic", "holds",
                  "earned", "diploma", "diplomas"}
TEMPERATURE_SCALES = {"fahrenheit": "°f", "°f": "°f", "celsius": "°c", "centigrade": "°c", "°c": "°c"}
# "K" after a number is kelvin when the sentence speaks of temperature, else a thousand.
TEMPERATURE_WORDS = {"°c", "°f", "°", "degree", "degrees", "kelvin", "kelvins", "temperature",
                     "temperatures", "celsius", "fahrenheit", "heated", "cooled", "melting", "boiling",
                     "freezing", "thermal", "hot", "cold"}
# "pounds" is pound sterling near words of money, pound-mass near words of weight (which
# win) or when "of" follows ("200 pounds of meat").
MONEY_WORDS = {"sell", "sells", "selling", "sold", "cost", "costs", "costing", "paid", "pay", "pays",
               "paying", "price", "priced", "prices", "worth", "fine", "fined", "fines", "fee", "fees",
               "salary", "salaries", "earn", "earns", "earned", "earning", "earnings", "charge", "charges",
               "charged", "bill", "bills", "billed", "spent", "spend", "spends", "spending", "wage", "wages",
               "auction", "bought", "buy", "buys", "sterling", "british", "prize", "donated", "donation",
               "rent", "cash", "money", "income", "reward", "bet", "owe", "owed", "owes", "tax", "ticket",
               "tickets", "raised", "loan", "bid", "fare", "fares", "budget", "compensation", "damages"}
WEIGHT_WORDS = {"weigh", "weighs", "weighed", "weighing", "weight", "weights", "heavy", "heavier", "lighter",
                "lb", "lbs", "kg", "kilos", "kilograms", "ounces", "oz", "stone", "mass", "load", "payload",
                "lift", "lifted", "lifting", "carry", "carried", "carrying", "gained", "lost", "pressure"}
# After an hour value a glued "m" is minutes: "2h 15m".
AFTER_HOURS = {"m": "min"}
