package io.ember.actors.internal;

import akka.actor.ActorSystem;
import akka.actor.setup.Setup;
import akka.remote.artery.tcp.SSLEngineProvider;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import scala.Option;

/**
 * Artery's TLS engines for a cluster node, made from the node's {@link ClusterTls}: mutual
 * authentication by the cluster secret. Named in the node's Akka configuration
 * ({@code akka.remote.artery.ssl.ssl-engine-provider}); Akka creates it with its actor system.
 */
public final class SecretSslEngineProvider implements SSLEngineProvider {

    /*
     * Design notes
     * ------------
     * The TLS material reaches Akka through an ActorSystemSetup (TlsSetup), not through the
     * configuration, so that the secret never sits in a Config that could be logged. The peer's
     * certificate is checked by ClusterTls's trust manager during the handshake; the session
     * checks that Artery runs afterwards have nothing left to verify.
     */

    /** Carries a node's TLS material into its actor system. */
    static final class TlsSetup extends Setup {
        private final ClusterTls tls;

        TlsSetup(ClusterTls tls) {
            this.tls = tls;
        }

        ClusterTls tls() {
            return tls;
        }
    }

    private final ClusterTls tls;

    /** Called by Artery. */
    public SecretSslEngineProvider(ActorSystem system) {
        this.tls = system.settings().setup().get(TlsSetup.class)
                .orElseThrow(() -> new IllegalStateException("an Ember cluster node starts its actor system with its TLS setup"))
                .tls();
    }

    @Override
    public SSLEngine createServerSSLEngine(String hostname, int port) {
        return tls.engine(true, hostname, port);
    }

    @Override
    public SSLEngine createClientSSLEngine(String hostname, int port) {
        return tls.engine(false, hostname, port);
    }

    @Override
    public Option<Throwable> verifyClientSession(String hostname, SSLSession session) {
        return Option.empty();
    }

    @Override
    public Option<Throwable> verifyServerSession(String hostname, SSLSession session) {
        return Option.empty();
    }
}
