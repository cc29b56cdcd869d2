#!/bin/bash
# Installs the build into a temporary prefix and uses it as a library user
# would: demo.c built with `pkg-config --cflags --libs wardgraph` (shared),
# with `pkg-config --static` (the static library and its Requires.private),
# and by a CMake project with find_package(wardgraph) (both targets); checks
# that the shared library exports the public API only, and that the man page
# and bash completion are installed and work.
#
# usage: test_install.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR C_COMPILER "EXTRA_CFLAGS"
set -u
build=$1 src=$2 scratch=$3/install cc=$4 extra=${5:-}
rm -rf "$scratch" && mkdir -p "$scratch" || exit 1
prefix=$scratch/prefix
passed=0 failed=0
check() { # check WHAT COMMAND...
    local what=$1; shift
    if "$@" >"$scratch/last.log" 2>&1; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL: $what"; sed 's/^/    /' "$scratch/last.log" | tail -20; fi
}
expect_demo() { # the demo's output: the entities of its article and the network
    "$1" >"$scratch/demo.out" 2>&1 && grep -qx "official	Nguyễn Văn An" "$scratch/demo.out" &&
        grep -qx "ward	phường Bến Nghé" "$scratch/demo.out" && grep -q "^network: [1-9][0-9]* nodes" "$scratch/demo.out" ||
        { cat "$scratch/demo.out"; return 1; }
}

check "cmake --install" cmake --install "$build" --prefix "$prefix"
libdir=$(dirname "$(find "$prefix" -name wardgraph.pc | head -1)")/..
libdir=$(cd "$libdir" && pwd)
for f in bin/wardgraph include/wardgraph.h share/man/man1/wardgraph.1 share/bash-completion/completions/wardgraph; do
    check "installed $f" test -f "$prefix/$f"
done
for f in libwardgraph.a libwardgraph.so pkgconfig/wardgraph.pc cmake/wardgraph/wardgraphConfig.cmake; do
    check "installed lib/$f" test -e "$libdir/$f"
done
check "installed binary runs" "$prefix/bin/wardgraph" --version

# the shared library exports the header's names and nothing else
nm -D --defined-only "$libdir/libwardgraph.so" | awk '$2 ~ /[TDRB]/ {print $3}' | sed 's/@.*//' | sort -u >"$scratch/exported"
check "exports the public API (wg_init, wg_graph_write_opts)" grep -qx -e wg_init "$scratch/exported"
check "exports wg_graph_write_opts" grep -qx wg_graph_write_opts "$scratch/exported"
check "exports no internals" bash -c "! grep -v -x -F -f <(grep -o 'wg_[a-z0-9_]*' '$src/include/wardgraph.h' | sort -u) '$scratch/exported'"

export PKG_CONFIG_PATH=$libdir/pkgconfig
check "pkg-config knows wardgraph" pkg-config --exists wardgraph
for m in igraph libxml-2.0 icu-uc icu-i18n; do
    check "Requires.private lists $m" bash -c "pkg-config --print-requires-private wardgraph | grep -q '^$m\\b'"
done
# shared: the plain pkg-config line
check "cc with pkg-config --cflags --libs" bash -c \
    "$cc $extra '$src/tests/install/demo.c' -o '$scratch/demo_pc' \$(pkg-config --cflags --libs wardgraph) -Wl,-rpath,'$libdir'"
check "the pkg-config program runs" expect_demo "$scratch/demo_pc"
check "it uses the shared library" bash -c "ldd '$scratch/demo_pc' | grep -q 'libwardgraph.so.0 => $libdir'"
# static: --static adds igraph, libxml2, ICU and -lm (Requires.private,
# Libs.private). Debian's igraph.pc lists static-only libraries of its own
# (glpk, arpack, plfit) that its -dev package does not ship, so the line is
# checked for ours and the program linked with the shared igraph, libxml2
# and ICU that Requires.private names.
check "pkg-config --static names igraph, libxml2, ICU, -lm" bash -c \
    "l=\$(pkg-config --static --libs wardgraph); for x in -lwardgraph -ligraph -lxml2 -licuuc -licui18n -lm; do case \" \$l \" in *\" \$x \"*) ;; *) echo \"no \$x in \$l\"; exit 1;; esac; done"
check "cc with the static library and Requires.private" bash -c \
    "$cc $extra '$src/tests/install/demo.c' -o '$scratch/demo_static_pc' \$(pkg-config --cflags wardgraph) '$libdir/libwardgraph.a' \$(pkg-config --libs \$(pkg-config --print-requires-private wardgraph | sed 's/ *[<>=].*//')) -pthread -lm"
check "the static program runs" expect_demo "$scratch/demo_static_pc"
check "it does not need libwardgraph.so" bash -c "! ldd '$scratch/demo_static_pc' | grep -q libwardgraph"

# CMake: find_package(wardgraph)
check "find_package: configure" cmake -S "$src/tests/install/consumer" -B "$scratch/consumer" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$extra" -DCMAKE_BUILD_TYPE=Release
check "find_package: build" cmake --build "$scratch/consumer"
check "find_package: wardgraph::wardgraph runs" expect_demo "$scratch/consumer/demo_shared"
check "find_package: wardgraph::wardgraph_static runs" expect_demo "$scratch/consumer/demo_static"

# the man page renders and covers every command; completion completes
if command -v groff >/dev/null; then
    check "the man page renders without warnings" bash -c \
        "groff -man -Tutf8 -ww '$prefix/share/man/man1/wardgraph.1' 2>&1 >/dev/null | (! grep .)"
fi
for c in $("$prefix/bin/wardgraph" --help | awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
    check "the man page has a section for $c" grep -q "^\.SS wardgraph $c\$" "$prefix/share/man/man1/wardgraph.1"
done
complete_words() { # complete_words WORD... : what bash completion offers for the last word
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _wardgraph; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$prefix/share/bash-completion/completions/wardgraph" "$@"
}
export -f complete_words; export prefix
check "completion: commands" bash -c '[ "$(complete_words wardgraph vi)" = view ]'
check "completion: options" bash -c '[ "$(complete_words wardgraph build --gexf)" = --gexf-version ]'
check "completion: values" bash -c '[ "$(complete_words wardgraph rank g --by page)" = pagerank ]'

echo "install: $passed checks passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
