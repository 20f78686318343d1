package io.ember.actors.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/*
 * Design notes
 * ------------
 * The JDK can parse certificates but offers no public API to create one, and Ember needs only
 * the simplest kind: a self-signed X.509 v3 certificate (no extensions) over an EC P-256 key,
 * signed with SHA256withECDSA. So the DER is written here by hand, about fifty lines, instead
 * of pulling in BouncyCastle. The certificate's subject common name carries the node's proof
 * of knowing the cluster secret (see ClusterTls); nothing else in it matters to Ember.
 */
final class SelfSignedCertificate {
    private static final byte SEQUENCE = 0x30;
    private static final byte SET = 0x31;
    private static final byte INTEGER = 0x02;
    private static final byte BIT_STRING = 0x03;
    private static final byte OID = 0x06;
    private static final byte UTF8_STRING = 0x0c;
    private static final byte UTC_TIME = 0x17;
    private static final byte EXPLICIT_0 = (byte) 0xa0;
    /** 1.2.840.10045.4.3.2 ecdsa-with-SHA256. */
    private static final byte[] ECDSA_WITH_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    /** 2.5.4.3 commonName. */
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private SelfSignedCertificate() {
    }

    /** A certificate for {@code keys} (an EC key pair) naming {@code commonName} as subject and issuer. */
    static X509Certificate create(KeyPair keys, String commonName) throws GeneralSecurityException {
        byte[] algorithm = tlv(SEQUENCE, tlv(OID, ECDSA_WITH_SHA256));
        byte[] name = tlv(SEQUENCE, tlv(SET, tlv(SEQUENCE,
                tlv(OID, COMMON_NAME), tlv(UTF8_STRING, commonName.getBytes(StandardCharsets.UTF_8)))));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[] validity = tlv(SEQUENCE,
                tlv(UTC_TIME, UTC.format(now.minusDays(1)).getBytes(StandardCharsets.US_ASCII)),
                tlv(UTC_TIME, UTC.format(now.plusYears(10)).getBytes(StandardCharsets.US_ASCII)));
        byte[] serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray();
        byte[] tbs = tlv(SEQUENCE,
                tlv(EXPLICIT_0, tlv(INTEGER, new byte[] {2})),
                tlv(INTEGER, serial),
                algorithm, name, validity, name,
                keys.getPublic().getEncoded());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bits = new byte[signature.length + 1]; // why: a BIT STRING starts with its count of unused bits
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] der = tlv(SEQUENCE, tbs, algorithm, tlv(BIT_STRING, bits));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /** One DER element: tag, definite length, then the concatenated contents. */
    private static byte[] tlv(byte tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : contents) {
            body.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = body.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] tlv(byte tag, byte[] content) {
        return tlv(tag, new byte[][] {content});
    }
}
