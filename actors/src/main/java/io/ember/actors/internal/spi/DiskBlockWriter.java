package io.ember.actors.internal.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A disk block being written: bytes go to a file of its own that no reader sees until
 * {@link #commit()} makes it the block's disk copy (replacing any previous one). Closing the
 * stream only ends the writing: the file is then complete but still private, and can be read
 * back with {@link #openWritten()} until it is committed or {@link #abort() aborted}. Its owner
 * must do one or the other; the store deletes whatever is left when it is cleared.
 *
 * <p>Why not commit on {@code close()}: a writer closed by try-with-resources while an
 * exception unwinds would publish a truncated block that every later reader takes as whole.
 * Not thread-safe: one task's thread owns it.
 */
public abstract class DiskBlockWriter extends OutputStream {

    /** The block this writer writes. */
    public abstract BlockId blockId();

    /** Bytes written so far. */
    public abstract long bytesWritten();

    /**
     * Closes the file if still open and makes it the block's disk copy. Committing twice is
     * harmless.
     *
     * @throws IllegalStateException if the writer was aborted
     */
    public abstract void commit() throws IOException;

    /**
     * Closes and deletes the file unless it was committed; a committed block stays. Never
     * throws: it runs while another failure unwinds.
     */
    public abstract void abort();

    /**
     * Reads back what was written, after {@link #close()} and before {@link #abort()}; the
     * caller closes the stream. Lets a task use the block it wrote before it commits it.
     */
    public abstract InputStream openWritten() throws IOException;
}
