package io.github.ocidiff.diff;

import io.github.ocidiff.config.SuppressRule;

/** How much one suppress rule left out: the report shows it, so nothing disappears uncounted. */
public record SuppressCount(SuppressRule rule, long changes, long transients) {
}
