#!/usr/bin/env bash
# Installs the Debian packages phi-bench needs when they are missing:
# chromium (browser tests and figure export) and a Japanese font (so that
# screenshots and exported figures show Japanese text, not boxes), and strace
# (the test that the app makes no outside connection while refusing origins).
set -euo pipefail

wanted=()
command -v chromium >/dev/null 2>&1 || wanted+=(chromium)
command -v strace >/dev/null 2>&1 || wanted+=(strace)
fc-list 2>/dev/null | grep -qi "ipagothic\|ipa.*gothic\|noto sans cjk" || wanted+=(fonts-ipafont-gothic fontconfig)

if [ ${#wanted[@]} -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "phi-bench needs these Debian packages: ${wanted[*]}." >&2
        echo "Ask an administrator to run: apt-get install ${wanted[*]}" >&2
        exit 1
    fi
fi
echo "installing Debian packages: ${wanted[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
