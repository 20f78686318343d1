/**
 * The executor runtime behind {@link io.ember.actors.internal.spi.ExecutorRuntime}: Akka typed actors, worker
 * pools, block stores and the Akka serializer binding. Nothing here is API; Akka types never
 * leave this package.
 */
package io.ember.actors.internal;
