#!/bin/sh
# Accepts the current outputs of the golden tests: run ctest first, then
# `tests/golden/update.sh BUILD_DIR [NAME...]`, and review `git diff` before committing.
set -eu
build=${1:?usage: update.sh BUILD_DIR [NAME...]}
shift
here=$(dirname "$0")
if [ $# -eq 0 ]; then set -- $(cd "$build/tests/golden" && ls *.actual | sed 's/\.actual$//'); fi
for name in "$@"; do
  cp "$build/tests/golden/$name.actual" "$here/$name.expected"
  echo "updated $here/$name.expected"
done
