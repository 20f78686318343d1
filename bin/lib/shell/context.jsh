// Ember's shell without DataFrames: the context `sc`.
// Settings come from bin/ember-shell through emberShellSettings() (settings.jsh). A statement
// spans lines only inside braces or parentheses: JShell ends it at the first complete line.
EmberContext sc;
{
    EmberContext.Builder builder = EmberContext.builder().appName("ember-shell");
    for (var setting : emberShellSettings()) {
        builder.config(setting.getKey(), setting.getValue());
    }
    sc = builder.getOrCreate();
    Runtime.getRuntime().addShutdownHook(new Thread(sc::close, "ember-shell-stop"));
}
