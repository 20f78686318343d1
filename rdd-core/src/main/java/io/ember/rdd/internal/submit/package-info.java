/**
 * What {@code bin/ember-submit} runs: the settings it was given become the defaults of every
 * context the application builds, then the application's main class runs. Not part of Ember's API.
 */
package io.ember.rdd.internal.submit;
