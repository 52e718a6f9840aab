package tw.ecpa.keycloak.dev;

import java.util.List;

/**
 * What {@code keycloak-dev/start} was asked for: the embedded H2 database and one node in development
 * mode (no options, the everyday default), or {@code --db=postgres} with {@code --nodes=N}: a private
 * PostgreSQL and N Keycloak nodes in production mode, clustered as a ministry runs them. On the embedded H2
 * database the demo personnel come from the embedded personnel database through {@code ecpa-personnel-db} (the
 * default), or from the realm import alone ({@code --personnel=realm-import}, as before the provider existed).
 * On PostgreSQL they come from the realm import: a production-mode Keycloak built for PostgreSQL has no H2
 * driver, so it could not read the embedded personnel database.
 */
record DevOptions(boolean postgres, int nodes, boolean personnelDatabase) {

    static final String USAGE = """
            usage: keycloak-dev/start [--db=dev-file|postgres] [--nodes=N] [--personnel=database|realm-import]
              (no options)               one Keycloak in development mode on the embedded H2 database
              --db=postgres              a private PostgreSQL (Debian's postgresql package) and Keycloak in production mode
              --db=postgres --nodes=2    the same with two clustered nodes (Infinispan, jdbc-ping discovery); 1 to 4 nodes
              --personnel=database       the demo personnel synchronised from an embedded personnel database (H2 file)
                                         through the User federation ecpa-personnel-db (the default on H2)
              --personnel=realm-import   the demo personnel as the realm import's own users, no User federation
                                         (the only choice with --db=postgres, whose Keycloak has no H2 driver)""";

    static DevOptions parse(List<String> args) {
        String db = "dev-file";
        Integer nodes = null;
        String personnel = null;
        for (String arg : args) {
            if (arg.startsWith("--db=")) {
                db = arg.substring("--db=".length());
                if (!db.equals("dev-file") && !db.equals("postgres")) {
                    throw new IllegalArgumentException("--db is dev-file or postgres, not " + db + "\n" + USAGE);
                }
            } else if (arg.startsWith("--nodes=")) {
                try {
                    nodes = Integer.parseInt(arg.substring("--nodes=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--nodes takes a number, not " + arg.substring("--nodes=".length()) + "\n" + USAGE);
                }
                if (nodes < 1 || nodes > 4) {
                    throw new IllegalArgumentException("--nodes is 1 to 4 on one machine, not " + nodes + "\n" + USAGE);
                }
            } else if (arg.startsWith("--personnel=")) {
                personnel = arg.substring("--personnel=".length());
                if (!personnel.equals("database") && !personnel.equals("realm-import")) {
                    throw new IllegalArgumentException("--personnel is database or realm-import, not " + personnel + "\n" + USAGE);
                }
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        boolean postgres = db.equals("postgres");
        if (!postgres && nodes != null && nodes > 1) {
            throw new IllegalArgumentException("several nodes share one database: add --db=postgres (H2 is one node's)\n" + USAGE);
        }
        if (postgres && "database".equals(personnel)) {
            throw new IllegalArgumentException("--personnel=database needs the embedded H2 database: Keycloak built for"
                    + " PostgreSQL has no H2 driver to read the personnel database file\n" + USAGE);
        }
        boolean personnelDatabase = personnel == null ? !postgres : personnel.equals("database");
        return new DevOptions(postgres, nodes == null ? 1 : nodes, personnelDatabase);
    }
}
