#!/bin/sh
# Regenerates the encodings Excel and LibreOffice write from source.csv
# (UTF-8, hand-written), with iconv — not typed by hand:
#   utf8-bom.csv    "CSV UTF-8" (with a byte-order mark)
#   utf16.txt       "Unicode text": UTF-16LE with BOM, tab-separated
#   cp1258.csv      plain "CSV" on Vietnamese Windows: Windows-1258, tones as
#                   combining marks (iconv decomposes them as Excel does)
set -eu
cd "$(dirname "$0")"
{ printf '\357\273\277'; cat source.csv; } > utf8-bom.csv
{ printf '\377\376'; python3 -c 'import csv,sys; w=csv.writer(sys.stdout, delimiter="\t", lineterminator="\r\n"); [w.writerow(r) for r in csv.reader(open("source.csv", encoding="utf-8"))]' | iconv -f UTF-8 -t UTF-16LE; } > utf16.txt
sed 's/$/\r/' source.csv | iconv -f UTF-8 -t CP1258 > cp1258.csv
