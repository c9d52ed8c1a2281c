#!/usr/bin/env bash
# Builds the calculator and serves it locally: http://127.0.0.1:${PORT:-8000}/
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
"$HERE/build.sh"
echo "serving $HERE/dist at http://127.0.0.1:${PORT:-8000}/ (Ctrl-C to stop)"
exec python3 -m http.server "${PORT:-8000}" --bind 127.0.0.1 --directory "$HERE/dist"
