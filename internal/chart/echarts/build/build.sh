#!/bin/sh
# build.sh makes ../echarts.min.js: Apache ECharts 5.6.0 (npm package
# echarts, pinned with zrender and tslib in package-lock.json) holding only
# what tiendo draws with (echarts.tiendo.js says what and why), bundled and
# minified by esbuild (pinned too) as a script that sets the global
# `echarts`, like dist/echarts.min.js. The same inputs give the same bytes:
# run it after changing echarts.tiendo.js or a version, and commit the
# result with them. It copies beside it, from the same packages, the
# Vietnamese locale and the licences: ECharts' LICENSE and NOTICE, d3's
# (ECharts' number helpers come from d3) and zrender's.
#
#   sh internal/chart/echarts/build/build.sh           # rewrite the files in ..
#   sh internal/chart/echarts/build/build.sh --check   # fail if one differs
#
# Needs node and npm. npm ci --ignore-scripts: esbuild's install script
# only checks its binary, which comes in the package @esbuild/<platform>.
set -eu
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
out=../echarts.min.js
if [ "${1:-}" = --check ]; then
	out=$(mktemp)
	trap 'rm -f "$out"' EXIT
fi
# The licence header of dist/echarts.min.js, and a line saying which build
# this is; the licence comments of the bundled files (tslib's) stay at the
# end.
banner=$(cat <<'END'

/*
* Licensed to the Apache Software Foundation (ASF) under one
* or more contributor license agreements.  See the NOTICE file
* distributed with this work for additional information
* regarding copyright ownership.  The ASF licenses this file
* to you under the Apache License, Version 2.0 (the
* "License"); you may not use this file except in compliance
* with the License.  You may obtain a copy of the License at
*
*   http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing,
* software distributed under the License is distributed on an
* "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
* KIND, either express or implied.  See the License for the
* specific language governing permissions and limitations
* under the License.
*/

/* Apache ECharts 5.6.0 with zrender 5.6.1: a custom build for tiendo
 * (line, bar and map charts; SVG renderer), made by
 * internal/chart/echarts/build/build.sh from echarts.tiendo.js. */
END
)
node_modules/.bin/esbuild echarts.tiendo.js \
	--bundle --minify --format=iife --global-name=echarts --target=es5 \
	--define:process.env.NODE_ENV='"production"' \
	--legal-comments=eof --banner:js="$banner" \
	--log-level=warning --outfile="$out"
# Each file of .. and where it comes from.
copies='langVI.js:echarts/i18n/langVI.js LICENSE:echarts/LICENSE NOTICE:echarts/NOTICE LICENSE-d3:echarts/licenses/LICENSE-d3 LICENSE-zrender:zrender/LICENSE'
if [ "${1:-}" != --check ]; then
	for c in $copies; do
		cp "node_modules/${c#*:}" "../${c%%:*}"
	done
	exit 0
fi
status=0
cmp -s "$out" ../echarts.min.js || { echo "internal/chart/echarts/echarts.min.js differs from what build.sh makes" >&2; status=1; }
for c in $copies; do
	cmp -s "node_modules/${c#*:}" "../${c%%:*}" || { echo "internal/chart/echarts/${c%%:*} differs from node_modules/${c#*:}" >&2; status=1; }
done
if [ $status -ne 0 ]; then
	echo "run sh internal/chart/echarts/build/build.sh and commit what it writes" >&2
	exit 1
fi
echo "internal/chart/echarts: as build.sh makes it"
