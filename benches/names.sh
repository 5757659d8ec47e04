#!/bin/sh
# How long TAB waits for monitor names: `hm __names monitors`, which the
# bash and fish completion scripts call, against a config of 100 monitors
# and a pool of 200 instances (301 names). The target is 50 ms; quote the
# mean and the range. Usage: benches/names.sh [path to hm] (release build
# by default).
set -eu
hm="${1:-target/release/hm}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
{
    echo 'host_defaults = false'
    i=1
    while [ "$i" -le 100 ]; do
        printf '[[monitor]]\nname = "m%d"\nkind = "tcp"\naddress = "127.0.0.1:%d"\n' "$i" "$((20000 + i))"
        i=$((i + 1))
    done
    printf '[[monitor]]\nname = "api"\nkind = "process"\ninstances = 200\npattern = "^api-{i} "\n'
} >"$dir/hm.toml"
[ "$("$hm" __names monitors --config "$dir/hm.toml" | wc -l)" -eq 301 ] || { echo "expected 301 names" >&2; exit 1; }
hyperfine -N --warmup 5 --runs 100 "$hm __names monitors --config $dir/hm.toml"
