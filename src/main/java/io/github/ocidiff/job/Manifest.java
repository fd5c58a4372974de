package io.github.ocidiff.job;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An evidence pack's {@code MANIFEST.sha256}: one line per other file, {@code <64 hex>  <path>}, sorted by
 * path, the format {@code sha256sum} writes and {@code sha256sum -c} checks. Pure: it renders a manifest
 * for files and checks a pack's entries against one; reading and writing the zip is {@link EvidenceZip}'s.
 */
public final class Manifest {

    /** The manifest's name in a pack; it lists every other file and not itself. */
    public static final String FILE_NAME = "MANIFEST.sha256";

    /** A line as sha256sum writes it (two spaces: text mode) or {@code <hash> *<path>} (binary mode). */
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    /**
     * An entry of a pack as read back.
     *
     * @param sha256 the SHA-256 of its bytes, lower-case hex; null for a folder entry (a name ending in '/')
     *               or a damaged one
     * @param damage why its bytes could not be read (e.g. the zip's own checksum fails), else null
     */
    public record Entry(String name, String sha256, String damage) {
        public Entry(String name, String sha256) {
            this(name, sha256, null);
        }
    }

    /**
     * The outcome of a check.
     *
     * @param files    the files the manifest lists
     * @param problems one line each: what is wrong and with which file; empty when the pack is intact
     */
    public record Check(int files, List<String> problems) {
        public Check {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private Manifest() {
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** A fresh SHA-256 digest, for hashing a stream. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The manifest of files already hashed: one {@code <sha256>  <path>} line each, sorted by path. */
    public static String render(List<Entry> files) {
        StringBuilder text = new StringBuilder();
        files.stream().sorted(Comparator.comparing(Entry::name)).forEach(f -> {
            if (f.name().equals(FILE_NAME)) {
                throw new IllegalArgumentException(FILE_NAME + " is the manifest; it cannot list itself");
            }
            text.append(f.sha256()).append("  ").append(f.name()).append('\n');
        });
        return text.toString();
    }

    /**
     * The files of a pack but the manifest, in the order they are written: sorted by path; the manifest
     * follows them, last (see {@link EvidenceZip#write}).
     */
    public static List<PackFile> order(List<PackFile> files) {
        Set<String> names = new HashSet<>();
        for (PackFile f : files) {
            if (f.name().equals(FILE_NAME)) {
                throw new IllegalArgumentException(FILE_NAME + " is the manifest; it cannot list itself");
            }
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("pack file " + f.name() + " given twice");
            }
        }
        return files.stream().sorted(Comparator.comparing(PackFile::name)).toList();
    }

    /** Checks files held in memory (a test's, or a pack read whole): hashes each, then {@link #check}. */
    public static Check check(List<PackFile> files) {
        byte[] manifest = files.stream().filter(f -> f.name().equals(FILE_NAME)).findFirst().map(PackFile::bytes)
                .orElse(null);
        return check(files.stream().map(f -> new Entry(f.name(), f.name().endsWith("/") ? null : sha256(f.bytes())))
                .toList(), manifest);
    }

    /**
     * Checks a pack's entries against its manifest: unsafe or duplicate names, a missing or malformed
     * manifest, and each file altered (hash differs), missing (listed, absent) or extra (present, not
     * listed). Folder entries carry no content and are neither listed nor extra.
     *
     * @param entries  every entry of the pack in its order, the manifest's own included
     * @param manifest the manifest's bytes, null when the pack has none
     */
    public static Check check(List<Entry> entries, byte[] manifest) {
        List<String> problems = new ArrayList<>();
        Map<String, String> found = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> damaged = new HashMap<>();
        for (Entry e : entries) {
            String unsafe = unsafe(e.name());
            if (unsafe != null) {
                problems.add("unsafe: " + printable(e.name()) + " (" + unsafe + ")");
                continue;
            }
            if (seen.merge(e.name(), 1, Integer::sum) == 2) {
                problems.add("duplicate: " + e.name() + " (the pack holds more than one entry of that name)");
            }
            if (e.damage() != null) {
                found.putIfAbsent(e.name(), "");
                damaged.putIfAbsent(e.name(), e.damage());
            } else if (e.sha256() != null && !e.name().equals(FILE_NAME)) {
                found.putIfAbsent(e.name(), e.sha256());
            }
        }
        if (damaged.containsKey(FILE_NAME)) {
            problems.add("malformed: " + FILE_NAME + " (unreadable: " + damaged.get(FILE_NAME) + ")");
            return new Check(0, problems);
        }
        if (manifest == null) {
            problems.add("missing: " + FILE_NAME + " (nothing to check the files against)");
            return new Check(0, problems);
        }
        Map<String, String> listed = parse(manifest, problems);
        for (Map.Entry<String, String> l : listed.entrySet()) {
            String actual = found.get(l.getKey());
            if (actual == null) {
                problems.add("missing: " + l.getKey() + " (listed in " + FILE_NAME + ", not in the pack)");
            } else if (damaged.containsKey(l.getKey())) {
                problems.add("altered: " + l.getKey() + " (unreadable: " + damaged.get(l.getKey()) + ")");
            } else if (!actual.equals(l.getValue())) {
                problems.add("altered: " + l.getKey() + " (its SHA-256 is " + actual + ", " + FILE_NAME + " says "
                        + l.getValue() + ")");
            }
        }
        found.keySet().stream().filter(name -> !listed.containsKey(name))
                .forEach(name -> problems.add("extra: " + name + " (in the pack, not listed in " + FILE_NAME + ")"));
        return new Check(listed.size(), problems);
    }

    /** The manifest's lines, path → lower-case hash; each malformed line is a problem. */
    private static Map<String, String> parse(byte[] manifest, List<String> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(manifest)).toString();
        } catch (CharacterCodingException e) {
            problems.add("malformed: " + FILE_NAME + " (not UTF-8 text)");
            return Map.of();
        }
        if (text.isEmpty()) {
            problems.add("malformed: " + FILE_NAME + " (empty: it lists no file)");
            return Map.of();
        }
        Map<String, String> listed = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length; // the last line's newline is no line
        for (int i = 0; i < count; i++) {
            String where = FILE_NAME + " line " + (i + 1);
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                problems.add("malformed: " + where + " (not '<64 hex digits>  <path>')");
                continue;
            }
            String path = m.group(2);
            String unsafe = unsafe(path);
            if (unsafe != null) {
                problems.add("malformed: " + where + " lists " + printable(path) + " (" + unsafe + ")");
            } else if (path.equals(FILE_NAME)) {
                problems.add("malformed: " + where + " lists the manifest itself");
            } else if (listed.putIfAbsent(path, m.group(1).toLowerCase(Locale.ROOT)) != null) {
                problems.add("malformed: " + where + " lists " + path + " again");
            }
        }
        return listed;
    }

    /**
     * Why a path is unsafe to unpack or to name in a manifest, or null when it is a plain relative path:
     * no absolute path, drive letter, backslash, control character, '.' or '..' segment, or empty segment
     * (a trailing '/' marks a folder).
     */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.startsWith("/") || name.matches("[A-Za-z]:.*")) {
            return "an absolute path";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "a control character in the name";
        }
        if (name.contains("\\")) {
            return "a backslash in the name";
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "a '..' segment leads outside the pack";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "an empty or '.' segment";
            }
        }
        return null;
    }

    /** A name fit for one line of output: control characters escaped. */
    private static String printable(String name) {
        StringBuilder s = new StringBuilder();
        name.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                s.append(String.format("\\x%02x", c));
            } else {
                s.append((char) c);
            }
        });
        return s.toString();
    }
}
