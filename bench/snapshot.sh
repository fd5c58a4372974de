#!/usr/bin/env bash
# Snapshot benchmarks (issue: snapshot): prints ratios measured in one run against the simulator's
# generator. Usage: bench/snapshot.sh [RESOURCES=1000000] [GROWTH_RESOURCES=100000] [NIGHTS=30] [LATENCY_MS=0] [CHURN=0.01]
# A count of 0 skips that part (e.g. `bench/snapshot.sh 200000 0` for the speed nights only). LATENCY_MS delays
# each of the simulator's answers in the speed part, as a network would (`bench/snapshot.sh 1000000 0 0 200`);
# CHURN is the share of resources each of the speed part's later two nights changes (`bench/snapshot.sh 1000000 0 0 0 0.001`).
# OCIDIFF_BUILD_DIR (default target) is the build folder, as -Docidiff.buildDir gives it to Maven, so
# that parallel checkouts do not share one.
# Run it on an otherwise idle machine: the simulator and ocidiff share its cores.
exec "$(dirname "$0")/run.sh" io.github.ocidiff.bench.SnapshotBench "$@"
