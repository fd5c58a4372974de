package io.github.ocidiff.sim;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Faults the simulator injects, deterministic for one seed: whether a request fails depends only on
 * the seed, the request and how many times that same request was made before, never on thread timing.
 *
 * @param throttleRate       fraction of requests answered 429 TooManyRequests with Retry-After
 * @param retryAfterSeconds  the Retry-After value sent with a 429
 * @param errorRate          fraction of requests answered 500 InternalServerError
 * @param truncateRate       fraction of successful list responses whose JSON body is cut in half
 * @param pageLatency        added before every answer
 * @param downRegions        regions answering 503 to everything
 * @param failingCompartment a compartment whose Search and Audit pages fail (500) from page
 *                           {@code failAfterPages} on, every time, as do the Search queries naming resources
 *                           that it holds and its LISTs of policies, security lists, NSGs and buckets (from their
 *                           first page); null for none
 * @param staleRate          fraction of the resources Search lists that their service deleted after Search indexed
 *                           them: their GET answers 404 and their service's LIST leaves them out
 * @param readDenied         resource types whose GET answers 404 while their LIST shows them, as for a caller whose
 *                           policy grants inspect but not read on them
 * @param maxQueryLength     the longest Search query answered, in characters; a longer one is refused (400
 *                           InvalidParameter), as OCI may refuse one by a limit it does not document; 0 for none
 * @param pagingShift        whether each later page of a Search query starts one resource further, as when a resource
 *                           of the pages answered leaves the index while the query pages: the first resource of each
 *                           later page is never answered by that query
 * @param refuseNotEqual     whether Search refuses (400) a query with a {@code !=} condition, as a Search without
 *                           them would
 * @param indexLag           how long after its creation Search first lists a resource, counted back from the end of
 *                           the day served (23:59:59): Search indexes new resources with a delay, so a snapshot misses
 *                           those created just before it; zero for none
 */
public record FaultPlan(
        long seed,
        double throttleRate,
        int retryAfterSeconds,
        double errorRate,
        double truncateRate,
        Duration pageLatency,
        Set<String> downRegions,
        String failingCompartment,
        int failAfterPages,
        double staleRate,
        Set<String> readDenied,
        int maxQueryLength,
        boolean pagingShift,
        boolean refuseNotEqual,
        Duration indexLag) {

    public FaultPlan {
        requireFraction("throttleRate", throttleRate);
        requireFraction("errorRate", errorRate);
        requireFraction("truncateRate", truncateRate);
        requireFraction("staleRate", staleRate);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, got " + retryAfterSeconds);
        }
        if (failAfterPages < 0) {
            throw new IllegalArgumentException("failAfterPages must be >= 0, got " + failAfterPages);
        }
        if (maxQueryLength < 0) {
            throw new IllegalArgumentException("maxQueryLength must be >= 0 (0 for no limit), got " + maxQueryLength);
        }
        downRegions = Set.copyOf(downRegions);
        readDenied = readDenied.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        pageLatency = pageLatency == null ? Duration.ZERO : pageLatency;
        indexLag = indexLag == null ? Duration.ZERO : indexLag;
        if (indexLag.isNegative()) {
            throw new IllegalArgumentException("indexLag must be >= 0, got " + indexLag.toMinutes() + " minutes");
        }
    }

    public static FaultPlan none() {
        return new FaultPlan(0, 0, 1, 0, 0, Duration.ZERO, Set.of(), null, 0, 0, Set.of(), 0, false, false,
                Duration.ZERO);
    }

    public FaultPlan withThrottling(double rate, int retryAfter) {
        return edit(b -> {
            b.throttleRate = rate;
            b.retryAfterSeconds = retryAfter;
        });
    }

    public FaultPlan withErrors(double rate) {
        return edit(b -> b.errorRate = rate);
    }

    public FaultPlan withDownRegions(Set<String> regions) {
        return edit(b -> b.downRegions = regions);
    }

    public FaultPlan withFailingCompartment(String compartmentId, int afterPages) {
        return edit(b -> {
            b.failingCompartment = compartmentId;
            b.failAfterPages = afterPages;
        });
    }

    public FaultPlan withTruncation(double rate) {
        return edit(b -> b.truncateRate = rate);
    }

    public FaultPlan withLatency(Duration latency) {
        return edit(b -> b.pageLatency = latency);
    }

    public FaultPlan withSeed(long newSeed) {
        return edit(b -> b.seed = newSeed);
    }

    public FaultPlan withStaleIndex(double rate) {
        return edit(b -> b.staleRate = rate);
    }

    public FaultPlan withReadDenied(Set<String> types) {
        return edit(b -> b.readDenied = types);
    }

    public FaultPlan withMaxQueryLength(int length) {
        return edit(b -> b.maxQueryLength = length);
    }

    public FaultPlan withPagingShift() {
        return edit(b -> b.pagingShift = true);
    }

    public FaultPlan withNotEqualRefused() {
        return edit(b -> b.refuseNotEqual = true);
    }

    public FaultPlan withIndexLag(Duration lag) {
        return edit(b -> b.indexLag = lag);
    }

    /** This plan with some components changed: the one place that lists them all for a copy. */
    private FaultPlan edit(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.plan();
    }

    /** A plan's components, to change some before making a plan of them again. */
    private static final class Copy {
        long seed;
        double throttleRate;
        int retryAfterSeconds;
        double errorRate;
        double truncateRate;
        Duration pageLatency;
        Set<String> downRegions;
        String failingCompartment;
        int failAfterPages;
        double staleRate;
        Set<String> readDenied;
        int maxQueryLength;
        boolean pagingShift;
        boolean refuseNotEqual;
        Duration indexLag;

        Copy(FaultPlan p) {
            seed = p.seed;
            throttleRate = p.throttleRate;
            retryAfterSeconds = p.retryAfterSeconds;
            errorRate = p.errorRate;
            truncateRate = p.truncateRate;
            pageLatency = p.pageLatency;
            downRegions = p.downRegions;
            failingCompartment = p.failingCompartment;
            failAfterPages = p.failAfterPages;
            staleRate = p.staleRate;
            readDenied = p.readDenied;
            maxQueryLength = p.maxQueryLength;
            pagingShift = p.pagingShift;
            refuseNotEqual = p.refuseNotEqual;
            indexLag = p.indexLag;
        }

        FaultPlan plan() {
            return new FaultPlan(seed, throttleRate, retryAfterSeconds, errorRate, truncateRate, pageLatency,
                    downRegions, failingCompartment, failAfterPages, staleRate, readDenied, maxQueryLength,
                    pagingShift, refuseNotEqual, indexLag);
        }
    }

    /** Whether the resource's service deleted it after Search indexed it: decided by the seed and the OCID alone. */
    public boolean stale(String ocid) {
        return staleRate > 0 && new SplittableRandom(seed * 31 + ocid.hashCode()).nextDouble() < staleRate;
    }

    public boolean readDenied(String resourceType) {
        return readDenied.contains(resourceType.toLowerCase(Locale.ROOT));
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction from 0 to 1, got " + value);
        }
    }
}
