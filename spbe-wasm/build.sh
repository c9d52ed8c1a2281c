#!/usr/bin/env bash
# Builds the wasm package and the calculator, installing what is missing first
# (idempotent; see ../../shared/reference/wasm-toolchain.md for why this route):
#   spbe-wasm/pkg/web   ES module for browsers   (wasm-bindgen --target web)
#   spbe-wasm/pkg/node  CommonJS module for node (wasm-bindgen --target nodejs)
#   spbe-wasm/dist/     the calculator: static files only, works offline
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
need_apt=()
for p in rustc-web cargo-web rust-web-src lld-19; do installed "$p" || need_apt+=("$p"); done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} (Debian)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION (crates.io)"
  cargo install -q wasm-bindgen-cli --version "$WB_VERSION"
fi

# wasm-opt (binaryen, from npm) for size
if [ ! -x "$HERE/tools/node_modules/.bin/wasm-opt" ]; then
  echo "installing binaryen (npm) for wasm-opt"
  (cd "$HERE/tools" && npm install --no-audit --no-fund --silent)
fi

# Optimised for size, as measured with twiggy and gzip -9 (spbe-wasm/bench):
# opt-level z with one codegen unit and fat LTO is ~26 KB smaller gzipped than
# opt-level s with 16 units; panics abort without formatting machinery (no
# panic is reachable in spbe-core by design). wasm-opt only strips names and
# debug sections: its -O3 / -Oz passes make the wasm smaller but its gzip
# ~15 KB larger, and gzip is what is served. The price is speed: measured in
# one run, opt-level s is ~23 KB larger gzipped and score() ~1.5x faster,
# opt-level 3 ~90 KB larger and ~2.7x faster (a call stays well under 1 ms).
echo "building spbe-wasm for wasm32 (Debian's rustc-web, -Z build-std)"
RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  /usr/bin/cargo build --quiet --release --locked --target wasm32-unknown-unknown \
    -Z build-std=std,panic_abort -p spbe-wasm --target-dir target/wasm
WASM=target/wasm/wasm32-unknown-unknown/release/spbe_wasm.wasm

rm -rf "$HERE/pkg/web" "$HERE/pkg/node"
wasm-bindgen --target web --out-dir "$HERE/pkg/web" "$WASM"
wasm-bindgen --target nodejs --out-dir "$HERE/pkg/node" "$WASM"
# the JS snippets (the lazy report of score) into the glue: one JS file per package
node "$HERE/tools/inline-snippets.mjs" "$HERE/pkg/web" "$HERE/pkg/node"
for t in web node; do
  "$HERE/tools/node_modules/.bin/wasm-opt" --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$HERE/pkg/$t/spbe_wasm_bg.wasm" -o "$HERE/pkg/$t/spbe_wasm_bg.wasm"
done

# the calculator: static files only (no CDN, no network at run time)
rm -rf "$HERE/dist"
mkdir -p "$HERE/dist"
cp "$HERE"/www/* "$HERE/dist/"
cp "$HERE/pkg/web/spbe_wasm.js" "$HERE/pkg/web/spbe_wasm_bg.wasm" "$HERE/dist/"
node "$HERE/tools/single-file.mjs" "$HERE/dist"  # dist/spbe-kalkulator.html: the calculator in one file, opens from file://

size() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9 -c "$@" | wc -c | tr -d ' '; }
W="$HERE/pkg/web/spbe_wasm_bg.wasm"; J="$HERE/pkg/web/spbe_wasm.js"
echo "wasm: $(size "$W") bytes; gzipped wasm $(gz "$W") + JS glue $(gz "$J") = $(( $(gz "$W") + $(gz "$J") )) bytes"
echo "built spbe-wasm/pkg/web, spbe-wasm/pkg/node and spbe-wasm/dist"
