package tw.ecpa.keycloak.it;

import java.net.URI;
import java.util.List;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import tw.ecpa.keycloak.dev.realm.RealmAdminApi;

/**
 * What every integration test shares. Identical injections in every class let the framework keep one
 * server, one ecpa realm and one mail catcher for the whole run; subclasses add
 * {@code @KeycloakIntegrationTest(config = EcpaServerConfig.class)}.
 */
public abstract class EcpaIntegrationTest {

    public static final String REALM = "ecpa";

    @InjectRealm(ref = REALM, fromJson = EcpaDemoRealm.TEMPLATE, config = EcpaDemoRealm.class, lifecycle = LifeCycle.GLOBAL)
    protected ManagedRealm realm;

    @InjectMailServer
    protected MailServer mail;

    @InjectAdminClient
    protected Keycloak admin;

    /**
     * The ecpa realm's admin REST API as JSON, for keycloak-dev's realm set-up helpers, which the dev
     * launcher and the benchmarks use too.
     */
    protected RealmAdminApi realmAdminApi() {
        return RealmAdminApi.overHttp(URI.create(realm.getBaseUrl().replace("/realms/", "/admin/realms/")),
                () -> admin.tokenManager().getAccessTokenString());
    }

    /** The user holding a national ID, found the way the personnel office would: by the attribute. */
    protected UserResource userByNationalId(String nationalId) {
        List<UserRepresentation> found = realm.admin().users().searchByAttributes("nationalId:" + nationalId, true);
        if (found.size() != 1) {
            throw new AssertionError("expected one user with that national ID, found " + found.size());
        }
        return realm.admin().users().get(found.get(0).getId());
    }
}
