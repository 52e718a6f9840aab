package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.util.JsonSerialization;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DemoRealmData;

/**
 * The realm every test runs against: the operator's ecpa template as shipped in the bundle, plus the
 * same demo agencies and personnel the dev launcher imports.
 */
public class EcpaDemoRealm implements RealmConfig {

    /** Where the bundle jar carries the realm template. */
    public static final String TEMPLATE = "/ecpa-realm/ecpa-realm.json";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        RealmRepresentation template = realm.build();
        RealmRepresentation demo = readDemo();
        template.setGroups(demo.getGroups());
        template.setUsers(demo.getUsers());
        return realm;
    }

    private static RealmRepresentation readDemo() {
        try {
            return JsonSerialization.readValue(new DemoRealmData(DemoPersonnel.load()).toJson(), RealmRepresentation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
