package io.ember.rdd;

/** The RDD operations on {@code local[4]}. */
class RddOperationsLocal4Test extends RddOperationsSpec {
    @Override
    protected String master() {
        return "local[4]";
    }
}
