package io.ember.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class that gets a shared local {@link io.ember.rdd.EmberContext} and
 * {@link io.ember.dataframe.EmberSession}: declare a parameter of either type on a test,
 * lifecycle method or constructor.
 *
 * <pre>{@code
 * @EmberTest
 * class WordCountTest {
 *     @Test
 *     void countsWords(EmberContext sc) {
 *         RDD<String> words = sc.parallelize(List.of("a b", "b")).flatMap(l -> List.of(l.split(" ")));
 *         EmberAssertions.assertRddEqualsUnordered(List.of("a", "b", "b"), words);
 *     }
 * }
 * }</pre>
 *
 * <p>Every class with the same master and settings shares one context, started at first use
 * and stopped when the test run ends; a class asking for different ones stops it and starts its
 * own, and a test that stops it gets a new one next time. The web UI and the progress bar are
 * off unless {@link #settings} turn them on. As there is one active context per JVM, a test that
 * calls {@code EmberContext.builder().getOrCreate()} itself while the shared one runs gets that one.
 *
 * @see EmberExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmberExtension.class)
public @interface EmberTest {

    /** The master URL, {@code local[2]} by default: two executors, so shuffles cross executors. */
    String master() default "local[2]";

    /** The application name. */
    String appName() default "ember-test";

    /** Extra settings as {@code key=value}, e.g. {@code "ember.ui.enabled=true"}. */
    String[] settings() default {};
}
