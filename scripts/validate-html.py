#!/usr/bin/env python3
"""Validate HTML documents for the tests: each file must parse under the
WHATWG parsing rules without a single parse error (html5lib in strict mode),
start with <!doctype html>, give every id once, and have every in-page link
(href="#x") land on an id. Prints one line per problem; exits 1 on any.

usage: validate-html.py FILE...
"""

import sys

import html5lib


def check(path):
    with open(path, "rb") as handle:
        source = handle.read()
    problems = []
    if not source.lstrip().lower().startswith(b"<!doctype html>"):
        problems.append("does not start with <!doctype html>")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        tree = parser.parse(source)
    except html5lib.html5parser.ParseError as error:
        (line, column), code, data = parser.errors[-1] if parser.errors else ((0, 0), str(error), {})
        problems.append(f"{line}:{column}: parse error {code} {data or ''}".rstrip())
        return problems
    ids = {}
    for element in tree.iter():
        ident = element.get("id")
        if ident is None:
            continue
        if ident == "" or any(c.isspace() for c in ident):
            problems.append(f"<{element.tag} id={ident!r}>: an id must be non-empty without spaces")
        ids[ident] = ids.get(ident, 0) + 1
    problems += [f"id {ident!r} is used {count} times" for ident, count in ids.items() if count > 1]
    for element in tree.iter("a"):
        href = element.get("href", "")
        if href.startswith("#") and href[1:] not in ids:
            problems.append(f"<a href={href!r}> points at no id")
    if tree.find("head/title") is None or not (tree.find("head/title").text or "").strip():
        problems.append("no <title>")
    return problems


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        for problem in check(path):
            print(f"{path}: {problem}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
