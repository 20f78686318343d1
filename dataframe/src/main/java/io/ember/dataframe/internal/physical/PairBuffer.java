package io.ember.dataframe.internal.physical;

import java.util.Arrays;

/** Growing arrays of row-index pairs (first side, second side). */
final class PairBuffer {
    int[] first = new int[64];
    int[] second = new int[64];
    int size;

    void add(int a, int b) {
        if (size == first.length) {
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
        }
        first[size] = a;
        second[size] = b;
        size++;
    }
}
