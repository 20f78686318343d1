/**
 * What {@code bin/ember-shell} runs besides JShell itself: the script runner (scripts run
 * snippet by snippet, echoed, stopping at the first exception) and the handling of a context
 * that fails to start. Not part of Ember's API.
 */
package io.ember.rdd.internal.shell;
