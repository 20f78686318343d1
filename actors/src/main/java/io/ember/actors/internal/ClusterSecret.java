package io.ember.actors.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/*
 * Design notes
 * ------------
 * Where a node finds the cluster secret, first match wins: the `ember.cluster.secret` setting
 * (the driver's builder, the worker's --secret), the EMBER_CLUSTER_SECRET environment variable,
 * then the file ~/.ember/secret. A value `file:<path>` means the file's content (trimmed), which
 * keeps the secret out of command lines and process listings. There is no unauthenticated mode:
 * without a secret a node refuses to start, naming the ways to provide one.
 */
final class ClusterSecret {
    static final String SETTING = "ember.cluster.secret";
    static final String ENVIRONMENT = "EMBER_CLUSTER_SECRET";
    static final int MIN_LENGTH = 16;
    static final String HOW_TO_CREATE = "create one with: mkdir -p ~/.ember && head -c 32 /dev/urandom | base64 > "
            + "~/.ember/secret && chmod 600 ~/.ember/secret";

    private ClusterSecret() {
    }

    /** The secret's bytes, from {@code configured} (may be null) or the fallbacks above. */
    static byte[] resolve(String configured) {
        String value = configured != null ? configured : System.getenv(ENVIRONMENT);
        if (value == null) {
            Path defaultFile = Path.of(System.getProperty("user.home"), ".ember", "secret");
            if (!Files.isReadable(defaultFile)) {
                throw new IllegalStateException("No cluster secret: set " + SETTING + " (a value, or file:<path>), or "
                        + ENVIRONMENT + ", or " + HOW_TO_CREATE);
            }
            value = "file:" + defaultFile;
        }
        String secret = value;
        if (value.startsWith("file:")) {
            Path file = Path.of(value.substring("file:".length()));
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the cluster secret from " + file + ": " + e, e);
            }
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(SETTING + " must have at least " + MIN_LENGTH + " characters; "
                    + HOW_TO_CREATE);
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
