/**
 * Structures of the DataFrame operators that hold more rows than memory allows by writing them
 * to spill files ({@link io.ember.rdd.internal.shuffle.SpillFile}): an external sort of column batches and
 * an append-only buffer of batches that can be read several times. Both are
 * {@link io.ember.actors.internal.memory.MemoryConsumer}s of the running task: they ask for memory per
 * batch, spill when refused or asked, and fail with an error naming the operator and the
 * setting to change when a single batch cannot be had.
 */
package io.ember.dataframe.internal.physical.spill;
