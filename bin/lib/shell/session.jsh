// Ember's shell with DataFrames: their API, the session `spark` and its context `sc`.
import io.ember.dataframe.*;
import io.ember.dataframe.types.*;
import static io.ember.dataframe.Functions.*;

// Settings come from bin/ember-shell through emberShellSettings() (settings.jsh); the session's
// builder gives ember.sql.* ones to the session and the rest to the context. A statement spans
// lines only inside braces or parentheses: JShell ends it at the first complete line.
EmberSession spark;
EmberContext sc;
{
    // A bad setting or a context that cannot start ends the shell with the cause (status 1),
    // rather than leaving a prompt where spark is null.
    try {
        EmberSession.Builder builder = EmberSession.builder().appName("ember-shell");
        for (var setting : emberShellSettings()) {
            builder.config(setting.getKey(), setting.getValue());
        }
        spark = builder.getOrCreate();
    } catch (RuntimeException e) {
        io.ember.rdd.internal.shell.ShellStartFailure.exitShell(e);
    }
    sc = spark.context();
    Runtime.getRuntime().addShutdownHook(new Thread(spark::close, "ember-shell-stop"));
}
