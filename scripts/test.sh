#!/usr/bin/env bash
# Run the whole test suite: unit tests on fixtures + integration tests on the real corpus snapshot
# (GOVSTACK_CORPUS, default ../shared/govstack-corpus) + the smoke eval gate + the browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev
if [[ -z "${GOVSTACK_CORPUS:-}" && -f ../shared/govstack-corpus/MANIFEST.json ]]; then
  export GOVSTACK_CORPUS="$(cd ../shared/govstack-corpus && pwd)"
fi
export HF_HUB_OFFLINE=1
exec python3 -m pytest -q "$@"
