"""Changes, bounds and durations, round 2, as tables of examples: (text, surface, low, high,
canonical unit, qualifier). From a second blind audit on unseen text: a change and the level
it reached are two claims after any verb of change ("reduced on appeal from", "extended by
500m to 3,100m"); a descending "from X to Y" is never a range; readings and rate
denominators inside a from-to; negated bounds ("not exceeding"), "plus" as addition, "or
above"; a glued "±"; "to last 11 weeks"; race times; index levels in points."""
import pytest

from extract_cases import find as _find, check_row, claims_of as _claims

MMHG = 133.322387415  # Pa

CASES = {
    "a change and the level it reached": [
        ("Damages were reduced on appeal from $4.7m to $1.1m.", "$4.7m", 4.7e6, 4.7e6, "USD", "="),
        ("Damages were reduced on appeal from $4.7m to $1.1m.", "$1.1m", 1.1e6, 1.1e6, "USD", "="),
        ("The runway will be extended by 500m to 3,100m.", "500m", 500, 500, "m", "="),
        ("The runway will be extended by 500m to 3,100m.", "3,100m", 3100, 3100, "m", "="),
        ("The population grew by 610,000 to 68.3 million.", "610,000", 610000, 610000, "", "="),
        ("The population grew by 610,000 to 68.3 million.", "68.3 million", 68.3e6, 68.3e6, "", "="),
        ("The chancellor cut the main rate of national insurance by 2p to 8p in the pound.", "2p",
         0.02, 0.02, "GBP", "="),
        ("The chancellor cut the main rate of national insurance by 2p to 8p in the pound.", "8p",
         0.08, 0.08, "GBP", "="),
        ("The limit was revised from 5 mg to 3 mg.", "5 mg", 5e-6, 5e-6, "kg", "="),
        ("The limit was revised from 5 mg to 3 mg.", "3 mg", 3e-6, 3e-6, "kg", "="),
        ("Output fell from 200,000 to 150,000 barrels a day.", "150,000 barrels a day",
         150000 * 0.158987294928, 150000 * 0.158987294928, "m^3/day", "="),
        ("The limit rose from 30mph to 20mph.", "20mph", 8.9408, 8.9408, "m/s", "="),
        ("Prices rose from 5 to 7 million.", "5", 5e6, 5e6, "", "="),  # the first end in the second's scale
        ("Prices rose from 5 to 7%.", "5", 5, 5, "%", "="),  # and in its unit
    ],
    "readings and rates across a from-to": [
        ("Blood pressure fell from 152/94 mmHg to 131/82 mmHg.", "152", 152 * MMHG, 152 * MMHG, "Pa", "="),
        ("Blood pressure fell from 152/94 mmHg to 131/82 mmHg.", "94 mmHg", 94 * MMHG, 94 * MMHG, "Pa", "="),
        ("Blood pressure fell from 152/94 mmHg to 131/82 mmHg.", "131", 131 * MMHG, 131 * MMHG, "Pa", "="),
        ("Blood pressure fell from 152/94 mmHg to 131/82 mmHg.", "82 mmHg", 82 * MMHG, 82 * MMHG, "Pa", "="),
        ("Parking charges will rise from £1.20 to £1.50 an hour.", "£1.20", 1.2, 1.2, "GBP/h", "="),
        ("Parking charges will rise from £1.20 to £1.50 an hour.", "£1.50 an hour", 1.5, 1.5, "GBP/h", "="),
    ],
    "ranges that stay ranges": [
        ("Sales rose 5 to 7% last year.", "5 to 7%", 5, 7, "%", "="),  # a range of the change
        ("Output grew by 5 to 10 million barrels.", "5 to 10 million barrels",
         5e6 * 0.158987294928, 1e7 * 0.158987294928, "m^3", "="),
        ("Wages grew by 10% to 12%.", "10% to 12%", 10, 12, "%", "="),
        ("Blood pressure fell by 7 to 9 mmHg.", "7 to 9 mmHg", 7 * MMHG, 9 * MMHG, "Pa", "="),
        ("Scores ranged between 10 and 5.", "10 and 5", 5, 10, "", "="),
        ("Temperatures ranged from -5 to -10 °C.", "-5 to -10 °C", -10, -5, "°C", "="),
        # a verb whose direction the ends contradict says no change (quantulum3 devset)
        ("Treatment was reduced from 44 mg to 50 mg ethanol.", "44 mg to 50 mg", 4.4e-5, 5e-5, "kg", "="),
        # from one range to another
        ("Air New Zealand has revised its network growth forecast from 5 to 7 per cent to 3 to 5 per cent.",
         "5 to 7 per cent", 5, 7, "%", "="),
        ("Air New Zealand has revised its network growth forecast from 5 to 7 per cent to 3 to 5 per cent.",
         "3 to 5 per cent", 3, 5, "%", "="),
    ],
    "negated bounds": [
        ("The daily dose should be not exceeding 1,200mg.", "1,200mg", None, 0.0012, "kg", "<="),
        ("Children should not receive more than 2.5 mL.", "2.5 mL", None, 2.5e-6, "m^3", "<="),
        ("The fee will not exceed $500.", "$500", None, 500, "USD", "<="),
        ("The loan must not be more than £20,000.", "£20,000", None, 20000, "GBP", "<="),
        ("The bill won't rise above £100.", "£100", None, 100, "GBP", "<="),
        ("Temperatures did not fall below 5C.", "5C", 5, None, "°C", ">="),
        ("He was never more than 2 metres away.", "2 metres", None, 2, "m", "<="),
        ("Applicants cannot be under 18 years.", "18 years", 18 * 365.25 * 86400, None, "s", ">="),
        # unchanged
        ("Doses of no more than 5 mg are safe.", "5 mg", None, 5e-6, "kg", "<="),
        ("Sales exceeded $5 billion.", "$5 billion", 5e9, None, "USD", ">"),
        ("It is not only that more than 500 people came.", "500 people", 500, None, "people", ">"),
    ],
    "plus is addition, a trailing plus a bound": [
        ("Candidates may spend no more than £19,548 plus 9p per elector.", "£19,548", None, 19548, "GBP", "<="),
        ("Candidates may spend no more than £19,548 plus 9p per elector.", "9p per elector",
         0.09, 0.09, "GBP/electors", "="),
        ("The repair costs £30 plus VAT.", "£30", 30, 30, "GBP", "="),
        ("Roast for 20 minutes per 500g plus 20 minutes.", "500g", 0.5, 0.5, "kg", "="),
        ("Tickets cost £30 plus.", "£30 plus", 30, None, "GBP", ">="),
        ("The chain operates 9,000-plus locations.", "9,000-plus locations", 9000, None, "locations", ">="),
        ("The chain has 9,000+ stores.", "9,000+ stores", 9000, None, "stores", ">="),
    ],
    "or above, and over, or under": [
        ("A BMI of 30 or above is classed as obese.", "30 or above", 30, None, "", ">="),
        ("Adults aged 65 and over get a discount.", "65 and over", 65 * 365.25 * 86400, None, "s", ">="),
        ("Children aged 5 and under travel free.", "5 and under", None, 5 * 365.25 * 86400, "s", "<="),
        ("Loans of £500 or below are exempt.", "£500 or below", None, 500, "GBP", "<="),
        ("Scores of 40 or higher pass.", "40 or higher", 40, None, "", ">="),
        ("Orders of 10 kg or more ship free.", "10 kg or more", 10, None, "kg", ">="),
    ],
    "a glued plus-minus": [
        ("The supply voltage is 3.3 V ±5%.", "3.3 V", 3.3, 3.3, "V", "="),
        ("The supply voltage is 3.3 V ±5%.", "5%", 5, 5, "%", "="),
        ("The sensor is accurate to ±0.5°C.", "0.5°C", 0.5, 0.5, "°C", "="),
        ("The rod measured 12.5 ±0.3 mm.", "12.5 ±0.3 mm", 0.0122, 0.0128, "m", "="),
        ("the rod measured 12.5 ± 0.3 mm", "12.5 ± 0.3 mm", 0.0122, 0.0128, "m", "="),
    ],
    "durations after 'last' the verb": [
        ("Roadworks are expected to last 11 weeks.", "11 weeks", 11 * 7 * 86400, 11 * 7 * 86400, "s", "="),
        ("The strike will last 3 days.", "3 days", 3 * 86400, 3 * 86400, "s", "="),
        ("The festival lasted 4 days.", "4 days", 4 * 86400, 4 * 86400, "s", "="),
    ],
    "race times": [
        ("Kipchoge won in 2:02:42.", "2:02:42", 7362, 7362, "s", "="),
        ("She ran the 800m in 1:45.32.", "1:45.32", 105.32, 105.32, "s", "="),
        ("Kipchoge ran 2:01:09 to set a world record in Berlin.", "2:01:09", 7269, 7269, "s", "="),
        ("He finished the race in under 2:00:00.", "2:00:00", None, 7200, "s", "<"),
        ("The marathon record now stands at 2:00:35.", "2:00:35", 7235, 7235, "s", "="),
        ("She won the final at 1:58.71 after a fast first lap.", "1:58.71", 118.71, 118.71, "s", "="),
    ],
    "index levels in points": [
        ("The Baltic Dry Index slumped 4.2% to 1,402 points.", "1,402 points", 1402, 1402, "points", "="),
        ("The FTSE 100 fell 1.2% to 7,402 points.", "7,402 points", 7402, 7402, "points", "="),
        ("The FTSE closed at 7,402 points, down 1.2%.", "7,402 points", 7402, 7402, "points", "="),
        ("The blue-chip TA-35 index gained 1% to close at 1,478 points.", "1,478 points", 1478, 1478, "points", "="),
        # a rate word still says percentage points
        ("Unemployment rose 0.2% to 5 points.", "5 points", 5, 5, "percentage points", "="),
        ("Unemployment fell 0.2 points to 3.9%.", "0.2 points", 0.2, 0.2, "percentage points", "="),
    ],
}

# Must give no claim at all.
NOT_CLAIMS = [
    "The meeting starts at 10:30.",
    "The train leaves at 10:30:15.",
    "The race started at 9:15:30 GMT.",
    "The race started at 9:15:30 and ended in the dark.",
    "The ratio was 1:45.32 in the sample.",  # no word of racing near
    "Over the last 11 weeks little happened.",
    "Sales over the past 5 years were flat.",
    "In the next 3 months we will see.",
    "Last 12 months were hard.",
]






@pytest.mark.parametrize("text,surface,low,high,unit,qual", [c for cases in CASES.values() for c in cases])
def test_changes_bounds_durations_table(text, surface, low, high, unit, qual):
    check_row(_find(text, surface), low, high, unit, qual)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert _claims(text) == []


@pytest.mark.parametrize("text,surfaces", [
    # a change and the level it reached are two claims, never one range
    ("Damages were reduced on appeal from $4.7m to $1.1m.", ["$4.7m", "$1.1m"]),
    ("The limit was revised from 5 mg to 3 mg.", ["5 mg", "3 mg"]),
    ("Prices ranged from $10 to $5.", ["$10", "$5"]),  # descending: never a range
    ("Blood pressure fell from 152/94 mmHg to 131/82 mmHg.", ["152", "94 mmHg", "131", "82 mmHg"]),
    # a sequence of levels: the last pair stays the range it was
    ("The reward rises from $160 to $180 to $200.", ["$160", "$180 to $200"]),
    ("Cook for 500g plus 20 minutes.", ["500g", "20 minutes"]),
    ("The chain has 9,000 plus stores.", ["9,000 plus stores"]),
])
def test_surfaces(text, surfaces):
    assert [c.surface for c in _claims(text)] == surfaces
