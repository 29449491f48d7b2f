#!/usr/bin/env bash
# HTTP throughput of GET /api/v1/search under load (wrk, loopback), against a static file
# holding the very same response served by nginx on the same machine (BENCHMARKS.md,
# "HTTP throughput"). The ratio search / static is the figure; the target is >= 0.5.
#
#   bench/http.sh                     the seed catalogue and generated trees of 10k and 100k entries
#   SIZES="seed 10000" bench/http.sh
#   DURATION=10s THREADS=2 CONNECTIONS=32 bench/http.sh
#
# Installs wrk and nginx-light with apt-get when they are missing (as root). Starts
# `floss-registry serve` and nginx on loopback ports with a temporary state directory and
# configuration, and stops both at the end. Nothing listens on another address.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/floss-registry-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
read -r -a sizes <<<"${SIZES:-seed 10000 100000}"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
app_port="${APP_PORT:-18480}"
static_port="${STATIC_PORT:-18481}"
corpus=../shared/corpus/awesome-selfhosted-data
# Queries whose responses are compared (URL-encoded); one wrk run per query and server.
queries=("alternative%20%C3%A0%20whatsapp" "password%20manager")

step() { printf '\n==> %s (load average %s)\n' "$*" "$(cut -d' ' -f1 /proc/loadavg)" >&2; }

step "Machine"
machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores (nproc), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM"
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)" >&2
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)" >&2
echo "machine: $machine" >&2
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min: other processes share the cores)" >&2
load_start="$(cut -d' ' -f1 /proc/loadavg)"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        step "Installing ${missing[*]}"
        # nginx's package would start the system service: keep it from starting.
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
        { apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 &&
                apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; }; } ||
            { echo "error: could not install ${missing[*]}" >&2; exit 1; }
        rm -f /usr/sbin/policy-rc.d
        trap - EXIT
    else
        echo "error: ${missing[*]} missing: install them (Debian: apt-get install wrk nginx-light)" >&2
        exit 1
    fi
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

step "Release build"
cargo build --release --locked --quiet --bin floss-registry --example gen_tree
bin="$CARGO_TARGET_DIR/release/floss-registry"
gen="$CARGO_TARGET_DIR/release/examples/gen_tree"

work="$(mktemp -d /tmp/floss-http.XXXXXX)"
# nginx's workers run as another user: they must be able to read the static files.
chmod 755 "$work"
serve_pid="" nginx_pid=""
stop() {
    local pid=$1
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop "$serve_pid"
    stop "$nginx_pid"
    rm -rf "$work"
}
trap cleanup EXIT

# Waits until `url` answers 200 (at most `tries` quarter-seconds: an index may be built first).
wait_for() {
    local url=$1 pid=$2 log=$3 tries=${4:-1200} code=""
    for _ in $(seq 1 "$tries"); do
        code=$(curl -sS -o /dev/null -w '%{http_code}' "$url" 2>/dev/null || true)
        [ "$code" = 200 ] && return 0
        kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; return 1; }
        sleep 0.25
    done
    echo "error: $url did not answer 200 (last status: ${code:-none})" >&2
    cat "$log" >&2
    return 1
}

# Requests per second, transfer per second, latency p50 and p99 of one wrk run, as table cells.
run_wrk() {
    local url=$1 out
    out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")"
    echo "$out" >&2
    if grep -q "Non-2xx" <<<"$out"; then
        echo "error: non-2xx answers from $url" >&2
        exit 1
    fi
    awk '
        /Requests\/sec/ {rps = $2}
        /^ +50%/ {p50 = $2}
        /^ +99%/ {p99 = $2}
        END {printf "%s|%s|%s\n", rps, p50, p99}' <<<"$out"
}

corpus_arg=()
[ -d "$corpus/software" ] && corpus_arg=(--corpus "$corpus")
rows=() mem_rows=()

for size in "${sizes[@]}"; do
    if [ "$size" = seed ]; then
        data=registry-data
    else
        data="$work/tree-$size"
        step "Tree of $size entries"
        "$gen" --out "$data" --count "$size" --date 2026-01-01 "${corpus_arg[@]}"
    fi
    state="$work/state-$size"
    step "floss-registry serve ($size) on 127.0.0.1:$app_port"
    "$bin" serve --data "$data" --state "$state" --bind "127.0.0.1:$app_port" >"$work/serve.log" 2>&1 &
    serve_pid=$!
    wait_for "http://127.0.0.1:$app_port/healthz" "$serve_pid" "$work/serve.log"

    # The static copies: the exact bytes the API answers, served by nginx from files.
    root="$work/static-$size"
    mkdir -p "$root"
    for i in "${!queries[@]}"; do
        curl -fsS -o "$root/search-$i.json" "http://127.0.0.1:$app_port/api/v1/search?q=${queries[$i]}"
    done
    cat >"$work/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx-tmp;
    proxy_temp_path $work/nginx-tmp;
    fastcgi_temp_path $work/nginx-tmp;
    uwsgi_temp_path $work/nginx-tmp;
    scgi_temp_path $work/nginx-tmp;
    server {
        listen 127.0.0.1:$static_port;
        root $root;
        location = /search-0 { default_type application/json; try_files /search-0.json =404; }
        location = /search-1 { default_type application/json; try_files /search-1.json =404; }
    }
}
EOF
    mkdir -p "$work/nginx-tmp"
    "$nginx_bin" -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log" 2>>"$work/nginx-error.log" &
    nginx_pid=$!
    wait_for "http://127.0.0.1:$static_port/search-0" "$nginx_pid" "$work/nginx-error.log" 40

    entries=$(curl -fsS "http://127.0.0.1:$app_port/healthz" | grep -o '"entries":[0-9]*' | cut -d: -f2 || true)
    for i in "${!queries[@]}"; do
        q="${queries[$i]}"
        bytes=$(stat -c %s "$root/search-$i.json")
        cmp -s "$root/search-$i.json" <(curl -fsS "http://127.0.0.1:$static_port/search-$i") ||
            { echo "error: nginx does not serve the same bytes" >&2; exit 1; }
        # Warm-up, then the measured runs.
        wrk -t"$threads" -c"$connections" -d2s "http://127.0.0.1:$app_port/api/v1/search?q=$q" >/dev/null
        step "wrk: /api/v1/search?q=$q ($size)"
        IFS='|' read -r app_rps app_p50 app_p99 < <(run_wrk "http://127.0.0.1:$app_port/api/v1/search?q=$q")
        step "wrk: nginx, the same $bytes bytes"
        IFS='|' read -r st_rps st_p50 st_p99 < <(run_wrk "http://127.0.0.1:$static_port/search-$i")
        ratio=$(awk -v a="$app_rps" -v b="$st_rps" 'BEGIN {printf "%.2f", a / b}')
        rows+=("| $size (${entries:-?} entries) | \`$(printf '%b' "${q//%/\\x}")\` | $bytes | **$app_rps** | $app_p50 / $app_p99 | $st_rps | $st_p50 / $st_p99 | **$ratio** |")
    done
    # Resident memory of the server after the load (threads, buffers and caches included).
    mem_rows+=("| $size (${entries:-?} entries) | $(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$serve_pid/status") MiB | $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$serve_pid/status") MiB |")
    stop "$serve_pid"
    serve_pid=""
    stop "$nginx_pid"
    nginx_pid=""
done

cat <<EOF

## HTTP throughput ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $machine; load average $load_start at the start, $(cut -d' ' -f1 /proc/loadavg) at the end)

wrk -t$threads -c$connections -d$duration on 127.0.0.1, one query per run; nginx serves the same bytes from a file.

| catalogue | query | response bytes | /api/v1/search req/s | latency p50 / p99 | nginx static req/s | latency p50 / p99 | ratio |
|---|---|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")

Resident memory of \`floss-registry serve\` after these runs:

| catalogue | VmRSS | VmHWM (peak) |
|---|---:|---:|
$(printf '%s\n' "${mem_rows[@]}")
EOF
