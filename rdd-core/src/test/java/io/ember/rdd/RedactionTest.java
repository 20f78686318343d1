package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.internal.Redaction;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which settings count as secrets, and how command lines are cleaned (issue 17, defect 2). */
@Timeout(10)
class RedactionTest {
    private static final Redaction DEFAULT = Redaction.forSettings(Map.of());

    @Test
    void defaultPattern_findsSecretWordsInKeys() {
        for (String key : java.util.List.of("ember.cluster.secret", "ember.db.password", "ember.DB.PASSWORD",
                "ember.ldap.passwd", "ember.auth.token", "ember.aws.credentials", "ember.ssl.key",
                "ember.api_key", "ember.api-key", "ember.s3.accessKey", "ember.s3.secretKey", "ember.keys",
                "ember.shell.conf.ember.cluster.secret")) {
            assertTrue(DEFAULT.isSecret(key), key);
        }
    }

    @Test
    void defaultPattern_leavesKeysThatOnlyContainTheLettersOfKey() {
        for (String key : java.util.List.of("ember.shuffle.memory", "ember.storage.memory", "ember.sql.monkeyPatch",
                "ember.keyStore.type", "ember.sql.shuffle.partitions", "ember.master", "ember.ui.port",
                "ember.cluster.joinTimeout", "java.class.path", "user.home")) {
            assertFalse(DEFAULT.isSecret(key), key);
        }
    }

    @Test
    void redactionRegexSetting_replacesTheDefault() {
        Redaction custom = Redaction.forSettings(Map.of(EmberConf.REDACTION_REGEX, "(?i)internal"));
        assertTrue(custom.isSecret("ember.internal.address"));
        assertFalse(custom.isSecret("ember.cluster.secret"));
        assertEquals(Map.of("ember.a", "1", "ember.internal.b", Redaction.REDACTED),
                custom.redact(Map.of("ember.a", "1", "ember.internal.b", "2")));
    }

    @Test
    void badRedactionRegex_isRejectedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmberContext.builder().config(EmberConf.REDACTION_REGEX, "secret|(unclosed"));
        assertTrue(e.getMessage().contains(EmberConf.REDACTION_REGEX), e.getMessage());
    }

    @Test
    void commandLine_hidesTheValuesOfSecretArguments() {
        assertEquals("jshell -R-Dember.shell.conf.ember.cluster.secret=" + Redaction.REDACTED + " -R-Dember.ui.port=0",
                DEFAULT.redactCommandLine("jshell -R-Dember.shell.conf.ember.cluster.secret=s3cr3t -R-Dember.ui.port=0"));
        assertEquals("EmberWorker --port 2552 --secret " + Redaction.REDACTED + " --cores 2",
                DEFAULT.redactCommandLine("EmberWorker --port 2552 --secret s3cr3t --cores 2"));
        assertEquals("x --conf ember.db.password=" + Redaction.REDACTED + "  --conf ember.master=local",
                DEFAULT.redactCommandLine("x --conf ember.db.password=pw  --conf ember.master=local"));
        assertEquals("/usr/lib/jvm:/home/monkey", DEFAULT.redactCommandLine("/usr/lib/jvm:/home/monkey"));
    }
}
