package io.ember.rdd;

/** The pair-RDD operations on {@code local[1]}. */
class PairRddLocal1Test extends PairRddSpec {
    @Override
    protected String master() {
        return "local[1]";
    }
}
