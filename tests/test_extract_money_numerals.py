"""Money and numerals on unseen text (from a QA audit), as tables of examples: (text,
surface, low, high, canonical unit, qualifier), with the things that must not change."""
import json
import math

import pytest

from extract_cases import find as _find, check_row, claims_of as _claims

CASES = {
    "unicode spaces and minus signs": [
        ("The race is 5\u00a0km long.", "5\u00a0km", 5000, 5000, "m", "="),
        ("They raised $5\u00a0million.", "$5\u00a0million", 5e6, 5e6, "USD", "="),
        ("Inflation hit 20\u00a0% in May.", "20\u00a0%", 20, 20, "%", "="),
        ("It was 40\u00a0°C in Seville.", "40\u00a0°C", 40, 40, "°C", "="),
        ("Turnout was 5\u202f% lower.", "5\u202f%", 5, 5, "%", "="),
        ("Some 5\u2009000 runners took part.", "5\u2009000 runners", 5000, 5000, "runners", "~"),
        ("A crowd of 12\u00a0500 people came.", "12\u00a0500 people", 12500, 12500, "people", "="),
        ("The city has 1 400 000 people.", "1 400 000 people", 1.4e6, 1.4e6, "people", "="),
        ("valued 10 000 dollars.", "10 000 dollars", 1e4, 1e4, "USD", "="),
        ("The balance fell to −€450,000.", "−€450,000", -450000, -450000, "EUR", "="),
        ("Power prices hit −$40/MWh.", "−$40/MWh", -40, -40, "USD/MWh", "="),
        ("It weighs 5−10 kg.", "5−10 kg", 5, 10, "kg", "="),
        ("The rate was 2.48×10−5 per year.", "2.48×10−5", 2.48e-5, 2.48e-5, "", "="),
    ],
    "currencies": [
        ("Singapore's median household income rose to S$10,869 a month.", "S$10,869", 10869, 10869, "SGD", "="),
        ("Brazil's real slipped 0.8% to R$5.42 per dollar.", "R$5.42 per dollar", 5.42, 5.42, "BRL/USD", "="),
        ("Taiwan's TSMC earned NT$374.7 billion.", "NT$374.7 billion", 3.747e11, 3.747e11, "TWD", "="),
        ("It sold for MX$350 each.", "MX$350", 350, 350, "MXN", "="),
        ("The price is 99¢.", "99¢", 0.99, 0.99, "USD", "="),
        ("the company said it expects # 200 million in sales .", "# 200 million", 2e8, 2e8, "GBP", "="),
        ("Volvo Cars reported operating income of SEK 6.2 billion, versus 5.1 billion crowns a year earlier.",
         "5.1 billion crowns", 5.1e9, 5.1e9, "SEK", "="),
        ("Volvo Cars reported operating income of SEK 6.2 billion.", "SEK 6.2 billion", 6.2e9, 6.2e9, "SEK", "="),
        ("It cost 1,200 kronor.", "1,200 kronor", 1200, 1200, "SEK", "="),
        ("A fine of 5,000 Swedish crowns.", "5,000 Swedish crowns", 5000, 5000, "SEK", "="),
        ("Tickets cost 500 Czech crowns.", "500 Czech crowns", 500, 500, "CZK", "="),
        ("The NOK 500 note.", "NOK 500", 500, 500, "NOK", "="),
        ("a DKK 200 fee", "DKK 200", 200, 200, "DKK", "="),
        ("The price is 120 PLN.", "120 PLN", 120, 120, "PLN", "="),
        ("The fine amounted to 1.2 billion zlotys.", "1.2 billion zlotys", 1.2e9, 1.2e9, "PLN", "="),
        ("Indonesia spent 50 trillion rupiah.", "50 trillion rupiah", 5e13, 5e13, "IDR", "="),
        ("The budget is IDR 5 trillion.", "IDR 5 trillion", 5e12, 5e12, "IDR", "="),
        ("Thailand spent 3.5 trillion baht.", "3.5 trillion baht", 3.5e12, 3.5e12, "THB", "="),
        ("Lunch is 80 THB.", "80 THB", 80, 80, "THB", "="),
        ("A visa costs SAR 300.", "SAR 300", 300, 300, "SAR", "="),
        ("A visa costs AED 250.", "AED 250", 250, 250, "AED", "="),
        ("The cost is 5,000 dirhams.", "5,000 dirhams", 5000, 5000, "AED", "="),
        ("He paid 300 riyals.", "300 riyals", 300, 300, "SAR", "="),
        ("The project costs 2 billion ringgit.", "2 billion ringgit", 2e9, 2e9, "MYR", "="),
        ("Rent is KSh 25,000 a month.", "KSh 25,000", 25000, 25000, "KES", "="),
        ("The fare is Tk 50.", "Tk 50", 50, 50, "BDT", "="),
        ("He paid 40 quid for it.", "40 quid", 40, 40, "GBP", "="),
        ("Shares closed up 3.5p.", "3.5p", 0.035, 0.035, "GBP", "="),
        ("Shares rose 12p, then fell.", "12p", 0.12, 0.12, "GBP", "="),
        ("He paid 300 dinars in Amman, Jordan.", "300 dinars", 300, 300, "JOD", "="),
        ("The exchange rate is 5,000 ALL.", "5,000 ALL", 5000, 5000, "ALL", "="),
        ("They paid PEN 50 million for it.", "PEN 50 million", 5e7, 5e7, "PEN", "="),
        ("The fee is MAD 400 in Morocco.", "MAD 400", 400, 400, "MAD", "="),
        ("The TRY 500 fee.", "TRY 500", 500, 500, "TRY", "="),
    ],
    "accounting negatives": [
        ("The company's net loss widened to $(12.4) million, or $(0.08) per share.", "$(12.4) million",
         -12.4e6, -12.4e6, "USD", "="),
        ("The company's net loss widened to $(12.4) million, or $(0.08) per share.", "$(0.08)", -0.08, -0.08, "USD", "="),
        ("Operating income was (3.2) million euros compared with 1.1 million euros a year ago.",
         "(3.2) million euros", -3.2e6, -3.2e6, "EUR", "="),
        ("Free cash flow was (145) million dollars.", "(145) million dollars", -1.45e8, -1.45e8, "USD", "="),
        ("The net loss was ($12.4 million) in the quarter.", "($12.4 million)", -12.4e6, -12.4e6, "USD", "="),
        ("Net loss was (1,204) in 2024.", "(1,204)", -1204, -1204, "", "="),
        ("| Net income | (3.2) | 1.1 |", "(3.2)", -3.2, -3.2, "", "="),
    ],
    "scale words": [
        ("India's fiscal deficit is targeted at 5.1% of GDP, or Rs 16.13 lakh crore.", "Rs 16.13 lakh crore",
         1.613e13, 1.613e13, "INR", "="),
        ("The budget is Rs 48.2 lakh crore.", "Rs 48.2 lakh crore", 4.82e13, 4.82e13, "INR", "="),
        ("The firm invested ₹2.5k crore in plants.", "₹2.5k crore", 2.5e10, 2.5e10, "INR", "="),
        ("They bought three dozen roses.", "three dozen roses", 36, 36, "roses", "="),
        ("Two dozen shops closed.", "Two dozen shops", 24, 24, "shops", "="),
        ("She sold 4 dozen eggs.", "4 dozen eggs", 48, 48, "eggs", "="),
        ("5m people visited the fair.", "5m people", 5e6, 5e6, "people", "="),
        ("Some 2.5m people visited last year.", "2.5m people", 2.5e6, 2.5e6, "people", "~"),
        ("It holds a million million bytes.", "a million million bytes", 1e12, 1e12, "bytes", "="),
        ("It holds a billion billion bytes.", "a billion billion bytes", 1e18, 1e18, "bytes", "="),
        ("a thousand million people", "a thousand million people", 1e9, 1e9, "people", "="),
    ],
}

# Must read as written (no change from the rules above).
UNCHANGED = [
    # a year and a count are two numbers; one space and one group is no thousands group
    ("in 2019 200 people came.", "200 people", 200, 200, "people", "="),
    ("scores of 3 100 were recorded.", "100", 100, 100, "", "="),
    # "crowns" with no Scandinavian or Czech word near is a count
    ("The dentist fitted 3 crowns.", "3 crowns", 3, 3, "crowns", "="),
    # codes that are words: no currency in lower case, in capitals text, or before a count
    ("He got ALL 5 teams.", "5 teams", 5, 5, "teams", "="),
    ("He signed 40 TOP players.", "40", 40, 40, "", "="),
    ("Try 3 times.", "3 times", 3, 3, "x", "="),
    ("An IRR 15% target.", "15%", 15, 15, "%", "="),
    ("The cable is 12 AWG wire.", "12", 12, 12, "", "="),
    ("He owns 3 tk files.", "3 tk files", 3, 3, "files", "="),
    # a bracket after an amount is a conversion; brackets outside accounts are no sign
    ("Savings will be £3m ($3.9m) next year.", "$3.9m", 3.9e6, 3.9e6, "USD", "="),
    ("It posted revenue of €5m ($5.4m) and a net loss.", "$5.4m", 5.4e6, 5.4e6, "USD", "="),
    ("Alibaba's net income rose to 236.5 billion yuan ($32.6 billion).", "$32.6 billion", 3.26e10, 3.26e10, "USD", "="),
    ("The startup raised ₹450 crore ($54 million) in a Series C round.", "$54 million", 5.4e7, 5.4e7, "USD", "="),
    ("He paid ($12.4 million) for the house.", "$12.4 million", 12.4e6, 12.4e6, "USD", "="),
    ("The population was (3.2) million.", "3.2", 3.2, 3.2, "", "="),
    ("Net loss of $5m (3.9) in Q2.", "3.9", 3.9, 3.9, "", "="),
    ("Cash flow fell.\nThe population was (3.2) million.", "3.2", 3.2, 3.2, "", "="),
    ("He lives in Sweden. He paid 300 crowns.", "300 crowns", 300, 300, "crowns", "="),
    ("He paid 300 crowns in Sweden.", "300 crowns", 300, 300, "SEK", "="),
    # "m" stays metres without a counted noun after it
    ("He is 5m tall.", "5m", 5, 5, "m", "="),
    ("behind a 5m wall", "5m", 5, 5, "m", "="),
    ("He won the 100m sprint.", "100m", 100, 100, "m", "="),
    ("The rope is 5m long.", "5m", 5, 5, "m", "="),
    ("The city has 5m residents.", "5m residents", 5e6, 5e6, "residents", "="),
    ("a dozen eggs", "a dozen eggs", 12, 12, "eggs", "="),
    ("prices of 64 cents a dozen", "64 cents a dozen", 0.64, 0.64, "USD/dozens", "="),
    ("two hundred thousand people", "two hundred thousand people", 2e5, 2e5, "people", "="),
]

NOT_CLAIMS = [
    "AMD 300 chips ship next year.",
    "Upgrade to PHP 8 soon.",
    "See p. 4 of the report.",
    # "#" is pounds only in lower-cased tokenised text
    "Call it # 1 in the list.",
    "# 200 million reasons",
    "The # 200 million Plan .",
    # a value that overflows a float is no claim
    "The value was 1e400.",
    "The value was 1e300 trillion.",
]






@pytest.mark.parametrize("text,surface,low,high,unit,qual",
                         [case for cases in CASES.values() for case in cases] + UNCHANGED)
def test_money_and_numerals(text, surface, low, high, unit, qual):
    c = _find(text, surface)
    assert text[c.start:c.end] == c.surface
    check_row(c, low, high, unit, qual)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert _claims(text) == []


def test_scores_of_3_100_are_two_numbers():
    assert [c.surface for c in _claims("scores of 3 100 were recorded.")] == ["3", "100"]


def test_every_output_line_is_strict_json():
    from typer.testing import CliRunner

    from claimflow.cli import app

    lines = "\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(
        ["The value was 1e400 units.", "It cost $5M.", "It was 1e308 km."]))
    result = CliRunner().invoke(app, ["extract", "--jsonl"], input=lines + "\n")

    def strict(name):
        raise ValueError(f"not strict JSON: {name}")

    out = [json.loads(line, parse_constant=strict) for line in result.stdout.splitlines()]
    assert [c["surface"] for c in out] == ["$5M"]
    assert all(math.isfinite(c["low"]) for c in out)
