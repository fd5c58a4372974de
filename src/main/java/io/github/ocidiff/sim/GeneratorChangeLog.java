package io.github.ocidiff.sim;

import java.util.Arrays;

/**
 * The moves and deletes of the whole span, chosen day by day at construction and kept in compact primitive
 * arrays (a few tens of bytes per change). Creates need no index (they are appended ranges of a partition) and
 * updates none either (they are per-resource, per-day hashes), so this is the only per-change memory.
 *
 * <p>A resource is addressed by {@code key = partition << 32 | localIndex}, its native partition: moves do not
 * change its key, only its current compartment.
 */
final class GeneratorChangeLog {
    static final byte DELETE = 1;
    static final byte MOVE = 2;

    static final int H_PICK_PARTITION = 20;
    static final int H_PICK_INDEX = 21;
    static final int H_MOVE_TARGET = 22;
    static final int H_CHANGE_TIME = 23;
    private static final int ATTEMPTS = 64;

    private final long[] key;
    private final int[] day;
    private final byte[] kind;
    private final int[] target;
    private final long[] time;
    /** The previous change of the same resource, -1 for none. */
    private final int[] previous;
    private final int[] dayFirst;
    private final int size;
    /** Resource key → index of its latest change. */
    private final LongIntMap latest;
    /** Keys of resources that were moved at least once, in order of their first move. */
    private final long[] movedKeys;

    GeneratorChangeLog(GeneratorLayout layout) {
        GeneratorSpec spec = layout.spec;
        int perDay = spec.deletesPerDay() + spec.movesPerDay();
        int capacity = perDay * layout.days;
        key = new long[capacity];
        day = new int[capacity];
        kind = new byte[capacity];
        target = new int[capacity];
        time = new long[capacity];
        previous = new int[capacity];
        dayFirst = new int[layout.days + 1];
        latest = new LongIntMap(capacity);
        long[] moved = new long[Math.max(16, spec.movesPerDay() * layout.days)];
        int movedCount = 0;
        int n = 0;
        long seed = layout.seed;
        for (int d = 0; d < layout.days; d++) {
            dayFirst[d] = n;
            for (int j = 0; j < perDay; j++) {
                byte what = j < spec.deletesPerDay() ? DELETE : MOVE;
                if (what == MOVE && layout.compartments < 2) {
                    continue;
                }
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    int p = layout.pickPartition(GeneratorHash.of(seed, H_PICK_PARTITION, d, j, attempt));
                    int existing = layout.existingAtStart(p, d);
                    if (existing == 0) {
                        continue;
                    }
                    int k = GeneratorHash.below(GeneratorHash.of(seed, H_PICK_INDEX, d, j, attempt), existing);
                    long resource = key(p, k);
                    int last = latest.get(resource);
                    if (last >= 0 && (kind[last] == DELETE || day[last] == d)) {
                        continue;
                    }
                    int movedTo = -1;
                    if (what == MOVE) {
                        if (!GeneratorCatalog.TYPES.get(layout.type(p, k)).movable()) {
                            continue;
                        }
                        int from = last >= 0 ? compartmentAfter(last, layout.compartmentOf(p))
                                : layout.compartmentOf(p);
                        movedTo = GeneratorHash.below(GeneratorHash.of(seed, H_MOVE_TARGET, d, j),
                                layout.compartments - 1);
                        if (movedTo >= from) {
                            movedTo++;
                        }
                        if (!hasMoved(resource, last)) {
                            if (movedCount == moved.length) {
                                moved = Arrays.copyOf(moved, moved.length * 2);
                            }
                            moved[movedCount++] = resource;
                        }
                    }
                    key[n] = resource;
                    day[n] = d;
                    kind[n] = what;
                    target[n] = movedTo;
                    time[n] = layout.dayStartMs(d) + GeneratorHash.below(
                            GeneratorHash.of(seed, H_CHANGE_TIME, d, j), (int) GeneratorLayout.DAY_MS);
                    previous[n] = last;
                    latest.put(resource, n);
                    n++;
                    break;
                }
            }
        }
        dayFirst[layout.days] = n;
        size = n;
        movedKeys = Arrays.copyOf(moved, movedCount);
    }

    static long key(int p, int k) {
        return (long) p << 32 | k;
    }

    static int partitionOf(long key) {
        return (int) (key >>> 32);
    }

    static int indexOf(long key) {
        return (int) key;
    }

    private boolean hasMoved(long resource, int last) {
        for (int c = last; c >= 0; c = previous[c]) {
            if (kind[c] == MOVE) {
                return true;
            }
        }
        return false;
    }

    /** The compartment after change c (and all changes before it) took effect. */
    private int compartmentAfter(int c, int nativeCompartment) {
        for (int i = c; i >= 0; i = previous[i]) {
            if (kind[i] == MOVE) {
                return target[i];
            }
        }
        return nativeCompartment;
    }

    int size() {
        return size;
    }

    int firstOfDay(int d) {
        return dayFirst[d];
    }

    long key(int change) {
        return key[change];
    }

    byte kind(int change) {
        return kind[change];
    }

    int target(int change) {
        return target[change];
    }

    long time(int change) {
        return time[change];
    }

    int day(int change) {
        return day[change];
    }

    long[] movedKeys() {
        return movedKeys;
    }

    /** Every resource with at least one change, in no particular order. */
    long[] changedKeys() {
        return latest.keys();
    }

    /**
     * What the log says about one resource up to the end of day {@code upTo}: the day it was deleted
     * ({@link Integer#MAX_VALUE} if not), its compartment, and on which days it moved (bit d of moveDays).
     */
    Facts facts(long resource, int nativeCompartment, int upTo) {
        int deleted = Integer.MAX_VALUE;
        int compartment = -1;
        long movesLow = 0;
        long movesHigh = 0;
        for (int c = latest.get(resource); c >= 0; c = previous[c]) {
            if (day[c] > upTo) {
                continue;
            }
            if (kind[c] == DELETE) {
                deleted = day[c];
            } else {
                if (compartment < 0) {
                    compartment = target[c];
                }
                if (day[c] < 64) {
                    movesLow |= 1L << day[c];
                } else {
                    movesHigh |= 1L << (day[c] - 64);
                }
            }
        }
        return new Facts(deleted, compartment < 0 ? nativeCompartment : compartment, movesLow, movesHigh);
    }

    /** A change of this resource on day d, or -1. */
    int changeOn(long resource, int d) {
        for (int c = latest.get(resource); c >= 0; c = previous[c]) {
            if (day[c] == d) {
                return c;
            }
            if (day[c] < d) {
                return -1;
            }
        }
        return -1;
    }

    boolean hasChanges(long resource) {
        return latest.get(resource) >= 0;
    }

    record Facts(int deletedDay, int compartment, long movesLow, long movesHigh) {
        boolean movedOn(int d) {
            return d < 64 ? (movesLow >>> d & 1) != 0 : (movesHigh >>> (d - 64) & 1) != 0;
        }

        boolean deleted() {
            return deletedDay != Integer.MAX_VALUE;
        }
    }

    /** An open-addressing map from non-negative long keys to non-negative ints; -1 means absent. */
    static final class LongIntMap {
        private final long[] keys;
        private final int[] values;
        private final int mask;
        private int size;

        LongIntMap(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(keys, -1L);
            mask = capacity - 1;
        }

        int get(long key) {
            for (int i = slot(key); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == -1L) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            for (int i = slot(key); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
                if (keys[i] == -1L) {
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return;
                }
            }
        }

        long[] keys() {
            long[] out = new long[size];
            int n = 0;
            for (long k : keys) {
                if (k != -1L) {
                    out[n++] = k;
                }
            }
            return out;
        }

        private int slot(long key) {
            return (int) GeneratorHash.mix(key) & mask;
        }
    }
}
