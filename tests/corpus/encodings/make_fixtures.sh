#!/bin/sh
# Writes the encoding fixtures of this directory from one sample article
# (tests/corpus/seeds/002_*.txt, as nguyenthaibinh.txt: plain UTF-8 NFC).
# Every variant holds the same article and must give wardgraph the same
# entities (tests/unit/test_text_roundtrip.c); the last few must be skipped
# or warned about (tests/golden/text_*.args). Run from the top of the
# checkout; the files are committed, run this only to regenerate them.
set -eu
cd "$(dirname "$0")"
cat ../seeds/002_*.txt > nguyenthaibinh.txt

# windows-1258, as Vietnamese Windows wrote it: glibc's iconv decomposes
# the tone marks into combining characters (0xCC, 0xEC, 0xD2, 0xDE, 0xF2)
iconv -f UTF-8 -t WINDOWS-1258 nguyenthaibinh.txt > nguyenthaibinh.cp1258.txt
# UTF-16 with a byte order mark, both byte orders
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE nguyenthaibinh.txt; } > nguyenthaibinh.utf16le.txt
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE nguyenthaibinh.txt; } > nguyenthaibinh.utf16be.txt
# UTF-8 with a byte order mark
{ printf '\357\273\277'; cat nguyenthaibinh.txt; } > nguyenthaibinh.bom.txt
# decomposed (NFD) letters; the other tone placement with Windows line ends
# and non-breaking spaces; invalid bytes between sentences
python3 - <<'PY'
import unicodedata
t = open("nguyenthaibinh.txt", encoding="utf-8").read()
open("nguyenthaibinh.nfd.txt", "w", encoding="utf-8").write(unicodedata.normalize("NFD", t))
o = t
for a, b in (("ủy", "uỷ"), ("Ủy", "Uỷ"), ("hòa", "hoà"), ("hóa", "hoá"), ("Hóa", "Hoá"), ("khỏe", "khoẻ"), ("thủy", "thuỷ")):
    o = o.replace(a, b)
o = o.replace("Quận 1", "Quận\u00a01").replace("\n", "\r\n")
open("nguyenthaibinh.oldtone-crlf.txt", "w", encoding="utf-8", newline="").write(o)
b = t.encode("utf-8").replace(b". ", b".\xff\xfe ", 3).replace(b"; ", b";\xc3 ", 2)
open("nguyenthaibinh.invalid-utf8.txt", "wb").write(b)
PY

# small articles for the CLI's golden tests (no names: the output does not
# depend on the extractor): stray invalid bytes; windows-1258
printf 'H\303\264\314\243i ngh\341\273\213 giao ban\n\nS\303\241ng ng\303\240y 11/5, h\341\273\231i ngh\341\273\213 \377\376di\341\273\205n ra t\341\272\241i h\341\273\231i tr\306\260\341\273\235ng.\303\n\nXu\303\242n Thoa\n' > meeting.invalid-utf8.txt
printf 'Hội nghị giao ban\n\nChiều 13/4, hội nghị diễn ra tại hội trường; các đại biểu thống nhất kế hoạch năm.\n\nNgày đăng 14/04/2023\n\nMinh Cường\n' | iconv -f UTF-8 -t WINDOWS-1258 > meeting.cp1258.txt

# directories are read recursively: a page (.htm) one level down, next to
# a file that is no article
mkdir -p more
printf '<html><head><meta charset="utf-8"><title>Giao ban</title></head><body><h1>Họp giao ban tuần</h1><p>Sáng thứ Hai (24/2), cuộc họp giao ban diễn ra tại hội trường.</p><p style="text-align:right">Ngọc Tiến</p></body></html>\n' > more/giao-ban.htm
printf 'Ghi chú: tệp này không phải bài viết.\n' > more/notes.md

# inputs to skip, each with its reason
: > empty.txt
printf '\n  \r\n\t\n' > blank.txt
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\001' > binary.txt
iconv -f UTF-8 -t UTF-16LE nguyenthaibinh.txt | head -c 400 > utf16-without-bom.txt
head -c 600 nguyenthaibinh.cp1258.txt > cp1258-read-as-utf8.txt
