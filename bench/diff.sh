#!/usr/bin/env bash
# Diff and attribution benchmarks: prints, measured in one run, diff time at RESOURCES / at SMALL_RESOURCES
# (both with CHANGES changes), and Audit events attributed per second over a day of AUDIT_RESOURCES
# generated resources (about 10 events each) with the attributing JVM's peak heap under -Xmx512m.
# Usage: bench/diff.sh [RESOURCES=1000000] [SMALL_RESOURCES=10000] [CHANGES=1000] [AUDIT_RESOURCES=100000]
# A count of 0 skips its part. Run it on an otherwise idle machine: the simulator and ocidiff share its cores.
exec "$(dirname "$0")/run.sh" io.github.ocidiff.bench.DiffBench "$@"
