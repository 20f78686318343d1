/** The event log: listener events as JSON lines under {@code ember.eventLog.dir}, and their replay. */
package io.ember.rdd.internal.ui.eventlog;
