package io.ember.dataframe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The groups of rows sorted by their first {@code keyWidth} fields: each run of rows with equal
 * keys (compared as {@link Row#equals} does, nulls equal to nulls) is one group, its values the
 * rest of each row. One group is in memory at a time.
 */
final class SortedGroups implements Iterator<SortedGroups.Group> {

    /** One key and the value rows that share it. */
    record Group(Row key, List<Row> values) {
    }

    private final Iterator<Row> rows;
    private final int keyWidth;
    private Row pending;

    private SortedGroups(Iterator<Row> rows, int keyWidth) {
        this.rows = rows;
        this.keyWidth = keyWidth;
    }

    /** The groups of {@code rows}, which are sorted by their first {@code keyWidth} fields. */
    static io.vavr.collection.Iterator<Group> of(Iterator<Row> rows, int keyWidth) {
        return io.vavr.collection.Iterator.ofAll(new SortedGroups(rows, keyWidth));
    }

    @Override
    public boolean hasNext() {
        return pending != null || rows.hasNext();
    }

    @Override
    public Group next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row first = pending != null ? pending : rows.next();
        pending = null;
        Row key = key(first);
        List<Row> values = new ArrayList<>();
        values.add(value(first));
        while (rows.hasNext()) {
            Row row = rows.next();
            if (!key(row).equals(key)) {
                pending = row;
                break;
            }
            values.add(value(row));
        }
        return new Group(key, values);
    }

    private Row key(Row row) {
        return Row.of(Arrays.copyOfRange(row.toArray(), 0, keyWidth));
    }

    private Row value(Row row) {
        Object[] all = row.toArray();
        return Row.of(Arrays.copyOfRange(all, keyWidth, all.length));
    }
}
