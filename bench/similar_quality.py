#!/usr/bin/env python3
"""How good "more like this" is on FRUS volumes, read as a reader sees it: the related
documents each FRUS document page lists (<ul class="related">), and for each of them its
volume (the id's first part) and date (the JSON API). A related document counts as fitting
when it is from the same volume or its date lies within 5 years of the document's.

    similar_quality.py http://127.0.0.1:PORT [--prefix frus]

Works against any arkiv server that shows the list on its pages, so an older build can be
measured the same way (bench/similar-quality runs both)."""
import argparse
import html
import json
import re
import sys
import urllib.parse
import urllib.request


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read().decode("utf-8")


def years(date):
    """(first, last) year of a record's date, or None when undated or open."""
    e, l = date.get("earliest", ""), date.get("latest", "")
    if len(e) < 4 or len(l) < 4 or e.startswith("0000") or l.startswith("9999"):
        return None
    return int(e[:4]), int(l[:4])


def apart(a, b):
    if a is None or b is None:
        return None
    return max(0, b[0] - a[1], a[0] - b[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--prefix", default="frus")
    ap.add_argument("--examples", type=int, default=0, help="print this many misfits")
    args = ap.parse_args()
    base = args.base.rstrip("/")
    ids = []
    page = 1
    while True:  # every record whose id starts with the prefix, by the browse of the API search
        q = urllib.parse.urlencode({"limit": 100, "page": page, "sort": "date"})
        body = json.loads(get(f"{base}/api/v1/search?{q}"))
        ids += [h["id"] for h in body["hits"] if h["id"].startswith(args.prefix)]
        if len(body["hits"]) < 100:
            break
        page += 1
    info = {}

    def record(i):
        if i not in info:
            d = json.loads(get(f"{base}/api/v1/documents/{urllib.parse.quote(i)}"))
            info[i] = (i.split("/")[0], years(d.get("date", {})), d.get("title", ""))
        return info[i]

    listed = fit = same_volume = within5 = empty = 0
    per_volume = {}
    misfits = []
    for i in ids:
        page_html = get(f"{base}/documents/{urllib.parse.quote(i)}")
        m = re.search(r'<ul class="related">(.*?)</ul>', page_html, re.S)
        related = [urllib.parse.unquote(html.unescape(h)) for h in re.findall(r'href="/documents/([^"]+)"', m.group(1))] if m else []
        if not related:
            empty += 1
        vol, span, title = record(i)
        for r in related:
            rvol, rspan, rtitle = record(r)
            gap = apart(span, rspan)
            same = rvol == vol
            near = gap is not None and gap <= 5
            listed += 1
            same_volume += same
            within5 += near
            ok = same or near
            fit += ok
            v = per_volume.setdefault(vol, [0, 0])
            v[0] += 1
            v[1] += ok
            if not ok:
                misfits.append(f"{i} ({span}) -> {r} ({rspan}): {rtitle[:60]}")
    share = fit / listed if listed else 0.0
    print(f"records measured: {len(ids)} (ids starting '{args.prefix}'); with no related documents: {empty}")
    print(f"related documents listed: {listed} ({listed / max(1, len(ids)):.2f} per record)")
    print(f"from the same volume: {same_volume / max(1, listed):.3f}; within 5 years: {within5 / max(1, listed):.3f}")
    print(f"same volume or within 5 years: {fit}/{listed} = {share:.3f}")
    for vol, (n, ok) in sorted(per_volume.items()):
        print(f"  {vol}: {ok}/{n} = {ok / n:.3f}")
    for line in misfits[: args.examples]:
        print("  misfit:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
