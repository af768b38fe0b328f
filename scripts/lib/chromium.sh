# Debian's Chromium for the browser test of the local operations page (/ops). Source this file.
# Playwright's own browser download cannot reach the internet here; the distribution's package can.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "The operations page test needs /usr/bin/chromium: install Debian's chromium package (apt-get install chromium)." >&2
    return 1
  fi
  echo "Installing Chromium (apt-get install chromium)..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
}
