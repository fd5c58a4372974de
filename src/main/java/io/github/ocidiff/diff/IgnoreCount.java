package io.github.ocidiff.diff;

import io.github.ocidiff.config.IgnoreRule;

/**
 * How much one ignore rule removed: the report shows it, so nothing is dropped silently.
 *
 * @param properties property changes it removed
 * @param resources  resources it removed at least one property change from
 */
public record IgnoreCount(IgnoreRule rule, long properties, long resources) {
}
