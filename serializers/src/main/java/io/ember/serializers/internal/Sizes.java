package io.ember.serializers.internal;

/** Guards allocations sized by a count read from the wire. */
final class Sizes {
    /** Pre-size up to this many slots; past it let the collection grow as elements arrive. */
    private static final int MAX_PRESIZE = 1 << 16;

    private Sizes() {
    }

    /** A capacity hint that a corrupt count cannot turn into a huge allocation. */
    static int initialCapacity(int count) {
        return Math.max(0, Math.min(count, MAX_PRESIZE));
    }
}
