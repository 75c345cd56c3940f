"""Changes, ranges, bounds and points, as tables of examples: (text, surface, low, high,
canonical unit, qualifier). From a QA audit on unseen news text: a change and the level it
reached are two claims, not a range; verbs that pass a level are bounds; fractions and
"points" / "bp" after a number; dimensions and blood-pressure readings."""
import pytest

from extract_cases import find as _find, check_row, claims_of as _claims

BBL = 0.158987294928  # m^3 in an oil barrel

CASES = {
    "a change and a level, not a range": [
        ("The index fell 0.5% to 4,120.", "0.5%", 0.5, 0.5, "%", "="),
        ("The index fell 0.5% to 4,120.", "4,120", 4120, 4120, "", "="),
        ("Gold rose 1% to 2,400.", "1%", 1, 1, "%", "="),
        ("Gold rose 1% to 2,400.", "2,400", 2400, 2400, "", "="),
        ("The Nasdaq rose 1.1% to 16,340.5 on Friday.", "16,340.5", 16340.5, 16340.5, "", "="),
        ("Crude stocks rose by 4.2 million barrels to 448.5 million barrels.", "4.2 million barrels",
         4.2e6 * BBL, 4.2e6 * BBL, "m^3", "="),
        ("Crude stocks rose by 4.2 million barrels to 448.5 million barrels.", "448.5 million barrels",
         448.5e6 * BBL, 448.5e6 * BBL, "m^3", "="),
        ("Revenue rose by $2 billion to $10 billion.", "$2 billion", 2e9, 2e9, "USD", "="),
        ("Revenue rose by $2 billion to $10 billion.", "$10 billion", 1e10, 1e10, "USD", "="),
        ("The bus fare will go up from ¥210 to ¥230 next year.", "¥210", 210, 210, "JPY", "="),
        ("The bus fare will go up from ¥210 to ¥230 next year.", "¥230", 230, 230, "JPY", "="),
        ("Profits went up $3 million to $40 million.", "$3 million", 3e6, 3e6, "USD", "="),
        ("Prices could jump from $5 to $50.", "$50", 50, 50, "USD", "="),
        ("Shares rose 3% to 98 pence.", "3%", 3, 3, "%", "="),
    ],
    "real ranges stay ranges": [
        ("Growth between 5% and 7% is expected.", "5% and 7%", 5, 7, "%", "="),
        ("5% to 7% growth is expected.", "5% to 7%", 5, 7, "%", "="),
        ("Sales rose 5% to 7% in the quarter.", "5% to 7%", 5, 7, "%", "="),
        ("Wages grew by 10% to 12%.", "10% to 12%", 10, 12, "%", "="),
        ("costs of $10 million to $15 million", "$10 million to $15 million", 1e7, 1.5e7, "USD", "="),
        ("Prices ranged from $5 to $10.", "$5 to $10", 5, 10, "USD", "="),
        ("a 5 to 10% discount", "5 to 10%", 5, 10, "%", "="),
    ],
    "verbs that pass a level are bounds": [
        ("Nvidia's market value topped $3 trillion.", "$3 trillion", 3e12, None, "USD", ">"),
        ("Bitcoin surged past $100,000 for the first time.", "$100,000", 1e5, None, "USD", ">"),
        ("Speeds on the autobahn routinely exceed 200 km/h.", "200 km/h", 200 / 3.6, None, "m/s", ">"),
        ("Sales exceeded $5 billion.", "$5 billion", 5e9, None, "USD", ">"),
        ("Temperatures topped 47C in Delhi.", "47C", 47, None, "°C", ">"),
        ("Its market cap surpassed $1 trillion.", "$1 trillion", 1e12, None, "USD", ">"),
        ("The index broke through 20,000 points.", "20,000 points", 20000, None, "points", ">"),
        ("The Sensex crossed 80,000 on Monday.", "80,000", 80000, None, "", ">"),
        ("Covid deaths passed 100,000 in May.", "100,000", 100000, None, "", ">"),
        ("Its value eclipsed $2 billion.", "$2 billion", 2e9, None, "USD", ">"),
        ("Shares climbed above $50.", "$50", 50, None, "USD", ">"),
        ("The stock fell below $20.", "$20", None, 20, "USD", "<"),
        ("Yields dipped under 4%.", "4%", None, 4, "%", "<"),
        ("The flight takes just over 2 hours.", "2 hours", 7200, None, "s", ">"),
        ("The flight takes just under 2 hours.", "2 hours", None, 7200, "s", "<"),
        ("The chain operates 9,000-plus locations.", "9,000-plus locations", 9000, None, "locations", ">="),
        ("The company has 9,000-plus stores.", "9,000-plus stores", 9000, None, "stores", ">="),
        ("The chain has 9,000+ stores.", "9,000+ stores", 9000, None, "stores", ">="),
    ],
    "levels and counts stay equal": [
        ("The stock rose to $5.", "$5", 5, 5, "USD", "="),
        ("The Senate passed 52 bills last year.", "52 bills", 52, 52, "bills", "="),
        ("The team crossed 3 rivers.", "3 rivers", 3, 3, "rivers", "="),
        ("The museum is open to the top 10 donors.", "10 donors", 10, 10, "donors", "="),
        ("The project was built over six years.", "six years", 6 * 365.25 * 86400, 6 * 365.25 * 86400, "s", "="),
    ],
    "fractions and point words": [
        ("Swiss National Bank lowered its policy rate by a quarter point to 1.25%.", "a quarter point",
         0.25, 0.25, "percentage points", "="),
        ("The Fed delivered a quarter-point cut.", "a quarter-point", 0.25, 0.25, "percentage points", "="),
        ("The bank signalled a half-point hike.", "a half-point", 0.5, 0.5, "percentage points", "="),
        ("The Fed cut rates by a quarter of a percentage point.", "a quarter of a percentage point",
         0.25, 0.25, "percentage points", "="),
        ("Yields rose three-quarters of a point.", "three-quarters of a point", 0.75, 0.75, "percentage points", "="),
        ("The Bank raised rates by half a percentage point.", "half a percentage point",
         0.5, 0.5, "percentage points", "="),
        ("Prices were up by one-fifth, and costs by a quarter.", "one-fifth", 20, 20, "%", "="),
        ("Prices were up by one-fifth, and costs by a quarter.", "a quarter", 25, 25, "%", "="),
        ("Sales fell by a third.", "a third", 100 / 3, 100 / 3, "%", "="),
        ("Output fell by three-fifths.", "three-fifths", 60, 60, "%", "="),
        ("Sales grew by two-thirds.", "two-thirds", 200 / 3, 200 / 3, "%", "="),
        ("The firm cut costs by nearly a quarter.", "nearly a quarter", 25, 25, "%", "~"),
        ("A third of firms plan layoffs.", "A third", 100 / 3, 100 / 3, "%", "="),
        ("A quarter of a century ago it was different.", "A quarter of a century",
         0.25 * 100 * 365.25 * 86400, 0.25 * 100 * 365.25 * 86400, "s", "="),
    ],
    "points and basis points": [
        ("The Dow rose 38 points.", "38 points", 38, 38, "points", "="),
        ("The Dow fell 350 points.", "350 points", 350, 350, "points", "="),
        ("britain 's ftse 100 index fell 12.7 points to 2092.2 .", "12.7 points", 12.7, 12.7, "points", "="),
        ("britain 's ftse 100 index fell 12.7 points to 2092.2 .", "2092.2", 2092.2, 2092.2, "", "="),
        ("He scored 68 points.", "68 points", 68, 68, "points", "="),
        ("The Dow dropped more than 1,000 points, or 2.6%, its worst day.", "1,000 points", 1000, None, "points", ">"),
        ("The S&P 500 fell 23.8 points, or 0.5%, to 5,123.4.", "23.8 points", 23.8, 23.8, "points", "="),
        ("Unemployment fell 0.2 points to 3.9%.", "0.2 points", 0.2, 0.2, "percentage points", "="),
        ("Labour's lead in the polls widened to 20 points.", "20 points", 20, 20, "percentage points", "="),
        ("The team won a 50-point victory.", "50-point", 50, 50, "points", "="),
        ("Yields rose 120 bp.", "120 bp", 1.2, 1.2, "percentage points", "="),
        ("Spreads widened 15 bp.", "15 bp", 0.15, 0.15, "percentage points", "="),
        ("Margins contracted 120bp to 18.4%.", "120bp", 1.2, 1.2, "percentage points", "="),
        ("Spreads narrowed 25bps.", "25bps", 0.25, 0.25, "percentage points", "="),
        ("Turkey's central bank hiked rates by 500 bps to 50 percent.", "500 bps", 5, 5, "percentage points", "="),
    ],
    "dimensions and readings": [
        ("The box measures 12 x 8 x 4 inches.", "12", 0.3048, 0.3048, "m", "="),
        ("The box measures 12 x 8 x 4 inches.", "8", 0.2032, 0.2032, "m", "="),
        ("The box measures 12 x 8 x 4 inches.", "4 inches", 0.1016, 0.1016, "m", "="),
        ("The box is 12 × 8 × 4 cm.", "12", 0.12, 0.12, "m", "="),
        ("It is a 10 by 12 foot room.", "10", 3.048, 3.048, "m", "="),
        ("It is a 10 by 12 foot room.", "12 foot", 3.6576, 3.6576, "m", "="),
        ("Blood pressure of 120/80 mmHg is normal.", "120", 15998.6864898, 15998.6864898, "Pa", "="),
        ("Blood pressure of 120/80 mmHg is normal.", "80 mmHg", 10665.7909932, 10665.7909932, "Pa", "="),
        ("Readings above 130/80 mmHg are considered high.", "130", 17331.910364, None, "Pa", ">"),
        ("Readings above 130/80 mmHg are considered high.", "80 mmHg", 10665.7909932, None, "Pa", ">"),
        ("It ended 50/50 in the vote.", "50/50", 1, 1, "", "="),
        ("Use 1/2 cup of sugar.", "1/2 cup", 0.00011829411825, 0.00011829411825, "m^3", "="),
        ("Prices rose 3 by 4 percent.", "4 percent", 4, 4, "%", "="),
    ],
}

# Must give no claim at all.
NOT_CLAIMS = [
    "It was the third quarter in a row.",
    "The company posted a third quarter of growth.",
    "It was their first half of the season, and a third day of protests.",
    "The contract was awarded by a third party.",
    "The team won by a half point.",
    "It fell by half a point.",
    "BP shares rose.",
    "He won by one point.",  # a singular "point" counts nothing, as "one store" does not
]






@pytest.mark.parametrize("text,surface,low,high,unit,qual", [c for cases in CASES.values() for c in cases])
def test_changes_and_bounds_table(text, surface, low, high, unit, qual):
    check_row(_find(text, surface), low, high, unit, qual)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert _claims(text) == []


@pytest.mark.parametrize("text,surfaces", [
    # a change and a level are two claims, never one range
    ("The index fell 0.5% to 4,120.", ["0.5%", "4,120"]),
    ("Revenue rose by $2 billion to $10 billion.", ["$2 billion", "$10 billion"]),
    ("Blood pressure fell by 7 to 9 mmHg.", ["7 to 9 mmHg"]),  # a range of the change
    ("The box measures 12 x 8 x 4 inches.", ["12", "8", "4 inches"]),  # no multiplier "12 x"
    ("Blood pressure was 130/80 mmHg.", ["130", "80 mmHg"]),
    ("The date was 12/25 last year.", ["12/25"]),
    ("Open 24/7 all year.", []),
])
def test_surfaces(text, surfaces):
    assert [c.surface for c in _claims(text)] == surfaces
