package tw.ecpa.keycloak.it;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.realm.RealmAdminApi;

/**
 * The demo help desk 劉冠宇. The personnel API serves the help desk only after a certificate login (the
 * default of its setting {@code certificate-level-for}), so a test signs him in to the console with his
 * card, binding it on the first login, and removes the binding afterwards.
 */
final class DemoHelpDesk implements AutoCloseable {

    static final String NATIONAL_ID = "K112233448";
    static final String CARD = "citizen-guanyu.liu";

    private final RealmResource realm;
    private final CardWorld world;
    private final BrowserFormsSettings settings;

    DemoHelpDesk(RealmResource realm, RealmAdminApi realmAdmin, CardWorld world) {
        this.realm = realm;
        this.world = world;
        this.settings = BrowserFormsSettings.forCardWorld(realm, realmAdmin, world);
        // Someone who has done the first login: a password of his own next to the card.
        DemoUsers.givePassword(admin());
    }

    /** A console token of his card login: the certificate level. */
    String consoleToken(PersonnelApiClient api) {
        world.reader().insert(CARD);
        return api.requireCardLogin(world.readerUrl(), world.catalogue().get(CARD).pin(), NATIONAL_ID);
    }

    UserResource admin() {
        UserRepresentation user = realm.users().searchByAttributes("nationalId:" + NATIONAL_ID, true).get(0);
        return realm.users().get(user.getId());
    }

    @Override
    public void close() {
        UserResource helpDesk = admin();
        helpDesk.credentials().stream().filter(c -> "ecpa-certificate".equals(c.getType()))
                .forEach(c -> helpDesk.removeCredential(c.getId()));
        helpDesk.logout();
        settings.close();
    }
}
