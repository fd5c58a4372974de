#!/usr/bin/env bash
# Snapshot benchmarks (issue: snapshot): prints ratios measured in one run against the simulator's
# generator. Usage: bench/snapshot.sh [RESOURCES=1000000] [GROWTH_RESOURCES=100000] [NIGHTS=30]
# Run it on an otherwise idle machine: the simulator and ocidiff share its cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests package
cpfile=$(mktemp)
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$cpfile")" io.github.ocidiff.bench.SnapshotBench "$@"
