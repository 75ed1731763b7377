#!/usr/bin/env bash
# Checks the layering rules of docs/architecture.md over src/:
#  1. each external library is included only in its adapter folder;
#  2. nothing above archive/ (api, web, cli, app) names index:: or store::, or includes their headers;
#  3. http/ includes nothing of archive/, api/, web/ or app/;
#  4. a module's internal/ headers are included only from within that module.
# Prints every violation with file and line; exits 1 if there is one.
set -u
src="${1:-$(dirname "$0")/../../src}"
cd "$src" || exit 2
status=0
report() { echo "layers: $1"; status=1; }

# library include pattern | folders allowed to include it
rules=(
  '<xapian\.h>|index'
  '<sqlite3\.h>|store'
  '<boost/beast|http'
  '<boost/asio|http'
  '<unicode/|text'
  '<sodium\.h>|base auth'
  '<poppler|ingest'
  '<pugixml\.hpp>|ingest'
)
for rule in "${rules[@]}"; do
  pattern="${rule%%|*}"
  allowed="${rule#*|}"
  while IFS= read -r hit; do
    [ -z "$hit" ] && continue
    file="${hit%%:*}"
    ok=0
    for a in $allowed; do
      case "$file" in "$a"/*) ok=1 ;; esac
    done
    [ $ok -eq 1 ] || report "$hit: $pattern belongs in ${allowed// / or }/ only"
  done < <(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*$pattern" --include='*.h' --include='*.cpp' . | sed 's|^\./||')
done

# Nothing above archive/ names the index or the store.
for layer in api web cli app; do
  [ -d "$layer" ] || continue
  while IFS= read -r hit; do
    [ -n "$hit" ] && report "$hit: $layer/ must speak archive/'s types, not index:: or store::"
  done < <(grep -rnE '(^|[^A-Za-z_])(index|store)::|#include "(index|store)/' --include='*.h' --include='*.cpp' "$layer")
done

# The server adapter knows only a request handler.
while IFS= read -r hit; do
  [ -n "$hit" ] && report "$hit: http/ must not include archive/, api/, web/ or app/"
done < <(grep -rnE '#include "(archive|api|web|app)/' --include='*.h' --include='*.cpp' http)

# internal/ headers stay inside their module.
while IFS= read -r hit; do
  [ -z "$hit" ] && continue
  file="${hit%%:*}"
  module="$(echo "$hit" | sed -E 's|.*#include "([a-z_]+)/internal/.*|\1|')"
  case "$file" in "$module"/*) ;; *) report "$hit: $module/internal/ is private to $module/" ;; esac
done < <(grep -rnE '#include "[a-z_]+/internal/' --include='*.h' --include='*.cpp' . | sed 's|^\./||')

if [ $status -eq 0 ]; then echo "layers: ok"; fi
exit $status
