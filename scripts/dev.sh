#!/usr/bin/env bash
# The project's two entry points: `scripts/dev.sh demo` and `scripts/dev.sh test` (see README).
# Installs what is missing (Debian packages), builds with CMake, then runs the demo or the tests.
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-}"
case "$mode" in
  demo|test|build) ;;
  *) echo "usage: scripts/dev.sh demo|test|build" >&2; exit 2 ;;
esac

# Build and runtime libraries; the test suite adds its oracles.
packages=(g++ make cmake pkg-config libfyaml-dev nlohmann-json3-dev libcli11-dev libfmt-dev libssl-dev)
if [ "$mode" = test ]; then
  packages+=(libgtest-dev docker-compose openssl)
  # Node.js runs the npm test oracles (tests/oracle); Debian's nodejs+npm when none is present.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "berth: missing Debian packages. Run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "==> installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs="$(nproc 2>/dev/null || echo 2)"
echo "==> building (build/)"
cmake --preset default >/dev/null
cmake --build --preset default -j "$jobs"

case "$mode" in
  demo)
    example=examples/vault-drive
    echo "==> berth convert -f $example/compose.yaml -o out/vault-drive"
    ./build/berth convert -f "$example/compose.yaml" -o out/vault-drive
    if command -v kubectl >/dev/null 2>&1; then
      echo "==> kubectl kustomize out/vault-drive/overlays/production | head -50"
      # Captured first: `| head` would end kubectl with SIGPIPE, a failure under pipefail.
      rendered="$(kubectl kustomize out/vault-drive/overlays/production)"
      head -50 <<<"$rendered"
    else
      echo "==> (kubectl not found: skipping the kustomize build of out/vault-drive/overlays/production)"
    fi
    ;;
  test)
    if [ -f tests/oracle/package-lock.json ]; then
      echo "==> installing the npm test oracles (tests/oracle, pinned by package-lock.json)"
      (cd tests/oracle && npm ci --no-audit --no-fund --loglevel=error)
    fi
    echo "==> running the test suite"
    ctest --preset default -j "$jobs" --timeout 900
    ;;
esac
