"""Extraction rules as data: spaCy Matcher patterns by family, and the phrase tables and
vocabularies the extractor reads around a number (currencies, qualifiers, range
connectors, words that make a number an identifier rather than a claim).

Nothing here runs: `extractor.py` compiles these into a spaCy pipeline.
"""
from __future__ import annotations

from claimflow.extract.numbers import (A_FRACTIONS, BARE_FRACTIONS, CHANGE_FRACTIONS, FRACTION_WORDS, HALVING_WORDS,
                                      MAGNITUDE_WORDS, MULTIPLIER_WORDS, PLURAL_SCALES, VAGUE_DURATIONS,
                                      VULGAR_FRACTIONS)

# --- Matcher patterns (token patterns), by family -------------------------------------
# The Matcher tests every pattern's first token against every token of the text, so the
# first tokens are cheap checks: the LIKE_NUM lexeme flag, or one LOWER value (a word
# list is written as one pattern per word, not as an "IN" set).
def _each(words, rest):
    return [[{"LOWER": w}] + rest for w in sorted(words)]


# Family "number": the anchor of every claim. Number words are LIKE_NUM too; the scan
# joins "twenty" "-" "one" and "two" "hundred" into one number.
NUMBER_PATTERNS = (
    [[{"LIKE_NUM": True}]]
    # "a hundred", "a million", "a dozen"
    + _each({"a", "an"}, [{"LOWER": {"IN": sorted(MAGNITUDE_WORDS) + ["dozen"]}}])
    # "half million", "a quarter million"
    + _each({"half", "quarter"}, [{"LOWER": {"IN": sorted(MAGNITUDE_WORDS)}}])
    + [[{"LOWER": "a"}, {"LOWER": {"IN": ["half", "quarter"]}}, {"LOWER": {"IN": sorted(MAGNITUDE_WORDS)}}]]
    + [[{"ORTH": f}] for f in sorted(VULGAR_FRACTIONS)]
    # "a half turn", "half an hour", "half a million" (with a unit or scale only)
    + [[{"LOWER": "a"}, {"LOWER": "half"}], [{"LOWER": "half"}, {"LOWER": {"IN": ["a", "an"]}}]]
    # "a third of firms", "a quarter of a percentage point", "by a quarter point", "a half-point hike"
    + [[{"LOWER": "a"}, {"LOWER": {"IN": sorted(w for _, w in A_FRACTIONS)}}]]
    + _each({w for (w,) in BARE_FRACTIONS}, [])
)
_SINGULAR_FRACTIONS = sorted(w for w in FRACTION_WORDS if not w.endswith("s"))
_PLURAL_FRACTIONS = sorted(w for w in FRACTION_WORDS if w.endswith("s") and w != "halves")
# Hedges between "by" and a fraction: "fell by nearly a quarter" (-> qualifier).
FRACTION_HEDGES = {"nearly": "~", "almost": "~", "roughly": "~", "about": "~", "around": "~", "some": "~",
                   "more than": ">", "over": ">", "less than": "<", "under": "<"}
# Family "vague": quantities without a numeral ("thousands of GPUs", "a few months",
# "10s of trillions of tokens").
VAGUE_PATTERNS = (
    _each(PLURAL_SCALES, [{"LOWER": "of"}])
    + [[{"LIKE_NUM": True}, {"LOWER": "s"}, {"LOWER": "of"}, {"LOWER": {"IN": sorted(PLURAL_SCALES)}}]]
    + [[{"LOWER": "a"}, {"LOWER": {"IN": ["few", "handful", "couple"]}}]]
    + _each({"several", "dozens"}, [])
    + [[{"LOWER": "half"}, {"LOWER": "a"}, {"LOWER": "dozen"}]]
    # "for months", "months to years" (a duration without a numeral)
    + [[{"LOWER": "for"}, {"LOWER": {"IN": sorted(VAGUE_DURATIONS)}}],
       [{"LOWER": {"IN": sorted(VAGUE_DURATIONS)}}, {"LOWER": {"IN": ["to", "or"]}}, {"LOWER": {"IN": sorted(VAGUE_DURATIONS)}}]]
    # "tenfold", "doubled", "halved"; "twice as fast" (not "twice a year")
    + _each(set(MULTIPLIER_WORDS) - {"twice", "thrice"}, []) + _each(HALVING_WORDS, [])
    + _each({"twice", "thrice"}, [{"LOWER": "as"}])
    # a change by a fraction, read as a percentage: "cut costs by half", "rose by a
    # third", "by two-thirds", "cut in half"
    + [[{"LOWER": "by"}, {"LOWER": {"IN": sorted(FRACTION_HEDGES)}, "OP": "?"}, {"LOWER": {"IN": ["a", "one"]}, "OP": "?"},
        {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": _SINGULAR_FRACTIONS}}],
       [{"LOWER": "by"}, {"LOWER": {"IN": sorted(FRACTION_HEDGES)}, "OP": "?"},
        {"LOWER": {"IN": ["two", "three", "four", "five", "six", "seven", "eight", "nine"]}},
        {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": _PLURAL_FRACTIONS}}]]
    + [[{"LOWER": "in"}, {"LOWER": "half"}]]
)
MATCHER_PATTERNS = {"number": NUMBER_PATTERNS, "vague": VAGUE_PATTERNS}
# Words (besides numbers) near which the Matcher runs: every pattern above contains a
# number or one of these, within three tokens of its start.
TRIGGER_WORDS = sorted(set(PLURAL_SCALES) | set(MAGNITUDE_WORDS) | {
    "dozen", "dozens", "few", "handful", "couple", "several"} | set(FRACTION_WORDS) | set(VULGAR_FRACTIONS) | set(VAGUE_DURATIONS) | set(MULTIPLIER_WORDS) | set(HALVING_WORDS))

# --- Currencies ------------------------------------------------------------------------
# ISO code -> (name reported as stated_unit for words, symbol/prefix forms, word forms).
# Prefix forms stand before the number ("$5", "US$ 5", "eur 125"); word forms after it
# ("5 dollars", "420 million finnish markka"); most codes work on both sides.
CURRENCIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "USD": ("dollar", ("$", "us$", "usd", "usd$", "u.s.$", "u.s $", "us $", "u.s. $", "dollar"),
            ("dollars", "dollar", "usd", "us dollars", "us dollar", "u.s. dollars", "united states dollars", "bucks", "$")),
    "EUR": ("euro", ("€", "eur", "eur€"), ("euros", "euro", "eur", "€")),
    "GBP": ("pound sterling", ("£", "gbp", "gbp£"), ("pounds sterling", "sterling", "gbp", "british pounds", "£", "quid")),
    "JPY": ("yen", ("¥", "jpy", "jp¥"), ("yen", "jpy", "japanese yen")),
    "CNY": ("yuan", ("rmb", "cny", "cn¥"), ("yuan", "renminbi", "rmb", "cny", "chinese yuan", "元")),
    "INR": ("rupee", ("₹", "inr", "rs", "rs."), ("rupees", "rupee", "inr", "indian rupees")),
    "CAD": ("canadian dollar", ("c$", "c $", "cad", "ca$", "cad$"), ("canadian dollars", "canadian dollar", "cad")),
    "AUD": ("australian dollar", ("a$", "aud", "au$", "aud$"), ("australian dollars", "australian dollar", "aud")),
    "NZD": ("new zealand dollar", ("nz$", "nzd", "nzd$"), ("new zealand dollars", "nzd")),
    "HKD": ("hong kong dollar", ("hk$", "hk $", "hkd"), ("hong kong dollars", "hkd")),
    "SGD": ("singapore dollar", ("s$", "sgd"), ("singapore dollars", "sgd")),
    "CHF": ("swiss franc", ("chf",), ("swiss francs", "swiss franc", "chf")),
    "FRF": ("franc", (), ("francs", "franc", "french francs")),
    "MXN": ("mexican peso", ("mxn", "mex$", "mxn$", "mx$"), ("mexican pesos", "mexican peso", "pesos", "peso", "mxn")),
    "BRL": ("brazilian real", ("r$", "brl"), ("reais", "brazilian reais", "brl")),
    "KRW": ("won", ("₩", "krw"), ("won", "krw", "korean won")),
    "RUB": ("ruble", ("₽", "rub"), ("rubles", "roubles", "ruble", "rouble", "rub")),
    "TRY": ("turkish lira", ("₺",), ("turkish lira", "lira", "liras")),
    "ZAR": ("rand", ("zar",), ("rand", "zar")),
    "FIM": ("finnish markka", (), ("finnish markka", "markka", "markkaa")),
    "ESP": ("peseta", (), ("pesetas", "peseta")),
    "NLG": ("netherlands guilder", (), ("dutch guilders", "guilders", "guilder")),
    "DEM": ("mark", (), ("deutsche marks", "marks")),
    "GEL": ("georgian lari", ("₾",), ("lari", "₾")),
    "XBT": ("bitcoin", ("₿", "btc"), ("bitcoin", "bitcoins", "btc")),
    "ETH": ("ether", ("eth", "Ξ"), ("eth", "ether", "Ξ")),  # a crypto-currency code, as BTC
    "CRC": ("costa rican colón", ("₡",), ("colón", "colones", "costa rican colón", "costa rican colones", "₡")),
    "LAK": ("lao kip", ("₭",), ("kip", "lao kip", "₭")),
    "LKR": ("sri lankan rupee", ("ரூ", "lkr"), ("sri lankan rupees", "sri lankan rupee", "lkr", "ரூ")),
    "PHP": ("philippine peso", ("₱",), ("philippine pesos", "₱")),
    "NGN": ("naira", ("₦", "ngn"), ("naira", "ngn", "₦")),
    "ILS": ("shekel", ("₪", "ils", "nis"), ("shekels", "shekel", "ils", "nis", "₪")),
    "VND": ("dong", ("₫", "vnd"), ("dong", "vnd", "₫")),
    "UAH": ("hryvnia", ("₴", "uah"), ("hryvnias", "hryvnia", "uah", "₴")),
}
# The other ISO 4217 currencies in use, in the same form: their codes work on both sides
# of the number ("SEK 6.2 billion", "120 PLN"); the words are those news writes after a
# number ("1.2 billion zlotys", "50 trillion rupiah"). Codes in CODES_AS_WORDS are left
# out of the forms here (see there).
ISO_CURRENCIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "AED": ("uae dirham", ("aed", "dhs"), ("dirhams", "dirham", "uae dirhams", "emirati dirhams")),
    "AFN": ("afghani", ("afn", "؋"), ("afghanis", "afghani")),
    "ALL": ("albanian lek", (), ("lek", "leke", "albanian lek")),
    "AMD": ("armenian dram", ("֏",), ("armenian drams", "armenian dram")),
    "ANG": ("netherlands antillean guilder", (), ("antillean guilders",)),
    "AOA": ("angolan kwanza", ("aoa",), ("kwanzas", "kwanza")),
    "ARS": ("argentine peso", ("ar$",), ("argentine pesos", "argentinian pesos")),
    "AWG": ("aruban florin", (), ("aruban florins",)),
    "AZN": ("azerbaijani manat", ("azn", "₼"), ("manat", "manats", "azerbaijani manat")),
    "BAM": ("convertible mark", (), ("convertible marks",)),
    "BBD": ("barbadian dollar", ("bbd", "bds$"), ("barbados dollars", "barbadian dollars")),
    "BDT": ("taka", ("bdt", "tk", "৳"), ("taka", "takas", "bangladeshi taka")),
    "BGN": ("bulgarian lev", ("bgn",), ("leva", "lev", "bulgarian lev", "bulgarian leva")),
    "BHD": ("bahraini dinar", ("bhd",), ("bahraini dinars", "bahraini dinar")),
    "BIF": ("burundian franc", ("bif",), ("burundian francs",)),
    "BMD": ("bermudian dollar", ("bmd",), ("bermudian dollars", "bermuda dollars")),
    "BND": ("brunei dollar", ("bnd",), ("brunei dollars",)),
    "BOB": ("boliviano", (), ("bolivianos", "boliviano")),
    "BSD": ("bahamian dollar", ("bsd",), ("bahamian dollars",)),
    "BTN": ("ngultrum", (), ("ngultrum", "ngultrums")),
    "BWP": ("botswana pula", ("bwp",), ("pula",)),
    "BYN": ("belarusian ruble", ("byn",), ("belarusian rubles", "belarusian roubles")),
    "BZD": ("belize dollar", ("bzd", "bz$"), ("belize dollars",)),
    "CDF": ("congolese franc", ("cdf",), ("congolese francs",)),
    "CLP": ("chilean peso", ("clp", "clp$"), ("chilean pesos",)),
    "COP": ("colombian peso", ("col$",), ("colombian pesos",)),
    "CUP": ("cuban peso", (), ("cuban pesos",)),
    "CVE": ("cape verdean escudo", (), ("escudos", "cape verdean escudos")),
    "CZK": ("czech koruna", ("czk", "kč"), ("koruna", "korunas", "koruny", "korun", "czech koruna", "czech crowns",
                                         "czech crown", "kč")),
    "DJF": ("djiboutian franc", ("djf",), ("djiboutian francs",)),
    "DKK": ("danish krone", ("dkk",), ("danish kroner", "danish krone", "danish crowns", "danish crown", "dkk")),
    "DOP": ("dominican peso", ("rd$",), ("dominican pesos",)),
    "DZD": ("algerian dinar", ("dzd",), ("algerian dinars",)),
    "EGP": ("egyptian pound", ("egp", "e£"), ("egyptian pounds", "egyptian pound")),
    "ERN": ("eritrean nakfa", (), ("nakfa",)),
    "ETB": ("ethiopian birr", ("etb",), ("birr", "ethiopian birr")),
    "FJD": ("fijian dollar", ("fjd", "fj$"), ("fijian dollars", "fiji dollars")),
    "FKP": ("falkland islands pound", ("fkp",), ("falkland islands pounds",)),
    "GHS": ("ghanaian cedi", ("ghs", "gh₵", "₵"), ("cedis", "cedi", "ghanaian cedis")),
    "GIP": ("gibraltar pound", ("gip",), ("gibraltar pounds",)),
    "GMD": ("gambian dalasi", ("gmd",), ("dalasi", "dalasis")),
    "GNF": ("guinean franc", ("gnf",), ("guinean francs",)),
    "GTQ": ("guatemalan quetzal", ("gtq",), ("quetzales", "quetzals", "quetzal")),
    "GYD": ("guyanese dollar", ("gyd",), ("guyanese dollars",)),
    "HNL": ("honduran lempira", ("hnl",), ("lempiras", "lempira")),
    "HTG": ("haitian gourde", ("htg",), ("gourdes", "gourde")),
    "HUF": ("hungarian forint", ("huf",), ("forints", "forint", "hungarian forints", "huf")),
    "IDR": ("indonesian rupiah", ("idr", "rp", "rp."), ("rupiah", "rupiahs", "indonesian rupiah", "idr")),
    "IQD": ("iraqi dinar", ("iqd",), ("iraqi dinars",)),
    "IRR": ("iranian rial", (), ("rials", "rial", "iranian rials")),
    "ISK": ("icelandic krona", ("isk",), ("icelandic kronur", "icelandic kronas", "icelandic krona", "kronur",
                                       "icelandic crowns", "isk")),
    "JMD": ("jamaican dollar", ("jmd", "j$"), ("jamaican dollars",)),
    "JOD": ("jordanian dinar", ("jod",), ("jordanian dinars",)),
    "KES": ("kenyan shilling", ("kes", "ksh", "ksh.", "kshs", "kshs."), ("kenyan shillings", "kes")),
    "KGS": ("kyrgyzstani som", ("kgs",), ("kyrgyz som",)),
    "KHR": ("cambodian riel", ("khr", "៛"), ("riels", "riel")),
    "KMF": ("comorian franc", ("kmf",), ("comorian francs",)),
    "KPW": ("north korean won", ("kpw",), ("north korean won",)),
    "KWD": ("kuwaiti dinar", ("kwd",), ("kuwaiti dinars", "kuwaiti dinar")),
    "KYD": ("cayman islands dollar", ("kyd", "ci$"), ("cayman islands dollars",)),
    "KZT": ("kazakhstani tenge", ("kzt", "₸"), ("tenge", "tenges")),
    "LBP": ("lebanese pound", ("lbp",), ("lebanese pounds", "lebanese lira")),
    "LRD": ("liberian dollar", ("lrd",), ("liberian dollars",)),
    "LSL": ("lesotho loti", (), ("maloti", "loti")),
    "LYD": ("libyan dinar", ("lyd",), ("libyan dinars",)),
    "MAD": ("moroccan dirham", (), ("moroccan dirhams", "moroccan dirham")),
    "MDL": ("moldovan leu", (), ("moldovan lei", "moldovan leu")),
    "MGA": ("malagasy ariary", ("mga",), ("ariary",)),
    "MKD": ("macedonian denar", ("mkd",), ("denars", "denari", "denar")),
    "MMK": ("myanmar kyat", ("mmk",), ("kyats", "kyat")),
    "MNT": ("mongolian tögrög", ("₮",), ("tugrik", "tugriks", "tögrög")),
    "MOP": ("macanese pataca", ("mop$",), ("patacas", "pataca")),
    "MRU": ("mauritanian ouguiya", ("mru",), ("ouguiya", "ouguiyas")),
    "MUR": ("mauritian rupee", (), ("mauritian rupees",)),
    "MVR": ("maldivian rufiyaa", ("mvr",), ("rufiyaa",)),
    "MWK": ("malawian kwacha", ("mwk",), ("malawian kwacha",)),
    "MYR": ("ringgit", ("myr", "rm"), ("ringgit", "ringgits", "malaysian ringgit", "myr")),
    "MZN": ("mozambican metical", ("mzn",), ("meticais", "metical", "meticals")),
    "NAD": ("namibian dollar", ("n$",), ("namibian dollars",)),
    "NIO": ("nicaraguan córdoba", ("nio",), ("córdobas", "cordobas")),
    "NOK": ("norwegian krone", ("nok",), ("norwegian kroner", "norwegian krone", "norwegian crowns", "norwegian crown",
                                       "nok")),
    "NPR": ("nepalese rupee", (), ("nepalese rupees", "nepali rupees")),
    "OMR": ("omani rial", ("omr",), ("omani rials", "omani rial")),
    "PAB": ("panamanian balboa", ("pab",), ("balboas", "balboa")),
    "PEN": ("peruvian sol", (), ("soles", "peruvian soles", "nuevos soles")),
    "PGK": ("papua new guinean kina", ("pgk",), ("kina",)),
    "PKR": ("pakistani rupee", ("pkr",), ("pakistani rupees", "pkr")),
    "PLN": ("polish zloty", ("pln", "zł"), ("zlotys", "zloty", "zlotych", "złoty", "złotych", "polish zlotys",
                                     "polish zloty", "pln", "zł")),
    "PYG": ("paraguayan guaraní", ("pyg", "₲"), ("guaraníes", "guaranies", "guaranis", "guaraní")),
    "QAR": ("qatari riyal", ("qar",), ("qatari riyals", "qatari riyal", "qar")),
    "RON": ("romanian leu", (), ("lei", "romanian lei", "romanian leu")),
    "RSD": ("serbian dinar", ("rsd",), ("serbian dinars",)),
    "RWF": ("rwandan franc", ("rwf",), ("rwandan francs",)),
    "SAR": ("saudi riyal", ("sr",), ("riyals", "riyal", "saudi riyals")),
    "SBD": ("solomon islands dollar", ("sbd",), ("solomon islands dollars",)),
    "SCR": ("seychellois rupee", ("scr",), ("seychellois rupees",)),
    "SDG": ("sudanese pound", ("sdg",), ("sudanese pounds",)),
    "SEK": ("swedish krona", ("sek",), ("kronor", "krona", "swedish kronor", "swedish krona", "swedish crowns",
                                     "swedish crown", "sek")),
    "SHP": ("saint helena pound", (), ("saint helena pounds",)),
    "SLE": ("sierra leonean leone", ("sle",), ("leones", "leone")),
    "SOS": ("somali shilling", (), ("somali shillings",)),
    "SRD": ("surinamese dollar", ("srd",), ("surinamese dollars",)),
    "SSP": ("south sudanese pound", ("ssp",), ("south sudanese pounds",)),
    "STN": ("são tomé and príncipe dobra", ("stn",), ("dobras", "dobra")),
    "SVC": ("salvadoran colón", (), ("salvadoran colones",)),
    "SYP": ("syrian pound", ("syp",), ("syrian pounds",)),
    "SZL": ("swazi lilangeni", ("szl",), ("emalangeni", "lilangeni")),
    "THB": ("thai baht", ("thb", "฿"), ("baht", "thai baht", "thb")),
    "TJS": ("tajikistani somoni", ("tjs",), ("somoni",)),
    "TMT": ("turkmenistan manat", ("tmt",), ("turkmen manat",)),
    "TND": ("tunisian dinar", ("tnd",), ("tunisian dinars",)),
    "TOP": ("tongan paʻanga", ("t$",), ("paʻanga", "pa'anga")),
    "TTD": ("trinidad and tobago dollar", ("ttd", "tt$"), ("trinidad and tobago dollars",)),
    "TWD": ("new taiwan dollar", ("twd", "nt$", "nt $"), ("new taiwan dollars", "taiwan dollars", "twd")),
    "TZS": ("tanzanian shilling", ("tzs", "tsh", "tsh."), ("tanzanian shillings",)),
    "UGX": ("ugandan shilling", ("ugx", "ush"), ("ugandan shillings", "ugx")),
    "UYU": ("uruguayan peso", ("uyu",), ("uruguayan pesos",)),
    "UZS": ("uzbekistani som", ("uzs",), ("uzbek som",)),
    "VES": ("venezuelan bolívar", ("ves", "bs.", "bs"), ("bolívares", "bolivares", "bolivars", "bolívar", "bolivar")),
    "VUV": ("vanuatu vatu", ("vuv",), ("vatu",)),
    "WST": ("samoan tala", ("wst",), ("tala",)),
    "XAF": ("central african cfa franc", ("xaf", "fcfa"), ("cfa francs", "cfa franc", "xaf", "fcfa")),
    "XCD": ("east caribbean dollar", ("xcd", "ec$"), ("east caribbean dollars",)),
    "XOF": ("west african cfa franc", ("xof",), ("west african cfa francs", "xof")),
    "XPF": ("cfp franc", ("xpf",), ("cfp francs",)),
    "YER": ("yemeni rial", ("yer",), ("yemeni rials", "yemeni rial")),
    "ZMW": ("zambian kwacha", ("zmw",), ("kwacha", "zambian kwacha")),
    "ZWG": ("zimbabwe gold", ("zwg",), ("zimbabwe gold",)),
}
# ISO codes that are also English words or common abbreviations ("ALL 5 teams", "TOP 10",
# "AMD 300 chips", "Try 3 times", "an IRR of 12%", "12 AWG wire", "PHP 8"): a currency only
# in capitals, right next to the number, and not where they read as a word (in capitals
# text, or with a counted noun or unit after the figure). The scan adds these forms.
CODES_AS_WORDS = {"ALL", "TOP", "CUP", "MOP", "AMD", "TRY", "PEN", "BAM", "GEL", "PHP", "BOB", "MAD", "SOS", "COP",
                  "AWG", "IRR", "NPR", "RON", "MNT", "SVC", "BTN", "CVE", "ARS", "ANG", "MDL", "SAR", "SHP", "CUP",
                  "NAD", "DOP", "MUR", "ERN", "LSL"}
# Symbols and abbreviations of a currency before a number that stand only in this case
# ("KSh 25,000", "Tk 50", "RM 20", "Rp 5,000": "ksh", "tk", "rm" are no currency in lower case).
CASED_PREFIXES = {"tk": ("Tk", "TK"), "rm": ("RM",), "rp": ("Rp", "RP"), "rp.": ("Rp.",), "sr": ("SR",),
                  "bs": ("Bs",), "bs.": ("Bs.",), "dhs": ("Dhs", "DHS"), "ush": ("USh",), "tsh": ("TSh", "Tsh"),
                  "tsh.": ("TSh.", "Tsh."), "ksh": ("KSh", "Ksh", "KSH"), "kshs": ("KShs", "Kshs", "KSHS")}
for _code, (_name, _pre, _post) in ISO_CURRENCIES.items():
    CURRENCIES.setdefault(_code, (_name, _pre, _post))
# Currency words that name several currencies: a country, currency or city word in the
# sentence says which (word -> (the currency without one, or None: no currency then;
# context word -> code)). "5.1 billion crowns" after "SEK 6.2 billion" is in SEK; "3
# crowns" alone is a count (of teeth, of kings).
_CROWN_CONTEXT = {"swedish": "SEK", "sweden": "SEK", "sek": "SEK", "stockholm": "SEK", "kronor": "SEK",
                  "danish": "DKK", "denmark": "DKK", "dkk": "DKK", "copenhagen": "DKK",
                  "norwegian": "NOK", "norway": "NOK", "nok": "NOK", "oslo": "NOK",
                  "czech": "CZK", "czk": "CZK", "prague": "CZK", "koruna": "CZK",
                  "icelandic": "ISK", "iceland": "ISK", "isk": "ISK", "reykjavik": "ISK"}
_DINAR_CONTEXT = {"kuwait": "KWD", "kuwaiti": "KWD", "iraq": "IQD", "iraqi": "IQD", "jordan": "JOD",
                  "jordanian": "JOD", "bahrain": "BHD", "bahraini": "BHD", "algeria": "DZD", "algerian": "DZD",
                  "serbia": "RSD", "serbian": "RSD", "tunisia": "TND", "tunisian": "TND", "libya": "LYD",
                  "libyan": "LYD", "macedonia": "MKD", "macedonian": "MKD"}
_SHILLING_CONTEXT = {"kenya": "KES", "kenyan": "KES", "nairobi": "KES", "uganda": "UGX", "ugandan": "UGX",
                     "kampala": "UGX", "tanzania": "TZS", "tanzanian": "TZS", "somalia": "SOS", "somali": "SOS"}
CONTEXT_CURRENCIES: dict[str, tuple[str | None, dict[str, str]]] = {
    "crowns": (None, _CROWN_CONTEXT), "crown": (None, _CROWN_CONTEXT),
    "kroner": ("NOK", _CROWN_CONTEXT), "krone": ("NOK", _CROWN_CONTEXT), "kronas": ("SEK", _CROWN_CONTEXT),
    "dinars": (None, _DINAR_CONTEXT), "dinar": (None, _DINAR_CONTEXT),
    "shillings": (None, _SHILLING_CONTEXT), "shilling": (None, _SHILLING_CONTEXT),
}
# How far (tokens, either side) a context word is looked for.
CONTEXT_WINDOW = 25

# Penn Treebank's lower-cased, tokenised WSJ text writes "£" as "#" ("expects # 200 million
# in sales ."): a "#" standing alone before a number is pounds there, and only there (the
# text around has no capitals and detaches its punctuation with a space).
PTB_POUND = "#"
PTB_DETACHED = {".", ",", "'s", "n't", "``", "''", "--", ";", ":", "%"}

# Minor units: word -> (ISO code, fraction of the main unit, stated name)
MINOR_CURRENCIES = {
    "cents": ("USD", 0.01, "cent"), "cent": ("USD", 0.01, "cent"),
    "pence": ("GBP", 0.01, "pence"), "penny": ("GBP", 0.01, "penny"), "pennies": ("GBP", 0.01, "penny"),
    "p": ("GBP", 0.01, "pence"), "¢": ("USD", 0.01, "cent"),
    "dime": ("USD", 0.1, "dime"), "dimes": ("USD", 0.1, "dime"),
    "nickel": ("USD", 0.05, "nickel"), "nickels": ("USD", 0.05, "nickel"),
    "satoshi": ("XBT", 1e-8, "satoshi"), "satoshis": ("XBT", 1e-8, "satoshi"),
}
# Cents belong to the dollar or euro the sentence names ("C$1.2 billion, or 74 cents a
# share" is in CAD); without one, to the currency of MINOR_CURRENCIES.
CENT_FORMS = {"cents", "cent", "¢"}
CENT_CURRENCIES = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "EUR", "TWD", "BBD", "BSD", "BZD", "FJD", "JMD", "TTD",
                   "XCD", "NAD", "LRD", "GYD", "SRD", "KYD", "BMD", "BND", "SBD", "ZAR"}
# "musd" / "mgbp": millions of a currency, in finance shorthand.
SCALED_CURRENCY_PREFIX = {"m": 1e6, "k": 1e3, "b": 1e9, "bn": 1e9}

# --- Accounting negatives ----------------------------------------------------------------
# Accounts write a negative amount in brackets: "$(12.4) million", "(3.2) million euros",
# "($12.4 million)". Read so only in a financial sentence (one of these words in it) or a
# table row; a bracket right after another amount is a conversion ("£3m ($3.9m)").
ACCOUNTING_WORDS = {"loss", "losses", "net", "income", "cash", "flow", "flows", "eps", "earnings", "profit", "profits",
                    "deficit", "ebitda", "ebit", "operating", "pretax", "pre-tax", "expense", "expenses", "impairment",
                    "writedown", "write-down", "outflow", "outflows", "diluted", "comprehensive", "margin", "shortfall"}
ACCOUNTING_WINDOW = 30  # tokens either side, within the sentence

# --- Qualifiers -----------------------------------------------------------------------
# Phrases before the number (lower-case, as tokens). Order does not matter: the longest
# phrase that ends right before the quantity wins.
QUALIFIERS_BEFORE = {
    "~": "~", "≈": "~", "about": "~", "around": "~", "roughly": "~", "approximately": "~",
    "approx": "~", "approx.": "~", "circa": "~", "c.": "~", "ca.": "~", "some": "~", "nearly": "~",
    "almost": "~", "estimated": "~", "an estimated": "~", "likely": "~", "probably": "~",
    "close to": "~", "in the region of": "~", "on the order of": "~", "somewhere around": "~",
    "more than": ">", "over": ">", "above": ">", "upwards of": ">", "upward of": ">",
    "in excess of": ">", "greater than": ">", "exceeding": ">", "beyond": ">",
    "more then": ">", "north of": ">",
    "at least": ">=", "no less than": ">=", "no fewer than": ">=", "a minimum of": ">=",
    "minimum of": ">=", "not less than": ">=",
    "less than": "<", "fewer than": "<", "under": "<", "below": "<", "fewer then": "<",
    "less then": "<", "shy of": "<", "south of": "<",
    "up to": "<=", "at most": "<=", "no more than": "<=", "as much as": "<=", "as many as": "<=",
    "a maximum of": "<=", "maximum of": "<=", "not more than": "<=", "as high as": "<=",
    "as little as": ">=", "as low as": ">=", "as few as": ">=",
    # "just over 2 hours": a hedge makes "over" a bound even before a duration
    "just over": ">", "slightly over": ">", "a little over": ">", "well over": ">", "just above": ">",
    "slightly above": ">", "well above": ">", "just below": "<", "slightly below": "<", "well below": "<",
    "just under": "<", "slightly under": "<", "a little under": "<", "well under": "<",
}
# Verbs that pass a level say a bound: "topped $3 trillion", "exceeded $5 billion",
# "surged past $100,000", "broke through 20,000" (a movement "to" a level stays "=").
BOUND_VERBS = {
    ">": ("topped", "tops", "topping", "exceed", "exceeds", "exceeded", "surpass", "surpasses", "surpassed",
          "surpassing", "passed", "passes", "crossed", "crosses", "eclipsed", "eclipses", "eclipsing",
          "outstripped", "broke through", "breaks through", "broken through", "broke above", "broke past"),
}
# Of those, verbs that also take counted things literally ("passed 52 bills", "crossed 3
# rivers"): a bound only before an amount, not before a count noun.
LITERAL_BOUND_VERBS = {"passed", "passes", "crossed", "crosses"}
# "past" after a verb of movement: "surged past", "rose past", "blew past".
PAST_VERBS = ("surged", "surges", "surging", "rose", "rises", "rising", "climbed", "climbs", "jumped", "jumps",
              "moved", "moves", "pushed", "pushes", "shot", "soared", "soars", "raced", "races", "sailed", "blew",
              "went", "goes", "edged", "crept", "inched", "broke", "breaks", "zoomed", "rocketed", "powered", "sped",
              "got", "gets", "climbing", "pushing")
QUALIFIERS_BEFORE.update({p: q for q, ps in BOUND_VERBS.items() for p in ps})
QUALIFIERS_BEFORE.update({f"{v} past": ">" for v in PAST_VERBS})
# After the quantity: "(estimated)", "or more", "+".
QUALIFIERS_AFTER = {
    "+": ">=", "or more": ">=", "and up": ">=", "or higher": ">=", "and above": ">=", "plus": ">=",
    "or less": "<=", "or fewer": "<=", "and below": "<=",
    # "a BMI of 30 or above", "aged 65 and over", "children aged 5 or under"
    "or above": ">=", "or over": ">=", "and over": ">=", "or greater": ">=", "or older": ">=", "and older": ">=",
    "or longer": ">=", "or below": "<=", "or under": "<=", "and under": "<=", "or lower": "<=",
    "or younger": "<=", "and younger": "<=",
    "( estimated )": "~", "(estimated)": "~", "( est . )": "~", "( approx . )": "~",
}
# A negation right before a bound turns it over: "not exceeding 1,200mg", "will not exceed
# $500", "should not receive more than 2.5 mL", "must not be more than £20,000" are at most
# (<=); "not below 18", "can't be less than 5" at least (>=). Up to NEGATION_GAP words may
# stand between the negation and the bound, none of NEGATION_BLOCKERS ("not that more than
# half..." negates something else).
NEGATIONS = {"not", "n't", "never", "cannot", "nt"}
NEGATED_BOUNDS = {">": "<=", "<": ">="}
NEGATION_GAP = 2
NEGATION_BLOCKERS = {"that", "only", "just", "because", "if", "when", "but", "and", "or", "even", "merely", "simply"}
# A bound beats an approximation ("estimated $100M+" is >=).
QUALIFIER_RANK = {"=": 0, "~": 1, ">=": 2, ">": 2, "<=": 2, "<": 2}

# Dimensions share the unit of their last member: "12 x 8 x 4 inches", "a 10 by 12 foot room".
DIMENSION_CONNECTORS = {"x", "×", "by"}

# --- Ranges -----------------------------------------------------------------------------
RANGE_CONNECTORS = [("-",), ("–",), ("—",), ("to",), ("-", "to"), ("–", "to"), ("through",), ("or",)]
# "between 10 and 20", "from 10 to 20" ("from ... to" is a change, not a range: not merged)
BETWEEN_WORDS = {"between"}
FROM_WORDS = {"from"}

# --- Not claims ---------------------------------------------------------------------------
# A number right after one of these is an identifier ("Section 230", "page 4", "No. 1").
ID_NOUNS = {
    "section", "chapter", "figure", "fig", "fig.", "table", "page", "pages", "p.", "pp.", "version", "v",
    "no", "no.", "number", "#", "step", "phase", "level", "tier", "gen", "generation", "series",
    "model", "type", "class", "room", "route", "article", "item", "exhibit", "appendix", "part",
    "rule", "grade", "row", "line", "box", "lot", "unit", "question", "q", "episode", "season",
    "vol", "vol.", "volume", "issue", "case", "stage", "zone", "highway", "exit", "interstate", "i-",
    "channel", "category", "gate", "terminal", "platform", "flight", "pier", "junction", "bay", "berth", "ward",
    "kernel", "firmware", "bluetooth", "usb", "hdmi", "pcie", "wi-fi", "wifi", "android", "ios", "macos",
}
# Identifier nouns in the plural name a list of identifiers ("junctions 10 and 11", "gates
# 4-6"): a bare number right after one is an identifier (not one with a unit: "opened the
# gates 2 hours early").
ID_LIST_NOUNS = {
    "sections", "chapters", "figures", "tables", "pages", "versions", "steps", "phases", "levels", "tiers",
    "models", "types", "rooms", "routes", "articles", "items", "exhibits", "appendices", "parts", "rules",
    "grades", "rows", "lines", "boxes", "lots", "questions", "episodes", "seasons", "volumes", "issues", "stages",
    "zones", "highways", "exits", "interstates", "channels", "categories", "gates", "terminals", "platforms",
    "flights", "piers", "junctions", "bays", "berths", "wards", "lanes", "docks", "units", "classes",
}
# Words that join the members of such a list ("pages 4 and 5", "junctions 10, 11 and 12",
# "gates 4-6"): every member is an identifier.
ID_LIST_LINKS = {",", "and", "or", "&", "-", "–", "to", "through"}
# Verbs that a capitalised word before a number may be, rather than a name's head ("Llama 2",
# "Windows 10"): an imperative opening a sentence or line ("Whisk 3 eggs", "Hire 40 workers")
# or a headline's verb in Title Case ("Police Arrest 3 Men"), when a counted noun follows
# the number (see quantities._counted_not_named). spaCy's stop words ("Take", "Make", "Give")
# are no name's head anyway. Verbs that are also product names ("Fire 7", "Switch 2",
# "Charge 5", "Pick 3") are left out.
ACTION_VERBS = {
    # imperatives of recipes, instructions and lists
    "add", "whisk", "chop", "dice", "slice", "peel", "mix", "stir", "combine", "beat", "crack", "bake", "boil",
    "fry", "grill", "roast", "pour", "melt", "mash", "grate", "mince", "soak", "rinse", "drain", "season",
    "sprinkle", "blend", "knead", "roll", "shape", "divide", "arrange", "layer", "cook", "heat", "simmer",
    "hire", "buy", "use", "bring", "plant", "sow", "grab", "choose", "select", "prepare", "wash", "cut", "trim",
    "drink", "eat", "walk", "read", "write", "list", "name", "pack", "order", "book", "visit", "try", "invite",
    "recruit", "train", "gather", "collect", "fill", "remove", "replace", "install", "attach", "insert",
    # headline verbs (third person, Title Case)
    "adds", "hires", "buys", "sells", "recalls", "arrests", "arrest", "kills", "kill", "injures", "injure",
    "evacuates", "evacuate", "forces", "rescues", "rescue", "saves", "sheds", "cuts", "lays", "axes", "scraps",
    "sacks", "jails", "charges", "deports", "frees", "releases", "detains", "destroys", "scorches", "burns",
    "floods", "strands", "displaces", "leaves", "wins", "loses", "gains", "opens", "closes", "builds", "signs",
    "names", "bans", "fines", "sues", "adopts", "welcomes", "honours", "honors", "recruits", "trains", "plants",
    "unveils", "launches", "orders", "approves", "rejects", "reports", "confirms", "finds", "seizes", "recovers",
}
# Races named by their distance: "100m hurdles" is a hundred metres, not 100 million.
DISTANCE_EVENTS = {"hurdles", "sprints", "relays", "freestyles", "races", "finals", "heats", "dashes",
                   "backstroke", "breaststroke", "medley", "steeplechase"}
# Stock indices whose name ends in a number, as written in lower-case text too
# ("ftse 100", "S&P 500", "cac 40"); title-case names are caught by the name rule.
INDEX_NAMES = {"s&p", "sp", "ftse", "dax", "cac", "stoxx", "nikkei", "nifty", "sensex", "russell", "asx", "kospi",
               "ibex", "aex", "smi", "tsx", "nasdaq", "topix", "omx", "klci", "hsi", "bse", "mib"}
INDEX_BIGRAMS = {("s", "p"), ("euro", "stoxx"), ("hang", "seng"), ("s&p", "asx"), ("s&p", "tsx")}
# Capitalised words after a number that make it a model's name ("737 Max", "11 Pro").
MODEL_WORDS = {"Pro", "Max", "MAX", "Plus", "Ultra", "Mini", "Dreamliner", "Series", "Edition", "Neo", "Lite",
               "XL", "GT", "GTI", "Turbo", "Prime", "Classic", "Fold", "Flip"}
# Years outside 1800-2100: with an era, or after a word that dates ("by 2120", "until 1650").
ERA_WORDS = {"a.d.", "ad", "a.d", "bc", "b.c.", "bce", "ce", "b.c"}
YEAR_CUES = {"by", "until", "till", "since", "before", "after", "circa", "c.", "in", "year"}
# A prefix glued by a hyphen that bounds the number ("sub-7 nanometer", "sub-$1,000 phones").
HYPHEN_PREFIX_BOUNDS = {"sub": "<", "under": "<", "over": ">"}
# Scores: "beat Arsenal 3-1", "won 121-115", "a 2-0 win", "6-4, 7-6" are results, not claims.
SCORE_VERBS = {"beat", "beats", "beating", "won", "win", "wins", "winning", "lost", "lose", "loses", "losing",
               "defeated", "defeat", "defeats", "drew", "draw", "draws", "drawn", "trailed", "trail", "trails",
               "trailing", "led", "leads", "leading", "edged", "thrashed", "routed", "downed", "clinched",
               "crushed", "swept", "tied", "levelled", "leveled", "finished", "ended", "scoreline",
               # votes are results too: "voted 7-2 to approve", "approved the bill 58-42", "ruled 6-3"
               "voted", "vote", "votes", "voting", "approved", "approves", "rejected", "rejects", "passed",
               "ruled", "rules", "upheld", "struck", "confirmed", "elected", "overturned", "backed", "defeated"}
SCORE_NOUNS = {"win", "wins", "victory", "victories", "defeat", "defeats", "loss", "losses", "draw", "tie",
               "lead", "record", "scoreline", "thrashing", "rout", "home", "away", "aggregate", "penalties",
               "shootout", "decision", "count", "sweep", "down", "up",
               # "a 5-4 ruling", "by a 58-42 margin", "a 7-2 vote"
               "vote", "votes", "ruling", "rulings", "verdict", "margin", "majority", "split", "tally", "opinion"}
# Words that may follow a score ("won 3-1 in Madrid", "3-1 against Spurs", "won 6-4, 7-6").
SCORE_FOLLOWERS = SCORE_NOUNS | {"in", "on", "at", "against", "over", "after", "with", "to", "and", "for",
                                 "as", "thanks", "before", "when", "while", "but", "at", "last", "this"}
# Street words: "1450 Broadway", "30 Rockefeller Plaza", "221B Baker Street" are addresses.
STREET_WORDS = {"Street", "St", "Avenue", "Ave", "Road", "Rd", "Plaza", "Terrace", "Boulevard", "Blvd",
                "Lane", "Ln", "Drive", "Dr", "Way", "Place", "Pl", "Square", "Sq", "Broadway", "Court",
                "Ct", "Parkway", "Pkwy", "Highway", "Hwy", "Alley", "Crescent", "Close", "Row", "Quay",
                "Embankment", "Strasse", "Straße", "Rue", "Calle", "Via"}
# "the '80s", "the 90s", "the mid-70s": a decade (a period), not 80 seconds.
DECADE_BEFORE = {"'", "’", "the", "early", "late", "mid", "mid-", "in", "of", "since", "by"}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.",
    "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.",
    "nov", "nov.", "dec", "dec.",
}
# "last/past/next N units" is a period only after a determiner or a preposition ("the last
# 11 weeks", "over the past year", "in next 5 years"); after "to", a modal or a verb, "last"
# is the verb and the figure a duration ("expected to last 11 weeks", "will last 3 days").
PERIOD_VERB_LIKE = {"last", "past", "next"}
PERIOD_LEADS = {"the", "this", "these", "that", "those", "its", "their", "his", "her", "our", "my", "your",
                "over", "in", "for", "during", "within", "throughout", "of", "from", "since", "at", "on", "by",
                "into", "across", "through", "about", "around", "than", "and", "or", "each", "every", "a", "an"}
# Words near a race time ("won in 2:02:42", "ran 1:45.32", "a course record of 2:15:25"): with
# one of them in the sentence a time written h:mm:ss or m:ss.cc is a duration, not a clock time.
RACE_WORDS = {"race", "races", "raced", "racing", "finish", "finished", "finishes", "finishing", "won", "win", "wins",
              "winning", "winner", "time", "times", "timed", "record", "records", "clocked", "clocking", "clocks",
              "ran", "run", "runs", "running", "runner", "marathon", "sprint", "lap", "laps", "medal", "gold", "silver",
              "bronze", "champion", "personal", "best", "pb", "heat", "final", "swam", "swim", "cycled", "triathlon",
              "qualifying", "fastest", "stage", "course", "podium", "seconds", "behind", "ahead", "victory"}
TIME_OF_DAY = {"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "gmt", "utc", "est", "pst", "et", "pt"}
# Words before a bare "half of" that make it a part, not a share (see _Scan._part_of_a_whole).
HALF_OF_NAMES = {"the", "this", "that", "first", "second", "latter", "former", "back", "front", "last", "final",
                 "other", "each", "every", "top", "bottom", "upper", "lower", "northern", "southern", "eastern",
                 "western", "better", "worse", "her", "his", "my", "your", "its", "their", "our"}
# After "at" an h:mm:ss time is a clock time ("started at 9:15:30"), except after these
# words, which give a result ("the record stands at 2:00:35", "finished at 2:09:13").
# (An m:ss.cc time is never a clock time.)
RACE_RESULT_BEFORE_AT = {"stands", "stood", "standing", "finished", "finish", "finishes", "clocked", "timed",
                         "crossed", "record", "best", "time"}

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "inc.", "ltd.", "co.", "corp.",
    "e.g.", "i.e.", "etc.", "vs.", "no.", "fig.", "approx.", "est.", "u.s.", "u.k.", "jan.", "feb.",
    "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "p.", "pp.",
    "vol.", "ca.", "cf.", "al.",
}

# --- Counts of things ---------------------------------------------------------------------
# Words that look plural but are not count nouns after a number.
NOT_COUNT_NOUNS = {
    "is", "was", "has", "this", "its", "as", "us", "thus", "plus", "minus", "less", "unless",
    "across", "always", "perhaps", "whereas", "yes", "does", "goes", "ago", "also", "afterwards",
    "towards", "besides", "sometimes", "news", "series", "species", "means", "its", "hers", "ours",
    "yours", "theirs", "whose", "process", "access", "business", "success", "loss", "class",
    "gross", "bus", "gas", "status", "analysis", "basis", "crisis", "thesis", "campus", "bonus",
    "versus", "via", "lbs", "mos", "yrs", "hrs", "mins", "secs", "wks", "cos", "alias", "atlas",
    "focus", "virus", "census", "consensus", "chaos", "canvas", "always", "nevertheless",
    "whereas", "previous", "various", "serious", "famous", "numerous", "enormous", "tremendous",
    "obvious", "continuous", "anonymous", "autonomous", "dangerous", "ambitious", "cautious",
}
# Counted units written as acronyms ("20,000 TEU", "5,000 TEUs": twenty-foot equivalent
# units of containers): form -> the count noun reported.
COUNT_ACRONYMS = {"TEU": "TEU", "TEUs": "TEU", "FEU": "FEU", "FEUs": "FEU"}
# "a 320-strong herd": "-strong" after a number says how many members, no count noun.
MEMBER_WORDS = {"strong"}
# Plural time units a number may reach past one modifier: "29 peak days", "7 travel days",
# "5 business days" (not the singular of a compound: "a 5 year plan").
PLURAL_TIME_UNITS = {"days", "weeks", "months", "years", "hours", "minutes", "decades"}
# Words before a bare scaled number that compare it with the figure before it in the same
# clause, which gives it its unit: "162 million tonnes, up 4 million", "rose 5 million tonnes
# to 40 million".
CHANGE_LINKS = {"up", "down", "to", "from"}
IRREGULAR_PLURALS = {"people", "children", "men", "women", "staff", "personnel", "employees",
                     "mice", "geese", "teeth", "feet", "cattle", "police", "data", "media", "criteria",
                     "phenomena", "persons", "sheep", "fish", "deer", "aircraft", "households"}
# Modifiers that may stand between a number and its count noun ("2 market segments",
# "a dozen credible companies") are any words; these stop the search instead.
# Words that may stand between a number and the noun it counts ("2 million more customers").
COUNT_MODIFIERS = {"more", "fewer", "less", "additional", "extra", "further", "new", "other"}
COUNT_STOP_WORDS = {
    "of", "in", "on", "at", "by", "for", "to", "from", "with", "and", "or", "but", "than", "per",
    "the", "a", "an", "that", "which", "who", "is", "are", "was", "were", "be", "been", "will",
    "would", "can", "could", "should", "may", "might", "has", "have", "had", "do", "does", "did",
    "this", "these", "those", "it", "its", "their", "his", "her", "our", "my", "your", "into",
    "over", "under", "about", "after", "before", "during", "since", "until", "while", "if",
    "when", "where", "as", "so", "not", "no", "all", "each", "every", "some", "more", "less",
    "most", "least", "up", "down", "out", "off", "ago", "now", "then", "also", "just", "only",
    "year", "years", "month", "months", "day", "days", "week", "weeks", "time", "times",
}

# Words that make "points" after a number percentage points: the clause is about a rate,
# a yield, a share or a margin (a percentage figure in the clause says so too; see
# quantities._rate_context).
RATE_CONTEXT_WORDS = {
    "rate", "rates", "yield", "yields", "unemployment", "jobless", "inflation", "margin", "margins", "spread",
    "spreads", "share", "percentage", "interest", "mortgage", "mortgages", "fed", "ecb", "boe",
    "poll", "polls", "approval", "turnout", "coupon", "apr", "cpi", "participation", "vacancy", "occupancy",
    "hike", "hikes", "bps", "basis", "treasury", "treasuries", "gilt", "gilts", "bund", "bunds", "bond", "bonds",
}
# A percentage figure in the clause says so too, unless it restates the change (", or 2.6%").
PERCENT_WORDS = {"%", "percent", "pct"}
RESTATEMENT_WORDS = {"or", "("}
SENTENCE_STOPS = {".", "!", "?", ";"}
# Words before a level ("to 1,402 points", "closed at 7,402 points"): a percentage change in
# the clause does not make those percentage points; only a rate word does.
LEVEL_WORDS = {"to", "at"}

# --- Direction ------------------------------------------------------------------------------
# Verbs of change that say no direction by themselves ("trimmed by a third" is down).
CHANGE_VERBS = {"lowered", "lower", "trimmed", "trim", "slash", "narrowed", "narrow", "widened", "widen",
                "shrink", "changed", "change", "adjusted"}
DIRECTION_WORDS = {
    "up": {"rose", "rise", "rises", "rising", "risen", "increase", "increased", "increases",
           "increasing", "grew", "grow", "grows", "growing", "growth", "gain", "gained", "gains",
           "jumped", "jump", "jumps", "climbed", "climb", "soared", "surged", "surge", "up",
           "higher", "more", "boost", "boosted", "expanded", "doubled", "tripled", "faster",
           "improvement", "improved", "speedup", "added", "raised", "hike", "hiked", "widened",
           "widen", "widens", "accelerated", "rebounded", "recovered", "advanced", "increasing"},
    "down": {"fell", "fall", "falls", "falling", "fallen", "drop", "dropped", "drops", "decline",
             "declined", "declines", "decrease", "decreased", "decreases", "down", "lower",
             "cut", "cuts", "reduction", "reduced", "reduce", "reduces", "cheaper",
             "saving", "slashed", "slumped", "plunged", "shrank", "shrunk", "lost", "loss",
             "less", "fewer", "halved", "slower", "smaller", "lowered", "eased", "eases", "easing",
             "narrowed", "narrow", "narrows", "slowed", "slowing", "trimmed", "shed", "tumbled",
             "slid", "slipped", "sank", "contracted", "dipped", "retreated", "downgraded"},
}
# "8K video", "4K TV": K names a resolution there, not a thousand.
RESOLUTION_NOUNS = {"video", "videos", "tv", "tvs", "display", "displays", "screen", "screens", "resolution",
                    "monitor", "monitors", "camera", "cameras", "recording", "streaming", "content", "footage",
                    "playback", "panel", "panels", "at", "hdr", "ultra"}
# Verbs before "up to" / "down to" that make it a movement, not a bound ("edged up to 6.8%").
MOVEMENT_VERBS = {"edged", "edges", "inched", "inches", "ticked", "ticks", "crept", "creeps", "moved", "moves",
                  "went", "goes", "climbed", "climbs", "jumped", "jumps", "shot", "rose", "rises", "fell", "falls",
                  "dropped", "drops", "came", "comes", "stepped", "bumped", "revised", "marked", "trimmed", "cut"}
# Direction words that are nouns: a verb near the figure says more ("cut its growth
# forecast to 0.75%" is down).
DIRECTION_NOUNS = {"growth", "increase", "decrease", "reduction", "improvement", "speedup", "loss", "gain", "gains",
                   "decline", "drop", "rise", "surge", "hike"}
# Comparatives right after a figure: "1.9% higher", "30% cheaper".
COMPARATIVES = {"higher": "up", "more": "up", "faster": "up", "larger": "up", "bigger": "up", "greater": "up",
                "up": "up", "lower": "down", "less": "down", "fewer": "down", "cheaper": "down", "slower": "down",
                "smaller": "down", "down": "down", "lighter": "down", "shorter": "down"}
# Verbs of movement: after them "X to Y" is a change and a level, not a range.
MOVEMENTS = {"rose", "rises", "risen", "increased", "increases", "grew", "grows", "jumped", "jumps", "climbed",
             "climbs", "soared", "surged", "gained", "gains", "added", "fell", "falls", "fallen", "dropped", "drops",
             "declined", "declines", "decreased", "decreases", "slid", "slipped", "sank", "tumbled", "plunged",
             "slumped", "shrank", "eased", "narrowed", "widened", "dipped", "improved", "cut", "lowered", "raised",
             "boosted", "trimmed", "slashed",
             # the base forms after an auxiliary ("will rise from ¥210 to ¥230", "could jump $5 to $50")
             "rise", "fall", "jump", "climb", "drop", "increase", "decrease", "grow", "gain", "decline", "slide",
             "sink", "soar", "surge", "plunge", "tumble", "slump", "dip", "raise", "boost", "lower", "slash",
             "jumping", "rising", "falling", "climbing", "dropping", "increasing", "decreasing", "growing",
             # verbs of change and their participles ("reduced on appeal from $4.7m to $1.1m",
             # "will be extended by 500m to 3,100m", "was revised from 5 mg to 3 mg")
             "reduced", "reduce", "reduces", "reducing", "reduction", "extended", "extend", "extends", "extending",
             "lifted", "lift", "lifts", "revised", "revise", "revises", "expanded", "expand", "expands", "hiked",
             "hike", "hikes", "upgraded", "downgraded", "shortened", "lengthened", "upped", "trim", "trims",
             "cuts", "cutting", "lowers", "lowering", "raises", "raising", "boosts", "slashes", "widens", "narrows"}
# A change verb counts for "from X to Y" / "by X to Y" anywhere earlier in the clause, at most
# CHANGE_LOOKBACK words back ("cut the main rate of national insurance by 2p to 8p"); a
# comma, a sentence end or one of RANGE_WORDS ("prices ranged from $5 to $10") stops the search.
CHANGE_LOOKBACK = 8
RANGE_WORDS = {"range", "ranges", "ranged", "ranging", "between", "vary", "varies", "varied", "varying", "spanning",
               "spans", "spanned", "anywhere"}
# A particle after a verb of motion is a movement too: "went up from ¥210 to ¥230", "go down $3 to $40".
MOVEMENT_PARTICLES = {"up", "down"}
MOVEMENT_PARTICLE_VERBS = {"go", "goes", "went", "gone", "going", "move", "moved", "moves", "shot", "shoot", "shoots",
                           "edged", "inched", "ticked", "crept", "came", "come", "comes", "stepped", "bumped",
                           "marked", "revised", "trended", "pushed", "driven", "drove"}
# Bound words that say no direction before "than" / "to": "fell by more than 6%" is down,
# "up to 140 mph" is a bound.
BOUND_BEFORE = {"more": "than", "less": "than", "fewer": "than", "up": "to", "down": "to", "higher": "than",
                "lower": "than"}
