#!/usr/bin/env bash
# The README's quick start on a machine that has only Node: as root, in a private mount
# namespace, the system's Chromium and PostgreSQL are made invisible (overlays whose copies of
# /usr/bin, /usr/local/bin and /usr/lib lack them, and no `postgres` account), then a clean
# clone of the committed HEAD runs `npm install && CI=true npm test`. Nothing outside the
# namespace changes; the clone lives in a temp folder, removed afterwards unless --keep.
#
#   sudo scripts/fresh-machine-check.sh [--keep] [--keep-going] [--port-offset N] [--dry-run] [--no-cjk-fonts]
#
# --dry-run only hides the binaries, checks that nothing finds them, and stops.
# --no-cjk-fonts also hides the Noto CJK fonts (fonts-noto-cjk), as on a new machine: no test
# may depend on them.
# --keep-going runs npm test's steps (lint, typecheck, unit, build, e2e) one after the other
# even when one fails, to see every result in one run. Exit code: npm test's (or the first
# failed step's). The last lines sum up each runner's result line.
set -euo pipefail

keep=0 keep_going=0 dry_run=0 no_cjk=0 offset=${E2E_PORT_OFFSET:-40}
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --keep-going) keep_going=1 ;;
    --dry-run) dry_run=1 ;;
    --no-cjk-fonts) no_cjk=1 ;;
    --port-offset) offset=$2; shift ;;
    --inside) ;;
    *) echo "usage: $0 [--keep] [--keep-going] [--port-offset N] [--dry-run] [--no-cjk-fonts]" >&2; exit 2 ;;
  esac
  shift
done

if [ "${args[0]:-}" != --inside ]; then
  [ "$(id -u)" = 0 ] || { echo "fresh-machine-check: run as root (it needs a mount namespace)" >&2; exit 2; }
  exec unshare --mount --propagation private bash "$0" --inside "${args[@]}"
fi

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d /tmp/youfu-fresh-XXXXXX)
chmod 755 "$work"
mkdir -m 700 "$work/overlay"
mount -t tmpfs -o size=64m tmpfs "$work/overlay"
cleanup() { cd /; umount -l "$work/overlay" 2>/dev/null || true; [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

# An overlay over DIR in which the NAMES (relative to DIR) do not exist.
hide_in() {
  local dir=$1; shift
  local key; key=$(echo "$dir" | tr / _)
  mkdir -p "$work/overlay/$key/upper" "$work/overlay/$key/work"
  mount -t overlay overlay -o "lowerdir=$dir,upperdir=$work/overlay/$key/upper,workdir=$work/overlay/$key/work" "$dir"
  local name
  # shellcheck disable=SC2086 # names may be globs, expanded inside the overlay
  for name in "$@"; do rm -rf "${dir:?}"/$name; done
}

pg_wrappers=()
for f in /usr/bin/pg_* /usr/bin/psql /usr/bin/postgres /usr/bin/initdb; do
  [ -e "$f" ] || [ -L "$f" ] && pg_wrappers+=("$(basename "$f")")
done
hide_in /usr/bin chromium chromedriver "${pg_wrappers[@]}"
hide_in /usr/local/bin initdb pg_ctl postgres
hide_in /usr/lib chromium postgresql
share_hidden=(postgresql postgresql-common)
if [ "$no_cjk" = 1 ]; then share_hidden+=('fonts/opentype/noto/Noto*CJK*' 'fonts/truetype/noto/Noto*CJK*'); fi
hide_in /usr/share "${share_hidden[@]}"
if [ "$no_cjk" = 1 ] && fc-list 2>/dev/null | grep -qi 'CJK'; then echo "fresh-machine-check: CJK fonts are still visible" >&2; exit 3; fi
# No postgres account either (Debian's package creates it): the tests must manage as root without it.
for f in passwd group shadow gshadow; do
  [ -e "/etc/$f" ] || continue
  grep -v '^postgres:' "/etc/$f" > "$work/overlay/$f" || true
  mount --bind "$work/overlay/$f" "/etc/$f"
done

found=$(for b in chromium chromedriver initdb pg_ctl postgres psql; do command -v "$b" || true; done | tr '\n' ' ')
if [ -n "$found" ]; then echo "fresh-machine-check: still on PATH: $found" >&2; exit 3; fi
for p in /usr/bin/chromium /usr/lib/chromium /usr/lib/postgresql /usr/local/bin/initdb; do
  if [ -e "$p" ] || [ -L "$p" ]; then echo "fresh-machine-check: $p is still visible" >&2; exit 3; fi
done
if id postgres >/dev/null 2>&1; then echo "fresh-machine-check: the postgres account is still visible" >&2; exit 3; fi
if [ "$dry_run" = 1 ]; then echo "fresh-machine-check: dry run: system Chromium and PostgreSQL are hidden$([ "$no_cjk" = 1 ] && echo ', and the CJK fonts')"; exit 0; fi

head=$(git -C "$repo" rev-parse HEAD)
echo "fresh-machine-check: cloning $head into $work/youfu-desk"
git clone -q --no-hardlinks "$repo" "$work/youfu-desk"
cd "$work/youfu-desk"
# A temp folder of the run's own: the bundled Chromium unpacks afresh, PostgreSQL's clusters
# (owned by `nobody`, which must be able to enter it) and Playwright's files go there.
mkdir -m 1777 "$work/tmp"
export TMPDIR="$work/tmp"
unset CHROMIUM_PATH PG_BIN TEST_DATABASE_URL

log="$work/npm-test.log"
set +e
npm install --no-audit --no-fund 2>&1 | tee "$work/npm-install.log"
rc=${PIPESTATUS[0]}
if [ "$rc" = 0 ]; then
  export CI=true E2E_PORT_OFFSET=$offset
  if [ "$keep_going" = 1 ]; then
    : > "$log"
    # npm test's own steps, read from package.json ("npm run a && npm run b && …").
    steps=$(node -p "require('./package.json').scripts.test.split('&&').map((s) => s.trim()).join('\\n')")
    while IFS= read -r step; do
      echo "fresh-machine-check: $step" | tee -a "$log"
      bash -c "$step" < /dev/null 2>&1 | tee -a "$log"
      step_rc=${PIPESTATUS[0]}
      echo "fresh-machine-check: $step exited $step_rc" | tee -a "$log"
      if [ "$rc" = 0 ]; then rc=$step_rc; fi
    done <<< "$steps"
  else
    npm test 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
  fi
fi
set -e

echo
echo "fresh-machine-check: summary (HEAD $head, system Chromium and PostgreSQL hidden)"
sed 's/\x1b\[[0-9;]*m//g' "$log" 2>/dev/null | grep -E 'fresh-machine-check: .* exited|^\s*Test Files|^\s*Tests |^\s*[0-9]+ (passed|failed|skipped|flaky|did not run)' || true
grep -E 'PostgreSQL tests skipped' "$log" 2>/dev/null | head -1 || true
if [ "$keep" = 1 ]; then echo "fresh-machine-check: logs and clone kept in $work"; fi
echo "fresh-machine-check: exit $rc"
exit "$rc"
