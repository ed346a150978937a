#!/bin/sh
# Installs the exact MILP solver used by bench/planner-quality.ts (Debian's coinor-cbc).
# Idempotent: does nothing when `cbc` is already on PATH.
set -eu
if command -v cbc >/dev/null 2>&1; then
  echo "cbc already installed: $(command -v cbc)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq coinor-cbc
command -v cbc >/dev/null 2>&1 || { echo "cbc not found after install" >&2; exit 1; }
echo "cbc installed: $(command -v cbc)"
