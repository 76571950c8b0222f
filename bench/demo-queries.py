#!/usr/bin/env python3
"""Builds resources/engine/demo-queries.tsv (issue 23): 30 demo queries over the sample catalog with the items a
user typing them wants. Deterministic (seed 23); run from the project root:

    python3 bench/demo-queries.py > resources/engine/demo-queries.tsv

Three kinds, ten each, drawn at random among candidates chosen by rules stated here, not by how any arm or policy
answers them:
- artist_typo: one of the 300 most popular artists whose name is one or two words of letters (the longest word at
  least 5 letters, the name unique in the catalog), typed lower-case with one vowel of its longest word replaced
  (a<->e, i->y, o<->u, y->i: the misspelling "tayler" of issue 23 is of this kind). Wanted: the artist and their
  10 most popular tracks and albums.
- style: one of the 40 most frequent styles (the query-understanding dictionary reads them from the catalog), with
  a station, half of them with a decade of the catalog ("2000s", "2010s") having at least 50 items of the style.
  Wanted: the style's station and the style's 20 most popular items (of the decade, when one is named).
- title: one of the 500 most popular tracks whose title is two to four words of letters, unique among titles of the
  catalog and no artist's name, typed lower-case. Wanted: the items with that title.
"""
import json
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 23
CATALOG = "sample-catalog/catalog.jsonl"
VOWEL_SWAP = {"a": "e", "e": "a", "i": "y", "o": "u", "u": "o", "y": "i"}
WORDS = re.compile(r"^[A-Za-z]+( [A-Za-z]+)*$")


def load():
    with open(CATALOG, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def by_popularity(items):
    return sorted(items, key=lambda i: (-i.get("popularity", 0.0), i["id"]))


def misspell(name, rnd):
    words = name.lower().split()
    longest = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[longest]
    spots = [k for k, ch in enumerate(w) if ch in VOWEL_SWAP and 0 < k]
    if not spots:
        return None
    k = rnd.choice(spots)
    words[longest] = w[:k] + VOWEL_SWAP[w[k]] + w[k + 1:]
    return " ".join(words)


def artist_typos(items, rnd):
    names = Counter(i["title"].lower() for i in items if i["type"] == "artist")
    candidates = []
    for a in by_popularity([i for i in items if i["type"] == "artist"])[:300]:
        name = a["title"]
        words = name.split()
        if WORDS.match(name) and len(words) <= 2 and max(map(len, words)) >= 5 and names[name.lower()] == 1:
            candidates.append(a)
    out = []
    for a in rnd.sample(candidates, len(candidates)):
        q = misspell(a["title"], rnd)
        if q is None:
            continue
        works = by_popularity([i for i in items if i["type"] in ("track", "album") and i["artist"] == a["title"]])
        out.append((q, "artist_typo", [a["id"]] + [w["id"] for w in works[:10]]))
        if len(out) == 10:
            return out
    raise SystemExit("not enough artist candidates")


def styles(items, rnd):
    count = Counter(s for i in items for s in i.get("styles", []))
    stations = {s: i["id"] for i in items if i["type"] == "station" for s in i.get("styles", [])}
    frequent = [s for s, _ in count.most_common(40) if s in stations and s != "Compilation"]
    chosen = rnd.sample(frequent, 10)
    out = []
    for n, style in enumerate(chosen):
        members = [i for i in items if style in i.get("styles", []) and i["type"] != "station"]
        decade = None
        if n % 2 == 1:
            decades = [d for d in (2000, 2010) if sum(1 for i in members if i.get("year", 0) // 10 * 10 == d) >= 50]
            if decades:
                decade = rnd.choice(decades)
                members = [i for i in members if i.get("year", 0) // 10 * 10 == decade]
        q = style.lower() if decade is None else f"{decade}s {style.lower()}"
        out.append((q, "style" if decade is None else "style_decade",
                    [stations[style]] + [m["id"] for m in by_popularity(members)[:20]]))
    return out


def titles(items, rnd):
    title_count = Counter(i["title"].lower() for i in items if i["type"] in ("track", "album"))
    artists = {i["title"].lower() for i in items if i["type"] == "artist"}
    by_title = defaultdict(list)
    for i in items:
        if i["type"] in ("track", "album"):
            by_title[i["title"].lower()].append(i["id"])
    candidates = []
    seen = set()
    for t in by_popularity([i for i in items if i["type"] == "track"])[:500]:
        title = t["title"].lower()
        n_words = len(title.split())
        if WORDS.match(t["title"]) and 2 <= n_words <= 4 and title not in artists and title not in seen:
            # unique: one track of that title (its album may share it)
            if sum(1 for i in items if i["type"] == "track" and i["title"].lower() == title) == 1:
                candidates.append(title)
                seen.add(title)
    return [(q, "title", sorted(by_title[q])) for q in rnd.sample(candidates, 10)]


def main():
    items = load()
    rnd = random.Random(SEED)
    rows = artist_typos(items, rnd) + styles(items, rnd) + titles(items, rnd)
    out = sys.stdout
    out.write("# 30 demo queries over sample-catalog/ with the items wanted (issue 23); made by bench/demo-queries.py\n")
    out.write("query\tkind\twanted\n")
    for q, kind, wanted in rows:
        out.write(f"{q}\t{kind}\t{' '.join(wanted)}\n")


if __name__ == "__main__":
    main()
