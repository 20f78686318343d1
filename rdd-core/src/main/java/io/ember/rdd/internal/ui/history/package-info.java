/** The history server behind {@code bin/ember-history}: the web UI of logged applications. */
package io.ember.rdd.internal.ui.history;
