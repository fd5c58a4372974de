package io.github.ocidiff.crawl;

/** A compartment with its path of names from the root ("prod/app"); the root's path is "". */
public record Compartment(String id, String parentId, String name, String path) {
}
