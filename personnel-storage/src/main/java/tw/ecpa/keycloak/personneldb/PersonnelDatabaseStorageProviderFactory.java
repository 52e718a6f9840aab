package tw.ecpa.keycloak.personneldb;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.storage.CacheableStorageProviderModel;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.ImportSynchronization;
import org.keycloak.storage.user.SynchronizationResult;

import tw.ecpa.keycloak.core.BundleVersion;

/**
 * {@value #PROVIDER_ID}: the personnel database (公務人力資料庫) as a User federation provider, in import mode
 * with Keycloak's synchronisation, as Keycloak's LDAP federation does. The admin console's User federation
 * page configures it (JDBC URL, user, password through the vault, table or view, batch size) with Keycloak's
 * own sync periods, and its "Synchronize all users" / "Synchronize changed users" buttons run
 * {@link #sync} and {@link #syncSince}. The columns it reads: {@link PersonnelColumns}.
 */
public final class PersonnelDatabaseStorageProviderFactory
        implements UserStorageProviderFactory<PersonnelDatabaseStorageProvider>, ImportSynchronization,
        ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-personnel-db";

    /** The personnel are in Taiwan: "a birth date in the future" is after today there. */
    static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(PersonnelDatabaseSettings.JDBC_URL).label("JDBC URL")
            .helpText("公務人力資料庫的 JDBC URL：jdbc:postgresql://主機:5432/資料庫 或 jdbc:h2:file:路徑。"
                    + " The personnel database's JDBC URL, jdbc:postgresql://host:5432/db or jdbc:h2:file:path"
                    + " (the drivers Keycloak ships).")
            .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
            .property().name(PersonnelDatabaseSettings.USER).label("Database user")
            .helpText("唯讀的資料庫帳號。 A database user that may read the table or view, and nothing more.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(PersonnelDatabaseSettings.PASSWORD).label("Database password")
            .helpText("請以金鑰庫參照填寫，例如 ${vault.personnel-db-password}。"
                    + " Preferably a vault reference such as ${vault.personnel-db-password}.")
            .type(ProviderConfigProperty.PASSWORD).secret(true).add()
            .property().name(PersonnelDatabaseSettings.TABLE).label("Table or view")
            .helpText("符合欄位約定的資料表或檢視表（docs/personnel-database.md），例如 ecpa.personnel。"
                    + " The table or view that meets the column contract (docs/personnel-database.md), e.g. ecpa.personnel.")
            .type(ProviderConfigProperty.STRING_TYPE).required(true).add()
            .property().name(PersonnelDatabaseSettings.BATCH_SIZE).label("Batch size")
            .helpText("每個 Keycloak 交易匯入的筆數。 Rows imported per Keycloak transaction.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(PersonnelDatabaseSettings.DEFAULT_BATCH_SIZE)).add()
            .property().name(PersonnelDatabaseSettings.LOOKUP_TIMEOUT).label("Look-up timeout (seconds)")
            .helpText("登入時查詢人事資料庫最多等候的秒數；逾時則以上次同步的資料登入。"
                    + " How long a login waits for the personnel database at most; past it, the last sync's record is used.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(PersonnelDatabaseSettings.DEFAULT_LOOKUP_TIMEOUT)).add()
            .property().name(PersonnelDatabaseSettings.ON_LOAD_CACHE).label("Look-up kept (seconds)")
            .helpText("登入時查詢一人的結果保留的秒數（0：不保留）。"
                    + " How long the answer of one person's look-up at login is kept (0: not kept).")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(PersonnelDatabaseSettings.DEFAULT_ON_LOAD_CACHE)).add()
            .property().name(PersonnelDatabaseSettings.LINK_EXISTING_USERS).label("Link existing users")
            .helpText("開啟後，同步會把已在 Keycloak（例如由領域匯入建立）、身分證統一編號相同且未連結任何使用者聯盟的使用者"
                    + "連結到此公務人力資料庫並更新其資料；帳號、密碼與綁定的憑證保留。移除此提供者會一併刪除這些使用者。"
                    + " When on, a sync links a Keycloak user with the same national ID that no user federation provider"
                    + " imported (the realm import's, say) to this database and brings it up to date, keeping its account,"
                    + " password and bound cards. Removing this provider then removes those users too.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .build();

    /** The look-ups of the last seconds on this node, for every component of this type (keyed by component). */
    private final RecentAnswers recentAnswers = new RecentAnswers(Clock.systemUTC());
    private final SecureRandom random = new SecureRandom();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "公務人力資料庫（匯入並同步）。 The personnel database, imported and kept current by Keycloak's sync.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    /** The bundle's version, in the admin console's server info under this provider. */
    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }

    @Override
    public PersonnelDatabaseStorageProvider create(KeycloakSession session, ComponentModel model) {
        PersonnelDatabaseSettings settings = PersonnelDatabaseSettings.of(model);
        return new PersonnelDatabaseStorageProvider(session, model.getId(),
                () -> new OnLoadLookup(model.getId(), model.getName(),
                        OnLoadLookup.fromDatabase(settings, () -> KeycloakTransactions.resolvePassword(session, settings.password())),
                        recentAnswers, Duration.ofSeconds(settings.onLoadCacheSeconds())),
                () -> LocalDate.now(TAIWAN), random);
    }

    /** New settings: what was looked up with the old ones is not kept. */
    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        recentAnswers.forgetComponent(newModel.getId());
    }

    /** Refuses settings the sync could not use or that would be unsafe; the database is not contacted (it may be down now). */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel config) {
        List<String> problems = PersonnelDatabaseSettings.of(config).problems();
        if (!problems.isEmpty()) {
            throw new ComponentValidationException(String.join(" ", problems));
        }
        if (!new UserStorageProviderModel(config).isImportEnabled()) {
            throw new ComponentValidationException("公務人力資料庫只能以匯入模式使用，請開啟「匯入使用者」。"
                    + " The personnel database works in import mode only: turn Import users on.");
        }
        limitUserCache(config, PersonnelDatabaseSettings.of(config).onLoadCacheSeconds());
    }

    /**
     * Keycloak validates an imported user only when its user cache does not hold them, and with the default cache
     * policy it holds them until something changes them: a departed person who logged in last week would never be
     * looked up again. So the default becomes Keycloak's own "max lifespan" of the look-up's lifetime (or no cache,
     * for 0); a policy the operator chose is kept (docs/personnel-database.md).
     */
    static void limitUserCache(ComponentModel config, int onLoadCacheSeconds) {
        CacheableStorageProviderModel.CachePolicy policy = new CacheableStorageProviderModel(config).getCachePolicy();
        if (policy != null && policy != CacheableStorageProviderModel.CachePolicy.DEFAULT) {
            return;
        }
        if (onLoadCacheSeconds == 0) {
            config.getConfig().putSingle(CacheableStorageProviderModel.CACHE_POLICY,
                    CacheableStorageProviderModel.CachePolicy.NO_CACHE.name());
        } else {
            config.getConfig().putSingle(CacheableStorageProviderModel.CACHE_POLICY,
                    CacheableStorageProviderModel.CachePolicy.MAX_LIFESPAN.name());
            config.getConfig().putSingle(CacheableStorageProviderModel.MAX_LIFESPAN, String.valueOf(onLoadCacheSeconds * 1000L));
        }
    }

    @Override
    public SynchronizationResult sync(KeycloakSessionFactory sessionFactory, String realmId, UserStorageProviderModel model) {
        try {
            return personnelSync(sessionFactory, realmId, model).full(new SyncReport(model.getName()));
        } finally {
            // The rows a sync wrote are newer than what logins on this node read before it.
            recentAnswers.forgetComponent(model.getId());
        }
    }

    @Override
    public SynchronizationResult syncSince(Date lastSync, KeycloakSessionFactory sessionFactory, String realmId,
                                           UserStorageProviderModel model) {
        try {
            return personnelSync(sessionFactory, realmId, model).changedSince(lastSync.toInstant(), new SyncReport(model.getName()));
        } finally {
            recentAnswers.forgetComponent(model.getId());
        }
    }

    private static PersonnelSync personnelSync(KeycloakSessionFactory sessionFactory, String realmId, UserStorageProviderModel model) {
        return new PersonnelSync(new KeycloakTransactions(sessionFactory, realmId), model.getId(),
                PersonnelDatabaseSettings.of(model), Clock.system(TAIWAN), new SecureRandom());
    }
}
