package io.ember.testing;

import io.ember.dataframe.EmberSession;
import io.ember.rdd.EmberContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that resolves {@link EmberContext} parameters to a shared local context and
 * {@link EmberSession} parameters to a session over it, configured by the test class's
 * {@link EmberTest} annotation (or its defaults when the class uses
 * {@code @ExtendWith(EmberExtension.class)} directly).
 *
 * <p>The context lives in the root extension store, so it is shared by every test class of the
 * run with the same configuration and stopped when the run ends. Tests of one run must not use
 * it from several classes in parallel with different configurations.
 */
public final class EmberExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmberExtension.class);

    /** Used by JUnit. */
    public EmberExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmberContext.class || type == EmberSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Map<String, String> settings = settingsOf(extension);
        SharedContext shared = extension.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedContext.class, k -> new SharedContext(), SharedContext.class);
        try {
            EmberContext sc = shared.get(settings);
            return parameter.getParameter().getType() == EmberContext.class ? sc : shared.session();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Cannot start an EmberContext with " + settings + ": "
                    + e.getMessage(), e);
        }
    }

    /** The test class's settings: master and app name as keys, defaults for UI and progress bar. */
    static Map<String, String> settingsOf(ExtensionContext extension) {
        Class<?> type = extension.getRequiredTestClass();
        EmberTest test = AnnotationSupport.findAnnotation(type, EmberTest.class).orElse(null);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ember.master", test == null ? "local[2]" : test.master());
        settings.put("ember.app.name", test == null ? "ember-test" : test.appName());
        settings.put("ember.ui.enabled", "false");
        settings.put("ember.ui.showConsoleProgress", "false");
        for (String setting : test == null ? new String[0] : test.settings()) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new ParameterResolutionException("@EmberTest setting '" + setting + "' of " + type.getName()
                        + " is not key=value");
            }
            settings.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        return settings;
    }
}
