#!/usr/bin/env bash
# What reading details (snapshot.enrich) costs a night: the same night of the simulator's generator taken into an
# empty store without enrichment, with policies and security lists (read from their compartment's list), with
# network security groups and buckets (a request each), with all four, and with all four and Core and Object Storage
# allowed 16 requests at once (oci.concurrency); prints each run's time and requests and its ratio to the run
# without, measured in one run. Usage: bench/enrich.sh [RESOURCES=20000] [DEPTH=2] [WIDTH=4] [LATENCY_MS=200]
# (the generator's compartment tree: WIDTH children a compartment, DEPTH levels).
# OCIDIFF_BUILD_DIR (default target) is the build folder, as -Docidiff.buildDir gives it to Maven.
exec "$(dirname "$0")/run.sh" io.github.ocidiff.bench.EnrichBench "$@"
