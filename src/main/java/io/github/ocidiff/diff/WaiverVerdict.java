package io.github.ocidiff.diff;

import io.github.ocidiff.config.Waiver;

/** The waiver covering a change, and whether it had expired on the report's day (then the change is drift). */
public record WaiverVerdict(Waiver waiver, boolean expired) {
}
