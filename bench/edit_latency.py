#!/usr/bin/env python3
"""Edit-to-searchable latency (issue 13): how long after a save through the write API an
anonymous reader's search finds the change.

Usage: bench/edit_latency.py BUILD_DIR [EDITS] [RECORDS_FILE]

Makes a data directory with RECORDS_FILE (default tests/fixtures/multilingual.jsonl), an editor
with a write token, starts `arkiv serve --threads 2` on a free loopback port, then EDITS times
(default 30): PATCHes one record's summary with a new made-up word and polls
/api/v1/search?q=WORD as an anonymous reader every 10 ms until it is found. Prints the save's
own time and the time until searchable (from sending the PATCH), as median, p90 and max.
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


def main():
    build = sys.argv[1]
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    records = sys.argv[3] if len(sys.argv) > 3 else os.path.join(root, "tests/fixtures/multilingual.jsonl")
    arkiv = os.path.join(build, "arkiv")
    work = tempfile.mkdtemp(prefix="arkiv-edit-latency-")
    data = os.path.join(work, "data")
    try:
        subprocess.run([arkiv, "--data", data, "import", records], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([arkiv, "--data", data, "user", "add", "ed", "--role", "editor"], input=b"a long enough password\n",
                       check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([arkiv, "--data", data, "user", "token", "ed", "--scope", "write"], check=True,
                             capture_output=True).stdout.decode()
        token = re.search(r"arkiv_[A-Za-z0-9_-]+", out).group(0)
        first = json.loads(open(records).readline())["id"]
        server = subprocess.Popen([arkiv, "--data", data, "serve", "--port", "0", "--threads", "2"], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        try:
            banner = server.stdout.readline().decode()
            base = re.search(r"(http://\S+)", banner).group(1).rstrip("/")
            saves, searchable = [], []
            for i in range(edits):
                word = "zqxedit%dword" % i
                body = json.dumps({"summary": "Edited: " + word}).encode()
                req = urllib.request.Request(base + "/api/v1/documents/" + first, data=body, method="PATCH",
                                             headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
                start = time.monotonic()
                with urllib.request.urlopen(req) as r:
                    r.read()
                saves.append(time.monotonic() - start)
                while True:
                    with urllib.request.urlopen(base + "/api/v1/search?q=" + word) as r:
                        if json.loads(r.read())["total"] == 1:
                            break
                    if time.monotonic() - start > 60:
                        sys.exit("edit %d not searchable after 60 s" % i)
                    time.sleep(0.01)
                searchable.append(time.monotonic() - start)
        finally:
            server.terminate()
            server.wait()

        def row(name, xs):
            xs = sorted(xs)
            return "| %s | %.0f | %.0f | %.0f |" % (name, statistics.median(xs) * 1000, xs[int(len(xs) * 0.9) - 1] * 1000, xs[-1] * 1000)

        print("%d edits of one record, `arkiv serve --threads 2`" % edits)
        print("| what | median ms | p90 ms | max ms |\n|---|---|---|---|")
        print(row("save (PATCH answered)", saves))
        print(row("edit to searchable by an anonymous reader", searchable))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
