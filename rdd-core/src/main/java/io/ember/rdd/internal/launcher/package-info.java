/** What the launchers in bin/ run besides applications: the class-data-sharing training run. */
package io.ember.rdd.internal.launcher;
