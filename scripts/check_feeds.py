"""Reads Atom feeds with feedparser (a parser other than the server's) and fails on any
problem: a feed feedparser flags as malformed ("bozo"), not Atom 1.0, or an entry without its
id, title, date or link. Usage: check_feeds.py FILE.atom...  (run by scripts/test)."""

import sys

import feedparser


def problems(path):
    feed = feedparser.parse(path)
    if feed.bozo:
        yield f"malformed: {feed.bozo_exception!r}"
    if feed.version != "atom10":
        yield f"not Atom 1.0 (feedparser says {feed.version!r})"
    for key in ("id", "title", "updated"):
        if not feed.feed.get(key):
            yield f"the feed has no {key}"
    if not feed.entries:
        yield "no entry"
    for i, entry in enumerate(feed.entries):
        for key in ("id", "title", "updated", "link", "summary"):
            if not entry.get(key):
                yield f"entry {i} has no {key}"


def main(paths):
    if not paths:
        print("check_feeds.py: no feed given", file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        found = list(problems(path))
        for p in found:
            print(f"{path}: {p}", file=sys.stderr)
        failed |= bool(found)
        if not found:
            print(f"{path}: valid Atom ({len(feedparser.parse(path).entries)} entries)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
