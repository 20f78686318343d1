/** The UI's model of an application (jobs, stages, tasks, executors, storage), built from listener events. */
package io.ember.rdd.internal.ui.status;
