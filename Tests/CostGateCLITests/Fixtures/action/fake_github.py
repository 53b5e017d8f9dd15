#!/usr/bin/env python3
"""A stand-in for GitHub's issue-comment REST API, for ActionTests.

  fake_github.py --port-file F --log L [--seed S] [--fail STATUS] [--page-size N]

Listens on 127.0.0.1 on a free port and writes the port to F once it accepts connections. Every request is
appended to L as one JSON line {method, path, query, body, authorization}. S is a JSON array of comments
({id, body, user}) already on the pull request. --fail answers every request with STATUS. --page-size caps
per_page so a few comments already span pages. Exits on SIGTERM or after --lifetime seconds (a test that
crashes must not leave it running).
"""

import argparse
import json
import os
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

arguments = argparse.ArgumentParser()
arguments.add_argument("--port-file", required=True)
arguments.add_argument("--log", required=True)
arguments.add_argument("--seed")
arguments.add_argument("--fail", type=int)
arguments.add_argument("--page-size", type=int, default=100)
arguments.add_argument("--lifetime", type=float, default=300)
options = arguments.parse_args()

comments = []
if options.seed:
    with open(options.seed, encoding="utf-8") as handle:
        comments = json.load(handle)
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass  # the JSON-lines log is the record; stderr stays quiet for the test output

    def record(self, body):
        url = urllib.parse.urlsplit(self.path)
        entry = {"method": self.command, "path": url.path, "query": dict(urllib.parse.parse_qsl(url.query)),
                 "body": body, "authorization": self.headers.get("Authorization")}
        with open(options.log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
        return url

    def reply(self, status, payload, headers=()):
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        url = self.record(body)
        if options.fail:
            return self.reply(options.fail, {"message": "injected failure"})
        parts = url.path.strip("/").split("/")  # repos/{owner}/{repo}/issues/...
        with lock:
            if self.command == "GET" and parts[-1] == "comments":
                query = dict(urllib.parse.parse_qsl(url.query))
                size = min(int(query.get("per_page", 30)), options.page_size)
                page = int(query.get("page", 1))
                items = comments[(page - 1) * size:page * size]
                more = page * size < len(comments)
                link = [("Link", f'<{self.path.split("?")[0]}?per_page={size}&page={page + 1}>; rel="next"')] if more else []
                return self.reply(200, items, link)
            if self.command == "POST" and parts[-1] == "comments":
                comment = {"id": 1000 + len(comments), "body": body["body"], "user": {"login": "github-actions[bot]"},
                           "html_url": f"https://github.invalid/{parts[1]}/{parts[2]}/pull/{parts[4]}#issuecomment-{1000 + len(comments)}"}
                comments.append(comment)
                return self.reply(201, comment)
            if self.command == "PATCH" and parts[-2] == "comments":
                for comment in comments:
                    if str(comment["id"]) == parts[-1]:
                        comment["body"] = body["body"]
                        comment.setdefault("html_url", f"https://github.invalid/comment/{comment['id']}")
                        return self.reply(200, comment)
        self.reply(404, {"message": "Not Found"})

    do_GET = do_POST = do_PATCH = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
with open(options.port_file + ".tmp", "w", encoding="utf-8") as handle:
    handle.write(str(server.server_address[1]))
# Renamed into place so the test never reads a half-written port.
os.replace(options.port_file + ".tmp", options.port_file)
time.sleep(options.lifetime)
