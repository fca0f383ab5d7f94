#!/usr/bin/env python3
"""A signing proxy for contract tests of central-sim (scripts/check-central-api).

schemathesis generates requests from Assets/api/central.yaml but cannot compute the kiosk's
HMAC-SHA256 request signature (it covers the exact body bytes). This proxy sits in front of
central-sim. schemathesis is given X-Kiosk-Signature = MARKER as the request's credentials; a
request carrying exactly that, with the other signing headers in the contract's shape, is signed
again with the terminal's real key over the bytes it actually forwards (positive cases). Any other
request (no signature, schemathesis' invalid credentials, a malformed header) is forwarded
untouched, so central-sim must refuse it (negative cases). Canonical string: see Sources/CentralService/Signing/RequestSignature.swift.

Usage: central-signing-proxy.py LISTEN_PORT UPSTREAM_URL TERMINAL_ID KEY_FILE
Prints "proxy listening on PORT" once ready.
"""
import hashlib, hmac, http.client, http.server, re, secrets, sys, time, urllib.parse

port, upstream, terminal, key_file = int(sys.argv[1]), urllib.parse.urlsplit(sys.argv[2]), sys.argv[3], sys.argv[4]
key = bytes.fromhex(open(key_file).read().strip())
SHAPES = {
    "x-kiosk-terminal": re.compile(r"^.+$"),
    "x-kiosk-timestamp": re.compile(r"^[0-9]{1,12}$"),
    "x-kiosk-nonce": re.compile(r"^[A-Za-z0-9_-]{16,128}$"),
    "x-kiosk-content-sha256": re.compile(r"^[0-9a-f]{64}$"),
}
MARKER = "feed" * 16


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length", "connection")}
        lower = {k.lower(): v for k, v in headers.items()}
        if lower.get("x-kiosk-signature") == MARKER and all(name in lower and pattern.match(lower[name]) for name, pattern in SHAPES.items()):
            headers = {k: v for k, v in headers.items() if k.lower() not in SHAPES and k.lower() != "x-kiosk-signature"}
            timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
            digest = hashlib.sha256(body).hexdigest()
            canonical = "\n".join(["KIOSK-HMAC-SHA256", self.command.upper(), self.path, timestamp, nonce, digest])
            headers.update({"X-Kiosk-Terminal": terminal, "X-Kiosk-Timestamp": timestamp, "X-Kiosk-Nonce": nonce,
                            "X-Kiosk-Content-SHA256": digest,
                            "X-Kiosk-Signature": hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()})
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        connection.request(self.command, self.path, body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        connection.close()

    def __getattr__(self, name):
        # Any method schemathesis tries (QUERY, TRACE, made-up ones) goes to central-sim as is.
        if name.startswith("do_"):
            return self.forward
        raise AttributeError(name)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Proxy)
print(f"proxy listening on {server.server_address[1]}", flush=True)
server.serve_forever()
