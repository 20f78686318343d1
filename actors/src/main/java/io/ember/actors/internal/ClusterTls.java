package io.ember.actors.internal;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/*
 * Design notes
 * ------------
 * Mutual TLS from one shared secret, for both the Akka (Artery tls-tcp) and the data paths.
 *
 * Each node makes a fresh EC P-256 key pair when it starts and a self-signed certificate whose
 * subject is CN=ember-<tag>, where tag = HMAC-SHA256(secret, "ember-node-key:" + the encoded
 * public key). A peer is trusted when the tag in its certificate is the HMAC of its public key
 * under our secret: only a holder of the secret can make such a certificate, and the TLS
 * handshake (CertificateVerify) proves the peer also holds the matching private key, so a
 * stolen certificate is useless without its key. Both sides check each other (the server
 * demands a client certificate), and nothing is read from a connection before its handshake
 * has succeeded, so no byte from a stranger is ever deserialized.
 *
 * Validity dates and issuers are not checked: they carry no meaning here. TLS 1.3 only.
 */
final class ClusterTls {
    private static final String PROTOCOL = "TLSv1.3";
    private static final String ALIAS = "ember";
    private static final String CN_PREFIX = "ember-";

    private final SSLContext context;

    private ClusterTls(SSLContext context) {
        this.context = context;
    }

    /** TLS material for a node of the cluster whose secret is {@code secret}. */
    static ClusterTls create(byte[] secret) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = SelfSignedCertificate.create(keys, CN_PREFIX + tag(secret, keys.getPublic().getEncoded()));
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(new KeyManager[] {new NodeKeyManager(keys.getPrivate(), certificate)},
                    new TrustManager[] {new SecretTrustManager(secret.clone())}, new SecureRandom());
            return new ClusterTls(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the cluster's TLS keys: " + e, e);
        }
    }

    /** The context; sockets made from it must also get {@link #configure}d. */
    SSLContext context() {
        return context;
    }

    /** A server-side (client-authenticating) or client-side engine. */
    SSLEngine engine(boolean server, String peerHost, int peerPort) {
        SSLEngine engine = server ? context.createSSLEngine() : context.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(!server);
        engine.setSSLParameters(parameters(server));
        return engine;
    }

    /** TLS 1.3 only; a server requires the client's certificate. */
    SSLParameters parameters(boolean server) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {PROTOCOL});
        if (server) {
            parameters.setNeedClientAuth(true);
        }
        return parameters;
    }

    private static String tag(byte[] secret, byte[] publicKey) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update("ember-node-key:".getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(publicKey));
    }

    /** Trusts exactly the certificates whose tag proves knowledge of the secret. */
    private static final class SecretTrustManager extends X509ExtendedTrustManager {
        private final byte[] secret;

        SecretTrustManager(byte[] secret) {
            this.secret = secret;
        }

        private void verify(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the peer sent no certificate");
            }
            X509Certificate peer = chain[0];
            String name = peer.getSubjectX500Principal().getName(X500Principal.RFC2253);
            String expected;
            try {
                expected = "CN=" + CN_PREFIX + tag(secret, peer.getPublicKey().getEncoded());
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), name.getBytes(StandardCharsets.US_ASCII))) {
                throw new CertificateException("the peer is not a member of this Ember cluster "
                        + "(it does not know ember.cluster.secret)");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            verify(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            verify(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            verify(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            verify(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verify(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verify(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Offers this node's one key and certificate for every EC request. */
    private static final class NodeKeyManager extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate certificate;

        NodeKeyManager(PrivateKey key, X509Certificate certificate) {
            this.key = key;
            this.certificate = certificate;
        }

        private static String aliasFor(String... keyTypes) {
            return keyTypes != null && Arrays.asList(keyTypes).contains("EC") ? ALIAS : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return aliasFor(keyType) == null ? null : new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return aliasFor(keyTypes);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyTypes);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return aliasFor(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyType);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? new X509Certificate[] {certificate} : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }
    }
}
