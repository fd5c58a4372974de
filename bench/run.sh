#!/usr/bin/env bash
# Builds ocidiff (tests skipped) and runs one benchmark main class from the test classes with the test
# classpath: bench/run.sh CLASS [ARGS...]. The benchmark scripts (snapshot.sh, diff.sh) call it.
# OCIDIFF_BUILD_DIR (default target) is the build folder, as -Docidiff.buildDir gives it to Maven, so that
# parallel checkouts need not share one; the benchmark finds the jar there through the same property.
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift
build=$(realpath -m "${OCIDIFF_BUILD_DIR:-target}")
mvn -B -q -Dstyle.color=never -DskipTests -Docidiff.buildDir="$build" package
cpfile=$(mktemp)
mvn -B -q -Dstyle.color=never -Docidiff.buildDir="$build" dependency:build-classpath -Dmdep.outputFile="$cpfile" \
    -Dmdep.includeScope=test
exec java -Xmx1g -Docidiff.buildDir="$build" -cp "$build/classes:$build/test-classes:$(cat "$cpfile")" "$main" "$@"
