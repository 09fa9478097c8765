#!/usr/bin/env bash
# The main job on the embedded defaults: install, build the index if it is missing, start the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export HF_HUB_OFFLINE=1
INDEX="${GOVSTACK_INDEX_DIR:-data/index}"
# (--no-warm: the app embeds the answer sentences in the background once it is up)
if [[ ! -f "$INDEX/chroma.sqlite3" ]]; then
  if [[ -n "${GOVSTACK_CORPUS:-}" ]]; then
    govstack-assistant ingest --no-warm --corpus "$GOVSTACK_CORPUS" --index "$INDEX"
  elif [[ -f ../shared/govstack-corpus/MANIFEST.json ]]; then
    govstack-assistant ingest --no-warm --corpus ../shared/govstack-corpus --index "$INDEX"
  else
    govstack-assistant ingest --no-warm --from-github --index "$INDEX"
  fi
fi
if govstack-assistant ui --help >/dev/null 2>&1; then
  exec govstack-assistant ui --index "$INDEX" "$@"
fi
exec govstack-assistant chat --index "$INDEX" "$@"
