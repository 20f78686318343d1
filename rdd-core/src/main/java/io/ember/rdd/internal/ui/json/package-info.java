/** A small JSON writer and reader for the REST API and the event log (no JSON library needed). */
package io.ember.rdd.internal.ui.json;
