// Ember's shell without DataFrames: the context `sc`.
// Settings come from bin/ember-shell through emberShellSettings() (settings.jsh). A statement
// spans lines only inside braces or parentheses: JShell ends it at the first complete line.
EmberContext sc;
{
    // A bad setting or a context that cannot start ends the shell with the cause (status 1),
    // rather than leaving a prompt where sc is null.
    try {
        EmberContext.Builder builder = EmberContext.builder().appName("ember-shell");
        for (var setting : emberShellSettings()) {
            builder.config(setting.getKey(), setting.getValue());
        }
        sc = builder.getOrCreate();
    } catch (RuntimeException e) {
        io.ember.rdd.internal.shell.ShellStartFailure.exitShell(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sc::close, "ember-shell-stop"));
}
