"""Pattern families, as tables of examples: (text, surface, low, high, canonical unit,
qualifier). Grouped by where the example came from, as parser projects keep them."""
import pytest

from claimflow.documents import Document
from claimflow.extract import get_extractor
from extract_cases import claims_of, find as _find, check_row

WRITTEN_FOR_A_RULE = {
    "money": [
        ("The deal was worth $48.2 million.", "$48.2 million", 48.2e6, 48.2e6, "USD", "="),
        ("Revenue hit €3bn last year.", "€3bn", 3e9, 3e9, "EUR", "="),
        ("They paid £2,000 for it.", "£2,000", 2000, 2000, "GBP", "="),
        ("a fine of 420 million finnish markka", "420 million finnish markka", 420e6, 420e6, "FIM", "="),
        ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, 3.5, "USD", "="),
        ("Egg prices averaged 64.2 cents.", "64.2 cents", 0.642, 0.642, "USD", "="),
    ],
    "ranges": [
        ("a market of $2-5B by 2027", "$2-5B", 2e9, 5e9, "USD", "="),
        ("valued at $500M-2B today", "$500M-2B", 5e8, 2e9, "USD", "="),
        ("costs of $10 million to $15 million", "$10 million to $15 million", 1e7, 1.5e7, "USD", "="),
        ("latency of 500ms-5s per query", "500ms-5s", 0.5, 5.0, "s", "="),
        ("it took between 3 and 5 days", "3 and 5 days", 3 * 86400, 5 * 86400, "s", "="),
        ("an 8- to 16-meter telescope", "8- to 16-meter", 8, 16, "m", "="),
        ("- **H100**: $25,000-$40,000 per unit", "$25,000-$40,000", 25000, 40000, "USD", "="),
        ("the rod measured 12.5 ± 0.3 mm", "12.5 ± 0.3 mm", 0.0122, 0.0128, "m", "="),
        ("revenue of $5M +/- $1M", "$5M +/- $1M", 4e6, 6e6, "USD", "="),
        # a range beside a score verb is still a range when something is counted or measured
        ("The party won 3-5 seats in the north.", "3-5 seats", 3, 5, "seats", "="),
        ("Shares rose 3-5% after the win.", "3-5%", 3, 5, "%", "="),
    ],
    "open bounds": [
        ("likely $100M+ in total", "$100M+", 1e8, None, "USD", ">="),
        ("targets of 1000+ tokens/sec", "1000+ tokens/sec", 1000, None, "tokens/s", ">="),
        ("more than 30% of users", "30%", 30, None, "%", ">"),
        ("at least 12 engineers", "12 engineers", 12, None, "engineers", ">="),
        ("up to 4 GB of memory", "4 GB", None, 4e9, "bytes", "<="),
        ("fewer than 700 million users", "700 million users", None, 7e8, "users", "<"),
        ("upwards of $10 million to $15 million", "$10 million to $15 million", 1e7, 1.5e7, "USD", ">"),
        ("a market of $50-100B+", "$50-100B+", 5e10, None, "USD", ">="),
    ],
    "approximations": [
        ("Training cost ~$4.6M.", "~$4.6M", 4.6e6, 4.6e6, "USD", "~"),
        ("It used about 3,287 MWh of power.", "3,287 MWh", 3.287e9, 3.287e9, "Wh", "~"),
        ("roughly 6 weeks of revenue", "6 weeks", 6 * 7 * 86400, 6 * 7 * 86400, "s", "~"),
        ("a market of $500M-1B (estimated)", "$500M-1B (estimated)", 5e8, 1e9, "USD", "~"),
    ],
    "percent and points": [
        ("growth of 40-60% a year", "40-60%", 40, 60, "%", "="),
        ("Azure grew 6 percentage points", "6 percentage points", 6, 6, "percentage points", "="),
        ("a rise of 25 basis points", "25 basis points", 0.25, 0.25, "percentage points", "="),
        ("twenty percent of them", "twenty percent", 20, 20, "%", "="),
    ],
    "multipliers": [
        ("10-100x cheaper fine-tuning", "10-100x", 10, 100, "x", "="),
        ("probably ~5X cheaper", "~5X", 5, 5, "x", "~"),
        ("a 4x-8x memory reduction", "4x-8x", 4, 8, "x", "="),
    ],
    "data, energy, emissions, rates": [
        ("needs ~350GB of GPU memory", "~350GB", 3.5e11, 3.5e11, "bytes", "~"),
        ("about 552 metric tons CO2 equivalent", "552 metric tons CO2 equivalent", 552, 552, "t CO2e", "~"),
        ("models generate 10-50 tokens/second", "10-50 tokens/second", 10, 50, "tokens/s", "="),
        ("runs at 120 tokens per minute", "120 tokens per minute", 2, 2, "tokens/s", "="),
        ("it charges $3 per million input tokens", "$3 per million input tokens", 3e-6, 3e-6, "USD/tokens", "="),
        ("a 2 kWh battery", "2 kWh", 2000, 2000, "Wh", "="),
    ],
    "counts and number words": [
        ("trained on 300B tokens", "300B tokens", 3e11, 3e11, "tokens", "="),
        ("thousands of GPUs", "thousands of GPUs", 1e3, 1e4, "GPUs", "~"),
        ("10s of trillions of tokens", "10s of trillions of tokens", 1e13, 1e14, "tokens", "~"),
        ("a dozen credible companies", "a dozen credible companies", 12, 12, "companies", "="),
        ("two types of models", "two types", 2, 2, "types", "="),
        ("a few months to do it", "a few months", 2 * 2629800, 5 * 2629800, "s", "~"),
        ("twenty-one years later", "twenty-one years", 21 * 31557600, 21 * 31557600, "s", "="),
        ("two and a half miles east", "two and a half miles", 4023.36, 4023.36, "m", "="),
        ("the queue took half an hour", "half an hour", 1800, 1800, "s", "="),
        ("they meet three times a week", "three times a week", 3 / 604800, 3 / 604800, "times/s", "="),
        ("the gas was cooled to absolute zero", "zero", -273.15, -273.15, "°C", "="),
        ("the dial makes a half turn", "a half turn", 3.14159265, 3.14159265, "rad", "="),
        ("half a dozen banks bid", "half a dozen banks", 6, 6, "banks", "="),
        ("doses of 20 and 40 mg a day", "20", 0.00002, 0.00002, "kg/day", "="),
    ],
    "changes by a fraction": [
        ("The firm cut its workforce by half.", "half", 50, 50, "%", "="),
        ("Profits fell by a third last year.", "a third", 100 / 3, 100 / 3, "%", "="),
    ],
    "scientific notation": [
        ("the sample held 1.5e6 cells", "1.5e6 cells", 1.5e6, 1.5e6, "cells", "="),
        ("a decay constant of 3.2×10−4 s-1", "3.2×10−4 s-1", 3.2e-4, 3.2e-4, "Hz", "="),
        ("an offset of -2e-3 V on the line", "-2e-3 V", -0.002, -0.002, "V", "="),
        ("it slowed at 4.1e-3 +/- 2e-5 m/s2", "4.1e-3 +/- 2e-5 m/s2", 0.00408, 0.00412, "m/s^2", "="),
        ("a buffer of roughly 4x2^10 bytes", "4x2^10 bytes", 4096, 4096, "bytes", "~"),
        ("Avogadro's constant is 6.02×10²³.", "6.02×10²³", 6.02e23, 6.02e23, "", "="),
    ],
    "more units": [
        ("a plot of 3 km squared", "3 km squared", 3e6, 3e6, "m^2", "="),
        ("a reservoir of 2 km^3", "2 km^3", 2e9, 2e9, "m^3", "="),
        ("the furnace gives 40,000 BTU", "40,000 BTU", 11722.844, 11722.844, "Wh", "="),
        ("a dose of 20 mGy per scan", "20 mGy", 0.02, 0.02, "Gy", "="),
        ("rocks dated to 3.5 Ga by the team", "3.5 Ga", 3.5e9 * 31557600, 3.5e9 * 31557600, "s", "="),
        ("the run collected 25 fb−1 of data", "25 fb−1", 25, 25, "fb^-1", "="),
        ("a 12\" pizza and a 9\" tart", "9\"", 0.2286, 0.2286, "m", "="),
        ("the blade is 7 \" long", "7 \"", 0.1778, 0.1778, "m", "="),
        ("a plot of 24703m2 for sale", "24703m2", 24703, 24703, "m^2", "="),
        ("a bond length of 74.14 pm", "74.14 pm", 7.414e-11, 7.414e-11, "m", "="),
        ("the field now pumps 1.2 million bpd", "1.2 million bpd", 190784.75391, 190784.75391, "m^3/day", "="),
        ("a mill that handles 4,500 tpd", "4,500 tpd", 4.5e6, 4.5e6, "kg/day", "="),
        ("Stanley Claw Hammer 16\"", "16\"", 0.4064, 0.4064, "m", "="),
        ("a 40ish-page report", "40ish-page", 40, 40, "pages", "~"),
        ("we need 300-ish GPUs", "300-ish GPUs", 300, 300, "GPUs", "~"),
    ],
    "currencies and coins": [
        ("Revenue was roughly CHF 12 million.", "CHF 12 million", 1.2e7, 1.2e7, "CHF", "~"),
        ("it sold for nzd$40 at auction", "nzd$40", 40, 40, "NZD", "="),
        ("they handed out 5 EUR20 vouchers", "EUR20", 20, 20, "EUR", "="),
        ("the bill came to 900 GBP,20 more than planned", "900 GBP", 900, 900, "GBP", "="),
        ("a ticket costs ₡2,500 in San José", "₡2,500", 2500, 2500, "CRC", "="),
        ("the fare was ₪12", "₪12", 12, 12, "ILS", "="),
        ("the gum costs 4 dimes", "4 dimes", 0.4, 0.4, "USD", "="),
        ("a fee of 300 satoshis", "300 satoshis", 3e-6, 3e-6, "XBT", "="),
        ("sales of about MEUR 45", "MEUR 45", 4.5e7, 4.5e7, "EUR", "~"),
    ],
    "tokenised fractions": [
        ("notes with a coupon of 8 1 / 2 % due 2031", "8 1 / 2 %", 8.5, 8.5, "%", "="),
        ("the bonds were priced at 99 3 / 8 to yield", "99 3 / 8", 99.375, 99.375, "", "="),
    ],
    "change words": [
        ("The firm cut costs by half.", "half", 50, 50, "%", "="),
        ("Fares rose by a third last year", "a third", 100 / 3, 100 / 3, "%", "="),
        ("Capacity must grow tenfold by 2030.", "tenfold", 10, 10, "x", "="),
        ("Output tripled in two years", "tripled", 3, 3, "x", "="),
        ("Costs halved after the switch", "halved", 50, 50, "%", "="),
        ("The new chip is twice as fast", "twice", 2, 2, "x", "="),
        ("Sales grew by roughly a fifth.", "roughly a fifth", 20, 20, "%", "~"),
        ("Profits more than doubled.", "doubled", 2, None, "x", ">"),
        ("Capacity is expected to triple by 2030.", "triple", 3, 3, "x", "="),
    ],
    "shares written as fractions": [
        ("It sits on 1 in 4 homes.", "1 in 4", 25, 25, "%", "="),
        ("Nearly one in three adults smoke.", "one in three", 100 / 3, 100 / 3, "%", "~"),
        ("The app is rated 4.5 out of 5.", "4.5 out of 5", 90, 90, "%", "="),
        ("Nearly two-thirds of new capacity is solar.", "two-thirds", 200 / 3, 200 / 3, "%", "~"),
        ("They walked two thirds of a mile.", "two thirds of a mile", 1072.896, 1072.896, "m", "="),
    ],
    "pressure": [
        ("Blood pressure fell by 7 to 9 mmHg.", "7 to 9 mmHg", 933.2567119, 1199.9014867, "Pa", "="),
        ("Inflate tyres to 2.2 bar (32 psi).", "2.2 bar", 2.2e5, 2.2e5, "Pa", "="),
    ],
    "durations without a numeral": [
        ("The outage lasted for hours.", "hours", 3600, 24 * 3600, "s", "~"),
        ("It ran for months on rented GPUs", "months", 2629800, 12 * 2629800, "s", "~"),
        ("Approval takes weeks to months.", "weeks to months", 7 * 86400, 12 * 2629800, "s", "~"),
        ("Builds go from minutes or hours", "minutes or hours", 60, 24 * 3600, "s", "~"),
    ],
}

NOT_CLAIMS = [
    "GPT-3 and GPT-4 and Llama2 and GPT-3.5 are models.",
    "In 2021 I wrote about it, and again in June 2023.",
    "1. Training Costs\n2. Inference Speed\n",
    "### 3. Memory Consumption\n",
    "This is cited widely.[1]",
    "We will remember it for years to come, and for days on end.",
    "Microsoft will restart the Three Mile Island plant.",
    "Demand will peak in the early 2030s, as it did in the 1990s.",
    "The plan reaches net zero; the set streams 8K video.",
    "It posted double-digit growth in a double room.",
    "The board meets twice a year; the bill was paid by a third party.",
    "See Section 230 and page 4.",
    "The 2x2 below shows it.",
    "We meet at 10:30 or at 2 pm on March 3.",
    "One could imagine a 3D world with 5G phones.",
    "Apple's iPhone 15 uses the A17 Pro chip; COVID-19 hit in the 1990s style.",
    # identifiers made of numbers: phone and account numbers, ISO dates, catalogue codes
    "Call 0800-555-0199 or wire it to account 2211-4455-9988.",
    "The release was tagged 2024-03-15 internally.",
    "The quasar RX J0152.7-1357 and the probe scp2-173 were observed.",
    # a closing quotation mark is no inch mark
    'The course is called "Economics 101".',
    # the second year of a fiscal-year span
    "Nothing was built in 2019-20.",
    # "one" before a verb is a pronoun
    "That one costs more.",
    # "by half" with a unit after it, or "a half" with none, is no change by a fraction
    "It fell by half a point.", "We met in half an", "a half-hearted effort",
    # clock times
    "The vote is at 2 pm, or 10.30 am at the latest.",
    # results, addresses, index names, phone numbers, decades (found in an audit of new text)
    "Chelsea beat Arsenal 3-1 on Sunday, and the Lakers won 121-115 in overtime.",
    "She took the final 6-4, 7-6, after a 2-0 win on Friday.",
    "The firm moved from 221B Baker Street to 1450 Broadway and 30 Rockefeller Plaza.",
    "The S&P 500 and the ftse 100 moved together.",
    "Call +44 20 7946 0958 or (212) 555-0187.",
    "Music from the '80s is back, as in the 90s.",
    "The S P 500 and the sp 500 are one index; the 737 Max and the iPhone 11 Pro are models.",
    "KTLA Channel 5 tracked a category 4 storm.",
    "Between 1600 and 1900 the town grew; between A.D. 1000 and 1260 it did not; by 2120 it may.",
    "The fair runs Sept. 20-24.",
    "It passed the ISO 3888-2 test in 2016; during 2016 Stone spoke. At 2-0 down they fought back.",
    "It was painted between 1503 and 1519; see Case No. 23-1157 or call 555-0142.",
    "It runs kernel 6.8 and Bluetooth 5.3.",
    "Rank 1. Tokyo; 2. Delhi; 3. Shanghai",
]

# `stated_unit`: a clear, conventional name of the unit as written (pint's full names, SI
# spelling unless the text spells "meters"/"liters"; rates read "X per Y").
STATED_UNITS = [
    ("a top speed of 120 mph", "120 mph", "mile per hour"),
    ("it cruised at 88 miles an hour", "88 miles an hour", "mile per hour"),
    ("the wall is 6 ft high", "6 ft", "foot"),
    ("plots of 660 square meters", "660 square meters", "square meter"),
    ("plots of 660 m2", "660 m2", "square metre"),
    ("she was paid $15.4/hour", "$15.4/hour", "dollar per hour"),
    ("copper at €8,000 per tonne", "€8,000 per tonne", "euro per tonne"),
    ("it weighs 12 lbs", "12 lbs", "pound-mass"),
    ("it was 30°C at noon", "30°C", "degree Celsius"),
    ("output of 1,200 metric tons", "1,200 metric tons", "metric ton"),
    ("the bottle holds 2 L of water", "2 L", "litre"),
    ("The answer is 42.", "42", "dimensionless"),
    ("prices of 64 cents a dozen", "64 cents a dozen", "cent per dozen"),
    ("it charges $3 per million input tokens", "$3 per million input tokens", "dollar per million tokens"),
]

FOUND_AS_BUGS = [
    # found by reviewing ten new articles by hand
    ("It was unthinkable two decades ago and took three decades", "three decades", 3 * 315576000, 3 * 315576000, "s", "="),
    ("The deal was worth $8k.", "$8k", 8000, 8000, "USD", "="),
    ("at a cost of $60m to $80m.", "$60m to $80m", 6e7, 8e7, "USD", "="),
    ("Savings will be £3m.", "£3m", 3e6, 3e6, "GBP", "="),
    ("down from 480 million sq ft a year earlier", "480 million sq ft", 44593459.2, 44593459.2, "m^2", "="),
    ("up from 32k tokens a year ago", "32k tokens", 32000, 32000, "tokens", "="),
    ("Vacancy edged up to 6.8% in May.", "6.8%", 6.8, 6.8, "%", "="),
    ("Power prices hit -$40/MWh at noon.", "-$40/MWh", -40, -40, "USD/MWh", "="),
    ("The winner took 4 hours and 20 minutes.", "4 hours and 20 minutes", 15600, 15600, "s", "="),
    ("She finished in 2 hours 1 minute 9 seconds.", "2 hours 1 minute 9 seconds", 7269, 7269, "s", "="),
    ("It will close 20 to 25 of its 310 stores.", "20 to 25", 20, 25, "stores", "="),
    ("Kia sold 40 million X-series phones.", "40 million", 4e7, 4e7, "", "="),
    # footnote glued to a word must not hide the count noun
    ("if you have fewer then 700 million users[1]. This", "700 million users", None, 7e8, "users", "<"),
    # a comparison's date is its period, not a claim of its own
    ("~5X cheaper to train now than 2 years ago", "~5X", 5, 5, "x", "~"),
    # scale words multiply across "of" ("tens of thousands of dollars"); a bare "one" opens a range
    ("It cost tens of thousands of dollars.", "tens of thousands of dollars", 1e4, 1e5, "USD", "~"),
    ("Tens of thousands marched.", "Tens of thousands", 1e4, 1e5, "", "~"),
    ("It lasts for one to two years.", "one to two years", 31557600, 63115200, "s", "="),
    # a price with a rate is no dollars-and-cents compound
    ("oil at $52 a barrel and 63 cents per share", "$52 a barrel", 52, 52, "USD/barrel", "="),
    # ages, signs and bounds glued by a hyphen (NewsQuant-style news)
    ("The 65-year-old worries about it.", "65-year-old", 65 * 31557600, 65 * 31557600, "s", "="),
    ("It polled men aged 18 to 34.", "18 to 34", 18 * 31557600, 34 * 31557600, "s", "="),
    ("The offense was minus-5 yards.", "minus-5 yards", -4.572, -4.572, "m", "="),
    ("the sub-7 nanometer chips", "sub-7 nanometer", None, 7e-9, "m", "<"),
    ("a production-four-door record", "four-door", 4, 4, "doors", "="),
    ("The NHS 10-20% rise", "10-20%", 10, 20, "%", "="),
    # third audit: distances of races, durations as modifiers, ranges of counts that look like years
    ("She won the 100m hurdles.", "100m", 100, 100, "m", "="),
    ("The crew returned from the 10-day mission.", "10-day", 864000, 864000, "s", "="),
    ("Between 1000 and 2000 workers joined.", "1000 and 2000 workers", 1000, 2000, "workers", "="),
    # a comparative between the number and what it counts (audit of new text)
    ("The region will add 1.7 billion more people by 2050.", "1.7 billion more people", 1.7e9, 1.7e9, "people", "="),
    ("It hired 500 extra staff.", "500 extra staff", 500, 500, "staff", "="),
    # Penn-Treebank tokenised decimals
    ("sales rose 6 . 2 % to $ 1.45 billion .", "6 . 2 %", 6.2, 6.2, "%", "="),
    ("\"a $ 700 million contract\"", "$ 700 million", 7e8, 7e8, "USD", "="),
]


# From articles outside the corpus (news on AI companies), checked by hand.
FROM_NEW_ARTICLES = [
    ("Meta plans to spend between $60 billion and $65 billion on capital expenditures in 2025.",
     "$60 billion and $65 billion", 6e10, 6.5e10, "USD", "=", "Meta", "spending", "2025"),
    ("Nvidia reported revenue of $35.1 billion for the third quarter, up 94% from a year ago.",
     "$35.1 billion", 3.51e10, 3.51e10, "USD", "=", "Nvidia", "revenue", "Q3"),
    ("Nvidia reported revenue of $35.1 billion for the third quarter, up 94% from a year ago.",
     "94%", 94, 94, "%", "=", "Nvidia", "change", "Q3"),
    ("OpenAI is projected to lose roughly $5 billion this year on revenue of $3.7 billion.",
     "$5 billion", 5e9, 5e9, "USD", "~", "OpenAI", "loss", "this year"),
    ("Training Llama 3.1 405B used more than 16,000 H100 GPUs.",
     "16,000 H100 GPUs", 16000, None, "GPUs", ">", "Llama 3.1 405B", "number of GPUs", None),
    ("A 70-billion-parameter model needs at least 140 GB of GPU memory.",
     "70-billion-parameter", 7e10, 7e10, "parameters", "=", None, None, None),
    ("The EU fined Apple €1.8bn in March 2024.", "€1.8bn", 1.8e9, 1.8e9, "EUR", "=", "EU", "fine", "March 2024"),
    ("Anthropic's revenue reportedly reached an annualized $1B in early 2025.",
     "$1B", 1e9, 1e9, "USD", "=", "Anthropic", "revenue", "per year"),
    ("In Q3 FY25 the group reported revenue of €3.5bn, up c.5% year on year.",
     "5%", 5, 5, "%", "~", "", "change", "year on year"),
    ("The M3 chip has 25 billion transistors and up to 128GB of unified memory.",
     "128GB", None, 1.28e11, "bytes", "<=", "M3", "unified memory size", None),
    ("Tesla delivered 384,122 vehicles in the second quarter, down 4.8% from a year earlier.",
     "4.8%", 4.8, 4.8, "%", "=", "Tesla", "change", "Q2"),
    ("Inference costs have dropped by a factor of 10 every year since 2021.",
     "10", 10, 10, "x", "=", None, None, None),
    ("The heatwave pushed temperatures above 40°C (104°F) in parts of Spain.",
     "104°F", 40, 40, "°C", "=", None, None, None),
    ("AMD expects its MI300 accelerators to bring in more than $5 billion in 2024.",
     "$5 billion", 5e9, None, "USD", ">", "AMD", "revenue", "2024"),
    ("A rack of 72 Blackwell GPUs can need 120 kW.", "120 kW", 1.2e5, 1.2e5, "W", "=", None, None, None),
    ("Rental prices fell from $8 an hour in early 2023 to under $2.50 an hour by mid-2025.",
     "$8 an hour", 8, 8, "USD/h", "=", None, None, None),
    ("Kia sold 2.1 million cars, nearly twice as many as Ford's 1.2 million.",
     "1.2 million", 1.2e6, 1.2e6, "cars", "=", "Ford", "number of cars", None),
    ("Siemens said it would close two plants in Bavaria, saving roughly €300 million a year.",
     "€300 million", 3e8, 3e8, "EUR", "~", "Siemens", "savings", "per year"),
    ("Gross margin fell to 41.2% in the second quarter from 44.5% a year earlier.",
     "44.5%", 44.5, 44.5, "%", "=", "", "gross margin", "Q2"),
    ("Its Canadian unit Maple Freight shipped 12,400 containers, down 6%.",
     "6%", 6, 6, "%", "=", "Maple Freight", "change", None),
    ("- Llama 3 70B: 140GB of weights in FP16, ~35GB at 4-bit\n",
     "~35GB", 3.5e10, 3.5e10, "bytes", "~", "Llama 3 70B", "size", None),
    ("Do firms offering tooling, API endpoints, and/or chips, or other aspects merge into two models?",
     "two models", 2, 2, "models", "=", "models", "number of models", None),
    ("Revenue grew 3x year over year to $2.4B, while gross margin improved to 68%.",
     "68%", 68, 68, "%", "=", "", "gross margin", None),
]




@pytest.mark.parametrize(
    "text,surface,low,high,unit,qual",
    [case for cases in WRITTEN_FOR_A_RULE.values() for case in cases] + FOUND_AS_BUGS,
)
def test_pattern_table(text, surface, low, high, unit, qual):
    check_row(_find(text, surface), low, high, unit, qual)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert get_extractor().extract(Document("t.txt", text)) == []


@pytest.mark.parametrize("text,surface,stated_unit", STATED_UNITS)
def test_stated_unit_names(text, surface, stated_unit):
    assert _find(text, surface).stated_unit == stated_unit


def test_attribution_from_document_structure():
    text = (
        "## Market Opportunities\n\n### 2. Inference Optimization & Acceleration\n\n"
        "**Opportunity:**\n- **Market Size**: $5-10B by 2027\n\n"
        "**Numbers:**\n- GPT-3: 300B tokens, $4.6M training cost\n\n"
        "For example, Azure from Microsoft generates $25B in revenue a quarter.\n"
    )
    claims = {c.surface: c for c in get_extractor().extract(Document("a.md", text))}
    size = claims["$5-10B"]
    assert (size.subject, size.metric, size.period) == ("Inference Optimization & Acceleration", "market size", "by 2027")
    assert claims["300B tokens"].subject == "GPT-3"
    assert claims["$4.6M"].subject == "GPT-3" and claims["$4.6M"].metric == "training cost"
    rev = claims["$25B"]
    assert rev.subject == "Azure" and rev.metric == "revenue" and rev.period == "per quarter"


def test_direction():
    claims = get_extractor().extract(Document("d.txt", "Sales fell 5% while costs rose 3%."))
    assert [c.direction for c in claims] == ["down", "up"]
    text = "The plan cuts costs by half, a 30% reduction in staff; revenue doubled and margins halved."
    claims = get_extractor().extract(Document("d.txt", text))
    assert [(c.surface, c.direction) for c in claims] == [
        ("half", "down"), ("30%", "down"), ("doubled", "up"), ("halved", "down")]


def test_claim_ids_are_stable_and_depend_on_content():
    ex = get_extractor()
    a = ex.extract(Document("x.txt", "It cost $5M."))[0]
    b = ex.extract(Document("x.txt", "It cost $5M."))[0]
    c = ex.extract(Document("x.txt", "It cost $5M!"))[0]
    assert a.claim_id == b.claim_id != c.claim_id


@pytest.mark.parametrize("text,surface,low,high,unit,qual,subject,metric,period", FROM_NEW_ARTICLES)
def test_new_articles(text, surface, low, high, unit, qual, subject, metric, period):
    c = _find(text, surface)
    assert (c.low, c.high, c.unit, c.qualifier) == (
        pytest.approx(low) if low is not None else None, pytest.approx(high) if high is not None else None, unit, qual)
    if subject is not None:
        assert (c.subject, c.metric, c.period) == (subject, metric, period)


def test_attribution_from_a_table():
    text = ("## Market size by segment\n\n| Segment | 2024 | 2030 | CAGR |\n|---|---|---|---|\n"
            "| Inference | $18B | $75B | 27% |\n")
    claims = {c.surface: c for c in get_extractor().extract(Document("t.md", text))}
    assert (claims["$18B"].subject, claims["$18B"].metric, claims["$18B"].period) == ("Inference", "market size", "2024")
    assert claims["$75B"].period == "2030"
    assert (claims["27%"].subject, claims["27%"].metric) == ("Inference", "cagr")


def test_attribution_reads_what_a_section_and_a_label_say():
    text = (
        "# A survey of model costs\n\n"
        "### 1. Training Costs & Resource Requirements\n\n"
        "- **Memory requirements**: needs about 80 GB of GPU memory\n"
        "- **Time-consuming**: days to weeks for fine-tuning\n"
        "- Daily inference: 3,000 MWh worldwide\n\n"
        "### Summary\n\n**Total Addressable Market**: $50-100B by 2027\n\n"
        "There are at least a dozen companies building inference chips, and it takes 6 months to tape out one.\n"
        "Prices fell, and it is probably 5x cheaper to train Llama 2 now.\n"
    )
    claims = {c.surface: c for c in get_extractor().extract(Document("s.md", text))}
    # a section title names a topic plus what is measured: the topic is the subject
    assert claims["80 GB"].subject == "Training"
    # an adjective label names nothing; "for fine-tuning" says what the time is spent on
    assert claims["days to weeks"].subject == "fine-tuning"
    # "daily" is the period, not part of the subject
    assert (claims["3,000 MWh"].subject, claims["3,000 MWh"].period) == ("inference", "per day")
    # a generic label that still names a market beats the document's title
    assert claims["$50-100B"].subject == "Total Addressable Market"
    # what counted things do says which they are
    assert claims["a dozen companies"].subject == "companies building inference chips"
    # "it takes", "it is ... cheaper to train X": a placeholder "it" points to no earlier figure
    assert claims["6 months"].subject == "survey of model costs"
    assert claims["5x"].subject == "Llama 2"


def test_periods_next_to_the_figure_win():
    text = "Rental prices fell from $8 an hour in early 2023 to under $2.50 an hour by mid-2025."
    claims = {c.surface: c for c in get_extractor().extract(Document("p.txt", text))}
    assert (claims["$8 an hour"].period, claims["$2.50 an hour"].period) == ("2023", "by 2025")
    # a rate word right before the figure beats a date after it
    c = _find("Its revenue reached an annualized $2B in mid-2025.", "$2B")
    assert c.period == "per year"


def test_a_rate_adjective_of_a_later_noun_is_not_the_figures_period():
    periods = {c.surface: c.period for c in claims_of(
        "The fund lost 3% amid daily swings in bond prices. The firm has 5,000 employees and a "
        "monthly payroll of $20 million. The index fell 2% in its worst daily drop since March. "
        "The plant makes 500 tonnes daily. It sells 900 units daily to retailers. "
        "It earns $7 million in monthly fees.")}
    assert periods["3%"] is None and periods["5,000 employees"] is None
    assert periods["$20 million"] == "per month"  # the adjective is before this one
    assert periods["2%"] == periods["500 tonnes"] == periods["900 units"] == "per day"
    assert periods["$7 million"] == "per month"


def test_bound_words_are_no_direction_and_movement_verbs_are():
    text = ("Footfall fell by more than 6%. Trains will run at up to 140 mph. The ECB lowered its deposit "
            "rate by 25 bps. Inflation eased by 0.6 percentage points. Vacancy edged up to 6.8%.")
    got = {c.surface: c.direction for c in get_extractor().extract(Document("d.txt", text))}
    assert got == {"6%": "down", "140 mph": None, "25 bps": "down", "0.6 percentage points": "down", "6.8%": "up"}


def test_business_metrics_and_movements_from_a_level_to_a_level():
    text = ("The Bank of England held Bank Rate at 5.25%. Core inflation slowed to 4.1%. "
            "Free cash flow rose €400 million to €2.6bn. Inflation fell from 5% to 3%. "
            "Prices ranged from $5 to $10, and wages grew by 10% to 12%.")
    got = [(c.surface, c.subject, c.metric) for c in get_extractor().extract(Document("b.txt", text))]
    assert got[:2] == [("5.25%", "Bank of England", "bank rate"), ("4.1%", "", "core inflation")]
    assert [g[0] for g in got[2:]] == ["€400 million", "€2.6bn", "5%", "3%", "$5 to $10", "10% to 12%"]
    assert [g[2] for g in got[4:6]] == ["inflation", "inflation"]


def test_since_keeps_its_word_and_adverbs_leave_the_subject():
    claims = {c.surface: c for c in get_extractor().extract(Document(
        "s.txt", "Shares are up 7.4% since March 2020. The company also plans to invest £250m."))}
    assert claims["7.4%"].period == "since March 2020"
    assert claims["£250m"].subject == "company"


def test_direction_reads_the_nearest_verb_of_its_own_clause():
    text = ("Household savings ratios remain elevated at about 10%. Retail sales fell 0.3% in September but "
            "were 1.9% higher than a year earlier. The Bank cut its growth forecast for next year to 0.75%.")
    got = {c.surface: c.direction for c in get_extractor().extract(Document("d.txt", text))}
    assert got == {"10%": None, "0.3%": "down", "1.9%": "up", "0.75%": "down"}


def test_a_change_restated_after_or_keeps_its_subject_and_direction():
    text = ("Tesco shares fell 12p, or 4.1%, to 283.4p. The Dow dropped more than 1,000 points, or 2.6%, "
            "on Monday. Net income jumped 42% to C$18.6 million, or 74 cents a share. Acme will cut "
            "1,200 jobs, or 8% of its work force.")
    got = {c.surface: (c.subject, c.metric, c.direction) for c in claims_of(text)}
    assert got["4.1%"] == ("Tesco", "change", "down")
    assert got["1,000 points"][2] == got["2.6%"][2] == "down"  # the verb, not "more" of "more than"
    assert got["2.6%"][1] == "change"
    assert got["74 cents"][1:] != ("change", "up")  # it restates a level, no change
    assert got["8%"][1] == "share of its work force"


def test_words_after_a_figure_give_its_direction_only_as_a_noun():
    text = "Prices for a 500 ml bottle rose from ¥120 to ¥150, a 25 percent jump, and a 5% annual increase."
    got = {c.surface: c.direction for c in claims_of(text)}
    assert got["500 ml"] is None  # "rose" is the bottle's price's verb
    assert got["25 percent"] == got["5%"] == "up"


def test_metrics_of_rates_fees_valuations_and_bit_rates():
    text = ("Mortgage rates averaged 6.85% last week. The fund charges fees of 0.03% a year. The deal values "
            "the company at £2.4bn. Its modem downloads at up to 10 Gbps. The tunnel took six years to build "
            "and cost $1.9bn.")
    got = {c.surface: c.metric for c in claims_of(text)}
    assert got["6.85%"] == "mortgage rate"  # the lexicon's phrase in the plural
    assert got["0.03%"] == "fees"
    assert got["£2.4bn"] == "valuation"
    assert got["10 Gbps"] == "speed"
    assert got["six years"] == "time to build"


def test_policy_rates_borrowing_and_comparatives_as_metrics():
    got = {c.surface: c.metric for c in claims_of(
        "The central bank kept its benchmark rate unchanged at 5.5%. The government plans to borrow £31.6bn "
        "more than forecast. It is priced at $1,199, $200 less than the previous model.")}
    assert got["5.5%"] == "benchmark rate"
    assert got["£31.6bn"] == "borrowing"
    assert got["$200"] != "less"


def test_in_dollar_terms_names_no_metric_and_fewer_no_subject():
    got = {c.surface: c for c in claims_of(
        "Exports to China fell 11.2% in dollar terms. Fewer than 1 in 10 startups survive beyond five years.")}
    assert got["11.2%"].metric == "change"
    assert got["1 in 10"].subject != "Fewer"


def test_million_ranges_odd_counts_comparative_fractions_and_conversions():
    got = {c.surface: c for c in claims_of(
        "It needs 8m-10m litres of fuel and 8m to 10m people, but the 100m-200m sprint is short. "
        "Up from 500-odd volunteers. Chips use two-thirds less power. "
        "Revenue was €2.5 billion ($2.7 billion).")}
    assert (got["8m-10m litres"].low, got["8m-10m litres"].unit) == (8000.0, "m^3")
    assert (got["8m to 10m people"].low, got["8m to 10m people"].high) == (8e6, 1e7)
    assert (got["100m-200m"].low, got["100m-200m"].unit) == (100.0, "m")
    assert (got["500-odd volunteers"].low, got["500-odd volunteers"].qualifier) == (500.0, "~")
    assert (round(got["two-thirds"].low, 2), got["two-thirds"].unit) == (66.67, "%")
    assert got["$2.7 billion"].metric == got["€2.5 billion"].metric == "revenue"


def test_possessive_shares_coupons_and_time_adverbs():
    got = {c.surface: c.metric for c in claims_of(
        "Over 70% of the world's cobalt comes from Congo. The bonds pay a coupon of 4.25%. "
        "Temperatures dropped to -15C overnight.")}
    assert got["70%"] == "share of the world's cobalt"
    assert got["4.25%"] == "coupon"
    assert got["-15C"] != "overnight"


def test_an_amount_restated_per_share_keeps_its_metric():
    got = {c.surface: (c.metric, c.unit) for c in claims_of(
        "The company posted a net loss of $1.3 billion, or 42 cents a share. "
        "Net income jumped 42% to C$18.6 million, or 74 cents per diluted share.")}
    assert got["42 cents"] == ("net loss per share", "USD")
    assert got["74 cents"] == ("net income per share", "CAD")


def test_a_preposition_of_circumstance_names_no_metric():
    got = {c.surface: c.metric for c in claims_of(
        "The fund lost 3% amid daily swings in bond prices. Stocks rose 2% despite weak earnings. "
        "Prices jumped 6% ahead of the holiday.")}
    assert got == {"3%": "change", "2%": "change", "6%": "change"}


def test_a_plural_subject_before_its_verb():
    c = _find("The new rules apply to companies with more than 500 employees.", "500 employees")
    assert c.subject == "new rules"


def test_a_thousands_separator_ends_no_clause_for_the_subject_and_brand_names():
    got = {c.surface: c.subject for c in claims_of(
        "The iPhone 15 Pro Max starts at $1,199 and comes with 256GB of storage. "
        "The enzyme works best at pH 7.4 and 37 °C.")}
    assert got["$1,199"] == got["256GB"] == "iPhone 15 Pro Max"
    assert got["37 °C"] != "pH 7.4"


def test_a_name_in_another_conjunct_is_not_the_subject():
    got = {c.surface: c.subject for c in claims_of(
        "The laptop weighs 1.24 kg, has 16GB of RAM and a battery rated for up to 18 hours. "
        "Apple and Google each hold 30% of the market.")}
    assert got["18 hours"] != "RAM"
    assert got["30%"] == "Apple"


def test_decimal_comma_before_a_scale_and_quarter_point_is_no_period():
    got = {c.surface: c for c in claims_of(
        "The price was set at €1,5 million. Rates rose after a quarter-point hike and a 30 basis point cut. "
        "The stock fell as much as 8.5% intraday.")}
    assert (got["€1,5 million"].low, got["€1,5 million"].unit) == (1.5e6, "EUR")
    assert got["30 basis point"].period is None
    assert got["8.5%"].metric != "intraday"


def test_labour_market_metrics():
    got = {c.surface: c.metric for c in claims_of(
        "Average weekly earnings were £681, and the claimant count rose by 8,900. "
        "Average hourly earnings rose 12 cents.")}
    assert got == {"£681": "average weekly earnings", "8,900": "claimant count", "12 cents": "average hourly earnings"}


def test_a_number_word_after_in_is_no_metric():
    c = _find("The patient lost 15 lb in six weeks.", "15 lb")
    assert c.metric == "mass"


def test_a_counted_range_is_not_its_own_subject():
    c = _find("Between 15,000 and 20,000 people attended the rally.", "15,000 and 20,000 people")
    assert c.subject in ("", "people")


def test_half_of_a_group_is_a_share_and_the_first_half_a_part():
    text = ("Nearly half of respondents agreed. More than half of the staff quit. "
            "Sales rose in the first half of 2024. The other half of the deal was paid in shares.")
    got = {(c.surface, c.low, c.qualifier, c.metric) for c in claims_of(text)
           if c.surface.lower() == "half"}
    assert got == {("half", 50.0, "~", "share of respondents"), ("half", 50.0, ">", "share of the staff")}


def test_hedges_and_weekdays_are_no_subjects():
    got = {c.surface: c.subject for c in claims_of(
        "Nearly 1.2 million postal votes had been returned by Monday. Roughly 60 million people died.")}
    assert got["1.2 million postal votes"] not in ("Nearly", "Monday")
    assert got["60 million people"] != "Roughly"


def test_a_plural_noun_before_a_verb_of_saying_is_no_subject():
    got = {c.surface: c.subject for c in claims_of(
        "Analysts expect growth of 2.5% next year. Officials said 40 people were injured.")}
    assert got["2.5%"] != "Analysts"
    assert got["40 people"] != "Officials"
    # a name of the same shape is one when the text also writes it mid-sentence
    got = {c.surface: c.subject for c in claims_of(
        "Williams said it would cut 5,000 jobs. Shares in Williams fell.")}
    assert got["5,000 jobs"] == "Williams"
    # before other verbs, and as a label, it still names the figures' thing
    got = {c.surface: c.subject for c in claims_of("Wages grew 4.1% year on year. Exports to China jumped 12%.")}
    assert got == {"4.1%": "Wages", "12%": "Exports"}
    assert claims_of("Banknotes: 5 €, 10 €.")[0].subject == "Banknotes"


def test_a_range_of_months_is_no_name():
    c = _find("India's GDP grew 7.8% in the April-June quarter, valued at about ₹272 lakh crore.", "₹272 lakh crore")
    assert c.subject != "April-June"


def test_a_news_headline_gives_only_its_name_as_subject():
    text = ("# Northway Retail warns on profits as shoppers cut back\n\n"
            "Shares in the company fell as much as 14% in early trading.\n\n"
            "# Data centres are straining the grid\n\nUse reached about 415 TWh in 2024.\n")
    claims = {c.surface: c for c in get_extractor().extract(Document("n.md", text))}
    assert claims["14%"].subject == "Northway Retail"
    assert claims["415 TWh"].subject != "Data centres are straining the grid"


def test_months_are_periods_and_weekdays_no_subjects():
    claims = {c.surface: c for c in get_extractor().extract(Document(
        "m.txt", "Inflation rose to 2.0% in October. Shares in Acme jumped 7% on Tuesday."))}
    assert (claims["2.0%"].metric, claims["2.0%"].period) == ("inflation", "October")
    assert claims["7%"].subject != "Tuesday"


def test_a_duration_has_no_direction_and_instead_is_no_metric():
    claims = {c.surface: c for c in get_extractor().extract(Document(
        "d.txt", "Emissions rose 48% over five years. Chips run at 85°C instead of 70°C."))}
    assert claims["48%"].direction == "up" and claims["five years"].direction is None
    assert claims["85°C"].metric == "temperature"


def test_an_owner_before_a_name_qualifies_it():
    assert _find("Japan's SoftBank raised $4 billion in bonds.", "$4 billion").subject == "SoftBank"
