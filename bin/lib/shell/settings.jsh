// Ember's shell: the ember.* settings that bin/ember-shell passes in an owner-only file, named by
// the ember.shell.settings system property, one key=value a line. A file rather than -D options,
// so that no setting (a secret least of all) shows on a command line in a process listing.
java.util.List<java.util.Map.Entry<String, String>> emberShellSettings() {
    java.util.List<java.util.Map.Entry<String, String>> settings = new java.util.ArrayList<>();
    String file = System.getProperty("ember.shell.settings");
    if (file == null) {
        return settings;
    }
    try {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
            int equals = line.indexOf('=');
            settings.add(java.util.Map.entry(line.substring(0, equals), line.substring(equals + 1)));
        }
    } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Cannot read the shell's settings from " + file, e);
    }
    return settings;
}
