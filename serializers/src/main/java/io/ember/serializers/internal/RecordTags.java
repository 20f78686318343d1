package io.ember.serializers.internal;

/**
 * The framing of a record stream: each record is preceded by {@link #RECORD}, and a closed
 * writer appends {@link #END}, so a reader can tell a complete stream from a truncated one.
 */
final class RecordTags {
    static final byte RECORD = 1;
    static final byte END = 0;

    private RecordTags() {
    }
}
