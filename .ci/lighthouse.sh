#!/usr/bin/env bash
# .ci/lighthouse.sh — Lighthouse scores of each page type of the sample site,
# served on 127.0.0.1 with the strict Content-Security-Policy, mobile defaults.
# Not part of .ci/run (scores move with machine load); run by hand and copy the
# table into the README:
#
#   bash .ci/lighthouse.sh
#
# Needs Chromium (/usr/bin/chromium), Node and python3; installs
# lighthouse@12.2.3 into .ci/lighthouse/ on first use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
port=${PORT:-8799}
lh=$root/.ci/lighthouse
if [[ ! -x $lh/node_modules/.bin/lighthouse ]]; then
	mkdir -p "$lh"
	(cd "$lh" && [[ -f package.json ]] || echo '{"private":true}' > package.json
	 cd "$lh" && npm install --no-audit --no-fund --ignore-scripts lighthouse@12.2.3 >/dev/null)
fi
out=$(mktemp -d)
go run ./cmd/tiendo build --quiet --compress -d "$out/site" --baseURL "http://127.0.0.1:$port/"
python3 - "$out/site" "$port" <<'PY' &
import http.server, os, sys
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
class H(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header('Content-Security-Policy', CSP)
        super().end_headers()
    def send_error(self, code, message=None, explain=None):
        if code == 404:
            body = open('404.html', 'rb').read()
            self.send_response(404); self.send_header('Content-Type', 'text/html; charset=utf-8')
            self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
            return
        super().send_error(code, message, explain)
    def log_message(self, *a): pass
os.chdir(sys.argv[1])
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[2])), H).serve_forever()
PY
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
# The 404 page is left out: Lighthouse refuses to score a page answered
# with status 404 (the browser tests check it instead).
pages=(/ /huong-dan/ /huong-dan/vneid/kich-hoat/ /chi-tieu/ /chi-tieu/tai-khoan-dinh-danh-dien-tu/ /nhiem-vu/ /don-vi/ /don-vi/cong-an-huyen/ /bao-cao/ /bao-cao/2023-w25/ /dich-vu/cap-lai-doi-the-cccd/ /tim-kiem/)
printf '| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|\n'
for p in "${pages[@]}"; do
	if ! curl -sf -o /dev/null "http://127.0.0.1:$port$p"; then
		echo "| $p | missing | | | |"
		continue
	fi
	CHROME_PATH=/usr/bin/chromium "$lh/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$p" --quiet \
		--chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
		--output=json --output-path="$out/r.json" >/dev/null 2>&1 || { echo "| $p | lighthouse failed | | | |"; continue; }
	python3 - "$out/r.json" "$p" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))['categories']
s = lambda k: str(round(c[k]['score'] * 100))
print(f"| {sys.argv[2]} | {s('performance')} | {s('accessibility')} | {s('best-practices')} | {s('seo')} |")
PY
done
