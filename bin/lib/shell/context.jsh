// Ember's shell without DataFrames: the context `sc`.
// Settings come from bin/ember-shell as ember.shell.conf.<key> system properties. A statement
// spans lines only inside braces or parentheses: JShell ends it at the first complete line.
EmberContext sc;
{
    EmberContext.Builder builder = EmberContext.builder().appName("ember-shell");
    for (String key : System.getProperties().stringPropertyNames()) {
        if (key.startsWith("ember.shell.conf.")) {
            builder.config(key.substring("ember.shell.conf.".length()), System.getProperty(key));
        }
    }
    sc = builder.getOrCreate();
    Runtime.getRuntime().addShutdownHook(new Thread(sc::close, "ember-shell-stop"));
}
