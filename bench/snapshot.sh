#!/usr/bin/env bash
# Snapshot benchmarks (issue: snapshot): prints ratios measured in one run against the simulator's
# generator. Usage: bench/snapshot.sh [RESOURCES=1000000] [GROWTH_RESOURCES=100000] [NIGHTS=30]
# A count of 0 skips that part (e.g. `bench/snapshot.sh 200000 0` for the speed nights only).
# OCIDIFF_BUILD_DIR (default target) is the build folder, as -Docidiff.buildDir gives it to Maven, so
# that parallel checkouts do not share one.
# Run it on an otherwise idle machine: the simulator and ocidiff share its cores.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath -m "${OCIDIFF_BUILD_DIR:-target}")
mvn -B -q -Dstyle.color=never -DskipTests -Docidiff.buildDir="$build" package
cpfile=$(mktemp)
mvn -B -q -Dstyle.color=never -Docidiff.buildDir="$build" dependency:build-classpath -Dmdep.outputFile="$cpfile" \
    -Dmdep.includeScope=test
exec java -Xmx1g -Docidiff.buildDir="$build" -cp "$build/classes:$build/test-classes:$(cat "$cpfile")" \
    io.github.ocidiff.bench.SnapshotBench "$@"
