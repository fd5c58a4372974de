package io.github.ocidiff.diff;

import io.github.ocidiff.config.Waiver;

/**
 * One waiver in a report: whether it had expired on the report's day and how many changes it covered
 * (waived while in force; drift again once expired).
 */
public record WaiverCount(Waiver waiver, boolean expired, long changes) {
}
