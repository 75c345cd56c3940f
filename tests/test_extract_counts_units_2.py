"""Identifiers, counts and units, round 2 (a second blind audit on unseen text), as tables of
examples: (text, surface, low, high, canonical unit, qualifier), and texts whose numbers
must not be claims."""
import pytest

from claimflow.claims import unit_kind
from claimflow.documents import Document
from claimflow.extract import get_extractor
from extract_cases import find as _find, check_row

DAY = 86400

CASES = {
    # B: a capitalised word before a number is a name only with a name-like head
    "counts after an imperative or a headline verb": [
        ("Whisk 3 eggs with 250ml milk.", "3 eggs", 3, 3, "eggs", "="),
        ("Add 3 apples.", "3 apples", 3, 3, "apples", "="),
        ("Hire 40 workers.", "40 workers", 40, 40, "workers", "="),
        ("Chop 2 onions.", "2 onions", 2, 2, "onions", "="),
        ("Then:\nCombine 4 cups of flour.", "4 cups", 4 * 0.0002365882365, 4 * 0.0002365882365, "m^3", "="),
        ("Wildfire Scorches 40,000 Acres, Forces 5,000 to Evacuate", "5,000", 5000, 5000, "", "="),
        ("Wildfire Scorches 40,000 Acres, Forces 5,000 to Evacuate", "40,000 Acres", 40000 * 4046.8726099,
         40000 * 4046.8726099, "m^2", "="),
        ("Ford Recalls 3,000 Trucks", "3,000 Trucks", 3000, 3000, "Trucks", "="),
        ("Police Arrest 3 Men", "3 Men", 3, 3, "Men", "="),
        ("Retailer Hires 500 Workers For Holidays", "500 Workers", 500, 500, "Workers", "="),
        ("Apple Unveils 3 New iPhones", "3 New iPhones", 3, 3, "iPhones", "="),
    ],
    # C: units and counts
    "tonnes, containers, ether": [
        ("Emissions fell to 45.6Mt last year.", "45.6Mt", 4.56e10, 4.56e10, "kg", "="),
        ("Imports reached 45.6 Mt.", "45.6 Mt", 4.56e10, 4.56e10, "kg", "="),
        ("The plant emitted 3.1 Mt of CO2 in 2023.", "3.1 Mt of CO2", 3.1e6, 3.1e6, "t CO2e", "="),
        ("Output was 300 kt of steel.", "300 kt", 3e8, 3e8, "kg", "="),
        ("Winds of 30 kt were recorded.", "30 kt", 30 * 1852 / 3600, 30 * 1852 / 3600, "m/s", "="),
        ("The ship sailed at 12 kt.", "12 kt", 12 * 1852 / 3600, 12 * 1852 / 3600, "m/s", "="),
        ("The wind farm produced 30 kt of hydrogen.", "30 kt", 3e7, 3e7, "kg", "="),
        ("The port handled 20,000 TEU.", "20,000 TEU", 20000, 20000, "TEU", "="),
        ("The ship carries 24,000 TEUs.", "24,000 TEUs", 24000, 24000, "TEU", "="),
        ("The fund holds 120,000 ETH.", "120,000 ETH", 120000, 120000, "ETH", "="),
    ],
    "concentrations and volumes": [
        ("Glucose was 3.2 mmol/L.", "3.2 mmol/L", 3.2, 3.2, "mol/m^3", "="),
        ("Ferritin stood at 25 µmol/l in the test.", "25 µmol/l", 0.025, 0.025, "mol/m^3", "="),
        ("Cholesterol was 240 mg/dL.", "240 mg/dL", 2.4, 2.4, "kg/m^3", "="),
        ("Beer sales fell to 237 million hectolitres.", "237 million hectolitres", 2.37e7, 2.37e7, "m^3", "="),
        ("The brewery made 50 hl last week.", "50 hl", 5.0, 5.0, "m^3", "="),
    ],
    "rates over an area": [
        ("Farmers applied 150 kg/ha of nitrogen.", "150 kg/ha", 0.015, 0.015, "kg/m^2", "="),
        ("Farmers used 180 kg, compared with 150 kg/ha a decade ago.", "150 kg/ha", 0.015, 0.015, "kg/m^2", "="),
        ("Wheat yields reached 8 t/ha.", "8 t/ha", 0.8, 0.8, "kg/m^2", "="),
        ("They sprayed 2 litres per ha.", "2 litres per ha", 2e-7, 2e-7, "m^3/m^2", "="),
    ],
    "counts of members and parts": [
        ("The 320-strong herd grazed.", "320-strong", 320, 320, "", "="),
        ("a 5,000-strong crowd gathered", "5,000-strong", 5000, 5000, "", "="),
        ("The party won 412 of 650 seats.", "412", 412, 412, "seats", "="),
        ("The party won 412 of 650 seats.", "650 seats", 650, 650, "seats", "="),
    ],
    "a time unit after one modifier": [
        ("There were 29 peak days last year.", "29 peak days", 29 * DAY, 29 * DAY, "s", "="),
        ("The trip takes 7 travel days.", "7 travel days", 7 * DAY, 7 * DAY, "s", "="),
        ("Refunds arrive within 5 business days.", "5 business days", 5 * DAY, 5 * DAY, "s", "="),
        ("The show will join the 50 previous years of programming.", "50 previous years", 50 * 31557600,
         50 * 31557600, "s", "="),
    ],
    "a scaled change takes the unit of its clause": [
        ("Output was 162 million tonnes, up 4 million from last season.", "4 million", 4e9, 4e9, "kg", "="),
        ("Output rose 5 million tonnes to 40 million.", "40 million", 4e10, 4e10, "kg", "="),
        ("Output rose 5 million tonnes to 40 million.", "5 million tonnes", 5e9, 5e9, "kg", "="),
        ("Revenue was $2.1 billion, down 300 million from a year earlier.", "300 million", 3e8, 3e8, "USD", "="),
        ("Netflix added 9.33 million subscribers, bringing its total to 269.6 million.", "269.6 million", 2.696e8,
         2.696e8, "subscribers", "="),
    ],
    "cents": [
        ("Voters backed a 0.25-cent sales tax increase.", "0.25-cent", 0.0025, 0.0025, "USD", "="),
        ("The Canadian bank earned C$1.2 billion, or 74 cents a share.", "74 cents", 0.74, 0.74, "CAD", "="),
        ("Profit was A$300 million, or 12 cents a share.", "12 cents", 0.12, 0.12, "AUD", "="),
        ("Earnings in Canadian dollars were 74 cents a share.", "74 cents", 0.74, 0.74, "CAD", "="),
        # a currency after the cents is a conversion, not theirs
        ("It costs about 2 cents per kWh to run, or roughly €0.02.", "2 cents per kWh", 0.02, 0.02, "USD/kWh", "~"),
    ],
    # must not change
    "unchanged": [
        ("Net income rose to 35 cents a share.", "35 cents", 0.35, 0.35, "USD", "="),
        ("Profit was $2 billion, or 74 cents a share.", "74 cents", 0.74, 0.74, "USD", "="),
        ("Egg prices averaged 64.2 cents.", "64.2 cents", 0.642, 0.642, "USD", "="),
        ("The party won 3-5 seats in the north.", "3-5 seats", 3, 5, "seats", "="),
        ("The council passed 12 bills.", "12 bills", 12, 12, "bills", "="),
        ("Section 230 and 5 other rules apply.", "5 other rules", 5, 5, "rules", "="),
        ("They opened the gates 2 hours early.", "2 hours", 2 * 3600, 2 * 3600, "s", "="),
        ("The retailer will close 20 to 25 of its 310 stores.", "310 stores", 310, 310, "stores", "="),
        ("Sales rose 5% to 40 million.", "5%", 5, 5, "%", "="),
        ("The index fell 0.5% to 4,120.", "4,120", 4120, 4120, "", "="),
        ("It took 3 more years.", "3", 3, 3, "", "="),
        ("a wind of 20 knots", "20 knots", 20 * 1852 / 3600, 20 * 1852 / 3600, "m/s", "="),
        ("Call +44 20 7946 0958 today, or send 300 letters.", "300 letters", 300, 300, "letters", "="),
    ],
}




@pytest.mark.parametrize("text,surface,low,high,unit,qual", [c for cases in CASES.values() for c in cases])
def test_counts_and_units(text, surface, low, high, unit, qual):
    check_row(_find(text, surface), low, high, unit, qual)


# A: numbers that are results, codes or periods; B: names that must stay names
NOT_CLAIMS = [
    # votes and rulings are results
    ("The planning committee voted 7-2 to approve the plan.", ["7", "2"]),
    ("The court issued a 5-4 ruling on Monday.", ["5", "4"]),
    ("The Senate approved the bill 58-42.", ["58", "42"]),
    ("The measure passed by a 58-42 margin.", ["58", "42"]),
    ("The justices ruled 6-3 in favour.", ["6", "3"]),
    # tennis sets with tiebreaks
    ("She sealed a 6-4, 6-7(3), 7-6(5) win.", ["6", "7", "4"]),
    ("He won 7-6(4) in the first set.", ["7"]),
    # phone numbers with a trunk zero
    ("Call 0800 123 4567 for details.", ["123", "4567", "0800"]),
    ("Ring 020 7946 0958 today.", ["7946", "0958"]),
    ("Call 01234 567890 to book.", ["567890", "01234"]),
    # lists of identifiers
    ("The road is closed between junctions 10 and 11.", ["10", "11"]),
    ("See pages 4 and 5 for details.", ["4", "5"]),
    ("Traffic queued at junctions 10, 11 and 12.", ["10", "11", "12"]),
    ("Boarding is at gates 4-6.", ["4", "6"]),
    ("Read chapters 3 and 4 first.", ["3", "4"]),
    ("Trains leave from platforms 9 and 10.", ["9", "10"]),
    # split years are periods
    ("Revenue grew in 2024/25 and fell in 2023/24.", ["2024/25", "2023/24"]),
    ("Revenue grew in 2024-25.", ["2024", "25", "2024-25"]),
    ("The budget for 2023/2024 was set.", ["2023/2024"]),
    # names with a number stay names
    ("Llama 2 models are popular.", ["2", "2 models"]),
    ("Windows 11 users complained.", ["11", "11 users"]),
    ("Route 66 is famous.", ["66"]),
    ("Model 3 sedans sold well.", ["3", "3 sedans"]),
    ("Formula 1 teams met in Bahrain.", ["1", "1 teams"]),
    ("iPhone 15 buyers waited.", ["15", "15 buyers"]),
    ("The Nikkei 225 rose 1%.", ["225"]),
    ("GPT-4 is large.", ["4", "GPT-4"]),
    ("Fire 7 tablets are cheap.", ["7", "7 tablets"]),
    ("Microsoft Ends Support For Windows 10 Devices", ["10", "10 Devices"]),
    ("Python 3.12 users saw faster code.", ["3.12", "3.12 users"]),
    ("The 2020 election years were tense.", ["2020", "2020 election years"]),
    ("A laugh: ha 5 ha.", ["5 ha"]),
]


@pytest.mark.parametrize("text,not_surfaces", NOT_CLAIMS)
def test_not_claims(text, not_surfaces):
    surfaces = [c.surface for c in get_extractor().extract(Document("t.txt", text))]
    for s in not_surfaces:
        assert s not in surfaces, f"{s!r} in {surfaces}"


def test_stated_units():
    assert _find("Glucose was 3.2 mmol/L.", "3.2 mmol/L").stated_unit == "millimole per litre"
    assert _find("Output was 300 kt of steel.", "300 kt").stated_unit == "kilotonne"
    assert _find("Farmers applied 150 kg/ha of nitrogen.", "150 kg/ha").stated_unit == "kilogram per hectare"
    assert _find("The fund holds 120,000 ETH.", "120,000 ETH").stated_unit == "ether"
    assert _find("Winds of 30 kt were recorded.", "30 kt").stated_unit == "knot"


def test_kinds():
    assert unit_kind("TEU") == "count"       # an acronym that counts, not a currency code
    assert unit_kind("ETH") == "currency"
    assert unit_kind("mol/m^3") == "concentration"
