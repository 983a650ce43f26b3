#!/usr/bin/env bash
# Build speed and memory of foilog against the floor any generator pays.
#
#   scripts/bench-build.sh [N] [ROUNDS]      (defaults: 10000 responses, 5 rounds)
#
# Generates a synthetic log of N responses (internal/synth, seed 1) once,
# then runs ROUNDS rounds of: BenchmarkFloor (goldmark converting every body
# and writing one index.html per response, on all cores), BenchmarkBuild
# (a full foilog build streamed into a fresh folder) and BenchmarkBuildBare
# (the same build with layouts that do no work), one iteration each, so
# all three see the machine in the same state. Every run writes to a folder of
# its own, removed only when all rounds have run (see outputRoot in
# internal/site/bench_test.go for why). It prints every pair, the medians,
# the median of the per-round ratios, and the peak resident memory of
# `foilog build` on the same log. Figures on a shared machine are noisy:
# compare the ratio, not the seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
rounds=${2:-5}
k=$((n / 1000))k
tmp=$(mktemp -d)
out=$(mktemp -d "${TMPDIR:-/tmp}/foilog-bench-out.XXXXXX")
trap 'rm -rf "$tmp" "$out"' EXIT
export FOILOG_BENCH_OUT=$out

go test -c -o "$tmp/site.test" ./internal/site
go build -o "$tmp/foilog" ./cmd/foilog
log="${TMPDIR:-/tmp}/foilog-bench-$n"
if [ ! -f "$log/foilog.yaml" ]; then
	rm -rf "$log"
	go run ./cmd/foilog-synth -n "$n" -seed 1 -out "$log" >/dev/null
fi

run() { # benchmark name → seconds
	(cd internal/site && "$tmp/site.test" -test.run '^$' -test.bench "^Benchmark$1\$/^$k\$" -test.benchtime 1x -test.timeout 30m) |
		awk '/^Benchmark/ { printf "%.3f\n", $3 / 1e9 }'
}

: >"$tmp/pairs"
for r in $(seq "$rounds"); do
	f=$(run Floor)
	b=$(run Build)
	z=$(run BuildBare)
	echo "$f $b $z" >>"$tmp/pairs"
	printf 'round %d: floor %6.2fs  build %6.2fs  ratio %.2f  bare layouts %6.2fs  ratio %.2f\n' "$r" "$f" "$b" \
		"$(awk -v b="$b" -v f="$f" 'BEGIN { print b / f }')" "$z" "$(awk -v b="$z" -v f="$f" 'BEGIN { print b / f }')"
done
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mf=$(cut -d' ' -f1 "$tmp/pairs" | median)
mb=$(cut -d' ' -f2 "$tmp/pairs" | median)
mr=$(awk '{ print $2 / $1 }' "$tmp/pairs" | median)
mz=$(cut -d' ' -f3 "$tmp/pairs" | median)
mzr=$(awk '{ print $3 / $1 }' "$tmp/pairs" | median)
printf 'median over %d rounds, %d responses: floor %.2fs, build %.2fs, ratio %.2f; bare layouts %.2fs, ratio %.2f\n' "$rounds" "$n" "$mf" "$mb" "$mr" "$mz" "$mzr"

sync
/usr/bin/time -f '%M' -o "$tmp/rss" "$tmp/foilog" build --source "$log" --dest "$tmp/public" >/dev/null
printf 'peak memory of foilog build: %d MB\n' $(( $(cat "$tmp/rss") / 1024 ))
