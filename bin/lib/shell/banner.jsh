// Ember's shell: the banner, printed once sc (and spark) exist.
System.out.println("""
        Welcome to
          ___       _
         | __|_ __ | |__  ___ _ _
         | _|| '  \\| '_ \\/ -_) '_|
         |___|_|_|_|_.__/\\___|_|   version %s

        Using Java %s (%s)
        Ember context Web UI available at %s
        Ember context available as 'sc' (master = %s, app id = %s).%s
        Type in expressions to have them evaluated. /help for help; /exit stops Ember and the shell.
        """.formatted(io.ember.rdd.internal.ui.EmberVersion.get(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), sc.uiWebUrl().getOrElse("(disabled)"), sc.master(), sc.applicationId(),
        System.getProperty("ember.shell.session") != null ? "\nEmber session available as 'spark'." : ""));
