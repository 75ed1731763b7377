#!/usr/bin/env bash
# Proves that layers.sh catches what it is for: run over bad_tree/ (one violation of each kind)
# it must fail and name each one; run over src/ it must pass.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
out="$("$here/layers.sh" "$here/bad_tree")"
rc=$?
fail=0
[ $rc -eq 1 ] || { echo "selftest: layers.sh exited $rc on bad_tree, expected 1"; fail=1; }
expect=(
  'web/page.cpp:2:#include <xapian.h>'
  'web/page.cpp:3:#include "index/search_index.h": web/ must speak'
  'web/page.cpp:4:void f() { arkiv::index::SearchQuery q; }: web/'
  'http/server.cpp:2:#include "archive/archive.h": http/ must not'
  'http/server.cpp:3:#include "web/pages.h": http/ must not'
  'cli/show.cpp:2:#include <sqlite3.h>'
  'cli/show.cpp:3:int n = store::Catalog::kVersion;: cli/'
  'store/catalog.cpp:3:#include <unicode/uchar.h>'
  'api/views.cpp:2:#include "index/internal/scheme.h": index/internal/ is private'
  'api/views.cpp:3:#include <boost/beast/http.hpp>'
)
for e in "${expect[@]}"; do
  grep -qF "$e" <<<"$out" || { echo "selftest: not reported: $e"; fail=1; }
done
if grep -qF 'store/catalog.cpp:2:' <<<"$out"; then echo "selftest: store/ including sqlite3.h was reported"; fail=1; fi
"$here/layers.sh" "$here/../../src" >/dev/null || { echo "selftest: src/ breaks the layering rules:"; "$here/layers.sh" "$here/../../src"; fail=1; }
[ $fail -eq 0 ] && echo "layers selftest: ok"
exit $fail
