#!/usr/bin/env python3
"""Writes bench/relevance_topics.tsv: topical queries for bench/relevance with judged records.

The queries are written by hand (below), as a historian would type them, each about one topic
of the three FRUS volumes in ../shared/corpus/frus. The judgments are the volumes' own: the
records relevant to a query are the documents the FRUS editors filed under the chapter (or
chapters) of that topic, read from the TEI (a record's id is <volume>/<document xml:id>, as
arkiv's TEI importer makes it). So no judgment comes from arkiv's ranking.

Usage: bench/relevance_topics.py ../shared/corpus/frus > bench/relevance_topics.tsv
"""
import re
import sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# (query, volume, [words that start the chapter heading...]): a chapter matches when its
# heading starts with one of the given beginnings.
TOPICS = [
    ("American credit to the Provisional Government 1917", "frus1918Russiav03", ["Offer of a credit to the Russian Provisional Government"]),
    ("Soviet repudiation of foreign loans", "frus1918Russiav03", ["Decree of the Soviet government repudiating"]),
    ("financial assistance to the northern region Archangel", "frus1918Russiav03", ["Proposals for financial assistance to the provisional government of the northern region"]),
    ("all-Russian currency commodity plan", "frus1918Russiav03", ["American plan of an all-Russian currency"]),
    ("export restrictions to Russia after the Bolshevik revolution", "frus1918Russiav03", ["Restriction of exports to Russia"]),
    ("economic mission to Siberia", "frus1918Russiav03", ["American project of an economic and educational mission to Siberia"]),
    ("War Trade Board Russian Bureau", "frus1918Russiav03", ["Establishment of the War Trade Board"]),
    ("Chinese embargo on exports to Siberia", "frus1918Russiav03", ["Chinese embargo on exports to Siberia"]),
    ("Stevens railway commission to Russia", "frus1918Russiav03", ["Arrangements for an American commission under John F. Stevens"]),
    ("Russian Railway Service Corps at Harbin", "frus1918Russiav03", ["Establishment of Stevens and a portion of the Railway Service Corps"]),
    ("Japanese objections to the Stevens railway plan", "frus1918Russiav03", ["Plan for management of the railways by Stevens"]),
    ("Volunteer Fleet ships chartered by the Shipping Board", "frus1918Russiav03", ["Charter of several ships of the Volunteer Fleet"]),
    ("armistice messages end of hostilities", "frus1919Parisv01", ["Statements and messages regarding the termination of hostilities"]),
    ("The Inquiry preparations for the peace", "frus1919Parisv01", ["Organization and work of"]),
    ("where to hold the peace conference", "frus1919Parisv01", ["Choice of place for the Conference"]),
    ("President Wilson voyage to Europe", "frus1919Parisv01", ["President Wilson"]),
    ("press censorship at the peace conference", "frus1919Parisv01", ["Censorship and relations with the press"]),
    ("Latin American republics at the peace conference", "frus1919Parisv01", ["American Republics"]),
    ("Chinese delegation at the peace conference", "frus1919Parisv01", ["China"]),
    ("Liberia at the peace conference", "frus1919Parisv01", ["Liberia", "Liberian affairs"]),
    ("Persian claims at the peace conference", "frus1919Parisv01", ["Persia"]),
    ("Russian representation at Paris", "frus1919Parisv01", ["Russia"]),
    ("Switzerland at the peace conference", "frus1919Parisv01", ["Switzerland"]),
    ("Italian claims 1919", "frus1919Parisv01", ["Italy"]),
    ("League of Nations proposals", "frus1919Parisv01", ["Proposals for a League of Nations"]),
    ("labor questions at the peace conference", "frus1919Parisv01", ["Labor questions"]),
    ("Tacna-Arica dispute Chile Peru", "frus1919Parisv01", ["The Tacna-Arica question"]),
    ("London Naval Conference 1930", "frus1930v01", ["The London Naval Conference"]),
    ("French and Italian naval parity", "frus1930v01", ["Negotiations looking toward a solution of the problem of French and Italian naval construction"]),
    ("Preparatory Commission for the Disarmament Conference", "frus1930v01", ["Participation of the United States in the work of the Preparatory Commission"]),
    ("Hague codification conference nationality", "frus1930v01", ["Conference for the Codification of International Law"]),
    ("Bank for International Settlements", "frus1930v01", ["Policy of the United States regarding the Bank for International Settlements"]),
    ("tariff truce conference Geneva observers", "frus1930v01", ["Presence of American unofficial observers at Geneva"]),
    ("deportation of alien seamen", "frus1930v01", ["Representations by foreign governments regarding Senate bills for the deportation"]),
    ("load lines conference London", "frus1930v01", ["International Conference on Load Lines"]),
    ("oil pollution of navigable waters", "frus1930v01", ["Disinclination of the United States to act to secure ratification of draft convention on oil pollution"]),
    ("inter-American highway survey", "frus1930v01", ["Cooperation of the United States with several other governments in reconnaissance surveys"]),
    ("automotive traffic convention", "frus1930v01", ["Convention on the regulation of automotive traffic"]),
    ("Chaco dispute Bolivia Paraguay", "frus1930v01", ["Acceptance by Bolivia and Paraguay"]),
    ("Guatemala Honduras boundary", "frus1930v01", ["Guatemala and Honduras"]),
    ("Honduras Nicaragua boundary", "frus1930v01", ["Honduras and Nicaragua"]),
    ("revolution in Argentina 1930", "frus1930v01", ["Revolution in Argentina"]),
    ("Austrian relief loan", "frus1930v01", ["Consent to subordination of the Austrian relief loan"]),
    ("revolution in Bolivia", "frus1930v01", ["Revolution in Bolivia"]),
    ("revolution in Brazil", "frus1930v01", ["Revolution in Brazil"]),
    ("American naval mission to Brazil", "frus1930v01", ["Termination of contract for American naval mission to Brazil"]),
    ("double taxation of shipping profits Brazil", "frus1930v01", ["Arrangement between the United States and Brazil granting relief from double income tax"]),
    ("dual nationality Brazilian passports", "frus1930v01", ["Representations against Brazilian policy of requiring Brazilians of dual nationality"]),
    ("sockeye salmon Fraser River", "frus1930v01", ["Convention between the United States and Canada for the protection of the Fraser River"]),
    ("halibut fishery convention", "frus1930v01", ["Convention between the United States and Canada for the preservation of the halibut"]),
    ("St. Lawrence waterway", "frus1930v01", ["Project for improvement of the St. Lawrence Waterway"]),
    ("aviation radio conference Canada", "frus1930v01", ["Aviation radio conference"]),
    ("liquor smuggling convention Chile", "frus1930v01", ["Convention between the United States and Chile for prevention of smuggling"]),
    ("smuggling convention with Canada", "frus1930v01", ["Proposed convention between the United States and Canada to amend the convention for the suppression of smuggling"]),
]


def text(e):
    return re.sub(r"\s+", " ", "".join(e.itertext())).strip() if e is not None else ""


def chapters(path):
    """(heading, [document xml:id]) of every division that holds documents directly."""
    out = []

    def visit(node, heading):
        docs = []
        for c in node:
            if c.tag != TEI + "div":
                continue
            if c.get("type") == "document":
                docs.append(c.get(XML_ID))
            else:
                visit(c, text(c.find(TEI + "head")))
        if docs:
            out.append((heading, docs))

    visit(ET.parse(path).getroot().find(f".//{TEI}text/{TEI}body"), "")
    return out


def main():
    folder = sys.argv[1]
    volumes = {}
    print("# Topical queries for bench/relevance, written by bench/relevance_topics.py (see its header):")
    print("# query<TAB>relevant record ids (the documents FRUS files under the topic's chapter).")
    for query, volume, starts in TOPICS:
        if volume not in volumes:
            volumes[volume] = chapters(f"{folder}/{volume}.xml")
        ids = [f"{volume}/{d}" for heading, docs in volumes[volume] for d in docs if any(heading.startswith(s) for s in starts)]
        if not ids:
            sys.exit(f"no chapter for '{query}'")
        print(f"{query}\t{' '.join(ids)}")


main()
