"""The extractor's vocabulary, each word in one place: legal suffixes, facility nouns, event words.

Other modules build their patterns from these lists instead of spelling the words again, so a
word added here is known to the issuer finder, the event finder, the place finder and the
company matcher at once. Pure data and the regex fragments made from it; no logic.
"""

from __future__ import annotations

import re

from .text import words

# --- company names ---------------------------------------------------------------------------

# Legal forms written after a company's name, as releases spell them (dotted and undotted).
LEGAL_SUFFIXES: tuple[str, ...] = (
    "Inc.", "Inc", "Incorporated", "Corp.", "Corp", "Corporation", "Company", "Co.", "Cos.", "Ltd.", "Ltd",
    "Limited", "LLC", "L.L.C.", "L.P.", "LP", "plc", "PLC", "Plc", "p.l.c.", "AG", "SA", "S.A.", "SE", "NV",
    "N.V.", "B.V.", "BV", "GmbH", "S.p.A.", "SpA", "AB", "ASA", "A/S", "Oyj", "Oy", "KGaA", "KG", "ULC",
    "U.A.", "UA", "e.G.", "eG", "AS", "ApS", "S.r.l.", "Srl", "S.A.S.", "SAS", "SARL", "Pty Ltd",
    "Pty. Ltd.", "K.K.", "S.L.", "Aktiengesellschaft", "Sp. z o.o.", "s.r.o.", "a.s.", "Berhad", "Bhd",
    "Tbk", "A.Ş.", "Pvt. Ltd.", "Pvt Ltd", "Private Limited", "Ltda.", "Ltda", "S.A.B. de C.V.", "de C.V.", "Cooperative", "Co-op",
)  # fmt: skip
# Words that end many company names but are not legal forms; a name may carry several.
NAME_TAIL_WORDS: tuple[str, ...] = ("Group", "Holdings", "Holding", "Industries", "Enterprises", "Partners")


def _alternation(forms: tuple[str, ...]) -> str:
    escaped = (re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))
    return "|".join(escaped)


# "Inc.|Corporation|..." longest first, for regexes that read a name and its legal form
LEGAL_SUFFIX = _alternation(LEGAL_SUFFIXES)
COMPANY_SUFFIX = _alternation(LEGAL_SUFFIXES + NAME_TAIL_WORDS)
# the same without their final dot, for patterns that end them with r"\b\.?" ("Inc", "S.A", "N.V")
COMPANY_SUFFIX_STEM = _alternation(tuple(f.rstrip(".") for f in LEGAL_SUFFIXES + NAME_TAIL_WORDS))
LEGAL_SUFFIX_STEM = _alternation(tuple(f.rstrip(".") for f in LEGAL_SUFFIXES))
# the dotted abbreviations among them ("Inc.", "S.A."), which do not end a sentence
DOTTED_SUFFIXES: frozenset[str] = frozenset(f for f in LEGAL_SUFFIXES if f.endswith(".")) | {"Cos.", "Bros."}
# lower-case, dot-free legal forms: what does not tell one company's name from another's
LEGAL_FORM_WORDS: frozenset[str] = frozenset(re.sub(r"[^a-z0-9]", "", f.lower()) for f in LEGAL_SUFFIXES) - {
    ""
}
# lower-case, dot-free forms, for comparing names ("International Wire Group, Inc." ~ "International Wire")
LEGAL_SUFFIX_WORDS: frozenset[str] = frozenset(
    re.sub(r"[^a-z0-9]", "", form.lower()) for form in LEGAL_SUFFIXES + NAME_TAIL_WORDS
) - {""}

# Legal forms that belong to one country's company law: a release's issuer written with one
# tells which country its bare town names are in ("Acme plc ... the Norwich site").
LEGAL_FORM_COUNTRY: dict[str, str] = {
    "plc": "GB", "oyj": "FI", "asa": "NO", "a/s": "DK", "aps": "DK", "pty ltd": "AU", "pty. ltd.": "AU",
    "k.k.": "JP", "s.a.b. de c.v.": "MX", "ulc": "CA",
}  # fmt: skip
# Currencies written with their own sign or code; the one a release counts its money in is a
# hint to its home country (the euro and the bare dollar are shared, so they are not here).
CURRENCY_COUNTRY: dict[str, str] = {
    "£": "GB", "gbp": "GB", "a$": "AU", "aud": "AU", "c$": "CA", "cad": "CA", "nz$": "NZ", "nzd": "NZ",
    "sek": "SE", "nok": "NO", "dkk": "DK", "₹": "IN", "inr": "IN", "rs.": "IN", "crore": "IN", "lakh": "IN",
    "¥": "JP", "yen": "JP", "zar": "ZA", "rand": "ZA", "rmb": "CN", "yuan": "CN", "chf": "CH", "r$": "BR",
}  # fmt: skip

# --- event types -----------------------------------------------------------------------------

# Event types as the extractor and the models name them, and as corpus labels name them.
EVENT_TYPES: tuple[str, ...] = ("opened", "expanded", "idled", "reopened", "closed", "sold", "acquired")
EVENT_TYPE_OF_LABEL: dict[str, str] = {
    **{t: t for t in ("open", "expand", "idle", "reopen", "close", "sell", "acquire", "relocate")},
    "opened": "open", "expanded": "expand", "idled": "idle", "reopened": "reopen", "closed": "close",
    "sold": "sell", "acquired": "acquire", "relocated": "relocate",
}  # fmt: skip

# --- page chrome -----------------------------------------------------------------------------

# Words of menus, banners, share bars and wire tags around a release on a web page or filing:
# a header line made only of these is furniture, never the headline ("Print News Release").
CHROME_WORDS: frozenset[str] = words(
    """
    press release releases news newsroom media centre center room for immediate print share tweet email
    e-mail facebook linkedin twitter skip to content menu home back view all more read log in sign up
    subscribe english finnish swedish norwegian german french attached files file report this provided by
    exhibit wrap text code codes s pdf ad ads x regulatory announcement announcements stock exchange date
    wire newswire prnewswire prnewswire-firstcall firstcall business businesswire globe globenewswire pr
    cnw telbec marketwire marketwired accesswire source excerpts update updates article related stories top
    chart embargoed statement information investor investors relations corporate company release:
    consumables electronics production latest headlines publication notice rns tidm released number
    about us our products services solutions sustainability careers contact who we are what do
    industries markets locations search blog events resources team history
    """
)
# a news photo's caption, whose date is the picture's: "FILE PHOTO: ...", "FILE - This 2014 file
# photo shows ... (AP Photo/...)", "... REUTERS/Jane Doe"
PHOTO_CAPTION = (
    r"^\s*FILE(?:\s+PHOTO)?\s*[:\-\u2013\u2014]|\bfile\s+photo\b|\((?:AP|AFP)\s+Photo\b|\bREUTERS/[A-Z]"
    r"|\b(?:photo|picture|image)\s*(?:credit\s*)?:\s*(?:Reuters|AP|AFP|Getty|Bloomberg|file)\b"
)
# phrases only page furniture uses: a line holding one is chrome whatever else it says
PAGE_CHROME = (
    r"\bsign\s+up\b|\bsubscri(?:be|ption)\b|\blog\s?in\b|\bcookies?\b|\bjavascript\b|\bskip\s+to\b"
    r"|\bgo\s+to\s+(?:the\s+)?(?:contents?|navigation|main\s+content)\b"
    r"|\bclick\s+here\b|\bview\s+the\s+pdf\b|\bpress\s+releases?\s+posted\b"
    # a reprint site's wrapper around the release it holds: "About this update from Acme Plc [{"type": ..."
    r"|\babout\s+this\s+update\s+from\b|\[\{\s*\"type\"\s*:"
    # the article's own tools: "Print this Article | Send to Colleague", "Printer Friendly"
    r"|\bprint(?:er[- ]friendly|\s+this\s+(?:article|page|story|release))\b|\bsend\s+to\s+(?:a\s+)?(?:colleague|friend)\b"
    # the same furniture on pages in other languages ("skip to main text", "back to top")
    r"|\bweiter\s+zum\b|\bzum\s+(?:inhalt|hauptinhalt)\b|\bzur(?:ück)?\s+zum\s+seitenanfang\b"
    r"|\b(?:aller|passer)\s+au\s+contenu\b|\bretour\s+en\s+haut\b"
    rf"|{PHOTO_CAPTION}"
    # a news page's reading time and staff byline: "1 Min Read", "Reuters Staff"
    r"|^\s*\d{1,2}\s+min(?:ute)?s?\s+read\s*$|^\s*(?:Reuters|AP|AFP|Bloomberg)\s+Staff\s*$"
    # a filing's placeholder for a picture: "[Missing Graphic Reference]", "[LOGO]"
    r"|^\s*\[(?:missing\s+graphic|graphic|logo|image|photo|picture)\b[^\]]*\]\s*$"
)

# --- headline verbs --------------------------------------------------------------------------

# Verbs a release's headline opens its predicate with, in the third person: the words before
# the first of them are the headline's subject, usually the issuer ("Rio Tinto to suspend ...").
HEADLINE_VERBS: frozenset[str] = words(
    """
    announces announced reports reported completes completed closes closed opens opened idles idled
    restarts restarted resumes resumed reopens reopened expands expanded sells sold acquires acquired
    buys bought agrees agreed signs signed provides provided plans planned unveils unveiled inaugurates
    inaugurated breaks begins began starts started moves moved consolidates consolidated extends extended
    curtails curtailed suspends suspended halts halted shuts invests invested receives received names named
    appoints appointed declares declared enters entered confirms confirmed updates gives launches launched
    celebrates celebrated marks marked loses lost posts posted selects selected takes took decides decided
    intends expects
    """
)

# --- nationalities -----------------------------------------------------------------------------

# Countries as they name themselves, which a subsidiary's name often ends in ("Orkla Foods Norge",
# "Acme Deutschland GmbH"): the issuer's home when the release names no other.
COUNTRY_ENDONYM: dict[str, str] = {
    "norge": "NO", "noreg": "NO", "sverige": "SE", "suomi": "FI", "danmark": "DK", "deutschland": "DE",
    "österreich": "AT", "schweiz": "CH", "suisse": "CH", "españa": "ES", "italia": "IT",
    "nederland": "NL", "polska": "PL", "eesti": "EE", "latvija": "LV", "lietuva": "LT", "česko": "CZ",
    "magyarország": "HU", "românia": "RO", "ísland": "IS", "brasil": "BR", "méxico": "MX",
}  # fmt: skip

# Adjectives of the countries releases most often name by them ("the Australian Government",
# "our Canadian operations"): the country a release is about when it names no town's country.
NATIONALITY: dict[str, str] = {
    "american": "US", "australian": "AU", "austrian": "AT", "belgian": "BE", "brazilian": "BR",
    "british": "GB", "canadian": "CA", "chinese": "CN", "danish": "DK", "dutch": "NL",
    "finnish": "FI", "french": "FR", "german": "DE", "indian": "IN", "irish": "IE", "italian": "IT",
    "japanese": "JP", "korean": "KR", "mexican": "MX", "norwegian": "NO", "polish": "PL",
    "portuguese": "PT", "scottish": "GB", "spanish": "ES", "swedish": "SE", "swiss": "CH", "welsh": "GB",
}  # fmt: skip

# Parts of the world a release names for markets and competitors ("capacity additions in Asia"),
# never a site's town, whatever namesake the gazetteer holds (Africa in Mexico, Asia in Peru).
WORLD_REGIONS: frozenset[str] = frozenset(
    {
        "africa", "asia", "europe", "oceania", "americas", "north america", "south america",
        "latin america", "central america", "middle east", "the middle east", "asia pacific",
        "asia-pacific", "southeast asia", "south east asia", "east asia", "scandinavia", "nordics",
        "caribbean", "the caribbean", "emea", "apac", "eastern europe", "western europe",
    }
)  # fmt: skip

# --- facility nouns ----------------------------------------------------------------------------

# What a company buys or sells as real estate rather than as a running site: "acquired a property
# at ...", "the sale of land and buildings in ...", "a portfolio of industrial properties located in".
# A deal's object only: an opening or a closure needs a facility noun.
PROPERTY_NOUN = (
    r"(?:(?<!intellectual\s)propert(?:y|ies)|premises|land\s+and\s+buildings?|buildings?\s+and\s+land"
    r"|(?:industrial|office|freehold|leasehold)\s+(?:buildings?|space|sites?|parks?)"
    # a building as a thing bought, after its article or its floor area ("a 120,000 square foot
    # building"), never the verb ("building a plant")
    r"|(?:(?<=\ba\s)|(?<=\bthe\s)|(?<=\bfoot\s)|(?<=\bfeet\s)|(?<=-foot\s)|(?<=\bmetre\s)|(?<=\bmeter\s))buildings?)"
)

# The nouns of a whole site ("the Camas mill"), singular and plural: what a part of a site (a
# machine, a line) belongs to.
SITE_NOUN = (
    r"(?:plants?|mills?|sawmills?|(?<!credit\s)(?<!loan\s)(?<!revolving\s)(?<!financing\s)(?<!borrowing\s)facilit(?:y|ies)"
    r"|factor(?:y|ies)|(?:steel|iron|glass|paper)?works|sites?|smelters?|refiner(?:y|ies)|foundr(?:y|ies)|mines?|baker(?:y|ies))"
)
# Every noun that names a facility in a release: the site nouns and the kinds of buildings,
# lines and units a company runs.
FACILITY_NOUN = (
    # a mill or works that a company runs as a named division: "its Crofton Division", "its
    # Structural and Rail Division located in Columbia City" (capitalised: "the division" is a unit)
    rf"(?:{SITE_NOUN}|papermills?|warehouses?|(?-i:Divisions?)"
    r"|baker(?:y|ies)|brewer(?:y|ies)|distiller(?:y|ies)|winer(?:y|ies)|dair(?:y|ies)|creamer(?:y|ies)|hatcher(?:y|ies)|canner(?:y|ies)"
    r"|tanner(?:y|ies)|shipyards?|quarr(?:y|ies)|packinghouses?|slaughterhouses?"
    r"|distribution\s+cent(?:er|re)s?|fulfil?lment\s+cent(?:er|re)s?|DCs?|offices?|mines?|smelters?"
    r"|refiner(?:y|ies)|foundr(?:y|ies)|sites?|operations|complex|terminals?|lines?|campus|depots?"
    r"|(?:ship)?yards?|locations?|stores?|laborator(?:y|ies)|cent(?:er|re)s?"
    # a named estate of sites, bought or sold whole: "purchased the Milton Industrial Park"
    r"|(?-i:Industrial\s+(?:Park|Estate)|Business\s+Park)"
    # a unit that makes something is a site: "production unit", "its new bottling unit"
    r"|(?:(?<=production\s)|(?<=ing\s)(?<!operating\s)(?<!reporting\s)(?<!housing\s)(?<!marketing\s)"
    r"(?<!trading\s)(?<!banking\s)(?<!billing\s)(?<!holding\s)(?<!generating\s))units?)"
)
# The nouns an event word takes as its object ("close its Camas plant", "exit the warehouse"):
# narrower than FACILITY_NOUN, which also holds lines, units and yards that would make too many
# openings of their own.
EVENT_OBJECT_NOUN = (
    r"(?:plants?|mills?|baker(?:y|ies)|brewer(?:y|ies)|canner(?:y|ies)|(?<!credit\s)(?<!loan\s)(?<!revolving\s)facilit(?:y|ies)|factor(?:y|ies)|(?:steel|iron|glass|paper)?works|warehouses?|distribution\s+cent(?:er|re)s?"
    r"|fulfil?lment\s+cent(?:er|re)s?|offices?|mines?|smelters?|refiner(?:y|ies)|foundr(?:y|ies)|sites?"
    r"|complex|terminals?|campus|depots?|stores?|laborator(?:y|ies)|cent(?:er|re)s?|headquarters|operations?)"
)
# The nouns a count of sites ends in ("five pulp and paper mills", "16 manufacturing plants"):
# plurals and, after "a" or "one", singulars; a "unit" only after a word that makes it a site.
COUNTED_SITE_NOUN = (
    r"(?:(?<!credit\s)facilities|plants|mills|sawmills|factories|sites|locations|warehouses|distribution\s+cent(?:er|re)s?"
    r"|fulfil?lment\s+cent(?:er|re)s?|mines|smelters|refineries|foundries|bakeries|breweries|stores|showrooms"
    r"|operations|shops|(?<=manufacturing\s)units|(?<=production\s)units|(?<=processing\s)units"
    r"|plant|mill|facility|factory|site|warehouse|mine|bakery|store|location)"
)
# The parts of a site an event can stop or restart on their own: a machine, a line, a furnace.
PART_NOUN = (
    r"(?:(?:paper\s+|production\s+|assembly\s+)?machines?|(?:production\s+|pulp\s+|assembly\s+)?lines?|potlines?"
    r"|(?:blast\s+)?furnaces?|kilns?|ovens?|boilers?|digesters?|presses|reactors?|dryers?|turbines?)"
)
PART_NEEDLES = (
    "machine",
    "line",
    "furnace",
    "kiln",
    "oven",
    "boiler",
    "digester",
    "press",
    "reactor",
    "dryer",
    "turbine",
)
# every facility noun holds one of these (lowercase): a cheap gate before the regex
FACILITY_NEEDLES = (
    "plant", "mill", "facilit", "factor", "works", "warehouse", "baker", "brewer", "distiller", "winer",
    "dair", "creamer", "hatcher", "canner", "tanner", "yard", "quarr", "house", "cent", "dc", "office", "mine",
    "smelter", "refiner", "foundr", "site", "operations", "complex", "terminal", "line", "campus", "depot",
    "location", "store", "laborator", "unit", "division", "industrial", "business park",
)  # fmt: skip

# --- headline words ----------------------------------------------------------------------------

# Words a Title Case headline capitalises that are neither a place nor a company's name: the
# headline is read in sentence case without them, and no issuer is guessed from them.
TITLE_WORDS: frozenset[str] = words(
    """
    announces announce to close closes closing closure idle idles idling idled open opens opening reopen
    reopens reopening expand expands expansion sell sells sale acquire acquires acquisition temporarily
    permanently indefinite indefinitely new its plans will production operations mill plant facility
    newsprint paper pulp steel tin wire manufacturing distribution center two three four five jobs
    restart restarts resume resumes completes complete completed agreement
    """
)
# ... and what else a headline capitalises that names no company ("Ground Broken for Future ...")
NOT_NAME_WORDS: frozenset[str] = TITLE_WORDS | words(
    """
    future plants mills facilities factory site sites ground broken first update announcement results
    quarter year the for and with from into over after
    """
)
