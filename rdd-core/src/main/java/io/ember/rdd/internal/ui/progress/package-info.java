/** Spark's console progress bar for running stages. */
package io.ember.rdd.internal.ui.progress;
