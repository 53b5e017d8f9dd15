"""A stand-in for a chat webhook: records each POST body to a JSON-lines file and answers with STATUS.

Usage: webhook_server.py RECORD_FILE STATUS  (prints the port it listens on, then serves until killed)
"""
import http.server
import json
import sys

record_file, status = sys.argv[1], int(sys.argv[2])


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(record_file, "a", encoding="utf-8") as out:
            out.write(json.dumps({"path": self.path, "contentType": self.headers.get("Content-Type"),
                                  "body": body.decode("utf-8")}) + "\n")
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
