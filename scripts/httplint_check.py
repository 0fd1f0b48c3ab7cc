#!/usr/bin/env python3
"""Lint HTTP responses with httplint (the linter behind REDbot).

Reads a JSON array of exchanges on stdin, each
    {"method": "GET", "request_headers": [["range", "bytes=0-3"]],
     "status": 204, "headers": [["name", "value"]], "body": "text"}
and writes a JSON array with, for each exchange, the names of the notes
httplint raised (such as "CONTENT_NOT_ALLOWED"). Used by tests/guard.rs to
compare httplint's verdicts with status_core::conformance's.
"""

import json
import sys

from httplint import HttpRequestLinter, HttpResponseLinter


def lint(exchange):
    request = HttpRequestLinter()
    request.process_request_topline(exchange["method"].encode(), b"/resource", b"HTTP/1.1")
    request.process_headers([(n.encode(), v.encode()) for n, v in exchange.get("request_headers", [])])
    request.finish_content(True)

    response = HttpResponseLinter(_related=request)
    response.is_head_response = exchange["method"] == "HEAD"
    response.process_response_topline(b"HTTP/1.1", str(exchange["status"]).encode(), b"Phrase")
    response.process_headers([(n.encode(), v.encode()) for n, v in exchange["headers"]])
    body = exchange["body"].encode()
    if body:
        response.feed_content(body)
    response.finish_content(True)
    return sorted({note.__class__.__name__ for note in response.notes})


def main():
    exchanges = json.load(sys.stdin)
    json.dump([lint(exchange) for exchange in exchanges], sys.stdout)


if __name__ == "__main__":
    main()
