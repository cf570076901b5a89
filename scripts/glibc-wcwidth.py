#!/usr/bin/env python3
"""Print libc's wcwidth() for every Unicode scalar value, in the C.UTF-8 locale.

One character per code point from U+0000 to U+10FFFF (surrogates included, as
'x'): '0', '1' or '2', or 'x' where wcwidth() returns -1 (unassigned or not
printable). The first line is the C library's name and version.

This is the oracle the console's width table is checked against (and the old
terminal the table's "unstable" set is measured from): tmux and most terminals
on Linux draw exactly what the C library's wcwidth() says.
"""
import ctypes
import locale
import sys

locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
libc = ctypes.CDLL("libc.so.6")
libc.wcwidth.argtypes = [ctypes.c_uint32]
libc.wcwidth.restype = ctypes.c_int
libc.gnu_get_libc_version.restype = ctypes.c_char_p

wcwidth = libc.wcwidth
digits = {0: "0", 1: "1", 2: "2"}
out = [digits.get(wcwidth(cp), "x") for cp in range(0x110000)]
sys.stdout.write("glibc " + libc.gnu_get_libc_version().decode() + "\n")
sys.stdout.write("".join(out))
