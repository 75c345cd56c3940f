"""Units and rates, as tables of examples: (text, surface, low, high, canonical unit,
qualifier), from a QA audit on unseen text. Cased SI symbols, units added to the table,
rates (physical ones converted whole, prices per unit or counted thing), and units read
from their context (degrees, K, pounds)."""
import pytest

from claimflow.documents import Document
from claimflow.extract import get_extractor
from extract_cases import find as _find, check_row

CASES = {
    # a lower-cased form standing for several cased symbols is matched as written
    "cased symbols": [
        ("The laser emits 5 mW of light.", "5 mW", 0.005, 0.005, "W", "="),
        ("The plant makes 5 MW of power.", "5 MW", 5e6, 5e6, "W", "="),
        ("A pulse of 2 mJ was applied.", "2 mJ", 2e-3 / 3600, 2e-3 / 3600, "Wh", "="),
        ("A charge of 2 MJ was released.", "2 MJ", 2e6 / 3600, 2e6 / 3600, "Wh", "="),
        ("The reservoir holds 5 ML of water.", "5 ML", 5000, 5000, "m^3", "="),
        ("Add 5 mL of water.", "5 mL", 5e-6, 5e-6, "m^3", "="),
        ("Add 5 ml of water.", "5 ml", 5e-6, 5e-6, "m^3", "="),
        ("The engine makes 400 Nm of torque.", "400 Nm", 400, 400, "N·m", "="),
        ("a process node of 5 nm", "5 nm", 5e-9, 5e-9, "m", "="),
        ("The LED draws 20 mA.", "20 mA", 0.02, 0.02, "A", "="),
        ("The drive reads at 7,000 MB/s.", "7,000 MB/s", 7e9, 7e9, "bytes/s", "="),
        ("It writes at 3 GB/s.", "3 GB/s", 3e9, 3e9, "bytes/s", "="),
        ("a link of 100 Mb/s", "100 Mb/s", 1e8, 1e8, "bits/s", "="),
        ("a link of 100 Mbps", "100 Mbps", 1e8, 1e8, "bits/s", "="),
        ("a port of 10 Gbit/s", "10 Gbit/s", 1e10, 1e10, "bits/s", "="),
        ("a file of 100 MB", "100 MB", 1e8, 1e8, "bytes", "="),
        ("a chip of 512 Mb", "512 Mb", 6.4e7, 6.4e7, "bytes", "="),
        # written all in lower case (lower-cased news text): the table's reading, bytes
        ("a file of 100 mb", "100 mb", 1e8, 1e8, "bytes", "="),
        ("a phone with 16gb", "16gb", 1.6e10, 1.6e10, "bytes", "="),
    ],
    "new units": [
        ("CO2 reached 421 ppm.", "421 ppm", 421, 421, "ppm", "="),
        ("Methane was 1,900 ppb.", "1,900 ppb", 1.9, 1.9, "ppm", "="),
        ("CO2 reached 421 parts per million.", "421 parts per million", 421, 421, "ppm", "="),
        ("Mars is 1.5 AU from the Sun.", "1.5 AU", 1.5 * 149597870700, 1.5 * 149597870700, "m", "="),
        ("Use a 4.7 kΩ resistor.", "4.7 kΩ", 4700, 4700, "Ω", "="),
        ("Use a 470 ohms resistor.", "470 ohms", 470, 470, "Ω", "="),
        ("The bolt holds 12 kN.", "12 kN", 12000, 12000, "N", "="),
        ("a force of 12,000 newtons", "12,000 newtons", 12000, 12000, "N", "="),
        ("The motor spins at 3,000 rpm.", "3,000 rpm", 50, 50, "Hz", "="),
        ("Add a 10 µF capacitor.", "10 µF", 1e-5, 1e-5, "F", "="),
        ("The jet flew at Mach 2.", "Mach 2", 2, 2, "Mach", "="),
        ("It weighed 1.2 t and carried cargo.", "1.2 t", 1200, 1200, "kg", "="),
        ("The link carries 10 terabits per second.", "10 terabits per second", 1e13, 1e13, "bits/s", "="),
        ("Rates rose 0.5 pc.", "0.5 pc", 0.5, 0.5, "%", "="),
    ],
    # both units physical: pint converts the whole rate (over time only for speeds and
    # data rates; other rates over time keep their period)
    "physical rates": [
        ("The pulse moved 50 meters per millisecond.", "50 meters per millisecond", 5e4, 5e4, "m/s", "="),
        ("The flux was 20 J/m^2.", "20 J/m^2", 20 / 3600, 20 / 3600, "Wh/m^2", "="),
        ("It contained 37.8 micrograms per gram.", "37.8 micrograms per gram", 3.78e-5, 3.78e-5, "kg/kg", "="),
        ("The car uses 10 l/km.", "10 l/km", 1e-5, 1e-5, "m^3/m", "="),
        ("The car does 22 miles per gallon.", "22 miles per gallon", 22 * 1609.344 / 0.003785411784,
         22 * 1609.344 / 0.003785411784, "m/m^3", "="),
        ("Homes use 2,700 kWh of electricity per year.", "2,700 kWh of electricity per year", 2.7e6, 2.7e6, "Wh/year", "="),
        ("doses of 40 mg a day", "40 mg a day", 4e-5, 4e-5, "kg/day", "="),
    ],
    "prices": [
        ("Gas cost $3.49 a gallon.", "$3.49 a gallon", 3.49, 3.49, "USD/gallon", "="),
        ("Land sold for $23,750 an acre.", "$23,750 an acre", 23750, 23750, "USD/acre", "="),
        ("Treatment costs $84,000 per patient.", "$84,000 per patient", 84000, 84000, "USD/patients", "="),
        ("Tickets cost $120 a seat.", "$120 a seat", 120, 120, "USD/seats", "="),
        ("Oil was $81.07 a barrel.", "$81.07 a barrel", 81.07, 81.07, "USD/barrel", "="),
        ("Gas traded at $2.85/MMBtu.", "$2.85/MMBtu", 2.85, 2.85, "USD/MMBtu", "="),
        ("Gas traded at $2.85 per million British thermal units.", "$2.85 per million British thermal units",
         2.85e-6, 2.85e-6, "USD/british thermal unit", "="),
        ("Offices rent for CHF 32 per square metre per month.", "CHF 32 per square metre per month",
         32, 32, "CHF/square metre/month", "="),
        ("Workers get £11.44 an hour.", "£11.44 an hour", 11.44, 11.44, "GBP/h", "="),
    ],
    "degrees": [
        ("Temperatures reached 47 degrees.", "47 degrees", 47, 47, "°C", "="),
        ("It was 35 degrees in the shade.", "35 degrees", 35, 35, "°C", "="),
        ("A 2-degree rise is expected.", "2-degree", 2, 2, "°C", "="),
        ("It was 12 degrees below zero.", "12 degrees below zero", -12, -12, "°C", "="),
        ("It was 50 degrees Fahrenheit.", "50 degrees Fahrenheit", 10, 10, "°C", "="),
        ("Absolute zero is −273.15° on the Celsius scale.", "−273.15°", -273.15, -273.15, "°C", "="),
        ("Water at 300 °C is 573.15K.", "573.15K", 300, 300, "°C", "="),
        ("The roof is tilted 30 degrees.", "30 degrees", 0.5235987756, 0.5235987756, "rad", "="),
        ("a 360-degree view of the city", "360-degree", 6.283185307, 6.283185307, "rad", "="),
        ("The island lies at 40 degrees latitude.", "40 degrees", 0.6981317008, 0.6981317008, "rad", "="),
    ],
    "pounds": [
        ("The painting sold for 200 pounds at auction.", "200 pounds", 200, 200, "GBP", "="),
        ("The fine was 500 pounds.", "500 pounds", 500, 500, "GBP", "="),
        ("The baby weighed 8 pounds.", "8 pounds", 8 * 0.45359237, 8 * 0.45359237, "kg", "="),
        ("They paid for a twenty-pound bag of rice.", "twenty-pound", 20 * 0.45359237, 20 * 0.45359237, "kg", "="),
        ("He sold 200 pounds of meat.", "200 pounds", 200 * 0.45359237, 200 * 0.45359237, "kg", "="),
    ],
    "compounds": [
        ("The film runs 2h 15m.", "2h 15m", 8100, 8100, "s", "="),
    ],
    # must not change
    "unchanged": [
        ("Sales reached 4K units.", "4K units", 4000, 4000, "units", "="),
        ("Profit was $2.31 a share.", "$2.31", 2.31, 2.31, "USD", "="),
        ("net income rose to 35 cents a share .", "35 cents", 0.35, 0.35, "USD", "="),
        ("- **H100**: $25,000-$40,000 per unit", "$25,000-$40,000", 25000, 40000, "USD", "="),
        ("She earns $85,000 a year.", "$85,000", 85000, 85000, "USD", "="),
        ("He earns £250,000 a week.", "£250,000", 250000, 250000, "GBP", "="),
        ("They pump 3.5 million barrels a day.", "3.5 million barrels a day", 3.5e6 * 0.158987294928,
         3.5e6 * 0.158987294928, "m^3/day", "="),
        ("They sold 3.5 million barrels of oil a day.", "3.5 million barrels", 3.5e6 * 0.158987294928,
         3.5e6 * 0.158987294928, "m^3", "="),
        ("The tank holds 15 gallons.", "15 gallons", 15 * 0.003785411784, 15 * 0.003785411784, "m^3", "="),
        ("It costs 5 pounds sterling.", "5 pounds sterling", 5, 5, "GBP", "="),
    ],
}




@pytest.mark.parametrize("text,surface,low,high,unit,qual", [c for cases in CASES.values() for c in cases])
def test_units_and_rates(text, surface, low, high, unit, qual):
    check_row(_find(text, surface), low, high, unit, qual)


@pytest.mark.parametrize("text,not_surface", [
    ("It was 12 degrees below zero.", "zero"),        # "below zero" belongs to the temperature
    ("a magnitude 7.1 Mw earthquake", "7.1 Mw"),      # "Mw" is no megawatt
])
def test_not_claims(text, not_surface):
    claims = get_extractor().extract(Document("t.txt", text))
    assert not_surface not in [c.surface for c in claims]


def test_academic_degrees_are_no_temperature():
    c = _find("She holds two degrees from the university.", "two degrees")
    assert c.unit == "degrees"


def test_stated_units():
    assert _find("The laser emits 5 mW of light.", "5 mW").stated_unit == "milliwatt"
    assert _find("a link of 100 Mbps", "100 Mbps").stated_unit == "megabit per second"
    assert _find("The drive reads at 7,000 MB/s.", "7,000 MB/s").stated_unit == "megabyte per second"
    assert _find("Gas cost $3.49 a gallon.", "$3.49 a gallon").stated_unit == "dollar per gallon"
    assert _find("The fine was 500 pounds.", "500 pounds").stated_unit == "pound sterling"
    assert _find("Temperatures topped 47 degrees.", "47 degrees").stated_unit == "degree Celsius"
    # a time denominator after money stays the period, as before
    assert _find("She earns $85,000 a year.", "$85,000").period == "per year"
