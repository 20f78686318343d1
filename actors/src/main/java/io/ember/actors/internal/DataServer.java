package io.ember.actors.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A node's block server: the data path, apart from Akka's control messages. Serves shuffle
 * blocks, cached blocks, large task payloads and results, jars and class bytes over mutually
 * authenticated TLS, streamed in chunks. Thread-safe.
 */
final class DataServer implements AutoCloseable {

    /*
     * Design notes
     * ------------
     * Wire protocol, after a TLS handshake in which both sides proved they know the cluster
     * secret (ClusterTls); a connection carries any number of requests, one at a time:
     *   request:  byte op, UTF appId, int keyLength, key bytes
     *   response: byte status; OK: long length, then the bytes in chunks of CHUNK;
     *             MISSING or ERROR: UTF message
     * Nothing is read from a socket before its handshake has succeeded.
     *
     * Threads: one accept thread, one daemon thread per open connection (connections are few:
     * clients keep a small pool per peer). These threads are not Akka's, so a large transfer
     * never delays a heartbeat, and Akka's frame size never limits one.
     */

    static final byte OP_PING = 0;
    static final byte OP_BLOCK = 1;
    static final byte OP_RESULT = 2;
    static final byte OP_TASK = 3;
    static final byte OP_JAR = 4;
    static final byte OP_CLASS = 5;

    static final byte OK = 0;
    static final byte MISSING = 1;
    static final byte ERROR = 2;

    static final int CHUNK = 64 * 1024;
    /** A connection idle this long is closed by the server (clients drop theirs sooner). */
    static final int IDLE_TIMEOUT_MS = 60_000;
    /** A peer that has not completed its TLS handshake by then is dropped. */
    static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    /** What a request asks for. */
    record Request(byte op, String appId, byte[] key) {}

    /** The answer: {@code length} bytes from {@code body}, or a MISSING/ERROR status with a message. */
    record Response(byte status, long length, InputStream body, String message) {
        static Response of(byte[] bytes) {
            return new Response(OK, bytes.length, new java.io.ByteArrayInputStream(bytes), null);
        }

        static Response missing(String message) {
            return new Response(MISSING, 0, null, message);
        }
    }

    /** Answers requests; called on connection threads, concurrently. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws IOException;
    }

    private final SSLServerSocket socket;
    private final Handler handler;
    private final ExecutorService connections;
    private final Thread acceptor;
    private volatile boolean closed;

    private DataServer(SSLServerSocket socket, Handler handler) {
        this.socket = socket;
        this.handler = handler;
        AtomicInteger count = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "ember-data-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, "ember-data-server-accept");
        acceptor.setDaemon(true);
    }

    /** Binds to {@code host:port} (0: any free port) and starts serving. */
    static DataServer start(ClusterTls tls, String host, int port, Handler handler) {
        try {
            SSLServerSocket socket = (SSLServerSocket) tls.context().getServerSocketFactory()
                    .createServerSocket(port, 128, InetAddress.getByName(host));
            socket.setSSLParameters(tls.parameters(true));
            DataServer server = new DataServer(socket, handler);
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot bind the data server to " + host + ":" + port + ": " + e, e);
        }
    }

    /** The bound port. */
    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SSLSocket connection = (SSLSocket) socket.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(SSLSocket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            connection.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            connection.startHandshake(); // why: authenticate before reading a single byte of request
            connection.setSoTimeout(IDLE_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream(), CHUNK));
            while (!closed) {
                Request request;
                try {
                    request = readRequest(in);
                } catch (EOFException | SocketTimeoutException e) {
                    return;
                }
                respond(out, request);
            }
        } catch (IOException e) {
            // why: a peer that fails the handshake or hangs up mid-request only loses its own connection
        }
    }

    private static Request readRequest(DataInputStream in) throws IOException {
        byte op = in.readByte();
        String appId = in.readUTF();
        int length = in.readInt();
        if (length < 0 || length > CHUNK) {
            throw new IOException("request key of " + length + " bytes");
        }
        byte[] key = new byte[length];
        in.readFully(key);
        return new Request(op, appId, key);
    }

    private void respond(DataOutputStream out, Request request) throws IOException {
        Response response;
        try {
            response = request.op() == OP_PING ? Response.of(new byte[0]) : handler.handle(request);
        } catch (IOException | RuntimeException e) {
            response = new Response(ERROR, 0, null, String.valueOf(e));
        }
        out.writeByte(response.status());
        if (response.status() != OK) {
            out.writeUTF(truncate(response.message()));
            out.flush();
            return;
        }
        out.writeLong(response.length());
        try (InputStream body = response.body()) {
            byte[] chunk = new byte[CHUNK];
            long left = response.length();
            while (left > 0) {
                int read = body.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (read < 0) {
                    throw new SocketException("the body ended " + left + " bytes early"); // why: the client must not read garbage
                }
                out.write(chunk, 0, read);
                left -= read;
            }
        }
        out.flush();
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
