/**
 * Testing support for Ember jobs: {@link io.ember.testing.EmberTest} gives JUnit 5 tests a shared
 * local {@link io.ember.rdd.EmberContext} and {@link io.ember.dataframe.EmberSession}, and
 * {@link io.ember.testing.EmberAssertions} compares RDD and DataFrame contents with readable
 * failures.
 */
package io.ember.testing;
