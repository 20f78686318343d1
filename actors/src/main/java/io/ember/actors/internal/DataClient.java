package io.ember.actors.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLSocket;

/**
 * Fetches from other nodes' {@link DataServer}s, keeping a few authenticated connections open
 * per peer. Thread-safe.
 */
final class DataClient implements AutoCloseable {

    /*
     * Design notes
     * ------------
     * Two kinds of failure, kept apart because the caller reacts differently: Unreachable (the
     * peer cannot be connected to, or the connection broke: the node may be gone) and Missing
     * (the peer answered that it has no such thing). A pooled connection may have been closed
     * by the server while idle, so a request that fails on a reused connection is retried once
     * on a fresh one before the peer is called unreachable.
     */

    static final int CONNECT_TIMEOUT_MS = 3_000;
    /** Generous: a peer that stalls this long mid-transfer is treated as gone. */
    static final int READ_TIMEOUT_MS = 60_000;
    private static final int MAX_IDLE_PER_PEER = 8;
    private static final long MAX_IDLE_NANOS = 30_000_000_000L;

    /** The peer could not be reached, or the connection broke. */
    static final class Unreachable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreachable(String address, Throwable cause) {
            super("cannot reach the data server at " + address + ": " + cause, cause);
        }
    }

    /** The peer answered that it does not have what was asked for, or that it failed to serve it. */
    static final class Missing extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean failed;

        Missing(String message, boolean failed) {
            super(message);
            this.failed = failed;
        }

        /** The peer failed while serving (it may succeed later), rather than not having it at all. */
        boolean failed() {
            return failed;
        }
    }

    private record Connection(SSLSocket socket, DataInputStream in, DataOutputStream out, long idleSince) {
        Connection idle() {
            return new Connection(socket, in, out, System.nanoTime());
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private final ClusterTls tls;
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    DataClient(ClusterTls tls) {
        this.tls = tls;
    }

    /** The whole answer to a request, in memory. */
    byte[] get(String address, byte op, String appId, String key) throws IOException {
        return get(address, op, appId, key.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole answer to a request, in memory. */
    byte[] get(String address, byte op, String appId, byte[] key) throws IOException {
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        fetch(address, op, appId, key, sink);
        return sink.toByteArray();
    }

    /** Streams the answer to a request into {@code sink}; returns its length. */
    long fetch(String address, byte op, String appId, byte[] key, OutputStream sink) throws IOException {
        Connection pooled = takeIdle(address);
        if (pooled != null) {
            try {
                return exchange(address, pooled, op, appId, key, sink, true);
            } catch (Unreachable e) {
                // why: the server may have closed this idle connection; one fresh attempt decides
            }
        }
        return exchange(address, open(address), op, appId, key, sink, false);
    }

    /** Whether the peer's data server answers at all. */
    boolean ping(String address) {
        try {
            get(address, DataServer.OP_PING, "", new byte[0]);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private long exchange(String address, Connection connection, byte op, String appId, byte[] key,
                          OutputStream sink, boolean reused) throws IOException {
        byte status;
        long length;
        try {
            connection.out().writeByte(op);
            connection.out().writeUTF(appId);
            connection.out().writeInt(key.length);
            connection.out().write(key);
            connection.out().flush();
            status = connection.in().readByte();
            if (status != DataServer.OK) {
                String message = connection.in().readUTF();
                release(address, connection);
                throw new Missing(message, status != DataServer.MISSING);
            }
            length = connection.in().readLong();
            byte[] chunk = new byte[DataServer.CHUNK];
            long left = length;
            while (left > 0) {
                int read = connection.in().read(chunk, 0, (int) Math.min(chunk.length, left));
                if (read < 0) {
                    throw new java.io.EOFException("the stream ended " + left + " bytes early");
                }
                sink.write(chunk, 0, read);
                left -= read;
            }
        } catch (Missing e) {
            throw e;
        } catch (IOException e) {
            connection.close();
            throw new Unreachable(address, e);
        }
        release(address, connection);
        return length;
    }

    private Connection open(String address) throws Unreachable {
        ClusterConfig.HostPort peer = ClusterConfig.HostPort.parse(address);
        SSLSocket socket = null;
        try {
            socket = (SSLSocket) tls.context().getSocketFactory().createSocket();
            socket.connect(new InetSocketAddress(peer.host(), peer.port()), CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setSSLParameters(tls.parameters(false));
            socket.startHandshake();
            return new Connection(socket,
                    new DataInputStream(new BufferedInputStream(socket.getInputStream(), DataServer.CHUNK)),
                    new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())), System.nanoTime());
        } catch (IOException e) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new Unreachable(address, e);
        }
    }

    private Connection takeIdle(String address) {
        ConcurrentLinkedDeque<Connection> connections = idle.get(address);
        if (connections == null) {
            return null;
        }
        for (Connection c = connections.pollFirst(); c != null; c = connections.pollFirst()) {
            if (System.nanoTime() - c.idleSince() < MAX_IDLE_NANOS) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private void release(String address, Connection connection) {
        ConcurrentLinkedDeque<Connection> connections = idle.computeIfAbsent(address, a -> new ConcurrentLinkedDeque<>());
        if (closed || connections.size() >= MAX_IDLE_PER_PEER) {
            connection.close();
        } else {
            connections.addFirst(connection.idle());
        }
    }

    /** Forgets the pooled connections to one peer (it is gone). */
    void forget(String address) {
        ConcurrentLinkedDeque<Connection> connections = idle.remove(address);
        if (connections != null) {
            connections.forEach(Connection::close);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (String address : idle.keySet()) {
            forget(address);
        }
    }
}
