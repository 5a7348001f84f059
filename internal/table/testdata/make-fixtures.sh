#!/bin/sh
# make-fixtures.sh regenerates the encoded fixtures from chi-tieu.csv, the
# only hand-written one, with the tools a staff member's file would have
# passed through: Python's csv module rewrites the dialect (delimiter, CRLF
# record ends, quoting as Excel does it) and iconv does the encoding.
#
#   chi-tieu-bom.csv            Excel "CSV UTF-8": BOM, comma, CRLF
#   chi-tieu-utf16.txt          Excel "Unicode text": UTF-16LE with BOM, tab, CRLF
#   chi-tieu-1258.csv           Excel "CSV" on Vietnamese Windows: Windows-1258, comma, CRLF
#   chi-tieu-1258-semicolon.csv the same with ';' and decimal commas, as
#                               with Vietnamese regional settings
#   so-lieu-nghin-utf16.txt     so-lieu-nghin.csv (hand-written, thousands
#                               with dots as Vietnamese staff type them) as
#                               Excel "Unicode text": UTF-16LE, tab, CRLF
#
# glibc's iconv writes CP1258 tones as combining marks by itself, as Excel
# does, and wants composed (NFC) input: with NFD input it stops at the first
# vowel with two marks. So the input is put in NFC first.
#
# Run from this directory: sh make-fixtures.sh
set -eu

dialect() { # dialect DELIM DECIMAL_COMMA < csv > csv
	python3 -c '
import csv, sys, unicodedata
delim, dec = sys.argv[1], sys.argv[2] == "1"
rows = list(csv.reader(sys.stdin))
out = csv.writer(sys.stdout, delimiter=delim, lineterminator="\r\n")
for i, row in enumerate(rows):
    if dec and i > 0 and len(row) > 4:
        row[4] = row[4].replace(".", ",")
    out.writerow([unicodedata.normalize("NFC", c) for c in row])
' "$1" "$2"
}

export PYTHONIOENCODING=utf-8

{ printf '\357\273\277'; dialect , 0 < chi-tieu.csv; } > chi-tieu-bom.csv
{ printf '\377\376'; dialect "$(printf '\t')" 0 < chi-tieu.csv | iconv -f UTF-8 -t UTF-16LE; } > chi-tieu-utf16.txt
dialect , 0 < chi-tieu.csv | iconv -f UTF-8 -t CP1258 > chi-tieu-1258.csv
dialect ';' 1 < chi-tieu.csv | iconv -f UTF-8 -t CP1258 > chi-tieu-1258-semicolon.csv
{ printf '\377\376'; dialect "$(printf '\t')" 0 < so-lieu-nghin.csv | iconv -f UTF-8 -t UTF-16LE; } > so-lieu-nghin-utf16.txt
