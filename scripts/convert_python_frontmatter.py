#!/usr/bin/env python3
"""The Python counterpart of `examples/convert` for front-matter files.

Reads every .md/.markdown/.html/.htm file under the given paths with
python-frontmatter (whose YAML is PyYAML's libyaml `CSafeLoader` when
PyYAML was built with it, as its wheels are), maps each to an article
(title, excerpt, URL, published date, site, topics, images, related, body)
as the converter does, and writes one JSON line per file, on one thread.
The time taken, files, articles and bytes go to stderr.

It does less than the converter: HTML bodies are kept as written (the
converter turns them into text), entities in titles are not decoded, and
a file that fails is counted, not explained. So the converter's ratio
over it is, if anything, understated.

Not part of the crate; python-frontmatter lives in a virtual environment
of its own:

    python3 -m venv /tmp/pyfm && /tmp/pyfm/bin/pip install python-frontmatter
    taskset -c 1 /tmp/pyfm/bin/python scripts/convert_python_frontmatter.py \\
        --out /tmp/py.jsonl "$PRESSMARK_CORPUS/aggregator"
    taskset -c 1 target/release/examples/convert --threads 1 --quiet \\
        --out /tmp/rs.jsonl "$PRESSMARK_CORPUS/aggregator"
"""

import argparse
import datetime
import json
import os
import sys
import time

import frontmatter
import yaml

EXTENSIONS = (".md", ".markdown", ".html", ".htm")


def files(paths):
    """The files to read, in a stable order."""
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for root, dirs, names in os.walk(path, followlinks=True):
            dirs.sort()
            for name in sorted(names):
                if name.endswith(EXTENSIONS):
                    yield os.path.join(root, name)


def text(value):
    """A non-empty string, or None."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def date(value):
    """An ISO 8601 date-time, as the converter writes it, or None."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.isoformat()
    if isinstance(value, datetime.date):
        return datetime.datetime(
            value.year, value.month, value.day, tzinfo=datetime.timezone.utc
        ).isoformat()
    if isinstance(value, str):
        try:
            return date(datetime.datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return None
    return None


def article(meta, body):
    """The article of one file's front matter and body."""
    provider = meta.get("provider") if isinstance(meta.get("provider"), dict) else None
    images = []
    for image in meta.get("images") or []:
        if isinstance(image, dict) and image.get("url"):
            images.append(
                {
                    "url": image["url"],
                    "width": image.get("width"),
                    "height": image.get("height"),
                    "alt": image.get("title"),
                }
            )
    related = []
    for r in meta.get("related") or []:
        if isinstance(r, dict):
            site = r.get("provider") if isinstance(r.get("provider"), dict) else {}
            related.append(
                {
                    "url": r.get("webUrl") or r.get("originalUrl"),
                    "title": text(r.get("title")),
                    "published": date(r.get("publishedDateTime")),
                    "site": site.get("name"),
                }
            )
    excerpt = text(meta.get("excerpt"))
    return {
        "source": "aggregator",
        "url": text(meta.get("webUrl") or meta.get("originalUrl")),
        "title": text(meta.get("title")),
        "excerpt": excerpt,
        "body": text(body) or excerpt,
        "published": date(meta.get("publishedDateTime") or meta.get("date")),
        "site": provider
        and {"name": text(provider.get("name")), "domain": text(provider.get("domain"))},
        "topics": [str(t) for t in meta.get("topics") or []],
        "images": images,
        "related": related,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", default=os.devnull)
    args = parser.parse_args()
    loader = yaml.SafeLoader.__name__
    try:
        loader = frontmatter.default_handlers.SafeLoader.__name__
    except AttributeError:
        pass
    started = time.perf_counter()
    counts = {"files": 0, "articles": 0, "failed": 0, "no_front_matter": 0, "bytes": 0}
    with open(args.out, "w", encoding="utf-8") as out:
        for path in files(args.paths):
            counts["files"] += 1
            with open(path, encoding="utf-8") as f:
                content = f.read()
            counts["bytes"] += len(content.encode("utf-8"))
            try:
                post = frontmatter.loads(content)
            except Exception:  # noqa: BLE001 - counted, as the converter does
                counts["failed"] += 1
                continue
            if not post.metadata:
                counts["no_front_matter"] += 1
                continue
            out.write(json.dumps(article(post.metadata, post.content), ensure_ascii=False))
            out.write("\n")
            counts["articles"] += 1
    seconds = time.perf_counter() - started
    print(
        f"python-frontmatter ({loader}): {counts['files']} files, "
        f"{counts['articles']} articles, {counts['failed']} failed, "
        f"{counts['no_front_matter']} without front matter, "
        f"{counts['bytes']} bytes in {seconds:.3f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
