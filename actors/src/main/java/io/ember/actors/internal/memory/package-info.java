/**
 * Execution and storage memory of an executor: one {@link io.ember.actors.internal.memory.MemoryManager}
 * per executor, one {@link io.ember.actors.internal.memory.TaskMemoryManager} per running task, and the
 * {@link io.ember.actors.internal.memory.MemoryConsumer}s (sorts, hash tables) that spill when refused.
 */
package io.ember.actors.internal.memory;
