// Ember's shell without DataFrames: the context `sc`.
// Settings come from bin/ember-shell as ember.shell.conf.<key> system properties. A statement
// spans lines only inside braces or parentheses: JShell ends it at the first complete line.
EmberContext sc;
{
    // A bad setting or a context that cannot start ends the shell with the cause (status 1),
    // rather than leaving a prompt where sc is null.
    try {
        EmberContext.Builder builder = EmberContext.builder().appName("ember-shell");
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("ember.shell.conf.")) {
                builder.config(key.substring("ember.shell.conf.".length()), System.getProperty(key));
            }
        }
        sc = builder.getOrCreate();
    } catch (RuntimeException e) {
        io.ember.rdd.shell.internal.ShellStartFailure.exitShell(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sc::close, "ember-shell-stop"));
}
