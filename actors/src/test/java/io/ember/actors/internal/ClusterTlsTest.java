package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data path's authentication: only a peer that knows the cluster secret gets an answer, and
 * the server reads nothing from any other (its handler is never called).
 */
@Timeout(30)
class ClusterTlsTest {
    static final byte[] SECRET = "the-right-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    static final byte[] WRONG = "the-wrong-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    final AtomicInteger requests = new AtomicInteger();
    DataServer server;
    String address;

    @BeforeEach
    void startServer() {
        server = DataServer.start(ClusterTls.create(SECRET), "127.0.0.1", 0, request -> {
            requests.incrementAndGet();
            int size = Integer.parseInt(new String(request.key(), StandardCharsets.UTF_8));
            byte[] body = new byte[size];
            for (int i = 0; i < size; i++) {
                body[i] = (byte) i;
            }
            return DataServer.Response.of(body);
        });
        address = "127.0.0.1:" + server.port();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void peerWithTheSecret_fetchesLargeBlocksInChunks() throws IOException {
        try (DataClient client = new DataClient(ClusterTls.create(SECRET))) {
            byte[] block = client.get(address, DataServer.OP_BLOCK, "app", "20000000");
            assertEquals(20_000_000, block.length);
            assertEquals((byte) 19_999_999, block[19_999_999]);
            assertArrayEquals(new byte[] {0, 1, 2}, client.get(address, DataServer.OP_BLOCK, "app", "3"));
            assertTrue(client.ping(address));
        }
        assertEquals(2, requests.get());
    }

    @Test
    void peerWithAnotherSecret_isRejectedBeforeAnyRequestIsRead() {
        try (DataClient client = new DataClient(ClusterTls.create(WRONG))) {
            DataClient.Unreachable failure = assertThrows(DataClient.Unreachable.class,
                    () -> client.get(address, DataServer.OP_BLOCK, "app", "3"));
            assertTrue(failure.getMessage().contains("not a member of this Ember cluster"), failure.getMessage());
        }
        assertEquals(0, requests.get());
    }

    @Test
    void tlsClientWithoutACertificate_isRejected() throws Exception {
        SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
        anonymous.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) anonymous.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            assertThrows(IOException.class, () -> {
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write(new byte[] {DataServer.OP_BLOCK, 0, 3, 'a', 'p', 'p', 0, 0, 0, 1, '3'});
                out.flush();
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed without an answer");
                }
            });
        }
        assertEquals(0, requests.get());
    }

    @Test
    void plainTcpBytes_areNeverRead() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {DataServer.OP_BLOCK, 0, 3, 'a', 'p', 'p', 0, 0, 0, 1, '3'});
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readNBytes(1);
            assertTrue(answer.length == 0 || answer[0] != DataServer.OK);
        } catch (IOException e) {
            // the server may reset the connection: just as good
        }
        assertEquals(0, requests.get());
    }

    @Test
    void secret_fromAFile_andTooShortIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secret");
        Files.writeString(file, "  a-secret-from-a-file-0123\n");
        assertArrayEquals("a-secret-from-a-file-0123".getBytes(StandardCharsets.UTF_8),
                ClusterSecret.resolve("file:" + file));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> ClusterSecret.resolve("short"));
        assertTrue(tooShort.getMessage().contains(ClusterSecret.SETTING), tooShort.getMessage());
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
