/** The web UI: an HTTP server on 127.0.0.1 serving HTML pages and Spark's REST API paths under {@code /api/v1}. */
package io.ember.rdd.internal.ui.web;
