#!/usr/bin/env bash
# End-to-end speed of tiendo on generated sites, and of Hugo on the same pages
# when `hugo` is on PATH (Debian: apt-get install hugo; this script installs
# nothing).
#
#   internal/bench/run.sh [-p "1000 10000"] [-i 8] [-r 3] [-w DIR]... [-k]
#
#   -p  page counts to generate (Markdown files under content/)
#   -i  indicators in each site
#   -r  measured builds of each site by each tool; the table shows the fastest
#       (wall) and the largest peak RSS of them
#   -w  where to make a work folder; give it twice to compare file systems
#       (default: $TMPDIR or /tmp, then /dev/shm when it is a tmpfs). The
#       whole run is repeated in each, one after the other; the file system
#       matters: see the README's "Performance" section
#   -k  keep the work folder
#
# For each size it generates the site (go run ./internal/bench/gen), builds it
# once to fill the chart cache and warm the page cache (that first build is
# shown as "cold"), then times -r builds of each tool into a fresh folder with
# /usr/bin/time -v, alternating tiendo and Hugo. Then it changes one page and
# times a full rebuild into the existing output, and, when `tiendo serve`
# exists, the rebuild the dev server does after a save (and the same with
# `hugo server`).
set -euo pipefail

pages="1000 10000"
indicators=8
repeat=3
works=()
keep=0
while getopts "p:i:r:w:k" opt; do
	case $opt in
	p) pages=$OPTARG ;;
	i) indicators=$OPTARG ;;
	r) repeat=$OPTARG ;;
	w) works+=("$OPTARG") ;;
	k) keep=1 ;;
	*) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ ! -x /usr/bin/time ]]; then
	echo "run.sh needs GNU time at /usr/bin/time (Debian package time)" >&2
	exit 2
fi
if [[ ${#works[@]} == 0 ]]; then
	works=("${TMPDIR:-/tmp}")
	if [[ $(df -T /dev/shm 2>/dev/null | awk 'NR==2 {print $2}') == tmpfs ]]; then works+=(/dev/shm); fi
fi
# Everything goes into new folders of their own, removed at the end unless -k.
made=()
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	if [[ $keep == 0 ]]; then rm -rf "${made[@]}"; fi
}
trap cleanup EXIT
bin=$(mktemp -d "${TMPDIR:-/tmp}/tiendo-bench-bin.XXXXXX")
made+=("$bin")

hugo=$(command -v hugo || true)
echo "# tiendo benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM"
echo "go: $(go version | cut -d' ' -f3-)"
if [[ -n $hugo ]]; then echo "hugo: $("$hugo" version | cut -d' ' -f1-2)"; else echo "hugo: not installed (apt-get install hugo): tiendo only"; fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

(cd "$root" && go build -o "$bin/tiendo" ./cmd/tiendo)
tiendo=$bin/tiendo

# measure LABEL CMD... runs CMD under /usr/bin/time -v and prints
# "LABEL wall_s rss_kib user_s sys_s".
measure() {
	local label=$1
	shift
	local t=$work/time.txt
	if ! /usr/bin/time -v -o "$t" "$@" >"$work/out.txt" 2>&1; then
		echo "failed: $*" >&2
		cat "$work/out.txt" >&2
		exit 1
	fi
	awk -v label="$label" -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
		/Maximum resident set size/ { rss = $2 }
		/User time/ { u = $2 }
		/System time/ { s = $2 }
		END { printf "%s %.2f %d %.2f %.2f\n", label, w, rss, u, s }' "$t"
}

# best RESULTS: the fastest wall time and the largest peak RSS of a tool's
# runs, and their mean CPU time.
best() {
	awk '{ if (n == 0 || $2 < w) w = $2; if ($3 > r) r = $3; u += $4; s += $5; n++ }
		END { printf "%.2f %d %.2f %.2f\n", w, r, u / n, s / n }'
}

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }

rows=()
growth=()
for base in "${works[@]}"; do
	mkdir -p "$base"
	work=$(mktemp -d "$base/tiendo-bench.XXXXXX")
	made+=("$work")
	fstype=$(df -T "$work" | awk 'NR==2 {print $2}')
	echo "# work folder: $work ($fstype)"
	echo
	for n in $pages; do
		site=$work/site-$n
		hsite=$work/hugo-$n
		rm -rf "$site" "$hsite"
		(cd "$root" && go run ./internal/bench/gen -pages "$n" -indicators "$indicators" -seed 1 -out "$site" ${hugo:+-hugo "$hsite"})
		echo "## $n pages ($(du -sh "$site/content" | cut -f1) of Markdown)"

		cold=$(measure cold "$tiendo" build -q -s "$site" -d "$work/out-t")
		echo "tiendo, cold (draws the charts): $(echo "$cold" | awk '{print $2 " s, " int($3/1024) " MiB"}')"
		if [[ -n $hugo ]]; then
			hcold=$(measure cold "$hugo" --quiet -s "$hsite" -d "$work/out-h")
			echo "hugo, first build: $(echo "$hcold" | awk '{print $2 " s, " int($3/1024) " MiB"}')"
		fi

		: >"$work/t.txt"
		: >"$work/h.txt"
		# Each run writes a new folder: deleting 10,000 files just before a run
		# makes the next run's file system work slower and noisier.
		for ((i = 1; i <= repeat; i++)); do
			measure tiendo "$tiendo" build -q -s "$site" -d "$work/out-t-$i" | tee -a "$work/t.txt"
			if [[ -n $hugo ]]; then
				measure hugo "$hugo" --quiet -s "$hsite" -d "$work/out-h-$i" | tee -a "$work/h.txt"
			fi
		done
		read -r tw tr tu ts < <(best <"$work/t.txt")
		hw=0 hr=0
		if [[ -n $hugo ]]; then read -r hw hr hu hs < <(best <"$work/h.txt"); fi

		# One changed page, rebuilt into the existing output.
		page=$(find "$site/content" -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
		rel=${page#"$site/"}
		echo "Cập nhật lúc $(date +%s%N)." >>"$page"
		re=$(measure rebuild "$tiendo" build -q -s "$site" -d "$work/out-t-1")
		rew=$(echo "$re" | cut -d' ' -f2)
		hrew="–"
		if [[ -n $hugo ]]; then
			echo "Cập nhật lúc $(date +%s%N)." >>"$hsite/$rel"
			hrew=$(measure rebuild "$hugo" --quiet -s "$hsite" -d "$work/out-h-1" | cut -d' ' -f2)
		fi
		echo "one page changed, full rebuild into the existing output: tiendo $rew s, hugo $hrew s"

		# The dev servers: time from saving a page to the end of the rebuild.
		srv="–" srvrss="–" hsrv="–"
		if "$tiendo" help 2>&1 | grep -q 'tiendo serve'; then
			port=$((20000 + RANDOM % 20000))
			"$tiendo" serve -s "$site" --port "$port" --lang en >"$work/serve.log" 2>&1 &
			pid=$!
			pids+=("$pid")
			for ((t = 0; t < 600; t++)); do grep -q 'Built' "$work/serve.log" && break; sleep 0.1; done
			sleep 0.3
			echo "Cập nhật lúc $(date +%s%N)." >>"$page"
			for ((t = 0; t < 600; t++)); do grep -q 'Rebuilt' "$work/serve.log" && break; sleep 0.05; done
			srv=$(grep -m1 'Rebuilt' "$work/serve.log" | grep -o '[0-9]* ms' || echo "–")
			srvrss=$(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status")
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
		if [[ -n $hugo ]]; then
			port=$((20000 + RANDOM % 20000))
			"$hugo" server -s "$hsite" --port "$port" --disableFastRender >"$work/hserve.log" 2>&1 &
			pid=$!
			pids+=("$pid")
			for ((t = 0; t < 600; t++)); do grep -q 'Web Server is available' "$work/hserve.log" && break; sleep 0.1; done
			sleep 0.3
			echo "Cập nhật lúc $(date +%s%N)." >>"$hsite/$rel"
			# Hugo prints "Built in" after the first build, "Total in" after each
			# rebuild (of the changed pages only).
			for ((t = 0; t < 600; t++)); do grep -q 'Total in' "$work/hserve.log" && break; sleep 0.05; done
			hsrv=$(grep -m1 'Total in' "$work/hserve.log" | grep -o '[0-9]* ms' || echo "–")
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
		echo "one page changed, dev server rebuild: tiendo serve $srv (peak RSS $srvrss), hugo server $hsrv"
		echo
		rm -rf "$work"/out-*

		if [[ -n $hugo ]]; then
			hcols="$hw | $(mib "$hr") | $hu + $hs | $(ratio "$tw" "$hw") | $(ratio "$tr" "$hr")"
		else
			hcols="– | – | – | – | –"
		fi
		rows+=("| $n | $fstype | $tw | $(mib "$tr") | $(awk -v n="$n" -v w="$tw" 'BEGIN { printf "%.0f", n / w }') | $tu + $ts | $hcols | $rew / $hrew | $srv / $hsrv |")
		# Growth from the previous size on this file system.
		if [[ -n ${prev:-} ]]; then
			read -r pn pw pr <<<"$prev"
			growth+=("| $fstype | $pn → $n | ×$(ratio "$n" "$pn") | ×$(ratio "$tw" "$pw") | ×$(ratio "$tr" "$pr") |")
		fi
		prev="$n $tw $tr"
	done
	if [[ $keep == 0 ]]; then rm -rf "$work"/site-* "$work"/hugo-*; fi
	prev=""
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| pages | file system | tiendo wall s | tiendo peak RSS MiB | tiendo pages/s | tiendo CPU s (user + sys) | hugo wall s | hugo peak RSS MiB | hugo CPU s | wall tiendo/hugo | RSS tiendo/hugo | 1 page changed: rebuild s, tiendo / hugo | 1 page changed: dev server, tiendo / hugo |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
if [[ ${#growth[@]} -gt 0 ]]; then
	echo
	echo "| file system | pages | pages grew | tiendo wall grew | tiendo peak RSS grew |"
	echo "|---|---|---|---|---|"
	printf '%s\n' "${growth[@]}"
fi
